// Bringing the store up to date with the vault: walk (stat only), compare stamps with the
// store, read only new and changed files (in parallel), pair renames by content, and apply
// the results in batched transactions.
#pragma once

#include "daemon/note_reader.h"
#include "daemon/vault_walker.h"
#include "model/store/note_store.h"

#include <boost/asio/thread_pool.hpp>

#include <cstddef>
#include <functional>
#include <latch>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace freshd {

struct ScanOptions {
  std::string root;  // the vault
  WalkFilter filter;
  ReadOptions read;
  unsigned threads = 2;         // reader threads
  std::size_t batch_size = 2048;  // files read per batch (ScanRunner applies it in slices)
  // Whether ScanReport::changes.events lists the events recorded. Without it only the counts
  // are kept: a first full index of a large vault records several events per note.
  bool keep_events = true;
};

// What one scan saw and did.
struct ScanReport {
  int files = 0;      // note files considered
  int read = 0;       // files whose contents were read (new or changed stamp)
  int unchanged = 0;  // files skipped because size and mtime matched the store
  int problems = 0;   // read notes with at least one metadata problem
  ScanChanges changes;
  std::vector<WalkProblem> walk_problems;
};

// The work a scan has to do, decided from stamps alone.
struct ScanPlan {
  std::vector<std::string> to_read;
  std::vector<std::string> missing;  // known notes gone from the vault (or from `paths`)
  int files = 0;
  int unchanged = 0;
  // Content hash -> missing path, for pairing renames (only hashes unique among the
  // missing, and never of empty files).
  std::unordered_map<std::uint64_t, std::string> missing_by_hash;
};

// `paths`: the paths a partial scan was asked for (empty: a full scan, where every known
// note not walked is missing; in a partial scan, only the given ones that were not found).
ScanPlan plan_scan(const std::unordered_map<std::string, KnownFile>& known,
                   const WalkResult& walked, const std::vector<std::string>& paths);

// Fills plan.missing_by_hash from plan.missing.
void index_missing_by_hash(const std::unordered_map<std::string, KnownFile>& known,
                           ScanPlan& plan);

// Marks observed new paths whose bytes match a missing note as renames, and removes the
// paired paths from plan.missing.
void pair_renames(std::vector<ObservedNote>& observed,
                  const std::unordered_map<std::string, KnownFile>& known, ScanPlan& plan);

// A batch of notes being read by `threads` tasks on `pool`, while the caller does other
// work (applies the previous batch). Must not be made on a thread of `pool`; `options`
// must outlive it. Destroying it waits for its tasks.
class BatchRead {
 public:
  BatchRead(boost::asio::thread_pool& pool, unsigned threads, std::vector<std::string> paths,
            const ScanOptions& options);
  ~BatchRead();
  BatchRead(const BatchRead&) = delete;
  BatchRead& operator=(const BatchRead&) = delete;

  // Waits for the tasks; the notes read keep the order of `paths`, files that vanished
  // since the walk are left out. Once per batch.
  std::vector<ObservedNote> take();
  // How many paths the batch reads.
  std::size_t size() const { return paths_.size(); }

 private:
  std::vector<std::string> paths_;
  std::vector<std::optional<ObservedNote>> slots_;
  std::latch done_;
};

// Reads `paths` with `threads` tasks on `pool` and waits for them (a BatchRead taken at
// once). Must not be called from a thread of `pool`.
std::vector<ObservedNote> read_notes(boost::asio::thread_pool& pool, unsigned threads,
                                     std::vector<std::string> paths, const ScanOptions& options);

using ScanProgress = std::function<void(std::size_t done, std::size_t total)>;

// Runs a whole scan synchronously: all notes (paths empty) or just `paths` (vault-relative;
// a given path that no longer exists is recorded deleted). The walk runs while the store's
// stamps load, and each batch is read on `options.threads` threads while the calling
// thread applies the one before. Errors: the vault cannot be opened, a given path is not
// a note, the store failed (the failed batch is rolled back, earlier batches stay).
Result<ScanReport> scan_vault(NoteStore& store, const ScanOptions& options, Seconds now,
                              const std::vector<std::string>& paths = {},
                              const ScanProgress& progress = {});

}  // namespace freshd
