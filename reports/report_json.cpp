#include "reports/report_json.h"

#include <array>
#include <cmath>
#include <utility>

namespace freshd {
namespace {

using json = nlohmann::ordered_json;

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }
json positive_or_null(int n) { return n > 0 ? json(n) : json(nullptr); }
double round4(double x) { return std::round(x * 10000.0) / 10000.0; }

json note_to_json(const ReportNote& n) {
  return {{"path", n.path},
          {"title", n.title},
          {"status", n.status},
          {"owner", text_or_null(n.owner)},
          {"anchor",
           {{"kind", n.anchor},
            {"date", n.anchor_date},
            {"source", n.source},
            {"key", text_or_null(n.source_key)},
            {"line", positive_or_null(n.source_line)}}},
          {"decay", n.decay},
          {"interval_days", positive_or_null(n.interval_days)},
          {"due", text_or_null(n.due)},
          {"days_overdue", n.days_overdue},
          {"freshness", round4(n.freshness)},
          {"snoozed_until", text_or_null(n.snoozed_until)}};
}

json event_to_json(const ReportEvent& e) {
  return {{"path", e.path}, {"title", e.title}, {"at", e.at}, {"detail", e.detail}};
}

json problem_to_json(const ReportProblem& p) {
  return {{"path", p.path},
          {"line", positive_or_null(p.line)},
          {"key", text_or_null(p.key)},
          {"message", p.message},
          {"hint", p.hint}};
}

template <class T, class ToJson>
json list_to_json(const Capped<T>& list, ToJson to_json) {
  json items = json::array();
  for (const T& item : list.items) items.push_back(to_json(item));
  return {{"total", list.total}, {"omitted", list.more()}, {"items", std::move(items)}};
}

json groups_to_json(const std::vector<GroupCount>& groups) {
  json out = json::array();
  for (const GroupCount& g : groups)
    out.push_back({{"name", g.name}, {"stale", g.stale}, {"total", g.total}});
  return out;
}

json trend_to_json(const std::vector<TrendWeek>& weeks) {
  json out = json::array();
  for (const TrendWeek& w : weeks)
    out.push_back({{"week", w.week},
                   {"end", w.end},
                   {"fresh", w.fresh},
                   {"due", w.due},
                   {"stale", w.stale}});
  return out;
}

using CountField = std::pair<const char*, int StatusCounts::*>;
constexpr std::array<CountField, 5> kCountFields{{{"fresh", &StatusCounts::fresh},
                                                  {"due", &StatusCounts::due},
                                                  {"stale", &StatusCounts::stale},
                                                  {"evergreen", &StatusCounts::evergreen},
                                                  {"undated", &StatusCounts::undated}}};

}  // namespace

json status_counts_to_json(const StatusCounts& counts) {
  json out = json::object();
  for (const auto& [name, field] : kCountFields) out[name] = counts.*field;
  out["total"] = counts.total();
  return out;
}

Result<StatusCounts> status_counts_from_json(const nlohmann::json& j) {
  StatusCounts counts;
  for (const auto& [name, field] : kCountFields) {
    if (!j.is_object() || !j.contains(name) || !j[name].is_number_integer())
      return Error{std::string("report counts: field '") + name + "' is missing or not an integer"};
    counts.*field = j[name].get<int>();
  }
  return counts;
}

json report_to_json(const Report& r) {
  return {{"schema", "freshd-report"},
          {"version", 1},
          {"vault", r.vault},
          {"week", r.week},
          {"generated_at", r.generated_at},
          {"generated_at_local", r.generated_at_local},
          {"timezone", r.zone},
          {"period", {{"since", r.since}, {"until", r.until}}},
          {"counts", status_counts_to_json(r.counts)},
          {"change", r.change ? status_counts_to_json(*r.change) : json(nullptr)},
          {"changes",
           {{"newly_stale", list_to_json(r.changes.newly_stale, note_to_json)},
            {"validated", list_to_json(r.changes.validated, event_to_json)},
            {"new", list_to_json(r.changes.added, event_to_json)},
            {"deleted", list_to_json(r.changes.deleted, event_to_json)}}},
          {"stale", list_to_json(r.stale, note_to_json)},
          {"due_soon", list_to_json(r.due_soon, note_to_json)},
          {"undated", list_to_json(r.undated, note_to_json)},
          {"snoozed", list_to_json(r.snoozed, note_to_json)},
          {"problems", list_to_json(r.problems, problem_to_json)},
          {"by_folder", groups_to_json(r.folders)},
          {"by_owner", groups_to_json(r.owners)},
          {"trend", trend_to_json(r.trend)}};
}

std::string render_json(const Report& report) {
  return report_to_json(report).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace freshd
