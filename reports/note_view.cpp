#include "reports/note_view.h"

#include "model/store/json_text.h"
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

namespace {

void write_optional_date(JsonText& out, std::string_view name,
                         const std::optional<DatedFact>& fact) {
  out.key(name);
  if (fact)
    out.string(format_date(fact->date));
  else
    out.null();
}

void write_optional_provenance(JsonText& out, std::string_view name,
                               const std::optional<Provenance>& provenance) {
  out.key(name);
  if (provenance)
    write_provenance(out, *provenance);
  else
    out.null();
}

// The validation a view shows as last_validated: the anchor when the note is anchored on
// a validation (written in the note or recorded by `freshctl validate`), else the one the
// note carries.
std::optional<DatedFact> shown_validation(const NoteView& view) {
  const StoredNote& note = *view.note;
  const bool anchored_on_validation = view.anchor.fact.provenance.kind == SourceKind::command ||
                                      (note.metadata.validated &&
                                       view.anchor.fact == *note.metadata.validated);
  return anchored_on_validation ? std::optional<DatedFact>(view.anchor.fact)
                                : note.metadata.validated;
}

std::optional<Provenance> provenance_of(const std::optional<DatedFact>& fact) {
  if (!fact) return std::nullopt;
  return fact->provenance;
}

}  // namespace

void write_note_view(JsonText& out, const NoteView& view) {
  // The keys in byte order, as nlohmann's std::map keeps them.
  const StoredNote& note = *view.note;
  const Freshness& f = view.freshness;
  const std::optional<DatedFact> validated = shown_validation(view);
  out.open('{');
  out.key("days_overdue");
  out.number(static_cast<long long>(f.days_overdue));
  out.key("decay");
  out.string(view.decay.written);
  out.key("due");
  if (f.due)
    out.string(format_day(*f.due));
  else
    out.null();
  out.key("freshness");
  out.number(round4(f.freshness));
  out.key("interval");
  out.open('{');
  out.key("adapted");
  out.boolean(view.interval.adapted);
  out.key("explain");
  out.string(view.interval.explain);
  out.key("factor");
  out.number(round4(view.interval.factor));
  out.close('}');
  out.key("interval_days");
  if (view.decay.interval.never)
    out.null();
  else
    out.number(static_cast<long long>(f.interval_days));
  write_optional_date(out, "last_validated", validated);
  out.key("owner");
  if (view.owner)
    out.string(view.owner->value);
  else
    out.null();
  out.key("path");
  out.string(note.path);
  write_problems(out, view.problems);
  out.key("provenance");
  out.open('{');
  out.key("decay");
  write_provenance(out, view.decay.provenance);
  write_optional_provenance(out, "last_validated", provenance_of(validated));
  write_optional_provenance(
      out, "owner", view.owner ? std::optional<Provenance>(view.owner->provenance) : std::nullopt);
  write_optional_provenance(out, "published", provenance_of(note.metadata.published));
  out.close('}');
  write_optional_date(out, "published", note.metadata.published);
  out.key("status");
  out.string(to_string(f.status));
  out.key("tags");
  out.open('[');
  for (const std::string& tag : note.metadata.tags) {
    out.separate();
    out.string(tag);
  }
  out.close(']');
  out.key("title");
  out.string(view.title);
  out.close('}');
}

nlohmann::json note_view_to_json(const NoteView& view, bool detailed) {
  JsonText text;
  write_note_view(text, view);
  nlohmann::json j = nlohmann::json::parse(text.take());
  if (detailed) {
    const StoredNote& note = *view.note;
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
