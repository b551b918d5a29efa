#include "model/metadata_extractor.h"

#include "model/front_matter.h"
#include "model/line_fields.h"
#include "model/note_text.h"

#include <algorithm>
#include <set>

namespace freshd {
namespace {

// A key and its value from any source, in one shape so precedence is a matter of order.
struct Field {
  std::string key;
  std::string value;
  std::vector<std::string> items;  // set only for lists in front matter
  bool is_list = false;
  int line = 0;
  SourceKind kind = SourceKind::plain_field;
};

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

// Fields in order of precedence: front matter, then inline fields, then plain fields; each
// source in line order. Empty values say nothing and are left out.
std::vector<Field> collect_fields(const FrontMatter& front_matter,
                                  const std::vector<std::string_view>& lines,
                                  const ExtractOptions& options) {
  std::vector<Field> fields;
  const SourceKind front_kind = front_matter.format == FrontMatterFormat::toml
                                    ? SourceKind::toml_front_matter
                                    : SourceKind::yaml_front_matter;
  for (const auto& entry : front_matter.entries)
    if (!entry.value.empty())
      fields.push_back({entry.key, entry.value, entry.items, entry.is_list, entry.line,
                        front_kind});
  const std::size_t body = front_matter.body_begin;
  for (auto& field : find_inline_fields(lines, body))
    fields.push_back({field.key, field.value, {}, false, field.line, SourceKind::inline_field});
  const auto plain_lines = static_cast<std::size_t>(std::max(0, options.plain_field_lines));
  for (auto& field : find_plain_fields(lines, body, plain_lines, options.keys))
    fields.push_back({field.key, field.value, {}, false, field.line, SourceKind::plain_field});
  return fields;
}

Provenance provenance_of(const Field& field) {
  return {field.kind, field.key, field.line, field.value};
}

// How a problem names the value it is about.
std::string label_of(const Provenance& provenance) {
  if (!provenance.key.empty()) return provenance.key;
  return provenance.kind == SourceKind::file_name ? "file name date" : "text date";
}

// Reads dates and reports the ones that cannot be used.
class DateReader {
 public:
  DateReader(const ExtractOptions& options, std::vector<MetadataProblem>& problems)
      : options_(options), problems_(problems), latest_day_(today(options) + date::days{1}) {}

  std::optional<DatedFact> read(Provenance provenance) {
    const auto parsed = parse_date(provenance.raw, options_.dates);
    return check(parsed, std::move(provenance));
  }

  // A value already parsed (dates found in text and file names).
  std::optional<DatedFact> check(const Result<DateValue>& parsed, Provenance provenance) {
    if (!parsed) {
      report(provenance, label_of(provenance) + " '" + provenance.raw +
                             "' is not a date: " + parsed.error().message);
      return std::nullopt;
    }
    if (parsed->day > latest_day_) {
      report(provenance, label_of(provenance) + " " + format_day(parsed->day) +
                             " is in the future; fix the date or remove it");
      return std::nullopt;
    }
    return DatedFact{*parsed, std::move(provenance)};
  }

 private:
  static Days today(const ExtractOptions& options) {
    if (options.dates.zone == nullptr) return date::floor<date::days>(options.now);
    const auto local = options.dates.zone->to_local(options.now);
    return Days{date::floor<date::days>(local).time_since_epoch()};
  }

  void report(const Provenance& provenance, std::string message) {
    problems_.push_back({provenance.line, provenance.key, std::move(message)});
  }

  const ExtractOptions& options_;
  std::vector<MetadataProblem>& problems_;
  Days latest_day_;
};

bool later(const DatedFact& a, const DatedFact& b) {
  if (a.date.day != b.date.day) return a.date.day > b.date.day;
  return a.date.instant > b.date.instant;
}

// Every field of the fact is read, so each bad value is reported; the first usable one
// wins, or with `latest` (validations) the latest usable one.
std::optional<DatedFact> dated_fact(const std::vector<Field>& fields,
                                    const std::vector<std::string>& aliases, bool latest,
                                    DateReader& reader) {
  std::optional<DatedFact> chosen;
  for (const auto& field : fields) {
    if (!key_matches(field.key, aliases)) continue;
    auto fact = reader.read(provenance_of(field));
    if (fact && (!chosen || (latest && later(*fact, *chosen)))) chosen = std::move(fact);
  }
  return chosen;
}

std::optional<TextFact> text_fact(const std::vector<Field>& fields,
                                  const std::vector<std::string>& aliases) {
  for (const auto& field : fields)
    if (key_matches(field.key, aliases)) return TextFact{field.value, provenance_of(field)};
  return std::nullopt;
}

void add_tag(std::string_view tag, std::vector<std::string>& tags) {
  tag = trim(tag);
  while (tag.starts_with('#')) tag.remove_prefix(1);
  if (tag.empty() || std::find(tags.begin(), tags.end(), tag) != tags.end()) return;
  tags.emplace_back(tag);
}

// Tags are a set: every tag field adds to it. A single string holds tags separated by
// commas or blanks ("ai, scaling", "#ai #scaling"); a list holds one tag per item.
std::vector<std::string> collect_tags(const std::vector<Field>& fields,
                                      const std::vector<std::string>& aliases) {
  std::vector<std::string> tags;
  for (const auto& field : fields) {
    if (!key_matches(field.key, aliases)) continue;
    if (field.is_list) {
      for (const auto& item : field.items) add_tag(item, tags);
      continue;
    }
    std::string_view rest = field.value;
    while (!rest.empty()) {
      const auto end = rest.find_first_of(", \t");
      add_tag(rest.substr(0, end), tags);
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
  }
  return tags;
}

std::optional<TextFact> heading_title(const std::vector<std::string_view>& lines,
                                      std::size_t body) {
  bool in_code = false;
  for (std::size_t i = body; i < lines.size(); ++i) {
    if (is_code_fence(lines[i])) in_code = !in_code;
    if (in_code || !lines[i].starts_with("# ")) continue;
    std::string_view title = trim(lines[i].substr(2));
    // A closing sequence of '#' is decoration (CommonMark ATX headings).
    const auto closing = title.find_last_not_of('#');
    if (closing != std::string_view::npos && closing + 1 < title.size() &&
        (title[closing] == ' ' || title[closing] == '\t'))
      title = trim(title.substr(0, closing));
    if (title.empty()) continue;
    return TextFact{std::string(title),
                    {SourceKind::text_line, "", static_cast<int>(i) + 1, std::string(lines[i])}};
  }
  return std::nullopt;
}

// Publication written in prose near the top ("Published December 4, 2025"). Lines holding
// fields are not prose: their dates belong to their keys.
std::optional<DatedFact> text_line_date(const std::vector<std::string_view>& lines,
                                        std::size_t body, const std::set<int>& field_lines,
                                        const ExtractOptions& options, DateReader& reader) {
  const auto count = static_cast<std::size_t>(std::max(0, options.text_date_lines));
  const std::size_t end = std::min(lines.size(), body + count);
  bool in_code = false;
  for (std::size_t i = body; i < end; ++i) {
    const int number = static_cast<int>(i) + 1;
    if (is_code_fence(lines[i])) {
      in_code = !in_code;
      continue;
    }
    if (in_code) continue;
    if (field_lines.contains(number) || is_field_line(lines[i])) continue;
    auto found = find_date_in_text(lines[i], options.dates);
    if (!found) continue;
    if (auto fact = reader.check(found->value, {SourceKind::text_line, "", number, found->raw}))
      return fact;
  }
  return std::nullopt;
}

std::optional<DatedFact> file_name_date(std::string_view path, const ExtractOptions& options,
                                        DateReader& reader) {
  const auto slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto found = find_date_in_file_name(name, options.dates);
  if (!found) return std::nullopt;
  return reader.check(found->value, {SourceKind::file_name, "", 0, std::string(name)});
}

void extract_from_lines(std::string_view path, const std::vector<std::string_view>& lines,
                        const ExtractOptions& options, NoteMetadata& meta) {
  const FrontMatter front_matter = read_front_matter(lines);
  meta.problems.insert(meta.problems.end(), front_matter.problems.begin(),
                       front_matter.problems.end());
  const std::vector<Field> fields = collect_fields(front_matter, lines, options);
  const KeyAliases& keys = options.keys;
  DateReader reader(options, meta.problems);

  meta.published = dated_fact(fields, keys.published, false, reader);
  meta.validated = dated_fact(fields, keys.validated, true, reader);
  meta.edited = dated_fact(fields, keys.edited, false, reader);
  meta.decay = text_fact(fields, keys.decay);
  meta.owner = text_fact(fields, keys.owner);
  meta.tags = collect_tags(fields, keys.tags);
  meta.title = text_fact(fields, keys.title);
  if (!meta.title) meta.title = heading_title(lines, front_matter.body_begin);

  if (!meta.published) {
    std::set<int> field_lines;
    for (const auto& field : fields) field_lines.insert(field.line);
    meta.published =
        text_line_date(lines, front_matter.body_begin, field_lines, options, reader);
  }
  if (!meta.published) meta.published = file_name_date(path, options, reader);
}

}  // namespace

NoteMetadata extract_metadata(std::string_view path, std::string_view text,
                              const ExtractOptions& options) {
  NoteMetadata meta;
  if (looks_binary(text)) {
    meta.problems.push_back({0, "", "binary file, not a note"});
    return meta;
  }
  text = strip_bom(text);
  std::string repaired;
  const std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    meta.problems.push_back(
        {line_of_offset(text, bad), "",
         "invalid UTF-8 (bad bytes are read as U+FFFD); save the note as UTF-8"});
    repaired = replace_invalid_utf8(text);
    text = repaired;
  }
  extract_from_lines(path, split_lines(text), options, meta);
  std::stable_sort(meta.problems.begin(), meta.problems.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return meta;
}

}  // namespace freshd
