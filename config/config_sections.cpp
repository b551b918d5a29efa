#include "config/config_sections.h"

#include "config/config_paths.h"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace freshd::config_detail {
namespace {

constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();

enum class Empty { allowed, refused };

// A path value with '~' and $VARS expanded, resolved against `base_dir` unless that is "".
// An allowed empty value stays empty: it means the default.
std::optional<std::string> path_value(const TableReader& reader, std::string_view key,
                                      const std::string& base_dir, Empty empty) {
  std::optional<std::string> written = reader.string(key);
  if (!written) return written;
  if (written->empty()) {
    if (empty == Empty::allowed) return written;
    reader.report(key, "must not be empty");
    return std::nullopt;
  }
  Result<std::string> expanded = expand_path(*written);
  if (!expanded.ok()) {
    reader.report(key, expanded.error().message);
    return std::nullopt;
  }
  return resolve_against(base_dir, *expanded);
}

// The zone must exist now, not fail at the first report hours later.
std::optional<std::string> zone_name(const TableReader& reader, std::string_view key) {
  std::optional<std::string> name = reader.string(key);
  if (!name || name->empty()) return name;
  try {
    date::locate_zone(*name);
    return name;
  } catch (const std::exception&) {
    reader.report(key, "'" + *name + "' is not a time zone in the system database");
    return std::nullopt;
  }
}

std::optional<NumericOrder> numeric_order(const TableReader& reader) {
  const std::optional<std::string> written = reader.string("numeric_order");
  if (!written) return std::nullopt;
  if (*written == "none") return NumericOrder::none;
  if (*written == "dmy") return NumericOrder::day_month_year;
  if (*written == "mdy") return NumericOrder::month_day_year;
  reader.report("numeric_order", "'" + *written + "' is not one of none, dmy, mdy");
  return std::nullopt;
}

KeyAliases read_keys(const TableReader& reader) {
  KeyAliases keys;
  const std::pair<std::string_view, std::vector<std::string>*> lists[] = {
      {"published", &keys.published}, {"validated", &keys.validated}, {"decay", &keys.decay},
      {"edited", &keys.edited},       {"owner", &keys.owner},         {"title", &keys.title},
      {"tags", &keys.tags},
  };
  for (const auto& [key, list] : lists)
    if (auto names = reader.strings(key)) *list = std::move(*names);
  return keys;
}

// The inbox is written by freshd, so it must stay inside the vault.
std::optional<std::string> inbox_path(const TableReader& reader) {
  std::optional<std::string> inbox = reader.string("inbox");
  if (!inbox || inbox->empty()) return inbox;
  const bool escapes = inbox->front() == '/' || *inbox == ".." || inbox->starts_with("../") ||
                       inbox->find("/../") != std::string::npos || inbox->ends_with("/..");
  if (!escapes) return inbox;
  reader.report("inbox",
                "'" + *inbox + "' must be a path inside the vault (relative, without '..')");
  return std::nullopt;
}

// "HH:MM" or "HH:MM:SS" as seconds after midnight; nullopt when malformed.
std::optional<std::chrono::seconds> clock_time(std::string_view text) {
  const bool with_seconds = text.size() == 8;
  if (text.size() != 5 && !with_seconds) return std::nullopt;
  if (text[2] != ':' || (with_seconds && text[5] != ':')) return std::nullopt;
  const auto two_digits = [&](std::size_t at) {
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    return digit(text[at]) && digit(text[at + 1]) ? (text[at] - '0') * 10 + (text[at + 1] - '0')
                                                  : -1;
  };
  const int hours = two_digits(0);
  const int minutes = two_digits(3);
  const int secs = with_seconds ? two_digits(6) : 0;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || secs < 0 || secs > 59)
    return std::nullopt;
  return std::chrono::seconds{hours * 3600 + minutes * 60 + secs};
}

// A string "09:00", or a TOML local time (time_of_day = 09:00:00).
std::optional<std::chrono::seconds> time_of_day(const TableReader& reader) {
  const toml::node* node = reader.node("time_of_day");
  if (!node) return std::nullopt;
  if (const auto* time = node->as_time()) {
    const toml::time t = time->get();
    return std::chrono::seconds{t.hour * 3600 + t.minute * 60 + t.second};
  }
  const std::optional<std::string> written = reader.string("time_of_day");
  if (!written) return std::nullopt;
  if (auto seconds = clock_time(*written)) return seconds;
  reader.report("time_of_day",
                "'" + *written + "' is not a time of day (HH:MM or HH:MM:SS, e.g. \"09:00\")");
  return std::nullopt;
}

std::optional<std::vector<std::string>> report_formats(const TableReader& reader) {
  std::optional<std::vector<std::string>> formats = reader.strings("formats");
  if (!formats) return std::nullopt;
  if (formats->empty()) {
    reader.report("formats", "must name at least one of md, html, json");
    return std::nullopt;
  }
  std::vector<std::string> unique;
  for (const std::string& format : *formats) {
    if (format != "md" && format != "html" && format != "json") {
      reader.report("formats", "'" + format + "' is not a report format (md, html, json)");
      return std::nullopt;
    }
    if (std::find(unique.begin(), unique.end(), format) == unique.end()) unique.push_back(format);
  }
  return unique;
}

}  // namespace

VaultConfig read_vault(const TableReader& reader, const std::string& base_dir) {
  VaultConfig vault;
  if (auto path = path_value(reader, "path", base_dir, Empty::refused)) vault.path = *path;
  if (auto zone = zone_name(reader, "timezone")) vault.timezone = *zone;
  if (auto include = reader.strings("include")) vault.include = *include;
  if (auto exclude = reader.strings("exclude")) vault.exclude = *exclude;
  if (auto order = numeric_order(reader)) vault.numeric_order = *order;
  if (auto lines = reader.integer("header_lines", 0, 1000)) vault.header_lines = int(*lines);
  if (auto bytes = reader.integer("max_file_bytes", 1, std::numeric_limits<std::int64_t>::max()))
    vault.max_file_bytes = *bytes;
  if (const toml::table* keys = reader.table("keys")) {
    const TableReader keys_reader(
        *keys, reader.key_path("keys"),
        {"published", "validated", "decay", "edited", "owner", "title", "tags"},
        reader.diagnostics());
    vault.keys = read_keys(keys_reader);
  }
  return vault;
}

RemindersConfig read_reminders(const TableReader& reader) {
  RemindersConfig reminders;
  if (auto lead = reader.interval("lead", false)) reminders.lead = *lead;
  if (auto repeat = reader.interval("repeat", false)) reminders.repeat = *repeat;
  if (auto time = time_of_day(reader)) reminders.time_of_day = *time;
  if (auto inbox = inbox_path(reader)) reminders.inbox = *inbox;
  // Not expanded: the shell that runs it does that, with its own quoting rules.
  if (auto exec = reader.string("exec")) reminders.exec = *exec;
  if (auto timeout = reader.span("exec_timeout")) reminders.exec_timeout = *timeout;
  return reminders;
}

ReportConfig read_report(const TableReader& reader) {
  ReportConfig report;
  if (auto schedule = reader.string("schedule")) {
    if (schedule->find_first_not_of(" \t") == std::string::npos)
      reader.report("schedule", "must not be empty (examples: \"Mon 09:00\", \"daily\")");
    else
      report.schedule = *schedule;
  }
  if (auto zone = zone_name(reader, "timezone")) report.timezone = *zone;
  // Vault-relative unless absolute, so it is expanded but not resolved here.
  if (auto dir = path_value(reader, "dir", "", Empty::refused)) report.dir = *dir;
  if (auto formats = report_formats(reader)) report.formats = *formats;
  if (auto items = reader.integer("max_items", 1, kMaxInt)) report.max_items = int(*items);
  if (auto keep = reader.integer("keep", 1, kMaxInt)) report.keep = int(*keep);
  return report;
}

DaemonConfig read_daemon(const TableReader& reader, const std::string& base_dir) {
  DaemonConfig daemon;
  if (auto dir = path_value(reader, "state_dir", base_dir, Empty::allowed)) daemon.state_dir = *dir;
  if (auto socket = path_value(reader, "socket", base_dir, Empty::allowed)) daemon.socket = *socket;
  if (auto watch = reader.boolean("watch")) daemon.watch = *watch;
  if (auto rescan = reader.span("rescan")) daemon.rescan = *rescan;
  return daemon;
}

}  // namespace freshd::config_detail
