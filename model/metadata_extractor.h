// Reading a note's metadata out of its text and file name. Pure: text in, values out.
#pragma once

#include "model/date_parser.h"
#include "model/key_aliases.h"
#include "model/note_metadata.h"

#include <string_view>

namespace freshd {

struct ExtractOptions {
  KeyAliases keys;
  DateParseOptions dates;  // zone and numeric order
  Seconds now{};           // dates after now (by more than a day) are problems
  // Plain "key: value" lines are looked for in this many first lines of the body (after
  // the front matter, if any). Default: 10.
  int plain_field_lines = 10;
  // Dates in prose are looked for in this many first lines of the body. Default: 10.
  int text_date_lines = 10;
};

// Extracts every fact of a note. `path` is relative to the vault (used for the file-name
// date and in messages); `text` is the whole file. Sources, in order of precedence for
// each fact: front matter (YAML --- or TOML +++), inline fields, plain fields near the
// top, a date in the first lines of text (publication only), the file name (publication
// only). Handles CRLF and a UTF-8 BOM. Never fails: whatever cannot be used becomes a
// MetadataProblem (binary content, invalid UTF-8, broken front matter, bad or future dates).
NoteMetadata extract_metadata(std::string_view path, std::string_view text,
                              const ExtractOptions& options);

}  // namespace freshd
