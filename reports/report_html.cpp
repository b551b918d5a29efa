#include "reports/report_html.h"

#include "reports/html_escape.h"
#include "reports/report_html_style.h"
#include "reports/report_text.h"
#include "reports/trend_chart.h"

#include <functional>
#include <sstream>
#include <tuple>
#include <vector>

namespace freshd {
namespace {

namespace text = report_text;
using html::escape;

// A table cell holding HTML that is already escaped.
struct Cell {
  std::string html;
  bool num = false;
};
using Row = std::vector<Cell>;

Cell num(const std::string& value) { return {escape(value), true}; }
Cell num(int value) { return {std::to_string(value), true}; }
Cell plain(const std::string& value) { return {escape(value), false}; }
Cell code(const std::string& value) { return {"<code>" + escape(value) + "</code>", false}; }

class Page {
 public:
  Page(const Report& report, const HtmlOptions& options) : r_(report), options_(options) {}

  std::string render() {
    head();
    header();
    counts();
    trend();
    changes();
    note_sections();
    problems();
    groups("folders", "By folder", "Folder", r_.folders);
    groups("owners", "By owner", "Owner", r_.owners);
    out_ << "<footer class=\"muted\"><p>Written by freshd.</p></footer>\n</body>\n</html>\n";
    return out_.str();
  }

 private:
  void head() {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta name=\"generator\" content=\"freshd\">\n"
         << "<title>Stale notes report " << escape(r_.week) << "</title>\n"
         << "<style>" << kReportCss << "</style>\n</head>\n<body>\n";
  }

  void header() {
    out_ << "<header>\n<h1>Stale notes report " << escape(r_.week) << "</h1>\n"
         << "<p class=\"muted\">Vault <code>" << escape(r_.vault) << "</code>, generated "
         << "<time datetime=\"" << escape(r_.generated_at) << "\">"
         << escape(r_.generated_at_local) << "</time> " << escape(r_.zone) << " ("
         << escape(r_.generated_at) << ").<br>Period " << escape(r_.since) << " to "
         << escape(r_.until) << ".</p>\n</header>\n";
  }

  void table(const std::vector<std::string>& header, const std::vector<Row>& rows,
             const std::string& row_class = "") {
    out_ << "<div class=\"table-wrap\"><table>\n<thead><tr>";
    for (const auto& h : header) out_ << "<th>" << escape(h) << "</th>";
    out_ << "</tr></thead>\n<tbody>\n";
    for (const Row& row : rows) {
      out_ << (row_class.empty() ? "<tr>" : "<tr class=\"" + row_class + "\">");
      for (const Cell& c : row) out_ << (c.num ? "<td class=\"num\">" : "<td>") << c.html << "</td>";
      out_ << "</tr>\n";
    }
    out_ << "</tbody>\n</table></div>\n";
  }

  void none() { out_ << "<p class=\"none\">None.</p>\n"; }

  template <class T>
  void more(const Capped<T>& list) {
    if (list.more() > 0) out_ << "<p class=\"more\">…and " << list.more() << " more.</p>\n";
  }

  void counts() {
    const StatusCounts& c = r_.counts;
    const StatusCounts d = r_.change.value_or(StatusCounts{});
    const std::vector<std::tuple<std::string, int, int>> lines{
        {"stale", c.stale, d.stale},         {"due", c.due, d.due},
        {"fresh", c.fresh, d.fresh},         {"evergreen", c.evergreen, d.evergreen},
        {"undated", c.undated, d.undated},   {"total", c.total(), d.total()}};
    std::vector<Row> rows;
    for (const auto& [name, count, change] : lines) {
      Row row{{"<span class=\"status-" + name + "\">" + name + "</span>"}, num(count)};
      if (r_.change) row.push_back(num(text::signed_number(change)));
      rows.push_back(row);
    }
    out_ << "<section id=\"counts\">\n<h2>Notes by status</h2>\n";
    if (r_.change) table({"Status", "Notes", "Change"}, rows);
    else table({"Status", "Notes"}, rows);
    if (!r_.change) out_ << "<p class=\"muted\">First report: no earlier counts to compare with.</p>\n";
    out_ << "</section>\n";
  }

  void trend() {
    out_ << "<section id=\"trend\">\n<h2>Trend, last " << r_.trend.size() << " weeks</h2>\n"
         << trend_svg(r_.trend)
         << "<p class=\"legend\"><span class=\"fresh\">fresh</span><span class=\"due\">due</span>"
         << "<span class=\"stale\">stale</span></p>\n<details><summary>As a table</summary>\n";
    std::vector<Row> rows;
    for (const TrendWeek& w : r_.trend)
      rows.push_back({plain(w.week), num(w.fresh), num(w.due), num(w.stale)});
    table({"Week", "Fresh", "Due", "Stale"}, rows);
    out_ << "</details>\n</section>\n";
  }

  std::string note_link(const std::string& path, const std::string& title) const {
    return "<a href=\"" + html::relative_href(options_.report_dir, r_.vault, path) + "\">" +
           escape(title) + "</a>";
  }
  Cell link(const ReportNote& n) const { return {note_link(n.path, n.title)}; }

  void events(const std::string& title, const Capped<ReportEvent>& list, const std::string& verb,
              bool linked) {
    out_ << "<h3>" << escape(title) << " (" << list.total << ")</h3>\n";
    if (list.items.empty()) return none();
    out_ << "<ul>\n";
    for (const ReportEvent& e : list.items) {
      out_ << "<li>" << (linked ? note_link(e.path, e.title) : escape(e.title)) << " <code>"
           << escape(e.path) << "</code> " << escape(verb) << " " << escape(e.at);
      if (!e.detail.empty()) out_ << ": " << escape(e.detail);
      out_ << "</li>\n";
    }
    out_ << "</ul>\n";
    more(list);
  }

  void changes() {
    const auto& stale = r_.changes.newly_stale;
    out_ << "<section id=\"changes\">\n<h2>What changed since " << escape(r_.since) << "</h2>\n"
         << "<h3>Newly stale (" << stale.total << ")</h3>\n";
    std::vector<Row> rows;
    for (const ReportNote& n : stale.items)
      rows.push_back({link(n), plain(n.due), num(text::days(n.days_overdue)),
                      plain(text::owner(n.owner))});
    if (rows.empty()) none();
    else table({"Note", "Due", "Overdue", "Owner"}, rows);
    more(stale);
    events("Validated", r_.changes.validated, "validated", true);
    events("New notes", r_.changes.added, "first seen", true);
    events("Deleted notes", r_.changes.deleted, "deleted", false);
    out_ << "</section>\n";
  }

  static Cell freshness(const ReportNote& n) {
    const std::string pct = text::percent(n.freshness);
    return {"<span class=\"bar " + escape(n.status) + "\"><span style=\"width:" + pct +
                "\"></span></span>" + pct,
            true};
  }

  void section(const std::string& id, const std::string& title, const Capped<ReportNote>& list,
               const std::vector<std::string>& header,
               const std::function<Row(const ReportNote&)>& row_of,
               const std::string& row_class = "") {
    out_ << "<section id=\"" << id << "\">\n<h2>" << escape(title) << " (" << list.total
         << ")</h2>\n";
    std::vector<Row> rows;
    for (const ReportNote& n : list.items) rows.push_back(row_of(n));
    if (rows.empty()) none();
    else table(header, rows, row_class);
    more(list);
    out_ << "</section>\n";
  }

  void note_sections() {
    section("stale", "Stale notes", r_.stale,
            {"Note", "Path", "Age counts from", "Source", "Decay", "Due", "Overdue", "Freshness",
             "Owner"},
            [&](const ReportNote& n) {
              return Row{link(n), code(n.path), plain(text::anchor(n)), plain(text::source(n)),
                         plain(text::decay(n)), plain(n.due), num(text::days(n.days_overdue)),
                         freshness(n), plain(text::owner(n.owner))};
            },
            "stale-note");
    section("due-soon", "Due in the next 7 days", r_.due_soon,
            {"Note", "Path", "Due", "Freshness", "Owner"}, [&](const ReportNote& n) {
              return Row{link(n), code(n.path), plain(n.due), freshness(n),
                         plain(text::owner(n.owner))};
            });
    section("undated", "Undated notes", r_.undated,
            {"Note", "Path", "First seen", "Due (from first seen)", "Owner"},
            [&](const ReportNote& n) {
              return Row{link(n), code(n.path), plain(n.anchor_date), plain(n.due),
                         plain(text::owner(n.owner))};
            });
    section("snoozed", "Snoozed notes", r_.snoozed,
            {"Note", "Path", "Status", "Snoozed until", "Owner"}, [&](const ReportNote& n) {
              return Row{link(n), code(n.path), plain(n.status), plain(n.snoozed_until),
                         plain(text::owner(n.owner))};
            });
  }

  void problems() {
    out_ << "<section id=\"problems\">\n<h2>Metadata problems (" << r_.problems.total
         << ")</h2>\n";
    std::vector<Row> rows;
    for (const ReportProblem& p : r_.problems.items)
      rows.push_back({code(text::location(p)), plain(p.message), plain(p.hint)});
    if (rows.empty()) none();
    else table({"File", "Problem", "How to fix"}, rows);
    more(r_.problems);
    out_ << "</section>\n";
  }

  void groups(const std::string& id, const std::string& title, const std::string& column,
              const std::vector<GroupCount>& list) {
    out_ << "<section id=\"" << id << "\">\n<h2>" << escape(title) << "</h2>\n";
    std::vector<Row> rows;
    for (const GroupCount& g : list) rows.push_back({plain(g.name), num(g.stale), num(g.total)});
    if (rows.empty()) none();
    else table({column, "Stale", "Total"}, rows);
    out_ << "</section>\n";
  }

  const Report& r_;
  const HtmlOptions& options_;
  std::ostringstream out_;
};

}  // namespace

std::string render_html(const Report& report, const HtmlOptions& options) {
  return Page(report, options).render();
}

}  // namespace freshd
