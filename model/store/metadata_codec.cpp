#include "model/store/metadata_codec.h"

#include "model/note_text.h"
#include "model/store/date_text.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <string_view>
#include <utility>

namespace freshd {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<DatePrecision, std::string_view>, 3> kPrecisionNames{{
    {DatePrecision::day, "day"},
    {DatePrecision::month, "month"},
    {DatePrecision::instant, "instant"},
}};

constexpr std::array<std::pair<std::string_view, std::optional<DatedFact> NoteMetadata::*>, 3>
    kDateFields{{
        {"published", &NoteMetadata::published},
        {"validated", &NoteMetadata::validated},
        {"edited", &NoteMetadata::edited},
    }};

constexpr std::array<std::pair<std::string_view, std::optional<TextFact> NoteMetadata::*>, 3>
    kTextFields{{
        {"title", &NoteMetadata::title},
        {"decay", &NoteMetadata::decay},
        {"owner", &NoteMetadata::owner},
    }};

std::string_view precision_name(DatePrecision precision) {
  for (const auto& [p, name] : kPrecisionNames)
    if (p == precision) return name;
  return "day";
}

Error malformed(std::string_view field, std::string_view why) {
  return Error{"stored note metadata is malformed: '" + std::string(field) + "' " +
               std::string(why)};
}

std::optional<int> parse_number(std::string_view text, int max) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0 || value > max) {
    return std::nullopt;
  }
  return value;
}

// "YYYY-MM-DD", as format_day writes it. (date::parse is avoided: its %S code trips
// g++ 12's -Wmaybe-uninitialized.)
std::optional<Days> parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_number(text.substr(0, 4), 9999);
  const auto month = parse_number(text.substr(5, 2), 12);
  const auto day = parse_number(text.substr(8, 2), 31);
  if (!year || !month || !day) return std::nullopt;
  const date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                 date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return Days{ymd};
}

// "YYYY-MM-DDTHH:MM:SSZ", as format_instant writes it.
std::optional<Seconds> parse_instant(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  const auto day = parse_day(text.substr(0, 10));
  const auto hours = parse_number(text.substr(11, 2), 23);
  const auto minutes = parse_number(text.substr(14, 2), 59);
  const auto seconds = parse_number(text.substr(17, 2), 60);
  if (!day || !hours || !minutes || !seconds) return std::nullopt;
  return Seconds{*day} + std::chrono::hours{*hours} + std::chrono::minutes{*minutes} +
         std::chrono::seconds{*seconds};
}

Result<Provenance> provenance_from_json(const json& j, std::string_view field) {
  const auto source = j.at("source").get<std::string>();
  const auto kind = source_kind_from_string(source);
  if (!kind) return malformed(field, "has unknown provenance source '" + source + "'");
  Provenance provenance;
  provenance.kind = *kind;
  provenance.key = j.value("key", std::string{});
  provenance.line = j.value("line", 0);
  provenance.raw = j.value("raw", std::string{});
  return provenance;
}

Result<DateValue> date_value_from_json(const json& j, std::string_view field) {
  DateValue date;
  const auto precision = j.at("precision").get<std::string>();
  bool known = false;
  for (const auto& [p, name] : kPrecisionNames) {
    if (name == precision) {
      date.precision = p;
      known = true;
    }
  }
  if (!known) return malformed(field, "has unknown precision '" + precision + "'");
  // The store keeps both views of a DateValue: the vault's zone that produced them may not
  // be known (or may have changed) when the value is read back.
  const auto day = parse_day(j.at("day").get<std::string>());
  const auto instant = parse_instant(j.at("instant").get<std::string>());
  if (!day || !instant) return malformed(field, "has an unreadable day or instant");
  date.day = *day;
  date.instant = *instant;
  return date;
}

Result<DatedFact> dated_fact_from_json(const json& j, std::string_view field) {
  auto date = date_value_from_json(j, field);
  if (!date) return date.error();
  auto provenance = provenance_from_json(j.at("provenance"), field);
  if (!provenance) return provenance.error();
  return DatedFact{*date, std::move(*provenance)};
}

Result<TextFact> text_fact_from_json(const json& j, std::string_view field) {
  auto provenance = provenance_from_json(j.at("provenance"), field);
  if (!provenance) return provenance.error();
  return TextFact{j.at("value").get<std::string>(), std::move(*provenance)};
}

json text_fact_to_json(const TextFact& fact) {
  return {{"value", fact.value}, {"provenance", provenance_to_json(fact.provenance)}};
}

// Builds the metadata; nlohmann's exceptions (missing key, wrong type) are caught by the
// caller, which is this adapter's boundary.
Result<NoteMetadata> decode(const json& j) {
  if (!j.is_object()) return malformed("metadata", "is not a JSON object");
  NoteMetadata metadata;
  for (const auto& [name, member] : kDateFields) {
    const auto it = j.find(name);
    if (it == j.end()) continue;
    auto fact = dated_fact_from_json(*it, name);
    if (!fact) return fact.error();
    metadata.*member = std::move(*fact);
  }
  for (const auto& [name, member] : kTextFields) {
    const auto it = j.find(name);
    if (it == j.end()) continue;
    auto fact = text_fact_from_json(*it, name);
    if (!fact) return fact.error();
    metadata.*member = std::move(*fact);
  }
  metadata.tags = j.value("tags", std::vector<std::string>{});
  for (const json& problem : j.value("problems", json::array())) {
    metadata.problems.push_back(MetadataProblem{problem.at("line").get<int>(),
                                                problem.at("key").get<std::string>(),
                                                problem.at("message").get<std::string>()});
  }
  return metadata;
}

// Writes JSON as nlohmann's dump() does: no blanks, object keys in byte order (the callers
// write them so), and in strings only '"', '\\' and control characters escaped.
class JsonText {
 public:
  std::string take() { return std::move(out_); }

  void string(std::string_view text) {
    out_.push_back('"');
    for (const char c : text) escape(c);
    out_.push_back('"');
  }

  void key(std::string_view name) {
    separate();
    string(name);
    out_.push_back(':');
  }

  void number(int value) { out_ += std::to_string(value); }

  void open(char bracket) {
    out_.push_back(bracket);
    first_ = true;
  }

  void close(char bracket) {
    out_.push_back(bracket);
    first_ = false;
  }

  // Before an array element: the comma that separates it from the previous one.
  void separate() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }

 private:
  void escape(char c) {
    switch (c) {
      case '"': out_ += "\\\""; return;
      case '\\': out_ += "\\\\"; return;
      case '\b': out_ += "\\b"; return;
      case '\f': out_ += "\\f"; return;
      case '\n': out_ += "\\n"; return;
      case '\r': out_ += "\\r"; return;
      case '\t': out_ += "\\t"; return;
      default: break;
    }
    if (static_cast<unsigned char>(c) > 0x1F) {
      out_.push_back(c);
      return;
    }
    char code[8];
    std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(c));
    out_ += code;
  }

  std::string out_;
  bool first_ = true;
};

void write_provenance(JsonText& out, const Provenance& provenance) {
  out.open('{');
  if (!provenance.key.empty()) {
    out.key("key");
    out.string(provenance.key);
  }
  if (provenance.line != 0) {
    out.key("line");
    out.number(provenance.line);
  }
  out.key("raw");
  out.string(provenance.raw);
  out.key("source");
  out.string(to_string(provenance.kind));
  out.close('}');
}

void write_text_fact(JsonText& out, std::string_view name, const std::optional<TextFact>& fact) {
  if (!fact) return;
  out.key(name);
  out.open('{');
  out.key("provenance");
  write_provenance(out, fact->provenance);
  out.key("value");
  out.string(fact->value);
  out.close('}');
}

void write_dated_fact(JsonText& out, std::string_view name,
                      const std::optional<DatedFact>& fact) {
  if (!fact) return;
  out.key(name);
  out.open('{');
  out.key("day");
  out.string(date_text::day(fact->date.day));
  out.key("instant");
  out.string(date_text::instant(fact->date.instant));
  out.key("precision");
  out.string(precision_name(fact->date.precision));
  out.key("provenance");
  write_provenance(out, fact->provenance);
  out.key("value");
  out.string(date_text::value(fact->date));
  out.close('}');
}

void write_problems(JsonText& out, const std::vector<MetadataProblem>& problems) {
  out.key("problems");
  out.open('[');
  for (const MetadataProblem& problem : problems) {
    out.separate();
    out.open('{');
    out.key("key");
    out.string(problem.key);
    out.key("line");
    out.number(problem.line);
    out.key("message");
    out.string(problem.message);
    out.close('}');
  }
  out.close(']');
}

void write_tags(JsonText& out, const std::vector<std::string>& tags) {
  out.key("tags");
  out.open('[');
  for (const std::string& tag : tags) {
    out.separate();
    out.string(tag);
  }
  out.close(']');
}

}  // namespace

std::string metadata_to_json_text(const NoteMetadata& metadata) {
  // The keys in byte order, as nlohmann's std::map keeps them.
  JsonText out;
  out.open('{');
  write_text_fact(out, "decay", metadata.decay);
  write_dated_fact(out, "edited", metadata.edited);
  write_text_fact(out, "owner", metadata.owner);
  write_problems(out, metadata.problems);
  write_dated_fact(out, "published", metadata.published);
  write_tags(out, metadata.tags);
  write_text_fact(out, "title", metadata.title);
  write_dated_fact(out, "validated", metadata.validated);
  out.close('}');
  std::string text = out.take();
  // Only strings can hold bytes that are not UTF-8 (file names, mostly); the library's
  // replacement rules are not worth repeating for them.
  if (find_invalid_utf8(text) == std::string_view::npos) return text;
  return metadata_to_json(metadata).dump(-1, ' ', false, json::error_handler_t::replace);
}

json provenance_to_json(const Provenance& provenance) {
  json j = {{"source", std::string(to_string(provenance.kind))}};
  if (!provenance.key.empty()) j["key"] = provenance.key;
  if (provenance.line != 0) j["line"] = provenance.line;
  j["raw"] = provenance.raw;
  return j;
}

json date_fact_to_json(const DatedFact& fact) {
  return {{"value", date_text::value(fact.date)},
          {"precision", std::string(precision_name(fact.date.precision))},
          {"provenance", provenance_to_json(fact.provenance)}};
}

json metadata_to_json(const NoteMetadata& metadata) {
  json j = json::object();
  for (const auto& [name, member] : kDateFields) {
    const auto& fact = metadata.*member;
    if (!fact) continue;
    json encoded = date_fact_to_json(*fact);
    encoded["day"] = date_text::day(fact->date.day);
    encoded["instant"] = date_text::instant(fact->date.instant);
    j[std::string(name)] = std::move(encoded);
  }
  for (const auto& [name, member] : kTextFields) {
    if (const auto& fact = metadata.*member) j[std::string(name)] = text_fact_to_json(*fact);
  }
  j["tags"] = metadata.tags;
  j["problems"] = json::array();
  for (const MetadataProblem& problem : metadata.problems) {
    j["problems"].push_back(
        {{"line", problem.line}, {"key", problem.key}, {"message", problem.message}});
  }
  return j;
}

Result<NoteMetadata> metadata_from_json(const json& encoded) {
  try {
    return decode(encoded);
  } catch (const nlohmann::json::exception& e) {
    return Error{std::string("stored note metadata is malformed: ") + e.what()};
  }
}

}  // namespace freshd
