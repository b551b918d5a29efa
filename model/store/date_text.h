// format_day / format_instant / format_date's exact text, without date::format's
// ostringstream: encoding 100,000 notes in a scan made that the store's hottest spot.
// Internal to model/store.
#pragma once

#include "model/date_value.h"

#include <string>

namespace freshd::date_text {

std::string day(Days day);              // == format_day(day)
std::string instant(Seconds instant);   // == format_instant(instant)
std::string value(const DateValue& v);  // == format_date(v)

}  // namespace freshd::date_text
