#include "model/tag_match.h"

#include <algorithm>
#include <cctype>

namespace freshd {
namespace {

std::string normalize_tag(std::string_view tag) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!tag.empty() && is_space(tag.front())) tag.remove_prefix(1);
  while (!tag.empty() && is_space(tag.back())) tag.remove_suffix(1);
  if (!tag.empty() && tag.front() == '#') tag.remove_prefix(1);
  std::string out(tag);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool tag_matches(std::string_view rule_tag, const std::vector<std::string>& note_tags) {
  const std::string wanted = normalize_tag(rule_tag);
  if (wanted.empty()) return false;
  return std::any_of(note_tags.begin(), note_tags.end(), [&](const std::string& tag) {
    const std::string have = normalize_tag(tag);
    return have == wanted || (have.size() > wanted.size() && have.starts_with(wanted) &&
                              have[wanted.size()] == '/');
  });
}

}  // namespace freshd
