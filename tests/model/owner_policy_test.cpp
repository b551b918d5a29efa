#include "model/owner_policy.h"

#include "model/tag_match.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace freshd {
namespace {

OwnerConfig team_config() {
  OwnerConfig config;
  config.default_owner = "docs-team";
  config.rules = {
      {"ops/**", "", "sre"},
      {"", "#AI", "ann"},
      {"*.txt", "", "clips"},
      {"ops/legacy/**", "", "never-reached"},  // ops/** above wins
  };
  return config;
}

NoteMetadata note(std::vector<std::string> tags, std::string own_owner = "") {
  NoteMetadata metadata;
  metadata.tags = std::move(tags);
  if (!own_owner.empty())
    metadata.owner = TextFact{own_owner, {SourceKind::yaml_front_matter, "owner", 3, own_owner}};
  return metadata;
}

TEST_CASE("the owner is the note's own, else the first matching rule, else the default") {
  const OwnerConfig config = team_config();
  struct Case {
    const char* path;
    std::vector<std::string> tags;
    std::string own;
    const char* owner;
    SourceKind kind;
    const char* key;
  };
  const Case cases[] = {
      {"ops/runbook.md", {}, "", "sre", SourceKind::config_rule, "owners.rules[0]"},
      {"ops/legacy/old.md", {}, "", "sre", SourceKind::config_rule, "owners.rules[0]"},
      {"ops/runbook.md", {}, "bob", "bob", SourceKind::yaml_front_matter, "owner"},
      {"ai/paper.md", {"ai/llm"}, "", "ann", SourceKind::config_rule, "owners.rules[1]"},
      {"ai/paper.md", {"#ai"}, "", "ann", SourceKind::config_rule, "owners.rules[1]"},
      {"ai/paper.md", {"airline"}, "", "docs-team", SourceKind::config_default, "owners.default"},
      {"clips/raft.txt", {}, "", "clips", SourceKind::config_rule, "owners.rules[2]"},
      {"opsx/note.md", {}, "", "docs-team", SourceKind::config_default, "owners.default"},
      {"notes/ops/x.md", {}, "", "docs-team", SourceKind::config_default, "owners.default"},
      {"ops/ai.md", {"ai"}, "", "sre", SourceKind::config_rule, "owners.rules[0]"},
      {"readme.md", {}, "", "docs-team", SourceKind::config_default, "owners.default"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CAPTURE(c.own);
    const auto owner = resolve_owner(note(c.tags, c.own), c.path, config);
    REQUIRE(owner.has_value());
    CHECK(owner->value == c.owner);
    CHECK(owner->provenance.kind == c.kind);
    CHECK(owner->provenance.key == c.key);
    CHECK(owner->provenance.raw == c.owner);
  }
}

TEST_CASE("without a default, a note that names no owner and matches no rule has none") {
  OwnerConfig config = team_config();
  config.default_owner.clear();
  CHECK_FALSE(resolve_owner(note({}), "readme.md", config).has_value());
  CHECK_FALSE(resolve_owner(note({}), "readme.md", OwnerConfig{}).has_value());
  CHECK(resolve_owner(note({}, "eve"), "readme.md", OwnerConfig{})->value == "eve");
}

TEST_CASE("an empty owner field in the note falls through to the rules") {
  NoteMetadata metadata;
  metadata.owner = TextFact{"", {SourceKind::yaml_front_matter, "owner", 2, ""}};
  CHECK(resolve_owner(metadata, "ops/x.md", team_config())->value == "sre");
}

TEST_CASE("tag rules match the tag and nested tags, any case, with or without '#'") {
  struct Case {
    const char* rule;
    std::vector<std::string> tags;
    bool matches;
  };
  const Case cases[] = {
      {"ai", {"ai"}, true},         {"#ai", {"AI"}, true},     {"ai", {"#ai/llm"}, true},
      {"ai", {"airline"}, false},   {"ai/llm", {"ai"}, false}, {" ai ", {"ai"}, true},
      {"", {"ai"}, false},          {"ai", {}, false},         {"ops", {"x", "Ops"}, true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.rule);
    CHECK(tag_matches(c.rule, c.tags) == c.matches);
  }
}

}  // namespace
}  // namespace freshd
