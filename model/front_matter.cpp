#include "model/front_matter.h"

#include <toml++/toml.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace freshd {
namespace {

constexpr std::string_view kFixIt = "; fix the front matter";

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

MetadataProblem front_matter_problem(int line, std::string message) {
  return {line, "", std::move(message) + std::string(kFixIt)};
}

FrontMatterFormat opening_format(std::string_view first_line) {
  // Trailing blanks after a delimiter are invisible in editors, so they are tolerated.
  const auto line = trim(first_line);
  if (line == "---" && first_line.starts_with("---")) return FrontMatterFormat::yaml;
  if (line == "+++" && first_line.starts_with("+++")) return FrontMatterFormat::toml;
  return FrontMatterFormat::none;
}

bool is_closing(std::string_view line, FrontMatterFormat format) {
  const auto text = trim(line);
  if (!line.starts_with(text)) return false;
  if (format == FrontMatterFormat::toml) return text == "+++";
  return text == "---" || text == "...";  // "..." ends a YAML document (Pandoc)
}

// ---- YAML ----------------------------------------------------------------------------

// Lines of the front matter only, so YAML marks (0-based lines) index into them directly.
using BlockLines = std::vector<std::string_view>;

std::optional<FrontMatterEntry> yaml_entry(const YAML::Node& key, const YAML::Node& value,
                                           const BlockLines& block, int first_line) {
  FrontMatterEntry entry{key.Scalar(), "", {}, false, first_line + key.Mark().line};
  if (value.IsScalar()) {
    entry.value = value.Scalar();
  } else if (value.IsSequence()) {
    entry.is_list = true;
    for (const auto& item : value)
      if (item.IsScalar()) entry.items.push_back(item.Scalar());
    entry.value = join(entry.items);
  } else if (value.IsMap() && value.Mark().line == key.Mark().line) {
    // A flow mapping on the key's line is almost always an unfilled template such as
    // "date: {{date}}"; keeping its text lets the date parser say so.
    const auto& line = block[static_cast<std::size_t>(value.Mark().line)];
    entry.value = std::string(trim(line.substr(static_cast<std::size_t>(value.Mark().column))));
  } else {
    return std::nullopt;
  }
  return entry;
}

void read_yaml(const std::string& text, const BlockLines& block, int first_line,
               FrontMatter& out) {
  try {
    const YAML::Node root = YAML::Load(text);
    if (root.IsNull()) return;
    if (!root.IsMap()) {
      out.problems.push_back(front_matter_problem(
          first_line - 1, "YAML front matter is not a list of 'key: value' lines"));
      return;
    }
    for (const auto& pair : root) {
      if (!pair.first.IsScalar()) continue;
      if (auto entry = yaml_entry(pair.first, pair.second, block, first_line))
        out.entries.push_back(std::move(*entry));
    }
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp 0.7 gives this one a misleading message ("bad file").
    out.entries.clear();
    out.problems.push_back(front_matter_problem(
        first_line + e.mark.line,
        "broken YAML front matter: nested more than " + std::to_string(e.depth() - 1) +
            " levels deep"));
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? first_line - 1 : first_line + e.mark.line;
    out.entries.clear();
    out.problems.push_back(front_matter_problem(line, "broken YAML front matter: " + e.msg));
  } catch (const std::exception& e) {
    out.entries.clear();
    out.problems.push_back(front_matter_problem(
        first_line - 1, std::string("YAML front matter could not be read: ") + e.what()));
  }
}

// ---- TOML ----------------------------------------------------------------------------

std::string toml_date_text(const toml::date& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year),
                static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
  return buffer;
}

std::string toml_time_text(const toml::time& t) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02u:%02u:%02u", static_cast<unsigned>(t.hour),
                static_cast<unsigned>(t.minute), static_cast<unsigned>(t.second));
  std::string out = buffer;
  if (t.nanosecond != 0) {
    std::snprintf(buffer, sizeof buffer, ".%09u", static_cast<unsigned>(t.nanosecond));
    out += std::string_view(buffer).substr(0, std::string_view(buffer).find_last_not_of('0') + 1);
  }
  return out;
}

std::string toml_offset_text(const toml::time_offset& offset) {
  if (offset.minutes == 0) return "Z";
  const int minutes = offset.minutes < 0 ? -offset.minutes : offset.minutes;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset.minutes < 0 ? '-' : '+',
                minutes / 60, minutes % 60);
  return buffer;
}

// TOML's own date types become ISO 8601 text, which parse_date reads like any other
// value; a date-time without an offset stays local, so it follows the vault's zone.
std::optional<std::string> toml_scalar_text(const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* i = node.as_integer()) return std::to_string(i->get());
  if (const auto* f = node.as_floating_point()) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", f->get());
    return std::string(buffer);
  }
  if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
  if (const auto* d = node.as_date()) return toml_date_text(d->get());
  if (const auto* t = node.as_time()) return toml_time_text(t->get());
  if (const auto* dt = node.as_date_time()) {
    const auto& value = dt->get();
    std::string text = toml_date_text(value.date) + "T" + toml_time_text(value.time);
    if (value.offset) text += toml_offset_text(*value.offset);
    return text;
  }
  return std::nullopt;
}

std::optional<FrontMatterEntry> toml_entry(std::string_view key, const toml::node& node,
                                           int first_line) {
  FrontMatterEntry entry{std::string(key), "", {}, false,
                         first_line - 1 + static_cast<int>(node.source().begin.line)};
  if (const auto* array = node.as_array()) {
    entry.is_list = true;
    for (const auto& item : *array)
      if (auto text = toml_scalar_text(item)) entry.items.push_back(std::move(*text));
    entry.value = join(entry.items);
    return entry;
  }
  auto text = toml_scalar_text(node);
  if (!text) return std::nullopt;
  entry.value = std::move(*text);
  return entry;
}

void read_toml(const std::string& text, int first_line, FrontMatter& out) {
  try {
    const toml::table table = toml::parse(text);
    for (const auto& [key, node] : table)
      if (auto entry = toml_entry(key.str(), node, first_line))
        out.entries.push_back(std::move(*entry));
  } catch (const toml::parse_error& e) {
    const int line = first_line - 1 + static_cast<int>(e.source().begin.line);
    out.entries.clear();
    out.problems.push_back(
        front_matter_problem(line, "broken TOML front matter: " + std::string(e.description())));
  }
}

// ---- the block ---------------------------------------------------------------------

std::size_t find_closing(const std::vector<std::string_view>& lines, FrontMatterFormat format) {
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (is_closing(lines[i], format)) return i;
  return std::string_view::npos;
}

std::size_t block_bytes(const BlockLines& block) {
  std::size_t bytes = 0;
  for (const auto line : block) bytes += line.size() + 1;
  return bytes;
}

std::string join_lines(const BlockLines& block) {
  std::string text;
  text.reserve(block_bytes(block));
  for (const auto line : block) {
    text += line;
    text += '\n';
  }
  return text;
}

}  // namespace

FrontMatter read_front_matter(const std::vector<std::string_view>& lines) {
  FrontMatter out;
  if (lines.empty()) return out;
  out.format = opening_format(lines.front());
  if (out.format == FrontMatterFormat::none) return out;
  const std::string_view mark = out.format == FrontMatterFormat::yaml ? "---" : "+++";

  const std::size_t closing = find_closing(lines, out.format);
  if (closing == std::string_view::npos) {
    out.problems.push_back(front_matter_problem(
        1, "front matter opened by '" + std::string(mark) + "' is never closed (no '" +
               std::string(mark) + "' line follows)"));
    return out;
  }
  out.body_begin = closing + 1;
  const BlockLines block(lines.begin() + 1, lines.begin() + static_cast<long>(closing));
  if (block_bytes(block) > kMaxFrontMatterBytes) {
    out.problems.push_back(front_matter_problem(
        1, "front matter is larger than " + std::to_string(kMaxFrontMatterBytes / 1024) +
               " KiB and was not read"));
    return out;
  }
  constexpr int kFirstBlockLine = 2;  // the line after the opening delimiter
  const std::string text = join_lines(block);
  if (out.format == FrontMatterFormat::yaml)
    read_yaml(text, block, kFirstBlockLine, out);
  else
    read_toml(text, kFirstBlockLine, out);
  std::stable_sort(out.entries.begin(), out.entries.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return out;
}

}  // namespace freshd
