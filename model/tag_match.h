// Matching a rule's tag against a note's tags, shared by the decay and owner rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace freshd {

// A tag, '#' optional, compared case-insensitively; "ai" matches "ai" and the nested
// "ai/llm", not "airline".
bool tag_matches(std::string_view rule_tag, const std::vector<std::string>& note_tags);

}  // namespace freshd
