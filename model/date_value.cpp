#include "model/date_value.h"

#include <array>
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

}  // namespace freshd
