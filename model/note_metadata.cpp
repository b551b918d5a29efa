#include "model/note_metadata.h"

#include <array>
#include <utility>

namespace freshd {
namespace {

constexpr std::array<std::pair<SourceKind, std::string_view>, 10> kSourceNames{{
    {SourceKind::yaml_front_matter, "yaml_front_matter"},
    {SourceKind::toml_front_matter, "toml_front_matter"},
    {SourceKind::inline_field, "inline_field"},
    {SourceKind::plain_field, "plain_field"},
    {SourceKind::text_line, "text_line"},
    {SourceKind::file_name, "file_name"},
    {SourceKind::first_seen, "first_seen"},
    {SourceKind::command, "command"},
    {SourceKind::config_rule, "config_rule"},
    {SourceKind::config_default, "config_default"},
}};

}  // namespace

std::string_view to_string(SourceKind kind) {
  for (const auto& [k, name] : kSourceNames)
    if (k == kind) return name;
  return "unknown";
}

std::optional<SourceKind> source_kind_from_string(std::string_view text) {
  for (const auto& [k, name] : kSourceNames)
    if (name == text) return k;
  return std::nullopt;
}

}  // namespace freshd
