// The batch half of the benchmark at one vault size: the reference tools and the
// whole-process runs of freshd --once and freshctl with no daemon running, (a) to (e).
#pragma once

#include "bench_results.h"
#include "model/result.h"
#include "vault_generator.h"

#include <string>

namespace freshd::bench {

// Where one vault size lives under the work directory, and what to run.
struct BenchSetup {
  std::string freshd;
  std::string freshctl;
  std::string root;          // <workdir>/n<notes>
  std::string vault;         // <root>/vault
  std::string config;        // <root>/freshd.toml: vault, zone, report dir, socket
  std::string state;         // batch runs
  std::string daemon_state;  // the daemon's own full index
  std::string socket;
  std::string logs;          // stderr of every run, for when one fails
  int runs = 5;
  double idle_seconds = 60;

  static BenchSetup at(const std::string& workdir, std::size_t notes);
  // The freshctl command line with this setup's config and batch state, then `args`.
  std::vector<std::string> freshctl_args(const std::vector<std::string>& args) const;
};

// Creates root (emptied first), the vault and the config file.
Result<VaultStats> prepare(const BenchSetup& setup, const VaultGenerator& generator);

// Times every batch figure; the vault is left with the last round of 1 % edits.
Result<BatchResults> run_batch(const BenchSetup& setup, const VaultGenerator& generator);

}  // namespace freshd::bench
