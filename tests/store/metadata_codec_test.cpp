#include "model/store/metadata_codec.h"

#include "tests/store/metadata_reference.h"
#include "tests/store/store_fixtures.h"

#include <doctest/doctest.h>

#include <climits>
#include <string>
#include <string_view>
#include <vector>

using nlohmann::json;

namespace freshd {
namespace {

using test::day;
using test::day_fact;
// The reference reading and writing through a JSON tree (metadata_reference.h).
using test::metadata_from_json;
using test::metadata_to_json;
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

// The stored text with the first `from` replaced by `to`; `from` must occur in it.
std::string with_replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

// How metadata_from_json reads a stored text, for comparison.
Result<NoteMetadata> nlohmann_read(const std::string& text) {
  return metadata_from_json(json::parse(text, nullptr, /*allow_exceptions=*/false));
}

struct MetadataCase {
  std::string name;
  NoteMetadata metadata;
};

// Metadata values that cover the stored text's every form: each field alone, every source
// kind and precision, empty and absent members, extreme lines, and strings that need escapes.
std::vector<MetadataCase> metadata_cases() {
  std::vector<MetadataCase> cases = {{"every field", full_metadata()}, {"nothing", {}}};
  const NoteMetadata full = full_metadata();
  for (const auto& [name, member] : {std::pair{"title", &NoteMetadata::title},
                                     std::pair{"decay", &NoteMetadata::decay},
                                     std::pair{"owner", &NoteMetadata::owner}}) {
    NoteMetadata m;
    m.*member = full.*member;
    cases.push_back({std::string("only ") + name, m});
  }
  for (const auto& [name, member] : {std::pair{"published", &NoteMetadata::published},
                                     std::pair{"validated", &NoteMetadata::validated},
                                     std::pair{"edited", &NoteMetadata::edited}}) {
    NoteMetadata m;
    m.*member = full.*member;
    cases.push_back({std::string("only ") + name, m});
  }
  NoteMetadata tags_only;
  tags_only.tags = {"a", "", "b c", "a"};
  cases.push_back({"only tags, one empty, one repeated", tags_only});
  NoteMetadata problems_only;
  problems_only.problems = full.problems;
  cases.push_back({"only problems", problems_only});

  for (const SourceKind kind :
       {SourceKind::yaml_front_matter, SourceKind::toml_front_matter, SourceKind::inline_field,
        SourceKind::plain_field, SourceKind::text_line, SourceKind::file_name,
        SourceKind::first_seen, SourceKind::command, SourceKind::config_rule,
        SourceKind::config_default}) {
    NoteMetadata m;
    m.validated = day_fact(day(2026, 1, 2), kind, "k", 1);
    m.owner = text_fact("ana", kind, "", 0);
    cases.push_back({"source " + std::string(to_string(kind)), m});
  }
  const struct {
    const char* name;
    DateValue date;
  } dates[] = {
      {"day", {DatePrecision::day, day(2024, 2, 29), Seconds{day(2024, 2, 29)}}},
      {"month", {DatePrecision::month, day(2024, 5, 1), test::at(2024, 4, 30, 22)}},
      {"instant", {DatePrecision::instant, day(2025, 12, 4), test::at(2025, 12, 4, 23, 59)}},
      {"first day of year 0", {DatePrecision::day, day(0, 1, 1), Seconds{day(0, 1, 1)}}},
      {"last day of year 9999",
       {DatePrecision::instant, day(9999, 12, 31), test::at(9999, 12, 31, 23, 59)}},
  };
  for (const auto& d : dates) {
    NoteMetadata m;
    m.published = DatedFact{d.date, Provenance{SourceKind::yaml_front_matter, "date", 2, "x"}};
    cases.push_back({std::string("precision/date: ") + d.name, m});
  }

  NoteMetadata empty_strings;
  empty_strings.title = TextFact{"", Provenance{SourceKind::text_line, "", 0, ""}};
  empty_strings.edited = DatedFact{DateValue{DatePrecision::day, day(2020, 1, 1), {}},
                                   Provenance{SourceKind::first_seen, "", 0, ""}};
  empty_strings.problems = {MetadataProblem{0, "", ""}};
  cases.push_back({"empty strings, no key and no line", empty_strings});

  NoteMetadata lines;
  lines.title = text_fact("t", SourceKind::text_line, "", INT_MAX);
  lines.owner = text_fact("o", SourceKind::plain_field, "owner", -1);
  lines.decay = text_fact("d", SourceKind::plain_field, "decay", INT_MIN);
  lines.problems = {MetadataProblem{INT_MAX, "k", "m"}, MetadataProblem{INT_MIN, "k", "m"}};
  cases.push_back({"extreme lines", lines});

  std::string every_control;
  for (char c = 1; c < 0x20; ++c) every_control += c;
  NoteMetadata escapes = full_metadata();
  escapes.title->value = "quote \" backslash \\ slash / \\u0041 {\"a\":[1]} del \x7f";
  escapes.title->provenance.raw = every_control;
  escapes.owner->value = std::string("nul \0 inside", 12);
  escapes.decay->value = "é ü 日本語 🦉 \xef\xbf\xbd";
  escapes.tags = {"\"", "\\", "\n", "tag with , and ]"};
  escapes.problems.push_back({3, "k\x01", "control \x1f and \r\b\f\t"});
  escapes.validated->provenance.key = "key \"quoted\"";
  cases.push_back({"strings that need escapes, and non-ASCII", escapes});

  NoteMetadata many;
  for (int i = 0; i < 200; ++i) {
    many.tags.push_back("tag" + std::to_string(i));
    many.problems.push_back({i, "key" + std::to_string(i), "problem " + std::to_string(i)});
  }
  cases.push_back({"many tags and problems", many});
  return cases;
}

TEST_CASE("the stored text reads back as exactly the metadata it was written from") {
  for (const MetadataCase& c : metadata_cases()) {
    CAPTURE(c.name);
    const std::string text = metadata_to_json_text(c.metadata);
    const auto decoded = metadata_from_json_text(text);
    REQUIRE_MESSAGE(decoded.ok(), (decoded.ok() ? "" : decoded.error().message));
    CHECK(*decoded == c.metadata);
    const auto by_nlohmann = nlohmann_read(text);
    REQUIRE(by_nlohmann.ok());
    CHECK(*decoded == *by_nlohmann);
  }
}

TEST_CASE("bytes that are not UTF-8 read back as U+FFFD, as metadata_from_json reads them") {
  NoteMetadata m;
  m.title = text_fact("caf\xe9", SourceKind::yaml_front_matter, "title", 2);
  m.published = DatedFact{DateValue{DatePrecision::day, day(2024, 5, 1), {}},
                          Provenance{SourceKind::file_name, "", 0, "2024-05-01-\xff.md"}};
  m.tags = {"ok", "\xc3"};
  const std::string text = metadata_to_json_text(m);
  const auto decoded = metadata_from_json_text(text);
  REQUIRE(decoded.ok());
  CHECK(decoded->title->value == "caf\xef\xbf\xbd");
  CHECK(decoded->title->provenance.raw == "caf\xef\xbf\xbd");
  CHECK(decoded->published->provenance.raw == "2024-05-01-\xef\xbf\xbd.md");
  CHECK(decoded->tags == std::vector<std::string>{"ok", "\xef\xbf\xbd"});
  const auto by_nlohmann = nlohmann_read(text);
  REQUIRE(by_nlohmann.ok());
  CHECK(*decoded == *by_nlohmann);
}

TEST_CASE("the JSON library's dump reads back the same, indented or not") {
  for (const MetadataCase& c : metadata_cases()) {
    CAPTURE(c.name);
    for (const int indent : {-1, 2}) {
      CAPTURE(indent);
      const auto decoded = metadata_from_json_text(metadata_to_json(c.metadata).dump(indent));
      REQUIRE_MESSAGE(decoded.ok(), (decoded.ok() ? "" : decoded.error().message));
      CHECK(*decoded == c.metadata);
    }
  }
}

TEST_CASE("key order does not matter, unknown keys are skipped, a repeated key's last value wins") {
  // As metadata_from_json reads it: the date's "value" is not needed, "extra" is ignored.
  const std::string text = R"({"extra": {"a": [1, {"b": null}]},
    "title": {"value": "first", "provenance": {"source": "text_line", "raw": "# first"}},
    "validated": {"provenance": {"raw": "2026-04-06", "source": "command", "line": 3,
                                 "key": "k", "note": true},
                  "precision": "day", "instant": "2026-04-06T00:00:00Z", "day": "2026-04-06"},
    "tags": ["x"], "problems": [{"message": "m", "line": 4, "key": "date", "more": 1}],
    "title": {"provenance": {"source": "text_line", "raw": "# second"}, "value": "second"},
    "tags": ["y", "z"]})";
  NoteMetadata expected;
  expected.title = TextFact{"second", Provenance{SourceKind::text_line, "", 0, "# second"}};
  expected.validated = day_fact(day(2026, 4, 6), SourceKind::command, "k", 3);
  expected.tags = {"y", "z"};
  expected.problems = {MetadataProblem{4, "date", "m"}};
  const auto decoded = metadata_from_json_text(text);
  REQUIRE_MESSAGE(decoded.ok(), (decoded.ok() ? "" : decoded.error().message));
  CHECK(*decoded == expected);
  const auto by_nlohmann = nlohmann_read(text);
  REQUIRE(by_nlohmann.ok());
  CHECK(*by_nlohmann == expected);
}

// What metadata_from_json makes of a text metadata_from_json_text rejects.
enum class Nlohmann { same_message, other_message, accepts };

TEST_CASE("a stored text with a wrong or missing value is an error that names the field") {
  const std::string full = metadata_to_json_text(full_metadata());
  const struct {
    const char* name;
    std::string text;
    std::string message;  // after "stored note metadata is malformed: "
    Nlohmann nlohmann;
  } cases[] = {
      {"unknown source", with_replaced(full, R"("source":"inline_field")", R"("source":"telepathy")"),
       "'validated' has unknown provenance source 'telepathy'", Nlohmann::same_message},
      {"unknown precision", with_replaced(full, R"("precision":"instant")", R"("precision":"weekly")"),
       "'published' has unknown precision 'weekly'", Nlohmann::same_message},
      {"impossible day", with_replaced(full, R"("day":"2026-04-06")", R"("day":"2026-02-30")"),
       "'validated' has an unreadable day or instant", Nlohmann::same_message},
      {"instant in another form",
       with_replaced(full, R"("instant":"2025-12-04T09:30:00Z")", R"("instant":"2025-12-04 09:30:00")"),
       "'published' has an unreadable day or instant", Nlohmann::same_message},
      {"an array", "[]", "'metadata' is not a JSON object", Nlohmann::same_message},
      {"a string", R"("metadata")", "'metadata' is not a JSON object", Nlohmann::same_message},
      {"null", "null", "'metadata' is not a JSON object", Nlohmann::same_message},
      {"a number", "42", "'metadata' is not a JSON object", Nlohmann::same_message},
      {"a word", "freshd", "'metadata' is not a JSON object", Nlohmann::same_message},
      {"text value missing", with_replaced(full, R"(,"value":"ana")", ""), "'owner' lacks 'value'",
       Nlohmann::other_message},
      {"provenance missing",
       with_replaced(full,
              R"("provenance":{"key":"decay_rate","line":4,"raw":"fast","source":"plain_field"},)",
              ""),
       "'decay' lacks 'provenance'", Nlohmann::other_message},
      {"source missing", with_replaced(full, R"(,"source":"file_name")", ""), "'edited' lacks 'source'",
       Nlohmann::other_message},
      {"precision missing", with_replaced(full, R"("precision":"day",)", ""),
       "'validated' lacks 'precision'", Nlohmann::other_message},
      {"day missing", with_replaced(full, R"("day":"2026-04-06",)", ""), "'validated' lacks 'day'",
       Nlohmann::other_message},
      {"problem message missing", with_replaced(full, R"(,"message":"front matter is not closed")", ""),
       "'problems' lacks 'message'", Nlohmann::other_message},
      {"tags a number", with_replaced(full, R"("tags":["ai","scaling"])", R"("tags":3)"),
       "'tags' has a value of the wrong type", Nlohmann::other_message},
      {"a tag a number", with_replaced(full, R"("tags":["ai","scaling"])", R"("tags":["ai",1])"),
       "'tags' has a value of the wrong type", Nlohmann::other_message},
      {"problems an object", with_replaced(full, R"("problems":[)", R"("problems":{"a":1},"x":[)"),
       "'problems' has a value of the wrong type", Nlohmann::other_message},
      {"a problem a string", with_replaced(full, R"("problems":[)", R"("problems":["p",)"),
       "'problems' has a value of the wrong type", Nlohmann::other_message},
      {"problem line a string", with_replaced(full, R"("line":5,"message")", R"("line":"5","message")"),
       "'problems' has a value of the wrong type", Nlohmann::other_message},
      {"title a string", with_replaced(full, R"("title":{)", R"("title":"t","x":{)"),
       "'title' has a value of the wrong type", Nlohmann::other_message},
      {"date fact null", with_replaced(full, R"("edited":{)", R"("edited":null,"x":{)"),
       "'edited' has a value of the wrong type", Nlohmann::other_message},
      {"text value a number", with_replaced(full, R"("value":"ana")", R"("value":7)"),
       "'owner' has a value of the wrong type", Nlohmann::other_message},
      {"day a number", with_replaced(full, R"("day":"2026-04-06")", R"("day":20260406)"),
       "'validated' has a value of the wrong type", Nlohmann::other_message},
      {"provenance a string",
       with_replaced(full, R"("provenance":{"key":"reviewed")",
              R"("provenance":"p","x":{"key":"reviewed")"),
       "'validated' has a value of the wrong type", Nlohmann::other_message},
      {"provenance line a string", with_replaced(full, R"("line":9)", R"("line":"9")"),
       "'validated' has a value of the wrong type", Nlohmann::other_message},
      // metadata_from_json truncates these; metadata_to_json_text writes neither.
      {"provenance line a fraction", with_replaced(full, R"("line":9)", R"("line":9.5)"),
       "'validated' has a value of the wrong type", Nlohmann::accepts},
      {"provenance line beyond an int", with_replaced(full, R"("line":9)", R"("line":2147483648)"),
       "'validated' has a number out of range", Nlohmann::accepts},
      {"a second document after it", full + "{}", "'metadata' is followed by more text",
       Nlohmann::other_message},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto decoded = metadata_from_json_text(c.text);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message == "stored note metadata is malformed: " + c.message);
    const auto by_nlohmann = nlohmann_read(c.text);
    CHECK(by_nlohmann.ok() == (c.nlohmann == Nlohmann::accepts));
    if (c.nlohmann == Nlohmann::same_message) {
      REQUIRE_FALSE(by_nlohmann.ok());
      CHECK(by_nlohmann.error().message == decoded.error().message);
    }
  }
}

TEST_CASE("a stored text that is not JSON is an error naming where it broke") {
  const std::string full = metadata_to_json_text(full_metadata());
  // The message ends with simdjson's description of what it found.
  const struct {
    const char* name;
    std::string text;
    std::string field;
  } cases[] = {
      {"empty", "", "metadata"},
      {"blanks", " \n\t", "metadata"},
      {"text after the object", full + " x", "metadata"},
      {"unclosed string", R"({"tags":["a)", "metadata"},
      {"missing colon", R"({"tags" ["a"]})", "metadata"},
      {"not UTF-8", with_replaced(full, "ana", "a\xff"), "metadata"},
      {"raw control character", with_replaced(full, "ana", "a\nb"), "metadata"},
      {"bad escape", with_replaced(full, "ana", R"(a\qa)"), "owner"},
      {"bad number", with_replaced(full, R"("line":9)", R"("line":9x)"), "validated"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto decoded = metadata_from_json_text(c.text);
    REQUIRE_FALSE(decoded.ok());
    const std::string start =
        "stored note metadata is malformed: '" + c.field + "' is not valid JSON: ";
    CAPTURE(decoded.error().message);
    CHECK(decoded.error().message.rfind(start, 0) == 0);
    CHECK(decoded.error().message.size() > start.size());
    CHECK_FALSE(nlohmann_read(c.text).ok());
  }
}

TEST_CASE("every truncation of a stored text is an error") {
  const std::string full = metadata_to_json_text(full_metadata());
  for (std::size_t size = 0; size < full.size(); ++size) {
    CAPTURE(size);
    const auto decoded = metadata_from_json_text(std::string_view(full).substr(0, size));
    REQUIRE_FALSE(decoded.ok());
    CAPTURE(decoded.error().message);
    CHECK(decoded.error().message.rfind("stored note metadata is malformed: '", 0) == 0);
  }
  CHECK(metadata_from_json_text(full).ok());
}

}  // namespace
}  // namespace freshd
