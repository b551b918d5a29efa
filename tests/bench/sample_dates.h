// The date spellings of the synthetic vault, one function per shape DESIGN.md lists.
// A day is a count of days since 1970-01-01 (UTC), so the generator draws plain integers.
#pragma once

#include <string>

namespace freshd::bench {

// 2021-01-01: the earliest day a generated note carries.
inline constexpr int kFirstDay = 18628;

std::string iso_day(int day);               // 2025-12-04
std::string iso_instant(int day);           // 2025-12-04T10:30:00+01:00
std::string iso_utc_instant(int day);       // 2024-05-01T08:00:00Z
std::string month_first(int day);           // December 4, 2025
std::string day_first(int day);             // 26 November 2025
std::string javascript_date(int day);       // Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)
std::string rfc2822_date(int day);          // Tue, 03 Mar 2026 14:05:00 +0000

}  // namespace freshd::bench
