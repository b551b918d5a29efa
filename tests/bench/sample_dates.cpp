#include "sample_dates.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace freshd::bench {
namespace {

using namespace std::chrono;

constexpr std::array<const char*, 12> kMonths{"January", "February", "March",     "April",
                                              "May",     "June",     "July",      "August",
                                              "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

struct Civil {
  int year;
  unsigned month;  // 1..12
  unsigned day;
  unsigned weekday;  // 0 = Sunday
};

Civil civil(int day) {
  const sys_days d{days{day}};
  const year_month_day ymd{d};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day()), weekday{d}.c_encoding()};
}

std::string month_abbrev(unsigned month) { return std::string(kMonths[month - 1]).substr(0, 3); }

std::string printf_string(const char* format, int a, unsigned b, unsigned c) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, a, b, c);
  return buffer;
}

}  // namespace

std::string iso_day(int day) {
  const Civil c = civil(day);
  return printf_string("%04d-%02u-%02u", c.year, c.month, c.day);
}

std::string iso_instant(int day) { return iso_day(day) + "T10:30:00+01:00"; }

std::string iso_utc_instant(int day) { return iso_day(day) + "T08:00:00Z"; }

std::string month_first(int day) {
  const Civil c = civil(day);
  return std::string(kMonths[c.month - 1]) + " " + std::to_string(c.day) + ", " +
         std::to_string(c.year);
}

std::string day_first(int day) {
  const Civil c = civil(day);
  return std::to_string(c.day) + " " + kMonths[c.month - 1] + " " + std::to_string(c.year);
}

std::string javascript_date(int day) {
  const Civil c = civil(day);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%s %s %02u %04d 20:00:00 GMT-0400 (Eastern Daylight Time)",
                kWeekdays[c.weekday], month_abbrev(c.month).c_str(), c.day, c.year);
  return buffer;
}

std::string rfc2822_date(int day) {
  const Civil c = civil(day);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d 14:05:00 +0000", kWeekdays[c.weekday],
                c.day, month_abbrev(c.month).c_str(), c.year);
  return buffer;
}

}  // namespace freshd::bench
