// Watching the vault with inotify through an Asio descriptor: one watch per folder, new
// folders picked up as they appear, moves paired by cookie, events debounced per file.
// Runs on the loop thread. What it reports is a hint; the scanner decides what changed.
#pragma once

#include "daemon/vault_walker.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

struct inotify_event;

namespace freshd {

struct WatchCallbacks {
  // Note files (vault-relative) that may have changed, once the vault has been quiet for
  // the debounce delay, or at the latest kMaxBatchDelay debounces after the batch's first
  // change (a vault that never falls quiet is still indexed).
  std::function<void(std::vector<std::string>)> changed;
  // Something only a full rescan can settle: queue overflow, a folder moved, the watch
  // limit reached. `why` is for the log.
  std::function<void(std::string why)> rescan;
};

class VaultWatcher {
 public:
  static constexpr int kMaxBatchDelay = 10;
  static constexpr std::size_t kFoldersPerTurn = 64;

  VaultWatcher(boost::asio::io_context& loop, std::string root, WalkFilter filter,
               WatchCallbacks callbacks,
               std::chrono::milliseconds debounce = std::chrono::milliseconds(300));
  ~VaultWatcher();

  // Sets up inotify and starts watching every folder: kFoldersPerTurn folders per loop
  // turn, so that a vault of thousands of folders does not hold the loop (and the requests
  // behind it) while the daemon starts. Errors when inotify is unavailable; a watch-limit
  // shortfall is not an error (logged, and the periodic rescan covers it).
  Status start();
  void stop();

  std::size_t watch_count() const { return dirs_.size(); }

 private:
  // Queues `rel_dir` and the folders below it to be watched. With report_files, the notes
  // already in them are reported, since they may have been written before the watch existed.
  void add_tree(const std::string& rel_dir, bool report_files);
  // Watches the next kFoldersPerTurn queued folders, and posts itself for the rest.
  void watch_some();
  void read_events();
  void handle(const ::inotify_event& event);
  void note_change(const std::string& rel_path);
  void flush();

  std::string root_;
  WalkFilter filter_;
  WatchCallbacks callbacks_;
  std::chrono::milliseconds debounce_;
  boost::asio::posix::stream_descriptor inotify_;
  boost::asio::steady_timer debounce_timer_;
  std::unordered_map<int, std::string> dirs_;  // watch descriptor -> vault-relative folder
  // Folders still to watch, with whether to report the notes in them.
  std::vector<std::pair<std::string, bool>> to_watch_;
  bool watching_ = false;  // a watch_some() is posted
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // for posted turns
  std::set<std::string> pending_;
  std::chrono::steady_clock::time_point batch_started_;  // first change in pending_
  std::unordered_map<std::uint32_t, std::string> moved_from_;  // cookie -> path
  std::vector<char> buffer_;
  bool limit_logged_ = false;
};

}  // namespace freshd
