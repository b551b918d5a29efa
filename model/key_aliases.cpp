#include "model/key_aliases.h"

#include <algorithm>

namespace freshd {

namespace {

char normalize_char(char c) {
  if (c == '-' || c == ' ') return '_';
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c;
}

// normalize_key(a) == normalize_key(b), without building either: this runs for every
// field of every note against every alias.
bool same_key(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (normalize_char(a[i]) != normalize_char(b[i])) return false;
  return true;
}

}  // namespace

std::string normalize_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) out.push_back(normalize_char(c));
  return out;
}

bool key_matches(std::string_view key, const std::vector<std::string>& aliases) {
  return std::any_of(aliases.begin(), aliases.end(),
                     [&](const std::string& a) { return same_key(a, key); });
}

}  // namespace freshd
