#include "config/toml_reader.h"

#include <sstream>

#include <algorithm>

namespace freshd::config_detail {
namespace {

std::string join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string got(const toml::node& node) { return ", got " + std::string(type_name(node)); }

}  // namespace

void Diagnostics::add(const toml::source_region& where, std::string_view key_path,
                      std::string_view message) {
  errors_.push_back({where.begin.line, file_ + ":" + std::to_string(where.begin.line) + ": " +
                                           std::string(key_path) + ": " + std::string(message)});
}

Error Diagnostics::error() const {
  std::vector<Entry> sorted = errors_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Entry& a, const Entry& b) { return a.line < b.line; });
  std::string message;
  for (const Entry& entry : sorted) message += (message.empty() ? "" : "\n") + entry.text;
  return Error{message};
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "table";
    case toml::node_type::array: return "array";
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::date: return "date";
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::string_view closest(std::string_view word,
                         std::initializer_list<std::string_view> candidates) {
  std::string_view best;
  std::size_t best_distance = 3;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

TableReader::TableReader(const toml::table& table, std::string path,
                         std::initializer_list<std::string_view> accepted, Diagnostics& diagnostics)
    : table_(table), path_(std::move(path)), diagnostics_(diagnostics) {
  for (const auto& [key, value] : table_) {
    const std::string_view name = key.str();
    if (std::find(accepted.begin(), accepted.end(), name) != accepted.end()) continue;
    std::string message = "unknown key";
    if (const std::string_view guess = closest(name, accepted); !guess.empty())
      message += " (did you mean '" + std::string(guess) + "'?)";
    diagnostics_.add(key.source(), key_path(name), message + "; accepted: " + join(accepted));
  }
}

void TableReader::report(std::string_view key, std::string_view message) const {
  const toml::node* value = node(key);
  diagnostics_.add(value ? value->source() : table_.source(), key_path(key), message);
}

void TableReader::report_table(std::string_view message) const {
  diagnostics_.add(table_.source(), path_, message);
}

std::optional<std::string> TableReader::string(std::string_view key) const {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  if (const auto* text = value->as_string()) return text->get();
  report(key, "expected a string" + got(*value));
  return std::nullopt;
}

std::optional<std::string> TableReader::non_empty_string(std::string_view key) const {
  std::optional<std::string> text = string(key);
  if (text && text->empty()) {
    report(key, "must not be empty");
    return std::nullopt;
  }
  return text;
}

std::optional<bool> TableReader::boolean(std::string_view key) const {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  if (const auto* flag = value->as_boolean()) return flag->get();
  report(key, "expected true or false" + got(*value));
  return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max) const {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  const auto* number = value->as_integer();
  if (!number) {
    report(key, "expected an integer" + got(*value));
    return std::nullopt;
  }
  const std::int64_t n = number->get();
  if (n < min || n > max) {
    report(key, "must be " + std::to_string(n < min ? min : max) +
                    (n < min ? " or more" : " or less") + ", got " + std::to_string(n));
    return std::nullopt;
  }
  return number->get();
}

std::optional<double> TableReader::number(std::string_view key, double min, double max) const {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  std::optional<double> n;
  if (const auto* f = value->as_floating_point()) n = f->get();
  if (const auto* i = value->as_integer()) n = static_cast<double>(i->get());
  if (!n) {
    report(key, "expected a number" + got(*value));
    return std::nullopt;
  }
  if (*n < min || *n > max) {
    std::ostringstream range;
    range << "must be between " << min << " and " << max << ", got " << *n;
    report(key, range.str());
    return std::nullopt;
  }
  return n;
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key) const {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  const auto* array = value->as_array();
  if (!array) {
    report(key, "expected an array of strings" + got(*value));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = (*array)[i];
    const std::string where = key_path(key) + "[" + std::to_string(i) + "]";
    const auto* text = element.as_string();
    if (!text || text->get().empty()) {
      diagnostics_.add(element.source(), where,
                       text ? "must not be empty" : "expected a string" + got(element));
      ok = false;
      continue;
    }
    out.push_back(text->get());
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<Interval> TableReader::interval(std::string_view key, bool allow_never) const {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  const auto* text = value->as_string();
  if (!text) {
    report(key, "expected a duration as a string (\"7d\", \"2w\", \"6 months\")" + got(*value));
    return std::nullopt;
  }
  Result<Interval> parsed = parse_interval(text->get());
  if (!parsed.ok()) {
    report(key, parsed.error().message);
    return std::nullopt;
  }
  if (parsed->never && !allow_never) {
    report(key, "'" + text->get() + "' is not allowed here; give a duration (examples: 7d, 2w)");
    return std::nullopt;
  }
  return *parsed;
}

std::optional<std::chrono::seconds> TableReader::span(std::string_view key) const {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  if (const auto* number = value->as_integer()) {
    if (number->get() > 0) return std::chrono::seconds{number->get()};
    report(key, "must be a positive number of seconds, got " + std::to_string(number->get()));
    return std::nullopt;
  }
  const auto* text = value->as_string();
  if (!text) {
    report(key, "expected a span as a string (\"30s\", \"1h\") or seconds" + got(*value));
    return std::nullopt;
  }
  Result<std::chrono::seconds> parsed = parse_span(text->get());
  if (!parsed.ok()) {
    report(key, parsed.error().message);
    return std::nullopt;
  }
  return *parsed;
}

const toml::table* TableReader::table(std::string_view key) const {
  const toml::node* value = node(key);
  if (!value) return nullptr;
  if (const auto* sub = value->as_table()) return sub;
  report(key, "expected a table ([" + key_path(key) + "])" + got(*value));
  return nullptr;
}

std::vector<TableReader> TableReader::tables(
    std::string_view key, std::initializer_list<std::string_view> accepted) const {
  std::vector<TableReader> out;
  const toml::node* value = node(key);
  if (!value) return out;
  const toml::array* array = value->as_array();
  if (!array) {
    report(key, "expected an array of tables ([[" + key_path(key) + "]])" + got(*value));
    return out;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string path = key_path(key) + "[" + std::to_string(i) + "]";
    if (const toml::table* entry = (*array)[i].as_table())
      out.emplace_back(*entry, path, accepted, diagnostics_);
    else
      diagnostics_.add((*array)[i].source(), path, "expected a table" + got((*array)[i]));
  }
  return out;
}

}  // namespace freshd::config_detail
