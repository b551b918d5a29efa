#include "model/date_fields.h"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace freshd {
namespace {

using Fields = date::fields<std::chrono::seconds>;

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;
constexpr std::chrono::hours kMaxOffset{18};

struct ParsedDate {
  Fields fields;
  std::optional<std::chrono::minutes> offset;
};

std::vector<const char*> date_formats(DateFormKind kind, NumericOrder order) {
  switch (kind) {
    case DateFormKind::iso:
      return {"%Y-%m-%d"};
    case DateFormKind::year_month:
      return {"%Y-%m"};
    case DateFormKind::day_first:
      return {"%d %b %Y"};
    case DateFormKind::month_first:
      return {"%b %d %Y"};
    case DateFormKind::numeric:
      if (order == NumericOrder::month_day_year) return {"%m/%d/%Y"};
      return {"%d/%m/%Y"};
  }
  return {};
}

std::optional<ParsedDate> try_format(const std::string& text, const std::string& format) {
  // The library fails on a number that ends the input short of its field width ("6" as
  // %d), so the text gets a trailing space and must be consumed up to it.
  std::istringstream in{text + ' '};
  ParsedDate parsed;
  auto offset = std::chrono::minutes::min();
  date::from_stream(in, format.c_str(), parsed.fields, static_cast<std::string*>(nullptr),
                    &offset);
  if (in.fail()) return std::nullopt;
  in >> std::ws;
  if (!in.eof()) return std::nullopt;
  if (offset != std::chrono::minutes::min()) parsed.offset = offset;
  return parsed;
}

std::optional<ParsedDate> parse_fields(const std::string& text, DateFormKind kind,
                                       NumericOrder order) {
  static const char* const kTimes[] = {"", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p"};
  static const char* const kZones[] = {"", " %z"};
  for (const char* base : date_formats(kind, order)) {
    for (const char* time : kTimes) {
      for (const char* zone : kZones) {
        if (*time == '\0' && *zone != '\0') continue;
        if (auto parsed = try_format(text, std::string(base) + time + zone)) return parsed;
      }
    }
  }
  return std::nullopt;
}

std::string number(unsigned value) { return std::to_string(value); }

std::string clock_text(const Fields& fields) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d:%02d",
                static_cast<int>(fields.tod.hours().count()),
                static_cast<int>(fields.tod.minutes().count()),
                static_cast<int>(fields.tod.seconds().count()));
  return text;
}

std::optional<std::string> calendar_problem(const date::year_month_day& ymd, bool month_only) {
  if (!ymd.month().ok()) return "there is no month " + number(unsigned(ymd.month()));
  const int year = static_cast<int>(ymd.year());
  if (year < kFirstYear || year > kLastYear) {
    return "year " + std::to_string(year) + " is implausible (accepted: " +
           std::to_string(kFirstYear) + " to " + std::to_string(kLastYear) + ")";
  }
  if (month_only || ymd.ok()) return std::nullopt;
  const date::year_month month = ymd.year() / ymd.month();
  const unsigned days = unsigned((month / date::last).day());
  return date::format("%B %Y", month) + " has no day " + number(unsigned(ymd.day())) +
         " (it has " + number(days) + " days)";
}

std::optional<std::string> weekday_problem(const date::year_month_day& ymd,
                                           std::optional<date::weekday> written) {
  const date::weekday actual{date::sys_days{ymd}};
  if (!written || *written == actual) return std::nullopt;
  return "the weekday contradicts the date: " + number(unsigned(ymd.day())) +
         date::format(" %B %Y", ymd) + " is a " + date::format("%A", actual) + ", not a " +
         date::format("%A", *written);
}

std::optional<std::string> problem(const ParsedDate& parsed, DateFormKind kind,
                                   std::optional<date::weekday> weekday) {
  const auto& ymd = parsed.fields.ymd;
  if (auto calendar = calendar_problem(ymd, kind == DateFormKind::year_month)) return calendar;
  if (parsed.fields.has_tod && !parsed.fields.tod.in_conventional_range()) {
    return clock_text(parsed.fields) + " is not a time of day";
  }
  if (parsed.offset && std::chrono::abs(*parsed.offset) > kMaxOffset) {
    return "the UTC offset is beyond " + std::to_string(kMaxOffset.count()) + " hours";
  }
  return weekday_problem(ymd, weekday);
}

// Days and months start at the first instant of their day in the zone; choose::earliest
// makes a midnight lost to a daylight-saving gap start at the gap's end.
DateValue calendar_value(date::year_month_day ymd, DatePrecision precision,
                         const date::time_zone* zone) {
  const auto start = date::make_zoned(zone, date::local_days{ymd}, date::choose::earliest);
  return {precision, date::sys_days{ymd}, start.get_sys_time()};
}

DateValue instant_value(Seconds instant, const date::time_zone* zone) {
  const auto local = date::make_zoned(zone, instant).get_local_time();
  return {DatePrecision::instant, Days{date::floor<date::days>(local).time_since_epoch()},
          instant};
}

DateValue resolve(const ParsedDate& parsed, DateFormKind kind, const date::time_zone* zone) {
  const auto& ymd = parsed.fields.ymd;
  if (kind == DateFormKind::year_month) {
    return calendar_value(ymd.year() / ymd.month() / 1, DatePrecision::month, zone);
  }
  if (!parsed.fields.has_tod) return calendar_value(ymd, DatePrecision::day, zone);
  const auto local = date::local_days{ymd} + parsed.fields.tod.to_duration();
  if (parsed.offset) {
    return instant_value(Seconds{(local - *parsed.offset).time_since_epoch()}, zone);
  }
  // With choose::earliest (not choose::none, which throws nonexistent_local_time) a
  // repeated local time is its first occurrence and one in a gap is the instant the gap
  // ends: time_zone::to_sys returns the transition itself.
  return instant_value(date::make_zoned(zone, local, date::choose::earliest).get_sys_time(),
                       zone);
}

// "2026-04-06" exactly, a real day of an accepted year: the form most notes write, read
// without the rewrites and the stream parse below (a tenth of a first index's CPU), to
// the same value. Anything else, invalid days included, takes the general path.
std::optional<date::year_month_day> plain_iso_day(std::string_view written) {
  if (written.size() != 10 || written[4] != '-' || written[7] != '-') return std::nullopt;
  int value[3] = {0, 0, 0};
  const std::size_t begin[3] = {0, 5, 8};
  const std::size_t end[3] = {4, 7, 10};
  for (int part = 0; part < 3; ++part) {
    for (std::size_t i = begin[part]; i < end[part]; ++i) {
      if (written[i] < '0' || written[i] > '9') return std::nullopt;
      value[part] = value[part] * 10 + (written[i] - '0');
    }
  }
  const date::year_month_day ymd{date::year{value[0]}, date::month{unsigned(value[1])},
                                 date::day{unsigned(value[2])}};
  if (!ymd.ok() || value[0] < kFirstYear || value[0] > kLastYear) return std::nullopt;
  return ymd;
}

Error quoted(std::string_view written, const std::string& problem) {
  return Error{"'" + std::string(written) + "': " + problem};
}

}  // namespace

Error not_a_date(std::string_view written) {
  constexpr std::size_t kQuoted = 60;  // a pasted paragraph is not repeated in full
  const std::string shown = written.size() <= kQuoted
                                ? std::string(written)
                                : std::string(written.substr(0, kQuoted)) + "...";
  return Error{"'" + shown +
               "' is not a date (write e.g. 2026-04-06, 2025-12-04T10:30:00+01:00 or "
               "December 4, 2025)"};
}

Result<DateValue> read_date_form(DateFormKind kind, std::string_view written,
                                 const DateParseOptions& options) {
  if (options.zone == nullptr) return Error{"no time zone to read dates in (vault.timezone)"};
  if (kind == DateFormKind::numeric && options.numeric_order == NumericOrder::none) {
    return quoted(written,
                  "the order of day and month is ambiguous; set vault.numeric_order to "
                  "\"dmy\" (day first) or \"mdy\" (month first)");
  }
  if (kind == DateFormKind::iso) {
    if (const auto day = plain_iso_day(written))
      return calendar_value(*day, DatePrecision::day, options.zone);
  }
  const CanonicalDate canonical = canonicalise(written, kind);
  const auto parsed = parse_fields(canonical.text, kind, options.numeric_order);
  if (!parsed) return not_a_date(written);
  if (auto what = problem(*parsed, kind, canonical.weekday)) return quoted(written, *what);
  return resolve(*parsed, kind, options.zone);
}

}  // namespace freshd
