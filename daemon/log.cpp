#include "daemon/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

namespace freshd {
namespace {

// The log's settings are process-wide by nature (one stderr); main() sets them once.
std::atomic<int> g_threshold{static_cast<int>(LogLevel::info)};
std::atomic<bool> g_journald{false};
std::mutex g_write;

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::error: return "error";
    case LogLevel::warning: return "warning";
    case LogLevel::info: return "info";
    case LogLevel::debug: return "debug";
  }
  return "info";
}

}  // namespace

bool parse_log_level(std::string_view text, LogLevel& level) {
  for (LogLevel l : {LogLevel::error, LogLevel::warning, LogLevel::info, LogLevel::debug})
    if (text == level_name(l)) {
      level = l;
      return true;
    }
  return false;
}

void configure_log(LogLevel threshold, bool journald) {
  g_threshold = static_cast<int>(threshold);
  g_journald = journald;
}

void log(LogLevel level, std::string_view message) {
  log_lines(level, {std::string(message)});
}

void log_lines(LogLevel level, const std::vector<std::string>& messages) {
  if (static_cast<int>(level) > g_threshold || messages.empty()) return;
  const std::string prefix = g_journald ? "<" + std::to_string(static_cast<int>(level)) + ">"
                                        : std::string("freshd: ") + level_name(level) + ": ";
  std::string text;
  for (const std::string& message : messages) {
    text += prefix;
    text += message;
    text += '\n';
  }
  std::lock_guard<std::mutex> lock(g_write);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace freshd
