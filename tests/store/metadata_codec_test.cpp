#include "model/store/metadata_codec.h"

#include "tests/store/store_fixtures.h"

#include <doctest/doctest.h>

using nlohmann::json;

namespace freshd {
namespace {

using test::day;
using test::day_fact;
using test::text_fact;

// Every field set, instants and months included, and every source kind used at least once.
NoteMetadata full_metadata() {
  NoteMetadata m;
  m.title = text_fact("Scaling laws, revisited", SourceKind::yaml_front_matter, "title", 2);
  m.published = DatedFact{
      DateValue{DatePrecision::instant, day(2025, 12, 4), test::at(2025, 12, 4, 9, 30)},
      Provenance{SourceKind::toml_front_matter, "date", 3, "2025-12-04T10:30:00+01:00"}};
  m.validated = day_fact(day(2026, 4, 6), SourceKind::inline_field, "reviewed", 9);
  m.edited = DatedFact{DateValue{DatePrecision::month, day(2024, 5, 1), test::at(2024, 4, 30, 22)},
                       Provenance{SourceKind::file_name, "", 0, "2024-05"}};
  m.decay = text_fact("fast", SourceKind::plain_field, "decay_rate", 4);
  m.owner = text_fact("ana", SourceKind::text_line, "", 12);
  m.tags = {"ai", "scaling"};
  m.problems = {MetadataProblem{5, "date", "'2026-13-01' is not a date"},
                MetadataProblem{0, "", "front matter is not closed"}};
  return m;
}

TEST_CASE("metadata survives a round trip through JSON exactly") {
  const NoteMetadata original = full_metadata();
  const auto decoded = metadata_from_json(json::parse(metadata_to_json(original).dump()));
  REQUIRE(decoded.ok());
  CHECK(*decoded == original);
}

TEST_CASE("empty metadata survives a round trip") {
  const auto decoded = metadata_from_json(metadata_to_json(NoteMetadata{}));
  REQUIRE(decoded.ok());
  CHECK(*decoded == NoteMetadata{});
}

TEST_CASE("every source kind survives a round trip") {
  const SourceKind kinds[] = {
      SourceKind::yaml_front_matter, SourceKind::toml_front_matter, SourceKind::inline_field,
      SourceKind::plain_field,       SourceKind::text_line,         SourceKind::file_name,
      SourceKind::first_seen,        SourceKind::command,           SourceKind::config_rule,
      SourceKind::config_default};
  for (const SourceKind kind : kinds) {
    CAPTURE(to_string(kind));
    NoteMetadata m;
    m.validated = day_fact(day(2026, 1, 2), kind, "k", 1);
    m.decay = text_fact("slow", kind, "", 0);
    const auto decoded = metadata_from_json(metadata_to_json(m));
    REQUIRE(decoded.ok());
    CHECK(*decoded == m);
  }
}

TEST_CASE("the stored text is the JSON library's own dump, byte for byte") {
  NoteMetadata escapes = full_metadata();
  escapes.title->value = "quote \" backslash \\ tab \t newline \n bell \a del \x7f é";
  escapes.problems.push_back({3, "k\x01", "control \x1f and \r\b\f"});
  NoteMetadata bad_utf8;
  bad_utf8.published = DatedFact{DateValue{DatePrecision::day, day(2024, 5, 1), {}},
                                 Provenance{SourceKind::file_name, "", 0, "2024-05-01-\xff\xfe.md"}};
  const struct {
    const char* name;
    NoteMetadata metadata;
  } cases[] = {
      {"every field", full_metadata()},
      {"nothing", NoteMetadata{}},
      {"escaped characters", escapes},
      {"bytes that are not UTF-8", bad_utf8},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(metadata_to_json_text(c.metadata) ==
          metadata_to_json(c.metadata).dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

TEST_CASE("a date fact shows its value, precision and provenance") {
  const DatedFact fact = day_fact(day(2026, 4, 6), SourceKind::yaml_front_matter,
                                  "last_validated", 3);
  CHECK(date_fact_to_json(fact) == json::parse(R"({
    "value": "2026-04-06", "precision": "day",
    "provenance": {"source": "yaml_front_matter", "key": "last_validated", "line": 3,
                   "raw": "2026-04-06"}})"));
}

TEST_CASE("instants and months are shown in their own forms") {
  const NoteMetadata m = full_metadata();
  CHECK(date_fact_to_json(*m.published)["value"] == "2025-12-04T09:30:00Z");
  CHECK(date_fact_to_json(*m.published)["precision"] == "instant");
  CHECK(date_fact_to_json(*m.edited)["value"] == "2024-05");
  CHECK(date_fact_to_json(*m.edited)["precision"] == "month");
}

TEST_CASE("provenance omits an empty key and a zero line") {
  CHECK(provenance_to_json(Provenance{SourceKind::file_name, "", 0, "2024-05-01"}) ==
        json{{"source", "file_name"}, {"raw", "2024-05-01"}});
  CHECK(provenance_to_json(Provenance{SourceKind::text_line, "", 7, "Published May 1"}) ==
        json{{"source", "text_line"}, {"line", 7}, {"raw", "Published May 1"}});
}

TEST_CASE("JSON that metadata_to_json did not write is an error") {
  json unknown_source = metadata_to_json(full_metadata());
  unknown_source["validated"]["provenance"]["source"] = "telepathy";
  json unknown_precision = metadata_to_json(full_metadata());
  unknown_precision["published"]["precision"] = "weekly";
  json bad_day = metadata_to_json(full_metadata());
  bad_day["validated"]["day"] = "2026-02-30";
  json bad_instant = metadata_to_json(full_metadata());
  bad_instant["published"]["instant"] = "2025-12-04 09:30:00";
  json missing_value = metadata_to_json(full_metadata());
  missing_value["title"].erase("value");
  json wrong_type = metadata_to_json(full_metadata());
  wrong_type["tags"] = 3;

  const struct {
    const char* name;
    json input;
    std::string message;
  } cases[] = {
      {"unknown source", unknown_source,
       "stored note metadata is malformed: 'validated' has unknown provenance source "
       "'telepathy'"},
      {"unknown precision", unknown_precision,
       "stored note metadata is malformed: 'published' has unknown precision 'weekly'"},
      {"impossible day", bad_day,
       "stored note metadata is malformed: 'validated' has an unreadable day or instant"},
      {"instant in another form", bad_instant,
       "stored note metadata is malformed: 'published' has an unreadable day or instant"},
      {"not an object", json::array(),
       "stored note metadata is malformed: 'metadata' is not a JSON object"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto decoded = metadata_from_json(c.input);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message == c.message);
  }
  for (const json& input : {missing_value, wrong_type}) {
    const auto decoded = metadata_from_json(input);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message.rfind("stored note metadata is malformed: [json.exception.", 0) ==
          0);
  }
}

}  // namespace
}  // namespace freshd
