// What one benchmark run at one vault size measured: plain values filled by the batch
// phase (bench_suite.h) and the daemon phase (daemon_bench.h), read by the report.
#pragma once

#include "vault_generator.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace freshd::bench {

// Wall times of the timed runs of one command (after its warm-up run) and the peak
// resident set each run reached.
struct Timing {
  std::vector<double> seconds;
  std::vector<long> max_rss_kib;
  double median() const;
  long max_rss() const;
};

struct BatchResults {
  std::optional<Timing> rg;  // empty when rg is not installed
  Timing find;
  Timing full_index;         // freshd --once on an empty state directory
  Timing unchanged;          // freshctl recheck, nothing changed
  long unchanged_read = -1;  // "read" of `freshctl --json recheck` on the unchanged vault
  std::string store_writes;  // empty when the store files were untouched, else what changed
  Timing changed;            // freshctl recheck after rewriting 1 % of the notes
  std::size_t changed_notes = 0;
  Timing list_stale;         // freshctl --json list --stale
  std::optional<Timing> report;  // freshctl report --out -
  std::string report_missing;    // why report is empty
};

struct DaemonResults {
  double scan_seconds = 0;            // daemon start to its first full scan done
  long scan_peak_kib = 0;             // VmHWM after that scan
  long idle_rss_kib = 0;              // VmRSS once idle after its own full index
  long restart_idle_rss_kib = 0;      // VmRSS once idle after a restart on the indexed vault
  double idle_cpu_seconds = 0;        // utime + stime over the idle window
  double idle_window_seconds = 0;
  // After its first scan the daemon still delivers the reminders a first index owes (at
  // 100,000 old notes, ~90,000 of them): idle is measured once its CPU time stops moving.
  double settle_seconds = 0;          // scan done to settled
  std::vector<double> status_ms;      // latency of each status answered during the scan
  std::size_t status_failures = 0;    // requests that failed or timed out during the scan
};

struct SizeResults {
  std::size_t notes = 0;
  VaultStats vault;
  BatchResults batch;
  DaemonResults daemon;
};

double median(std::vector<double> values);
// The p-th percentile (0..100), nearest rank.
double percentile(std::vector<double> values, double p);

}  // namespace freshd::bench
