// The written shapes of a date that freshd recognises, shared by whole-value parsing and
// by the search in prose lines and file names. Internal to model/: the contract users
// see is date_parser.h.
#pragma once

#include "model/date_shape.h"

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace freshd {

enum class DateFormKind {
  iso,          // 2026-04-06, 2026/04/06, 2025-12-04T10:30:00+01:00, 2026-04-18 Sat
  year_month,   // 2024-05
  day_first,    // 4 December 2025, Tue, 03 Mar 2026 14:05:00 +0000
  month_first,  // December 4, 2025; Sat Apr 18 2026 20:00:00 GMT-0400 (...)
  numeric,      // 04/05/2026, 4.5.26: the order of day and month is ambiguous
};

struct DateForm {
  DateFormKind kind;
  DateShape shape;  // case-insensitive; the text as written, nothing around it
  bool in_prose;     // searched for inside prose (forms prone to false hits are not)
};

// Every form, in the order a whole value is tried against them. Built once; safe to
// share between threads.
const std::vector<DateForm>& date_forms();

// Whether `text` begins with a weekday name ("Sat", "thursday"), in any case.
bool starts_with_weekday(std::string_view text);

// A matched date rewritten for date::from_stream: lower case, single spaces, no ordinals,
// commas, fractions of a second or zone names (a zone becomes "+hhmm"), numeric
// separators unified ('-' for ISO, '/' for numeric forms). The weekday, if written, is
// taken out to be checked against the date.
struct CanonicalDate {
  std::string text;
  std::optional<date::weekday> weekday;
};

CanonicalDate canonicalise(std::string_view written, DateFormKind kind);

}  // namespace freshd
