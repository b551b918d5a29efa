#include "daemon/freshd_app.h"

#include "config/config_parser.h"
#include "daemon/clock.h"
#include "daemon/daemon.h"
#include "daemon/reminder_service.h"
#include "daemon/runtime.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include "daemon/vault_service.h"

#include <malloc.h>

#include <csignal>
#include <cstdlib>

namespace freshd {
namespace {

// Delivers what is owed now and waits for the deliveries (retries are left to the next
// run, as with anacron: a failed one stays in the outbox).
int deliver_once(const Config& config, const date::time_zone* zone, NoteStore& store, Seconds now) {
  boost::asio::io_context loop;
  auto work = boost::asio::make_work_guard(loop);
  ReminderService reminders(loop, store, [&] {
    if (reminders.idle()) work.reset();
  });
  reminders.set_config(config, zone);
  auto next = reminders.wake(now, store_file(resolve_state_dir(config)));
  if (!next) return log_error(next.error().message), 1;
  if (reminders.idle()) work.reset();
  loop.run();
  return 0;
}

int run_once(const Config& config, bool report_now) {
  auto clock = clock_from_environment();
  if (!clock) return log_error(clock.error().message), 1;
  auto zone = vault_zone(config);
  if (!zone) return log_error(zone.error().message), 1;
  auto writable = open_writable_store(config);
  if (!writable) return log_error(writable.error().message), 1;
  VaultService service(config, *zone, writable->store, **clock);
  // The log gets the counts only: keeping every event of a first index costs memory.
  const Reply reply = service.recheck({}, {}, /*keep_events=*/false);
  if (!reply.ok) return log_error(reply.message), 1;
  const auto& r = reply.result;
  log_info("indexed " + config.vault.path + ": " + r["files"].dump() + " notes, read " +
           r["read"].dump() + ", unchanged " + r["unchanged"].dump() + ", added " +
           r["added"].dump() + ", changed " + r["changed"].dump() + ", deleted " +
           r["deleted"].dump() + ", notes with problems " + r["problems"].dump());
  for (const auto& p : r["walk_problems"])
    log_warning(p["path"].get<std::string>() + ": " + p["message"].get<std::string>());
  if (int status = deliver_once(config, *zone, writable->store, (*clock)->now()); status != 0)
    return status;
  // The report: now with --report, else only when a scheduled one is due and unwritten.
  if (report_now) {
    const Reply written = service.report("", false);
    if (!written.ok) return log_error(written.message), 1;
    log_info("report " + written.result["week"].get<std::string>() + " written");
    return 0;
  }
  if (auto next = service.reports().wake((*clock)->now()); !next)
    return log_error(next.error().message), 1;
  return 0;
}

}  // namespace

Result<FreshdOptions> parse_freshd_args(const std::vector<std::string>& args) {
  FreshdOptions out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--once") { out.once = true; continue; }
    if (a == "--report") { out.report = true; continue; }
    if (a == "--help" || a == "-h") { out.help = true; continue; }
    if (a == "--version") { out.version = true; continue; }
    if (a == "--config" || a == "--vault" || a == "--state-dir" || a == "--log-level") {
      if (i + 1 >= args.size()) return Error{a + " needs a value"};
      const std::string& value = args[++i];
      if (a == "--config") out.common.config_file = value;
      if (a == "--vault") out.common.vault = value;
      if (a == "--state-dir") out.common.state_dir = value;
      if (a == "--log-level" && !parse_log_level(value, out.log_level))
        return Error{"--log-level must be error, warning, info or debug, not '" + value + "'"};
      continue;
    }
    return Error{"unknown argument '" + a + "' (try freshd --help)"};
  }
  return out;
}

std::string freshd_usage() {
  return "usage: freshd [--config FILE] [--vault DIR] [--state-dir DIR] [--once [--report]]\n"
         "              [--log-level error|warning|info|debug]\n\n"
         "Tracks how fresh the notes of a vault are. Runs in the foreground (systemd\n"
         "Type=notify); --once indexes the vault, delivers what is due and exits.\n";
}

int run_freshd(const FreshdOptions& options) {
  configure_log(options.log_level, std::getenv("JOURNAL_STREAM") != nullptr);
  auto config = load_effective_config(options.common);
  if (!config) return log_error(config.error().message), 1;
  if (options.once) return run_once(*config, options.report);
  // Before any thread starts: each thread that allocates gets its own malloc arena by
  // default, and the reader threads' arenas keep a scan's free memory fragmented for as
  // long as the daemon runs. Two arenas keep an idle daemon small.
  ::mallopt(M_ARENA_MAX, 2);
  // A reminder hook or a client that goes away must not kill the daemon.
  std::signal(SIGPIPE, SIG_IGN);
  auto clock = clock_from_environment();
  if (!clock) return log_error(clock.error().message), 1;
  auto daemon = Daemon::create(options.common, std::move(*config), std::move(*clock));
  if (!daemon) return log_error(daemon.error().message), 1;
  return (*daemon)->run();
}

}  // namespace freshd
