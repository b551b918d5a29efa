// Which interval a note decays at: its own decay field, else the first matching config
// rule (path glob or tag), else the default class.
#pragma once

#include "model/interval.h"
#include "model/note_metadata.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace freshd {

// A [[decay.rules]] entry: matches by path glob or by tag (one of them set).
struct DecayRule {
  std::string path;  // glob, see glob.h; "" when the rule matches by tag
  // A tag, '#' optional, compared case-insensitively; "ai" also matches the nested tag
  // "ai/llm". "" when the rule matches by path.
  std::string tag;
  std::string decay;  // a class name or a duration
};

struct DecayConfig {
  // Default: fast = 30d, medium = 90d, slow = 365d, evergreen = never.
  std::map<std::string, Interval> classes{{"fast", {0, 30, false}},
                                          {"medium", {0, 90, false}},
                                          {"slow", {0, 365, false}},
                                          {"evergreen", {0, 0, true}}};
  // Default: medium.
  std::string default_class = "medium";
  // Default: none. The first matching rule wins.
  std::vector<DecayRule> rules;
};

struct ResolvedDecay {
  Interval interval;
  std::string written;     // as written: "fast", "90d", "6 months"
  std::string class_name;  // the class, or "" when the decay is a duration
  Provenance provenance;   // the note's field, config_rule (key "decay.rules[N]", N
                           // counted from 0 as in config errors) or config_default
                           // (key "decay.default"); raw is the decay as written
  // Set when the note's own decay value could not be used (unknown class, bad duration);
  // the rule or default then applies.
  std::optional<MetadataProblem> problem;
};

// Reads a class name (case-insensitive) or a duration. Errors list the known classes:
// "'sloww' is not a known class (evergreen, fast, medium, slow) or a duration (...)".
// The provenance is left for the caller to fill in.
Result<ResolvedDecay> read_decay(std::string_view written, const DecayConfig& config);

// Resolves the decay of the note at vault-relative `path`. Precondition: the config's
// default class exists (config validation guarantees it).
ResolvedDecay resolve_decay(const NoteMetadata& metadata, std::string_view path,
                            const DecayConfig& config);

}  // namespace freshd
