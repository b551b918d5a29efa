#include "config/config_parser.h"

#include "config/config_paths.h"
#include "config/config_sections.h"
#include "config/toml_reader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace freshd {
namespace {

using config_detail::Diagnostics;
using config_detail::TableReader;

const std::initializer_list<std::string_view> kSections = {
    "vault", "decay", "owners", "reminders", "report", "daemon", "validate"};

// toml++ reports syntax errors by exception; this is the one place they are caught.
Result<toml::table> parse_toml(std::string_view text, const std::string& file_name) {
  try {
    return toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    return Error{file_name + ":" + std::to_string(e.source().begin.line) + ":" +
                 std::to_string(e.source().begin.column) + ": " + std::string(e.description())};
  }
}

void report_unknown_section(const toml::key& key, Diagnostics& diagnostics) {
  std::string message = "unknown section";
  if (const std::string_view guess = config_detail::closest(key.str(), kSections); !guess.empty())
    message += " (did you mean '" + std::string(guess) + "'?)";
  diagnostics.add(key.source(), key.str(),
                  message + "; accepted: vault, decay, owners, reminders, report, daemon, validate");
}

// Reports top-level keys that are not sections, or sections that are not tables.
void check_sections(const toml::table& root, Diagnostics& diagnostics) {
  for (const auto& [key, node] : root) {
    const std::string_view name = key.str();
    if (std::find(kSections.begin(), kSections.end(), name) == kSections.end())
      report_unknown_section(key, diagnostics);
    else if (!node.is_table())
      diagnostics.add(node.source(), name,
                      "expected a table ([" + std::string(name) + "]), got " +
                          std::string(config_detail::type_name(node)));
  }
}

// The section as a reader, or nullopt when the file does not have it as a table.
std::optional<TableReader> section(const toml::table& root, std::string_view name,
                                   std::initializer_list<std::string_view> accepted,
                                   Diagnostics& diagnostics) {
  const toml::table* table = root[name].as_table();
  if (!table) return std::nullopt;
  return TableReader(*table, std::string(name), accepted, diagnostics);
}

}  // namespace

Result<Config> parse_config(std::string_view text, const std::string& file_name) {
  Result<toml::table> root = parse_toml(text, file_name);
  if (!root.ok()) return root.error();
  Diagnostics diagnostics(file_name);
  Config config;
  config.source_file = file_name;
  const std::string base_dir = config_detail::directory_of(file_name);
  check_sections(*root, diagnostics);
  using namespace config_detail;
  if (auto vault = section(*root, "vault",
                           {"path", "timezone", "include", "exclude", "numeric_order",
                            "header_lines", "max_file_bytes", "keys"},
                           diagnostics))
    config.vault = read_vault(*vault, base_dir);
  if (auto decay = section(*root, "decay",
                           {"default", "classes", "rules", "adaptive", "adaptive_grow",
                            "adaptive_shrink", "adaptive_min", "adaptive_max"},
                           diagnostics)) {
    config.decay = read_decay_section(*decay);
    config.adaptive = read_adaptive(*decay);
  }
  if (auto owners = section(*root, "owners", {"default", "rules"}, diagnostics))
    config.owners = read_owners(*owners);
  if (auto reminders = section(*root, "reminders",
                               {"lead", "repeat", "time_of_day", "inbox", "exec", "exec_timeout"},
                               diagnostics))
    config.reminders = read_reminders(*reminders);
  if (auto report = section(*root, "report",
                            {"schedule", "timezone", "dir", "formats", "max_items", "keep"},
                            diagnostics))
    config.report = read_report(*report);
  if (auto daemon = section(*root, "daemon", {"state_dir", "socket", "watch", "rescan"},
                            diagnostics))
    config.daemon = read_daemon(*daemon, base_dir);
  if (auto validate = section(*root, "validate", {"write_note"}, diagnostics))
    if (auto write = validate->boolean("write_note")) config.validate.write_note = *write;
  if (!diagnostics.empty()) return diagnostics.error();
  return config;
}

Result<Config> load_config(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{"cannot read " + file + ": " + std::strerror(errno)};
  std::ostringstream text;
  // A directory opens fine and fails on the first read, with errno saying why.
  errno = 0;
  if (!(text << in.rdbuf()) && errno != 0)
    return Error{"cannot read " + file + ": " + std::strerror(errno)};
  return parse_config(text.str(), file);
}

}  // namespace freshd
