#include "reports/report_markdown.h"

#include "report_fixture.h"

#include <doctest/doctest.h>

#include <sstream>

namespace freshd {
namespace {

using test::fixture_report;

TEST_CASE("the Markdown report of the fixture vault is exactly the golden file") {
  test::check_golden("report.md", render_markdown(fixture_report()));
}

TEST_CASE("the Markdown report opens with front matter marking it as freshd's") {
  const std::string md = render_markdown(fixture_report());
  CHECK(md.starts_with("---\ngenerated_by: freshd\nweek: \"2026-W48\"\n"
                       "generated_at: 2026-11-23T08:00:00Z\n"));
  CHECK(md.find("tags: [freshd-report]\n---\n") != std::string::npos);
}

TEST_CASE("every Markdown table has a blank line before it, as Obsidian needs") {
  std::istringstream md(render_markdown(fixture_report()));
  std::string previous, line;
  int tables = 0;
  while (std::getline(md, line)) {
    if (line.starts_with("|") && !previous.starts_with("|")) {
      ++tables;
      CHECK_MESSAGE(previous.empty(), line);
    }
    previous = line;
  }
  CHECK(tables == 10);
}

TEST_CASE("a first report shows the counts without a change column") {
  Report report = fixture_report();
  report.change.reset();
  const std::string md = render_markdown(report);
  CHECK(md.find("| Status | Notes |\n| --- | ---: |\n| stale | 5 |\n") != std::string::npos);
  CHECK(md.find("First report: no earlier counts to compare with.") != std::string::npos);
}

TEST_CASE("an empty section says so instead of showing an empty table") {
  Report report = fixture_report();
  report.stale = {};
  const std::string md = render_markdown(report);
  CHECK(md.find("## Stale notes (0)\n\n_None._\n") != std::string::npos);
}

}  // namespace
}  // namespace freshd
