// A reference reading and writing of the stored metadata through nlohmann's JSON tree: the
// straightforward form of metadata_codec.h's contract, which the direct writer and the
// simdjson reader must agree with, byte for byte and value for value. Tests only.
#pragma once

#include "model/store/metadata_codec.h"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace freshd::test {

using nlohmann::json;

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

inline Error malformed(std::string_view field, std::string_view why) {
  return Error{"stored note metadata is malformed: '" + std::string(field) + "' " +
               std::string(why)};
}

inline Result<Provenance> provenance_from_json(const json& j, std::string_view field) {
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

inline Result<DateValue> date_value_from_json(const json& j, std::string_view field) {
  DateValue date;
  const auto precision = j.at("precision").get<std::string>();
  const auto known = date_precision_from_string(precision);
  if (!known) return malformed(field, "has unknown precision '" + precision + "'");
  date.precision = *known;
  // The store keeps both views of a DateValue: the vault's zone that produced them may not
  // be known (or may have changed) when the value is read back.
  const auto day = parse_day_text(j.at("day").get<std::string>());
  const auto instant = parse_instant_text(j.at("instant").get<std::string>());
  if (!day || !instant) return malformed(field, "has an unreadable day or instant");
  date.day = *day;
  date.instant = *instant;
  return date;
}

inline Result<DatedFact> dated_fact_from_json(const json& j, std::string_view field) {
  auto date = date_value_from_json(j, field);
  if (!date) return date.error();
  auto provenance = provenance_from_json(j.at("provenance"), field);
  if (!provenance) return provenance.error();
  return DatedFact{*date, std::move(*provenance)};
}

inline Result<TextFact> text_fact_from_json(const json& j, std::string_view field) {
  auto provenance = provenance_from_json(j.at("provenance"), field);
  if (!provenance) return provenance.error();
  return TextFact{j.at("value").get<std::string>(), std::move(*provenance)};
}

inline json text_fact_to_json(const TextFact& fact) {
  return {{"value", fact.value}, {"provenance", provenance_to_json(fact.provenance)}};
}

// Builds the metadata; nlohmann's exceptions (missing key, wrong type) are caught by the
// caller, which is this adapter's boundary.
inline Result<NoteMetadata> decode(const json& j) {
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

inline json metadata_to_json(const NoteMetadata& metadata) {
  json j = json::object();
  for (const auto& [name, member] : kDateFields) {
    const auto& fact = metadata.*member;
    if (!fact) continue;
    json encoded = date_fact_to_json(*fact);
    encoded["day"] = format_day(fact->date.day);
    encoded["instant"] = format_instant(fact->date.instant);
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

inline Result<NoteMetadata> metadata_from_json(const json& encoded) {
  try {
    return decode(encoded);
  } catch (const nlohmann::json::exception& e) {
    return Error{std::string("stored note metadata is malformed: ") + e.what()};
  }
}

}  // namespace freshd::test
