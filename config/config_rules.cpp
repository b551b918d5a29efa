#include "config/config_sections.h"

namespace freshd::config_detail {

std::optional<RuleMatch> read_rule_match(const TableReader& reader) {
  const bool has_path = reader.node("path") != nullptr;
  const bool has_tag = reader.node("tag") != nullptr;
  if (has_path && has_tag) {
    reader.report_table("a rule needs exactly one of path or tag, not both");
    return std::nullopt;
  }
  if (!has_path && !has_tag) {
    reader.report_table("a rule needs exactly one of path (a glob) or tag");
    return std::nullopt;
  }
  const std::optional<std::string> value =
      has_path ? reader.non_empty_string("path") : reader.non_empty_string("tag");
  if (!value) return std::nullopt;
  return has_path ? RuleMatch{*value, ""} : RuleMatch{"", *value};
}

OwnerConfig read_owners(const TableReader& reader) {
  OwnerConfig owners;
  if (auto name = reader.non_empty_string("default")) owners.default_owner = *name;
  for (const TableReader& rule : reader.tables("rules", {"path", "tag", "owner"})) {
    const std::optional<RuleMatch> match = read_rule_match(rule);
    const std::optional<std::string> owner = rule.non_empty_string("owner");
    if (!rule.node("owner")) rule.report_table("a rule needs an owner (a name)");
    if (match && owner) owners.rules.push_back({match->path, match->tag, *owner});
  }
  return owners;
}

}  // namespace freshd::config_detail
