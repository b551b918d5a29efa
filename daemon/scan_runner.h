// Running scans off the event loop: walking and reading happen on worker threads; each
// batch is applied to the store on the loop thread (which owns the store) in slices of a
// few milliseconds each, one slice per loop turn, so the control socket keeps answering
// while a large vault is indexed. One scan at a time; requests that arrive meanwhile are
// merged into one follow-up scan (a full scan absorbs partial ones).
#pragma once

#include "daemon/vault_scanner.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace freshd {

using ScanDone = std::function<void(const Result<ScanReport>&)>;

class ScanRunner {
 public:
  // `store` is used on the loop thread only and must outlive the runner.
  ScanRunner(boost::asio::io_context& loop, NoteStore& store, unsigned reader_threads);
  ~ScanRunner();

  // Queues a scan of `paths` (empty: the whole vault). `options` and `now` are taken when
  // the scan starts: the getters are called on the loop thread then. `done` is called on
  // the loop thread, once per request. With `keep_events`, the report lists the events the
  // scan recorded (a client's recheck); otherwise only their counts are kept.
  void request(std::vector<std::string> paths, ScanDone done, bool keep_events = false);
  void set_sources(std::function<ScanOptions()> options, std::function<Seconds()> now);

  bool busy() const { return running_; }
  // Progress of the running scan: files read so far and to read.
  std::pair<std::size_t, std::size_t> progress() const { return {done_files_, total_files_}; }

  // Stops after the batch in flight; queued requests get no callback.
  void stop();

 private:
  struct Job;
  void start_next();
  void coordinate(std::shared_ptr<Job> job);
  // Applies the next slice of the job's read batches, then posts itself for the rest.
  void apply_slice(std::shared_ptr<Job> job);
  void finish(std::shared_ptr<Job> job, Result<ScanReport> result);
  // Grows or shrinks slice_ so that a slice of `notes` takes about kSliceTarget.
  void adapt_slice(std::chrono::steady_clock::duration took, std::size_t notes);

  boost::asio::io_context& loop_;
  NoteStore& store_;
  boost::asio::thread_pool coordinator_{1};
  boost::asio::thread_pool readers_;
  unsigned reader_threads_;
  std::function<ScanOptions()> options_;
  std::function<Seconds()> now_;
  bool running_ = false;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> done_files_{0};
  std::atomic<std::size_t> total_files_{0};
  // Merged pending work.
  bool pending_full_ = false;
  bool pending_keep_events_ = false;
  std::size_t slice_ = 64;  // notes per transaction on the loop, adapted to take a few ms
  std::set<std::string> pending_paths_;
  std::vector<ScanDone> pending_done_;
  std::shared_ptr<Job> current_;
};

}  // namespace freshd
