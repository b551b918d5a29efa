// Fields written on the lines of a note's body: Dataview inline fields ("key:: value",
// "[key:: value]", "(key:: value)") and plain "key: value" lines near the top.
#pragma once

#include "model/key_aliases.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace freshd {

struct LineField {
  std::string key;    // as written
  std::string value;  // trimmed
  int line = 0;       // 1-based line in the note

  friend bool operator==(const LineField&, const LineField&) = default;
};

// Dataview inline fields in lines[begin..]: "key:: value" as the whole line (also as a list
// item or with a **bold** key) and "[key:: value]" / "(key:: value)" anywhere in a line,
// brackets nested in the value included ("[reviewed:: [[2026-04-18]]]"). Any key counts;
// fenced code blocks are skipped. `lines` are the note's lines; line numbers are index + 1.
std::vector<LineField> find_inline_fields(const std::vector<std::string_view>& lines,
                                          std::size_t begin);

// Plain "key: value" fields in lines[begin, begin + count): only lines that start with a
// key known to `keys` count, and a value runs until the next known "key:" on the same line,
// so "last_validated: 2026-04-06 decay_rate: slow" holds two fields.
std::vector<LineField> find_plain_fields(const std::vector<std::string_view>& lines,
                                         std::size_t begin, std::size_t count,
                                         const KeyAliases& keys);

// True when a line holds a field of any key rather than prose: an inline field, or a
// line that starts with "word:" followed by a blank or the end of the line.
bool is_field_line(std::string_view line);

// True for a line that opens or closes a fenced code block (``` or ~~~).
bool is_code_fence(std::string_view line);

}  // namespace freshd
