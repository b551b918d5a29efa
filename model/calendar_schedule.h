// When the weekly report runs: a systemd OnCalendar=-style schedule ("Mon 09:00") and its
// occurrences in a time zone, daylight-saving gaps and repeats resolved one defined way.
#pragma once

#include "model/date_value.h"
#include "model/result.h"

#include <date/tz.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace freshd {

// A parsed report.schedule, in the style of systemd's OnCalendar= for the common forms:
//   "Mon 09:00", "Mon,Thu 08:30", "Mon..Fri 07:15", "*-*-* 07:00", "daily" (= *-*-* 00:00),
//   "weekly" (= Mon 00:00), "Sun 18:00:30" (seconds allowed), weekday names full or
//   3-letter, case-insensitive. A parsed schedule has at least one weekday set.
struct CalendarSchedule {
  std::array<bool, 7> weekdays{};          // indexed by date::weekday::c_encoding() (Sun = 0)
  std::chrono::seconds time_of_day{0};     // local wall time, in [00:00:00, 24:00:00)
  std::string text;                         // as written, for messages and the JSON report

  friend bool operator==(const CalendarSchedule&, const CalendarSchedule&) = default;
};

// Errors: "report.schedule 'Mon 25:00': <what is wrong>; examples: Mon 09:00, Mon,Thu 08:30,
// *-*-* 07:00, weekly, daily".
Result<CalendarSchedule> parse_calendar_schedule(std::string_view text);

// One occurrence: the local day and wall time it was scheduled for (the "intent"), and the
// instant it resolves to in `zone`.
struct Occurrence {
  Days local_day;          // the scheduled local calendar day
  Seconds instant;         // UTC
  friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

// The first occurrence strictly after `after`. A wall time in a spring-forward gap resolves
// to the first instant after the gap; a wall time repeated in the autumn runs once, at its
// first occurrence (so two consecutive occurrences are never the same local day twice).
// Precondition: `zone` is not null. A schedule with no weekday (never from the parser)
// never runs: the result is {Days::max(), Seconds::max()}.
Occurrence next_occurrence(const CalendarSchedule& schedule, Seconds after,
                           const date::time_zone* zone);

// The latest occurrence at or before `at` (for catching up a missed run once); nullopt only if
// none exists in the previous 8 days (impossible for a valid schedule).
// Precondition: `zone` is not null.
std::optional<Occurrence> previous_occurrence(const CalendarSchedule& schedule, Seconds at,
                                              const date::time_zone* zone);

// ISO week label of a local day: "2026-W48" (ISO 8601 week-numbering year: 2026-12-31 is
// 2026-W53; 2027-01-01 is 2026-W53; 2024-12-30 is 2025-W01).
std::string iso_week_label(Days day);

}  // namespace freshd
