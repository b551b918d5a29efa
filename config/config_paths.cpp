#include "config/config_paths.h"

#include "config/config_parser.h"

#include <pwd.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <vector>

namespace freshd {
namespace config_detail {
namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The variable's value; an error when it is unset.
Result<std::string> lookup(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (!value) return Error{"$" + name + " is not set in the environment"};
  return std::string(value);
}

// XDG base directories must be absolute; a relative one is ignored, as the spec says.
std::string xdg_dir(const char* variable) {
  const char* value = std::getenv(variable);
  return value && value[0] == '/' ? std::string(value) : std::string();
}

}  // namespace

Result<std::string> expand_path(std::string_view value) {
  std::string out;
  std::size_t i = 0;
  if (value == "~" || value.starts_with("~/")) {
    const std::string home = home_dir();
    if (home.empty()) return Error{"'~' needs $HOME, which is not set"};
    out = home;
    i = 1;
  }
  while (i < value.size()) {
    if (value[i] != '$') {
      out.push_back(value[i++]);
      continue;
    }
    const bool braced = i + 1 < value.size() && value[i + 1] == '{';
    std::size_t start = i + (braced ? 2 : 1);
    std::size_t end = start;
    while (end < value.size() && is_name_char(value[end])) ++end;
    if (braced && (end == value.size() || value[end] != '}'))
      return Error{"'" + std::string(value) + "' has a '${' without its closing '}'"};
    if (end == start) {
      out.push_back(value[i++]);
      continue;
    }
    Result<std::string> expanded = lookup(std::string(value.substr(start, end - start)));
    if (!expanded.ok()) return expanded;
    out += *expanded;
    i = end + (braced ? 1 : 0);
  }
  return out;
}

std::string resolve_against(const std::string& base_dir, const std::string& path) {
  if (path.empty() || path.front() == '/' || base_dir.empty()) return path;
  std::string_view rest = path;
  while (rest.starts_with("./")) rest.remove_prefix(2);
  if (base_dir.back() == '/') return base_dir + std::string(rest);
  return base_dir + "/" + std::string(rest);
}

std::string directory_of(const std::string& file) {
  const std::size_t slash = file.rfind('/');
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return file.substr(0, slash);
}

std::string home_dir() {
  if (const char* home = std::getenv("HOME"); home && home[0] != '\0') return home;
  long size = sysconf(_SC_GETPW_R_SIZE_MAX);
  std::vector<char> buffer(size > 0 ? static_cast<std::size_t>(size) : 16384);
  passwd entry{};
  passwd* found = nullptr;
  if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
      found->pw_dir)
    return found->pw_dir;
  return "";
}

}  // namespace config_detail

std::string default_config_file() {
  if (std::string config = config_detail::xdg_dir("XDG_CONFIG_HOME"); !config.empty())
    return config + "/freshd/freshd.toml";
  return config_detail::home_dir() + "/.config/freshd/freshd.toml";
}

std::string resolve_state_dir(const Config& config) {
  if (!config.daemon.state_dir.empty()) return config.daemon.state_dir;
  if (std::string state = config_detail::xdg_dir("XDG_STATE_HOME"); !state.empty())
    return state + "/freshd";
  return config_detail::home_dir() + "/.local/state/freshd";
}

std::string resolve_socket_path(const Config& config) {
  if (!config.daemon.socket.empty()) return config.daemon.socket;
  if (std::string runtime = config_detail::xdg_dir("XDG_RUNTIME_DIR"); !runtime.empty())
    return runtime + "/freshd/freshd.sock";
  return resolve_state_dir(config) + "/freshd.sock";
}

}  // namespace freshd
