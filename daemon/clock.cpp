#include "daemon/clock.h"

#include <chrono>
#include <cstdlib>
#include <sstream>

namespace freshd {

Seconds SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Result<std::unique_ptr<Clock>> clock_from_environment() {
  const char* pinned = std::getenv("FRESHD_NOW");
  if (pinned == nullptr || *pinned == '\0') return std::unique_ptr<Clock>(new SystemClock);
  std::istringstream in(pinned);
  Seconds now;
  in >> date::parse("%FT%TZ", now);
  if (in.fail())
    return Error{"FRESHD_NOW='" + std::string(pinned) +
                 "' is not an instant like 2026-11-23T12:00:00Z; unset it to use the system clock"};
  return std::unique_ptr<Clock>(new FixedClock(now));
}

}  // namespace freshd
