#include "model/date_parser.h"

#include "model/date_fields.h"
#include "model/date_forms.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace freshd {
namespace {

// Dates in prose are near the start of a line; minified or pasted lines can be huge.
constexpr std::size_t kLongestProse = 4096;
// A file-name stem longer than this is not a date.
constexpr std::size_t kLongestStem = 160;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }

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
  std::size_t offset = 0;
  std::size_t length = 0;
};

std::optional<Candidate> first_match(std::string_view line, const std::regex& shape) {
  std::size_t from = 0;
  std::cmatch match;
  while (from < line.size()) {
    const auto flags = from == 0 ? std::regex_constants::match_default
                                 : std::regex_constants::match_prev_avail;
    if (!std::regex_search(line.data() + from, line.data() + line.size(), match, shape, flags)) {
      return std::nullopt;
    }
    const std::size_t begin = from + static_cast<std::size_t>(match.position(0));
    const std::size_t end = begin + static_cast<std::size_t>(match.length(0));
    // In prose "sat" or "wed" is more often a word than a weekday opening a date.
    const bool word_not_weekday =
        is_lower(line[begin]) && starts_with_weekday(line.substr(begin, end - begin));
    if (!word_not_weekday && stands_alone(line, begin, end)) return Candidate{begin, end - begin};
    from = begin + 1;
  }
  return std::nullopt;
}

// Cuts an overlong line at a space so that no date is cut in half.
std::string_view prose_window(std::string_view line) {
  if (line.size() <= kLongestProse) return line;
  const std::size_t space = line.substr(0, kLongestProse).find_last_of(" \t");
  return line.substr(0, space == line.npos ? 0 : space);
}

std::string_view strip_extension(std::string_view name) {
  static const std::regex extension(R"(\.[a-z][a-z0-9]{0,9}$)", std::regex::icase);
  std::cmatch match;
  if (name.size() > 1 && std::regex_search(name.begin(), name.end(), match, extension)) {
    return name.substr(0, name.size() - static_cast<std::size_t>(match.length(0)));
  }
  return name;
}

}  // namespace

std::optional<FoundDate> find_date_in_text(std::string_view line,
                                           const DateParseOptions& options) {
  const std::string_view window = prose_window(line);
  if (std::none_of(window.begin(), window.end(), is_digit)) return std::nullopt;
  std::optional<Candidate> best;
  DateFormKind best_kind = DateFormKind::iso;
  for (const DateForm& form : date_forms()) {
    if (!form.in_prose) continue;
    const auto candidate = first_match(window, form.shape);
    if (!candidate) continue;
    const bool better = !best || candidate->offset < best->offset ||
                        (candidate->offset == best->offset && candidate->length > best->length);
    if (better) {
      best = candidate;
      best_kind = form.kind;
    }
  }
  if (!best) return std::nullopt;
  return found(best_kind, window, best->offset, best->length, options);
}

std::optional<FoundDate> find_date_in_file_name(std::string_view file_name,
                                                const DateParseOptions& options) {
  const std::size_t slash = file_name.find_last_of("/\\");
  const std::size_t start = slash == file_name.npos ? 0 : slash + 1;
  const std::string_view stem = strip_extension(file_name.substr(start));
  if (stem.size() <= kLongestStem) {
    for (const DateForm& form : date_forms()) {
      if (std::regex_match(stem.begin(), stem.end(), form.shape)) {
        return found(form.kind, file_name, start, stem.size(), options);
      }
    }
  }
  static const std::regex leading_day(R"(^\d{4}-\d{2}-\d{2}(?!\d))");
  std::cmatch match;
  if (std::regex_search(stem.begin(), stem.end(), match, leading_day)) {
    return found(DateFormKind::iso, file_name, start, 10, options);
  }
  return std::nullopt;
}

}  // namespace freshd
