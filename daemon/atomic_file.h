// Replacing a file atomically: a temporary file in the same folder, fsync, rename, fsync
// of the folder. A crash at any point leaves either the old file or the new one, whole.
#pragma once

#include "model/result.h"

#include <optional>
#include <string>
#include <sys/types.h>

namespace freshd {

// The marker freshd puts in the files it creates (inbox note, reports), so it never
// overwrites a file it did not create.
inline constexpr const char* kGeneratedMarker = "generated_by: freshd";

// Writes `bytes` to `path` atomically. `mode` is used for a new file; an existing file
// keeps its mode. The temporary file is named ".NAME.freshd-tmp-XXXXXX" (the scanner and
// the watcher ignore such names) and is removed on failure.
Status write_file_atomically(const std::string& path, const std::string& bytes,
                             mode_t mode = 0644);

// Reads a whole file; nullopt when it does not exist. Errors for other failures.
Result<std::optional<std::string>> read_file(const std::string& path);

}  // namespace freshd
