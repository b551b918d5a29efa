#include "reports/report_markdown.h"

#include "reports/markdown_text.h"
#include "reports/report_text.h"

#include <nlohmann/json.hpp>

#include <sstream>
#include <vector>

namespace freshd {
namespace {

namespace md = markdown_text;
namespace text = report_text;

using Row = std::vector<std::string>;

// A GitHub table; `align` holds one of 'l' or 'r' per column.
void table(std::ostringstream& out, const Row& header, std::string_view align,
           const std::vector<Row>& rows) {
  const auto line = [&](const Row& cells) {
    out << "|";
    for (const auto& cell : cells) out << " " << cell << " |";
    out << "\n";
  };
  out << "\n";  // Obsidian starts a table only after a blank line
  line(header);
  out << "|";
  for (const char a : align) out << (a == 'r' ? " ---: |" : " --- |");
  out << "\n";
  for (const auto& row : rows) line(row);
}

void none(std::ostringstream& out) { out << "\n_None._\n"; }

template <class T>
void more(std::ostringstream& out, const Capped<T>& list) {
  if (list.more() > 0) out << "\n_…and " << list.more() << " more._\n";
}

// A YAML scalar that is valid whatever the text holds: a JSON string is a YAML one.
std::string yaml_string(const std::string& value) {
  return nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void front_matter(std::ostringstream& out, const Report& r) {
  out << "---\n"
      << "generated_by: freshd\n"
      << "week: " << yaml_string(r.week) << "\n"
      << "generated_at: " << r.generated_at << "\n"
      << "since: " << r.since << "\n"
      << "vault: " << yaml_string(r.vault) << "\n"
      << "tags: [freshd-report]\n"
      << "---\n\n";
}

void header(std::ostringstream& out, const Report& r) {
  out << "# Stale notes report " << md::escape(r.week) << "\n\n"
      << "Vault " << md::code(r.vault) << ", generated " << r.generated_at_local << " "
      << md::escape(r.zone) << " (" << r.generated_at << ").\n\n"
      << "Period " << r.since << " to " << r.until << ".\n";
  const StatusCounts& c = r.counts;
  const std::vector<std::pair<std::string, int>> counts{
      {"stale", c.stale},         {"due", c.due},         {"fresh", c.fresh},
      {"evergreen", c.evergreen}, {"undated", c.undated}, {"total", c.total()}};
  const std::vector<int> change =
      r.change ? std::vector<int>{r.change->stale, r.change->due, r.change->fresh,
                                  r.change->evergreen, r.change->undated, r.change->total()}
               : std::vector<int>{};
  std::vector<Row> rows;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    Row row{counts[i].first, std::to_string(counts[i].second)};
    if (r.change) row.push_back(text::signed_number(change[i]));
    rows.push_back(row);
  }
  if (r.change) table(out, {"Status", "Notes", "Change"}, "lrr", rows);
  else table(out, {"Status", "Notes"}, "lr", rows);
  if (!r.change) out << "\nFirst report: no earlier counts to compare with.\n";
}

std::string link(const ReportNote& n) { return md::wikilink(n.path, n.title, true); }

void event_list(std::ostringstream& out, const std::string& title,
                const Capped<ReportEvent>& list, const std::string& verb, bool linked) {
  out << "\n### " << title << " (" << list.total << ")\n";
  if (list.items.empty()) return none(out);
  out << "\n";
  for (const ReportEvent& e : list.items) {
    out << "- " << (linked ? md::wikilink(e.path, e.title, false) : md::escape(e.title))
        << " " << md::code(e.path) << " " << verb << " " << e.at;
    if (!e.detail.empty()) out << ": " << md::escape(e.detail);
    out << "\n";
  }
  more(out, list);
}

void changes(std::ostringstream& out, const Report& r) {
  out << "\n## What changed since " << r.since << "\n";
  const auto& stale = r.changes.newly_stale;
  out << "\n### Newly stale (" << stale.total << ")\n";
  std::vector<Row> rows;
  for (const ReportNote& n : stale.items)
    rows.push_back({link(n), n.due, text::days(n.days_overdue), md::escape(text::owner(n.owner))});
  if (rows.empty()) none(out);
  else table(out, {"Note", "Due", "Overdue", "Owner"}, "llrl", rows);
  more(out, stale);
  event_list(out, "Validated", r.changes.validated, "validated", true);
  event_list(out, "New notes", r.changes.added, "first seen", true);
  // A deleted note's link would point nowhere.
  event_list(out, "Deleted notes", r.changes.deleted, "deleted", false);
}

void note_section(std::ostringstream& out, const std::string& title, const Capped<ReportNote>& list,
                  const Row& header, std::string_view align,
                  Row (*row_of)(const ReportNote&)) {
  out << "\n## " << title << " (" << list.total << ")\n";
  std::vector<Row> rows;
  for (const ReportNote& n : list.items) rows.push_back(row_of(n));
  if (rows.empty()) none(out);
  else table(out, header, align, rows);
  more(out, list);
}

Row stale_row(const ReportNote& n) {
  return {link(n),         md::code(n.path),      md::escape(text::anchor(n)),
          md::escape(text::source(n)), md::escape(text::decay(n)), n.due,
          text::days(n.days_overdue),  text::percent(n.freshness), md::escape(text::owner(n.owner))};
}

Row due_row(const ReportNote& n) {
  return {link(n), md::code(n.path), n.due, text::percent(n.freshness),
          md::escape(text::owner(n.owner))};
}

Row undated_row(const ReportNote& n) {
  return {link(n), md::code(n.path), n.anchor_date, n.due, md::escape(text::owner(n.owner))};
}

Row snoozed_row(const ReportNote& n) {
  return {link(n), md::code(n.path), n.status, n.snoozed_until, md::escape(text::owner(n.owner))};
}

void problems(std::ostringstream& out, const Capped<ReportProblem>& list) {
  out << "\n## Metadata problems (" << list.total << ")\n";
  std::vector<Row> rows;
  for (const ReportProblem& p : list.items)
    rows.push_back({md::code(text::location(p)), md::escape(p.message), md::escape(p.hint)});
  if (rows.empty()) none(out);
  else table(out, {"File", "Problem", "How to fix"}, "lll", rows);
  more(out, list);
}

void groups(std::ostringstream& out, const std::string& title, const std::string& column,
            const std::vector<GroupCount>& list) {
  out << "\n## " << title << "\n";
  std::vector<Row> rows;
  for (const GroupCount& g : list)
    rows.push_back({md::escape(g.name), std::to_string(g.stale), std::to_string(g.total)});
  if (rows.empty()) none(out);
  else table(out, {column, "Stale", "Total"}, "lrr", rows);
}

void trend(std::ostringstream& out, const std::vector<TrendWeek>& weeks) {
  out << "\n## Trend, last " << weeks.size() << " weeks\n";
  std::vector<Row> rows;
  for (const TrendWeek& w : weeks)
    rows.push_back({w.week, std::to_string(w.fresh), std::to_string(w.due),
                    std::to_string(w.stale)});
  table(out, {"Week", "Fresh", "Due", "Stale"}, "lrrr", rows);
}

}  // namespace

std::string render_markdown(const Report& r) {
  std::ostringstream out;
  front_matter(out, r);
  header(out, r);
  changes(out, r);
  note_section(out, "Stale notes", r.stale,
               {"Note", "Path", "Age counts from", "Source", "Decay", "Due", "Overdue",
                "Freshness", "Owner"},
               "llllllrrl", stale_row);
  note_section(out, "Due in the next 7 days", r.due_soon,
               {"Note", "Path", "Due", "Freshness", "Owner"}, "lllrl", due_row);
  note_section(out, "Undated notes", r.undated,
               {"Note", "Path", "First seen", "Due (from first seen)", "Owner"}, "lllll",
               undated_row);
  note_section(out, "Snoozed notes", r.snoozed,
               {"Note", "Path", "Status", "Snoozed until", "Owner"}, "lllll", snoozed_row);
  problems(out, r.problems);
  groups(out, "By folder", "Folder", r.folders);
  groups(out, "By owner", "Owner", r.owners);
  trend(out, r.trend);
  return out.str();
}

}  // namespace freshd
