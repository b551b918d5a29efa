#include "model/store/date_text.h"

#include <optional>

namespace freshd::date_text {
namespace {

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

}  // namespace

std::string day(Days day) {
  auto text = year_month_text(day, true);
  return text ? std::move(*text) : format_day(day);
}

std::string instant(Seconds instant) {
  const Days day = date::floor<date::days>(instant);
  auto text = year_month_text(day, true);
  if (!text) return format_instant(instant);
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

std::string value(const DateValue& v) {
  switch (v.precision) {
    case DatePrecision::month:
      if (auto text = year_month_text(v.day, false)) return std::move(*text);
      return format_date(v);
    case DatePrecision::day:
      return day(v.day);
    case DatePrecision::instant:
      return instant(v.instant);
  }
  return format_date(v);
}

}  // namespace freshd::date_text
