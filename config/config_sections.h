// One reader per config section. Each starts from the in-class defaults and overrides
// what the file sets; problems go to the reader's Diagnostics. Private to config/.
#pragma once

#include "config/config.h"
#include "config/toml_reader.h"

#include <optional>
#include <string>

namespace freshd::config_detail {

// `base_dir` is the config file's directory: relative paths are resolved against it.
VaultConfig read_vault(const TableReader& reader, const std::string& base_dir);
DecayConfig read_decay_section(const TableReader& reader);
// adaptive, adaptive_grow, adaptive_shrink, adaptive_min, adaptive_max of [decay].
AdaptiveSettings read_adaptive(const TableReader& reader);
// The path glob or tag of a rule table; exactly one is required (a problem is reported
// otherwise and nullopt returned). The one not written is "".
struct RuleMatch {
  std::string path;
  std::string tag;
};
std::optional<RuleMatch> read_rule_match(const TableReader& reader);
// [owners]: default and [[owners.rules]] (path or tag, and owner).
OwnerConfig read_owners(const TableReader& reader);
RemindersConfig read_reminders(const TableReader& reader);
ReportConfig read_report(const TableReader& reader);
DaemonConfig read_daemon(const TableReader& reader, const std::string& base_dir);

}  // namespace freshd::config_detail
