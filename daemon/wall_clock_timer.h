// A timer for a wall-clock instant: a CLOCK_REALTIME timerfd armed with
// TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, read through an Asio descriptor. It fires
// at the instant even across suspend, and reports a step of the wall clock (manual set,
// NTP step, resume) instead of sleeping on a stale deadline.
#pragma once

#include "model/date_value.h"
#include "model/result.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include <functional>

namespace freshd {

class WallClockTimer {
 public:
  enum class Fired { deadline, clock_changed };
  using Handler = std::function<void(Fired)>;

  WallClockTimer(boost::asio::io_context& loop, Handler handler);
  ~WallClockTimer();

  Status open();
  // Arms for `at` (replacing any earlier arming). An instant in the past fires at once.
  Status arm(Seconds at);
  // Disarms, but still reports clock changes.
  Status disarm();
  void close();

 private:
  void wait();

  boost::asio::posix::stream_descriptor fd_;
  Handler handler_;
  Seconds armed_at_{};
  bool armed_ = false;
};

}  // namespace freshd
