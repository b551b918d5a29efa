// Reading and checking the TOML configuration (toml++). Errors name the file, the line
// and the key: "freshd.toml:12: decay.default: 'quick' is not a defined class (fast, ...)".
#pragma once

#include "config/config.h"
#include "model/result.h"

#include <string>
#include <string_view>

namespace freshd {

// Parses `text` as read from `file_name` (used in messages and to resolve relative paths
// against its directory). Unknown keys are errors (a typo must not silently do nothing).
// Path values have '~' and $VAR / ${VAR} expanded from the environment.
Result<Config> parse_config(std::string_view text, const std::string& file_name);

// Reads and parses `file`. Errors when it cannot be read.
Result<Config> load_config(const std::string& file);

// The default config file: $XDG_CONFIG_HOME/freshd/freshd.toml, else
// ~/.config/freshd/freshd.toml.
std::string default_config_file();

// The state directory: config value, else $XDG_STATE_HOME/freshd, else
// ~/.local/state/freshd.
std::string resolve_state_dir(const Config& config);

// The control socket: config value, else $XDG_RUNTIME_DIR/freshd/freshd.sock, else
// <state_dir>/freshd.sock.
std::string resolve_socket_path(const Config& config);

}  // namespace freshd
