#include "model/store/date_text.h"

namespace freshd::date_text {

std::string day(Days day) { return format_day(day); }
std::string instant(Seconds instant) { return format_instant(instant); }
std::string value(const DateValue& v) { return format_date(v); }

}  // namespace freshd::date_text
