// Fuzzes the date parser and the searches for dates in prose and in file names.
// Input: any text. Invariants: nothing crashes; a found date's raw text is the searched
// text at its offset; a parsed date's day and instant agree, and it formats to text that
// parses back to the same value.
#include "tests/fuzz/fuzz_options.h"

#include "model/date_parser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using freshd::fuzz::require;

void check_found(const std::optional<freshd::FoundDate>& found, std::string_view text) {
  if (!found) return;
  require(found->offset <= text.size());
  require(text.substr(found->offset, found->raw.size()) == found->raw);
  if (!found->value) require(!found->value.error().message.empty());
}

// Both views of a date agree: the instant falls on `day` in the vault's zone (for days
// and months it is the day's first instant there).
void check_views(const freshd::DateValue& value, const freshd::DateParseOptions& options) {
  require(date::year_month_day{value.day}.ok());
  const auto local = options.zone->to_local(value.instant);
  require(date::floor<date::days>(local).time_since_epoch() == value.day.time_since_epoch());
}

void check_round_trip(const freshd::Result<freshd::DateValue>& parsed,
                      const freshd::DateParseOptions& options) {
  if (!parsed) {
    require(!parsed.error().message.empty());
    return;
  }
  check_views(*parsed, options);
  const auto again = freshd::parse_date(freshd::format_date(*parsed), options);
  require(again.ok() && *again == *parsed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const freshd::DateParseOptions options = freshd::fuzz::date_options(size);
  check_round_trip(freshd::parse_date(text, options), options);
  check_found(freshd::find_date_in_text(text, options), text);
  check_found(freshd::find_date_in_file_name(text, options), text);
  return 0;
}
