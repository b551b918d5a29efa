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
  DecayRule rule;
  const std::optional<std::string> path = reader.non_empty_string("path");
  const std::optional<std::string> tag = reader.non_empty_string("tag");
  const std::optional<std::string> written = reader.non_empty_string("decay");
  bool ok = true;
  if (reader.node("path") && reader.node("tag")) {
    reader.report_table("a rule needs exactly one of path or tag, not both");
    ok = false;
  } else if (!reader.node("path") && !reader.node("tag")) {
    reader.report_table("a rule needs exactly one of path (a glob) or tag");
    ok = false;
  }
  if (!reader.node("decay")) {
    reader.report_table("a rule needs a decay (a class or a duration)");
    ok = false;
  } else if (written) {
    if (Result<ResolvedDecay> read = read_decay(*written, decay); !read.ok()) {
      reader.report("decay", read.error().message);
      ok = false;
    }
  }
  if (!ok || !written || !(path || tag)) return std::nullopt;
  return DecayRule{path.value_or(""), tag.value_or(""), *written};
}

std::vector<DecayRule> read_rules(const TableReader& reader, const DecayConfig& decay) {
  std::vector<DecayRule> rules;
  const toml::node* node = reader.node("rules");
  if (!node) return rules;
  const toml::array* array = node->as_array();
  if (!array) {
    reader.report("rules", "expected an array of tables ([[decay.rules]]), got " +
                               std::string(type_name(*node)));
    return rules;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string path = reader.key_path("rules") + "[" + std::to_string(i) + "]";
    const toml::table* table = (*array)[i].as_table();
    if (!table) {
      reader.diagnostics().add((*array)[i].source(), path,
                               "expected a table, got " + std::string(type_name((*array)[i])));
      continue;
    }
    const TableReader rule_reader(*table, path, {"path", "tag", "decay"}, reader.diagnostics());
    if (auto rule = read_rule(rule_reader, decay)) rules.push_back(std::move(*rule));
  }
  return rules;
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
  decay.rules = read_rules(reader, decay);
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
