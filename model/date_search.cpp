#include "model/date_parser.h"

#include "model/ascii_chars.h"
#include "model/date_fields.h"
#include "model/date_forms.h"

#include <algorithm>

namespace freshd {
namespace {

// Dates in prose are near the start of a line; minified or pasted lines can be huge.
constexpr std::size_t kLongestProse = 4096;
// A file-name stem longer than this is not a date.
constexpr std::size_t kLongestStem = 160;

// The "C" locale's classes (freshd never sets another), without a call into the C library
// for each character of prose.
using ascii::is_digit;
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

FoundDate found(DateFormKind kind, std::string_view line, std::size_t offset,
                std::size_t length, const DateParseOptions& options) {
  const std::string_view raw = line.substr(offset, length);
  return FoundDate{read_date_form(kind, raw, options), offset, std::string(raw)};
}

bool is_joiner(char c) { return c == '.' || c == '/' || c == '-' || c == ':'; }

// A date stands on its own: "v2026-04-06" and "1.2026-04-06.3" are something else.
bool stands_alone(std::string_view line, std::size_t begin, std::size_t end) {
  if (begin > 0) {
    const char before = line[begin - 1];
    if (is_alnum(before)) return false;
    if (is_joiner(before) && begin > 1 && is_digit(line[begin - 2])) return false;
  }
  if (end < line.size()) {
    const char after = line[end];
    if (is_alnum(after)) return false;
    if (is_joiner(after) && end + 1 < line.size() && is_digit(line[end + 1])) return false;
  }
  return true;
}

struct Candidate {
  std::size_t length = 0;
  DateFormKind kind = DateFormKind::iso;
};

// Every shape starts with a digit or with the name of a weekday or a month (date_shape.cpp:
// each grammar opens with leading_weekday, digits or month), and a date right after a
// letter or digit does not stand alone: other places need no closer look. Most words of
// prose fail here, once, instead of in each form's grammar.
bool may_start_shape(std::string_view line, std::size_t pos) {
  if (!is_alnum(line[pos]) || (pos > 0 && is_alnum(line[pos - 1]))) return false;
  if (is_digit(line[pos])) return true;
  const std::string_view rest = line.substr(pos);
  return weekday_name_length(rest) != 0 || month_name_length(rest) != 0;
}

// The date that starts at `begin` in prose and stands alone, if any: the longest of the
// forms, or the first in form order among equally long ones.
std::optional<Candidate> date_at(std::string_view line, std::size_t begin) {
  std::optional<Candidate> best;
  for (const DateForm& form : date_forms()) {
    if (!form.in_prose) continue;
    const std::size_t length = shape_length_at(form.shape, line, begin);
    if (length == 0 || (best && length <= best->length)) continue;
    // In prose "sat" or "wed" is more often a word than a weekday opening a date.
    const bool word_not_weekday =
        is_lower(line[begin]) && starts_with_weekday(line.substr(begin, length));
    if (word_not_weekday || !stands_alone(line, begin, begin + length)) continue;
    best = Candidate{length, form.kind};
  }
  return best;
}

// Cuts an overlong line at a space so that no date is cut in half.
std::string_view prose_window(std::string_view line) {
  if (line.size() <= kLongestProse) return line;
  const std::size_t space = line.substr(0, kLongestProse).find_last_of(" \t");
  return line.substr(0, space == line.npos ? 0 : space);
}

// Without a final ".ext": a letter, then up to nine letters or digits.
std::string_view strip_extension(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (name.size() <= 1 || dot == name.npos) return name;
  const std::string_view extension = name.substr(dot + 1);
  if (extension.empty() || extension.size() > 10 || !is_alpha(extension.front()) ||
      !std::all_of(extension.begin(), extension.end(), is_alnum)) {
    return name;
  }
  return name.substr(0, dot);
}

// "YYYY-MM-DD" at the start of `stem`, not followed by another digit.
bool starts_with_day(std::string_view stem) {
  if (stem.size() < 10 || stem[4] != '-' || stem[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(stem[i])) return false;
  return stem.size() == 10 || !is_digit(stem[10]);
}

}  // namespace

std::optional<FoundDate> find_date_in_text(std::string_view line,
                                           const DateParseOptions& options) {
  const std::string_view window = prose_window(line);
  if (std::none_of(window.begin(), window.end(), is_digit)) return std::nullopt;
  for (std::size_t begin = 0; begin < window.size(); ++begin) {
    if (!may_start_shape(window, begin)) continue;
    if (const auto date = date_at(window, begin))
      return found(date->kind, window, begin, date->length, options);
  }
  return std::nullopt;
}

std::optional<FoundDate> find_date_in_file_name(std::string_view file_name,
                                                const DateParseOptions& options) {
  const std::size_t slash = file_name.find_last_of("/\\");
  const std::size_t start = slash == file_name.npos ? 0 : slash + 1;
  const std::string_view stem = strip_extension(file_name.substr(start));
  if (stem.size() <= kLongestStem) {
    for (const DateForm& form : date_forms()) {
      if (is_whole_shape(form.shape, stem)) {
        return found(form.kind, file_name, start, stem.size(), options);
      }
    }
  }
  if (starts_with_day(stem)) {
    return found(DateFormKind::iso, file_name, start, 10, options);
  }
  return std::nullopt;
}

}  // namespace freshd
