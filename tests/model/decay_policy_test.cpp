#include "model/decay_policy.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

NoteMetadata note_with_decay(const std::string& value, int line = 4) {
  NoteMetadata metadata;
  metadata.decay =
      TextFact{value, {SourceKind::yaml_front_matter, "decay_rate", line, value}};
  return metadata;
}

NoteMetadata note_with_tags(std::vector<std::string> tags) {
  NoteMetadata metadata;
  metadata.tags = std::move(tags);
  return metadata;
}

DecayConfig config_with_rules() {
  DecayConfig config;
  config.classes["weekly"] = Interval{0, 7, false};
  config.rules = {
      {"news/**", "", "fast"},
      {"", "#AI", "2w"},
      {"", "math", "evergreen"},
  };
  return config;
}

TEST_CASE("a decay is a class name, any case, or a duration") {
  const DecayConfig config = config_with_rules();
  struct Case {
    const char* written;
    Interval interval;
    const char* class_name;
    const char* as_written;
  };
  const Case cases[] = {
      {"fast", {0, 30, false}, "fast", "fast"},
      {"Slow", {0, 365, false}, "slow", "Slow"},
      {" weekly ", {0, 7, false}, "weekly", "weekly"},
      {"evergreen", {0, 0, true}, "evergreen", "evergreen"},
      {"90d", {0, 90, false}, "", "90d"},
      {"6 months", {6, 0, false}, "", "6 months"},
      {"P3M", {3, 0, false}, "", "P3M"},
      {"never", {0, 0, true}, "", "never"},
  };
  for (const Case& c : cases) {
    const std::string written = c.written;
    CAPTURE(written);
    const Result<ResolvedDecay> read = read_decay(c.written, config);
    REQUIRE(read.ok());
    CHECK(read->interval == c.interval);
    CHECK(read->class_name == c.class_name);
    CHECK(read->written == c.as_written);
  }
}

TEST_CASE("an unknown decay names the known classes and the duration forms") {
  const Result<ResolvedDecay> read = read_decay("sloww", DecayConfig{});
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().message ==
        "'sloww' is not a known class (evergreen, fast, medium, slow) or a duration "
        "(90d, 6 months, P3M)");
}

TEST_CASE("the note's own decay wins over rules and the default, with its provenance") {
  const NoteMetadata metadata = note_with_decay("slow");
  const ResolvedDecay resolved = resolve_decay(metadata, "news/ai.md", config_with_rules());
  CHECK(resolved.interval == Interval{0, 365, false});
  CHECK(resolved.class_name == "slow");
  CHECK(resolved.provenance == Provenance{SourceKind::yaml_front_matter, "decay_rate", 4, "slow"});
  CHECK_FALSE(resolved.problem.has_value());
}

TEST_CASE("an unusable decay in the note is a problem, and the rule or default applies") {
  SUBCASE("a matching rule") {
    const ResolvedDecay resolved =
        resolve_decay(note_with_decay("sloww", 3), "news/ai.md", config_with_rules());
    CHECK(resolved.interval == Interval{0, 30, false});
    CHECK(resolved.provenance == Provenance{SourceKind::config_rule, "decay.rules[0]", 0, "fast"});
    REQUIRE(resolved.problem.has_value());
    CHECK(*resolved.problem ==
          MetadataProblem{3, "decay_rate",
                          "decay_rate 'sloww' is not a known class (evergreen, fast, medium, "
                          "slow, weekly) or a duration (90d, 6 months, P3M)"});
  }
  SUBCASE("the default") {
    const ResolvedDecay resolved = resolve_decay(note_with_decay("0d"), "ai.md", DecayConfig{});
    CHECK(resolved.interval == Interval{0, 90, false});
    CHECK(resolved.provenance.kind == SourceKind::config_default);
    REQUIRE(resolved.problem.has_value());
    CHECK(resolved.problem->line == 4);
  }
}

TEST_CASE("the first matching rule wins, by path glob or by tag") {
  struct Case {
    const char* path;
    std::vector<std::string> tags;
    const char* key;
    const char* raw;
    Interval interval;
  };
  const Case cases[] = {
      {"news/2026/ai.md", {"ai"}, "decay.rules[0]", "fast", {0, 30, false}},
      {"notes/llm.md", {"ai"}, "decay.rules[1]", "2w", {0, 14, false}},
      {"notes/llm.md", {"#Ai"}, "decay.rules[1]", "2w", {0, 14, false}},
      {"notes/llm.md", {"ai/llm"}, "decay.rules[1]", "2w", {0, 14, false}},
      {"notes/proof.md", {"Math", "ai"}, "decay.rules[1]", "2w", {0, 14, false}},
      {"notes/proof.md", {"math"}, "decay.rules[2]", "evergreen", {0, 0, true}},
  };
  const DecayConfig config = config_with_rules();
  for (const Case& c : cases) {
    const std::string path = c.path;
    CAPTURE(path);
    const ResolvedDecay resolved = resolve_decay(note_with_tags(c.tags), c.path, config);
    CHECK(resolved.provenance == Provenance{SourceKind::config_rule, c.key, 0, c.raw});
    CHECK(resolved.interval == c.interval);
  }
}

TEST_CASE("without own decay or matching rule the default class applies") {
  const DecayConfig config = config_with_rules();
  for (const std::vector<std::string>& tags :
       {std::vector<std::string>{}, {"airline"}, {"mathematics"}, {"notes/ai"}}) {
    const ResolvedDecay resolved = resolve_decay(note_with_tags(tags), "notes/news.md", config);
    CHECK(resolved.provenance ==
          Provenance{SourceKind::config_default, "decay.default", 0, "medium"});
    CHECK(resolved.interval == Interval{0, 90, false});
    CHECK(resolved.class_name == "medium");
    CHECK(resolved.written == "medium");
    CHECK_FALSE(resolved.problem.has_value());
  }
}

TEST_CASE("a configured default class is used by name") {
  DecayConfig config;
  config.default_class = "slow";
  const ResolvedDecay resolved = resolve_decay(NoteMetadata{}, "a.md", config);
  CHECK(resolved.interval == Interval{0, 365, false});
  CHECK(resolved.provenance == Provenance{SourceKind::config_default, "decay.default", 0, "slow"});
}

}  // namespace
}  // namespace freshd
