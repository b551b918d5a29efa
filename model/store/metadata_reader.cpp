// Reading the metadata the store keeps (metadata_codec.h): simdjson's On-Demand API, no
// JSON tree. Every note of a `list`, a report or a reminder pass is decoded here.
#include "model/store/metadata_codec.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <string_view>
#include <utility>

namespace freshd {
namespace {

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

Error malformed(std::string_view field, std::string_view why) {
  return Error{"stored note metadata is malformed: '" + std::string(field) + "' " +
               std::string(why)};
}

// The reading of metadata_from_json_text. simdjson's On-Demand API parses as the code asks
// for values; its failures (broken JSON, a wrong type) are thrown as simdjson_error by the
// accessors used here and caught by guarded(), which names the top-level field. The
// string_views it returns point into the parser and stay valid until its next document.
// Keys are compared as written: the writer escapes none, so an escaped key counts as unknown.
namespace od = simdjson::ondemand;

Error unreadable(std::string_view field, simdjson::error_code code) {
  switch (code) {
    case simdjson::INCORRECT_TYPE: return malformed(field, "has a value of the wrong type");
    case simdjson::NUMBER_OUT_OF_RANGE: return malformed(field, "has a number out of range");
    case simdjson::MEMALLOC:
    case simdjson::CAPACITY:
      return malformed(field, std::string("cannot be read: ") + simdjson::error_message(code));
    default:
      return malformed(field, std::string("is not valid JSON: ") + simdjson::error_message(code));
  }
}

Error lacks(std::string_view field, std::string_view key) {
  return malformed(field, "lacks '" + std::string(key) + "'");
}

std::string_view string_in(od::value& value) { return value.get_string().value(); }

// Lines are ints; a number beyond them was not written by metadata_to_json_text.
int int_in(od::value& value) {
  const std::int64_t number = value.get_int64().value();
  if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
    throw simdjson::simdjson_error(simdjson::NUMBER_OUT_OF_RANGE);
  }
  return static_cast<int>(number);
}

Result<Provenance> read_provenance(od::value& value, std::string_view field) {
  Provenance provenance;
  std::optional<std::string_view> source;
  od::object object = value.get_object();
  for (od::field member : object) {
    const od::raw_json_string key = member.key();
    if (key == "source") {
      source = string_in(member.value());
    } else if (key == "key") {
      provenance.key = string_in(member.value());
    } else if (key == "line") {
      provenance.line = int_in(member.value());
    } else if (key == "raw") {
      provenance.raw = string_in(member.value());
    }
  }
  if (!source) return lacks(field, "source");
  const auto kind = source_kind_from_string(*source);
  if (!kind) {
    return malformed(field, "has unknown provenance source '" + std::string(*source) + "'");
  }
  provenance.kind = *kind;
  return provenance;
}

// Errors are checked in metadata_from_json's order, so both give the same message for one
// wrong member. "value" is derived from the others: neither reader needs it.
Result<DatedFact> read_dated_fact(od::value& value, std::string_view field) {
  std::optional<std::string_view> precision;
  std::optional<std::string_view> day;
  std::optional<std::string_view> instant;
  std::optional<Result<Provenance>> provenance;
  od::object object = value.get_object();
  for (od::field member : object) {
    const od::raw_json_string key = member.key();
    if (key == "precision") {
      precision = string_in(member.value());
    } else if (key == "day") {
      day = string_in(member.value());
    } else if (key == "instant") {
      instant = string_in(member.value());
    } else if (key == "provenance") {
      provenance.emplace(read_provenance(member.value(), field));
    }
  }
  if (!precision) return lacks(field, "precision");
  DatedFact fact;
  const auto known = date_precision_from_string(*precision);
  if (!known) return malformed(field, "has unknown precision '" + std::string(*precision) + "'");
  fact.date.precision = *known;
  if (!day) return lacks(field, "day");
  if (!instant) return lacks(field, "instant");
  const auto parsed_day = parse_day_text(*day);
  const auto parsed_instant = parse_instant_text(*instant);
  if (!parsed_day || !parsed_instant) return malformed(field, "has an unreadable day or instant");
  fact.date.day = *parsed_day;
  fact.date.instant = *parsed_instant;
  if (!provenance) return lacks(field, "provenance");
  if (!*provenance) return provenance->error();
  fact.provenance = std::move(**provenance);
  return fact;
}

Result<TextFact> read_text_fact(od::value& value, std::string_view field) {
  std::optional<std::string_view> text;
  std::optional<Result<Provenance>> provenance;
  od::object object = value.get_object();
  for (od::field member : object) {
    const od::raw_json_string key = member.key();
    if (key == "value") {
      text = string_in(member.value());
    } else if (key == "provenance") {
      provenance.emplace(read_provenance(member.value(), field));
    }
  }
  if (!provenance) return lacks(field, "provenance");
  if (!*provenance) return provenance->error();
  if (!text) return lacks(field, "value");
  return TextFact{std::string(*text), std::move(**provenance)};
}

std::vector<std::string> read_tags(od::value& value) {
  std::vector<std::string> tags;
  od::array array = value.get_array();
  for (auto tag : array) tags.emplace_back(tag.get_string().value());
  return tags;
}

Result<std::vector<MetadataProblem>> read_problems(od::value& value) {
  std::vector<MetadataProblem> problems;
  od::array array = value.get_array();
  for (od::value element : array) {
    std::optional<int> line;
    std::optional<std::string_view> key;
    std::optional<std::string_view> message;
    od::object object = element.get_object();
    for (od::field member : object) {
      const od::raw_json_string name = member.key();
      if (name == "line") {
        line = int_in(member.value());
      } else if (name == "key") {
        key = string_in(member.value());
      } else if (name == "message") {
        message = string_in(member.value());
      }
    }
    if (!line) return lacks("problems", "line");
    if (!key) return lacks("problems", "key");
    if (!message) return lacks("problems", "message");
    problems.push_back(MetadataProblem{*line, std::string(*key), std::string(*message)});
  }
  return problems;
}

template <class Into, class T>
Status assign(Into& into, Result<T> read) {
  if (!read) return read.error();
  into = std::move(*read);
  return ok_status();
}

// simdjson's failures inside `field`, caught and named.
template <class Read>
Status guarded(std::string_view field, Read read) {
  try {
    return read();
  } catch (const simdjson::simdjson_error& e) {
    return unreadable(field, e.error());
  }
}

// One top-level member into `metadata`. A repeated key replaces the earlier value, as
// nlohmann's parser does.
Status read_field(od::raw_json_string key, od::value& value, NoteMetadata& metadata) {
  // Not structured bindings: clang 14 cannot capture them in a lambda.
  for (const auto& field : kDateFields) {
    if (key == field.first) {
      return guarded(field.first, [&] {
        return assign(metadata.*field.second, read_dated_fact(value, field.first));
      });
    }
  }
  for (const auto& field : kTextFields) {
    if (key == field.first) {
      return guarded(field.first, [&] {
        return assign(metadata.*field.second, read_text_fact(value, field.first));
      });
    }
  }
  if (key == "tags") {
    return guarded("tags", [&] {
      metadata.tags = read_tags(value);
      return ok_status();
    });
  }
  if (key == "problems") {
    return guarded("problems", [&] { return assign(metadata.problems, read_problems(value)); });
  }
  return ok_status();
}

Result<NoteMetadata> read_metadata(od::document& document) {
  od::object object;
  if (const auto error = document.get_object().get(object)) {
    if (error == simdjson::INCORRECT_TYPE) return malformed("metadata", "is not a JSON object");
    return unreadable("metadata", error);
  }
  NoteMetadata metadata;
  for (od::field member : object) {
    const od::raw_json_string key = member.key();
    if (auto read = read_field(key, member.value(), metadata); !read) return read.error();
  }
  // At the end of the text there is no location left (OUT_OF_BOUNDS).
  if (!document.current_location().error()) {
    return malformed("metadata", "is followed by more text");
  }
  return metadata;
}

}  // namespace

Result<NoteMetadata> metadata_from_json_text(std::string_view text) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the text. Reusing one parser and one
  // buffer per thread leaves the metadata's own strings as the only allocations.
  thread_local od::parser parser;
  thread_local std::string padded;
  padded.assign(text);
  padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  try {
    od::document document = parser.iterate(padded.data(), text.size(), padded.size());
    return read_metadata(document);
  } catch (const simdjson::simdjson_error& e) {
    return unreadable("metadata", e.error());
  }
}

}  // namespace freshd
