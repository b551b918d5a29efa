// Parsing the many ways people write dates in notes, with Howard Hinnant's date library.
// Pure: the vault's time zone comes in as a parameter; nothing here reads the clock.
#pragma once

#include "model/date_value.h"
#include "model/result.h"

#include <date/tz.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace freshd {

// How to read an all-numeric date whose order is ambiguous ("04/05/2026").
enum class NumericOrder {
  none,            // refuse: such dates are reported as problems
  day_month_year,  // 04/05/2026 is 4 May 2026
  month_day_year,  // 04/05/2026 is 5 April 2026
};

struct DateParseOptions {
  // The vault's zone: date-only values are days in it, times without an offset are local
  // to it. Never null.
  const date::time_zone* zone = nullptr;
  NumericOrder numeric_order = NumericOrder::none;
};

// Parses one date written in any supported form, the whole of `text` (surrounding space
// and quotes ignored):
//   ISO 8601 dates and date-times (Z, +HH:MM, +HHMM, fractions, T or space), YYYY-MM,
//   YYYY/MM/DD, RFC 2822, month names in either order with optional weekday and ordinal,
//   JavaScript Date strings, Obsidian/Logseq links ([[2026-04-18]], [[2026-04-18 Sat]],
//   [[2026/04/18]]), numeric D/M/Y or M/D/Y only with a configured order.
// A local time in a daylight-saving gap resolves to the first instant after the gap; a
// repeated local time to its first occurrence.
// Errors say what is wrong with the text: impossible day, weekday contradicting the
// date, template placeholder, ambiguous numeric order, not a date. Dates in the future are
// not judged here (the caller knows `now`).
Result<DateValue> parse_date(std::string_view text, const DateParseOptions& options);

// A date found inside a longer piece of text.
struct FoundDate {
  Result<DateValue> value;  // an Error when the text looks like a date but is not one
  std::size_t offset = 0;   // where the date's text starts in the searched text
  std::string raw;          // the date's text as written
};

// Finds the first date written in a line of prose ("Published December 4, 2025 · 12 min",
// "This week's edition, 26 November 2025"). nullopt when the line holds nothing that looks
// like a date.
std::optional<FoundDate> find_date_in_text(std::string_view line, const DateParseOptions& options);

// Finds a date in a file name: "2024-05-01-launch.md", "2026-04-18.md",
// "2026-04-18 Sat.md". Only the leading YYYY-MM-DD (or a whole stem that is a date) counts.
std::optional<FoundDate> find_date_in_file_name(std::string_view file_name,
                                                const DateParseOptions& options);

}  // namespace freshd
