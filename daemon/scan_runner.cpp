#include "daemon/scan_runner.h"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <iterator>
#include <mutex>

namespace freshd {

namespace asio = boost::asio;

namespace {

// One slice of a batch should hold the loop for about this long: short enough that a
// `status` request waits no more than a few milliseconds, long enough that the per-
// transaction cost stays small.
constexpr std::chrono::microseconds kSliceTarget{4000};
constexpr std::size_t kMinSlice = 4;
constexpr std::size_t kMaxSlice = 1024;

}  // namespace

struct ScanRunner::Job {
  std::vector<std::string> paths;  // empty: full scan
  ScanOptions options;
  Seconds now{};
  // The store's stamps, loaded on the loop thread while the coordinator walks; null when
  // loading them failed (the loop then finishes the job with the error).
  using Known = std::shared_ptr<const std::unordered_map<std::string, KnownFile>>;
  std::promise<Known> known_loaded;
  std::future<Known> known = known_loaded.get_future();
  std::vector<ScanDone> done;
  ScanReport report;
  bool finished = false;  // loop thread only
  // Batches read but not yet applied: the reader stays at most two batches ahead, which
  // bounds memory however large the vault.
  std::mutex mutex;
  std::condition_variable applied;
  int in_flight = 0;
  std::atomic<bool> failed{false};
  // Loop thread only: batches read and waiting to be applied, in order; the front one is
  // applied from observed[applied_from] on. `applying` while a slice is posted.
  struct Read {
    ScanBatch batch;
    bool last = false;
  };
  std::deque<Read> to_apply;
  std::size_t applied_from = 0;
  bool applying = false;
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

void ScanRunner::request(std::vector<std::string> paths, ScanDone done, bool keep_events) {
  if (stopping_) return;
  pending_keep_events_ = pending_keep_events_ || keep_events;
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
  job->options.keep_events = pending_keep_events_;
  pending_keep_events_ = false;
  job->now = now_();
  running_ = true;
  current_ = job;
  done_files_ = 0;
  total_files_ = 0;
  asio::post(coordinator_, [this, job] { coordinate(job); });
  auto known = store_.known_files();
  if (!known) {
    job->known_loaded.set_value(nullptr);
    finish(job, known.error());
    return;
  }
  job->known_loaded.set_value(
      std::make_shared<const std::unordered_map<std::string, KnownFile>>(std::move(*known)));
}

// Runs on the coordinator thread: walk, plan, read batch after batch.
void ScanRunner::coordinate(std::shared_ptr<Job> job) {
  const bool full = job->paths.empty();
  auto walked = full ? walk_vault(job->options.root, job->options.filter, reader_threads_)
                     : stat_paths(job->options.root, job->paths, job->options.filter);
  const Job::Known known = job->known.get();
  if (!known) return;  // the loop reported why
  if (!walked) {
    asio::post(loop_, [this, job, e = walked.error()] { finish(job, e); });
    return;
  }
  ScanPlan plan = plan_scan(*known, *walked, job->paths);
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
    std::vector<std::string> slice(
        std::make_move_iterator(plan.to_read.begin() + static_cast<std::ptrdiff_t>(start)),
        std::make_move_iterator(plan.to_read.begin() + static_cast<std::ptrdiff_t>(end)));
    ScanBatch batch;
    batch.observed = read_notes(readers_, reader_threads_, std::move(slice), job->options);
    pair_renames(batch.observed, *known, plan);
    const bool last = end >= total;
    if (last) batch.missing = plan.missing;
    done_files_ = end;
    asio::post(loop_, [this, job, b = std::move(batch), last]() mutable {
      job->to_apply.push_back({std::move(b), last});
      if (!job->applying) apply_slice(job);
    });
    if (last) return;
  }
}

// Runs on the loop thread: one transaction per slice, then the loop's other work (a
// `status` request, a watcher event) before the next slice. Batches are applied strictly
// in the order they were read.
void ScanRunner::apply_slice(std::shared_ptr<Job> job) {
  job->applying = false;
  if (job->finished || stopping_ || job->to_apply.empty()) return;
  Job::Read& front = job->to_apply.front();
  std::vector<ObservedNote>& observed = front.batch.observed;
  const std::size_t from = job->applied_from;
  const std::size_t to = std::min(observed.size(), from + slice_);
  const bool batch_done = to == observed.size();
  ScanBatch slice;
  const auto first = observed.begin() + static_cast<std::ptrdiff_t>(from);
  const auto end = observed.begin() + static_cast<std::ptrdiff_t>(to);
  slice.observed.assign(std::make_move_iterator(first), std::make_move_iterator(end));
  // Deletions go last, after every rename of the scan had its chance to claim its note.
  if (batch_done) slice.missing = std::move(front.batch.missing);
  const bool last = batch_done && front.last;
  job->report.read += static_cast<int>(slice.observed.size());
  for (const auto& note : slice.observed)
    if (!note.metadata.problems.empty()) ++job->report.problems;
  const auto started = std::chrono::steady_clock::now();
  auto changes = store_.apply(slice, job->now);
  adapt_slice(std::chrono::steady_clock::now() - started, slice.observed.size());
  if (batch_done) {
    job->to_apply.pop_front();
    job->applied_from = 0;
  } else {
    job->applied_from = to;
  }
  if (!changes || batch_done) {
    std::lock_guard<std::mutex> lock(job->mutex);
    --job->in_flight;
    if (!changes) job->failed = true;
    job->applied.notify_all();
  }
  if (!changes) return finish(job, changes.error());
  if (!job->options.keep_events) changes->events.clear();
  job->report.changes += *changes;
  if (last) return finish(job, job->report);
  if (!job->to_apply.empty()) {
    job->applying = true;
    asio::post(loop_, [this, job] { apply_slice(job); });
  }
}

void ScanRunner::adapt_slice(std::chrono::steady_clock::duration took, std::size_t notes) {
  if (notes < slice_) return;  // a short tail says little about the cost per note
  if (took < kSliceTarget / 2) slice_ = std::min(kMaxSlice, slice_ * 2);
  else if (took > kSliceTarget * 2) slice_ = std::max(kMinSlice, slice_ / 2);
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
