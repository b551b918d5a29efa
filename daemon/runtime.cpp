#include "daemon/runtime.h"

#include "config/config_parser.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace freshd {
namespace {

Result<std::string> absolute_folder(const std::string& path, const std::string& what) {
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr)
    return Error{what + " " + path + ": " + std::strerror(errno)};
  struct stat st {};
  if (::stat(resolved, &st) != 0 || !S_ISDIR(st.st_mode))
    return Error{what + " " + path + " is not a folder"};
  return std::string(resolved);
}

}  // namespace

Result<Config> load_effective_config(const CommonOptions& options) {
  Config config;
  std::string file = options.config_file;
  if (file.empty()) {
    const std::string fallback = default_config_file();
    if (::access(fallback.c_str(), F_OK) == 0) file = fallback;
  }
  if (!file.empty()) {
    auto loaded = load_config(file);
    if (!loaded) return loaded.error();
    config = std::move(*loaded);
  }
  if (!options.vault.empty()) config.vault.path = options.vault;
  if (!options.state_dir.empty()) config.daemon.state_dir = options.state_dir;
  if (config.vault.path.empty())
    return Error{"no vault: set vault.path in " +
                 (file.empty() ? default_config_file() : file) + " or pass --vault DIR"};
  auto vault = absolute_folder(config.vault.path, "the vault");
  if (!vault)
    return Error{vault.error().message + (options.vault.empty() ? " (vault.path in " + file + ")"
                                                                : " (--vault)")};
  config.vault.path = *vault;
  return config;
}

Result<const date::time_zone*> vault_zone(const Config& config) {
  // date's tz adapter throws when the zone database lacks the name.
  try {
    if (config.vault.timezone.empty()) return date::current_zone();
    return date::locate_zone(config.vault.timezone);
  } catch (const std::exception& e) {
    return Error{"vault.timezone '" + config.vault.timezone + "': " + e.what() +
                 "; use an IANA name such as Europe/Berlin (is tzdata installed?)"};
  }
}

std::string store_file(const std::string& state_dir) { return state_dir + "/index.sqlite"; }
std::string lock_file(const std::string& state_dir) { return state_dir + "/writer.lock"; }

Status ensure_directory(const std::string& dir) {
  if (dir.empty()) return Error{"empty directory name"};
  std::string partial;
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = dir.find('/', pos + 1);
    partial = dir.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST)
      return Error{"cannot create " + partial + ": " + std::strerror(errno)};
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    return Error{dir + " is not a folder"};
  return ok_status();
}

Result<WritableStore> open_writable_store(const Config& config) {
  const std::string dir = resolve_state_dir(config);
  if (auto s = ensure_directory(dir); !s) return Error{"state directory: " + s.error().message};
  auto lock = WriterLock::acquire(lock_file(dir));
  if (!lock) return lock.error();
  auto store = NoteStore::open(store_file(dir), NoteStore::Mode::read_write);
  if (!store) return store.error();
  return WritableStore{std::move(*lock), std::move(*store)};
}

Result<NoteStore> open_readonly_store(const Config& config) {
  return NoteStore::open(store_file(resolve_state_dir(config)), NoteStore::Mode::read_only);
}

}  // namespace freshd
