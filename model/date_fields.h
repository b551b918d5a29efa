// Reading a date whose shape matched a DateForm: date::from_stream parses it, the date
// library's calendar types check it, the vault's zone resolves it. Internal to model/.
#pragma once

#include "model/date_forms.h"
#include "model/date_parser.h"

#include <string_view>

namespace freshd {

// Reads `written`, text that matched a form of `kind`. Errors quote `written` and say
// what is wrong: ambiguous numeric order, no such month, day or time of day, implausible
// year (outside 1900-2200) or offset, a weekday contradicting the date.
Result<DateValue> read_date_form(DateFormKind kind, std::string_view written,
                                 const DateParseOptions& options);

// "'<written>' is not a date (write e.g. ...)": the error for text that has no date shape.
Error not_a_date(std::string_view written);

}  // namespace freshd
