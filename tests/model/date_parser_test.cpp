#include "model/date_parser.h"

#include "model/date_fields.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace freshd {
namespace {

DateParseOptions in_zone(const char* zone, NumericOrder order = NumericOrder::none) {
  return DateParseOptions{date::locate_zone(zone), order};
}

// The expected value of a successful parse, written as DESIGN.md's interface forms.
struct Expected {
  DatePrecision precision;
  const char* day;      // YYYY-MM-DD: the calendar day in the vault's zone
  const char* instant;  // YYYY-MM-DDTHH:MM:SSZ
};

void check_value(const Result<DateValue>& result, const Expected& expected) {
  REQUIRE_MESSAGE(result.ok(), result.error().message);
  CHECK(result->precision == expected.precision);
  CHECK(format_day(result->day) == std::string(expected.day));
  CHECK(format_instant(result->instant) == std::string(expected.instant));
}

void check_error(const Result<DateValue>& result, const std::string& expected) {
  REQUIRE_MESSAGE(!result.ok(), format_instant(result->instant));
  CHECK_MESSAGE(result.error().message.find(expected) != std::string::npos,
                result.error().message);
}

constexpr auto kDay = DatePrecision::day;
constexpr auto kInstant = DatePrecision::instant;
constexpr auto kMonth = DatePrecision::month;

struct ValueCase {
  const char* text;
  const char* zone;
  Expected expected;
};

void check_values(std::initializer_list<ValueCase> cases,
                  NumericOrder order = NumericOrder::none) {
  for (const ValueCase& c : cases) {
    const std::string text = c.text;
    const std::string zone = c.zone;
    CAPTURE(text);
    CAPTURE(zone);
    check_value(parse_date(c.text, in_zone(c.zone, order)), c.expected);
  }
}

struct ErrorCase {
  const char* text;
  const char* error;  // a substring of the message
};

void check_errors(std::initializer_list<ErrorCase> cases,
                  NumericOrder order = NumericOrder::none) {
  for (const ErrorCase& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    check_error(parse_date(c.text, in_zone("Europe/Berlin", order)), c.error);
  }
}

TEST_CASE("a date without a time is a day in the vault's zone, starting at local midnight") {
  check_values({
      {"2026-04-06", "Europe/Berlin", {kDay, "2026-04-06", "2026-04-05T22:00:00Z"}},
      {"2026-01-15", "Europe/Berlin", {kDay, "2026-01-15", "2026-01-14T23:00:00Z"}},
      {"2026-04-06", "UTC", {kDay, "2026-04-06", "2026-04-06T00:00:00Z"}},
      {"2026-04-06", "America/New_York", {kDay, "2026-04-06", "2026-04-06T04:00:00Z"}},
      {"2026-01-15", "America/New_York", {kDay, "2026-01-15", "2026-01-15T05:00:00Z"}},
      {"2026-04-06", "Asia/Kolkata", {kDay, "2026-04-06", "2026-04-05T18:30:00Z"}},
      {"2026-04-06", "Pacific/Chatham", {kDay, "2026-04-06", "2026-04-05T11:15:00Z"}},
      {"2026-01-15", "Pacific/Chatham", {kDay, "2026-01-15", "2026-01-14T10:15:00Z"}},
      {"2026-07-01", "Australia/Sydney", {kDay, "2026-07-01", "2026-06-30T14:00:00Z"}},
      {"2026-01-01", "Australia/Sydney", {kDay, "2026-01-01", "2025-12-31T13:00:00Z"}},
      // Santiago skips its midnight in spring: the day starts when the gap ends.
      {"2026-09-06", "America/Santiago", {kDay, "2026-09-06", "2026-09-06T04:00:00Z"}},
      {"2026-09-05", "America/Santiago", {kDay, "2026-09-05", "2026-09-05T04:00:00Z"}},
      {"2026/04/06", "UTC", {kDay, "2026-04-06", "2026-04-06T00:00:00Z"}},
      {"2026-4-6", "UTC", {kDay, "2026-04-06", "2026-04-06T00:00:00Z"}},
      {"  2026-04-06\t", "UTC", {kDay, "2026-04-06", "2026-04-06T00:00:00Z"}},
      {"\"2026-04-07\"", "UTC", {kDay, "2026-04-07", "2026-04-07T00:00:00Z"}},
      {"'2026-04-08'", "UTC", {kDay, "2026-04-08", "2026-04-08T00:00:00Z"}},
      {"2024-02-29", "UTC", {kDay, "2024-02-29", "2024-02-29T00:00:00Z"}},
      {"2000-02-29", "UTC", {kDay, "2000-02-29", "2000-02-29T00:00:00Z"}},
      {"1900-01-01", "UTC", {kDay, "1900-01-01", "1900-01-01T00:00:00Z"}},
      {"2200-12-31", "UTC", {kDay, "2200-12-31", "2200-12-31T00:00:00Z"}},
  });
}

TEST_CASE("Obsidian and Logseq links are unwrapped, a trailing weekday is checked") {
  check_values({
      {"[[2026-04-18]]", "Europe/Berlin", {kDay, "2026-04-18", "2026-04-17T22:00:00Z"}},
      {"[[2026-04-18 Sat]]", "Europe/Berlin", {kDay, "2026-04-18", "2026-04-17T22:00:00Z"}},
      {"[[2026/04/18]]", "Europe/Berlin", {kDay, "2026-04-18", "2026-04-17T22:00:00Z"}},
      {"[[Apr 18th, 2026]]", "Europe/Berlin", {kDay, "2026-04-18", "2026-04-17T22:00:00Z"}},
      {"[[2026-04-18|Saturday]]", "UTC", {kDay, "2026-04-18", "2026-04-18T00:00:00Z"}},
      {"2026-04-18 Saturday", "UTC", {kDay, "2026-04-18", "2026-04-18T00:00:00Z"}},
      {"\"[[2026-04-19 Sun]]\"", "UTC", {kDay, "2026-04-19", "2026-04-19T00:00:00Z"}},
      {"[[Dec 4th, 2025]]", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
  });
}

TEST_CASE("YYYY-MM is a month: its first day, starting at local midnight") {
  check_values({
      {"2024-05", "Europe/Berlin", {kMonth, "2024-05-01", "2024-04-30T22:00:00Z"}},
      {"2024-05", "UTC", {kMonth, "2024-05-01", "2024-05-01T00:00:00Z"}},
      {"2024-05", "America/New_York", {kMonth, "2024-05-01", "2024-05-01T04:00:00Z"}},
      {"2026-12", "Australia/Sydney", {kMonth, "2026-12-01", "2026-11-30T13:00:00Z"}},
      {"1999-01", "UTC", {kMonth, "1999-01-01", "1999-01-01T00:00:00Z"}},
      {"[[2026-02]]", "UTC", {kMonth, "2026-02-01", "2026-02-01T00:00:00Z"}},
  });
}

TEST_CASE("a time with an offset is an exact instant; its day is the local day in the zone") {
  check_values({
      {"2025-12-04T10:30:00+01:00", "Europe/Berlin",
       {kInstant, "2025-12-04", "2025-12-04T09:30:00Z"}},
      {"2025-12-04T10:30:00Z", "Europe/Berlin", {kInstant, "2025-12-04", "2025-12-04T10:30:00Z"}},
      {"2025-12-04t10:30:00z", "UTC", {kInstant, "2025-12-04", "2025-12-04T10:30:00Z"}},
      {"2025-12-04T10:30:00+0100", "UTC", {kInstant, "2025-12-04", "2025-12-04T09:30:00Z"}},
      {"2025-12-04T10:30:00+01", "UTC", {kInstant, "2025-12-04", "2025-12-04T09:30:00Z"}},
      {"2025-12-04T10:30:00-05:00", "UTC", {kInstant, "2025-12-04", "2025-12-04T15:30:00Z"}},
      {"2025-12-04T10:30:00+05:30", "UTC", {kInstant, "2025-12-04", "2025-12-04T05:00:00Z"}},
      {"2025-12-04T10:30:00+12:45", "UTC", {kInstant, "2025-12-03", "2025-12-03T21:45:00Z"}},
      {"2025-12-04T10:30:00.123Z", "UTC", {kInstant, "2025-12-04", "2025-12-04T10:30:00Z"}},
      {"2025-12-04T10:30:59.999999999Z", "UTC", {kInstant, "2025-12-04", "2025-12-04T10:30:59Z"}},
      {"2025-12-04T10:30:00.123456+01:00", "UTC", {kInstant, "2025-12-04", "2025-12-04T09:30:00Z"}},
      {"2025-12-04T10:30:00,5Z", "UTC", {kInstant, "2025-12-04", "2025-12-04T10:30:00Z"}},
      {"2025-12-04 10:30:00+01:00", "UTC", {kInstant, "2025-12-04", "2025-12-04T09:30:00Z"}},
      {"2025-12-04 10:30:00 +01:00", "UTC", {kInstant, "2025-12-04", "2025-12-04T09:30:00Z"}},
      {"2026-04-06T10:30Z", "UTC", {kInstant, "2026-04-06", "2026-04-06T10:30:00Z"}},
      {"2026-04-06 10:30 -07:00", "UTC", {kInstant, "2026-04-06", "2026-04-06T17:30:00Z"}},
      {"2026/04/06 10:30:00Z", "UTC", {kInstant, "2026-04-06", "2026-04-06T10:30:00Z"}},
      // 22:30Z on 31 December is 23:30 in Berlin: still the old year there.
      {"2026-01-01T00:30:00+02:00", "Europe/Berlin",
       {kInstant, "2025-12-31", "2025-12-31T22:30:00Z"}},
      {"2026-01-01T00:30:00+02:00", "UTC", {kInstant, "2025-12-31", "2025-12-31T22:30:00Z"}},
      {"2026-01-01T00:30:00+02:00", "Asia/Kolkata",
       {kInstant, "2026-01-01", "2025-12-31T22:30:00Z"}},
      {"2025-12-31T23:30:00-05:00", "Europe/Berlin",
       {kInstant, "2026-01-01", "2026-01-01T04:30:00Z"}},
      {"2025-12-31T23:30:00-05:00", "America/New_York",
       {kInstant, "2025-12-31", "2026-01-01T04:30:00Z"}},
      {"2026-06-30T12:00:00Z", "Pacific/Chatham", {kInstant, "2026-07-01", "2026-06-30T12:00:00Z"}},
      {"2026-06-30T11:14:59Z", "Pacific/Chatham", {kInstant, "2026-06-30", "2026-06-30T11:14:59Z"}},
      {"2026-03-01T23:00:00Z", "Australia/Sydney",
       {kInstant, "2026-03-02", "2026-03-01T23:00:00Z"}},
  });
}

TEST_CASE("times without offset are local: a gap gives its end, a repeat its first instant") {
  check_values({
      {"2026-03-29 01:30", "Europe/Berlin", {kInstant, "2026-03-29", "2026-03-29T00:30:00Z"}},
      {"2026-03-29 02:00", "Europe/Berlin", {kInstant, "2026-03-29", "2026-03-29T01:00:00Z"}},
      {"2026-03-29 02:30", "Europe/Berlin", {kInstant, "2026-03-29", "2026-03-29T01:00:00Z"}},
      {"2026-03-29T02:59:59", "Europe/Berlin", {kInstant, "2026-03-29", "2026-03-29T01:00:00Z"}},
      {"2026-03-29 03:30", "Europe/Berlin", {kInstant, "2026-03-29", "2026-03-29T01:30:00Z"}},
      {"2026-10-25 02:30", "Europe/Berlin", {kInstant, "2026-10-25", "2026-10-25T00:30:00Z"}},
      {"2026-10-25 01:59", "Europe/Berlin", {kInstant, "2026-10-25", "2026-10-24T23:59:00Z"}},
      {"2026-10-25 03:00", "Europe/Berlin", {kInstant, "2026-10-25", "2026-10-25T02:00:00Z"}},
      {"2026-03-08 01:30", "America/New_York", {kInstant, "2026-03-08", "2026-03-08T06:30:00Z"}},
      {"2026-03-08 02:30", "America/New_York", {kInstant, "2026-03-08", "2026-03-08T07:00:00Z"}},
      {"2026-03-08 03:30", "America/New_York", {kInstant, "2026-03-08", "2026-03-08T07:30:00Z"}},
      {"2026-11-01 01:30", "America/New_York", {kInstant, "2026-11-01", "2026-11-01T05:30:00Z"}},
      {"2026-11-01 02:30", "America/New_York", {kInstant, "2026-11-01", "2026-11-01T07:30:00Z"}},
      {"2026-04-05 02:30", "Australia/Sydney", {kInstant, "2026-04-05", "2026-04-04T15:30:00Z"}},
      {"2026-04-05 03:30", "Australia/Sydney", {kInstant, "2026-04-05", "2026-04-04T17:30:00Z"}},
      {"2026-10-04 01:30", "Australia/Sydney", {kInstant, "2026-10-04", "2026-10-03T15:30:00Z"}},
      {"2026-10-04 02:30", "Australia/Sydney", {kInstant, "2026-10-04", "2026-10-03T16:00:00Z"}},
      {"2026-09-27 03:00", "Pacific/Chatham", {kInstant, "2026-09-27", "2026-09-26T14:00:00Z"}},
      {"2026-04-05 03:00", "Pacific/Chatham", {kInstant, "2026-04-05", "2026-04-04T13:15:00Z"}},
      {"2026-04-06 10:30", "Pacific/Chatham", {kInstant, "2026-04-06", "2026-04-05T21:45:00Z"}},
      {"2026-04-06 10:30", "Asia/Kolkata", {kInstant, "2026-04-06", "2026-04-06T05:00:00Z"}},
      {"2026-04-06 10:30", "UTC", {kInstant, "2026-04-06", "2026-04-06T10:30:00Z"}},
      {"2026-04-04 23:30", "America/Santiago", {kInstant, "2026-04-04", "2026-04-05T02:30:00Z"}},
      {"Dec 4, 2025 at 3:05 PM", "Europe/Berlin", {kInstant, "2025-12-04", "2025-12-04T14:05:00Z"}},
      {"Dec 4, 2025 12:00 am", "UTC", {kInstant, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"December 4, 2025 12:30 p.m.", "UTC", {kInstant, "2025-12-04", "2025-12-04T12:30:00Z"}},
      {"4 December 2025 18:45", "Asia/Kolkata", {kInstant, "2025-12-04", "2025-12-04T13:15:00Z"}},
  });
}

TEST_CASE("RFC 2822 dates are instants; zone names and obsolete two-digit years are read") {
  check_values({
      {"Tue, 03 Mar 2026 14:05:00 +0000", "UTC", {kInstant, "2026-03-03", "2026-03-03T14:05:00Z"}},
      {"03 Mar 2026 14:05:00 +0000", "UTC", {kInstant, "2026-03-03", "2026-03-03T14:05:00Z"}},
      {"Tue, 3 Mar 2026 14:05:00 +0100", "UTC", {kInstant, "2026-03-03", "2026-03-03T13:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05 -0330", "UTC", {kInstant, "2026-03-03", "2026-03-03T17:35:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 GMT", "UTC", {kInstant, "2026-03-03", "2026-03-03T14:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 UT", "UTC", {kInstant, "2026-03-03", "2026-03-03T14:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 UTC", "UTC", {kInstant, "2026-03-03", "2026-03-03T14:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 EST", "UTC", {kInstant, "2026-03-03", "2026-03-03T19:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 EDT", "UTC", {kInstant, "2026-03-03", "2026-03-03T18:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 CST", "UTC", {kInstant, "2026-03-03", "2026-03-03T20:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 CDT", "UTC", {kInstant, "2026-03-03", "2026-03-03T19:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 MST", "UTC", {kInstant, "2026-03-03", "2026-03-03T21:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 MDT", "UTC", {kInstant, "2026-03-03", "2026-03-03T20:05:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00 PST", "UTC", {kInstant, "2026-03-03", "2026-03-03T22:05:00Z"}},
      {"Tue, 03 Mar 2026 22:05:00 PDT", "UTC", {kInstant, "2026-03-04", "2026-03-04T05:05:00Z"}},
      {"Tue, 03 Mar 26 14:05:00 +0000", "UTC", {kInstant, "2026-03-03", "2026-03-03T14:05:00Z"}},
      {"03 Mar 49 14:05:00 +0000", "UTC", {kInstant, "2049-03-03", "2049-03-03T14:05:00Z"}},
      {"03 Mar 50 14:05:00 +0000", "UTC", {kInstant, "1950-03-03", "1950-03-03T14:05:00Z"}},
      {"Wed, 03 Mar 99 14:05:00 GMT", "UTC", {kInstant, "1999-03-03", "1999-03-03T14:05:00Z"}},
      {"Sat, 01 Jan 00 00:00:00 +0000", "UTC", {kInstant, "2000-01-01", "2000-01-01T00:00:00Z"}},
      {"Tue, 03 Mar 2026 14:05:00", "Europe/Berlin",
       {kInstant, "2026-03-03", "2026-03-03T13:05:00Z"}},
  });
}

TEST_CASE("JavaScript Date strings: the offset comes from GMT+-HHMM, the name is ignored") {
  check_values({
      {"Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)", "America/New_York",
       {kInstant, "2026-04-18", "2026-04-19T00:00:00Z"}},
      {"Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)", "Europe/Berlin",
       {kInstant, "2026-04-19", "2026-04-19T00:00:00Z"}},
      {"Sat Apr 18 2026 20:00:00 GMT+0200 (Central European Summer Time)", "UTC",
       {kInstant, "2026-04-18", "2026-04-18T18:00:00Z"}},
      {"Thu Jan 01 2026 00:00:00 GMT+0000 (Coordinated Universal Time)", "UTC",
       {kInstant, "2026-01-01", "2026-01-01T00:00:00Z"}},
      {"Sat Apr 18 2026 20:00:00 GMT-0400", "UTC",
       {kInstant, "2026-04-19", "2026-04-19T00:00:00Z"}},
      {"Mon Apr 06 2026 09:15:30 GMT+0530 (India Standard Time)", "Asia/Kolkata",
       {kInstant, "2026-04-06", "2026-04-06T03:45:30Z"}},
  });
}

TEST_CASE("month names in either order, any case, with optional weekday, ordinal and comma") {
  check_values({
      {"December 4, 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"December 4 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"Dec 4 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"Dec 4, 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"Dec. 4, 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"DECEMBER 4, 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"december 4 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"4 December 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"4 Dec 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"4 dec, 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"26 November 2025", "UTC", {kDay, "2025-11-26", "2025-11-26T00:00:00Z"}},
      {"Thu, Dec 4th 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"Thursday, 4th of December 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"Thursday 4 December 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"Thurs, Dec 4, 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"Thu. 4 Dec 2025", "UTC", {kDay, "2025-12-04", "2025-12-04T00:00:00Z"}},
      {"Tues, Mar 3 2026", "UTC", {kDay, "2026-03-03", "2026-03-03T00:00:00Z"}},
      {"Sept 3, 2025", "UTC", {kDay, "2025-09-03", "2025-09-03T00:00:00Z"}},
      {"Sep 3, 2025", "UTC", {kDay, "2025-09-03", "2025-09-03T00:00:00Z"}},
      {"3 Sept 2025", "UTC", {kDay, "2025-09-03", "2025-09-03T00:00:00Z"}},
      {"September 3rd, 2025", "UTC", {kDay, "2025-09-03", "2025-09-03T00:00:00Z"}},
      {"1st May 2024", "UTC", {kDay, "2024-05-01", "2024-05-01T00:00:00Z"}},
      {"May 2nd, 2024", "UTC", {kDay, "2024-05-02", "2024-05-02T00:00:00Z"}},
      {"22nd June 2025", "UTC", {kDay, "2025-06-22", "2025-06-22T00:00:00Z"}},
      {"23rd of Aug 2025", "UTC", {kDay, "2025-08-23", "2025-08-23T00:00:00Z"}},
      {"January 31, 2026", "UTC", {kDay, "2026-01-31", "2026-01-31T00:00:00Z"}},
      {"Feb 29, 2024", "UTC", {kDay, "2024-02-29", "2024-02-29T00:00:00Z"}},
      {"29 February 2028", "UTC", {kDay, "2028-02-29", "2028-02-29T00:00:00Z"}},
      {"Oct 10 2010", "UTC", {kDay, "2010-10-10", "2010-10-10T00:00:00Z"}},
      {"July 4, 1976", "UTC", {kDay, "1976-07-04", "1976-07-04T00:00:00Z"}},
      {"December 4, 2025", "Europe/Berlin", {kDay, "2025-12-04", "2025-12-03T23:00:00Z"}},
      {"26 November 2025", "Australia/Sydney", {kDay, "2025-11-26", "2025-11-25T13:00:00Z"}},
  });
}

TEST_CASE("numeric day/month dates follow the configured order, with the two-digit pivot") {
  check_values(
      {
          {"04/05/2026", "UTC", {kDay, "2026-05-04", "2026-05-04T00:00:00Z"}},
          {"4.5.2026", "UTC", {kDay, "2026-05-04", "2026-05-04T00:00:00Z"}},
          {"04-05-2026", "UTC", {kDay, "2026-05-04", "2026-05-04T00:00:00Z"}},
          {"31.12.1999", "UTC", {kDay, "1999-12-31", "1999-12-31T00:00:00Z"}},
          {"29/02/2024", "UTC", {kDay, "2024-02-29", "2024-02-29T00:00:00Z"}},
          {"4/5/26", "UTC", {kDay, "2026-05-04", "2026-05-04T00:00:00Z"}},
          {"1/2/49", "UTC", {kDay, "2049-02-01", "2049-02-01T00:00:00Z"}},
          {"1/2/50", "UTC", {kDay, "1950-02-01", "1950-02-01T00:00:00Z"}},
          {"01.02.00", "UTC", {kDay, "2000-02-01", "2000-02-01T00:00:00Z"}},
          {"24.12.2025", "Europe/Berlin", {kDay, "2025-12-24", "2025-12-23T23:00:00Z"}},
      },
      NumericOrder::day_month_year);
  check_values(
      {
          {"04/05/2026", "UTC", {kDay, "2026-04-05", "2026-04-05T00:00:00Z"}},
          {"12/31/2025", "UTC", {kDay, "2025-12-31", "2025-12-31T00:00:00Z"}},
          {"4.5.26", "UTC", {kDay, "2026-04-05", "2026-04-05T00:00:00Z"}},
          {"02-29-2024", "UTC", {kDay, "2024-02-29", "2024-02-29T00:00:00Z"}},
          {"7/4/76", "UTC", {kDay, "1976-07-04", "1976-07-04T00:00:00Z"}},
      },
      NumericOrder::month_day_year);
}

TEST_CASE("numeric dates without a configured order are refused as ambiguous") {
  check_errors({
      {"04/05/2026", "ambiguous; set vault.numeric_order"},
      {"4.5.2026", "ambiguous; set vault.numeric_order"},
      {"04-05-2026", "ambiguous; set vault.numeric_order"},
      {"4/5/26", "ambiguous; set vault.numeric_order"},
      {"13/01/2026", "ambiguous; set vault.numeric_order"},
  });
  check_errors({{"31/02/2026", "February 2026 has no day 31"},
                {"29.02.2025", "February 2025 has no day 29"},
                {"01/13/2026", "there is no month 13"}},
               NumericOrder::day_month_year);
  check_errors({{"13/01/2026", "there is no month 13"}, {"02/30/2026", "has no day 30"}},
               NumericOrder::month_day_year);
}

TEST_CASE("impossible days, months and times are errors that say what is wrong") {
  check_errors({
      {"2026-02-30", "'2026-02-30': February 2026 has no day 30 (it has 28 days)"},
      {"2025-02-29", "February 2025 has no day 29"},
      {"1900-02-29", "February 1900 has no day 29"},
      {"2100-02-29", "February 2100 has no day 29"},
      {"2026-04-31", "April 2026 has no day 31 (it has 30 days)"},
      {"2026-01-32", "January 2026 has no day 32"},
      {"2026-01-00", "January 2026 has no day 0"},
      {"2026-13-01", "there is no month 13"},
      {"2026-00-10", "there is no month 0"},
      {"2026-13", "there is no month 13"},
      {"2026-00", "there is no month 0"},
      {"2026-04-06 25:00", "25:00:00 is not a time of day"},
      {"2026-04-06T24:00:00Z", "24:00:00 is not a time of day"},
      {"2026-04-06T10:60", "10:60:00 is not a time of day"},
      {"2026-04-06T10:30:61Z", "10:30:61 is not a time of day"},
      {"Feb 30, 2026", "February 2026 has no day 30"},
      {"30 February 2026", "February 2026 has no day 30"},
      {"March 32, 2026", "March 2026 has no day 32"},
      {"Tue, 31 Apr 2026 14:05:00 +0000", "April 2026 has no day 31"},
      {"2025-12-04T10:30:00+25:00", "the UTC offset is beyond 18 hours"},
  });
}

TEST_CASE("a plain YYYY-MM-DD reads as the general reading of the same date, in any zone") {
  // read_date_form reads exactly "YYYY-MM-DD" on a short path; a leading blank sends the
  // same date through the general one (canonicalise, then the stream parse).
  const auto general = [](const std::string& text, const DateParseOptions& options) {
    return read_date_form(DateFormKind::iso, " " + text, options);
  };
  std::vector<std::string> texts;
  for (const auto& [first, last] : {std::pair{1899, 1901}, std::pair{2011, 2012},
                                    std::pair{2023, 2026}, std::pair{2199, 2201}}) {
    for (int year = first; year <= last; ++year)
      for (unsigned month = 0; month <= 13; ++month)
        for (unsigned day = 0; day <= 32; ++day) {
          char text[16];
          std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, month, day);
          texts.emplace_back(text);
        }
  }
  for (const char* zone : {"UTC", "Europe/Berlin", "America/Sao_Paulo", "Pacific/Apia"}) {
    const DateParseOptions options = in_zone(zone);
    for (const std::string& text : texts) {
      CAPTURE(zone);
      CAPTURE(text);
      const auto plain = read_date_form(DateFormKind::iso, text, options);
      const auto expected = general(text, options);
      REQUIRE(plain.ok() == expected.ok());
      if (plain.ok()) {
        CHECK(plain->precision == expected->precision);
        CHECK(plain->day == expected->day);
        CHECK(plain->instant == expected->instant);
      } else {
        // The same message, quoting the text as written.
        CHECK(plain.error().message ==
              std::string(expected.error().message).replace(1, text.size() + 1, text));
      }
    }
  }
}

TEST_CASE("a weekday contradicting the date is an error naming the real weekday") {
  check_errors({
      {"Fri, 03 Mar 2026", "3 March 2026 is a Tuesday, not a Friday"},
      {"Fri, 03 Mar 2026 14:05:00 +0000", "3 March 2026 is a Tuesday, not a Friday"},
      {"Wed, Dec 4th 2025", "4 December 2025 is a Thursday, not a Wednesday"},
      {"Monday, 4th of December 2025", "is a Thursday, not a Monday"},
      {"[[2026-04-18 Fri]]", "18 April 2026 is a Saturday, not a Friday"},
      {"Sun Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)", "is a Saturday, not a Sunday"},
      {"Thu, 03 Mar 99 14:05:00 GMT", "3 March 1999 is a Wednesday, not a Thursday"},
  });
}

TEST_CASE("years before 1900 or after 2200 are implausible") {
  check_errors({
      {"1899-12-31", "year 1899 is implausible (accepted: 1900 to 2200)"},
      {"2201-01-01", "year 2201 is implausible"},
      {"0001-01-01", "year 1 is implausible"},
      {"9999-12-31", "year 9999 is implausible"},
      {"December 4, 1850", "year 1850 is implausible"},
      {"1800-05", "year 1800 is implausible"},
  });
}

TEST_CASE("template placeholders are reported as placeholders, not dates") {
  check_errors({
      {"{{ .Date }}", "'{{ .Date }}' is a template placeholder, not a date"},
      {"{{date}}", "template placeholder, not a date"},
      {"{{date:YYYY-MM-DD}}", "template placeholder, not a date"},
      {"<% tp.date.now() %>", "template placeholder, not a date"},
      {"<% tp.file.creation_date(\"YYYY-MM-DD\") %>", "template placeholder, not a date"},
      {"${date}", "template placeholder, not a date"},
      {"%DATE%", "template placeholder, not a date"},
      {"%date%", "template placeholder, not a date"},
      {"{% now 'local' %}", "template placeholder, not a date"},
      {"\"{{ now | date: '%Y-%m-%d' }}\"", "template placeholder, not a date"},
  });
}

TEST_CASE("text that is not a date is an error, never a guess") {
  check_errors({
      {"", "the date is empty"},
      {"   ", "the date is empty"},
      {"\"\"", "the date is empty"},
      {"2024", "'2024' is only a year, not a date"},
      {"1999", "is only a year, not a date"},
      {"hello", "'hello' is not a date"},
      {"yesterday", "is not a date"},
      {"12:30", "is not a date"},
      {"Dec 2025", "is not a date"},
      {"Dec 4", "is not a date"},
      {"4 Dec", "is not a date"},
      {"04/05", "is not a date"},
      {"2026-04-06T", "is not a date"},
      {"2026-04-06T10", "is not a date"},
      {"2026-04-06 10:30 Europe/Berlin", "is not a date"},
      {"Decembre 4, 2025", "is not a date"},
      {"4 Dec 25", "is not a date"},
      {"Version 2.0.1", "is not a date"},
      {"555-1234", "is not a date"},
      {"2026-04-06-07", "is not a date"},
      {"Sat", "is not a date"},
      {"[[Project Alpha]]", "'Project Alpha' is not a date"},
      {"a pasted paragraph that runs on and on well past sixty characters of text",
       "'a pasted paragraph that runs on and on well past sixty chara...' is not a date"},
  });
}

TEST_CASE("without a zone nothing is resolved: the parser reports the missing zone") {
  check_error(parse_date("2026-04-06", DateParseOptions{}), "no time zone");
}

}  // namespace
}  // namespace freshd
