// Adaptive intervals, spaced-repetition style: a validation recorded as `unchanged` says the
// note held up, so the next interval grows; `updated` says it needed work, so it shrinks.
// The factor is the product of one step per recorded outcome, kept within bounds, and is
// applied only to notes whose decay comes from a class (an explicit duration is the
// author's word). Pure; `explain` says why, for `show`, the report and `validate --dry-run`.
#pragma once

#include "model/decay_policy.h"
#include "model/interval.h"

#include <string>
#include <vector>

namespace freshd {

struct AdaptiveSettings {
  // Default: true. [decay] adaptive.
  bool enabled = true;
  // Default: 1.5. [decay] adaptive_grow: factor per `unchanged` validation.
  double grow = 1.5;
  // Default: 0.5. [decay] adaptive_shrink: factor per `updated` validation.
  double shrink = 0.5;
  // Default: 0.25 and 4. [decay] adaptive_min / adaptive_max: bounds of the factor.
  double min_factor = 0.25;
  double max_factor = 4.0;
};

struct AdaptedInterval {
  Interval interval;    // what the note decays at now
  double factor = 1.0;  // applied to the class interval
  bool adapted = false;  // false: the class interval (or the note's own duration) as is
  std::string explain;   // "fast (30d) × 2.25 after 2 unchanged, 0 updated = 68d"
};

// The interval for `decay` after `outcomes` (oldest first; "" counts for nothing).
AdaptedInterval adapt_interval(const ResolvedDecay& decay, const std::vector<std::string>& outcomes,
                               const AdaptiveSettings& settings);

// The interval's length in days (months count 30.436875 days, the Gregorian mean).
double interval_days(const Interval& interval);

}  // namespace freshd
