#include "daemon/daemon.h"

#include "config/config_parser.h"
#include "daemon/control_handler.h"
#include "daemon/log.h"

#include <boost/asio/post.hpp>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <memory>
#include <thread>
#include <utility>

namespace freshd {

namespace asio = boost::asio;

namespace {

// How often wake() runs even when nothing asked for it: a last line of defence against a
// missed timer, cheap enough to cost nothing while idle.
constexpr std::chrono::minutes kSafetyTick{10};
// A failed scan is retried after 2 s, 4 s, 8 s, ... at most 5 minutes apart.
constexpr std::chrono::seconds kScanRetryFirst{2};
constexpr std::chrono::seconds kScanRetryMax{300};
// Deciding the reminders of this many notes takes a few ms on the loop.
constexpr std::size_t kInlineWakeNotes = 500;
// How old a large vault's status counts may grow before a status asks for new ones.
constexpr std::chrono::minutes kSummaryMaxAge{1};

}  // namespace

Result<std::unique_ptr<Daemon>> Daemon::create(const CommonOptions& options, Config config,
                                               std::unique_ptr<Clock> clock) {
  auto zone = vault_zone(config);
  if (!zone) return zone.error();
  auto store = open_writable_store(config);
  if (!store) return store.error();
  std::unique_ptr<Daemon> daemon(
      new Daemon(options, std::move(config), *zone, std::move(clock), std::move(*store)));
  if (auto s = daemon->start(); !s) return s.error();
  return daemon;
}

Daemon::Daemon(const CommonOptions& options, Config config, const date::time_zone* zone,
               std::unique_ptr<Clock> clock, WritableStore store)
    : options_(options),
      config_(std::move(config)),
      zone_(zone),
      clock_(std::move(clock)),
      store_(std::move(store)),
      service_(config_, zone_, store_.store, *clock_),
      scanner_(loop_, store_.store, std::max(2u, std::thread::hardware_concurrency())),
      reminders_(loop_, store_.store, [this] { wake(); }),
      wall_timer_(loop_, [this](WallClockTimer::Fired fired) {
        if (fired == WallClockTimer::Fired::clock_changed)
          log_info("the wall clock changed; re-computing the next deadline");
        wake();
      }),
      signals_(loop_, SIGTERM, SIGINT, SIGHUP),
      rescan_timer_(loop_),
      watchdog_timer_(loop_),
      safety_tick_(loop_),
      progress_tick_(loop_),
      scan_retry_(loop_) {
  reminders_.set_config(config_, zone_);
}

Daemon::~Daemon() = default;

Status Daemon::start() {
  auto server = ControlServer::bind(loop_, resolve_socket_path(config_),
                                    [this](const Request& r, ReplyCallback cb) { dispatch(r, cb); });
  if (!server) return server.error();
  server_ = std::move(*server);
  server_->start();
  if (auto s = wall_timer_.open(); !s) return s;
  scanner_.set_sources([this] { return service_.scan_options(); }, [this] { return clock_->now(); });
  if (config_.daemon.watch) {
    const ScanOptions options = service_.scan_options();
    watcher_ = std::make_unique<VaultWatcher>(
        loop_, config_.vault.path, options.filter,
        WatchCallbacks{[this](std::vector<std::string> paths) { request_scan(std::move(paths), {}); },
                       [this](std::string why) {
                         log_info("full rescan: " + why);
                         request_scan({}, {});
                       }});
    if (auto s = watcher_->start(); !s) {
      log_warning(s.error().message + "; relying on the periodic rescan (daemon.rescan)");
      watcher_.reset();
    }
  }
  wait_signals();
  arm_rescan();
  arm_safety_tick();
  request_scan({}, {});
  return ok_status();
}

int Daemon::run() {
  ready_ = true;
  notifier_.ready();
  arm_watchdog();
  log_info("watching " + config_.vault.path + " (" +
           (watcher_ ? "inotify" : "no inotify") +
           "), control socket " + resolve_socket_path(config_));
  publish_status();
  loop_.run();
  return 0;
}

void Daemon::dispatch(const Request& request, ReplyCallback reply) {
  if (request.command == Command::recheck) {
    std::vector<std::string> paths;
    for (const auto& p : request.args.value("paths", nlohmann::json::array()))
      if (p.is_string()) {
        auto path = service_.normalize_note_path(p.get<std::string>());
        if (!path) return reply(Reply::failure(ErrorCode::bad_request, path.error().message));
        paths.push_back(*path);
      }
    // Not json::value(): it throws on a non-boolean, which would end the daemon.
    const auto report_arg = request.args.find("report");
    const bool with_report = report_arg != request.args.end() && report_arg->is_boolean() &&
                             report_arg->get<bool>();
    request_scan(std::move(paths), [this, reply, with_report](const Result<ScanReport>& report) {
      Reply result = recheck_reply(report);
      if (result.ok && with_report) {
        Reply written = service_.report("", false);
        if (!written.ok) return reply(written);
        result.result["report"] = written.result;
      }
      reply(result);
    });
    return;
  }
  HandlerHooks hooks;
  hooks.reload = [this] { return reload(); };
  Reply result = request.command == Command::status ? status_reply()
                                                    : handle_request(request, service_, hooks);
  if (request.command == Command::status && result.ok) {
    result.result["daemon"] = {{"pid", ::getpid()},
                               {"scanning", scanner_.busy()},
                               {"progress", {{"read", scanner_.progress().first},
                                             {"to_read", scanner_.progress().second}}}};
  }
  if ((request.command == Command::validate || request.command == Command::snooze ||
       request.command == Command::unsnooze) &&
      result.ok)
    wake();
  reply(std::move(result));
  // `list` and `report` of a large vault pass every note through memory: give it back
  // once the reply is on its way, as after a scan.
  if (request.command == Command::list || request.command == Command::report)
    asio::post(loop_, [this] { release_memory(); });
}

Reply Daemon::status_reply() {
  // While a scan runs, the counts of the last summary: reading every note would hold the
  // loop (and every request behind it) for as long as the store is large. A large vault's
  // summary comes from its background wakes; one older than a minute asks for a new one.
  if (summary_ && notes_ > kInlineWakeNotes) {
    if (!waking_ && clock_->now() - last_background_wake_ > kSummaryMaxAge) wake();
    return service_.status_from(*summary_);
  }
  if (!scanner_.busy() || !summary_) {
    auto summary = service_.summarize();
    if (!summary) return Reply::failure(ErrorCode::failed, summary.error().message);
    summary_ = std::move(*summary);
  }
  return service_.status_from(*summary_);
}

void Daemon::request_scan(std::vector<std::string> paths, ScanDone done) {
  const bool full = paths.empty();
  const bool client_waits = static_cast<bool>(done);
  scanner_.request(
      std::move(paths),
      [this, full, done](const Result<ScanReport>& report) {
        after_scan(report, full);
        if (done) done(report);
      },
      /*keep_events=*/client_waits);
  arm_progress_tick();
}

void Daemon::arm_progress_tick() {
  if (!notifier_.enabled()) return;
  progress_tick_.expires_after(std::chrono::seconds(1));
  progress_tick_.async_wait([this](boost::system::error_code ec) {
    if (ec || !scanner_.busy()) return;
    const auto [read, to_read] = scanner_.progress();
    notifier_.status("scanning " + std::to_string(read) + "/" + std::to_string(to_read) +
                     " notes read");
    arm_progress_tick();
  });
}

void Daemon::after_scan(const Result<ScanReport>& report, bool full) {
  if (!report) {
    // A full disk, a read-only or vanished state directory: what was applied stays, the
    // failed batch was rolled back. Try the whole vault again, sooner first, so that the
    // daemon recovers by itself once the cause is gone.
    const auto delay = std::min<std::chrono::seconds>(
        kScanRetryFirst * (1 << std::min(failed_scans_, 8)), kScanRetryMax);
    ++failed_scans_;
    log_error("scan failed: " + report.error().message + "; retrying in " +
              std::to_string(delay.count()) + " s");
    scan_retry_.expires_after(delay);
    scan_retry_.async_wait([this](boost::system::error_code ec) {
      if (!ec && !stopping_) request_scan({}, {});
    });
    return;
  }
  failed_scans_ = 0;
  const ScanChanges& c = report->changes;
  if (full || report->read > 0)
    log((c.added + c.changed + c.renamed + c.deleted + c.restored) > 0 ? LogLevel::info
                                                                       : LogLevel::debug,
        std::string(full ? "full scan" : "rescan") + ": " + std::to_string(report->files) +
            " notes, read " + std::to_string(report->read) + ", added " +
            std::to_string(c.added) + ", changed " + std::to_string(c.changed) + ", renamed " +
            std::to_string(c.renamed) + ", deleted " + std::to_string(c.deleted));
  for (const auto& p : report->walk_problems) log_warning(p.path + ": " + p.message);
  if (full) {
    notes_ = static_cast<std::size_t>(std::max(0, report->files));
    if (auto s = store_.store.set_last_scan(format_instant(clock_->now())); !s)
      log_error(s.error().message);
  }
  wake();
  release_memory();
}

void Daemon::wake() {
  if (stopping_) return;
  if (waking_) {
    wake_again_ = true;
    return;
  }
  const Seconds now = clock_->now();
  if (notes_ <= kInlineWakeNotes) return woken(now, reminders_.wake(now));
  waking_ = true;
  last_background_wake_ = now;
  // The same pass summarizes the vault for `status`, off the loop too.
  auto summary = std::make_shared<NoteSummary>(empty_summary(now));
  reminders_.wake_in_background(
      now, store_file(resolve_state_dir(config_)),
      [summary](const StoredNote& note, const NoteView& view) {
        count_in_summary(*summary, note, view);
      },
      [this, now, summary](const Result<std::optional<Seconds>>& next) {
        waking_ = false;
        if (stopping_) return;
        if (next) summary_ = std::move(*summary);
        woken(now, next);
        if (std::exchange(wake_again_, false)) return wake();
        release_memory();
      });
}

void Daemon::release_memory() {
  // A scan's batches and a wake's views are freed by now; hand the pages back (the
  // store's page cache, then malloc's free lists) so that an idle daemon's memory is its
  // steady state, not the peak of its last scan.
  store_.store.release_memory();
  ::malloc_trim(0);
}

void Daemon::woken(Seconds now, const Result<std::optional<Seconds>>& next_owed) {
  std::optional<Seconds> next_reminder;
  if (next_owed) {
    next_reminder = *next_owed;
  } else {
    log_error("reminders: " + next_owed.error().message);
    next_reminder = now + std::chrono::minutes(1);  // try again soon: never lost
  }
  if (auto next = service_.reports().wake(now); next) {
    next_report_ = *next;
  } else {
    log_error("report: " + next.error().message);
    next_report_ = now + std::chrono::minutes(5);  // a full disk may clear: try again
  }
  next_deadline_ = next_report_;
  if (next_reminder && (!next_deadline_ || *next_reminder < *next_deadline_))
    next_deadline_ = next_reminder;
  auto armed = next_deadline_ ? wall_timer_.arm(*next_deadline_) : wall_timer_.disarm();
  if (!armed) log_error(armed.error().message);
  // Persisted so that `freshctl status` can show them when the daemon is not running.
  for (const auto& [key, value] : {std::pair{"next_reminder", next_reminder},
                                   std::pair{"next_report", next_report_}})
    if (auto s = store_.store.set_meta(key, value ? format_instant(*value) : ""); !s)
      log_error(s.error().message);
  publish_status();
}

Reply Daemon::reload() {
  notifier_.reloading();
  auto loaded = load_effective_config(options_);
  if (!loaded) {
    log_error("reload refused, keeping the running configuration: " + loaded.error().message);
    notifier_.ready();
    return Reply::failure(ErrorCode::failed, "configuration refused: " + loaded.error().message);
  }
  auto zone = vault_zone(*loaded);
  if (!zone) {
    log_error("reload refused: " + zone.error().message);
    notifier_.ready();
    return Reply::failure(ErrorCode::failed, zone.error().message);
  }
  Config next = std::move(*loaded);
  if (next.vault.path != config_.vault.path || resolve_state_dir(next) != resolve_state_dir(config_))
    log_warning("vault.path and daemon.state_dir changes take effect at the next restart");
  next.vault.path = config_.vault.path;
  next.daemon.state_dir = config_.daemon.state_dir;
  if (auto s = service_.set_config(next, *zone); !s) {
    log_error("reload refused, keeping the running configuration: " + s.error().message);
    notifier_.ready();
    return Reply::failure(ErrorCode::failed, "configuration refused: " + s.error().message);
  }
  config_ = std::move(next);
  zone_ = *zone;
  reminders_.set_config(config_, zone_);
  arm_rescan();
  log_info("configuration reloaded from " +
           (config_.source_file.empty() ? std::string("defaults") : config_.source_file));
  notifier_.ready();
  request_scan({}, {});
  return Reply::success({{"reloaded", true}, {"config", config_.source_file}});
}

void Daemon::stop() {
  if (stopping_) return;
  stopping_ = true;
  notifier_.stopping();
  log_info("stopping");
  if (server_) server_->stop();
  if (watcher_) watcher_->stop();
  scanner_.stop();
  reminders_.stop();
  boost::system::error_code ignored;
  signals_.cancel(ignored);
  rescan_timer_.cancel();
  watchdog_timer_.cancel();
  safety_tick_.cancel();
  progress_tick_.cancel();
  scan_retry_.cancel();
  wall_timer_.close();
  // No loop_.stop(): run() returns once the work in flight is done, so a delivery that
  // finished during shutdown is still recorded (else it would be delivered again at the
  // next start).
}

void Daemon::wait_signals() {
  signals_.async_wait([this](boost::system::error_code ec, int signal) {
    if (ec) return;
    if (signal == SIGHUP) {
      reload();
      wait_signals();
      return;
    }
    stop();
  });
}

void Daemon::arm_rescan() {
  rescan_timer_.expires_after(config_.daemon.rescan);
  rescan_timer_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    request_scan({}, {});
    arm_rescan();
  });
}

void Daemon::arm_watchdog() {
  const auto interval = notifier_.watchdog_interval();
  if (!interval) return;
  notifier_.watchdog();
  watchdog_timer_.expires_after(*interval);
  watchdog_timer_.async_wait([this](boost::system::error_code ec) {
    if (!ec) arm_watchdog();
  });
}

void Daemon::arm_safety_tick() {
  safety_tick_.expires_after(kSafetyTick);
  safety_tick_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    wake();
    arm_safety_tick();
  });
}

void Daemon::publish_status() {
  if (!notifier_.enabled()) return;
  std::string text = scanner_.busy() ? "scanning " + std::to_string(scanner_.progress().first) +
                                           "/" + std::to_string(scanner_.progress().second)
                                     : "idle";
  const Reply status = status_reply();
  if (status.ok) {
    const auto& c = status.result["counts"];
    text += "; " + status.result["notes"].dump() + " notes: " + c["stale"].dump() + " stale, " +
            c["due"].dump() + " due, " + c["undated"].dump() + " undated";
  }
  auto next_reminder = store_.store.meta("next_reminder");
  const std::string reminder =
      next_reminder && *next_reminder && !(*next_reminder)->empty() ? **next_reminder : "none";
  text += "; next reminder " + reminder + "; next report " +
          (next_report_ ? format_instant(*next_report_) : std::string("none"));
  notifier_.status(text);
}

}  // namespace freshd
