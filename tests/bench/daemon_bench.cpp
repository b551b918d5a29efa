#include "daemon_bench.h"

#include "daemon_probe.h"
#include "process_runner.h"

#include <filesystem>
#include <thread>

namespace freshd::bench {
namespace {

using Clock = std::chrono::steady_clock;

// A generous bound: a 100,000-note index on a loaded two-core machine takes minutes.
constexpr std::chrono::minutes kScanTimeout{30};
// A client polling status, not a flood: leaves the scanner the CPU it would have.
constexpr std::chrono::milliseconds kStatusGap{10};
// Long enough that a slow answer is measured rather than abandoned (an abandoned request
// is still computed by the daemon and would slow the next one).
constexpr std::chrono::seconds kStatusTimeout{120};
// The work that follows a scan (reminders, the next deadline, the first index's
// deliveries) is over when the daemon's CPU time has not moved for kQuiet; idle
// measurements start then (waiting at least kSettle, at most kSettleMax).
constexpr std::chrono::seconds kSettle{1};
constexpr std::chrono::seconds kQuiet{2};
constexpr std::chrono::minutes kSettleMax{5};

Result<BackgroundProcess> start_daemon(const BenchSetup& setup, const std::string& log) {
  return BackgroundProcess::start(
      {setup.freshd, "--config", setup.config, "--state-dir", setup.daemon_state}, log);
}

double elapsed_s(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Fires status requests until one says the scan is over. Requests before the socket
// answers for the first time are not counted: the daemon is still starting.
Status measure_status_during_scan(const BenchSetup& setup, BackgroundProcess& daemon,
                                  DaemonResults& out) {
  const auto start = Clock::now();
  bool answered = false;
  while (Clock::now() - start < kScanTimeout) {
    if (!daemon.running()) return Error{"freshd exited during its first scan; see " + setup.logs};
    const auto sent = Clock::now();
    auto reply = control_call(setup.socket, kStatusRequest, kStatusTimeout);
    const double ms = elapsed_s(sent) * 1000.0;
    if (reply && reply->value("ok", false)) {
      answered = true;
      if (!(*reply)["result"]["daemon"].value("scanning", false)) {
        out.scan_seconds = elapsed_s(start);
        return ok_status();
      }
      out.status_ms.push_back(ms);
    } else if (answered) {
      ++out.status_failures;
    }
    std::this_thread::sleep_for(answered ? kStatusGap : std::chrono::milliseconds(5));
  }
  return Error{"freshd did not finish its first scan within 30 minutes"};
}

// Waits until `pid` has used no CPU for kQuiet; returns the seconds waited.
Result<double> settle(pid_t pid) {
  const auto start = Clock::now();
  std::this_thread::sleep_for(kSettle);
  auto last = cpu_seconds(pid);
  if (!last) return last.error();
  auto quiet_since = Clock::now();
  while (Clock::now() - start < kSettleMax) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    auto now = cpu_seconds(pid);
    if (!now) return now.error();
    if (*now != *last) {
      last = now;
      quiet_since = Clock::now();
    } else if (Clock::now() - quiet_since >= kQuiet) {
      break;
    }
  }
  return elapsed_s(start);
}

Status measure_idle(const BenchSetup& setup, pid_t pid, DaemonResults& out) {
  auto settled = settle(pid);
  if (!settled) return settled.error();
  out.settle_seconds = *settled;
  auto peak = proc_status_kib(pid, "VmHWM");
  auto rss = proc_status_kib(pid, "VmRSS");
  if (!peak) return peak.error();
  if (!rss) return rss.error();
  out.scan_peak_kib = *peak;
  out.idle_rss_kib = *rss;
  auto before = cpu_seconds(pid);
  if (!before) return before.error();
  std::this_thread::sleep_for(std::chrono::duration<double>(setup.idle_seconds));
  auto after = cpu_seconds(pid);
  if (!after) return after.error();
  out.idle_cpu_seconds = *after - *before;
  out.idle_window_seconds = setup.idle_seconds;
  return ok_status();
}

Status stop_cleanly(BackgroundProcess& daemon, const std::string& log) {
  auto code = daemon.stop();
  if (!code) return code.error();
  if (*code != 0) return Error{"freshd exited with status " + std::to_string(*code) + " on SIGTERM; see " + log};
  return ok_status();
}

Status first_run(const BenchSetup& setup, DaemonResults& out) {
  const std::string log = setup.logs + "/daemon-index.log";
  auto daemon = start_daemon(setup, log);
  if (!daemon) return daemon.error();
  if (auto s = measure_status_during_scan(setup, *daemon, out); !s) return s;
  if (auto s = measure_idle(setup, daemon->pid(), out); !s) return s;
  return stop_cleanly(*daemon, log);
}

Status restart_run(const BenchSetup& setup, DaemonResults& out) {
  const std::string log = setup.logs + "/daemon-restart.log";
  auto daemon = start_daemon(setup, log);
  if (!daemon) return daemon.error();
  if (auto s = wait_until_scanned(setup.socket, [&] { return daemon->running(); }, kScanTimeout); !s) return s;
  if (auto settled = settle(daemon->pid()); !settled) return settled.error();
  auto rss = proc_status_kib(daemon->pid(), "VmRSS");
  if (!rss) return rss.error();
  out.restart_idle_rss_kib = *rss;
  return stop_cleanly(*daemon, log);
}

}  // namespace

Result<DaemonResults> run_daemon(const BenchSetup& setup) {
  std::error_code ec;
  std::filesystem::remove_all(setup.daemon_state, ec);
  std::filesystem::create_directories(setup.daemon_state, ec);
  if (ec) return Error{"cannot create " + setup.daemon_state + ": " + ec.message()};
  DaemonResults out;
  if (auto s = first_run(setup, out); !s) return s.error();
  if (auto s = restart_run(setup, out); !s) return s.error();
  return out;
}

}  // namespace freshd::bench
