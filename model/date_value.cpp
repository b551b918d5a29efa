#include "model/date_value.h"

#include <array>
#include <charconv>
#include <optional>
#include <utility>

namespace freshd {
namespace {

// The texts are written digit by digit: date::format goes through an ostringstream and
// its locale, and `list` or a scan formats several dates for each of 100,000 notes.
void append_number(std::string& out, long value, int width) {
  char digits[8];
  for (int i = width - 1; i >= 0; --i, value /= 10) digits[i] = static_cast<char>('0' + value % 10);
  out.append(digits, static_cast<std::size_t>(width));
}

// Years outside 0..9999 are left to date::format, whose form for them is its own.
std::optional<std::string> year_month_text(Days day, bool with_day) {
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return std::nullopt;
  std::string text;
  text.reserve(20);
  append_number(text, year, 4);
  text += '-';
  append_number(text, static_cast<unsigned>(ymd.month()), 2);
  if (with_day) {
    text += '-';
    append_number(text, static_cast<unsigned>(ymd.day()), 2);
  }
  return text;
}

constexpr std::array<std::pair<DatePrecision, std::string_view>, 3> kPrecisionNames{{
    {DatePrecision::day, "day"},
    {DatePrecision::month, "month"},
    {DatePrecision::instant, "instant"},
}};

std::optional<int> parse_number(std::string_view text, int max) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0 || value > max) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string_view to_string(DatePrecision precision) {
  for (const auto& [p, name] : kPrecisionNames)
    if (p == precision) return name;
  return "day";
}

std::optional<DatePrecision> date_precision_from_string(std::string_view text) {
  for (const auto& [p, name] : kPrecisionNames)
    if (name == text) return p;
  return std::nullopt;
}

std::string format_day(Days day) {
  auto text = year_month_text(day, true);
  return text ? std::move(*text) : date::format("%F", day);
}

std::string format_instant(Seconds instant) {
  const Days day = date::floor<date::days>(instant);
  auto text = year_month_text(day, true);
  if (!text) return date::format("%FT%TZ", instant);
  const long seconds = (instant - day).count();
  *text += 'T';
  append_number(*text, seconds / 3600, 2);
  *text += ':';
  append_number(*text, seconds / 60 % 60, 2);
  *text += ':';
  append_number(*text, seconds % 60, 2);
  *text += 'Z';
  return std::move(*text);
}

std::string format_date(const DateValue& value) {
  switch (value.precision) {
    case DatePrecision::month:
      if (auto text = year_month_text(value.day, false)) return std::move(*text);
      return date::format("%Y-%m", value.day);
    case DatePrecision::day:
      return format_day(value.day);
    case DatePrecision::instant:
      return format_instant(value.instant);
  }
  return format_day(value.day);
}

// (date::parse is avoided: its %S code trips g++ 12's -Wmaybe-uninitialized.)
std::optional<Days> parse_day_text(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_number(text.substr(0, 4), 9999);
  const auto month = parse_number(text.substr(5, 2), 12);
  const auto day = parse_number(text.substr(8, 2), 31);
  if (!year || !month || !day) return std::nullopt;
  const date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                 date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return Days{ymd};
}

std::optional<Seconds> parse_instant_text(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  const auto day = parse_day_text(text.substr(0, 10));
  const auto hours = parse_number(text.substr(11, 2), 23);
  const auto minutes = parse_number(text.substr(14, 2), 59);
  const auto seconds = parse_number(text.substr(17, 2), 60);
  if (!day || !hours || !minutes || !seconds) return std::nullopt;
  return Seconds{*day} + std::chrono::hours{*hours} + std::chrono::minutes{*minutes} +
         std::chrono::seconds{*seconds};
}

}  // namespace freshd
