#include "daemon/freshctl_app.h"

#include "daemon/cli_output.h"
#include "daemon/clock.h"
#include "config/config_parser.h"
#include "daemon/atomic_file.h"
#include "daemon/control_client.h"
#include "daemon/control_handler.h"
#include "daemon/terminal.h"
#include "daemon/vault_service.h"

#include <unistd.h>

#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

namespace freshd {
namespace {

bool writes_store(Command command) {
  return command == Command::recheck || command == Command::validate ||
         command == Command::snooze || command == Command::unsnooze ||
         command == Command::report;
}

int exit_status(const Reply& reply) {
  if (reply.ok) return kExitOk;
  switch (reply.code) {
    case ErrorCode::bad_request: return kExitUsage;
    case ErrorCode::not_found: return kExitNotFound;
    case ErrorCode::failed: return kExitFailure;
  }
  return kExitFailure;
}

int fail(const std::string& message, int status) {
  std::cerr << "freshctl: " << message << "\n";
  return status;
}

// `report --out FILE|-`: the daemon sends the text; freshctl writes it, with the
// user's own permissions.
int save_report(const Reply& reply, const std::string& out) {
  const std::string content = reply.result.value("content", "");
  if (out == "-") {
    std::cout << content;
    return kExitOk;
  }
  if (auto s = write_file_atomically(out, content); !s) return fail(s.error().message, kExitFailure);
  std::cerr << "freshctl: wrote the " << reply.result.value("format", "") << " report for "
            << reply.result.value("week", "") << " to " << out << "\n";
  return kExitOk;
}

int print_reply(const FreshctlInvocation& inv, const Reply& reply) {
  if (!reply.ok) return fail(reply.message, exit_status(reply));
  if (inv.request.command == Command::report && inv.request.args.contains("out"))
    return save_report(reply, inv.request.args["out"].get<std::string>());
  if (inv.json)
    std::cout << reply.result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  else
    std::cout << render_result(inv.request.command, reply.result, colour_wanted(STDOUT_FILENO));
  return kExitOk;
}

int run_in_process(const FreshctlInvocation& inv, const Config& config) {
  auto clock = clock_from_environment();
  if (!clock) return fail(clock.error().message, kExitFailure);
  auto zone = vault_zone(config);
  if (!zone) return fail(zone.error().message, kExitFailure);
  if (inv.request.command == Command::reload)
    return fail("no freshd is running, so there is nothing to reload", kExitUnreachable);
  std::cerr << "freshctl: no freshd running; working on the index directly\n";
  if (writes_store(inv.request.command)) {
    auto writable = open_writable_store(config);
    if (!writable) return fail(writable.error().message, kExitFailure);
    VaultService service(config, *zone, writable->store, **clock);
    ProgressBar bar(stderr, "notes read");
    HandlerHooks hooks;
    if (bar.enabled()) hooks.progress = [&bar](std::size_t done, std::size_t total) { bar.update(done, total); };
    Reply reply = handle_request(inv.request, service, hooks);
    bar.finish();
    return print_reply(inv, reply);
  }
  auto store = open_readonly_store(config);
  if (!store) return fail(store.error().message, kExitFailure);
  VaultService service(config, *zone, *store, **clock);
  return print_reply(inv, handle_request(inv.request, service));
}

// A note named by a path that exists from the current directory becomes absolute, so
// "freshctl show ../ai/x.md" works from inside the vault; other names go as typed
// (vault-relative).
std::string as_typed_or_absolute(const std::string& typed, const std::string& vault) {
  char resolved[PATH_MAX];
  if (typed.empty() || typed.front() == '/' || ::realpath(typed.c_str(), resolved) == nullptr)
    return typed;
  const std::string absolute = resolved;
  return absolute.rfind(vault + "/", 0) == 0 ? absolute : typed;
}

Request with_resolved_paths(Request request, const std::string& vault) {
  for (const char* key : {"note", "notes", "paths"}) {
    auto it = request.args.find(key);
    if (it == request.args.end()) continue;
    if (it->is_string()) *it = as_typed_or_absolute(it->get<std::string>(), vault);
    if (it->is_array())
      for (auto& v : *it) v = as_typed_or_absolute(v.get<std::string>(), vault);
  }
  return request;
}

// `recheck` on a terminal: while the request waits on its connection, a second one asks
// the daemon for its scan progress every 200 ms and draws it on stderr.
ClientOutcome call_with_progress(const std::string& socket, const Request& request) {
  ProgressBar bar(stderr, "notes read");
  if (request.command != Command::recheck || !bar.enabled()) return call_daemon(socket, request);
  std::mutex mutex;
  std::condition_variable wake;
  bool done = false;
  std::thread poller([&] {
    const Request status{Command::status, nlohmann::json::object()};
    std::unique_lock lock(mutex);
    while (!wake.wait_for(lock, std::chrono::milliseconds(200), [&] { return done; })) {
      lock.unlock();
      const ClientOutcome polled = call_daemon(socket, status);
      if (polled.reply && polled.reply->ok) {
        const auto& daemon = polled.reply->result.value("daemon", nlohmann::json::object());
        const auto& progress = daemon.value("progress", nlohmann::json::object());
        if (daemon.value("scanning", false))
          bar.update(progress.value("read", std::size_t{0}), progress.value("to_read", std::size_t{0}));
      }
      lock.lock();
    }
  });
  ClientOutcome outcome = call_daemon(socket, request);
  {
    const std::lock_guard lock(mutex);
    done = true;
  }
  wake.notify_one();
  poller.join();
  bar.finish();
  return outcome;
}

}  // namespace

int run_freshctl(const FreshctlInvocation& given) {
  FreshctlInvocation inv = given;
  auto config = load_effective_config(inv.common);
  if (!config) return fail(config.error().message, kExitFailure);
  inv.request = with_resolved_paths(given.request, config->vault.path);
  ClientOutcome outcome = call_with_progress(resolve_socket_path(*config), inv.request);
  if (!outcome.reachable) return run_in_process(inv, *config);
  if (!outcome.reply) return fail(outcome.reply.error().message, kExitUnreachable);
  return print_reply(inv, *outcome.reply);
}

}  // namespace freshd
