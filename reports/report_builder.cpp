#include "reports/report_builder.h"

#include "reports/note_view.h"
#include "reports/problem_hint.h"
#include "reports/report_changes.h"
#include "reports/trend.h"

#include <algorithm>
#include <iterator>
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

// Views of the live notes at `now`, in the order of `notes`.
std::vector<NoteView> live_views(const std::vector<StoredNote>& notes,
                                 const ViewContext& context) {
  std::vector<NoteView> views;
  for (const StoredNote& note : notes)
    if (!note.deleted_at) views.push_back(make_note_view(note, context));
  return views;
}

template <class Keep>
std::vector<NoteView> select(const std::vector<NoteView>& views, Keep keep) {
  std::vector<NoteView> out;
  std::copy_if(views.begin(), views.end(), std::back_inserter(out), keep);
  return out;
}

bool has_status(const NoteView& view, NoteStatus status) {
  return view.freshness.status == status;
}

// Stale now, and not stale when the period began (or, for a note first seen during the
// period, not already stale when freshd first saw it: that one is listed as new).
std::vector<NoteView> newly_stale(const std::vector<NoteView>& views, ViewContext context,
                                  Seconds since) {
  std::vector<NoteView> out;
  for (const NoteView& view : views) {
    if (!has_status(view, NoteStatus::stale)) continue;
    context.now = std::max(since, view.note->first_seen);
    if (status_as_of(*view.note, context, &view) != NoteStatus::stale) out.push_back(view);
  }
  sort_by_urgency(out);
  return out;
}

std::vector<NoteView> due_soon(const std::vector<NoteView>& views, Days today) {
  auto out = select(views, [&](const NoteView& v) {
    const bool dated = has_status(v, NoteStatus::fresh) || has_status(v, NoteStatus::due);
    return dated && v.freshness.due && *v.freshness.due >= today &&
           *v.freshness.due <= today + kDueSoonWindow;
  });
  std::stable_sort(out.begin(), out.end(), [](const NoteView& a, const NoteView& b) {
    return std::tie(*a.freshness.due, a.note->path) < std::tie(*b.freshness.due, b.note->path);
  });
  return out;
}

std::vector<NoteView> snoozed(const std::vector<NoteView>& views, Seconds now) {
  auto out = select(views, [&](const NoteView& v) {
    return v.note->snoozed_until && *v.note->snoozed_until > now;
  });
  std::stable_sort(out.begin(), out.end(), [](const NoteView& a, const NoteView& b) {
    return std::tie(*a.note->snoozed_until, a.note->path) <
           std::tie(*b.note->snoozed_until, b.note->path);
  });
  return out;
}

std::vector<NoteView> by_path(std::vector<NoteView> views) {
  std::stable_sort(views.begin(), views.end(),
                   [](const NoteView& a, const NoteView& b) { return a.note->path < b.note->path; });
  return views;
}

std::vector<ReportProblem> problems(const std::vector<NoteView>& views) {
  std::vector<ReportProblem> out;
  for (const NoteView& view : by_path(views))
    for (const MetadataProblem& p : view.problems)
      out.push_back({view.note->path, p.line, p.key, p.message, problem_hint(p.message)});
  return out;
}

std::string top_folder(const std::string& path) {
  const auto slash = path.find('/');
  return slash == std::string::npos ? "(root)" : path.substr(0, slash);
}

std::string owner_name(const NoteView& view) {
  return view.owner ? view.owner->value : "(none)";
}

template <class NameOf>
std::vector<GroupCount> group(const std::vector<NoteView>& views, NameOf name_of) {
  std::map<std::string, GroupCount> groups;
  for (const NoteView& view : views) {
    const std::string name = name_of(view);
    GroupCount& g = groups.try_emplace(name, GroupCount{name, 0, 0}).first->second;
    ++g.total;
    if (has_status(view, NoteStatus::stale)) ++g.stale;
  }
  std::vector<GroupCount> out;
  for (auto& [name, g] : groups) out.push_back(g);
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

Report build_report(const std::vector<StoredNote>& notes,
                    const std::vector<TimelineEvent>& period_events, const ReportInputs& in) {
  const date::time_zone* report_zone = in.report_zone ? in.report_zone : in.zone;
  const ViewContext context{in.config, in.zone, in.now};
  const int max_items = in.config->report.max_items;
  const Seconds since = report_since(in);
  const std::vector<NoteView> views = live_views(notes, context);
  const auto cap_notes = [&](const std::vector<NoteView>& list) {
    return cap(list, max_items, [&](const NoteView& v) { return to_report_note(v, in.now); });
  };

  Report r;
  r.vault = in.config->vault.path;
  r.zone = report_zone->name();
  r.generated_at = format_instant(in.now);
  r.generated_at_local = local_time_text(in.now, report_zone);
  r.week = in.week;
  r.since = format_instant(since);
  r.until = r.generated_at;
  for (const NoteView& view : views) add(r.counts, view.freshness.status);
  if (in.previous) r.change = difference(r.counts, in.previous->counts);

  r.changes = period_changes(notes, period_events, {since, in.now}, context, max_items);
  r.changes.newly_stale = cap_notes(newly_stale(views, context, since));
  std::vector<NoteView> stale = select(views, [](const NoteView& v) {
    return has_status(v, NoteStatus::stale);
  });
  sort_by_urgency(stale);
  r.stale = cap_notes(stale);
  r.due_soon = cap_notes(due_soon(views, local_day(in.now, in.zone)));
  r.undated = cap_notes(by_path(select(views, [](const NoteView& v) {
    return has_status(v, NoteStatus::undated);
  })));
  r.snoozed = cap_notes(snoozed(views, in.now));
  r.problems = cap(problems(views), max_items, [](const ReportProblem& p) { return p; });
  r.folders = group(views, [](const NoteView& v) { return top_folder(v.note->path); });
  r.owners = group(views, owner_name);
  r.trend = compute_trend(notes, context, report_zone, kTrendWeeks);
  return r;
}

}  // namespace freshd
