// freshd's configuration: one TOML file (default $XDG_CONFIG_HOME/freshd/freshd.toml).
// A plain struct with in-class defaults; parsing lives in config_parser.h. Relative paths
// in the file are relative to the file's directory; '~' and $VARS are expanded.
#pragma once

#include "model/adaptive_interval.h"
#include "model/date_parser.h"
#include "model/decay_policy.h"
#include "model/interval.h"
#include "model/key_aliases.h"
#include "model/owner_policy.h"

#include <chrono>
#include <string>
#include <vector>

namespace freshd {

struct VaultConfig {
  // Default: none; required (or --vault). The vault's root directory.
  std::string path;
  // Default: "" = the system zone. IANA name, e.g. "Europe/Berlin".
  std::string timezone;
  // Default: *.md, *.markdown, *.txt at any depth.
  std::vector<std::string> include{"*.md", "*.markdown", "*.txt"};
  // Default: .git/, .obsidian/, .trash/, node_modules/ (the report folder is always
  // excluded too).
  std::vector<std::string> exclude{".git/", ".obsidian/", ".trash/", "node_modules/"};
  // Default: "none". How to read 04/05/2026: "none", "dmy" or "mdy".
  NumericOrder numeric_order = NumericOrder::none;
  // Default: see key_aliases.h. [vault.keys] published = [...], validated = [...], ...
  KeyAliases keys;
  // Default: 10. Lines near the top searched for plain fields and dates in the text.
  int header_lines = 10;
  // Default: 8 MiB. Larger files are reported as a problem and not read.
  std::int64_t max_file_bytes = 8 * 1024 * 1024;
};

struct RemindersConfig {
  // Default: 7d. A note is `due` (and reminded) this long before its due day.
  Interval lead{0, 7, false};
  // Default: 7d. A note that stays stale is reminded again at most this often.
  Interval repeat{0, 7, false};
  // Default: "09:00". Local time of day (in the vault's zone) at which reminders are
  // delivered: "HH:MM" or "HH:MM:SS".
  std::chrono::seconds time_of_day{9 * 3600};
  // Default: "" = none. Vault-relative path of the inbox note freshd writes.
  std::string inbox;
  // Default: "" = none. Command run (through /bin/sh) with the digest as JSON on stdin.
  std::string exec;
  // Default: 30s. The exec command is killed after this long.
  std::chrono::seconds exec_timeout{30};
};

struct ReportConfig {
  // Default: "Mon 09:00". OnCalendar-style: "Mon 09:00", "Mon,Thu 08:30", "*-*-* 07:00",
  // "weekly", "daily".
  std::string schedule = "Mon 09:00";
  // Default: "" = the vault's zone.
  std::string timezone;
  // Default: "freshd-reports" (vault-relative unless absolute). Excluded from scanning.
  std::string dir = "freshd-reports";
  // Default: ["md"]. Any of "md", "html", "json".
  std::vector<std::string> formats{"md"};
  // Default: 50. Longest list in a report before "and N more".
  int max_items = 50;
  // Default: 12. Reports kept per format.
  int keep = 12;
};

struct DaemonConfig {
  // Default: "" = $XDG_STATE_HOME/freshd (~/.local/state/freshd).
  std::string state_dir;
  // Default: "" = $XDG_RUNTIME_DIR/freshd/freshd.sock (or <state_dir>/freshd.sock).
  std::string socket;
  // Default: true. Watch the vault with inotify.
  bool watch = true;
  // Default: 1h. Full rescan period, the safety net under the watcher.
  std::chrono::seconds rescan{3600};
};

struct ValidateConfig {
  // Default: true. `freshctl validate` writes `last_validated: YYYY-MM-DD` into the note;
  // false keeps validations in the store only.
  bool write_note = true;
};

struct Config {
  VaultConfig vault;
  DecayConfig decay;
  // [decay] adaptive, adaptive_grow, adaptive_shrink, adaptive_min, adaptive_max; see
  // model/adaptive_interval.h for the defaults.
  AdaptiveSettings adaptive;
  // [owners] default and [[owners.rules]]; see model/owner_policy.h.
  OwnerConfig owners;
  RemindersConfig reminders;
  ReportConfig report;
  DaemonConfig daemon;
  ValidateConfig validate;
  std::string source_file;  // the file it was read from, "" for built-in defaults
};

}  // namespace freshd
