// Writing a validation day into a note's text (`freshctl validate`): one field set, no other
// byte changed. Pure: text in, text out; the caller reads and writes the file atomically.
#pragma once

#include "model/date_value.h"
#include "model/metadata_extractor.h"
#include "model/result.h"

#include <string>
#include <string_view>

namespace freshd {

struct ValidationWrite {
  std::string text;         // the note's new bytes
  std::string description;  // what changed, for the user: "updated last_validated on line 3
                            // (YAML front matter)" / "added last_validated to the YAML front
                            // matter (line 4)" / "created a front matter with last_validated"
  int line = 0;             // 1-based line of the field in the new text
};

// Sets the note's validation day to `day` in `text`, changing no other byte:
// - when the note already has a validation field (any of `options.keys.validated`, in YAML
//   front matter, TOML front matter, an inline field `key:: value` or `[key:: value]`, or a
//   plain `key: value` line near the top), the one extract_metadata reports as
//   metadata.validated (else the first such field, even one whose value is empty or not a
//   date) gets just its value text replaced: the key's spelling, the quoting ('...', "..." or
//   bare), the spacing, a comment after the value and an Obsidian link's brackets
//   ([[2026-11-20]]) stay; TOML gets a bare date (last_validated = 2026-11-20) unless the old
//   value was a quoted string;
// - else, with YAML front matter: a line `KEY: YYYY-MM-DD` becomes the last line of the front
//   matter (before the closing ---); with TOML front matter: `KEY = YYYY-MM-DD` before the
//   closing +++ (or before its first [table], where a key would no longer be top level);
//   KEY is the first of `options.keys.validated` (by default last_validated);
// - else: a minimal YAML front matter "---\nKEY: YYYY-MM-DD\n---\n" goes at the top (after a
//   UTF-8 BOM if there is one; with CRLF if the note's first line ends with CRLF).
// Line ends (of the line touched; of the note's first line for new lines), the BOM, the
// presence or absence of a final newline, key order and comments stay as they were.
// The result is read back with extract_metadata: its metadata.validated is `day` on `line`,
// with no problem the note did not have before.
// Errors, naming `path` and the line: the note is binary, its front matter is broken (fix it
// first), the field's value spans several lines (YAML block scalar, multi-line string), is a
// list or mapping, or cannot be found on its line as the parser read it; the line to edit
// holds invalid UTF-8; the written day would be in the future or would not become the note's
// validation (another validation field holds a later day). Never guesses.
Result<ValidationWrite> write_validation(std::string_view path, std::string_view text, Days day,
                                         const ExtractOptions& options);

}  // namespace freshd
