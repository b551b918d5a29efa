#include "model/validation_writer.h"

#include "model/front_matter.h"
#include "model/line_fields.h"
#include "model/note_text.h"
#include "model/value_span.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace freshd {
namespace {

// A line as stored: where it starts in the whole text, its bytes, and its line end.
struct StoredLine {
  std::size_t begin = 0;
  std::string_view text;
  std::string_view end;  // "\n", "\r\n" or "" (the last line without a final newline)
};

// The note as the writer sees it: stored lines to edit, and the lines as the extractor
// reads them (invalid UTF-8 repaired), which have the same numbers.
// `read` may point into `repaired`, so a Note stays where it was built.
struct Note {
  Note(std::string_view path, std::string_view text);
  Note(const Note&) = delete;
  Note& operator=(const Note&) = delete;

  std::string_view path;
  std::size_t body_offset = 0;  // past the BOM
  std::vector<StoredLine> stored;
  std::string repaired;
  std::vector<std::string_view> read;
  FrontMatter front_matter;
};

// One change of the text: bytes [begin, begin + length) become `insert`.
struct Edit {
  std::size_t begin = 0;
  std::size_t length = 0;
  std::string insert;
  int line = 0;
  std::string description;
};

std::vector<StoredLine> stored_lines(std::string_view text, std::size_t offset) {
  std::vector<StoredLine> lines;
  while (offset < text.size()) {
    const std::size_t newline = text.find('\n', offset);
    const std::size_t stop = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = text.substr(offset, stop - offset);
    std::size_t end_size = newline == std::string_view::npos ? 0 : 1;
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
      ++end_size;
    }
    lines.push_back({offset, line, text.substr(offset + line.size(), end_size)});
    offset = stop + (newline == std::string_view::npos ? 0 : 1);
  }
  return lines;
}

Note::Note(std::string_view path, std::string_view text)
    : path(path),
      body_offset(text.size() - strip_bom(text).size()),
      stored(stored_lines(text, body_offset)) {
  const std::string_view body = text.substr(body_offset);
  if (find_invalid_utf8(body) != std::string_view::npos) repaired = replace_invalid_utf8(body);
  read = split_lines(repaired.empty() ? body : std::string_view(repaired));
  front_matter = read_front_matter(read);
}

std::string where(const Note& note, int line) {
  return std::string(note.path) + (line > 0 ? ":" + std::to_string(line) : "") + ": ";
}

std::string_view kind_label(SourceKind kind) {
  switch (kind) {
    case SourceKind::yaml_front_matter: return "YAML front matter";
    case SourceKind::toml_front_matter: return "TOML front matter";
    case SourceKind::inline_field: return "inline field";
    default: return "plain field";
  }
}

bool is_line_field(SourceKind kind) {
  return kind == SourceKind::yaml_front_matter || kind == SourceKind::toml_front_matter ||
         kind == SourceKind::inline_field || kind == SourceKind::plain_field;
}

// Top-level YAML key lines of the front matter, values or not: an empty "last_validated:"
// is not an entry of the parser, yet adding a second one would duplicate the key.
std::optional<Provenance> yaml_key_line(const Note& note, const KeyAliases& keys) {
  const auto& fm = note.front_matter;
  const std::size_t indent =
      fm.entries.empty()
          ? 0
          : yaml_key_of_line(note.read[static_cast<std::size_t>(fm.entries.front().line - 1)])
                .value_or(YamlKey{})
                .indent;
  for (std::size_t i = 1; i + 1 < fm.body_begin; ++i) {
    const auto key = yaml_key_of_line(note.read[i]);
    if (key && key->indent == indent && key_matches(key->key, keys.validated))
      return Provenance{SourceKind::yaml_front_matter, key->key, static_cast<int>(i) + 1, ""};
  }
  return std::nullopt;
}

// The validation field to overwrite: the one the extractor believes, else the first field
// of a validation key at all (its value unusable), in the extractor's order of precedence.
std::optional<Provenance> validation_field(const Note& note, const NoteMetadata& meta,
                                           const ExtractOptions& options) {
  if (meta.validated && is_line_field(meta.validated->provenance.kind))
    return meta.validated->provenance;
  const auto& keys = options.keys.validated;
  const auto& fm = note.front_matter;
  const SourceKind fm_kind = fm.format == FrontMatterFormat::toml ? SourceKind::toml_front_matter
                                                                  : SourceKind::yaml_front_matter;
  for (const auto& entry : fm.entries)
    if (key_matches(entry.key, keys)) return Provenance{fm_kind, entry.key, entry.line, entry.value};
  if (fm.format == FrontMatterFormat::yaml)
    if (auto line = yaml_key_line(note, options.keys)) return line;
  for (const auto& field : find_inline_fields(note.read, fm.body_begin))
    if (key_matches(field.key, keys))
      return Provenance{SourceKind::inline_field, field.key, field.line, field.value};
  const auto count = static_cast<std::size_t>(std::max(0, options.plain_field_lines));
  for (const auto& field : find_plain_fields(note.read, fm.body_begin, count, options.keys))
    if (key_matches(field.key, keys))
      return Provenance{SourceKind::plain_field, field.key, field.line, field.value};
  return std::nullopt;
}

Result<ValueSpan> value_span(const Note& note, const Provenance& field) {
  const auto index = static_cast<std::size_t>(field.line - 1);
  const std::string_view line = note.stored[index].text;
  switch (field.kind) {
    case SourceKind::yaml_front_matter: {
      const auto first = note.read.begin() + static_cast<long>(index) + 1;
      const auto last = note.read.begin() + static_cast<long>(note.front_matter.body_begin) - 1;
      return yaml_value_span(line, field.key, field.raw, {first, std::max(first, last)});
    }
    case SourceKind::toml_front_matter:
      return toml_value_span(line, field.key);
    case SourceKind::inline_field:
      return line_field_value_span(line, field.key, field.raw, "::");
    default:
      return line_field_value_span(line, field.key, field.raw, ":");
  }
}

Result<Edit> replace_value(const Note& note, const Provenance& field, Days day) {
  const auto index = static_cast<std::size_t>(field.line - 1);
  if (field.line < 1 || index >= note.stored.size())
    return Error{where(note, field.line) + "no such line for '" + field.key + "'"};
  if (note.stored[index].text != note.read[index])
    return Error{where(note, field.line) +
                 "the line holds invalid UTF-8; save the note as UTF-8 first"};
  auto span = value_span(note, field);
  if (!span) return Error{where(note, field.line) + span.error().message};
  std::string_view value = note.stored[index].text.substr(span->begin, span->length);
  // An Obsidian link to a daily note stays a link.
  if (value.size() > 4 && value.starts_with("[[") && value.ends_with("]]")) {
    span->begin += 2;
    span->length -= 4;
  }
  return Edit{note.stored[index].begin + span->begin, span->length,
              span->prefix + format_day(day) + span->suffix, field.line,
              "updated " + field.key + " on line " + std::to_string(field.line) + " (" +
                  std::string(kind_label(field.kind)) + ")"};
}

std::string_view new_line_end(const Note& note) {
  if (note.stored.empty() || note.stored.front().end.empty()) return "\n";
  return note.stored.front().end;
}

std::string key_to_write(const ExtractOptions& options) {
  return options.keys.validated.empty() ? "last_validated" : options.keys.validated.front();
}

// Where a new top-level TOML key goes: before the first [table] header, since a key after
// one belongs to that table.
std::size_t toml_insert_index(const Note& note) {
  const std::size_t closing = note.front_matter.body_begin - 1;
  for (std::size_t i = 1; i < closing; ++i) {
    const std::string_view line = note.read[i];
    const std::size_t text = line.find_first_not_of(" \t");
    if (text != std::string_view::npos && line[text] == '[' &&
        line.find_first_of(",=", text) == std::string_view::npos)
      return i;
  }
  return closing;
}

Edit add_to_front_matter(const Note& note, Days day, const ExtractOptions& options) {
  const auto& fm = note.front_matter;
  const bool toml = fm.format == FrontMatterFormat::toml;
  std::string indent;
  if (!toml && !fm.entries.empty()) {
    const std::string_view first = note.read[static_cast<std::size_t>(fm.entries.front().line - 1)];
    indent = first.substr(0, first.find_first_not_of(" \t"));
  }
  const std::size_t index = toml ? toml_insert_index(note) : fm.body_begin - 1;
  const std::string key = key_to_write(options);
  const std::string line =
      indent + key + (toml ? " = " : ": ") + format_day(day) + std::string(new_line_end(note));
  const int number = static_cast<int>(index) + 1;
  return Edit{note.stored[index].begin, 0, line, number,
              "added " + key + " to the " + (toml ? "TOML" : "YAML") + " front matter (line " +
                  std::to_string(number) + ")"};
}

Edit create_front_matter(const Note& note, Days day, const ExtractOptions& options) {
  const std::string end(new_line_end(note));
  const std::string key = key_to_write(options);
  return Edit{note.body_offset, 0, "---" + end + key + ": " + format_day(day) + end + "---" + end,
              2, "created a front matter with " + key};
}

Result<Edit> plan_edit(const Note& note, const NoteMetadata& before, Days day,
                       const ExtractOptions& options) {
  if (const auto field = validation_field(note, before, options))
    return replace_value(note, *field, day);
  if (note.front_matter.format != FrontMatterFormat::none)
    return add_to_front_matter(note, day, options);
  return create_front_matter(note, day, options);
}

// Problems of `after` that `before` did not have; line numbers may have moved.
std::vector<MetadataProblem> new_problems(const NoteMetadata& before, const NoteMetadata& after) {
  std::vector<MetadataProblem> old = before.problems;
  std::vector<MetadataProblem> added;
  for (const auto& problem : after.problems) {
    const auto same = std::find_if(old.begin(), old.end(), [&](const MetadataProblem& p) {
      return p.key == problem.key && p.message == problem.message;
    });
    if (same == old.end())
      added.push_back(problem);
    else
      old.erase(same);
  }
  return added;
}

// Reading the new text back is the proof that the write did what the user asked.
Status check_written(const Note& note, const NoteMetadata& before, const ValidationWrite& write,
                     Days day, const ExtractOptions& options) {
  const NoteMetadata after = extract_metadata(note.path, write.text, options);
  const auto added = new_problems(before, after);
  if (!added.empty())
    return Error{where(note, added.front().line) + "writing " + format_day(day) +
                 " would leave a problem: " + added.front().message};
  const auto& validated = after.validated;
  if (validated && validated->date.day > day)
    return Error{where(note, validated->provenance.line) + validated->provenance.key + " " +
                 format_day(validated->date.day) + " is later than " + format_day(day) +
                 ", so the note's validation would not change; remove or edit it by hand"};
  if (!validated || validated->date.day != day || validated->provenance.line != write.line)
    return Error{where(note, write.line) + "the written " + format_day(day) +
                 " does not read back as the note's validation; edit the note by hand"};
  return ok_status();
}

}  // namespace

Result<ValidationWrite> write_validation(std::string_view path, std::string_view text, Days day,
                                         const ExtractOptions& options) {
  if (looks_binary(text))
    return Error{std::string(path) + ": binary file, not a note; nothing to validate in it"};
  const Note note(path, text);
  if (!note.front_matter.problems.empty()) {
    const auto& problem = note.front_matter.problems.front();
    return Error{where(note, problem.line) + problem.message + " first, then validate again"};
  }
  const NoteMetadata before = extract_metadata(path, text, options);
  auto edit = plan_edit(note, before, day, options);
  if (!edit) return edit.error();
  ValidationWrite write{std::string(text), std::move(edit->description), edit->line};
  write.text.replace(edit->begin, edit->length, edit->insert);
  if (auto checked = check_written(note, before, write, day, options); !checked)
    return checked.error();
  return write;
}

}  // namespace freshd
