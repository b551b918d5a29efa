#include "reports/report_html.h"

#include "report_fixture.h"

#include <doctest/doctest.h>

#include <regex>
#include <string>

namespace freshd {
namespace {

using test::fixture_report;

int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string page() { return render_html(fixture_report(), HtmlOptions{"freshd-reports"}); }

// The coordinates of the chart's polyline of class "series `name`".
int polyline_points(const std::string& html, const std::string& name) {
  const std::regex polyline("<polyline class=\"series " + name + "\" points=\"([^\"]*)\"");
  std::smatch match;
  if (!std::regex_search(html, match, polyline)) return -1;
  const std::string points = match[1];
  const std::regex point("-?[0-9.]+,-?[0-9.]+");
  return static_cast<int>(std::distance(
      std::sregex_iterator(points.begin(), points.end(), point), std::sregex_iterator()));
}

TEST_CASE("the HTML report is one valid HTML5 page") {
  const std::string html = page();
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
  CHECK(html.find("<title>Stale notes report 2026-W48</title>") != std::string::npos);
  CHECK(html.find("<meta name=\"generator\" content=\"freshd\">") != std::string::npos);
  CHECK(html.ends_with("</body>\n</html>\n"));
}

TEST_CASE("the HTML report needs no script and no network") {
  const std::string html = page();
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("prefers-color-scheme: dark") != std::string::npos);
}

TEST_CASE("the trend is one inline SVG chart with 12 points per series") {
  const std::string html = page();
  CHECK(count(html, "<svg") == 1);
  CHECK(polyline_points(html, "fresh") == 12);
  CHECK(polyline_points(html, "due") == 12);
  CHECK(polyline_points(html, "stale") == 12);
  CHECK(count(html, "<circle class=\"stale\"") == 12);
}

TEST_CASE("the stale table has one row per listed stale note, each with a freshness bar") {
  const Report report = fixture_report();
  const std::string html = render_html(report, {"freshd-reports"});
  REQUIRE(report.stale.items.size() == 3);
  CHECK(count(html, "<tr class=\"stale-note\">") == 3);
  CHECK(html.find("<p class=\"more\">…and 2 more.</p>") != std::string::npos);
  CHECK(html.find("<span class=\"bar stale\"><span style=\"width:9%\"></span></span>9%") !=
        std::string::npos);
}

TEST_CASE("notes are linked relative to the report folder") {
  const Report report = fixture_report();
  CHECK(render_html(report, {"freshd-reports"}).find("href=\"../projects/budget.md\"") !=
        std::string::npos);
  CHECK(render_html(report, {"meta/reports"}).find("href=\"../../projects/budget.md\"") !=
        std::string::npos);
  CHECK(render_html(report, {""}).find("href=\"projects/budget.md\"") != std::string::npos);
  CHECK(render_html(report, {"/var/reports"})
            .find("href=\"/home/ana/notes/projects/budget.md\"") != std::string::npos);
}

TEST_CASE("every text from a note is HTML-escaped") {
  Report report;
  report.trend.resize(12);
  ReportNote note;
  note.path = "x/<b>&\"'.md";
  note.title = "<script>alert(1)</script>";
  note.owner = "O'Brien & <co>";
  report.stale = {{note}, 1};
  report.problems = {{{"x.md", 2, "date", "bad <date>", "fix & retry"}}, 1};
  report.changes.added = {{{"a.md", "<img src=x onerror=alert(1)>", "2026-11-20T10:00:00Z", ""}}, 1};
  const std::string html = render_html(report, {"r"});
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("O&#39;Brien &amp; &lt;co&gt;") != std::string::npos);
  CHECK(html.find("<code>x/&lt;b&gt;&amp;&quot;&#39;.md</code>") != std::string::npos);
  CHECK(html.find("href=\"../x/%3Cb%3E%26%22%27.md\"") != std::string::npos);
  CHECK(html.find("bad &lt;date&gt;") != std::string::npos);
  CHECK(html.find("fix &amp; retry") != std::string::npos);
}

}  // namespace
}  // namespace freshd
