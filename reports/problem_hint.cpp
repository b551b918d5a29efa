#include "reports/problem_hint.h"

#include <array>
#include <utility>

namespace freshd {
namespace {

// Matched in order against the message texts model/ and daemon/ write; the first match
// wins, so the more specific phrases come first.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kHints{{
    {"front matter",
     "Fix the front matter's syntax between its opening and closing --- (or +++) lines."},
    {"is in the future", "Correct the date, or remove it if it is a plan rather than a fact."},
    {"is not a date",
     "Write the date as YYYY-MM-DD (or with a time: 2025-12-04T10:30:00+01:00)."},
    {"is not a known class",
     "Use one of the decay classes the message lists, or a duration such as 90d."},
    {"is not a duration", "Write the duration as 90d, 2w, 6 months, 1y or P3M."},
    {"invalid UTF-8", "Re-save the note as UTF-8."},
    {"binary file", "Move the file out of the vault or exclude it in [vault] exclude."},
    {"larger than", "Split the note, or raise [vault] max_file_bytes, or exclude it."},
    {"cannot read", "Fix the file's permissions, or exclude it in [vault] exclude."},
}};

constexpr std::string_view kGenericHint =
    "Fix the value the message names, then run `freshctl recheck NOTE`.";

}  // namespace

std::string problem_hint(std::string_view message) {
  for (const auto& [phrase, hint] : kHints)
    if (message.find(phrase) != std::string_view::npos) return std::string(hint);
  return std::string(kGenericHint);
}

}  // namespace freshd
