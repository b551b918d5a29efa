#include "model/calendar_schedule.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

namespace freshd {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// "2026-03-29 01:00:00", always UTC.
Seconds utc(const char* text) {
  std::istringstream in(text);
  Seconds instant{};
  in >> date::parse("%F %T", instant);
  REQUIRE_FALSE(in.fail());
  return instant;
}

Days day(const char* text) {
  std::istringstream in(text);
  Days parsed{};
  in >> date::parse("%F", parsed);
  REQUIRE_FALSE(in.fail());
  return parsed;
}

// Weekdays as seven characters from Sunday to Saturday, '1' where the schedule runs.
std::array<bool, 7> mask(const char* sun_to_sat) {
  std::array<bool, 7> days{};
  for (std::size_t i = 0; i < 7; ++i) days[i] = sun_to_sat[i] == '1';
  return days;
}

CalendarSchedule schedule(const char* text) {
  const Result<CalendarSchedule> parsed = parse_calendar_schedule(text);
  REQUIRE_MESSAGE(parsed.ok(), parsed.error().message);
  return *parsed;
}

TEST_CASE("schedules are read in the common OnCalendar forms, weekday names in any case") {
  struct Case {
    const char* text;
    const char* days;  // Sun..Sat
    seconds time_of_day;
  };
  const Case cases[] = {
      {"Mon 09:00", "0100000", hours{9}},
      {"mon 09:00", "0100000", hours{9}},
      {"MONDAY 9:00", "0100000", hours{9}},
      {"Mon,Thu 08:30", "0100100", hours{8} + minutes{30}},
      {"Monday, thursday 08:30", "0100100", hours{8} + minutes{30}},
      {"Mon..Fri 07:15", "0111110", hours{7} + minutes{15}},
      {"Mon .. Fri 07:15", "0111110", hours{7} + minutes{15}},
      {"Sat..Sun 10:00", "1000001", hours{10}},
      {"Mon..Wed,Fri 06:00", "0111010", hours{6}},
      {"Tue,Tue 12:00", "0010000", hours{12}},
      {"*-*-* 07:00", "1111111", hours{7}},
      {"07:00", "1111111", hours{7}},
      {"Sun *-*-* 23:59:59", "1000000", hours{23} + minutes{59} + seconds{59}},
      {"Sun 18:00:30", "1000000", hours{18} + seconds{30}},
      {"daily", "1111111", seconds{0}},
      {" Daily ", "1111111", seconds{0}},
      {"weekly", "0100000", seconds{0}},
      {"  Fri 17:00  ", "0000010", hours{17}},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    const CalendarSchedule parsed = schedule(c.text);
    CHECK(parsed.weekdays == mask(c.days));
    CHECK(parsed.time_of_day == c.time_of_day);
    CHECK(parsed.text == c.text);
  }
}

TEST_CASE("a schedule that cannot be read is refused naming the text, the problem and examples") {
  struct Case {
    const char* text;
    const char* problem;
  };
  const Case cases[] = {
      {"Mon 25:00", "hour 25 is out of range (00-23)"},
      {"Mon 24:00", "hour 24 is out of range (00-23)"},
      {"Mon 09:60", "minute 60 is out of range (00-59)"},
      {"Sun 18:00:61", "second 61 is out of range (00-59)"},
      {"", "the schedule is empty"},
      {"   ", "the schedule is empty"},
      {"Mnday 09:00", "'Mnday' is not a weekday (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"},
      {"Mon..Funday 09:00", "'Funday' is not a weekday (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"},
      {"Mon", "no time of day (add HH:MM, as in Mon 09:00)"},
      {"*-*-*", "no time of day (add HH:MM, as in Mon 09:00)"},
      {"Mon 9h", "'9h' is not a time of day (HH:MM or HH:MM:SS)"},
      {"Mon 9:0", "'9:0' is not a time of day (HH:MM or HH:MM:SS)"},
      {"Mon 009:00", "'009:00' is not a time of day (HH:MM or HH:MM:SS)"},
      {"Mon 09:00:00:00", "'09:00:00:00' is not a time of day (HH:MM or HH:MM:SS)"},
      {"Mon 09-00", "'09-00' is not a time of day (HH:MM or HH:MM:SS)"},
      {"Fri..Mon 09:00",
       "range 'Fri..Mon' runs backwards (weeks run Mon..Sun; write Fri..Sun,Mon)"},
      {"Sun..Sat 09:00",
       "range 'Sun..Sat' runs backwards (weeks run Mon..Sun; write Sun,Mon..Sat)"},
      {"Mon,,Thu 09:00", "empty weekday in 'Mon,,Thu'"},
      {"Mon, 09:00", "empty weekday in 'Mon,'"},
      {"2026-*-01 09:00", "only '*-*-*' (every day) is supported as the date, not '2026-*-01'"},
      {"Mon 09:00 Europe/Berlin",
       "unexpected 'Europe/Berlin' after the time of day (the zone is set by report.timezone)"},
      {"Mon 09:00 UTC",
       "unexpected 'UTC' after the time of day (the zone is set by report.timezone)"},
      {"Mon 09:00 sharp", "unexpected 'sharp' after the time of day"},
      {"hourly", "'hourly' is not supported (only daily and weekly)"},
      {"Monthly", "'Monthly' is not supported (only daily and weekly)"},
      {"daily 09:00", "'daily' takes no time of day; write *-*-* HH:MM instead"},
      {"weekly 09:00", "'weekly' takes no time of day; write Mon HH:MM instead"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    const Result<CalendarSchedule> parsed = parse_calendar_schedule(c.text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message ==
          "report.schedule '" + std::string(c.text) + "': " + c.problem +
              "; examples: Mon 09:00, Mon,Thu 08:30, *-*-* 07:00, weekly, daily");
  }
}

struct OccurrenceCase {
  const char* schedule;
  const char* zone;
  const char* at;         // UTC: `after` for next_occurrence, `at` for previous_occurrence
  const char* local_day;  // the scheduled local day expected
  const char* instant;    // UTC expected
};

void check_next(const OccurrenceCase& c) {
  CAPTURE(std::string(c.schedule));
  CAPTURE(std::string(c.zone));
  CAPTURE(std::string(c.at));
  const Occurrence next =
      next_occurrence(schedule(c.schedule), utc(c.at), date::locate_zone(c.zone));
  CHECK(date::format("%F", next.local_day) == c.local_day);
  CHECK(date::format("%F %T", next.instant) == c.instant);
}

TEST_CASE("a wall time in a spring-forward gap runs at the first instant after the gap") {
  const OccurrenceCase cases[] = {
      // Berlin jumps 02:00 CET -> 03:00 CEST at 01:00 UTC on 2026-03-29.
      {"Sun 02:30", "Europe/Berlin", "2026-03-28 12:00:00", "2026-03-29", "2026-03-29 01:00:00"},
      {"*-*-* 02:30", "Europe/Berlin", "2026-03-28 02:00:00", "2026-03-29", "2026-03-29 01:00:00"},
      {"*-*-* 02:30", "Europe/Berlin", "2026-03-29 01:00:00", "2026-03-30", "2026-03-30 00:30:00"},
      {"Sun 09:00", "Europe/Berlin", "2026-03-28 12:00:00", "2026-03-29", "2026-03-29 07:00:00"},
      {"Mon 09:00", "Europe/Berlin", "2026-03-27 12:00:00", "2026-03-30", "2026-03-30 07:00:00"},
      // New York jumps 02:00 EST -> 03:00 EDT at 07:00 UTC on 2026-03-08.
      {"Sun 02:30", "America/New_York", "2026-03-07 12:00:00", "2026-03-08", "2026-03-08 07:00:00"},
      {"Mon..Fri 07:15", "America/New_York", "2026-03-06 13:00:00", "2026-03-09",
       "2026-03-09 11:15:00"},
      // Sydney jumps 02:00 AEST -> 03:00 AEDT at 16:00 UTC on 2026-10-03.
      {"Sun 02:30", "Australia/Sydney", "2026-10-02 00:00:00", "2026-10-04", "2026-10-03 16:00:00"},
      {"Mon 09:00", "Australia/Sydney", "2026-10-03 00:00:00", "2026-10-05", "2026-10-04 22:00:00"},
  };
  for (const OccurrenceCase& c : cases) check_next(c);
}

TEST_CASE("a wall time repeated in the autumn runs once, at its first occurrence") {
  const OccurrenceCase cases[] = {
      // Berlin falls back 03:00 CEST -> 02:00 CET at 01:00 UTC on 2026-10-25.
      {"Sun 02:30", "Europe/Berlin", "2026-10-24 12:00:00", "2026-10-25", "2026-10-25 00:30:00"},
      {"*-*-* 02:30", "Europe/Berlin", "2026-10-25 00:30:00", "2026-10-26", "2026-10-26 01:30:00"},
      {"*-*-* 02:30", "Europe/Berlin", "2026-10-25 01:00:00", "2026-10-26", "2026-10-26 01:30:00"},
      {"Sun 09:00", "Europe/Berlin", "2026-10-24 12:00:00", "2026-10-25", "2026-10-25 08:00:00"},
      {"Mon 09:00", "Europe/Berlin", "2026-10-20 00:00:00", "2026-10-26", "2026-10-26 08:00:00"},
      // New York falls back 02:00 EDT -> 01:00 EST at 06:00 UTC on 2026-11-01: 02:30 is
      // not repeated there, 01:30 is.
      {"Sun 02:30", "America/New_York", "2026-10-31 12:00:00", "2026-11-01", "2026-11-01 07:30:00"},
      {"Sun 01:30", "America/New_York", "2026-10-31 12:00:00", "2026-11-01", "2026-11-01 05:30:00"},
      {"*-*-* 01:30", "America/New_York", "2026-11-01 05:30:00", "2026-11-02",
       "2026-11-02 06:30:00"},
      // Sydney falls back 03:00 AEDT -> 02:00 AEST at 16:00 UTC on 2026-04-04.
      {"Sun 02:30", "Australia/Sydney", "2026-04-03 00:00:00", "2026-04-05", "2026-04-04 15:30:00"},
      {"*-*-* 02:30", "Australia/Sydney", "2026-04-04 15:30:00", "2026-04-06",
       "2026-04-05 16:30:00"},
      {"Mon 09:00", "Australia/Sydney", "2026-04-04 00:00:00", "2026-04-06", "2026-04-05 23:00:00"},
  };
  for (const OccurrenceCase& c : cases) check_next(c);
}

TEST_CASE("the next occurrence is strictly after, on the listed weekdays, in zones without DST") {
  const OccurrenceCase cases[] = {
      {"Mon 09:00", "Asia/Kolkata", "2026-06-01 03:30:00", "2026-06-08", "2026-06-08 03:30:00"},
      {"Mon 09:00", "Asia/Kolkata", "2026-06-01 03:29:59", "2026-06-01", "2026-06-01 03:30:00"},
      {"*-*-* 02:00", "Asia/Kolkata", "2026-05-31 20:00:00", "2026-06-01", "2026-05-31 20:30:00"},
      {"Mon 09:00", "UTC", "2026-06-01 09:00:00", "2026-06-08", "2026-06-08 09:00:00"},
      {"Mon,Thu 08:30", "UTC", "2026-06-01 08:30:00", "2026-06-04", "2026-06-04 08:30:00"},
      {"Mon,Thu 08:30", "UTC", "2026-06-04 08:30:01", "2026-06-08", "2026-06-08 08:30:00"},
      {"Mon..Fri 07:15", "UTC", "2026-06-05 07:15:00", "2026-06-08", "2026-06-08 07:15:00"},
      {"Mon..Fri 07:15", "UTC", "2026-06-02 07:14:59", "2026-06-02", "2026-06-02 07:15:00"},
      {"Sun 18:00:30", "UTC", "2026-06-07 18:00:29", "2026-06-07", "2026-06-07 18:00:30"},
      {"weekly", "UTC", "2026-06-08 00:00:00", "2026-06-15", "2026-06-15 00:00:00"},
      // The local day is the scheduled one, not the UTC day the instant falls on.
      {"Sun 23:00", "America/New_York", "2026-06-07 12:00:00", "2026-06-07", "2026-06-08 03:00:00"},
  };
  for (const OccurrenceCase& c : cases) check_next(c);
}

TEST_CASE("occurrences cross year ends and leap days on the local calendar") {
  const OccurrenceCase cases[] = {
      {"*-*-* 07:00", "Europe/Berlin", "2026-12-31 06:00:00", "2027-01-01", "2027-01-01 06:00:00"},
      {"Fri 09:00", "UTC", "2026-12-31 09:00:00", "2027-01-01", "2027-01-01 09:00:00"},
      {"daily", "America/New_York", "2026-12-31 12:00:00", "2027-01-01", "2027-01-01 05:00:00"},
      {"daily", "Asia/Kolkata", "2026-12-31 18:30:00", "2027-01-02", "2027-01-01 18:30:00"},
      {"Mon 09:00", "UTC", "2026-12-29 00:00:00", "2027-01-04", "2027-01-04 09:00:00"},
      {"daily", "UTC", "2028-02-28 00:00:00", "2028-02-29", "2028-02-29 00:00:00"},
      {"daily", "UTC", "2028-02-29 00:00:00", "2028-03-01", "2028-03-01 00:00:00"},
      {"daily", "UTC", "2027-02-28 00:00:00", "2027-03-01", "2027-03-01 00:00:00"},
      {"*-*-* 09:00", "Europe/Berlin", "2028-02-28 08:00:00", "2028-02-29", "2028-02-29 08:00:00"},
      {"*-*-* 09:00", "Europe/Berlin", "2028-02-29 08:00:00", "2028-03-01", "2028-03-01 08:00:00"},
      {"Tue 12:00", "UTC", "2028-02-23 12:00:00", "2028-02-29", "2028-02-29 12:00:00"},
  };
  for (const OccurrenceCase& c : cases) check_next(c);
}

TEST_CASE("the previous occurrence is the latest at or before `at`, for one catch-up run") {
  const OccurrenceCase cases[] = {
      // Down from Sunday to Wednesday: Monday's report is the one to catch up.
      {"Mon 09:00", "Europe/Berlin", "2026-06-10 10:00:00", "2026-06-08", "2026-06-08 07:00:00"},
      {"Mon 09:00", "Europe/Berlin", "2026-06-08 07:00:00", "2026-06-08", "2026-06-08 07:00:00"},
      {"Mon 09:00", "Europe/Berlin", "2026-06-08 06:59:59", "2026-06-01", "2026-06-01 07:00:00"},
      {"Sun 02:30", "Europe/Berlin", "2026-03-29 01:00:00", "2026-03-29", "2026-03-29 01:00:00"},
      {"*-*-* 02:30", "Europe/Berlin", "2026-03-29 00:59:59", "2026-03-28", "2026-03-28 01:30:00"},
      {"*-*-* 02:30", "Europe/Berlin", "2026-10-25 01:45:00", "2026-10-25", "2026-10-25 00:30:00"},
      {"Mon,Thu 08:30", "UTC", "2026-06-07 12:00:00", "2026-06-04", "2026-06-04 08:30:00"},
      {"Mon 09:00", "UTC", "2027-01-01 12:00:00", "2026-12-28", "2026-12-28 09:00:00"},
      {"daily", "UTC", "2028-03-01 00:00:00", "2028-03-01", "2028-03-01 00:00:00"},
      {"daily", "UTC", "2028-02-29 23:59:59", "2028-02-29", "2028-02-29 00:00:00"},
      {"Mon 09:00", "Australia/Sydney", "2026-10-04 21:59:59", "2026-09-28", "2026-09-27 23:00:00"},
      {"Sun 01:30", "America/New_York", "2026-11-01 06:59:59", "2026-11-01", "2026-11-01 05:30:00"},
  };
  for (const OccurrenceCase& c : cases) {
    CAPTURE(std::string(c.schedule));
    CAPTURE(std::string(c.at));
    const std::optional<Occurrence> previous =
        previous_occurrence(schedule(c.schedule), utc(c.at), date::locate_zone(c.zone));
    REQUIRE(previous.has_value());
    CHECK(date::format("%F", previous->local_day) == c.local_day);
    CHECK(date::format("%F %T", previous->instant) == c.instant);
  }
}

TEST_CASE("a daily schedule through a DST year runs once per local day, in order") {
  const date::time_zone* berlin = date::locate_zone("Europe/Berlin");
  const CalendarSchedule daily = schedule("*-*-* 02:30");
  Occurrence occurrence = next_occurrence(daily, utc("2025-12-31 12:00:00"), berlin);
  int runs = 1;
  while (occurrence.local_day < day("2026-12-31")) {
    const Occurrence next = next_occurrence(daily, occurrence.instant, berlin);
    REQUIRE(next.local_day == occurrence.local_day + date::days{1});
    REQUIRE(next.instant > occurrence.instant);
    REQUIRE(previous_occurrence(daily, next.instant, berlin) == next);
    occurrence = next;
    ++runs;
  }
  CHECK(runs == 365);
}

TEST_CASE("a schedule with no weekday never occurs") {
  const CalendarSchedule none{};
  const date::time_zone* utc_zone = date::locate_zone("UTC");
  const Occurrence next = next_occurrence(none, utc("2026-06-01 00:00:00"), utc_zone);
  CHECK(next == Occurrence{Days::max(), Seconds::max()});
  CHECK_FALSE(previous_occurrence(none, utc("2026-06-01 00:00:00"), utc_zone).has_value());
}

TEST_CASE("ISO week labels use the ISO week-numbering year at year ends") {
  struct Case {
    const char* day;
    const char* label;
  };
  const Case cases[] = {
      {"2026-11-23", "2026-W48"}, {"2026-11-29", "2026-W48"}, {"2026-06-01", "2026-W23"},
      {"2026-01-01", "2026-W01"}, {"2025-12-29", "2026-W01"}, {"2026-12-31", "2026-W53"},
      {"2027-01-01", "2026-W53"}, {"2027-01-03", "2026-W53"}, {"2027-01-04", "2027-W01"},
      {"2024-12-29", "2024-W52"}, {"2024-12-30", "2025-W01"}, {"2021-01-01", "2020-W53"},
      {"2021-01-04", "2021-W01"}, {"2028-02-29", "2028-W09"}, {"2028-01-02", "2027-W52"},
      {"2028-01-03", "2028-W01"}, {"2009-12-31", "2009-W53"}, {"2008-12-29", "2009-W01"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.day));
    CHECK(iso_week_label(day(c.day)) == c.label);
  }
}

}  // namespace
}  // namespace freshd
