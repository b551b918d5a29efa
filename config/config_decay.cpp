#include "config/config_sections.h"

#include <cctype>
#include <map>

namespace freshd::config_detail {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string class_list(const DecayConfig& decay) {
  std::string names;
  for (const auto& [name, interval] : decay.classes) names += (names.empty() ? "" : ", ") + name;
  return names;
}

// [decay.classes] adds classes or redefines the built-in ones.
std::map<std::string, Interval> read_classes(const TableReader& reader,
                                             std::map<std::string, Interval> classes) {
  for (const auto& [key, node] : reader.toml_table())
    if (auto interval = reader.interval(key.str(), true))
      classes[std::string(key.str())] = *interval;
  return classes;
}

// The class as defined, matched the way notes' decay values are (case-insensitively).
std::optional<std::string> defined_class(const TableReader& reader, const DecayConfig& decay) {
  const std::optional<std::string> written = reader.string("default");
  if (!written) return std::nullopt;
  for (const auto& [name, interval] : decay.classes)
    if (lower(name) == lower(*written)) return name;
  reader.report("default", "'" + *written + "' is not a defined class (" + class_list(decay) + ")");
  return std::nullopt;
}

std::optional<DecayRule> read_rule(const TableReader& reader, const DecayConfig& decay) {
  const std::optional<RuleMatch> match = read_rule_match(reader);
  const std::optional<std::string> written = reader.non_empty_string("decay");
  bool ok = true;
  if (!reader.node("decay")) {
    reader.report_table("a rule needs a decay (a class or a duration)");
    ok = false;
  } else if (written) {
    if (Result<ResolvedDecay> read = read_decay(*written, decay); !read.ok()) {
      reader.report("decay", read.error().message);
      ok = false;
    }
  }
  if (!ok || !written || !match) return std::nullopt;
  return DecayRule{match->path, match->tag, *written};
}

}  // namespace

DecayConfig read_decay_section(const TableReader& reader) {
  DecayConfig decay;
  // Classes first: the default and the rules refer to them, wherever they are written.
  if (const toml::table* classes = reader.table("classes")) {
    const TableReader classes_reader(*classes, reader.key_path("classes"), reader.diagnostics());
    decay.classes = read_classes(classes_reader, std::move(decay.classes));
  }
  if (auto name = defined_class(reader, decay)) decay.default_class = *name;
  for (const TableReader& rule : reader.tables("rules", {"path", "tag", "decay"}))
    if (auto read = read_rule(rule, decay)) decay.rules.push_back(std::move(*read));
  return decay;
}

AdaptiveSettings read_adaptive(const TableReader& reader) {
  AdaptiveSettings adaptive;
  if (auto on = reader.boolean("adaptive")) adaptive.enabled = *on;
  if (auto grow = reader.number("adaptive_grow", 1.0, 10.0)) adaptive.grow = *grow;
  if (auto shrink = reader.number("adaptive_shrink", 0.01, 1.0)) adaptive.shrink = *shrink;
  if (auto low = reader.number("adaptive_min", 0.01, 1.0)) adaptive.min_factor = *low;
  if (auto high = reader.number("adaptive_max", 1.0, 100.0)) adaptive.max_factor = *high;
  return adaptive;
}

}  // namespace freshd::config_detail
