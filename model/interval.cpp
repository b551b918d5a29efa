#include "model/interval.h"

#include <cctype>
#include <initializer_list>
#include <optional>
#include <vector>

namespace freshd {
namespace {

constexpr std::string_view kIntervalExamples = "(examples: 90d, 2w, 6 months, 1y, P3M)";
constexpr std::string_view kSpanExamples = "(examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)";
// Beyond this, a number is a typo rather than a duration anyone means.
constexpr std::size_t kMaxDigits = 6;
constexpr long long kMaxMonths = 1000 * 12;
constexpr long long kMaxDays = 1000 * 366;

struct Amount {
  long long number = 0;
  std::string unit;  // lower case, may be empty
};

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads "1y 6m", "1 year, 6 months", "90days", "30" as (number, unit) pairs. nullopt when
// the text is anything else, including a sign or a fraction.
std::optional<std::vector<Amount>> split_amounts(std::string_view text) {
  std::vector<Amount> amounts;
  std::size_t i = 0;
  const auto at = [&](auto predicate) {
    return i < text.size() && predicate(static_cast<unsigned char>(text[i]));
  };
  while (true) {
    while (at([](unsigned char c) { return std::isspace(c) || c == ','; })) ++i;
    if (i == text.size()) break;
    Amount amount;
    const std::size_t digits_start = i;
    while (at([](unsigned char c) { return std::isdigit(c); })) {
      // Past kMaxDigits the text is refused below; not accumulating keeps it from overflowing.
      if (i - digits_start < kMaxDigits) amount.number = amount.number * 10 + (text[i] - '0');
      ++i;
    }
    const std::size_t digits = i - digits_start;
    if (digits == 0 || digits > kMaxDigits) return std::nullopt;
    while (at([](unsigned char c) { return std::isspace(c); })) ++i;
    while (at([](unsigned char c) { return std::isalpha(c); }))
      amount.unit.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++]))));
    amounts.push_back(std::move(amount));
  }
  if (amounts.empty()) return std::nullopt;
  return amounts;
}

bool is_one_of(const std::string& unit, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names)
    if (unit == name) return true;
  return false;
}

// Adds one amount to the interval; false when the unit is not a calendar unit.
bool add_amount(const Amount& amount, long long& months, long long& days) {
  const std::string& u = amount.unit;
  if (is_one_of(u, {"d", "day", "days"})) {
    days += amount.number;
  } else if (is_one_of(u, {"w", "wk", "wks", "week", "weeks"})) {
    days += amount.number * 7;
  } else if (is_one_of(u, {"m", "mo", "mos", "mon", "mons", "month", "months"})) {
    months += amount.number;
  } else if (is_one_of(u, {"y", "yr", "yrs", "year", "years"})) {
    months += amount.number * 12;
  } else {
    return false;
  }
  return true;
}

Error not_a_duration(std::string_view text) {
  return Error{"'" + std::string(text) + "' is not a duration " + std::string(kIntervalExamples)};
}

Error not_positive(std::string_view text, std::string_view examples) {
  return Error{"'" + std::string(text) + "' must be longer than zero " + std::string(examples)};
}

// ISO 8601 durations carry single-letter units only and no time part ("PT1H" is refused:
// a decay is counted in calendar days).
bool iso_units_only(const std::vector<Amount>& amounts) {
  for (const Amount& amount : amounts)
    if (!is_one_of(amount.unit, {"y", "m", "w", "d"})) return false;
  return true;
}

}  // namespace

Result<Interval> parse_interval(std::string_view text) {
  const std::string_view written = trim(text);
  std::string body = lower(written);
  if (body == "never") return Interval{0, 0, true};
  if (!body.empty() && body.front() == '-') return not_positive(written, kIntervalExamples);
  const bool iso = !body.empty() && body.front() == 'p';
  if (iso) body.erase(0, 1);
  const auto amounts = split_amounts(body);
  if (!amounts || (iso && !iso_units_only(*amounts))) return not_a_duration(written);
  long long months = 0;
  long long days = 0;
  for (const Amount& amount : *amounts)
    if (!add_amount(amount, months, days)) return not_a_duration(written);
  if (months == 0 && days == 0) return not_positive(written, kIntervalExamples);
  if (months > kMaxMonths || days > kMaxDays)
    return Error{"'" + std::string(written) +
                 "' is longer than freshd handles (at most 1000 years)"};
  return Interval{static_cast<int>(months), static_cast<int>(days), false};
}

Days add_interval(Days day, const Interval& interval) {
  const date::year_month_day ymd{day};
  const date::year_month target = ymd.year() / ymd.month() + date::months{interval.months};
  const date::day last = (target / date::last).day();
  const date::year_month_day moved = target / (ymd.day() > last ? last : ymd.day());
  return Days{moved} + date::days{interval.days};
}

Days subtract_interval(Days day, const Interval& interval) {
  // The reverse order of add_interval (days, then months) so that subtracting undoes
  // adding whenever no month end was clamped.
  const date::year_month_day ymd{day - date::days{interval.days}};
  const date::year_month target = ymd.year() / ymd.month() - date::months{interval.months};
  const date::day last = (target / date::last).day();
  return Days{target / (ymd.day() > last ? last : ymd.day())};
}

std::string format_interval(const Interval& interval) {
  if (interval.never) return "never";
  std::string out;
  if (interval.months / 12 != 0) out += std::to_string(interval.months / 12) + "y";
  if (interval.months % 12 != 0) out += std::to_string(interval.months % 12) + "m";
  if (interval.days != 0 || out.empty()) out += std::to_string(interval.days) + "d";
  return out;
}

Result<std::chrono::seconds> parse_span(std::string_view text) {
  const std::string_view written = trim(text);
  const std::string body = lower(written);
  const Error error{"'" + std::string(written) + "' is not a span of time " +
                    std::string(kSpanExamples)};
  if (!body.empty() && body.front() == '-') return not_positive(written, kSpanExamples);
  const auto amounts = split_amounts(body);
  if (!amounts) return error;
  long long seconds = 0;
  for (const Amount& amount : *amounts) {
    const std::string& u = amount.unit;
    long long unit_seconds = 0;
    if (u.empty() && amounts->size() == 1) unit_seconds = 1;
    else if (is_one_of(u, {"s", "sec", "secs", "second", "seconds"})) unit_seconds = 1;
    else if (is_one_of(u, {"m", "min", "mins", "minute", "minutes"})) unit_seconds = 60;
    else if (is_one_of(u, {"h", "hr", "hrs", "hour", "hours"})) unit_seconds = 3600;
    else if (is_one_of(u, {"d", "day", "days"})) unit_seconds = 86400;
    else if (is_one_of(u, {"w", "wk", "wks", "week", "weeks"})) unit_seconds = 604800;
    else return error;
    seconds += amount.number * unit_seconds;
  }
  if (seconds == 0) return not_positive(written, kSpanExamples);
  return std::chrono::seconds{seconds};
}

}  // namespace freshd
