// How long a note stays fresh, and other durations users write ("90d", "6 months", "P3M").
#pragma once

#include "model/date_value.h"
#include "model/result.h"

#include <chrono>
#include <string>
#include <string_view>

namespace freshd {

// A calendar length: months then days. Months are calendar months, so "6 months" from
// 31 August is the last day of February. `never` marks an evergreen interval.
struct Interval {
  int months = 0;
  int days = 0;
  bool never = false;

  friend bool operator==(const Interval&, const Interval&) = default;
};

// Parses "90d", "90 days", "2w", "6 months", "1y", "1y6m", "P3M", "P1Y2M10D", "P2W",
// "never". Errors name the text and the accepted forms.
Result<Interval> parse_interval(std::string_view text);

// `day` plus the interval; a day past the end of the target month clamps to its last day.
// Precondition: !interval.never.
Days add_interval(Days day, const Interval& interval);
Days subtract_interval(Days day, const Interval& interval);

// "90d", "6m", "1y", "1m15d", "never": the canonical short form.
std::string format_interval(const Interval& interval);

// Parses a span of seconds for timeouts and periods: "30s", "5m", "1h", "2d", "1w",
// "1h30m", or a plain number of seconds. Errors name the text.
Result<std::chrono::seconds> parse_span(std::string_view text);

}  // namespace freshd
