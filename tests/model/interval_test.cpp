#include "model/interval.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

using std::chrono::seconds;

Days day(int y, unsigned m, unsigned d) { return Days{date::year{y} / m / d}; }

TEST_CASE("intervals are read in short, long and ISO 8601 forms, any case and spacing") {
  struct Case {
    const char* text;
    Interval expected;
  };
  const Case cases[] = {
      {"90d", {0, 90, false}},        {"90 days", {0, 90, false}},
      {"1 day", {0, 1, false}},       {"  90D  ", {0, 90, false}},
      {"2w", {0, 14, false}},         {"2 weeks", {0, 14, false}},
      {"1 week", {0, 7, false}},      {"6 months", {6, 0, false}},
      {"6mo", {6, 0, false}},         {"6m", {6, 0, false}},
      {"1 Month", {1, 0, false}},     {"1y", {12, 0, false}},
      {"1 year", {12, 0, false}},     {"2 YEARS", {24, 0, false}},
      {"1y6m", {18, 0, false}},       {"1y 6m", {18, 0, false}},
      {"1 year, 6 months", {18, 0, false}}, {"1m15d", {1, 15, false}},
      {"P3M", {3, 0, false}},         {"p3m", {3, 0, false}},
      {"P1Y2M10D", {14, 10, false}},  {"P2W", {0, 14, false}},
      {"P10D", {0, 10, false}},       {"never", {0, 0, true}},
      {" Never ", {0, 0, true}},      {"NEVER", {0, 0, true}},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const Result<Interval> parsed = parse_interval(c.text);
    REQUIRE(parsed.ok());
    CHECK(*parsed == c.expected);
  }
}

TEST_CASE("text that is not a duration is refused with the accepted forms") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "'' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"soon", "'soon' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"90", "'90' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"90x", "'90x' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"1.5y", "'1.5y' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"d90", "'d90' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"90 days ago", "'90 days ago' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"P", "'P' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"PT1H", "'PT1H' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"P3 months", "'P3 months' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"1h", "'1h' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"0d", "'0d' must be longer than zero (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"P0D", "'P0D' must be longer than zero (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"-5d", "'-5d' must be longer than zero (examples: 90d, 2w, 6 months, 1y, P3M)"},
      {"1001y", "'1001y' is longer than freshd handles (at most 1000 years)"},
      {"9999999d", "'9999999d' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
      // Found by tests/fuzz/config_fuzz.cpp: so many digits overflowed (UB) before refusal.
      {"33333333333333333333d",
       "'33333333333333333333d' is not a duration (examples: 90d, 2w, 6 months, 1y, P3M)"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const Result<Interval> parsed = parse_interval(c.text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message == c.message);
  }
}

TEST_CASE("adding months clamps to the end of the target month, leap years included") {
  struct Case {
    Days from;
    Interval interval;
    Days expected;
  };
  const Case cases[] = {
      {day(2026, 1, 31), {1, 0, false}, day(2026, 2, 28)},
      {day(2024, 1, 31), {1, 0, false}, day(2024, 2, 29)},
      {day(2025, 8, 31), {6, 0, false}, day(2026, 2, 28)},
      {day(2026, 3, 31), {1, 0, false}, day(2026, 4, 30)},
      {day(2024, 2, 29), {12, 0, false}, day(2025, 2, 28)},
      {day(2024, 2, 29), {48, 0, false}, day(2028, 2, 29)},
      {day(2026, 11, 15), {3, 0, false}, day(2027, 2, 15)},
      {day(2026, 1, 31), {1, 1, false}, day(2026, 3, 1)},
      {day(2026, 4, 6), {0, 90, false}, day(2026, 7, 5)},
      {day(2026, 12, 25), {0, 14, false}, day(2027, 1, 8)},
      {day(2024, 2, 28), {0, 1, false}, day(2024, 2, 29)},
      {day(2023, 2, 28), {0, 1, false}, day(2023, 3, 1)},
  };
  for (const Case& c : cases) {
    CAPTURE(format_day(c.from));
    CAPTURE(format_interval(c.interval));
    CHECK(format_day(add_interval(c.from, c.interval)) == format_day(c.expected));
  }
}

TEST_CASE("subtracting takes days first, then months with the same month-end clamp") {
  struct Case {
    Days from;
    Interval interval;
    Days expected;
  };
  const Case cases[] = {
      {day(2026, 3, 31), {1, 0, false}, day(2026, 2, 28)},
      {day(2024, 3, 31), {1, 0, false}, day(2024, 2, 29)},
      {day(2026, 7, 5), {0, 90, false}, day(2026, 4, 6)},
      {day(2026, 1, 3), {0, 7, false}, day(2025, 12, 27)},
      {day(2026, 3, 1), {1, 1, false}, day(2026, 1, 28)},
      {day(2027, 2, 15), {3, 0, false}, day(2026, 11, 15)},
  };
  for (const Case& c : cases) {
    CAPTURE(format_day(c.from));
    CAPTURE(format_interval(c.interval));
    CHECK(format_day(subtract_interval(c.from, c.interval)) == format_day(c.expected));
  }
}

TEST_CASE("intervals print in their canonical short form, which parses back") {
  struct Case {
    Interval interval;
    const char* text;
  };
  const Case cases[] = {
      {{0, 90, false}, "90d"}, {{6, 0, false}, "6m"},  {{12, 0, false}, "1y"},
      {{1, 15, false}, "1m15d"}, {{18, 0, false}, "1y6m"}, {{14, 10, false}, "1y2m10d"},
      {{0, 0, true}, "never"}, {{0, 14, false}, "14d"},
  };
  for (const Case& c : cases) {
    CHECK(format_interval(c.interval) == c.text);
    const Result<Interval> back = parse_interval(c.text);
    REQUIRE(back.ok());
    CHECK(*back == c.interval);
  }
}

TEST_CASE("spans count seconds, and m means minutes in them") {
  struct Case {
    const char* text;
    seconds expected;
  };
  const Case cases[] = {
      {"30s", seconds{30}},     {"30", seconds{30}},       {" 45 ", seconds{45}},
      {"5m", seconds{300}},     {"5 min", seconds{300}},   {"5 minutes", seconds{300}},
      {"1h", seconds{3600}},    {"2 hours", seconds{7200}}, {"1h30m", seconds{5400}},
      {"1h 30m", seconds{5400}}, {"2d", seconds{172800}},  {"1w", seconds{604800}},
      {"1H", seconds{3600}},    {"1m30s", seconds{90}},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const Result<seconds> parsed = parse_span(c.text);
    REQUIRE(parsed.ok());
    CHECK(parsed->count() == c.expected.count());
  }
}

TEST_CASE("text that is not a span is refused with examples") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "'' is not a span of time (examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)"},
      {"soon", "'soon' is not a span of time (examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)"},
      {"1h 30", "'1h 30' is not a span of time (examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)"},
      {"2mo", "'2mo' is not a span of time (examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)"},
      {"1.5h", "'1.5h' is not a span of time (examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)"},
      {"0", "'0' must be longer than zero (examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)"},
      {"-30s", "'-30s' must be longer than zero (examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)"},
      {"99999999999999999999s",
       "'99999999999999999999s' is not a span of time (examples: 30s, 5m, 1h, 1h30m, 2d, or "
       "seconds)"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const Result<seconds> parsed = parse_span(c.text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message == c.message);
  }
}

}  // namespace
}  // namespace freshd
