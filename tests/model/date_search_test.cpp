#include "model/date_parser.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

DateParseOptions in_zone(const char* zone, NumericOrder order = NumericOrder::none) {
  return DateParseOptions{date::locate_zone(zone), order};
}

constexpr auto kDay = DatePrecision::day;
constexpr auto kInstant = DatePrecision::instant;
constexpr auto kMonth = DatePrecision::month;

struct FoundCase {
  const char* text;
  std::size_t offset;
  const char* raw;
  DatePrecision precision;
  const char* day;      // YYYY-MM-DD in the vault's zone
  const char* instant;  // YYYY-MM-DDTHH:MM:SSZ
};

struct FoundErrorCase {
  const char* text;
  std::size_t offset;
  const char* raw;
  const char* error;  // a substring of the message
};

using Finder = std::optional<FoundDate> (*)(std::string_view, const DateParseOptions&);

void check_found(Finder find, std::initializer_list<FoundCase> cases,
                 const DateParseOptions& options) {
  for (const FoundCase& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const auto found = find(c.text, options);
    REQUIRE(found.has_value());
    CHECK(found->offset == c.offset);
    CHECK(found->raw == std::string(c.raw));
    REQUIRE_MESSAGE(found->value.ok(), found->value.error().message);
    CHECK(found->value->precision == c.precision);
    CHECK(format_day(found->value->day) == std::string(c.day));
    CHECK(format_instant(found->value->instant) == std::string(c.instant));
  }
}

void check_found_errors(Finder find, std::initializer_list<FoundErrorCase> cases) {
  for (const FoundErrorCase& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const auto found = find(c.text, in_zone("Europe/Berlin"));
    REQUIRE(found.has_value());
    CHECK(found->offset == c.offset);
    CHECK(found->raw == std::string(c.raw));
    REQUIRE(!found->value.ok());
    CHECK_MESSAGE(found->value.error().message.find(c.error) != std::string::npos,
                  found->value.error().message);
  }
}

void check_nothing_found(Finder find, std::initializer_list<const char*> texts) {
  for (const char* c : texts) {
    const std::string text = c;
    CAPTURE(text);
    const auto found = find(text, in_zone("Europe/Berlin", NumericOrder::day_month_year));
    CHECK_MESSAGE(!found.has_value(), found->raw);
  }
}

TEST_CASE("the first date written in a line of prose is found and parsed") {
  check_found(
      find_date_in_text,
      {
          {"Published December 4, 2025 · 12 min", 10, "December 4, 2025", kDay, "2025-12-04",
           "2025-12-03T23:00:00Z"},
          {"This week's edition, 26 November 2025", 21, "26 November 2025", kDay, "2025-11-26",
           "2025-11-25T23:00:00Z"},
          {"Updated on 2026-01-05.", 11, "2026-01-05", kDay, "2026-01-05", "2026-01-04T23:00:00Z"},
          {"Last reviewed: 2026/02/01", 15, "2026/02/01", kDay, "2026-02-01",
           "2026-01-31T23:00:00Z"},
          {"see [[2026-04-18]] for notes", 6, "2026-04-18", kDay, "2026-04-18",
           "2026-04-17T22:00:00Z"},
          {"Posted Thu, Dec 4th 2025 by Ann", 7, "Thu, Dec 4th 2025", kDay, "2025-12-04",
           "2025-12-03T23:00:00Z"},
          {"Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)", 0,
           "Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)", kInstant, "2026-04-19",
           "2026-04-19T00:00:00Z"},
          {"Date: Tue, 03 Mar 2026 14:05:00 +0000", 6, "Tue, 03 Mar 2026 14:05:00 +0000",
           kInstant, "2026-03-03", "2026-03-03T14:05:00Z"},
          {"Released 2026-04-06T10:30:00Z today", 9, "2026-04-06T10:30:00Z", kInstant,
           "2026-04-06", "2026-04-06T10:30:00Z"},
          {"Dec 4, 2025 at 3:00 PM, by the editors", 0, "Dec 4, 2025 at 3:00 PM", kInstant,
           "2025-12-04", "2025-12-04T14:00:00Z"},
          {"From 2026-01-05 to 2026-02-05", 5, "2026-01-05", kDay, "2026-01-05",
           "2026-01-04T23:00:00Z"},
          {"I sat 5 May 2024 by the river", 6, "5 May 2024", kDay, "2024-05-05",
           "2024-05-04T22:00:00Z"},
          {"**Published:** 2025-11-30", 15, "2025-11-30", kDay, "2025-11-30",
           "2025-11-29T23:00:00Z"},
          {"(updated 2026-03-01)", 9, "2026-03-01", kDay, "2026-03-01", "2026-02-28T23:00:00Z"},
          {"Meeting notes — Wednesday, 1st of April 2026", 18, "Wednesday, 1st of April 2026",
           kDay, "2026-04-01", "2026-03-31T22:00:00Z"},
          {"Last edited 2026-03-29 02:30 local time", 12, "2026-03-29 02:30", kInstant,
           "2026-03-29", "2026-03-29T01:00:00Z"},
          {"on 2026/2/1 we met", 3, "2026/2/1", kDay, "2026-02-01", "2026-01-31T23:00:00Z"},
          {"Written on July 4, 1976.", 11, "July 4, 1976", kDay, "1976-07-04",
           "1976-07-03T23:00:00Z"},
          {"1 May 2024", 0, "1 May 2024", kDay, "2024-05-01", "2024-04-30T22:00:00Z"},
          {"\"December 4, 2025\"", 1, "December 4, 2025", kDay, "2025-12-04",
           "2025-12-03T23:00:00Z"},
          {"Logseq: [[Apr 18th, 2026]]", 10, "Apr 18th, 2026", kDay, "2026-04-18",
           "2026-04-17T22:00:00Z"},
          {"Due by 31/12/2026 at the latest", 7, "31/12/2026", kDay, "2026-12-31",
           "2026-12-30T23:00:00Z"},
          // Words that only begin like a month or a weekday open no date.
          {"Marching on Sundays, Sept 4, 2025 it was", 21, "Sept 4, 2025", kDay,
           "2025-09-04", "2025-09-03T22:00:00Z"},
          {"MAY 5, 2024 UPDATE", 0, "MAY 5, 2024", kDay, "2024-05-05", "2024-05-04T22:00:00Z"},
      },
      in_zone("Europe/Berlin", NumericOrder::day_month_year));
  check_found(find_date_in_text,
              {{"Captured 4.5.2026 in Ohio", 9, "4.5.2026", kDay, "2026-04-05",
                "2026-04-05T04:00:00Z"}},
              in_zone("America/New_York", NumericOrder::month_day_year));
}

TEST_CASE("a date-looking text in prose that is not a real date is found as an error") {
  check_found_errors(
      find_date_in_text,
      {
          {"March 32, 2026 was the day", 0, "March 32, 2026", "March 2026 has no day 32"},
          {"Due 2026-02-30 at the latest", 4, "2026-02-30", "February 2026 has no day 30"},
          {"Posted Fri, 03 Mar 2026", 7, "Fri, 03 Mar 2026", "is a Tuesday, not a Friday"},
          {"Meeting on 04/05/2026 at noon", 11, "04/05/2026", "set vault.numeric_order"},
          {"Born 1850-01-01", 5, "1850-01-01", "year 1850 is implausible"},
          {"At 2026-04-06 25:00 sharp", 3, "2026-04-06 25:00", "25:00:00 is not a time of day"},
      });
}

TEST_CASE("prose with numbers that are not dates yields nothing") {
  check_nothing_found(find_date_in_text,
                      {
                          "Version 2.0.1",
                          "call 555-1234",
                          "in 2024 we shipped 3 releases",
                          "",
                          "no digits here at all",
                          "v2026-04-06",
                          "build 1.2026-04-06.3",
                          "Version 1.2.24",
                          "Chapter 3 of 10",
                          "the 2019-20 season",
                          "ISBN 978-3-16-148410-0",
                          "Score 10:30 to 2024",
                          "date: {{date}}",
                          "Dec 2025 edition",
                          "Room 12/3",
                          "2024-05 roadmap",
                          "see 4/5/26",
                          "id 2026-04-06abc",
                          "pages 12-15",
                          "1,234,567 users",
                          "Call 1-800-555-1234",
                          "IP 192.168.1.10",
                          "Rated 4.5/5 by 2024 readers",
                          "released in May 2024",
                      });
}

TEST_CASE("a file name is dated by its leading YYYY-MM-DD or a stem that is a date") {
  check_found(
      find_date_in_file_name,
      {
          {"2024-05-01-launch.md", 0, "2024-05-01", kDay, "2024-05-01", "2024-04-30T22:00:00Z"},
          {"2026-04-18.md", 0, "2026-04-18", kDay, "2026-04-18", "2026-04-17T22:00:00Z"},
          {"2026-04-18 Sat.md", 0, "2026-04-18 Sat", kDay, "2026-04-18", "2026-04-17T22:00:00Z"},
          {"_posts/2024-05-01-launch.md", 7, "2024-05-01", kDay, "2024-05-01",
           "2024-04-30T22:00:00Z"},
          {"daily/2026-04-18.md", 6, "2026-04-18", kDay, "2026-04-18", "2026-04-17T22:00:00Z"},
          {"journals\\2026-04-18.md", 9, "2026-04-18", kDay, "2026-04-18",
           "2026-04-17T22:00:00Z"},
          {"notes/2025/2025-12-04-scaling-laws.md", 11, "2025-12-04", kDay, "2025-12-04",
           "2025-12-03T23:00:00Z"},
          {"2024-05.md", 0, "2024-05", kMonth, "2024-05-01", "2024-04-30T22:00:00Z"},
          {"Apr 18th, 2026.md", 0, "Apr 18th, 2026", kDay, "2026-04-18",
           "2026-04-17T22:00:00Z"},
          {"2024-05-01_launch.markdown", 0, "2024-05-01", kDay, "2024-05-01",
           "2024-04-30T22:00:00Z"},
          {"2024-05-01 Team sync.md", 0, "2024-05-01", kDay, "2024-05-01",
           "2024-04-30T22:00:00Z"},
          {"2026-04-18", 0, "2026-04-18", kDay, "2026-04-18", "2026-04-17T22:00:00Z"},
          {"2026-04-19.txt", 0, "2026-04-19", kDay, "2026-04-19", "2026-04-18T22:00:00Z"},
      },
      in_zone("Europe/Berlin"));
}

TEST_CASE("a file name that looks dated but holds no real date is found as an error") {
  check_found_errors(find_date_in_file_name,
                     {
                         {"2026-02-30.md", 0, "2026-02-30", "February 2026 has no day 30"},
                         {"2026-04-17 Sat.md", 0, "2026-04-17 Sat", "is a Friday, not a Saturday"},
                         {"04-05-2026.md", 0, "04-05-2026", "set vault.numeric_order"},
                         {"log/2025-13-01-x.md", 4, "2025-13-01", "there is no month 13"},
                     });
}

TEST_CASE("file names without a leading date yield nothing") {
  check_nothing_found(find_date_in_file_name,
                      {
                          "report-2026.md",
                          "v1.2.3.md",
                          "notes.md",
                          "20240501-launch.md",
                          "2024-05-012.md",
                          "2024.md",
                          "launch-2024-05-01.md",
                          "",
                          "2024/notes.md",
                      });
}

}  // namespace
}  // namespace freshd
