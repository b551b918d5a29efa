#include "model/date_value.h"

#include <doctest/doctest.h>

#include <chrono>

namespace freshd {
namespace {

Days day(int y, unsigned m, unsigned d) {
  return Days{date::year{y} / date::month{m} / date::day{d}};
}

Seconds at(int y, unsigned m, unsigned d, int hour, int minute, int second) {
  return Seconds{day(y, m, d)} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         std::chrono::seconds{second};
}

// format_day / format_instant / format_date write their text digit by digit; the library's
// own formatting is the reference they must match, byte for byte.
TEST_CASE("dates are written exactly as date::format writes them") {
  const DateValue values[] = {
      {DatePrecision::day, day(2026, 4, 6), at(2026, 4, 5, 22, 0, 0)},
      {DatePrecision::day, day(2024, 2, 29), Seconds{day(2024, 2, 29)}},
      {DatePrecision::day, day(1, 1, 1), Seconds{day(1, 1, 1)}},
      {DatePrecision::day, day(0, 3, 1), Seconds{day(0, 3, 1)}},
      {DatePrecision::day, day(9999, 12, 31), at(9999, 12, 31, 23, 59, 59)},
      {DatePrecision::month, day(2024, 5, 1), at(2024, 4, 30, 22, 0, 0)},
      {DatePrecision::month, day(1969, 12, 1), Seconds{day(1969, 12, 1)}},
      {DatePrecision::instant, day(2025, 12, 4), at(2025, 12, 4, 9, 30, 59)},
      {DatePrecision::instant, day(1969, 12, 31), at(1969, 12, 31, 23, 59, 1)},
      {DatePrecision::instant, day(1970, 1, 1), at(1970, 1, 1, 0, 0, 0)},
      {DatePrecision::instant, day(2026, 1, 1), at(2026, 1, 1, 0, 0, 0)},
      {DatePrecision::instant, day(2026, 3, 29), at(2026, 3, 29, 1, 0, 0)},
      // Outside 0..9999 the library's own form is kept.
      {DatePrecision::day, day(12026, 1, 1), Seconds{day(12026, 1, 1)}},
      {DatePrecision::month, day(-1, 7, 1), Seconds{day(-1, 7, 1)}},
      {DatePrecision::instant, day(-5, 3, 1), at(-5, 3, 1, 1, 2, 3)},
  };
  for (const DateValue& v : values) {
    const std::string expected_day = date::format("%F", v.day);
    const std::string expected_instant = date::format("%FT%TZ", v.instant);
    const std::string expected_month = date::format("%Y-%m", v.day);
    CAPTURE(expected_instant);
    CHECK(format_day(v.day) == expected_day);
    CHECK(format_instant(v.instant) == expected_instant);
    switch (v.precision) {
      case DatePrecision::day: CHECK(format_date(v) == expected_day); break;
      case DatePrecision::month: CHECK(format_date(v) == expected_month); break;
      case DatePrecision::instant: CHECK(format_date(v) == expected_instant); break;
    }
  }
}

TEST_CASE("every second of a day and every day of a leap year are written as the library does") {
  for (int second = 0; second < 86400; second += 7) {
    const Seconds instant = Seconds{day(2024, 2, 29)} + std::chrono::seconds{second};
    REQUIRE(format_instant(instant) == date::format("%FT%TZ", instant));
  }
  for (Days d = day(2024, 1, 1); d <= day(2024, 12, 31); d += date::days{1})
    REQUIRE(format_day(d) == date::format("%F", d));
}

TEST_CASE("the written day and instant read back, and nothing else does") {
  for (Days d = day(2023, 12, 25); d <= day(2024, 3, 5); d += date::days{1}) {
    REQUIRE(parse_day_text(format_day(d)) == d);
    // A different second of the day for each day.
    const auto second = (d.time_since_epoch().count() * 7919) % 86400;
    const Seconds instant = Seconds{d} + std::chrono::seconds{second};
    REQUIRE(parse_instant_text(format_instant(instant)) == instant);
  }
  CHECK(parse_day_text("0000-01-01") == day(0, 1, 1));
  CHECK(parse_day_text("9999-12-31") == day(9999, 12, 31));
  CHECK(parse_instant_text("2026-03-29T01:00:00Z") == at(2026, 3, 29, 1, 0, 0));
  for (const char* text : {"", "2026-1-01", "2026-02-30", "2026-13-01", "2026/01/01",
                           "2026-01-01 ", " 2026-01-01", "+026-01-01", "2026-01-0x", "20260101"})
    CHECK_MESSAGE(!parse_day_text(text), text);
  for (const char* text : {"", "2026-01-01", "2026-01-01T00:00:00", "2026-01-01T24:00:00Z",
                           "2026-01-01T12:60:00Z", "2026-01-01 12:00:00Z",
                           "2026-01-01T12:00:00+01:00", "2026-02-30T00:00:00Z",
                           "2026-01-01T1:00:00Z"})
    CHECK_MESSAGE(!parse_instant_text(text), text);
}

}  // namespace
}  // namespace freshd
