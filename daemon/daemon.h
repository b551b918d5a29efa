// The long-running freshd: one io_context on one thread owns the store; scans read files
// on worker threads; the control socket, the vault watcher, the wall-clock timer, signals
// and systemd notifications all run on that loop. Built by main() via run_freshd().
#pragma once

#include "config/config.h"
#include "daemon/clock.h"
#include "daemon/control_server.h"
#include "daemon/reminder_service.h"
#include "daemon/runtime.h"
#include "daemon/scan_runner.h"
#include "daemon/systemd_notify.h"
#include "daemon/vault_service.h"
#include "daemon/vault_watcher.h"
#include "daemon/wall_clock_timer.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>
#include <optional>

namespace freshd {

class Daemon {
 public:
  // Opens the store (taking the writer lock) and binds the socket. Errors are fatal
  // set-up failures for main() to report.
  static Result<std::unique_ptr<Daemon>> create(const CommonOptions& options, Config config,
                                                std::unique_ptr<Clock> clock);
  ~Daemon();

  // Runs until SIGTERM/SIGINT; returns the exit status (0 after a graceful stop).
  int run();

 private:
  Daemon(const CommonOptions& options, Config config, const date::time_zone* zone,
         std::unique_ptr<Clock> clock, WritableStore store);
  Status start();
  void dispatch(const Request& request, ReplyCallback reply);
  void request_scan(std::vector<std::string> paths, ScanDone done);
  void after_scan(const Result<ScanReport>& report, bool full);
  // Fires what is owed and re-arms the next deadline. A vault of more than
  // kInlineWakeNotes notes decides its reminders on a worker, so the loop keeps answering;
  // a smaller one decides in the call (a few ms), so that a request answered after it
  // sees its outcome. One wake at a time: one asked for meanwhile runs after it.
  void wake();
  void woken(Seconds now, const Result<std::optional<Seconds>>& next);
  Reply reload();
  void stop();
  void arm_rescan();
  void arm_watchdog();
  void arm_safety_tick();
  void wait_signals();
  void publish_status();
  // `status`: a fresh summary of the notes, or while a scan runs the last one (summary_);
  // for a vault of more than kInlineWakeNotes notes, the one its last background wake took.
  Reply status_reply();
  // While a scan runs: STATUS=scanning READ/TO_READ once a second (cheap; no counts).
  void arm_progress_tick();
  // Returns the store's cache and malloc's free memory to the system.
  void release_memory();

  CommonOptions options_;
  Config config_;
  const date::time_zone* zone_;
  std::unique_ptr<Clock> clock_;
  boost::asio::io_context loop_;
  WritableStore store_;
  VaultService service_;
  SystemdNotifier notifier_;
  ScanRunner scanner_;
  ReminderService reminders_;
  std::unique_ptr<ControlServer> server_;
  std::unique_ptr<VaultWatcher> watcher_;
  WallClockTimer wall_timer_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer rescan_timer_;
  boost::asio::steady_timer watchdog_timer_;
  boost::asio::steady_timer safety_tick_;
  boost::asio::steady_timer progress_tick_;
  boost::asio::steady_timer scan_retry_;  // after a failed scan
  int failed_scans_ = 0;                  // in a row
  std::optional<Seconds> next_deadline_;  // the earliest of reminders and report
  std::optional<Seconds> next_report_;
  std::optional<NoteSummary> summary_;  // the last one status_reply() took
  std::size_t notes_ = 0;  // in the vault at the last full scan
  bool waking_ = false;    // a wake's reminders are being decided in the background
  bool wake_again_ = false;
  Seconds last_background_wake_{};
  bool ready_ = false;
  bool stopping_ = false;
};

}  // namespace freshd
