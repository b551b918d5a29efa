// Fuzzes metadata extraction from a whole note.
// Input: "PATH\0TEXT" (a vault-relative path, a NUL, the note's bytes), or just TEXT for
// a note at "note.md". Invariants: nothing crashes; every problem has a message; lines
// are within the note; no date later than the day after `now` (anywhere on Earth) is kept;
// the store's text of the metadata reads back (metadata_from_json_text) as the reference
// reading through nlohmann's tree does (tests/store/metadata_reference.h), and writes again
// byte for byte.
#include "tests/fuzz/fuzz_options.h"

#include "model/metadata_extractor.h"
#include "model/store/metadata_codec.h"
#include "tests/store/metadata_reference.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using freshd::fuzz::require;

const freshd::Seconds kNow = date::sys_days{date::year{2026} / 4 / 20} + std::chrono::hours{12};
// Tomorrow where it is already latest (UTC+14) on `kNow`.
const freshd::Days kLatestDay = date::sys_days{date::year{2026} / 4 / 22};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view path = "note.md";
  std::string_view text = input;
  if (const auto nul = input.find('\0'); nul != std::string_view::npos && nul < 256) {
    path = input.substr(0, nul);
    text = input.substr(nul + 1);
  }
  freshd::ExtractOptions options;
  options.dates = freshd::fuzz::date_options(size);
  options.now = kNow;
  const freshd::NoteMetadata metadata = freshd::extract_metadata(path, text, options);
  // At most this many lines, whatever counts as a line end (LF, CRLF, a lone CR).
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n') +
                                         std::count(text.begin(), text.end(), '\r'));
  for (const auto& problem : metadata.problems) {
    require(!problem.message.empty());
    require(problem.line >= 0 && problem.line <= lines);
  }
  for (const auto* fact : {&metadata.published, &metadata.validated, &metadata.edited}) {
    if (!*fact) continue;
    require((*fact)->provenance.line >= 0 && (*fact)->provenance.line <= lines);
    require((*fact)->date.day <= kLatestDay);  // later dates are problems, not facts
  }
  // Bytes that are not UTF-8 are stored as U+FFFD, so the read-back value is compared with
  // nlohmann's reading of the same text, not with `metadata`.
  const std::string stored = freshd::metadata_to_json_text(metadata);
  const auto decoded = freshd::metadata_from_json_text(stored);
  require(decoded.ok());
  const auto by_nlohmann = freshd::test::metadata_from_json(nlohmann::json::parse(stored));
  require(by_nlohmann.ok() && *by_nlohmann == *decoded);
  require(freshd::metadata_to_json_text(*decoded) == stored);
  return 0;
}
