// A date as freshd knows it: a month, a calendar day or an exact instant.
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace freshd {

using Seconds = date::sys_seconds;  // an instant, UTC
using Days = date::sys_days;        // a calendar day (in the vault's zone)

enum class DatePrecision {
  month,    // "2024-05": day is the first of the month
  day,      // "2026-04-06": a day in the vault's time zone
  instant,  // "2025-12-04T10:30:00+01:00": an exact instant
};

// "month", "day", "instant": the names the store and the interface use.
std::string_view to_string(DatePrecision precision);
std::optional<DatePrecision> date_precision_from_string(std::string_view text);

// Every DateValue carries both views, so callers never re-resolve time zones:
// - day: the calendar day in the vault's zone (for instants, the local day they fall on);
// - instant: exact UTC; for day and month precision, the start of `day` in the vault's zone.
struct DateValue {
  DatePrecision precision = DatePrecision::day;
  Days day{};
  Seconds instant{};

  friend bool operator==(const DateValue&, const DateValue&) = default;
};

// "YYYY-MM" for months, "YYYY-MM-DD" for days, "YYYY-MM-DDTHH:MM:SSZ" (UTC) for instants:
// the forms of DESIGN.md's interface contract.
std::string format_date(const DateValue& value);

// "YYYY-MM-DD".
std::string format_day(Days day);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_instant(Seconds instant);

// The inverses of format_day and format_instant for years 0..9999: exactly those forms,
// else nullopt.
std::optional<Days> parse_day_text(std::string_view text);
std::optional<Seconds> parse_instant_text(std::string_view text);

}  // namespace freshd
