// Setting up what both binaries need from the command line's common options: the
// effective configuration, the vault's zone, the state directory and the store.
#pragma once

#include "config/config.h"
#include "model/result.h"
#include "model/store/note_store.h"
#include "model/store/writer_lock.h"

#include <date/tz.h>

#include <string>

namespace freshd {

struct CommonOptions {
  std::string config_file;  // --config; "" = the default file when it exists
  std::string vault;        // --vault, overrides vault.path
  std::string state_dir;    // --state-dir, overrides daemon.state_dir
};

// Loads the configuration and applies the overrides. The vault path is made absolute and
// must be a readable folder. Errors name the file, line and key, or the flag.
Result<Config> load_effective_config(const CommonOptions& options);

// The vault's zone: vault.timezone, else the system's zone.
Result<const date::time_zone*> vault_zone(const Config& config);

// The store's file inside the state directory.
std::string store_file(const std::string& state_dir);
std::string lock_file(const std::string& state_dir);

// Creates `dir` and its parents (mode 0700 for what it creates).
Status ensure_directory(const std::string& dir);

// The store, opened for writing under the writer lock (created on first use).
struct WritableStore {
  WriterLock lock;
  NoteStore store;
};
Result<WritableStore> open_writable_store(const Config& config);

// The store opened read-only (no lock: readers use WAL). Errors when there is no index yet.
Result<NoteStore> open_readonly_store(const Config& config);

}  // namespace freshd
