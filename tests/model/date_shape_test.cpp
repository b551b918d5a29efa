#include "model/date_shape.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

struct LengthCase {
  DateShape shape;
  const char* text;
  std::size_t pos;
  std::size_t length;  // 0: no date of that shape starts there
};

constexpr auto kIso = DateShape::iso;
constexpr auto kYearMonth = DateShape::year_month;
constexpr auto kDayFirst = DateShape::day_first;
constexpr auto kMonthFirst = DateShape::month_first;
constexpr auto kNumeric = DateShape::numeric_long;
constexpr auto kNumericShort = DateShape::numeric_short;

void check_lengths(std::initializer_list<LengthCase> cases) {
  for (const LengthCase& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CAPTURE(c.pos);
    CHECK(shape_length_at(c.shape, text, c.pos) == c.length);
  }
}

TEST_CASE("a shape takes the longest text its parts allow, as a greedy regex does") {
  check_lengths({
      {kIso, "2026-04-06", 0, 10},
      {kIso, "2026-4-6 and more", 0, 8},
      {kIso, "2025-12-04T10:30:00+01:00 x", 0, 25},
      {kIso, "2025-12-04 10:30:00.123456 +0100", 0, 32},
      {kIso, "2026-04-18 Sat", 0, 14},
      {kIso, "2026-04-18 Sat. next", 0, 15},
      {kIso, "Sat, 2026-04-18", 0, 15},
      {kIso, "2026/04/18", 0, 10},
      {kIso, "2026-04/18", 0, 0},  // one separator throughout
      {kIso, "2026-04-18 10:30 pm EST", 0, 23},
      {kIso, "2026-04-18 10:30 gmt+0100", 0, 25},
      {kIso, "2026-04-18 10:30 +010", 0, 16},  // "+010" is no offset: the zone is left out
      {kIso, "x 2026-04-06", 2, 10},
      {kYearMonth, "2024-05", 0, 7},
      {kYearMonth, "2024-5", 0, 0},
      {kDayFirst, "26 November 2025", 0, 16},
      {kDayFirst, "4th of December, 2025 at 10:30 pm", 0, 33},
      {kDayFirst, "Tue, 03 Mar 2026 14:05:00 +0000", 0, 31},
      {kDayFirst, "Tue, 03 Mar 26 14:05:00 +0000", 0, 29},  // a two-digit year before a time
      {kDayFirst, "03 Mar 26 is a date", 0, 0},             // ... and only there
      {kDayFirst, "4 Sept. 2025", 0, 12},
      {kDayFirst, "4 Septembers 2025", 0, 0},  // a month name is a whole word
      {kMonthFirst, "December 4, 2025 · 12 min", 0, 16},
      {kMonthFirst, "Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)", 0, 57},
      {kMonthFirst, "Apr 18 2026 20:00 (no closing", 0, 17},
      {kMonthFirst, "Published December 4, 2025", 10, 16},
      {kNumeric, "04/05/2026", 0, 10},
      {kNumeric, "4.5.2026", 0, 8},
      {kNumeric, "4.5/2026", 0, 0},
      {kNumericShort, "4.5.26", 0, 6},
  });
}

TEST_CASE("a word boundary after a name looks at the text around the date") {
  check_lengths({
      {kMonthFirst, "Decembers 4, 2025", 0, 0},
      {kMonthFirst, "December_4, 2025", 0, 0},
      {kDayFirst, "4 Dec_ 2025", 0, 0},
      {kIso, "2026-04-18 10:30 ESTX", 0, 16},  // "EST" runs on: not a zone
      {kIso, "2026-04-18 10:30 am", 0, 19},
      {kIso, "2026-04-18 10:30 amx", 0, 16},
  });
}

TEST_CASE("whole text has a shape only when nothing is left over") {
  const struct {
    DateShape shape;
    const char* text;
    bool whole;
  } cases[] = {
      {kIso, "2026-04-06", true},
      {kIso, "2026-04-06 ", false},
      {kIso, "2026-04-061", false},
      {kIso, "Thursday 2026-04-09", true},
      {kDayFirst, "12 May 99 11:00", true},
      {kDayFirst, "12 May 99", false},
      {kMonthFirst, "May 12 2025 11:00 (CEST)", true},
      {kNumericShort, "1.2.24", true},
      {kNumeric, "1.2.24", false},
      {kYearMonth, "2024-05-01", false},
  };
  for (const auto& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(is_whole_shape(c.shape, text) == c.whole);
  }
}

TEST_CASE("a weekday name counts only as a whole word") {
  const struct {
    const char* text;
    std::size_t length;
  } cases[] = {
      {"Sat", 3},        {"saturday, 4 May", 8}, {"TUES.", 4}, {"thurs 4", 5},
      {"Saturn", 0},     {"sat2", 0},            {"", 0},      {"sun_", 0},
      {"wednesday", 9},  {" sat", 0},
  };
  for (const auto& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(weekday_name_length(text) == c.length);
  }
}

}  // namespace
}  // namespace freshd
