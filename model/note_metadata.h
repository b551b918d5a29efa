// What freshd learns from one note's text and name, each value with its provenance.
#pragma once

#include "model/date_value.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace freshd {

// Where a value came from. Reports and `freshctl show` print it, so a user can see why
// freshd believes a date and fix the note.
enum class SourceKind {
  yaml_front_matter,  // key in --- YAML --- front matter
  toml_front_matter,  // key in +++ TOML +++ front matter
  inline_field,       // Dataview "key:: value" or "[key:: value]"
  plain_field,        // "key: value" on a plain line near the top
  text_line,          // a date written in the text ("Published December 4, 2025")
  file_name,          // a date in the file name ("2024-05-01-launch.md")
  first_seen,         // the first time freshd saw the file (no date of the note's own)
  command,            // recorded by `freshctl validate`
  config_rule,        // a rule of the configuration ([[decay.rules]], [[owners.rules]])
  config_default,     // the configured default
};

std::string_view to_string(SourceKind kind);
std::optional<SourceKind> source_kind_from_string(std::string_view text);

struct Provenance {
  SourceKind kind = SourceKind::first_seen;
  std::string key;  // the key as written ("last_validated"), or "" for text and file names
  int line = 0;     // 1-based line in the note; 0 when not from a line
  std::string raw;  // the text as written

  friend bool operator==(const Provenance&, const Provenance&) = default;
};

struct DatedFact {
  DateValue date;
  Provenance provenance;

  friend bool operator==(const DatedFact&, const DatedFact&) = default;
};

struct TextFact {
  std::string value;
  Provenance provenance;

  friend bool operator==(const TextFact&, const TextFact&) = default;
};

// A value that could not be used: an unparsable or future date, an unknown decay class,
// broken front matter. Always reported, never guessed. The file is the note's path.
struct MetadataProblem {
  int line = 0;     // 1-based; 0 when the problem is about the whole file
  std::string key;  // the key involved, or ""
  std::string message;

  friend bool operator==(const MetadataProblem&, const MetadataProblem&) = default;
};

struct NoteMetadata {
  std::optional<TextFact> title;
  std::optional<DatedFact> published;
  std::optional<DatedFact> validated;  // the latest validation written in the note
  std::optional<DatedFact> edited;     // lastmod/updated: recorded, never a validation
  std::optional<TextFact> decay;       // decay class or duration, as written
  std::optional<TextFact> owner;
  std::vector<std::string> tags;
  std::vector<MetadataProblem> problems;

  friend bool operator==(const NoteMetadata&, const NoteMetadata&) = default;
};

}  // namespace freshd
