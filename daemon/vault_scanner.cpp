#include "daemon/vault_scanner.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <latch>
#include <unordered_set>

namespace freshd {
std::vector<ObservedNote> read_notes(boost::asio::thread_pool& pool, unsigned threads,
                                     const std::vector<std::string>& paths,
                                     const ScanOptions& options) {
  std::vector<std::optional<ObservedNote>> slots(paths.size());
  const std::size_t workers = std::max<std::size_t>(1, std::min<std::size_t>(threads, paths.size()));
  std::latch done(static_cast<std::ptrdiff_t>(workers));
  for (std::size_t w = 0; w < workers; ++w) {
    boost::asio::post(pool, [&, w] {
      for (std::size_t i = w; i < paths.size(); i += workers)
        slots[i] = read_note(options.root, paths[i], options.read);
      done.count_down();
    });
  }
  done.wait();
  std::vector<ObservedNote> out;
  out.reserve(paths.size());
  for (auto& slot : slots)
    if (slot) out.push_back(std::move(*slot));
  return out;
}

ScanPlan plan_scan(const std::unordered_map<std::string, KnownFile>& known,
                   const WalkResult& walked, const std::vector<std::string>& paths) {
  ScanPlan plan;
  plan.files = static_cast<int>(walked.files.size());
  std::unordered_set<std::string_view> seen;
  seen.reserve(walked.files.size());
  for (const auto& file : walked.files) {
    seen.insert(file.path);
    const auto it = known.find(file.path);
    if (it != known.end() && it->second.stamp == file.stamp)
      ++plan.unchanged;
    else
      plan.to_read.push_back(file.path);
  }
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

Result<ScanReport> scan_vault(NoteStore& store, const ScanOptions& options, Seconds now,
                              const std::vector<std::string>& paths,
                              const ScanProgress& progress) {
  const bool full = paths.empty();
  auto walked = full ? walk_vault(options.root, options.filter)
                     : stat_paths(options.root, paths, options.filter);
  if (!walked) return walked.error();
  auto known = store.known_files();
  if (!known) return known.error();
  ScanPlan plan = plan_scan(*known, *walked, paths);

  ScanReport report;
  report.files = plan.files;
  report.unchanged = plan.unchanged;
  report.walk_problems = std::move(walked->problems);
  boost::asio::thread_pool pool(std::max(1u, options.threads));
  const std::size_t total = plan.to_read.size();
  for (std::size_t start = 0; start < total || start == 0; start += options.batch_size) {
    const std::size_t end = std::min(total, start + options.batch_size);
    std::vector<std::string> slice(plan.to_read.begin() + static_cast<std::ptrdiff_t>(start),
                                   plan.to_read.begin() + static_cast<std::ptrdiff_t>(end));
    ScanBatch batch;
    batch.observed = read_notes(pool, options.threads, slice, options);
    pair_renames(batch.observed, *known, plan);
    report.read += static_cast<int>(batch.observed.size());
    for (const auto& note : batch.observed)
      if (!note.metadata.problems.empty()) ++report.problems;
    if (end >= total) batch.missing = plan.missing;  // after every rename had its chance
    auto changes = store.apply(batch, now);
    if (!changes) return changes.error();
    if (!options.keep_events) changes->events.clear();
    report.changes += *changes;
    if (progress) progress(end, total);
    if (end >= total) break;
  }
  pool.join();
  return report;
}

}  // namespace freshd
