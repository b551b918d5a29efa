// Where a field's value is written on its line, so that it can be replaced without touching
// any other byte: the key, quotes, blanks and comments around it stay. Internal to model/
// (used by validation_writer). Errors say what is in the way, without the file and line,
// which the caller adds.
#pragma once

#include "model/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace freshd {

// The bytes [begin, begin + length) of a line hold the value (inside its quotes, if any). A
// replacement is written as prefix + new value + suffix, which keeps an empty value's key
// and a following comment apart ("key:" becomes "key: 2026-11-20").
struct ValueSpan {
  std::size_t begin = 0;
  std::size_t length = 0;
  std::string prefix;
  std::string suffix;

  friend bool operator==(const ValueSpan&, const ValueSpan&) = default;
};

// The key of a YAML "key: value" line (quotes removed) and the offset just past its colon;
// nullopt for lines that are not a key (comments, list items, blank lines).
struct YamlKey {
  std::string key;
  std::size_t indent = 0;
  std::size_t after_colon = 0;
};
std::optional<YamlKey> yaml_key_of_line(std::string_view line);

// The value of top-level `key` in a YAML front matter line. `raw` is the scalar as the YAML
// parser read it ("" when unknown), checked against the line; `next_lines` are the front
// matter's lines after this one, which must not continue the value. Errors: block scalars,
// values on the following lines, quoted strings left open, lists, mappings, anchors, aliases
// and tags.
Result<ValueSpan> yaml_value_span(std::string_view line, std::string_view key,
                                  std::string_view raw,
                                  const std::vector<std::string_view>& next_lines);

// The value of top-level `key` in a TOML "key = value" line. Errors: multi-line strings,
// arrays, inline tables.
Result<ValueSpan> toml_value_span(std::string_view line, std::string_view key);

// The value `raw` of a field written "key<separator> value" in a line: separator "::" for
// Dataview inline fields (also "**key**:: value", "[key:: value]"), ":" for plain fields.
Result<ValueSpan> line_field_value_span(std::string_view line, std::string_view key,
                                        std::string_view raw, std::string_view separator);

}  // namespace freshd
