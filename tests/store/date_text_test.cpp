#include "model/store/date_text.h"

#include "tests/store/store_fixtures.h"

#include <doctest/doctest.h>

namespace freshd {
namespace {

using test::at;
using test::day;

TEST_CASE("the store's date text is exactly format_date's") {
  const DateValue values[] = {
      {DatePrecision::day, day(2026, 4, 6), at(2026, 4, 5, 22)},
      {DatePrecision::day, day(1, 1, 1), Seconds{day(1, 1, 1)}},
      {DatePrecision::day, day(9999, 12, 31), Seconds{day(9999, 12, 31)}},
      {DatePrecision::month, day(2024, 5, 1), at(2024, 4, 30, 22)},
      {DatePrecision::month, day(1969, 12, 1), Seconds{day(1969, 12, 1)}},
      {DatePrecision::instant, day(2025, 12, 4), at(2025, 12, 4, 9, 30) + std::chrono::seconds{59}},
      {DatePrecision::instant, day(1969, 12, 31), at(1969, 12, 31, 23, 59)},
      {DatePrecision::instant, day(2026, 1, 1), at(2026, 1, 1)},
      {DatePrecision::day, day(12026, 1, 1), Seconds{day(12026, 1, 1)}},  // the slow way
      {DatePrecision::instant, day(-5, 3, 1), at(-5, 3, 1, 1, 2)},         // the slow way
  };
  for (const DateValue& v : values) {
    CAPTURE(format_date(v));
    CHECK(date_text::value(v) == format_date(v));
    CHECK(date_text::day(v.day) == format_day(v.day));
    CHECK(date_text::instant(v.instant) == format_instant(v.instant));
  }
}

}  // namespace
}  // namespace freshd
