#include "daemon/scan_runner.h"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace freshd {

namespace asio = boost::asio;

struct ScanRunner::Job {
  std::vector<std::string> paths;  // empty: full scan
  ScanOptions options;
  Seconds now{};
  std::shared_ptr<const std::unordered_map<std::string, KnownFile>> known;
  std::vector<ScanDone> done;
  ScanReport report;
  bool finished = false;  // loop thread only
  // Batches read but not yet applied: the reader stays at most two batches ahead, which
  // bounds memory however large the vault.
  std::mutex mutex;
  std::condition_variable applied;
  int in_flight = 0;
  std::atomic<bool> failed{false};
};

ScanRunner::ScanRunner(asio::io_context& loop, NoteStore& store, unsigned reader_threads)
    : loop_(loop), store_(store), readers_(std::max(1u, reader_threads)),
      reader_threads_(std::max(1u, reader_threads)) {}

ScanRunner::~ScanRunner() { stop(); }

void ScanRunner::set_sources(std::function<ScanOptions()> options, std::function<Seconds()> now) {
  options_ = std::move(options);
  now_ = std::move(now);
}

void ScanRunner::stop() {
  if (stopping_.exchange(true)) return;
  if (current_) {
    std::lock_guard<std::mutex> lock(current_->mutex);
    current_->failed = true;
    current_->applied.notify_all();
  }
  coordinator_.join();
  readers_.join();
}

void ScanRunner::request(std::vector<std::string> paths, ScanDone done) {
  if (stopping_) return;
  if (paths.empty()) {
    pending_full_ = true;
    pending_paths_.clear();
  } else if (!pending_full_) {
    pending_paths_.insert(paths.begin(), paths.end());
  }
  pending_done_.push_back(std::move(done));
  if (!running_) start_next();
}

void ScanRunner::start_next() {
  if (stopping_ || (!pending_full_ && pending_paths_.empty() && pending_done_.empty())) return;
  auto job = std::make_shared<Job>();
  job->paths.assign(pending_paths_.begin(), pending_paths_.end());
  job->done = std::move(pending_done_);
  pending_full_ = false;
  pending_paths_.clear();
  pending_done_.clear();
  job->options = options_();
  job->now = now_();
  auto known = store_.known_files();
  if (!known) {
    running_ = true;
    finish(job, known.error());
    return;
  }
  job->known = std::make_shared<const std::unordered_map<std::string, KnownFile>>(std::move(*known));
  running_ = true;
  current_ = job;
  done_files_ = 0;
  total_files_ = 0;
  asio::post(coordinator_, [this, job] { coordinate(job); });
}

// Runs on the coordinator thread: walk, plan, read batch after batch.
void ScanRunner::coordinate(std::shared_ptr<Job> job) {
  const bool full = job->paths.empty();
  auto walked = full ? walk_vault(job->options.root, job->options.filter)
                     : stat_paths(job->options.root, job->paths, job->options.filter);
  if (!walked) {
    asio::post(loop_, [this, job, e = walked.error()] { finish(job, e); });
    return;
  }
  ScanPlan plan = plan_scan(*job->known, *walked, job->paths);
  job->report.files = plan.files;
  job->report.unchanged = plan.unchanged;
  job->report.walk_problems = std::move(walked->problems);
  const std::size_t total = plan.to_read.size();
  total_files_ = total;
  const std::size_t batch_size = std::max<std::size_t>(1, job->options.batch_size);
  for (std::size_t start = 0;; start += batch_size) {
    const std::size_t end = std::min(total, start + batch_size);
    {
      std::unique_lock<std::mutex> lock(job->mutex);
      job->applied.wait(lock, [&] { return job->in_flight < 2 || job->failed || stopping_; });
      if (job->failed || stopping_) return;
      ++job->in_flight;
    }
    std::vector<std::string> slice(plan.to_read.begin() + static_cast<std::ptrdiff_t>(start),
                                   plan.to_read.begin() + static_cast<std::ptrdiff_t>(end));
    ScanBatch batch;
    batch.observed = read_notes(readers_, reader_threads_, slice, job->options);
    pair_renames(batch.observed, *job->known, plan);
    const bool last = end >= total;
    if (last) batch.missing = plan.missing;
    done_files_ = end;
    asio::post(loop_, [this, job, b = std::move(batch), last]() mutable {
      apply(job, std::move(b), last);
    });
    if (last) return;
  }
}

// Runs on the loop thread: one transaction per batch.
void ScanRunner::apply(std::shared_ptr<Job> job, ScanBatch batch, bool last) {
  if (job->finished || stopping_) return;
  job->report.read += static_cast<int>(batch.observed.size());
  for (const auto& note : batch.observed)
    if (!note.metadata.problems.empty()) ++job->report.problems;
  auto changes = store_.apply(batch, job->now);
  {
    std::lock_guard<std::mutex> lock(job->mutex);
    --job->in_flight;
    if (!changes) job->failed = true;
    job->applied.notify_all();
  }
  if (!changes) return finish(job, changes.error());
  job->report.changes += *changes;
  if (last) finish(job, job->report);
}

void ScanRunner::finish(std::shared_ptr<Job> job, Result<ScanReport> result) {
  if (job->finished) return;
  job->finished = true;
  running_ = false;
  current_.reset();
  for (auto& done : job->done)
    if (done) done(result);
  start_next();
}

}  // namespace freshd
