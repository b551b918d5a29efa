#include "daemon/vault_watcher.h"

#include "daemon/log.h"

#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace freshd {

namespace asio = boost::asio;

namespace {

constexpr std::uint32_t kMask = IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB |
                                IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |
                                IN_DONT_FOLLOW | IN_EXCL_UNLINK | IN_ONLYDIR;

std::string join(const std::string& dir, const std::string& name) {
  return dir.empty() ? name : dir + "/" + name;
}

}  // namespace

VaultWatcher::VaultWatcher(asio::io_context& loop, std::string root, WalkFilter filter,
                           WatchCallbacks callbacks, std::chrono::milliseconds debounce)
    : root_(std::move(root)),
      filter_(std::move(filter)),
      callbacks_(std::move(callbacks)),
      debounce_(debounce),
      inotify_(loop),
      debounce_timer_(loop),
      buffer_(64 * 1024) {}

VaultWatcher::~VaultWatcher() { stop(); }

Status VaultWatcher::start() {
  const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return Error{std::string("inotify: ") + std::strerror(errno)};
  inotify_.assign(fd);
  add_tree("", false);
  read_events();
  return ok_status();
}

void VaultWatcher::stop() {
  to_watch_.clear();
  watching_ = false;
  boost::system::error_code ignored;
  debounce_timer_.cancel();
  if (inotify_.is_open()) inotify_.close(ignored);
  dirs_.clear();
}

void VaultWatcher::add_tree(const std::string& start, bool report_files) {
  to_watch_.emplace_back(start, report_files);
  if (watching_) return;
  watching_ = true;
  watch_some();
}

void VaultWatcher::watch_some() {
  for (std::size_t n = 0; n < kFoldersPerTurn && !to_watch_.empty(); ++n) {
    const auto [rel, report_files] = std::move(to_watch_.back());
    to_watch_.pop_back();
    const std::string full = rel.empty() ? root_ : root_ + "/" + rel;
    const int wd = ::inotify_add_watch(inotify_.native_handle(), full.c_str(), kMask);
    if (wd < 0) {
      if ((errno == ENOSPC || errno == ENOMEM) && !limit_logged_) {
        limit_logged_ = true;
        log_warning("inotify watch limit reached at " + full +
                    "; changes below it are found by the periodic rescan "
                    "(raise fs.inotify.max_user_watches)");
        if (callbacks_.rescan) callbacks_.rescan("inotify watch limit reached");
      }
      continue;
    }
    dirs_[wd] = rel;
    DIR* dir = ::opendir(full.c_str());
    if (dir == nullptr) continue;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string name = entry->d_name;
      if (name == "." || name == "..") continue;
      // The entry's type spares a stat per file. Some file systems leave it unknown.
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st {};
        if (::fstatat(::dirfd(dir), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      const std::string child = join(rel, name);
      if (type == DT_DIR && !filter_.excludes_dir(child))
        to_watch_.emplace_back(child, report_files);
      if (report_files && type == DT_REG && filter_.selects_file(child)) note_change(child);
    }
    ::closedir(dir);
  }
  if (to_watch_.empty()) {
    watching_ = false;
    return;
  }
  asio::post(inotify_.get_executor(), [this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.lock() && inotify_.is_open()) watch_some();
  });
}

void VaultWatcher::read_events() {
  inotify_.async_read_some(asio::buffer(buffer_), [this](boost::system::error_code ec,
                                                         std::size_t n) {
    if (ec == asio::error::operation_aborted) return;
    if (ec) {
      log_error("inotify read failed: " + ec.message() + "; relying on the periodic rescan");
      return;
    }
    for (std::size_t offset = 0; offset + sizeof(inotify_event) <= n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer_.data() + offset);
      handle(*event);
      offset += sizeof(inotify_event) + event->len;
    }
    read_events();
  });
}

void VaultWatcher::handle(const inotify_event& event) {
  if (event.mask & IN_Q_OVERFLOW) {
    if (callbacks_.rescan) callbacks_.rescan("inotify queue overflow");
    return;
  }
  const auto dir = dirs_.find(event.wd);
  if (dir == dirs_.end()) return;
  if (event.mask & IN_IGNORED) {
    dirs_.erase(dir);
    return;
  }
  if (event.len == 0) return;  // about the folder itself (deleted or moved)
  const std::string rel = join(dir->second, event.name);
  if (event.mask & IN_ISDIR) {
    if (filter_.excludes_dir(rel)) return;
    if (event.mask & (IN_CREATE | IN_MOVED_TO)) add_tree(rel, true);
    // A folder moved or deleted takes its notes along: only a full rescan pairs them.
    if (event.mask & (IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE))
      if (callbacks_.rescan) callbacks_.rescan("folder " + rel + " moved or deleted");
    return;
  }
  if (!filter_.selects_file(rel)) return;
  if (event.mask & IN_MOVED_FROM) moved_from_[event.cookie] = rel;
  if (event.mask & IN_MOVED_TO) {
    // Both ends of a rename go into the same batch, so the scanner can pair them.
    const auto from = moved_from_.find(event.cookie);
    if (from != moved_from_.end()) moved_from_.erase(from);
  }
  note_change(rel);
}

void VaultWatcher::note_change(const std::string& rel_path) {
  const auto now = std::chrono::steady_clock::now();
  if (pending_.empty()) batch_started_ = now;
  pending_.insert(rel_path);
  // Each change postpones the flush, but never past the batch's latest moment: otherwise
  // changes arriving faster than the debounce would starve the index for ever.
  const auto latest = batch_started_ + kMaxBatchDelay * debounce_;
  debounce_timer_.expires_at(std::min(now + debounce_, latest));
  debounce_timer_.async_wait([this](boost::system::error_code ec) {
    if (!ec) flush();
  });
}

void VaultWatcher::flush() {
  moved_from_.clear();
  if (pending_.empty() || !callbacks_.changed) return;
  std::vector<std::string> paths(pending_.begin(), pending_.end());
  pending_.clear();
  callbacks_.changed(std::move(paths));
}

}  // namespace freshd
