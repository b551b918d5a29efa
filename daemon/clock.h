// The wall clock seam. The daemon and freshctl read calendar time only through a Clock,
// so tests can fix it: FRESHD_NOW=2026-11-23T12:00:00Z pins it for a whole process (used
// by the end-to-end tests; documented in the README).
#pragma once

#include "model/date_value.h"
#include "model/result.h"

#include <memory>

namespace freshd {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Seconds now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Seconds now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Seconds now) : now_(now) {}
  Seconds now() const override { return now_; }
  void set(Seconds now) { now_ = now; }

 private:
  Seconds now_;
};

// The system clock, or a fixed one when FRESHD_NOW is set. Errors when FRESHD_NOW is not
// an instant of the form YYYY-MM-DDTHH:MM:SSZ.
Result<std::unique_ptr<Clock>> clock_from_environment();

}  // namespace freshd
