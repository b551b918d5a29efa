// Logging to stderr. Under systemd (JOURNAL_STREAM set) each line starts with a journald
// priority prefix ("<4>"), otherwise with the level's name. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace freshd {

enum class LogLevel { error = 3, warning = 4, info = 6, debug = 7 };

// Parses "error", "warning", "info", "debug".
bool parse_log_level(std::string_view text, LogLevel& level);

// Sets the threshold and whether to write journald prefixes. Called once by main().
void configure_log(LogLevel threshold, bool journald);

void log(LogLevel level, std::string_view message);
// Several lines of one level in one write: a digest of 250 reminders is one system call,
// not 250.
void log_lines(LogLevel level, const std::vector<std::string>& messages);
inline void log_error(std::string_view m) { log(LogLevel::error, m); }
inline void log_warning(std::string_view m) { log(LogLevel::warning, m); }
inline void log_info(std::string_view m) { log(LogLevel::info, m); }
inline void log_debug(std::string_view m) { log(LogLevel::debug, m); }

}  // namespace freshd
