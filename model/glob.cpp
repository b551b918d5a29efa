#include "model/glob.h"

namespace freshd {
namespace {

struct ClassMatch {
  std::size_t length = 0;  // of the class in the pattern; 0 when '[' is not closed
  bool matched = false;
};

// Matches "[...]" at the start of `pattern` against `c`. An unclosed '[' is a literal.
ClassMatch match_class(std::string_view pattern, char c) {
  std::size_t i = 1;
  const bool negated = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negated) ++i;
  bool found = false;
  // A ']' right after the opening bracket is a member, as in shells.
  bool first = true;
  for (; i < pattern.size() && (pattern[i] != ']' || first); first = false) {
    const char low = pattern[i];
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (low <= c && c <= pattern[i + 2]) found = true;
      i += 3;
    } else {
      if (low == c) found = true;
      ++i;
    }
  }
  if (i >= pattern.size()) return {};
  return {i + 1, found != negated && c != '/'};
}

bool match_here(std::string_view pattern, std::string_view path);

// "**": any run of characters including '/'. "**/" may also stand for no directory at
// all, so "**/x.md" matches a top-level "x.md" and "a/**/b" matches "a/b".
bool match_double_star(std::string_view rest, std::string_view path) {
  if (!rest.empty() && rest.front() == '/' && match_here(rest.substr(1), path)) return true;
  for (std::size_t skip = 0; skip <= path.size(); ++skip)
    if (match_here(rest, path.substr(skip))) return true;
  return false;
}

bool match_star(std::string_view rest, std::string_view path) {
  for (std::size_t skip = 0; skip <= path.size(); ++skip) {
    if (match_here(rest, path.substr(skip))) return true;
    if (skip < path.size() && path[skip] == '/') break;
  }
  return false;
}

bool match_here(std::string_view pattern, std::string_view path) {
  while (!pattern.empty()) {
    const char p = pattern.front();
    if (p == '*') {
      if (pattern.size() > 1 && pattern[1] == '*')
        return match_double_star(pattern.substr(2), path);
      return match_star(pattern.substr(1), path);
    }
    if (path.empty()) return false;
    if (p == '[') {
      const ClassMatch bracket = match_class(pattern, path.front());
      if (bracket.length != 0) {
        if (!bracket.matched) return false;
        pattern.remove_prefix(bracket.length);
        path.remove_prefix(1);
        continue;
      }
    }
    if (p == '?' ? path.front() == '/' : p != path.front()) return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
  }
  return path.empty();
}

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// A directory pattern ("build/", ".git/", "news/2026/") matches when some directory
// above the file matches it: by name at any depth when it has no '/', else from the root.
bool match_directory(std::string_view directory, std::string_view path) {
  const bool anchored = directory.find('/') != std::string_view::npos;
  for (std::size_t end = path.find('/'); end != std::string_view::npos;
       end = path.find('/', end + 1)) {
    const std::string_view above = path.substr(0, end);
    if (match_here(directory, anchored ? above : base_name(above))) return true;
  }
  return false;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  if (pattern.empty()) return false;
  if (pattern.back() == '/') return match_directory(pattern.substr(0, pattern.size() - 1), path);
  if (pattern.find('/') == std::string_view::npos) return match_here(pattern, base_name(path));
  return match_here(pattern, path);
}

}  // namespace freshd
