#include "daemon/wall_clock_timer.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace freshd {

namespace asio = boost::asio;

WallClockTimer::WallClockTimer(asio::io_context& loop, Handler handler)
    : fd_(loop), handler_(std::move(handler)) {}

WallClockTimer::~WallClockTimer() { close(); }

Status WallClockTimer::open() {
  const int fd = ::timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (fd < 0) return Error{std::string("timerfd_create: ") + std::strerror(errno)};
  fd_.assign(fd);
  if (auto s = disarm(); !s) return s;
  wait();
  return ok_status();
}

Status WallClockTimer::arm(Seconds at) {
  itimerspec spec{};
  // A zero it_value disarms a timerfd, so an instant at or before the epoch becomes 1 s.
  spec.it_value.tv_sec = std::max<std::int64_t>(1, at.time_since_epoch().count());
  if (::timerfd_settime(fd_.native_handle(), TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec,
                        nullptr) != 0)
    return Error{std::string("timerfd_settime: ") + std::strerror(errno)};
  armed_ = true;
  armed_at_ = at;
  return ok_status();
}

Status WallClockTimer::disarm() {
  // Armed far in the future rather than disarmed: only an armed CANCEL_ON_SET timer
  // reports clock changes.
  armed_ = false;
  itimerspec spec{};
  spec.it_value.tv_sec = static_cast<time_t>(4102444800);  // 2100-01-01
  if (::timerfd_settime(fd_.native_handle(), TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec,
                        nullptr) != 0)
    return Error{std::string("timerfd_settime: ") + std::strerror(errno)};
  return ok_status();
}

void WallClockTimer::close() {
  boost::system::error_code ignored;
  if (fd_.is_open()) fd_.close(ignored);
}

void WallClockTimer::wait() {
  fd_.async_wait(asio::posix::stream_descriptor::wait_read, [this](boost::system::error_code ec) {
    if (ec) return;  // operation_aborted: closed at shutdown
    std::uint64_t expirations = 0;
    const ssize_t n = ::read(fd_.native_handle(), &expirations, sizeof(expirations));
    const bool changed = n < 0 && errno == ECANCELED;
    if (n < 0 && !changed && errno != EAGAIN) return;
    if (changed || n > 0) handler_(changed ? Fired::clock_changed : Fired::deadline);
    if (fd_.is_open()) wait();
  });
}

}  // namespace freshd
