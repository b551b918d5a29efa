#include "model/date_forms.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

TEST_CASE("a written date is rewritten into the one form the parser reads") {
  const struct {
    const char* written;
    DateFormKind kind;
    const char* canonical;
    int weekday;  // -1: none written; 0 is Sunday
  } cases[] = {
      {"2026-04-06", DateFormKind::iso, "2026-04-06", -1},
      {"2026/4/18 Sat", DateFormKind::iso, "2026-4-18", 6},
      {"2025-12-04T10:30:00.987+01:00", DateFormKind::iso, "2025-12-04 10:30:00+0100", -1},
      {"2025-12-04t10:30:00,5Z", DateFormKind::iso, "2025-12-04 10:30:00 +0000", -1},
      {"2025-12-04 10:30 UTC", DateFormKind::iso, "2025-12-04 10:30 +0000", -1},
      {"2025-12-04 10:30:00 gmt-04", DateFormKind::iso, "2025-12-04 10:30:00 -0400", -1},
      {"Thursday, 4th of December, 2025 at 10:30 p.m. EST", DateFormKind::day_first,
       "4 december 2025 10:30 pm -0500", 4},
      {"Tue, 03 Mar 26 14:05:00 +0000", DateFormKind::day_first, "03 mar 2026 14:05:00 +0000",
       2},
      {"4 Sept. 99 10:00 PDT", DateFormKind::day_first, "4 sep 1999 10:00 -0700", -1},
      {"Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)", DateFormKind::month_first,
       "apr 18 2026 20:00:00 -0400", 6},
      {"December 4, 2025", DateFormKind::month_first, "december 4 2025", -1},
      {"Dec 4 2025 9:00 am mst", DateFormKind::month_first, "dec 4 2025 9:00 am -0700", -1},
      {"Dec 4 2025 9:00 cst", DateFormKind::month_first, "dec 4 2025 9:00 -0600", -1},
      {"Dec 4 2025 9:00 pst", DateFormKind::month_first, "dec 4 2025 9:00 -0800", -1},
      {"4.5.26", DateFormKind::numeric, "4/5/2026", -1},
      {"04-05-2026", DateFormKind::numeric, "04/05/2026", -1},
      {"2024-05", DateFormKind::year_month, "2024-05", -1},
  };
  for (const auto& c : cases) {
    const std::string written = c.written;
    CAPTURE(written);
    const CanonicalDate canonical = canonicalise(c.written, c.kind);
    CHECK(canonical.text == c.canonical);
    if (c.weekday < 0) {
      CHECK_FALSE(canonical.weekday.has_value());
    } else {
      REQUIRE(canonical.weekday.has_value());
      CHECK(canonical.weekday->c_encoding() == static_cast<unsigned>(c.weekday));
    }
  }
}

TEST_CASE("a weekday is taken from the start or the end, never from the middle") {
  CHECK(canonicalise("sat. 2026-04-18", DateFormKind::iso).weekday == date::Saturday);
  CHECK(canonicalise("2026-04-18 sat. ", DateFormKind::iso).weekday == date::Saturday);
  CHECK_FALSE(canonicalise("2026-04-18 sat..", DateFormKind::iso).weekday.has_value());
  CHECK_FALSE(canonicalise("2026-04-18sat", DateFormKind::iso).weekday.has_value());
  CHECK(canonicalise("4 sat dec 2025", DateFormKind::day_first).text == "4 sat dec 2025");
}

}  // namespace
}  // namespace freshd
