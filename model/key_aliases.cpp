#include "model/key_aliases.h"

#include <algorithm>

namespace freshd {

std::string normalize_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '-' || c == ' ') c = '_';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

bool key_matches(std::string_view key, const std::vector<std::string>& aliases) {
  const std::string k = normalize_key(key);
  return std::any_of(aliases.begin(), aliases.end(),
                     [&](const std::string& a) { return normalize_key(a) == k; });
}

}  // namespace freshd
