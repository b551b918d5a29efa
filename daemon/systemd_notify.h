// The systemd notification protocol (sd_notify(3)): datagrams to $NOTIFY_SOCKET. A no-op
// when the variable is unset, so freshd runs the same outside systemd.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace freshd {

class SystemdNotifier {
 public:
  // Reads NOTIFY_SOCKET (a path, or "@name" for the abstract namespace) and WATCHDOG_USEC.
  SystemdNotifier();

  bool enabled() const { return !socket_.empty(); }

  // Sends one message ("READY=1", "STATUS=..."). Returns false when it could not be sent
  // (never fatal: freshd keeps running).
  bool notify(std::string_view message) const;

  bool ready() const { return notify("READY=1"); }
  bool status(std::string_view text) const { return notify("STATUS=" + std::string(text)); }
  bool watchdog() const { return notify("WATCHDOG=1"); }
  bool stopping() const { return notify("STOPPING=1"); }
  // RELOADING=1 with MONOTONIC_USEC=, as systemd 253+ expects; harmless on 252.
  bool reloading() const;

  // Half the watchdog period systemd asked for, when it asked (WATCHDOG_USEC set and, if
  // WATCHDOG_PID is set, naming this process).
  std::optional<std::chrono::microseconds> watchdog_interval() const { return watchdog_; }

 private:
  std::string socket_;
  std::optional<std::chrono::microseconds> watchdog_;
};

}  // namespace freshd
