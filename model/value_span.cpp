#include "model/value_span.h"

namespace freshd {
namespace {

constexpr auto npos = std::string_view::npos;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-';
}

std::size_t skip_blanks(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_blank(text[pos])) ++pos;
  return pos;
}

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// `assign` is how the format writes a key's value: ": " in YAML, " = " in TOML.
std::string one_line_hint(std::string_view key, std::string_view assign = ": ") {
  return "; write it as one date on the key's line first (" + std::string(key) +
         std::string(assign) + "YYYY-MM-DD)";
}

Error several_lines(std::string_view key, std::string_view what,
                    std::string_view assign = ": ") {
  return Error{"the value of '" + std::string(key) + "' " + std::string(what) +
               one_line_hint(key, assign)};
}

Error not_found(std::string_view key, std::string_view raw) {
  return Error{"cannot find the value of '" + std::string(key) + "' ('" + std::string(raw) +
               "') on this line as it was read; edit the line by hand"};
}

// Offset of the quote that closes the string opened at `open`, or npos. A backslash escapes
// in double quotes (YAML and TOML); in YAML single quotes a doubled quote stands for one.
std::size_t closing_quote(std::string_view line, std::size_t open, bool doubled_escapes) {
  const char quote = line[open];
  for (std::size_t i = open + 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] != quote) continue;
    if (doubled_escapes && i + 1 < line.size() && line[i + 1] == quote) {
      ++i;
      continue;
    }
    return i;
  }
  return npos;
}

// The text a YAML parser reads from a quoted scalar's inside; nullopt when escapes make
// the comparison uncertain (double quotes with a backslash).
std::optional<std::string> yaml_unquoted(std::string_view inside, char quote) {
  if (quote == '"') {
    if (inside.find('\\') != npos) return std::nullopt;
    return std::string(inside);
  }
  std::string out;
  for (std::size_t i = 0; i < inside.size(); ++i) {
    out += inside[i];
    if (inside[i] == '\'' && i + 1 < inside.size() && inside[i + 1] == '\'') ++i;
  }
  return out;
}

// True when a following line belongs to the value of a key indented by `indent`: it is
// indented deeper, or is a list item at the key's own indentation (YAML allows both).
bool value_continues(const std::vector<std::string_view>& next_lines, std::size_t indent) {
  for (const auto line : next_lines) {
    const std::size_t text = skip_blanks(line, 0);
    if (text == line.size() || line[text] == '#') continue;
    if (text > indent) return true;
    const bool list_item =
        line[text] == '-' && (text + 1 == line.size() || is_blank(line[text + 1]));
    return text == indent && list_item;
  }
  return false;
}

Result<ValueSpan> yaml_quoted_span(std::string_view line, std::size_t open, std::string_view key,
                                   std::string_view raw) {
  const std::size_t close = closing_quote(line, open, line[open] == '\'');
  if (close == npos) return several_lines(key, "is a quoted string that continues on the next line");
  const std::string_view inside = line.substr(open + 1, close - open - 1);
  const auto read = yaml_unquoted(inside, line[open]);
  if (!raw.empty() && read && *read != raw) return not_found(key, raw);
  return ValueSpan{open + 1, inside.size(), "", ""};
}

// A value left empty on the key's line ("last_validated:" as Obsidian writes an unset date).
ValueSpan empty_yaml_span(std::string_view line, std::size_t after_colon, std::size_t value) {
  if (value < line.size()) return {value, 0, "", " "};  // before a comment
  return {after_colon, 0, " ", ""};
}

std::string toml_bare_key(std::string_view line, std::size_t& pos) {
  const std::size_t begin = pos;
  while (pos < line.size() && is_word_char(line[pos])) ++pos;
  return std::string(line.substr(begin, pos - begin));
}

// A key written as 'key' or "key" (TOML and YAML): its inside, with `pos` moved past it.
std::optional<std::string> quoted_key(std::string_view line, std::size_t& pos) {
  const std::size_t close = closing_quote(line, pos, false);
  if (close == npos) return std::nullopt;
  std::string key(line.substr(pos + 1, close - pos - 1));
  pos = close + 1;
  return key;
}

bool key_ends_at(std::string_view before, std::string_view key) {
  before = trim_right(before);
  for (const std::string_view emphasis : {"**", "__"})
    if (before.ends_with(emphasis)) before = trim_right(before.substr(0, before.size() - 2));
  if (!before.ends_with(key)) return false;
  const std::size_t start = before.size() - key.size();
  return start == 0 || !is_word_char(before[start - 1]);
}

}  // namespace

std::optional<YamlKey> yaml_key_of_line(std::string_view line) {
  const std::size_t indent = skip_blanks(line, 0);
  if (indent == line.size()) return std::nullopt;
  const char first = line[indent];
  if (first == '#' || first == '?' || first == '[' || first == '{') return std::nullopt;
  if (first == '-' && (indent + 1 == line.size() || is_blank(line[indent + 1])))
    return std::nullopt;
  YamlKey out{"", indent, 0};
  std::size_t colon = indent;
  if (first == '"' || first == '\'') {
    auto key = quoted_key(line, colon);
    if (!key) return std::nullopt;
    out.key = std::move(*key);
    colon = skip_blanks(line, colon);
    if (colon == line.size() || line[colon] != ':') return std::nullopt;
  } else {
    // The key ends at the first colon followed by a blank or the end of the line.
    for (colon = line.find(':', indent); colon != npos; colon = line.find(':', colon + 1))
      if (colon + 1 == line.size() || is_blank(line[colon + 1])) break;
    if (colon == npos) return std::nullopt;
    out.key = std::string(trim_right(line.substr(indent, colon - indent)));
  }
  if (colon + 1 < line.size() && !is_blank(line[colon + 1])) return std::nullopt;
  out.after_colon = colon + 1;
  return out;
}

Result<ValueSpan> yaml_value_span(std::string_view line, std::string_view key,
                                  std::string_view raw,
                                  const std::vector<std::string_view>& next_lines) {
  const auto parsed = yaml_key_of_line(line);
  if (!parsed || parsed->key != key) return not_found(key, raw);
  const std::size_t value = skip_blanks(line, parsed->after_colon);
  if (value == line.size() || line[value] == '#') {
    if (value_continues(next_lines, parsed->indent))
      return several_lines(key, "is written on the lines below the key");
    if (!raw.empty()) return not_found(key, raw);
    return empty_yaml_span(line, parsed->after_colon, value);
  }
  switch (line[value]) {
    case '|':
    case '>':
      return several_lines(key, "is a YAML block scalar (| or >) spanning several lines");
    case '[':
    case '{':
      return Error{"the value of '" + std::string(key) + "' is a list or mapping, not one date" +
                   one_line_hint(key)};
    case '&':
    case '*':
    case '!':
      return Error{"the value of '" + std::string(key) + "' uses a YAML anchor, alias or tag" +
                   one_line_hint(key)};
    case '\'':
    case '"':
      return yaml_quoted_span(line, value, key, raw);
    default:
      break;
  }
  std::size_t end = value;
  while (end < line.size() && !(line[end] == '#' && is_blank(line[end - 1]))) ++end;
  const std::string_view text = trim_right(line.substr(value, end - value));
  if (value_continues(next_lines, parsed->indent))
    return several_lines(key, "continues on the next line");
  if (!raw.empty() && text != raw) return not_found(key, raw);
  return ValueSpan{value, text.size(), "", ""};
}

Result<ValueSpan> toml_value_span(std::string_view line, std::string_view key) {
  std::size_t pos = skip_blanks(line, 0);
  std::optional<std::string> written;
  if (pos < line.size() && (line[pos] == '"' || line[pos] == '\''))
    written = quoted_key(line, pos);
  else
    written = toml_bare_key(line, pos);
  pos = skip_blanks(line, pos);
  if (!written || *written != key || pos == line.size() || line[pos] != '=')
    return not_found(key, "");
  const std::size_t value = skip_blanks(line, pos + 1);
  if (value == line.size()) return not_found(key, "");
  for (const std::string_view triple : {"\"\"\"", "'''"}) {
    if (!line.substr(value).starts_with(triple)) continue;
    const std::size_t close = line.find(triple, value + 3);
    if (close == npos) return several_lines(key, "is a multi-line string", " = ");
    return ValueSpan{value + 3, close - value - 3, "", ""};
  }
  if (line[value] == '"' || line[value] == '\'') {
    const std::size_t close = closing_quote(line, value, false);
    if (close == npos) return not_found(key, "");
    return ValueSpan{value + 1, close - value - 1, "", ""};
  }
  if (line[value] == '[' || line[value] == '{')
    return Error{"the value of '" + std::string(key) + "' is an array or table, not one date" +
                 one_line_hint(key, " = ")};
  const std::size_t comment = line.find('#', value);
  const auto text = trim_right(line.substr(value, comment == npos ? npos : comment - value));
  return ValueSpan{value, text.size(), "", ""};
}

Result<ValueSpan> line_field_value_span(std::string_view line, std::string_view key,
                                        std::string_view raw, std::string_view separator) {
  for (std::size_t pos = line.find(separator); pos != npos; pos = line.find(separator, pos + 1)) {
    const std::size_t after = pos + separator.size();
    // A plain field's single colon is not half of an inline field's "::".
    if (separator == ":" && ((after < line.size() && line[after] == ':') ||
                             (pos > 0 && line[pos - 1] == ':')))
      continue;
    if (!key_ends_at(line.substr(0, pos), key)) continue;
    const std::size_t value = skip_blanks(line, after);
    if (!line.substr(value).starts_with(raw)) continue;
    const bool glued = raw.empty() && value == after;  // "reviewed::" gets a blank
    return ValueSpan{value, raw.size(), glued ? " " : "", ""};
  }
  return not_found(key, raw);
}

}  // namespace freshd
