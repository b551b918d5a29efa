#include "daemon/cli_output.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

// A list result as VaultService::list writes it, keys in byte order.
const char* const kTwoNotes =
    R"({"notes":[)"
    R"({"days_overdue":12,"decay":"fast","due":"2026-11-11","freshness":0.4567,)"
    R"("interval":{"adapted":false,"explain":"x","factor":1.0},"interval_days":30,)"
    R"("last_validated":"2026-10-12","owner":"ana","path":"a \"quoted\".md",)"
    R"("problems":[{"key":"date","line":3,"message":"bad"}],)"
    R"("provenance":{"decay":{"raw":"fast","source":"config_default"},"last_validated":null,)"
    R"("owner":null,"published":null},"published":"2026-01-05","status":"stale","tags":["t"],)"
    R"("title":"A"},)"
    R"({"days_overdue":0,"decay":"never","due":null,"freshness":1.0,)"
    R"("interval":{"adapted":false,"explain":"x","factor":1.0},"interval_days":null,)"
    R"("last_validated":null,"owner":null,"path":"b.md","problems":[],)"
    R"("provenance":{},"published":"2025-03-01","status":"evergreen","tags":[],"title":"B"}],)"
    R"("now":"2026-11-23T12:00:00Z","vault":"/v"})";

TEST_CASE("the list table is read from the result's text, a row per note") {
  const auto table = render_list_text(kTwoNotes);
  REQUIRE(table.ok());
  CHECK(table->find("NOTE") == 0);
  // Overdue days and problems in the status, the validation before the publication date,
  // "-" for what is null, the freshness as a percentage.
  CHECK(table->find("a \"quoted\".md") != std::string::npos);
  CHECK(table->find("stale +12d !") != std::string::npos);
  CHECK(table->find("46%") != std::string::npos);
  CHECK(table->find("2026-10-12") != std::string::npos);
  CHECK(table->find("2026-01-05") == std::string::npos);
  CHECK(table->find("evergreen  ") != std::string::npos);
  CHECK(table->find("2025-03-01") != std::string::npos);
  CHECK(table->find("2 notes (! = metadata problems") != std::string::npos);
  // The tree path gives the same table.
  CHECK(render_result(Command::list, nlohmann::json::parse(kTwoNotes)) == *table);
}

TEST_CASE("an empty list says so; a text that is not a list is an error") {
  const auto empty = render_list_text(R"({"notes":[],"now":"x","vault":"/v"})");
  REQUIRE(empty.ok());
  CHECK(*empty == "No notes match.\n");
  for (const char* text : {"", "[]", R"({"notes":[{"days_overdue":"x"}]})",
                           R"({"notes":[{"path":"a.md")", R"({"vault":"/v"})"}) {
    CAPTURE(std::string(text));
    const auto table = render_list_text(text);
    REQUIRE_FALSE(table.ok());
    CHECK(table.error().message.find("the list freshd sent cannot be read") == 0);
  }
}

}  // namespace
}  // namespace freshd
