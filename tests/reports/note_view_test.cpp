#include "reports/note_view.h"

#include "model/store/json_text.h"
#include "tests/reports/report_fixture.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace freshd {
namespace {

using nlohmann::json;

// Each fixture note's object, written as text, by path.
std::map<std::string, json> written_views() {
  const Config config = test::fixture_config();
  const ViewContext ctx{&config, test::berlin(), test::kNow};
  std::map<std::string, json> out;
  for (const StoredNote& note : test::fixture_notes()) {
    JsonText text;
    write_note_view(text, make_note_view(note, ctx));
    const std::string written = text.take();
    const json parsed = json::parse(written);
    CAPTURE(written);
    // One line, keys in byte order: the bytes the JSON library itself would write.
    CHECK(written == parsed.dump());
    out[note.path] = parsed;
  }
  return out;
}

TEST_CASE("a note view written as text carries every field of the interface contract") {
  const auto views = written_views();
  REQUIRE(views.size() == test::fixture_notes().size());
  for (const auto& [path, v] : views) {
    CAPTURE(path);
    for (const char* key : {"path", "title", "status", "published", "last_validated", "decay",
                            "interval_days", "due", "freshness", "days_overdue", "owner",
                            "tags", "provenance", "problems", "interval"})
      CHECK(v.contains(key));
    CHECK(v["path"] == path);
    CHECK(v["freshness"].is_number());
    CHECK(v["freshness"].get<double>() >= 0.0);
    CHECK(v["freshness"].get<double>() <= 1.0);
  }
}

TEST_CASE("the values of a note view: validation, rules, evergreen, problems, owners") {
  const auto views = written_views();
  const json& budget = views.at("projects/budget.md");
  CHECK(budget["status"] == "stale");
  CHECK(budget["days_overdue"] == 222);
  CHECK(budget["published"] == "2026-01-15");
  CHECK(budget["last_validated"].is_null());
  CHECK(budget["owner"] == "bo");
  CHECK(budget["provenance"]["owner"]["source"] == "yaml_front_matter");
  CHECK(budget["provenance"]["published"]["line"] == 3);

  // `freshctl validate` beats the older inline field, and says so.
  const json& roadmap = views.at("projects/roadmap.md");
  CHECK(roadmap["last_validated"] == "2026-05-01");
  CHECK(roadmap["provenance"]["last_validated"]["source"] == "command");
  CHECK(roadmap["provenance"]["last_validated"]["key"] == "freshctl validate");
  CHECK(roadmap["provenance"]["last_validated"]["raw"] == "2026-05-01 unchanged");

  // A decay of a configuration rule.
  const json& digest = views.at("ai/news/2026-11-02-digest.md");
  CHECK(digest["decay"] == "14d");
  CHECK(digest["interval_days"] == 14);
  CHECK(digest["provenance"]["decay"]["source"] == "config_rule");
  CHECK(digest["provenance"]["published"]["source"] == "file_name");
  CHECK_FALSE(digest["provenance"]["published"].contains("line"));

  // Evergreen: no interval, no due day.
  const json& cantor = views.at("math/cantor.md");
  CHECK(cantor["status"] == "evergreen");
  CHECK(cantor["interval_days"].is_null());
  CHECK(cantor["due"].is_null());

  // Problems, each with its line, key and message, in line order.
  const json& dns = views.at("ops/dns.md");
  REQUIRE(dns["problems"].size() >= 2);
  for (const json& problem : dns["problems"]) {
    CHECK(problem["message"].get<std::string>().size() > 0);
    CHECK(problem["line"].is_number_integer());
  }
  CHECK(dns["problems"][0]["line"].get<int>() <= dns["problems"][1]["line"].get<int>());

  const json& clipped = views.at("inbox/clipped-page.md");
  CHECK(clipped["status"] == "undated");
  CHECK(clipped["problems"] == json::array());
}

TEST_CASE("note_view_to_json is the written object, with the details of `show`") {
  const Config config = test::fixture_config();
  const ViewContext ctx{&config, test::berlin(), test::kNow};
  for (const StoredNote& note : test::fixture_notes()) {
    const NoteView view = make_note_view(note, ctx);
    JsonText text;
    write_note_view(text, view);
    const json plain = json::parse(text.take());
    CHECK(note_view_to_json(view, false) == plain);
    json detailed = note_view_to_json(view, true);
    for (const char* key : {"first_seen", "edited", "anchor", "deleted", "snoozed_until"}) {
      CHECK(detailed.contains(key));
      detailed.erase(key);
    }
    CHECK(detailed == plain);
  }
}

}  // namespace
}  // namespace freshd
