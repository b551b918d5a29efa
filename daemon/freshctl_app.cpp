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
int save_report(const nlohmann::json& result, const std::string& out) {
  const std::string content = result.value("content", "");
  if (out == "-") {
    std::cout << content;
    return kExitOk;
  }
  if (auto s = write_file_atomically(out, content); !s) return fail(s.error().message, kExitFailure);
  std::cerr << "freshctl: wrote the " << result.value("format", "") << " report for "
            << result.value("week", "") << " to " << out << "\n";
  return kExitOk;
}

// `--json` output is indented on a terminal and one line otherwise (as gh does): a script
// or jq reading a large list gets it as the daemon wrote it, without a parse and a re-dump.
bool json_as_sent(const FreshctlInvocation& inv) {
  const bool saves_report =
      inv.request.command == Command::report && inv.request.args.contains("out");
  return inv.json && !saves_report && ::isatty(STDOUT_FILENO) == 0;
}

// Whether the reply's result may stay text: --json as sent, or the table of `list`, which
// reads the few fields it shows from the text.
bool result_as_text(const FreshctlInvocation& inv) {
  return json_as_sent(inv) || (!inv.json && inv.request.command == Command::list);
}

int print_reply(const FreshctlInvocation& inv, Reply& reply) {
  if (!reply.ok) return fail(reply.message, exit_status(reply));
  if (json_as_sent(inv)) {
    if (!reply.result_text.empty())
      std::cout << reply.result_text << "\n";
    else
      std::cout << reply.result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    return kExitOk;
  }
  if (!inv.json && !reply.result_text.empty() && inv.request.command == Command::list) {
    auto table = render_list_text(reply.result_text, colour_wanted(STDOUT_FILENO));
    if (!table) return fail(table.error().message, kExitFailure);
    std::cout << *table;
    return kExitOk;
  }
  auto result = result_value(reply);
  if (!result) return fail(result.error().message, kExitFailure);
  const nlohmann::json& value = **result;
  if (inv.request.command == Command::report && inv.request.args.contains("out"))
    return save_report(value, inv.request.args["out"].get<std::string>());
  if (inv.json)
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else
    std::cout << render_result(inv.request.command, value, colour_wanted(STDOUT_FILENO));
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
  Reply reply = handle_request(inv.request, service);
  return print_reply(inv, reply);
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
ClientOutcome call_with_progress(const std::string& socket, const Request& request,
                                 bool keep_text) {
  ProgressBar bar(stderr, "notes read");
  if (request.command != Command::recheck || !bar.enabled())
    return call_daemon(socket, request, keep_text);
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
  ClientOutcome outcome = call_daemon(socket, request, keep_text);
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
  ClientOutcome outcome =
      call_with_progress(resolve_socket_path(*config), inv.request, result_as_text(inv));
  if (!outcome.reachable) return run_in_process(inv, *config);
  if (!outcome.reply) return fail(outcome.reply.error().message, kExitUnreachable);
  return print_reply(inv, *outcome.reply);
}

}  // namespace freshd
