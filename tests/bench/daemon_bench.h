// The daemon half of the benchmark at one vault size, (e) to (g): freshd started on an
// empty state directory, its `status` latency while it indexes the vault, then its
// resident set and CPU time once idle; and its resident set after a restart.
#pragma once

#include "bench_results.h"
#include "bench_suite.h"
#include "model/result.h"

namespace freshd::bench {

// Runs the daemon twice (its own full index, then a restart on that index) and stops it
// with SIGTERM both times. Fails when it cannot start, exits, or does not finish a scan.
Result<DaemonResults> run_daemon(const BenchSetup& setup);

}  // namespace freshd::bench
