#include "reports/report_json.h"

#include "report_fixture.h"

#include <doctest/doctest.h>

namespace freshd {
namespace {

using test::fixture_report;

TEST_CASE("the JSON report of the fixture vault is exactly the golden file") {
  test::check_golden("report.json", render_json(fixture_report()));
}

TEST_CASE("the JSON report names its schema and version first") {
  const std::string text = render_json(fixture_report());
  CHECK(text.starts_with("{\n  \"schema\": \"freshd-report\",\n  \"version\": 1,\n"));
  const auto json = nlohmann::json::parse(text);
  for (const char* key : {"vault", "week", "generated_at", "generated_at_local", "timezone",
                          "period", "counts", "change", "changes", "stale", "due_soon",
                          "undated", "snoozed", "problems", "by_folder", "by_owner", "trend"})
    CHECK_MESSAGE(json.contains(key), key);
}

TEST_CASE("capped lists carry their total and how many were left out") {
  const auto json = nlohmann::json::parse(render_json(fixture_report()));
  CHECK(json["stale"]["total"] == 5);
  CHECK(json["stale"]["omitted"] == 2);
  CHECK(json["stale"]["items"].size() == 3);
}

TEST_CASE("status counts written into the report read back") {
  const StatusCounts counts{4, 2, 3, 1, 1};
  const nlohmann::json json = nlohmann::json::parse(status_counts_to_json(counts).dump());
  CHECK(json["total"] == 11);
  const auto back = status_counts_from_json(json);
  REQUIRE(back.ok());
  CHECK(*back == counts);
}

TEST_CASE("status counts with a missing field are an error naming it") {
  const auto back = status_counts_from_json(nlohmann::json{{"fresh", 1}, {"due", 2}});
  REQUIRE_FALSE(back.ok());
  CHECK(back.error().message == "report counts: field 'stale' is missing or not an integer");
  CHECK_FALSE(status_counts_from_json(nlohmann::json("text")).ok());
}

TEST_CASE("bytes that are not UTF-8 in a path do not stop the JSON report") {
  Report report = fixture_report();
  report.stale.items[0].path = "bad-\xff-name.md";
  const std::string text = render_json(report);
  CHECK(text.find("bad-\xEF\xBF\xBD-name.md") != std::string::npos);
}

}  // namespace
}  // namespace freshd
