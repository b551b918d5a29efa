// The benchmark's result table in Markdown: one row per figure, with the reference tool,
// the ratio, the target and whether it was met; and the lines that describe the run.
#pragma once

#include "bench_results.h"

#include <optional>
#include <string>
#include <vector>

namespace freshd::bench {

struct Row {
  std::string figure;
  std::string freshd;
  std::string reference = "—";
  std::string ratio = "—";
  std::string target = "—";
  std::optional<bool> met;  // empty: no target (an informative figure) or not measurable
};

// The rows of one vault size, in the order of the spec (a) to (g).
std::vector<Row> rows_for(const SizeResults& results);

// The growth of the full index from the smaller to the larger vault (target <= 11x).
Row growth_row(const SizeResults& small, const SizeResults& large);

std::string render_table(const std::vector<Row>& rows);

// "10,000 notes (10,400 files, 63.2 MiB, ...)".
std::string describe_vault(const SizeResults& results);

}  // namespace freshd::bench
