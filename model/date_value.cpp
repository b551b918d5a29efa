#include "model/date_value.h"

namespace freshd {

std::string format_day(Days day) { return date::format("%F", day); }

std::string format_instant(Seconds instant) { return date::format("%FT%TZ", instant); }

std::string format_date(const DateValue& value) {
  switch (value.precision) {
    case DatePrecision::month:
      return date::format("%Y-%m", value.day);
    case DatePrecision::day:
      return format_day(value.day);
    case DatePrecision::instant:
      return format_instant(value.instant);
  }
  return format_day(value.day);
}

}  // namespace freshd
