// Who owns a note: its own owner field, else the first matching [[owners.rules]] entry of
// the configuration (path glob or tag), else [owners] default, else nobody.
#pragma once

#include "model/note_metadata.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace freshd {

// A [[owners.rules]] entry: matches by path glob or by tag (one of them set).
struct OwnerRule {
  std::string path;  // glob, see glob.h; "" when the rule matches by tag
  std::string tag;   // as in decay rules (tag_match.h); "" when the rule matches by path
  std::string owner;
};

struct OwnerConfig {
  // Default: "" = none. The owner of notes that name none and match no rule.
  std::string default_owner;
  // Default: none. The first matching rule wins.
  std::vector<OwnerRule> rules;
};

// The owner of the note at vault-relative `path`, with where it came from: the note's
// field, config_rule (key "owners.rules[N]", N counted from 0) or config_default (key
// "owners.default"); raw is the owner as written. nullopt when nobody owns it. An empty
// owner field in the note counts as none written.
std::optional<TextFact> resolve_owner(const NoteMetadata& metadata, std::string_view path,
                                      const OwnerConfig& config);

}  // namespace freshd
