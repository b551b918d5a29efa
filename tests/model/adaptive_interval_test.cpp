#include "model/adaptive_interval.h"

#include <doctest/doctest.h>

namespace freshd {
namespace {

ResolvedDecay class_decay(const char* name, int days) {
  ResolvedDecay d;
  d.interval = Interval{0, days, false};
  d.written = name;
  d.class_name = name;
  return d;
}

}  // namespace

TEST_CASE("unchanged lengthens and updated shortens a class interval, within bounds") {
  const AdaptiveSettings s;
  struct Case {
    std::vector<std::string> outcomes;
    int days;
    double factor;
  } cases[] = {
      {{}, 30, 1.0},
      {{""}, 30, 1.0},
      {{"unchanged"}, 45, 1.5},
      {{"unchanged", "unchanged"}, 68, 2.25},
      {{"updated"}, 15, 0.5},
      {{"updated", "updated"}, 8, 0.25},
      {{"updated", "updated", "updated"}, 8, 0.25},  // floor: a quarter
      {{"unchanged", "unchanged", "unchanged", "unchanged"}, 120, 4.0},  // ceiling: four times
      {{"unchanged", "updated"}, 23, 0.75},
      {{"updated", "updated", "updated", "unchanged"}, 11, 0.375},  // clamped at each step
  };
  for (const auto& c : cases) {
    CAPTURE(c.outcomes.size());
    const auto adapted = adapt_interval(class_decay("fast", 30), c.outcomes, s);
    CHECK(adapted.interval == Interval{0, c.days, false});
    CHECK(adapted.factor == doctest::Approx(c.factor));
  }
}

TEST_CASE("an explicit duration, an evergreen note and adaptive = false are not adapted") {
  ResolvedDecay duration = class_decay("90d", 90);
  duration.class_name = "";
  CHECK_FALSE(adapt_interval(duration, {"unchanged"}, AdaptiveSettings{}).adapted);
  CHECK(adapt_interval(duration, {"unchanged"}, AdaptiveSettings{}).interval == Interval{0, 90, false});
  ResolvedDecay evergreen = class_decay("evergreen", 0);
  evergreen.interval.never = true;
  CHECK(adapt_interval(evergreen, {"updated"}, AdaptiveSettings{}).interval.never);
  AdaptiveSettings off;
  off.enabled = false;
  CHECK(adapt_interval(class_decay("fast", 30), {"unchanged"}, off).interval == Interval{0, 30, false});
}

TEST_CASE("the explanation names the class, the factor and the outcomes") {
  const auto adapted = adapt_interval(class_decay("fast", 30), {"unchanged", "unchanged"}, AdaptiveSettings{});
  CHECK(adapted.explain == "fast (30d) × 2.25 after 2 unchanged, 0 updated = 68d");
  ResolvedDecay months = class_decay("medium", 0);
  months.interval = Interval{3, 0, false};
  CHECK(adapt_interval(months, {"updated"}, AdaptiveSettings{}).interval == Interval{0, 46, false});
}

}  // namespace freshd
