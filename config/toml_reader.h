// Reading config sections out of a parsed TOML document: typed getters that turn wrong
// types and bad values into "FILE:LINE: key.path: ..." errors. Private to config/.
#pragma once

#include "model/interval.h"
#include "model/result.h"

#include <toml++/toml.h>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace freshd::config_detail {

// Collects every error of one file, so a user fixes them in one go.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  // Records "FILE:LINE: key_path: message".
  void add(const toml::source_region& where, std::string_view key_path, std::string_view message);

  bool empty() const { return errors_.empty(); }

  // All errors ordered by line, one per line of the message. Precondition: !empty().
  Error error() const;

 private:
  struct Entry {
    std::uint32_t line;
    std::string text;
  };
  std::string file_;
  std::vector<Entry> errors_;
};

// Reads one TOML table as a config section named `path` ("vault", "decay.rules[0]").
// Keys outside `accepted` are reported on construction. Each getter returns nullopt when
// the key is absent or its value is wrong; the latter is reported.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string path,
              std::initializer_list<std::string_view> accepted, Diagnostics& diagnostics);
  // A table whose keys are names the user chooses ([decay.classes]): any key is accepted.
  TableReader(const toml::table& table, std::string path, Diagnostics& diagnostics)
      : table_(table), path_(std::move(path)), diagnostics_(diagnostics) {}

  const toml::table& toml_table() const { return table_; }

  const std::string& path() const { return path_; }
  Diagnostics& diagnostics() const { return diagnostics_; }
  std::string key_path(std::string_view key) const { return path_ + "." + std::string(key); }
  const toml::node* node(std::string_view key) const { return table_.get(key); }

  // Reports `message` at the value of `key` (at the table itself when it is absent).
  void report(std::string_view key, std::string_view message) const;
  // Reports `message` about the whole table.
  void report_table(std::string_view message) const;

  std::optional<std::string> string(std::string_view key) const;
  std::optional<std::string> non_empty_string(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key) const;
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min,
                                      std::int64_t max) const;
  // A number (integer or float) within [min, max].
  std::optional<double> number(std::string_view key, double min, double max) const;
  std::optional<std::vector<std::string>> strings(std::string_view key) const;
  // A duration string ("90d"). `never` is refused unless `allow_never`.
  std::optional<Interval> interval(std::string_view key, bool allow_never) const;
  // A span string ("30s", "1h") or an integer number of seconds.
  std::optional<std::chrono::seconds> span(std::string_view key) const;
  // A sub-table ("[vault.keys]"); nullptr when absent or not a table (reported).
  const toml::table* table(std::string_view key) const;
  // An array of tables ("[[decay.rules]]"), one reader per table, named "key[i]"; entries
  // that are not tables, or a value that is not an array, are reported and left out.
  std::vector<TableReader> tables(std::string_view key,
                                  std::initializer_list<std::string_view> accepted) const;

 private:
  const toml::table& table_;
  std::string path_;
  Diagnostics& diagnostics_;
};

// "string", "integer", "array", ... as a user writes TOML.
std::string_view type_name(const toml::node& node);

// The closest of `candidates` to `word` within two edits, or "" when none is close.
std::string_view closest(std::string_view word, std::initializer_list<std::string_view> candidates);

}  // namespace freshd::config_detail
