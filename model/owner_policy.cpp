#include "model/owner_policy.h"

#include "model/glob.h"
#include "model/tag_match.h"

namespace freshd {

std::optional<TextFact> resolve_owner(const NoteMetadata& metadata, std::string_view path,
                                      const OwnerConfig& config) {
  if (metadata.owner && !metadata.owner->value.empty()) return metadata.owner;
  for (std::size_t i = 0; i < config.rules.size(); ++i) {
    const OwnerRule& rule = config.rules[i];
    const bool matches = !rule.path.empty() ? glob_match(rule.path, path)
                                            : tag_matches(rule.tag, metadata.tags);
    if (!matches || rule.owner.empty()) continue;
    return TextFact{rule.owner, {SourceKind::config_rule, "owners.rules[" + std::to_string(i) + "]",
                                 0, rule.owner}};
  }
  if (config.default_owner.empty()) return std::nullopt;
  return TextFact{config.default_owner,
                  {SourceKind::config_default, "owners.default", 0, config.default_owner}};
}

}  // namespace freshd
