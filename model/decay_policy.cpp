#include "model/decay_policy.h"

#include "model/glob.h"
#include "model/tag_match.h"

#include <algorithm>
#include <cctype>

namespace freshd {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool rule_matches(const DecayRule& rule, const NoteMetadata& metadata, std::string_view path) {
  if (!rule.path.empty()) return glob_match(rule.path, path);
  return tag_matches(rule.tag, metadata.tags);
}

std::string class_list(const DecayConfig& config) {
  std::string names;
  for (const auto& [name, interval] : config.classes) names += (names.empty() ? "" : ", ") + name;
  return names;
}

MetadataProblem own_decay_problem(const TextFact& fact, const Error& error) {
  const std::string& key = fact.provenance.key;
  const std::string name = key.empty() ? std::string("decay") : key;
  return {fact.provenance.line, key, name + " " + error.message};
}

// The first matching rule, else the default class.
ResolvedDecay configured_decay(const NoteMetadata& metadata, std::string_view path,
                               const DecayConfig& config) {
  for (std::size_t i = 0; i < config.rules.size(); ++i) {
    const DecayRule& rule = config.rules[i];
    if (!rule_matches(rule, metadata, path)) continue;
    Result<ResolvedDecay> read = read_decay(rule.decay, config);
    // Config validation rejects bad rules; one that slips through is skipped, not fatal.
    if (!read.ok()) continue;
    read->provenance = {SourceKind::config_rule, "decay.rules[" + std::to_string(i) + "]", 0,
                        rule.decay};
    return std::move(read).value();
  }
  Result<ResolvedDecay> read = read_decay(config.default_class, config);
  // The precondition says the default class exists; if not, medium's 90 days still give a
  // sensible answer rather than a crash.
  ResolvedDecay resolved;
  if (read.ok()) resolved = read.value();
  else resolved.interval = Interval{0, 90, false};
  resolved.provenance = {SourceKind::config_default, "decay.default", 0, config.default_class};
  return resolved;
}

}  // namespace

Result<ResolvedDecay> read_decay(std::string_view written, const DecayConfig& config) {
  const std::string_view text = trim(written);
  ResolvedDecay resolved;
  resolved.written = std::string(text);
  const std::string wanted = lower(text);
  for (const auto& [name, interval] : config.classes) {
    if (lower(name) != wanted) continue;
    resolved.interval = interval;
    resolved.class_name = name;
    return resolved;
  }
  Result<Interval> duration = parse_interval(text);
  if (!duration.ok())
    return Error{"'" + std::string(text) + "' is not a known class (" + class_list(config) +
                 ") or a duration (90d, 6 months, P3M)"};
  resolved.interval = *duration;
  return resolved;
}

ResolvedDecay resolve_decay(const NoteMetadata& metadata, std::string_view path,
                            const DecayConfig& config) {
  std::optional<MetadataProblem> problem;
  if (metadata.decay) {
    Result<ResolvedDecay> own = read_decay(metadata.decay->value, config);
    if (own.ok()) {
      own->provenance = metadata.decay->provenance;
      return std::move(own).value();
    }
    problem = own_decay_problem(*metadata.decay, own.error());
  }
  ResolvedDecay resolved = configured_decay(metadata, path, config);
  resolved.problem = std::move(problem);
  return resolved;
}

}  // namespace freshd
