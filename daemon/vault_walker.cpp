#include "daemon/vault_walker.h"

#include "model/glob.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace freshd {
namespace {

FileStamp stamp_of(const struct stat& st) {
  return FileStamp{static_cast<std::int64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                       st.st_mtim.tv_nsec};
}

std::string join(const std::string& dir, const char* name) {
  return dir.empty() ? std::string(name) : dir + "/" + name;
}

bool matches_any(const std::vector<std::string>& patterns, const std::string& path) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return glob_match(p, path); });
}

// Lists one directory (opened relative to the vault root, never through a symlink) and
// pushes its subdirectories onto `pending`.
void walk_dir(int root_fd, const std::string& rel_dir, const WalkFilter& filter,
              std::vector<std::string>& pending, WalkResult& out) {
  const int fd = rel_dir.empty()
                     ? ::dup(root_fd)
                     : ::openat(root_fd, rel_dir.c_str(),
                                O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    out.problems.push_back({rel_dir, std::string("cannot open folder: ") + std::strerror(errno) +
                                         "; fix its permissions or exclude it"});
    return;
  }
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    out.problems.push_back({rel_dir, std::string("cannot list folder: ") + std::strerror(errno)});
    return;
  }
  while (const dirent* entry = ::readdir(dir)) {
    const char* name = entry->d_name;
    if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
    struct stat st {};
    if (::fstatat(::dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;  // vanished
    std::string rel = join(rel_dir, name);
    if (S_ISDIR(st.st_mode)) {
      if (!filter.excludes_dir(rel)) pending.push_back(std::move(rel));
    } else if (S_ISREG(st.st_mode) && filter.selects_file(rel)) {
      out.files.push_back({std::move(rel), stamp_of(st)});
    }
  }
  ::closedir(dir);
}

}  // namespace

bool WalkFilter::excludes_dir(const std::string& rel_dir) const {
  const std::string as_dir = rel_dir + "/";
  for (const auto& list : {&exclude, &own_paths})
    for (const auto& p : *list)
      if (!p.empty() && p.back() == '/' && (glob_match(p, as_dir) || glob_match(p, rel_dir)))
        return true;
  return false;
}

bool WalkFilter::selects_file(const std::string& rel_path) const {
  const auto slash = rel_path.rfind('/');
  const std::string_view name = slash == std::string::npos
                                    ? std::string_view(rel_path)
                                    : std::string_view(rel_path).substr(slash + 1);
  // freshd's own temporary files (".name.freshd-tmp-XXXX") are never notes.
  if (name.find(".freshd-tmp") != std::string_view::npos) return false;
  if (!matches_any(include, rel_path)) return false;
  return !matches_any(exclude, rel_path) && !matches_any(own_paths, rel_path);
}

Result<WalkResult> walk_vault(const std::string& root, const WalkFilter& filter) {
  const int root_fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root_fd < 0)
    return Error{"cannot open the vault " + root + ": " + std::strerror(errno) +
                 "; check vault.path in the configuration or --vault"};
  WalkResult out;
  std::vector<std::string> pending{""};
  while (!pending.empty()) {
    std::string rel_dir = std::move(pending.back());
    pending.pop_back();
    walk_dir(root_fd, rel_dir, filter, pending, out);
  }
  ::close(root_fd);
  std::sort(out.files.begin(), out.files.end(),
            [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; });
  return out;
}

Result<WalkResult> stat_paths(const std::string& root, const std::vector<std::string>& paths,
                              const WalkFilter& filter) {
  WalkResult out;
  for (const auto& path : paths) {
    if (!filter.selects_file(path))
      return Error{path + " is not a note of this vault (see vault.include and vault.exclude)"};
    struct stat st {};
    const std::string full = root + "/" + path;
    if (::lstat(full.c_str(), &st) != 0) continue;
    if (!S_ISREG(st.st_mode)) return Error{path + " is not a regular file"};
    out.files.push_back({path, stamp_of(st)});
  }
  return out;
}

}  // namespace freshd
