#include "daemon/vault_scanner.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <iterator>
#include <latch>
#include <memory>
#include <unordered_set>

namespace freshd {
namespace {

// The thread applying batches to the store is a batch scan's critical path: alone it
// costs a third of the scan's CPU, and it waited for a core while the readers, one per
// core, held both. So the readers yield to it (kReaderNice), and read kReadAhead batches
// ahead of the one it applies, so that they fill what it leaves of the cores instead of
// taking turns with it. Either alone gained nothing measurable; together, a first index
// of 100,000 notes takes about 7 % less time (see README, Performance).
constexpr std::size_t kReadAhead = 2;
constexpr int kReaderNice = 8;

// Lowers the priority of each of the `threads` threads of `pool` (a scan's own pool, which
// ends with it). On Linux the nice value belongs to the thread, not the process.
void yield_to_applying(boost::asio::thread_pool& pool, unsigned threads) {
  // Each task waits for the others, so each lands on a thread of its own. The tasks share
  // the latch: one may still be leaving its wait when this function returns.
  auto all = std::make_shared<std::latch>(threads);
  for (unsigned i = 0; i < threads; ++i) {
    boost::asio::post(pool, [all] {
      const auto tid = static_cast<id_t>(::gettid());
      errno = 0;
      const int current = ::getpriority(PRIO_PROCESS, tid);
      if (errno == 0) ::setpriority(PRIO_PROCESS, tid, std::min(current + kReaderNice, 19));
      all->arrive_and_wait();
    });
  }
  all->wait();
}

std::size_t workers_for(unsigned threads, std::size_t paths) {
  return std::max<std::size_t>(1, std::min<std::size_t>(threads, paths));
}

}  // namespace

BatchRead::BatchRead(boost::asio::thread_pool& pool, unsigned threads,
                     std::vector<std::string> paths, const ScanOptions& options)
    : paths_(std::move(paths)),
      slots_(paths_.size()),
      done_(static_cast<std::ptrdiff_t>(workers_for(threads, paths_.size()))) {
  const std::size_t workers = workers_for(threads, paths_.size());
  for (std::size_t w = 0; w < workers; ++w) {
    // Every `workers`-th path: each task still reads its paths in order, folder by folder.
    boost::asio::post(pool, [this, w, workers, &options] {
      NoteReader reader(options.root, options.read);
      for (std::size_t i = w; i < paths_.size(); i += workers) slots_[i] = reader.read(paths_[i]);
      done_.count_down();
    });
  }
}

BatchRead::~BatchRead() { done_.wait(); }

std::vector<ObservedNote> BatchRead::take() {
  done_.wait();
  std::vector<ObservedNote> out;
  out.reserve(slots_.size());
  for (auto& slot : slots_)
    if (slot) out.push_back(std::move(*slot));
  return out;
}

std::vector<ObservedNote> read_notes(boost::asio::thread_pool& pool, unsigned threads,
                                     std::vector<std::string> paths, const ScanOptions& options) {
  return BatchRead(pool, threads, std::move(paths), options).take();
}

ScanPlan plan_scan(const std::unordered_map<std::string, KnownFile>& known,
                   const WalkResult& walked, const std::vector<std::string>& paths) {
  ScanPlan plan;
  plan.files = static_cast<int>(walked.files.size());
  std::size_t walked_known = 0;  // walked paths the store knows (walked paths are unique)
  for (const auto& file : walked.files) {
    const auto it = known.find(file.path);
    if (it != known.end()) ++walked_known;
    if (it != known.end() && it->second.stamp == file.stamp)
      ++plan.unchanged;
    else
      plan.to_read.push_back(file.path);
  }
  // Every known note was walked: nothing is missing from a full scan, and the set of
  // walked paths that finds what is (a hundred thousand strings hashed) is not needed.
  if (paths.empty() && walked_known == known.size()) return plan;
  std::unordered_set<std::string_view> seen;
  seen.reserve(walked.files.size());
  for (const auto& file : walked.files) seen.insert(file.path);
  if (paths.empty()) {
    for (const auto& [path, file] : known)
      if (!seen.count(path)) plan.missing.push_back(path);
  } else {
    for (const auto& path : paths)
      if (known.count(path) && !seen.count(path)) plan.missing.push_back(path);
  }
  std::sort(plan.missing.begin(), plan.missing.end());
  index_missing_by_hash(known, plan);
  return plan;
}

void index_missing_by_hash(const std::unordered_map<std::string, KnownFile>& known,
                           ScanPlan& plan) {
  std::unordered_map<std::uint64_t, int> hash_count;
  for (const auto& path : plan.missing) {
    const KnownFile& file = known.at(path);
    if (file.stamp.size > 0) ++hash_count[file.hash];
  }
  plan.missing_by_hash.clear();
  for (const auto& path : plan.missing) {
    const KnownFile& file = known.at(path);
    if (file.stamp.size > 0 && hash_count[file.hash] == 1) plan.missing_by_hash[file.hash] = path;
  }
}

void pair_renames(std::vector<ObservedNote>& observed,
                  const std::unordered_map<std::string, KnownFile>& known, ScanPlan& plan) {
  for (auto& note : observed) {
    if (known.count(note.path) || note.stamp.size == 0) continue;
    const auto it = plan.missing_by_hash.find(note.hash);
    if (it == plan.missing_by_hash.end()) continue;
    note.renamed_from = it->second;
    plan.missing.erase(std::remove(plan.missing.begin(), plan.missing.end(), it->second),
                       plan.missing.end());
    plan.missing_by_hash.erase(it);
  }
}

namespace {

// The vault walked (or the given paths stat'ed) on `pool` while the calling thread loads
// the store's stamps: the walk waits on the file system, the stamps on SQLite.
struct WalkAndKnown {
  Result<WalkResult> walked;
  Result<std::unordered_map<std::string, KnownFile>> known;
};

WalkAndKnown walk_and_load(boost::asio::thread_pool& pool, NoteStore& store,
                           const ScanOptions& options, const std::vector<std::string>& paths) {
  std::optional<Result<WalkResult>> walked;
  std::latch walk_done(1);
  boost::asio::post(pool, [&] {
    walked.emplace(paths.empty() ? walk_vault(options.root, options.filter, options.threads)
                                 : stat_paths(options.root, paths, options.filter));
    walk_done.count_down();
  });
  auto known = store.known_files();
  walk_done.wait();
  return {std::move(*walked), std::move(known)};
}

// plan.to_read cut into batches of `size` paths (one empty batch when there is nothing to
// read, so that the deletions still get their transaction).
std::vector<std::vector<std::string>> batches_of(std::vector<std::string> to_read,
                                                 std::size_t size) {
  std::vector<std::vector<std::string>> batches;
  for (std::size_t start = 0; start < to_read.size() || start == 0; start += size) {
    const auto first = to_read.begin() + static_cast<std::ptrdiff_t>(start);
    const auto last = to_read.begin() +
                      static_cast<std::ptrdiff_t>(std::min(to_read.size(), start + size));
    batches.emplace_back(std::make_move_iterator(first), std::make_move_iterator(last));
  }
  return batches;
}

}  // namespace

Result<ScanReport> scan_vault(NoteStore& store, const ScanOptions& options, Seconds now,
                              const std::vector<std::string>& paths,
                              const ScanProgress& progress) {
  const unsigned threads = std::max(1u, options.threads);
  boost::asio::thread_pool pool(threads);
  auto [walked, known] = walk_and_load(pool, store, options, paths);
  if (!walked) return walked.error();
  if (!known) return known.error();
  ScanPlan plan = plan_scan(*known, *walked, paths);

  ScanReport report;
  report.files = plan.files;
  report.unchanged = plan.unchanged;
  report.walk_problems = std::move(walked->problems);
  const std::size_t total = plan.to_read.size();
  auto batches = batches_of(std::move(plan.to_read), std::max<std::size_t>(1, options.batch_size));
  std::size_t done = 0;
  yield_to_applying(pool, threads);
  // Batches i+1 and i+2 are read while batch i is applied. Declared after `pool`, the
  // reads are destroyed first, and each waits for its tasks on every way out.
  std::deque<BatchRead> reading;
  std::size_t posted = 0;
  const auto read_ahead = [&](std::size_t upto) {
    for (; posted < batches.size() && posted <= upto; ++posted)
      reading.emplace_back(pool, threads, std::move(batches[posted]), options);
  };
  for (std::size_t i = 0; i < batches.size(); ++i) {
    const bool last = i + 1 == batches.size();
    read_ahead(i + kReadAhead);
    done += reading.front().size();
    ScanBatch batch;
    batch.observed = reading.front().take();
    reading.pop_front();
    pair_renames(batch.observed, *known, plan);
    report.read += static_cast<int>(batch.observed.size());
    for (const auto& note : batch.observed)
      if (!note.metadata.problems.empty()) ++report.problems;
    if (last) batch.missing = plan.missing;  // after every rename had its chance
    auto changes = store.apply(batch, now);
    if (!changes) return changes.error();
    if (!options.keep_events) changes->events.clear();
    report.changes += *changes;
    if (progress) progress(done, total);
  }
  return report;
}

}  // namespace freshd
