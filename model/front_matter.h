// Front matter: the YAML (---) or TOML (+++) block at the very top of a note, read with
// libyaml and toml++ into a flat list of top-level keys with their values as text.
#pragma once

#include "model/note_metadata.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace freshd {

enum class FrontMatterFormat { none, yaml, toml };

// One top-level key of a front matter. Nested tables and mappings are not facts freshd
// reads and are left out; so are keys without a value.
struct FrontMatterEntry {
  std::string key;                 // as written
  std::string value;               // the value as text; a list's items joined with ", "
  std::vector<std::string> items;  // a list's items (scalars only); empty for a scalar
  bool is_list = false;
  int line = 0;  // 1-based line of the key in the note

  friend bool operator==(const FrontMatterEntry&, const FrontMatterEntry&) = default;
};

struct FrontMatter {
  FrontMatterFormat format = FrontMatterFormat::none;
  // Index (0-based, into the lines given) of the first line after the front matter; 0 when
  // there is none or it is not terminated, so the whole note is body.
  std::size_t body_begin = 0;
  std::vector<FrontMatterEntry> entries;
  // Unterminated, too large or unparsable front matter: one problem naming the line and
  // the parser's message. `entries` is then empty.
  std::vector<MetadataProblem> problems;
};

// Front matter larger than this is reported and not parsed, so a hostile note cannot make
// the YAML or TOML parser allocate without bound.
inline constexpr std::size_t kMaxFrontMatterBytes = 256 * 1024;

// Reads the front matter at the top of a note. `lines` are the note's lines without line
// ends and without a byte order mark (see note_text.h). Never throws.
FrontMatter read_front_matter(const std::vector<std::string_view>& lines);

}  // namespace freshd
