#include "model/adaptive_interval.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace freshd {

double interval_days(const Interval& interval) {
  return interval.months * 30.436875 + interval.days;
}

AdaptedInterval adapt_interval(const ResolvedDecay& decay, const std::vector<std::string>& outcomes,
                               const AdaptiveSettings& settings) {
  AdaptedInterval out;
  out.interval = decay.interval;
  const std::string base = decay.written + " (" + format_interval(decay.interval) + ")";
  if (decay.interval.never) {
    out.explain = "never decays";
    return out;
  }
  if (!settings.enabled || decay.class_name.empty()) {
    out.explain = base + (decay.class_name.empty() ? ", a fixed duration: not adapted"
                                                   : ", adaptive intervals off");
    return out;
  }
  int unchanged = 0, updated = 0;
  double factor = 1.0;
  for (const auto& outcome : outcomes) {
    if (outcome == "unchanged") ++unchanged, factor *= settings.grow;
    if (outcome == "updated") ++updated, factor *= settings.shrink;
    // Clamping at each step keeps a long run of one outcome from needing as long a run of
    // the other to come back.
    factor = std::clamp(factor, settings.min_factor, settings.max_factor);
  }
  if (unchanged + updated == 0) {
    out.explain = base + ", no validation outcome recorded yet";
    return out;
  }
  const int days = std::max(1, static_cast<int>(std::lround(interval_days(decay.interval) * factor)));
  out.interval = Interval{0, days, false};
  out.factor = factor;
  out.adapted = true;
  std::ostringstream text;
  text << base << " × " << std::round(factor * 100) / 100 << " after " << unchanged
       << " unchanged, " << updated << " updated = " << days << "d";
  out.explain = text.str();
  return out;
}

}  // namespace freshd
