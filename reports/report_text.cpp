#include "reports/report_text.h"

#include <array>
#include <cmath>
#include <string_view>
#include <utility>

namespace freshd::report_text {
namespace {

// SourceKind names (note_metadata.h) as a reader says them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kSourceNames{{
    {"yaml_front_matter", "front matter"},
    {"toml_front_matter", "TOML front matter"},
    {"inline_field", "inline field"},
    {"plain_field", "field"},
    {"text_line", "text"},
    {"file_name", "file name"},
    {"first_seen", "first seen by freshd"},
    {"command", "freshctl validate"},
    {"config_rule", "config rule"},
    {"config_default", "config default"},
}};

std::string source_name(std::string_view kind) {
  for (const auto& [name, words] : kSourceNames)
    if (name == kind) return std::string(words);
  return std::string(kind);
}

}  // namespace

std::string percent(double freshness) {
  return std::to_string(std::lround(freshness * 100.0)) + "%";
}

std::string signed_number(int n) { return (n > 0 ? "+" : "") + std::to_string(n); }

std::string days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

std::string decay(const ReportNote& note) {
  if (note.interval_days == 0) return note.decay;
  return note.decay + " (" + days(note.interval_days) + ")";
}

std::string anchor(const ReportNote& note) {
  const std::string kind = note.anchor == "first_seen" ? "first seen" : note.anchor;
  return kind + " " + note.anchor_date;
}

std::string source(const ReportNote& note) {
  // The command's key repeats its name, and first_seen has neither key nor line.
  if (note.source == "command" || note.source == "first_seen") return source_name(note.source);
  std::string text = source_name(note.source);
  if (!note.source_key.empty()) text += " " + note.source_key;
  if (note.source_line > 0) text += ", line " + std::to_string(note.source_line);
  return text;
}

std::string location(const ReportProblem& problem) {
  if (problem.line <= 0) return problem.path;
  return problem.path + ":" + std::to_string(problem.line);
}

std::string owner(const std::string& owner) { return owner.empty() ? "—" : owner; }

}  // namespace freshd::report_text
