#include "daemon/freshctl_args.h"

#include "model/interval.h"

#include <map>

namespace freshd {
namespace {

struct CommandSpec {
  Command command;
  const char* usage;
  // Flags that take a value, with the request argument each fills.
  std::map<std::string, std::string> valued;
  // Flags without a value, with the request argument each sets to true.
  std::map<std::string, std::string> switches;
  const char* positional;  // request argument for positionals ("" = none allowed)
  int min_positional;
  int max_positional;      // -1 = any number
};

const std::vector<CommandSpec>& specs() {
  static const std::vector<CommandSpec> kSpecs{
      {Command::status, "status", {}, {}, "", 0, 0},
      {Command::recheck, "recheck [PATH...] [--report]", {}, {{"--report", "report"}}, "paths", 0, -1},
      {Command::list, "list [--stale] [--due-within DUR] [--undated] [--all] [--owner NAME]",
       {{"--due-within", "due_within"}, {"--owner", "owner"}},
       {{"--stale", "stale"}, {"--undated", "undated"}, {"--all", "all"}}, "", 0, 0},
      {Command::show, "show NOTE", {}, {}, "note", 1, 1},
      {Command::timeline, "timeline [NOTE] [--since DUR]", {{"--since", "since"}}, {}, "note", 0, 1},
      {Command::validate, "validate NOTE... [--on DATE] [--outcome unchanged|updated] [--dry-run]",
       {{"--on", "on"}, {"--outcome", "outcome"}}, {{"--dry-run", "dry_run"}}, "notes", 1, -1},
      {Command::snooze, "snooze NOTE DUR|DATE | snooze --all DUR|DATE", {}, {{"--all", "all"}},
       "args", 1, 2},
      {Command::unsnooze, "unsnooze NOTE | unsnooze --all", {}, {{"--all", "all"}}, "args", 0, 1},
      {Command::report, "report [--format md|html|json] [--out FILE|-]",
       {{"--format", "format"}, {"--out", "out"}}, {}, "", 0, 0},
      {Command::reload, "reload", {}, {}, "", 0, 0},
  };
  return kSpecs;
}

const CommandSpec* find_spec(Command command) {
  for (const auto& spec : specs())
    if (spec.command == command) return &spec;
  return nullptr;
}

// Durations are checked here so that a typo is a usage error before anything runs.
Status check_value(const std::string& flag, const std::string& value) {
  if (flag == "--due-within" || flag == "--since") {
    if (auto i = parse_interval(value); !i) return Error{flag + ": " + i.error().message};
  }
  if (flag == "--outcome" && value != "unchanged" && value != "updated")
    return Error{"--outcome must be unchanged or updated, not '" + value + "'"};
  return ok_status();
}

Status parse_command_args(const CommandSpec& spec, const std::vector<std::string>& args,
                          std::size_t i, FreshctlInvocation& out) {
  std::vector<std::string> positionals;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") { out.json = true; continue; }
    if (a == "--help" || a == "-h") { out.help = true; continue; }
    if (spec.switches.count(a)) { out.request.args[spec.switches.at(a)] = true; continue; }
    if (spec.valued.count(a)) {
      if (i + 1 >= args.size()) return Error{a + " needs a value"};
      if (auto s = check_value(a, args[i + 1]); !s) return s;
      out.request.args[spec.valued.at(a)] = args[++i];
      continue;
    }
    if (a.size() > 1 && a[0] == '-' && a != "--") return Error{"unknown option " + a + " for " + std::string(to_string(spec.command))};
    positionals.push_back(a);
  }
  if (out.help) return ok_status();
  const int n = static_cast<int>(positionals.size());
  if (n < spec.min_positional) return Error{std::string("missing argument; usage: freshctl ") + spec.usage};
  if (spec.max_positional >= 0 && n > spec.max_positional)
    return Error{std::string("too many arguments; usage: freshctl ") + spec.usage};
  const std::string key = spec.positional;
  if (key == "note" && n == 1) out.request.args["note"] = positionals[0];
  if (key == "paths" || key == "notes" || key == "args") out.request.args[key] = positionals;
  return ok_status();
}

}  // namespace

Result<FreshctlInvocation> parse_freshctl_args(const std::vector<std::string>& args) {
  FreshctlInvocation out;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") { out.json = true; continue; }
    if (a == "--help" || a == "-h") { out.help = true; continue; }
    if (a == "--version") { out.version = true; continue; }
    if (a == "--config" || a == "--vault" || a == "--state-dir") {
      if (i + 1 >= args.size()) return Error{a + " needs a value"};
      std::string& target = a == "--config" ? out.common.config_file
                            : a == "--vault" ? out.common.vault : out.common.state_dir;
      target = args[++i];
      continue;
    }
    if (!a.empty() && a[0] == '-') return Error{"unknown option " + a};
    break;
  }
  if (i == args.size()) return out;
  const auto command = command_from_string(args[i]);
  if (!command) return Error{"unknown command '" + args[i] + "' (try freshctl --help)"};
  out.has_command = true;
  out.request.command = *command;
  if (auto s = parse_command_args(*find_spec(*command), args, i + 1, out); !s) return s.error();
  return out;
}

std::string freshctl_usage() {
  std::string out =
      "usage: freshctl [--config FILE] [--vault DIR] [--state-dir DIR] [--json] COMMAND [ARGS]\n"
      "\nTalks to the running freshd over its socket; with no daemon, works on the index\n"
      "directly (recheck and validate take the writer lock) and says so on stderr.\n\ncommands:\n";
  for (const auto& spec : specs()) out += std::string("  ") + spec.usage + "\n";
  out += "\nexit status: 0 ok, 1 failure, 2 usage error, 3 daemon unreachable, 4 note not found\n";
  return out;
}

std::string freshctl_command_usage(Command command) {
  return std::string("usage: freshctl [--json] ") + find_spec(command)->usage + "\n";
}

}  // namespace freshd
