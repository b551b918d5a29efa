// Looking at a running freshd from outside: its control socket spoken directly (one JSON
// line per connection, as in daemon/control_protocol.h), and its memory and CPU time
// from /proc.
#pragma once

#include "model/result.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <sys/types.h>

namespace freshd::bench {

// The request line for `status`, as freshctl would send it.
inline constexpr const char* kStatusRequest = R"({"version":1,"command":"status","args":{}})";

// Connects to socket_path, sends request_line plus '\n', reads until the daemon closes
// the connection and parses the reply. Fails on connect errors, timeouts and bad JSON.
Result<nlohmann::json> control_call(const std::string& socket_path,
                                    const std::string& request_line,
                                    std::chrono::milliseconds timeout);

// Polls `status` until the daemon answers and reports no scan running (its first full
// scan done). Fails when `alive` turns false (the daemon exited) or the timeout passes.
Status wait_until_scanned(const std::string& socket_path, const std::function<bool()>& alive,
                          std::chrono::seconds timeout);

// A memory figure of /proc/PID/status in KiB: key "VmRSS" (resident now) or "VmHWM"
// (peak resident).
Result<long> proc_status_kib(pid_t pid, const std::string& key);

// utime + stime of the whole process (all threads) in seconds, from /proc/PID/stat.
Result<double> cpu_seconds(pid_t pid);

}  // namespace freshd::bench
