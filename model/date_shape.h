// Recognising the written shape of a date, by hand: the grammar of each form with the
// matching rules of an ECMAScript regular expression (case-insensitive; greedy, and the
// first alternative that lets the rest match wins), so that a search finds the same text
// a backtracking regex would. Internal to model/: date_forms.h names the forms.
#pragma once

#include <cstddef>
#include <string_view>

namespace freshd {

// The shapes, written as the regular expressions they stand for. W is an optional leading
// weekday ("Sat, ", "thursday "); S is one to three blanks; TIME is "h:mm", "hh:mm:ss",
// fractions and am/pm; ZONE is Z, GMT/UTC/UT, +hh[[:]mm] or EST..PDT; COMMENT is
// "(Eastern Daylight Time)".
enum class DateShape {
  iso,            // W YYYY-M-D or YYYY/M/D, then a time (after T or S) or S and a weekday
  year_month,     // YYYY-MM
  day_first,      // W D[st] [of] MONTH[,] YYYY (or YY before a time) [, [at] TIME ZONE COMMENT]
  month_first,    // W MONTH D[st][,] YYYY [, [at] TIME ZONE COMMENT]
  numeric_long,   // D.M.YYYY, D/M/YYYY, D-M-YYYY (one separator throughout)
  numeric_short,  // D.M.YY, D/M/YY, D-M-YY
};

// The length of the text of `shape` that starts at `pos` of `text`, or 0 when none does.
// Characters around it count as context, as for a regex searching `text` (a word boundary
// after a month name looks at the next character). Precondition: pos <= text.size().
std::size_t shape_length_at(DateShape shape, std::string_view text, std::size_t pos);

// Whether the whole of `text` has `shape`.
bool is_whole_shape(DateShape shape, std::string_view text);

// The length of the weekday name ("Sat", "thursday", "tues", in any case) that begins
// `text` and is followed by a character that is not a letter, digit or '_' (or by
// nothing); 0 when `text` does not begin with one.
std::size_t weekday_name_length(std::string_view text);
// The same for a month name ("Dec", "september", "Sept").
std::size_t month_name_length(std::string_view text);

}  // namespace freshd
