#include "model/line_fields.h"

#include <algorithm>
#include <optional>

namespace freshd {
namespace {

// Bounds on how far a bracketed field is looked for, so a hostile line of thousands of
// unclosed "[" costs linear time instead of quadratic.
constexpr std::size_t kMaxKeyLength = 64;
constexpr std::size_t kMaxBracketedValue = 4096;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_word_char(char c) { return is_alnum(c) || c == '_' || c == '-'; }

// Dataview keys may hold spaces and non-ASCII letters.
bool is_inline_key_char(char c) {
  return is_word_char(c) || c == ' ' || static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::string_view trim_left(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  return begin == std::string_view::npos ? std::string_view{} : text.substr(begin);
}

// The key of an inline field with blanks and **bold** or __bold__ removed; empty when the
// text cannot be a key.
std::string_view inline_key(std::string_view text) {
  text = trim(text);
  for (const std::string_view emphasis : {"**", "__"})
    if (text.size() > 4 && text.starts_with(emphasis) && text.ends_with(emphasis))
      text = trim(text.substr(2, text.size() - 4));
  if (text.empty() || text.size() > kMaxKeyLength) return {};
  if (!std::all_of(text.begin(), text.end(), is_inline_key_char)) return {};
  return text;
}

std::string_view strip_list_marker(std::string_view line) {
  line = trim_left(line);
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
      is_blank(line[1]))
    line = trim_left(line.substr(2));
  return line;
}

std::optional<LineField> whole_line_field(std::string_view line, int number) {
  const auto text = strip_list_marker(line);
  const auto separator = text.find("::");
  if (separator == std::string_view::npos) return std::nullopt;
  const auto key = inline_key(text.substr(0, separator));
  if (key.empty()) return std::nullopt;
  return LineField{std::string(key), std::string(trim(text.substr(separator + 2))), number};
}

// Index of the bracket that closes one opened before `from`, counting nested pairs of the
// same kind; npos when the line (or the bounded window) ends first.
std::size_t matching_close(std::string_view line, std::size_t from, char open, char close) {
  const std::size_t end = std::min(line.size(), from + kMaxBracketedValue);
  int depth = 1;
  for (std::size_t i = from; i < end; ++i) {
    if (line[i] == open) ++depth;
    if (line[i] == close && --depth == 0) return i;
  }
  return std::string_view::npos;
}

void bracketed_fields(std::string_view line, int number, std::vector<LineField>& out) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char open = line[i];
    if (open != '[' && open != '(') continue;
    const auto window = line.substr(i + 1, kMaxKeyLength + 2);
    const auto separator = window.find("::");
    if (separator == std::string_view::npos) continue;
    const auto key = inline_key(window.substr(0, separator));
    if (key.empty()) continue;
    const std::size_t value_begin = i + 1 + separator + 2;
    const char close = open == '[' ? ']' : ')';
    const std::size_t end = matching_close(line, value_begin, open, close);
    if (end == std::string_view::npos) continue;
    out.push_back({std::string(key),
                   std::string(trim(line.substr(value_begin, end - value_begin))), number});
    i = end;
  }
}

bool is_known_key(std::string_view key, const KeyAliases& keys) {
  for (const auto* aliases : {&keys.published, &keys.validated, &keys.decay, &keys.edited,
                              &keys.owner, &keys.title, &keys.tags})
    if (key_matches(key, *aliases)) return true;
  return false;
}

// A known "key:" starting at `pos`: returns the index just past the colon, or npos.
std::size_t known_key_end(std::string_view line, std::size_t pos, const KeyAliases& keys) {
  std::size_t end = pos;
  while (end < line.size() && is_word_char(line[end])) ++end;
  if (end == pos || end >= line.size() || line[end] != ':') return std::string_view::npos;
  if (end + 1 < line.size() && line[end + 1] == ':') return std::string_view::npos;
  if (!is_known_key(line.substr(pos, end - pos), keys)) return std::string_view::npos;
  return end + 1;
}

void plain_fields_of_line(std::string_view line, int number, const KeyAliases& keys,
                          std::vector<LineField>& out) {
  std::size_t key_begin = line.size() - trim_left(line).size();
  std::size_t value_begin = known_key_end(line, key_begin, keys);
  if (value_begin == std::string_view::npos) return;
  while (key_begin < line.size()) {
    std::size_t next_key = line.size();
    std::size_t next_value = std::string_view::npos;
    for (std::size_t p = value_begin; p < line.size(); ++p) {
      if (!is_blank(line[p - 1])) continue;
      next_value = known_key_end(line, p, keys);
      if (next_value != std::string_view::npos) {
        next_key = p;
        break;
      }
    }
    const auto key = line.substr(key_begin, value_begin - 1 - key_begin);
    const auto value = trim(line.substr(value_begin, next_key - value_begin));
    if (!value.empty()) out.push_back({std::string(key), std::string(value), number});
    key_begin = next_key;
    value_begin = next_value;
  }
}

}  // namespace

bool is_code_fence(std::string_view line) {
  const auto text = trim_left(line);
  return text.starts_with("```") || text.starts_with("~~~");
}

std::vector<LineField> find_inline_fields(const std::vector<std::string_view>& lines,
                                          std::size_t begin) {
  std::vector<LineField> fields;
  bool in_code = false;
  for (std::size_t i = begin; i < lines.size(); ++i) {
    if (is_code_fence(lines[i])) {
      in_code = !in_code;
      continue;
    }
    // Every inline field has its "::"; most lines have none.
    if (in_code || lines[i].find("::") == std::string_view::npos) continue;
    const int number = static_cast<int>(i) + 1;
    if (auto field = whole_line_field(lines[i], number))
      fields.push_back(std::move(*field));
    else
      bracketed_fields(lines[i], number, fields);
  }
  return fields;
}

std::vector<LineField> find_plain_fields(const std::vector<std::string_view>& lines,
                                         std::size_t begin, std::size_t count,
                                         const KeyAliases& keys) {
  std::vector<LineField> fields;
  const std::size_t end = std::min(lines.size(), begin + count);
  for (std::size_t i = begin; i < end; ++i)
    plain_fields_of_line(lines[i], static_cast<int>(i) + 1, keys, fields);
  return fields;
}

bool is_field_line(std::string_view line) {
  if (whole_line_field(line, 0)) return true;
  std::vector<LineField> bracketed;
  bracketed_fields(line, 0, bracketed);
  if (!bracketed.empty()) return true;
  const auto text = trim_left(line);
  std::size_t end = 0;
  while (end < text.size() && is_word_char(text[end])) ++end;
  if (end == 0 || end >= text.size() || text[end] != ':') return false;
  return end + 1 == text.size() || is_blank(text[end + 1]);
}

}  // namespace freshd
