#include "model/front_matter.h"

#include <toml++/toml.h>
#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unordered_map>
#include <variant>

namespace freshd {
namespace {

constexpr std::string_view kFixIt = "; fix the front matter";

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

MetadataProblem front_matter_problem(int line, std::string message) {
  return {line, "", std::move(message) + std::string(kFixIt)};
}

FrontMatterFormat opening_format(std::string_view first_line) {
  // Trailing blanks after a delimiter are invisible in editors, so they are tolerated.
  const auto line = trim(first_line);
  if (line == "---" && first_line.starts_with("---")) return FrontMatterFormat::yaml;
  if (line == "+++" && first_line.starts_with("+++")) return FrontMatterFormat::toml;
  return FrontMatterFormat::none;
}

bool is_closing(std::string_view line, FrontMatterFormat format) {
  const auto text = trim(line);
  if (!line.starts_with(text)) return false;
  if (format == FrontMatterFormat::toml) return text == "+++";
  return text == "---" || text == "...";  // "..." ends a YAML document (Pandoc)
}

// ---- YAML ----------------------------------------------------------------------------
//
// libyaml's event parser, read event by event: the top-level mapping's keys with their
// scalar or list values, nothing else kept. Anchors are remembered by what an entry can use
// (a scalar's text, a list's scalar items), so an alias reads like the node it names;
// what aliases copy is capped, so a small front matter cannot expand into gigabytes.

// Lines of the front matter only, so YAML marks (0-based lines) index into them directly.
using BlockLines = std::vector<std::string_view>;

// Deeper nesting is refused, as a YAML parser that recurses would have to.
constexpr int kMaxYamlNesting = 499;
// What aliases may copy, in bytes, over one front matter.
constexpr std::size_t kMaxAliasBytes = kMaxFrontMatterBytes;

struct YamlError {
  int line;  // 0-based in the block
  std::string message;
  std::string context = {};  // what the parser was reading: "while parsing a flow sequence"
  int context_line = 0;      // where that began, 0-based in the block
};

// A node, as much of it as an entry needs.
struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  std::string text;                // scalar
  std::vector<std::string> items;  // sequence: its scalar items
  yaml_mark_t mark{};              // where the node (its anchor or tag, if any) starts
};

// A plain scalar with no tag that YAML reads as null: "", "~", "null", "Null", "NULL".
bool is_null(const yaml_event_t& event) {
  if (event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || event.data.scalar.tag) return false;
  const std::string_view text(reinterpret_cast<const char*>(event.data.scalar.value),
                              event.data.scalar.length);
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string_view anchor_of(const unsigned char* anchor) {
  return anchor ? std::string_view(reinterpret_cast<const char*>(anchor)) : std::string_view();
}

class YamlReader {
 public:
  explicit YamlReader(std::string_view text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~YamlReader() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  YamlReader(const YamlReader&) = delete;
  YamlReader& operator=(const YamlReader&) = delete;

  // The entries of the first document's top-level mapping; a YamlError when the document
  // is not YAML, or its root is not a mapping (line -1).
  std::variant<std::vector<FrontMatterEntry>, YamlError> entries(const BlockLines& block,
                                                                  int first_line) {
    std::vector<FrontMatterEntry> out;
    if (!next()) return error();  // STREAM-START
    if (!next()) return error();  // DOCUMENT-START, or STREAM-END when there is none
    if (event_.type == YAML_STREAM_END_EVENT) return out;
    if (!next()) return error();  // past DOCUMENT-START: the root
    if (event_.type != YAML_MAPPING_START_EVENT) {
      auto root = node(0);
      if (!root) return error();
      if (root->kind == YamlNode::Kind::null) return out;
      return YamlError{-1, "YAML front matter is not a list of 'key: value' lines"};
    }
    remember(anchor_of(event_.data.mapping_start.anchor),
             YamlNode{YamlNode::Kind::mapping, {}, {}, event_.start_mark});
    for (;;) {
      if (!next()) return error();
      if (event_.type == YAML_MAPPING_END_EVENT) break;
      auto key = node(1);
      if (!key) return error();
      if (!next()) return error();
      auto value = node(1);
      if (!value) return error();
      if (key->kind != YamlNode::Kind::scalar) continue;
      if (auto entry = make_entry(std::move(*key), std::move(*value), block, first_line))
        out.push_back(std::move(*entry));
    }
    return out;
  }

 private:
  // Reads the next event into event_; false on a parse error (failure_ says why).
  bool next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    if (!has_event_ && !failure_) {
      // libyaml's own words, with the marks of the problem and of what it was reading.
      failure_ = YamlError{static_cast<int>(parser_.problem_mark.line),
                           parser_.problem ? parser_.problem : "unreadable YAML",
                           parser_.context ? parser_.context : "",
                           static_cast<int>(parser_.context_mark.line)};
    }
    return has_event_;
  }

  YamlError error() const { return failure_.value_or(YamlError{0, "unreadable YAML"}); }

  // The node that starts at the current event, read to its last event; nullopt on a parse
  // error, nesting deeper than kMaxYamlNesting, an unknown alias or aliases copying too much.
  std::optional<YamlNode> node(int depth) {
    if (depth > kMaxYamlNesting) {
      return fail(event_.start_mark, "nested more than " + std::to_string(kMaxYamlNesting) +
                                         " levels deep");
    }
    YamlNode out;
    out.mark = event_.start_mark;
    switch (event_.type) {
      case YAML_SCALAR_EVENT:
        if (!is_null(event_)) {
          out.kind = YamlNode::Kind::scalar;
          out.text.assign(reinterpret_cast<const char*>(event_.data.scalar.value),
                          event_.data.scalar.length);
        }
        return remember(anchor_of(event_.data.scalar.anchor), std::move(out));
      case YAML_ALIAS_EVENT:
        return resolve(anchor_of(event_.data.alias.anchor));
      case YAML_SEQUENCE_START_EVENT: {
        const std::string anchor(anchor_of(event_.data.sequence_start.anchor));
        out.kind = YamlNode::Kind::sequence;
        for (;;) {
          if (!next()) return std::nullopt;
          if (event_.type == YAML_SEQUENCE_END_EVENT) break;
          auto item = node(depth + 1);
          if (!item) return std::nullopt;
          if (item->kind == YamlNode::Kind::scalar) out.items.push_back(std::move(item->text));
        }
        return remember(anchor, std::move(out));
      }
      case YAML_MAPPING_START_EVENT: {
        const std::string anchor(anchor_of(event_.data.mapping_start.anchor));
        out.kind = YamlNode::Kind::mapping;
        for (;;) {
          if (!next()) return std::nullopt;
          if (event_.type == YAML_MAPPING_END_EVENT) break;
          if (!node(depth + 1)) return std::nullopt;  // a key, then its value
        }
        return remember(anchor, std::move(out));
      }
      default:
        return fail(event_.start_mark, "unexpected YAML event");
    }
  }

  std::optional<YamlNode> fail(const yaml_mark_t& mark, std::string message) {
    if (!failure_) failure_ = YamlError{static_cast<int>(mark.line), std::move(message)};
    return std::nullopt;
  }

  std::optional<YamlNode> remember(std::string_view anchor, YamlNode node) {
    if (!anchor.empty()) anchors_.insert_or_assign(std::string(anchor), node);
    return node;
  }

  std::optional<YamlNode> resolve(std::string_view anchor) {
    const auto it = anchors_.find(std::string(anchor));
    if (it == anchors_.end())
      return fail(event_.start_mark, "the alias *" + std::string(anchor) + " names no anchor");
    std::size_t bytes = it->second.text.size();
    for (const auto& item : it->second.items) bytes += item.size();
    alias_bytes_ += bytes;
    if (alias_bytes_ > kMaxAliasBytes) {
      return fail(event_.start_mark, "aliases copy more than " +
                                         std::to_string(kMaxAliasBytes / 1024) + " KiB");
    }
    return it->second;
  }

  static std::optional<FrontMatterEntry> make_entry(YamlNode key, YamlNode value,
                                                    const BlockLines& block, int first_line) {
    FrontMatterEntry entry{std::move(key.text), "", {}, false,
                           first_line + static_cast<int>(key.mark.line)};
    switch (value.kind) {
      case YamlNode::Kind::scalar:
        entry.value = std::move(value.text);
        return entry;
      case YamlNode::Kind::sequence:
        entry.is_list = true;
        entry.items = std::move(value.items);
        entry.value = join(entry.items);
        return entry;
      case YamlNode::Kind::mapping:
        // A flow mapping on the key's line is almost always an unfilled template such as
        // "date: {{date}}"; keeping its text lets the date parser say so.
        if (value.mark.line != key.mark.line || value.mark.line >= block.size()) break;
        entry.value = std::string(trim(from_column(block[value.mark.line], value.mark.column)));
        return entry;
      case YamlNode::Kind::null:
        break;
    }
    return std::nullopt;
  }

  // `line` from character `column` on (libyaml counts characters, not bytes).
  static std::string_view from_column(std::string_view line, std::size_t column) {
    std::size_t byte = 0;
    for (std::size_t chars = 0; byte < line.size() && chars < column; ++chars) {
      ++byte;
      while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80)
        ++byte;
    }
    return line.substr(byte);
  }

  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
  std::optional<YamlError> failure_;
  std::unordered_map<std::string, YamlNode> anchors_;
  std::size_t alias_bytes_ = 0;
};

void read_yaml(const std::string& text, const BlockLines& block, int first_line,
               FrontMatter& out) {
  YamlReader reader(text);
  auto read = reader.entries(block, first_line);
  if (auto* entries = std::get_if<std::vector<FrontMatterEntry>>(&read)) {
    out.entries = std::move(*entries);
    return;
  }
  const YamlError& error = std::get<YamlError>(read);
  if (error.line < 0) {
    out.problems.push_back(front_matter_problem(first_line - 1, error.message));
    return;
  }
  // "did not find expected ',' or ']' while parsing a flow sequence started on line 3":
  // the line that opened what is broken is often the one to fix.
  std::string message = "broken YAML front matter: " + error.message;
  if (!error.context.empty())
    message += " " + error.context + " started on line " +
               std::to_string(first_line + error.context_line);
  out.problems.push_back(front_matter_problem(first_line + error.line, std::move(message)));
}

// ---- TOML ----------------------------------------------------------------------------

std::string toml_date_text(const toml::date& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year),
                static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
  return buffer;
}

std::string toml_time_text(const toml::time& t) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02u:%02u:%02u", static_cast<unsigned>(t.hour),
                static_cast<unsigned>(t.minute), static_cast<unsigned>(t.second));
  std::string out = buffer;
  if (t.nanosecond != 0) {
    std::snprintf(buffer, sizeof buffer, ".%09u", static_cast<unsigned>(t.nanosecond));
    out += std::string_view(buffer).substr(0, std::string_view(buffer).find_last_not_of('0') + 1);
  }
  return out;
}

std::string toml_offset_text(const toml::time_offset& offset) {
  if (offset.minutes == 0) return "Z";
  const int minutes = offset.minutes < 0 ? -offset.minutes : offset.minutes;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset.minutes < 0 ? '-' : '+',
                minutes / 60, minutes % 60);
  return buffer;
}

// TOML's own date types become ISO 8601 text, which parse_date reads like any other
// value; a date-time without an offset stays local, so it follows the vault's zone.
std::optional<std::string> toml_scalar_text(const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* i = node.as_integer()) return std::to_string(i->get());
  if (const auto* f = node.as_floating_point()) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", f->get());
    return std::string(buffer);
  }
  if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
  if (const auto* d = node.as_date()) return toml_date_text(d->get());
  if (const auto* t = node.as_time()) return toml_time_text(t->get());
  if (const auto* dt = node.as_date_time()) {
    const auto& value = dt->get();
    std::string text = toml_date_text(value.date) + "T" + toml_time_text(value.time);
    if (value.offset) text += toml_offset_text(*value.offset);
    return text;
  }
  return std::nullopt;
}

std::optional<FrontMatterEntry> toml_entry(std::string_view key, const toml::node& node,
                                           int first_line) {
  FrontMatterEntry entry{std::string(key), "", {}, false,
                         first_line - 1 + static_cast<int>(node.source().begin.line)};
  if (const auto* array = node.as_array()) {
    entry.is_list = true;
    for (const auto& item : *array)
      if (auto text = toml_scalar_text(item)) entry.items.push_back(std::move(*text));
    entry.value = join(entry.items);
    return entry;
  }
  auto text = toml_scalar_text(node);
  if (!text) return std::nullopt;
  entry.value = std::move(*text);
  return entry;
}

void read_toml(const std::string& text, int first_line, FrontMatter& out) {
  try {
    const toml::table table = toml::parse(text);
    for (const auto& [key, node] : table)
      if (auto entry = toml_entry(key.str(), node, first_line))
        out.entries.push_back(std::move(*entry));
  } catch (const toml::parse_error& e) {
    const int line = first_line - 1 + static_cast<int>(e.source().begin.line);
    out.entries.clear();
    out.problems.push_back(
        front_matter_problem(line, "broken TOML front matter: " + std::string(e.description())));
  }
}

// ---- the block ---------------------------------------------------------------------

std::size_t find_closing(const std::vector<std::string_view>& lines, FrontMatterFormat format) {
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (is_closing(lines[i], format)) return i;
  return std::string_view::npos;
}

std::size_t block_bytes(const BlockLines& block) {
  std::size_t bytes = 0;
  for (const auto line : block) bytes += line.size() + 1;
  return bytes;
}

std::string join_lines(const BlockLines& block) {
  std::string text;
  text.reserve(block_bytes(block));
  for (const auto line : block) {
    text += line;
    text += '\n';
  }
  return text;
}

}  // namespace

FrontMatter read_front_matter(const std::vector<std::string_view>& lines) {
  FrontMatter out;
  if (lines.empty()) return out;
  out.format = opening_format(lines.front());
  if (out.format == FrontMatterFormat::none) return out;
  const std::string_view mark = out.format == FrontMatterFormat::yaml ? "---" : "+++";

  const std::size_t closing = find_closing(lines, out.format);
  if (closing == std::string_view::npos) {
    out.problems.push_back(front_matter_problem(
        1, "front matter opened by '" + std::string(mark) + "' is never closed (no '" +
               std::string(mark) + "' line follows)"));
    return out;
  }
  out.body_begin = closing + 1;
  const BlockLines block(lines.begin() + 1, lines.begin() + static_cast<long>(closing));
  if (block_bytes(block) > kMaxFrontMatterBytes) {
    out.problems.push_back(front_matter_problem(
        1, "front matter is larger than " + std::to_string(kMaxFrontMatterBytes / 1024) +
               " KiB and was not read"));
    return out;
  }
  constexpr int kFirstBlockLine = 2;  // the line after the opening delimiter
  const std::string text = join_lines(block);
  if (out.format == FrontMatterFormat::yaml)
    read_yaml(text, block, kFirstBlockLine, out);
  else
    read_toml(text, kFirstBlockLine, out);
  std::stable_sort(out.entries.begin(), out.entries.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return out;
}

}  // namespace freshd
