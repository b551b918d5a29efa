#include "daemon/vault_walker.h"

#include "model/glob.h"
#include "model/note_text.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <iterator>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

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

template <typename T>
bool by_path(const T& a, const T& b) {
  return a.path < b.path;
}

bool matches_any(const std::vector<std::string>& patterns, const std::string& path) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return glob_match(p, path); });
}

constexpr const char* kLinkNotFollowed =
    "symbolic link, not followed: freshd reads only the vault's own files and folders (a "
    "target inside the vault is indexed under its own path); exclude it to silence this";

// Why a symbolic link met by the walk deserves a word, or nullptr: links that would name a
// note or a folder do (the user may expect them indexed), loops and dangling links named
// like notes too; links to anything else (images, ...) do not.
const char* link_problem(int dir_fd, const char* name, const std::string& rel,
                         const WalkFilter& filter) {
  struct stat target {};
  // Only stat()s the target (never opens or reads it) to say what kind of link this is.
  if (::fstatat(dir_fd, name, &target, 0) != 0) {
    if (errno == ELOOP) return "symbolic link loop, not followed; remove it or exclude it";
    return filter.selects_file(rel) ? "broken symbolic link (its target does not exist)"
                                    : nullptr;
  }
  if (S_ISDIR(target.st_mode)) return filter.excludes_dir(rel) ? nullptr : kLinkNotFollowed;
  return filter.selects_file(rel) ? kLinkNotFollowed : nullptr;
}

std::string open_error(const std::string& what) {
  if (errno == ELOOP)
    return what + ": it is reached through a symbolic link, which freshd does not follow";
  return what + ": " + std::strerror(errno);
}

// Files whose type the walk settles, and how: a folder to walk into, a note with its stamp,
// or a problem (links, special files named like notes, names that are not UTF-8).
// `selected`: whether `rel` is a note's path, when the caller already asked the filter.
void classify(int dir_fd, const char* name, std::string rel, const struct stat& st,
              std::optional<bool> selected, const WalkFilter& filter,
              std::vector<std::string>& pending, WalkResult& out) {
  const auto is_selected = [&] { return selected ? *selected : filter.selects_file(rel); };
  if (S_ISDIR(st.st_mode)) {
    if (!filter.excludes_dir(rel)) pending.push_back(std::move(rel));
  } else if (S_ISREG(st.st_mode)) {
    if (!is_selected()) return;
    // Indexed all the same, but JSON and reports can only show such a name with U+FFFD,
    // and no command can name the note.
    if (find_invalid_utf8(name) != std::string_view::npos)
      out.problems.push_back({rel, "file name is not valid UTF-8: it is shown with U+FFFD "
                                   "and commands cannot name the note; rename it"});
    out.files.push_back({std::move(rel), stamp_of(st)});
  } else if (S_ISLNK(st.st_mode)) {
    if (const char* why = link_problem(dir_fd, name, rel, filter))
      out.problems.push_back({std::move(rel), why});
  } else if (is_selected()) {
    out.problems.push_back({std::move(rel), "not a regular file (a FIFO, socket or device); "
                                            "not read — remove it or exclude it"});
  }
}

// Lists one directory (opened relative to the vault root, never through a symlink) and
// pushes its subdirectories onto `pending`.
void walk_dir(int root_fd, const std::string& rel_dir, const WalkFilter& filter,
              std::vector<std::string>& pending, WalkResult& out) {
  const int fd = rel_dir.empty() ? ::dup(root_fd)
                                 : open_in_vault(root_fd, rel_dir, O_RDONLY | O_DIRECTORY);
  if (fd < 0) {
    if (errno == ENOENT) return;  // removed since its parent was listed
    out.problems.push_back(
        {rel_dir, open_error("cannot open folder") + "; fix its permissions or exclude it"});
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
    std::string rel = join(rel_dir, name);
    // The kernel's d_type settles folders, and files that are not notes, without a stat:
    // that saves one per folder and attachment. A note needs its stamp, a link what it
    // points to, and an entry of unknown type (some file systems) its mode.
    const unsigned char type = entry->d_type;
    if (type == DT_DIR) {
      if (!filter.excludes_dir(rel)) pending.push_back(std::move(rel));
      continue;
    }
    std::optional<bool> selected;
    if (type != DT_UNKNOWN && type != DT_LNK) {
      selected = filter.selects_file(rel);
      if (!*selected) continue;  // not a note: nothing to stat, nothing to say
    }
    struct stat st {};
    if (::fstatat(::dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;  // vanished
    classify(::dirfd(dir), name, std::move(rel), st, selected, filter, pending, out);
  }
  ::closedir(dir);
}

// The folders still to list, shared by the walk's threads. A thread takes one, lists it
// and hands back the folders found in it; the walk is over when no folder is left and no
// thread is listing one (that could still find more).
class FolderQueue {
 public:
  explicit FolderQueue(std::string first) { pending_.push_back(std::move(first)); }

  // The next folder to list, or nullopt once the walk is over.
  std::optional<std::string> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return !pending_.empty() || listing_ == 0; });
    if (pending_.empty()) return std::nullopt;
    ++listing_;
    std::string next = std::move(pending_.back());
    pending_.pop_back();
    return next;
  }

  // Ends the listing of a folder taken with take(), handing back the folders found in it.
  void done(std::vector<std::string> found) {
    std::lock_guard<std::mutex> lock(mutex_);
    --listing_;
    pending_.insert(pending_.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
    if (!found.empty() || listing_ == 0) changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> pending_;
  int listing_ = 0;  // folders taken and not done
};

// One thread's share of the walk: its files sorted by path, so that the shares merge.
void walk_share(int root_fd, const WalkFilter& filter, FolderQueue& queue, WalkResult& out) {
  while (const auto rel_dir = queue.take()) {
    std::vector<std::string> found;
    walk_dir(root_fd, *rel_dir, filter, found, out);
    queue.done(std::move(found));
  }
  std::sort(out.files.begin(), out.files.end(), by_path<WalkedFile>);
}

// The shares in one result: files merged by path, problems sorted by path (stably: one
// path's problems keep their order), so the result does not depend on which thread
// listed which folder.
WalkResult merge_shares(std::vector<WalkResult> shares) {
  WalkResult out = std::move(shares.front());
  for (std::size_t i = 1; i < shares.size(); ++i) {
    const auto middle = static_cast<std::ptrdiff_t>(out.files.size());
    out.files.insert(out.files.end(), std::make_move_iterator(shares[i].files.begin()),
                     std::make_move_iterator(shares[i].files.end()));
    std::inplace_merge(out.files.begin(), out.files.begin() + middle, out.files.end(),
                       by_path<WalkedFile>);
    out.problems.insert(out.problems.end(), std::make_move_iterator(shares[i].problems.begin()),
                        std::make_move_iterator(shares[i].problems.end()));
  }
  std::stable_sort(out.problems.begin(), out.problems.end(), by_path<WalkProblem>);
  return out;
}

int open_root(const std::string& root) {
  return ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

Error root_error(const std::string& root) {
  return Error{"cannot open the vault " + root + ": " + std::strerror(errno) +
               "; check vault.path in the configuration or --vault"};
}

// One path of stat_paths: its stamp in `out.files`, a problem, or nothing (it is gone).
void stat_path(int root_fd, const std::string& path, WalkResult& out) {
  const auto slash = path.rfind('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const int parent = slash == std::string::npos
                         ? ::dup(root_fd)
                         : open_in_vault(root_fd, path.substr(0, slash), O_PATH | O_DIRECTORY);
  if (parent < 0) {
    if (errno != ENOENT) out.problems.push_back({path, open_error("cannot open its folder")});
    return;
  }
  struct stat st {};
  const int rc = ::fstatat(parent, name.c_str(), &st, AT_SYMLINK_NOFOLLOW);
  const int stat_errno = errno;
  ::close(parent);
  if (rc != 0) {
    if (stat_errno != ENOENT)
      out.problems.push_back({path, std::string("cannot stat: ") + std::strerror(stat_errno)});
  } else if (S_ISLNK(st.st_mode)) {
    out.problems.push_back({path, kLinkNotFollowed});
  } else if (!S_ISREG(st.st_mode)) {
    out.problems.push_back({path, "not a regular file; not read"});
  } else {
    out.files.push_back({path, stamp_of(st)});
  }
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

Result<WalkResult> walk_vault(const std::string& root, const WalkFilter& filter,
                              unsigned threads) {
  const int root_fd = open_root(root);
  if (root_fd < 0) return root_error(root);
  FolderQueue queue("");
  std::vector<WalkResult> shares(std::max(1u, threads));
  std::vector<std::thread> helpers;
  for (std::size_t i = 1; i < shares.size(); ++i) {
    try {
      helpers.emplace_back(walk_share, root_fd, std::cref(filter), std::ref(queue),
                           std::ref(shares[i]));
    } catch (const std::system_error&) {
      break;  // no thread to be had: the threads started (this one at least) walk it all
    }
  }
  walk_share(root_fd, filter, queue, shares.front());
  for (auto& helper : helpers) helper.join();
  ::close(root_fd);
  return merge_shares(std::move(shares));
}

Result<WalkResult> stat_paths(const std::string& root, const std::vector<std::string>& paths,
                              const WalkFilter& filter) {
  for (const auto& path : paths)
    if (!filter.selects_file(path))
      return Error{path + " is not a note of this vault (see vault.include and vault.exclude)"};
  const int root_fd = open_root(root);
  if (root_fd < 0) return root_error(root);
  WalkResult out;
  for (const auto& path : paths) stat_path(root_fd, path, out);
  ::close(root_fd);
  return out;
}

namespace {

// Whether every component of `path` is a plain name (not empty, ".", or "..").
bool plain_components(const std::string& path) {
  std::size_t begin = 0;
  while (true) {
    const auto slash = path.find('/', begin);
    const std::string_view name(path.data() + begin,
                                (slash == std::string::npos ? path.size() : slash) - begin);
    if (name.empty() || name == "." || name == "..") return false;
    if (slash == std::string::npos) return true;
    begin = slash + 1;
  }
}

// The same answer in one system call where the kernel has openat2(2) (Linux 5.6):
// RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS refuses every link on the way with ELOOP. -2
// when the kernel (or a seccomp filter) cannot do it, or when it asks for a retry: the
// component walk then decides.
int open_beneath(int root_fd, const std::string& path, int flags) {
#ifdef SYS_openat2
  struct open_how how {};
  how.flags = static_cast<std::uint64_t>(flags | O_NOFOLLOW | O_CLOEXEC);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  const long fd = ::syscall(SYS_openat2, root_fd, path.c_str(), &how, sizeof how);
  if (fd >= 0) return static_cast<int>(fd);
  // ENOTDIR: the walk tells a link (ELOOP) from a file on the way; ENAMETOOLONG: the walk
  // opens paths longer than PATH_MAX one folder at a time.
  if (errno == ENOSYS || errno == EPERM || errno == EAGAIN || errno == E2BIG ||
      errno == EXDEV || errno == ENOTDIR || errno == ENAMETOOLONG)
    return -2;
  return -1;
#else
  (void)root_fd, (void)path, (void)flags;
  return -2;
#endif
}

}  // namespace

int open_in_vault(int root_fd, const std::string& path, int flags) {
  if (!plain_components(path)) {
    errno = EINVAL;
    return -1;
  }
  if (const int fd = open_beneath(root_fd, path, flags); fd != -2) return fd;
  int dir_fd = root_fd;
  std::size_t begin = 0;
  while (true) {
    const auto slash = path.find('/', begin);
    const bool last = slash == std::string::npos;
    const std::string name = path.substr(begin, last ? std::string::npos : slash - begin);
    int fd = -1;
    if (name.empty() || name == "." || name == "..") {
      errno = EINVAL;
    } else {
      // O_PATH: passing through a folder needs only its search permission, as for open(2).
      fd = ::openat(dir_fd, name.c_str(),
                    (last ? flags : O_PATH | O_DIRECTORY) | O_NOFOLLOW | O_CLOEXEC);
      struct stat st {};
      // O_PATH | O_NOFOLLOW on a link gives ENOTDIR, not ELOOP: say which it was.
      if (fd < 0 && errno == ENOTDIR &&
          ::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
        errno = ELOOP;
    }
    const int saved_errno = errno;
    if (dir_fd != root_fd) ::close(dir_fd);
    errno = saved_errno;
    if (fd < 0 || last) return fd;
    dir_fd = fd;
    begin = slash + 1;
  }
}

}  // namespace freshd
