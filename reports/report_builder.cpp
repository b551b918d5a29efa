#include "reports/report_builder.h"

#include "reports/note_view.h"
#include "reports/problem_hint.h"
#include "reports/report_changes.h"
#include "reports/top_items.h"
#include "reports/trend.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace freshd {
namespace {

constexpr int kTrendWeeks = 12;
constexpr date::days kDueSoonWindow{7};

// What the anchor is, in the words of report.h.
std::string anchor_kind(const NoteView& view) {
  const Anchor& anchor = view.anchor;
  const auto& validated = view.note->metadata.validated;
  if (anchor.fact.provenance.kind == SourceKind::command) return "validated";
  if (validated && anchor.fact == *validated) return "validated";
  return anchor.own ? "published" : "first_seen";
}

void add(StatusCounts& counts, NoteStatus status) {
  switch (status) {
    case NoteStatus::fresh: ++counts.fresh; break;
    case NoteStatus::due: ++counts.due; break;
    case NoteStatus::stale: ++counts.stale; break;
    case NoteStatus::evergreen: ++counts.evergreen; break;
    case NoteStatus::undated: ++counts.undated; break;
  }
}

StatusCounts difference(const StatusCounts& now, const StatusCounts& before) {
  return {now.fresh - before.fresh, now.due - before.due, now.stale - before.stale,
          now.evergreen - before.evergreen, now.undated - before.undated};
}

bool has_status(const NoteView& view, NoteStatus status) {
  return view.freshness.status == status;
}

// Stale now, and not stale when the period began (or, for a note first seen during the
// period, not already stale when freshd first saw it: that one is listed as new).
bool became_stale_in_period(const NoteView& view, ViewContext context, Seconds since) {
  if (!has_status(view, NoteStatus::stale)) return false;
  context.now = std::max(since, view.note->first_seen);
  return status_as_of(*view.note, context, &view) != NoteStatus::stale;
}

bool due_within(const NoteView& v, Days today) {
  const bool dated = has_status(v, NoteStatus::fresh) || has_status(v, NoteStatus::due);
  return dated && v.freshness.due && *v.freshness.due >= today &&
         *v.freshness.due <= today + kDueSoonWindow;
}

// The orders of the lists (report.h); ties keep the notes' order.
struct DueKey {
  Days due{};
  std::string path;
};
bool due_first(const DueKey& a, const DueKey& b) {
  return std::tie(a.due, a.path) < std::tie(b.due, b.path);
}

struct SnoozeKey {
  Seconds until{};
  std::string path;
};
bool snooze_ends_first(const SnoozeKey& a, const SnoozeKey& b) {
  return std::tie(a.until, a.path) < std::tie(b.until, b.path);
}

bool path_first(const std::string& a, const std::string& b) { return a < b; }

template <class Key>
using Before = bool (*)(const Key&, const Key&);
using UrgentNotes = TopItems<UrgencyKey, ReportNote, Before<UrgencyKey>>;
using NotesByPath = TopItems<std::string, ReportNote, Before<std::string>>;

std::string top_folder(const std::string& path) {
  const auto slash = path.find('/');
  return slash == std::string::npos ? "(root)" : path.substr(0, slash);
}

std::string owner_name(const NoteView& view) {
  return view.owner ? view.owner->value : "(none)";
}

void count_in(std::map<std::string, GroupCount>& groups, const std::string& name, bool stale) {
  GroupCount& g = groups.try_emplace(name, GroupCount{name, 0, 0}).first->second;
  ++g.total;
  if (stale) ++g.stale;
}

// Most stale first, then by name.
std::vector<GroupCount> sorted_groups(const std::map<std::string, GroupCount>& groups) {
  std::vector<GroupCount> out;
  for (const auto& [name, g] : groups) out.push_back(g);
  std::stable_sort(out.begin(), out.end(),
                   [](const GroupCount& a, const GroupCount& b) { return a.stale > b.stale; });
  return out;
}

std::string local_time_text(Seconds now, const date::time_zone* zone) {
  return date::format("%FT%T%Ez", date::make_zoned(zone, now));
}

}  // namespace

ReportNote to_report_note(const NoteView& view, Seconds now) {
  const StoredNote& note = *view.note;
  const Freshness& f = view.freshness;
  const Provenance& source = view.anchor.fact.provenance;
  ReportNote out;
  out.path = note.path;
  out.title = view.title;
  out.owner = view.owner ? view.owner->value : "";
  out.status = std::string(to_string(f.status));
  out.anchor = anchor_kind(view);
  out.anchor_date = format_date(view.anchor.fact.date);
  out.source = std::string(to_string(source.kind));
  out.source_key = source.key;
  out.source_line = source.line;
  out.decay = view.decay.written;
  out.interval_days = f.interval_days;
  out.due = f.due ? format_day(*f.due) : "";
  out.days_overdue = f.days_overdue;
  out.freshness = f.freshness;
  if (note.snoozed_until && *note.snoozed_until > now)
    out.snoozed_until = format_instant(*note.snoozed_until);
  return out;
}

Seconds report_since(const ReportInputs& inputs) {
  if (inputs.previous) return inputs.previous->generated_at;
  return inputs.now - date::days{7};
}

struct ReportBuilder::State {
  explicit State(const ReportInputs& in)
      : inputs(in),
        report_zone(in.report_zone ? in.report_zone : in.zone),
        context{in.config, in.zone, in.now},
        max_items(in.config->report.max_items),
        since(report_since(in)),
        today(local_day(in.now, in.zone)),
        changes({since, in.now}, context, max_items),
        trend(context, report_zone, kTrendWeeks),
        newly_stale(max_items, more_urgent),
        stale(max_items, more_urgent),
        due_soon(max_items, due_first),
        undated(max_items, path_first),
        snoozed(max_items, snooze_ends_first),
        problems(max_items, path_first) {}

  void add_live(const NoteView& view);

  ReportInputs inputs;
  const date::time_zone* report_zone;
  ViewContext context;
  int max_items;
  Seconds since;
  Days today;
  ChangeTracker changes;
  TrendCounter trend;
  StatusCounts counts;
  UrgentNotes newly_stale, stale;
  TopItems<DueKey, ReportNote, Before<DueKey>> due_soon;
  NotesByPath undated;
  TopItems<SnoozeKey, ReportNote, Before<SnoozeKey>> snoozed;
  TopItems<std::string, ReportProblem, Before<std::string>> problems;
  std::map<std::string, GroupCount> folders, owners;
};

void ReportBuilder::State::add_live(const NoteView& view) {
  const StoredNote& note = *view.note;
  const auto report_note = [&] { return to_report_note(view, inputs.now); };
  add(counts, view.freshness.status);
  if (has_status(view, NoteStatus::stale)) {
    stale.offer(urgency_key(view), report_note);
    if (became_stale_in_period(view, context, since))
      newly_stale.offer(urgency_key(view), report_note);
  }
  if (due_within(view, today)) due_soon.offer({*view.freshness.due, note.path}, report_note);
  if (has_status(view, NoteStatus::undated)) undated.offer(note.path, report_note);
  if (note.snoozed_until && *note.snoozed_until > inputs.now)
    snoozed.offer({*note.snoozed_until, note.path}, report_note);
  for (const MetadataProblem& p : view.problems)
    problems.offer(note.path, [&] {
      return ReportProblem{note.path, p.line, p.key, p.message, problem_hint(p.message)};
    });
  const bool is_stale = has_status(view, NoteStatus::stale);
  count_in(folders, top_folder(note.path), is_stale);
  count_in(owners, owner_name(view), is_stale);
}

ReportBuilder::ReportBuilder(const ReportInputs& inputs)
    : state_(std::make_unique<State>(inputs)) {}

ReportBuilder::~ReportBuilder() = default;

std::vector<EventKind> ReportBuilder::event_kinds() {
  return {EventKind::first_seen, EventKind::restored, EventKind::validated, EventKind::deleted};
}

void ReportBuilder::add_event(const TimelineEvent& event) { state_->changes.add_event(event); }

void ReportBuilder::add_note(const StoredNote& note) {
  State& s = *state_;
  s.changes.add_note(note);
  if (note.deleted_at) {
    s.trend.add(note);
    return;
  }
  const NoteView view = make_note_view(note, s.context);
  s.add_live(view);
  s.trend.add(note, &view);
}

Report ReportBuilder::take() {
  State& s = *state_;
  const ReportInputs& in = s.inputs;
  Report r;
  r.vault = in.config->vault.path;
  r.zone = s.report_zone->name();
  r.generated_at = format_instant(in.now);
  r.generated_at_local = local_time_text(in.now, s.report_zone);
  r.week = in.week;
  r.since = format_instant(s.since);
  r.until = r.generated_at;
  r.counts = s.counts;
  if (in.previous) r.change = difference(r.counts, in.previous->counts);
  r.changes = s.changes.take();
  r.changes.newly_stale = s.newly_stale.take();
  r.stale = s.stale.take();
  r.due_soon = s.due_soon.take();
  r.undated = s.undated.take();
  r.snoozed = s.snoozed.take();
  r.problems = s.problems.take();
  r.folders = sorted_groups(s.folders);
  r.owners = sorted_groups(s.owners);
  r.trend = s.trend.take();
  return r;
}

Report build_report(const std::vector<StoredNote>& notes,
                    const std::vector<TimelineEvent>& period_events, const ReportInputs& in) {
  ReportBuilder builder(in);
  for (const TimelineEvent& e : period_events) builder.add_event(e);
  for (const StoredNote& note : notes) builder.add_note(note);
  return builder.take();
}

}  // namespace freshd
