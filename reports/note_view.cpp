#include "reports/note_view.h"

#include "model/store/metadata_codec.h"

#include <algorithm>
#include <cmath>

namespace freshd {
namespace {

std::string file_stem(const std::string& path) {
  const auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const auto dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

DatedFact first_seen_fact(const StoredNote& note, const date::time_zone* zone) {
  DatedFact fact;
  fact.date.precision = DatePrecision::instant;
  fact.date.instant = note.first_seen;
  fact.date.day = local_day(note.first_seen, zone);
  fact.provenance.kind = SourceKind::first_seen;
  fact.provenance.raw = format_instant(note.first_seen);
  return fact;
}

std::optional<DatedFact> recorded_fact(const StoredNote& note, const date::time_zone* zone) {
  if (!note.recorded_validation) return std::nullopt;
  const RecordedValidation& v = *note.recorded_validation;
  DatedFact fact;
  fact.date.precision = DatePrecision::day;
  fact.date.day = v.day;
  fact.date.instant =
      date::make_zoned(zone, date::local_days{v.day.time_since_epoch()}, date::choose::earliest)
          .get_sys_time();
  fact.provenance.kind = SourceKind::command;
  fact.provenance.key = "freshctl validate";
  fact.provenance.raw = format_day(v.day) + (v.outcome.empty() ? "" : " " + v.outcome);
  return fact;
}

nlohmann::json optional_date(const std::optional<DatedFact>& fact) {
  return fact ? nlohmann::json(format_date(fact->date)) : nlohmann::json(nullptr);
}

nlohmann::json optional_provenance(const std::optional<DatedFact>& fact) {
  return fact ? provenance_to_json(fact->provenance) : nlohmann::json(nullptr);
}

nlohmann::json problems_to_json(const std::vector<MetadataProblem>& problems) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : problems)
    out.push_back({{"line", p.line}, {"key", p.key}, {"message", p.message}});
  return out;
}

double round4(double x) { return std::round(x * 10000.0) / 10000.0; }

}  // namespace

NoteView make_note_view(const StoredNote& note, const ViewContext& context) {
  NoteView view;
  view.note = &note;
  view.title = note.metadata.title ? note.metadata.title->value : file_stem(note.path);
  view.anchor = choose_anchor(note.metadata, recorded_fact(note, context.zone),
                              first_seen_fact(note, context.zone));
  view.decay = resolve_decay(note.metadata, note.path, context.config->decay);
  view.owner = resolve_owner(note.metadata, note.path, context.config->owners);
  view.interval = adapt_interval(view.decay, note.validation_outcomes, context.config->adaptive);
  view.freshness = evaluate(view.anchor, view.interval.interval, context.config->reminders.lead,
                            context.now, context.zone);
  view.problems = note.metadata.problems;
  if (view.decay.problem) view.problems.push_back(*view.decay.problem);
  std::stable_sort(view.problems.begin(), view.problems.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return view;
}

nlohmann::json note_view_to_json(const NoteView& view, bool detailed) {
  const StoredNote& note = *view.note;
  const Freshness& f = view.freshness;
  const bool evergreen = view.decay.interval.never;
  nlohmann::json j{
      {"path", note.path},
      {"title", view.title},
      {"status", to_string(f.status)},
      {"published", optional_date(note.metadata.published)},
      {"decay", view.decay.written},
      {"interval_days", evergreen ? nlohmann::json(nullptr) : nlohmann::json(f.interval_days)},
      {"due", f.due ? nlohmann::json(format_day(*f.due)) : nlohmann::json(nullptr)},
      {"freshness", round4(f.freshness)},
      {"days_overdue", f.days_overdue},
      {"owner", view.owner ? nlohmann::json(view.owner->value) : nlohmann::json(nullptr)},
      {"tags", note.metadata.tags},
      {"problems", problems_to_json(view.problems)},
  };
  const bool anchored_on_validation = view.anchor.fact.provenance.kind == SourceKind::command ||
                                      (note.metadata.validated &&
                                       view.anchor.fact == *note.metadata.validated);
  const std::optional<DatedFact> validated =
      anchored_on_validation ? std::optional<DatedFact>(view.anchor.fact)
                             : note.metadata.validated;
  j["last_validated"] = optional_date(validated);
  j["provenance"] = {
      {"published", optional_provenance(note.metadata.published)},
      {"last_validated", optional_provenance(validated)},
      {"decay", provenance_to_json(view.decay.provenance)},
      {"owner", view.owner ? provenance_to_json(view.owner->provenance) : nlohmann::json(nullptr)},
  };
  j["interval"] = {{"adapted", view.interval.adapted},
                   {"factor", round4(view.interval.factor)},
                   {"explain", view.interval.explain}};
  if (detailed) {
    j["first_seen"] = format_instant(note.first_seen);
    j["edited"] = note.metadata.edited ? date_fact_to_json(*note.metadata.edited)
                                       : nlohmann::json(nullptr);
    j["anchor"] = date_fact_to_json(view.anchor.fact);
    j["deleted"] = note.deleted_at ? nlohmann::json(format_instant(*note.deleted_at))
                                   : nlohmann::json(nullptr);
    j["snoozed_until"] = note.snoozed_until ? nlohmann::json(format_instant(*note.snoozed_until))
                                            : nlohmann::json(nullptr);
  }
  return j;
}

void sort_by_urgency(std::vector<NoteView>& views) {
  std::stable_sort(views.begin(), views.end(), [](const NoteView& a, const NoteView& b) {
    if (a.freshness.days_overdue != b.freshness.days_overdue)
      return a.freshness.days_overdue > b.freshness.days_overdue;
    if (a.freshness.due != b.freshness.due) {
      if (!a.freshness.due) return false;
      if (!b.freshness.due) return true;
      return *a.freshness.due < *b.freshness.due;
    }
    return a.note->path < b.note->path;
  });
}

UrgencyKey urgency_key(const NoteView& view) {
  return {view.freshness.days_overdue, view.freshness.due, view.note->path};
}

bool more_urgent(const UrgencyKey& a, const UrgencyKey& b) {
  if (a.days_overdue != b.days_overdue) return a.days_overdue > b.days_overdue;
  if (a.due != b.due) {
    if (!a.due) return false;
    if (!b.due) return true;
    return *a.due < *b.due;
  }
  return a.path < b.path;
}

}  // namespace freshd
