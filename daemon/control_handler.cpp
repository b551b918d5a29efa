#include "daemon/control_handler.h"

#include "model/date_parser.h"
#include "model/interval.h"

#include <sstream>

namespace freshd {
namespace {

// Reads an optional string argument; a value of another type is the caller's mistake.
Result<std::optional<std::string>> string_arg(const nlohmann::json& args, const char* key) {
  const auto it = args.find(key);
  if (it == args.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) return Error{std::string("argument '") + key + "' must be a string"};
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::vector<std::string>> strings_arg(const nlohmann::json& args, const char* key) {
  std::vector<std::string> out;
  const auto it = args.find(key);
  if (it == args.end() || it->is_null()) return out;
  if (!it->is_array()) return Error{std::string("argument '") + key + "' must be a list"};
  for (const auto& v : *it) {
    if (!v.is_string()) return Error{std::string("argument '") + key + "' must hold strings"};
    out.push_back(v.get<std::string>());
  }
  return out;
}

bool bool_arg(const nlohmann::json& args, const char* key) {
  const auto it = args.find(key);
  return it != args.end() && it->is_boolean() && it->get<bool>();
}

Result<std::optional<Interval>> interval_arg(const nlohmann::json& args, const char* key,
                                             const char* flag) {
  auto text = string_arg(args, key);
  if (!text) return text.error();
  if (!*text) return std::optional<Interval>{};
  auto interval = parse_interval(**text);
  if (!interval) return Error{std::string(flag) + ": " + interval.error().message};
  return std::optional<Interval>(*interval);
}

Reply bad(const Error& e) { return Reply::failure(ErrorCode::bad_request, e.message); }

Reply handle_list(const nlohmann::json& args, VaultService& service) {
  ListQuery query;
  query.stale = bool_arg(args, "stale");
  query.undated = bool_arg(args, "undated");
  auto due_within = interval_arg(args, "due_within", "--due-within");
  if (!due_within) return bad(due_within.error());
  query.due_within = *due_within;
  auto owner = string_arg(args, "owner");
  if (!owner) return bad(owner.error());
  query.owner = owner->value_or("");
  return service.list(query);
}

Reply handle_show(const nlohmann::json& args, VaultService& service) {
  auto note = string_arg(args, "note");
  if (!note) return bad(note.error());
  if (!*note) return bad(Error{"show needs a NOTE"});
  return service.show(**note);
}

Reply handle_timeline(const nlohmann::json& args, VaultService& service) {
  auto note = string_arg(args, "note");
  if (!note) return bad(note.error());
  auto since = interval_arg(args, "since", "--since");
  if (!since) return bad(since.error());
  return service.timeline(*note, *since);
}

Reply handle_recheck(const nlohmann::json& args, VaultService& service,
                     const ScanProgress& progress) {
  auto paths = strings_arg(args, "paths");
  if (!paths) return bad(paths.error());
  Reply reply = service.recheck(*paths, progress);
  if (reply.ok && bool_arg(args, "report")) {
    Reply report = service.report("", false);
    if (!report.ok) return report;
    reply.result["report"] = report.result;
  }
  return reply;
}

Reply handle_validate(const nlohmann::json& args, VaultService& service) {
  auto notes = strings_arg(args, "notes");
  if (!notes) return bad(notes.error());
  if (notes->empty()) return bad(Error{"validate needs at least one NOTE"});
  auto on = string_arg(args, "on");
  if (!on) return bad(on.error());
  std::optional<Days> day;
  if (*on) {
    std::istringstream in(**on);
    Days parsed;
    in >> date::parse("%F", parsed);
    if (in.fail() || in.peek() != EOF)
      return bad(Error{"--on '" + **on + "' is not a day like 2026-11-20"});
    day = parsed;
  }
  auto outcome = string_arg(args, "outcome");
  if (!outcome) return bad(outcome.error());
  const std::string value = outcome->value_or("");
  if (!value.empty() && value != "unchanged" && value != "updated")
    return bad(Error{"--outcome '" + value + "' must be unchanged or updated"});
  return service.validate(*notes, day, value, bool_arg(args, "dry_run"));
}

Reply handle_report(const nlohmann::json& args, VaultService& service) {
  auto format = string_arg(args, "format");
  if (!format) return bad(format.error());
  auto out = string_arg(args, "out");
  if (!out) return bad(out.error());
  const std::string f = format->value_or("");
  if (!f.empty() && f != "md" && f != "html" && f != "json")
    return bad(Error{"--format must be md, html or json, not '" + f + "'"});
  // --out is written by freshctl itself: the daemon may not be allowed to write there.
  return service.report(f, out->has_value());
}

Reply handle_snooze(const nlohmann::json& args, VaultService& service) {
  auto rest = strings_arg(args, "args");
  if (!rest) return bad(rest.error());
  if (bool_arg(args, "all")) {
    if (rest->size() != 1) return bad(Error{"usage: freshctl snooze --all DUR|DATE"});
    return service.snooze_vault((*rest)[0]);
  }
  if (rest->size() != 2) return bad(Error{"usage: freshctl snooze NOTE DUR|DATE"});
  return service.snooze((*rest)[0], (*rest)[1]);
}

Reply handle_unsnooze(const nlohmann::json& args, VaultService& service) {
  auto rest = strings_arg(args, "args");
  if (!rest) return bad(rest.error());
  const bool all = bool_arg(args, "all");
  if (all == (rest->size() == 1)) return bad(Error{"usage: freshctl unsnooze NOTE | --all"});
  return all ? service.unsnooze_vault() : service.unsnooze((*rest)[0]);
}

}  // namespace

Reply handle_request(const Request& request, VaultService& service, const HandlerHooks& hooks) {
  switch (request.command) {
    case Command::status:
      return service.status();
    case Command::recheck:
      return handle_recheck(request.args, service, hooks.progress);
    case Command::list:
      return handle_list(request.args, service);
    case Command::show:
      return handle_show(request.args, service);
    case Command::timeline:
      return handle_timeline(request.args, service);
    case Command::validate:
      return handle_validate(request.args, service);
    case Command::reload:
      if (hooks.reload) return hooks.reload();
      return Reply::failure(ErrorCode::bad_request, "reload needs a running freshd");
    case Command::snooze:
      return handle_snooze(request.args, service);
    case Command::unsnooze:
      return handle_unsnooze(request.args, service);
    case Command::report:
      return handle_report(request.args, service);
  }
  return Reply::failure(ErrorCode::bad_request, "unknown command");
}

}  // namespace freshd
