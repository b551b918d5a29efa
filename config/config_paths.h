// Path values of the configuration: '~' and $VAR expansion, resolution against the config
// file's directory, and the XDG defaults. Private to config/.
#pragma once

#include "model/result.h"

#include <string>
#include <string_view>

namespace freshd::config_detail {

// Expands a leading "~" or "~/" to $HOME and every $VAR or ${VAR} from the environment.
// A '$' not followed by a name stays as written. Errors name the variable that is unset.
Result<std::string> expand_path(std::string_view value);

// `path` itself when absolute or when `base_dir` is "", else base_dir/path.
std::string resolve_against(const std::string& base_dir, const std::string& path);

// "dir/sub" for "dir/sub/freshd.toml", "/" for "/freshd.toml", "" for "freshd.toml".
std::string directory_of(const std::string& file);

// $HOME, else the user's home from the password database, else "".
std::string home_dir();

}  // namespace freshd::config_detail
