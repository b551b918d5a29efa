// A deterministic synthetic vault for the benchmark: N notes in nested folders, sizes
// skewed like a real vault (median about 3 KB, about 1 % of 50-500 KB, a few empty),
// every metadata format freshd reads, wikilinks, and the bad input it must survive
// (broken front matter, impossible dates, binary and invalid UTF-8 files), plus binary
// attachments that are not notes.
//
// Every file is a pure function of (seed, index, revision): the same vault on every
// machine and standard library (values come from std::mt19937_64's output with our own
// modulo arithmetic, never from std::uniform_*_distribution).
#pragma once

#include "model/result.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace freshd::bench {

inline constexpr std::uint64_t kVaultSeed = 0x66726573686442ULL;  // "freshdB"

struct VaultStats {
  std::size_t notes = 0;        // files freshd's default include matches
  std::size_t attachments = 0;  // other files (images), stat-only for freshd
  std::size_t folders = 0;
  std::uint64_t bytes = 0;      // all files
  std::size_t median_note_bytes = 0;
  std::size_t large_notes = 0;  // 50 KB or more
  std::size_t empty_notes = 0;
  std::size_t bad_notes = 0;    // binary, invalid UTF-8, broken front matter, bad values
};

class VaultGenerator {
 public:
  explicit VaultGenerator(std::size_t notes, std::uint64_t seed = kVaultSeed);

  // Writes the whole vault under dir (which must not exist or be empty).
  Result<VaultStats> write(const std::string& dir) const;

  // Rewrites 1 % of the notes (at least one) with a body that differs from every earlier
  // round; round r picks a different set of notes than round r - 1. Returns the count.
  Result<std::size_t> rewrite_one_percent(const std::string& dir, unsigned round) const;

  std::size_t notes() const { return notes_; }

 private:
  std::size_t notes_;
  std::uint64_t seed_;
};

}  // namespace freshd::bench
