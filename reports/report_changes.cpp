#include "reports/report_changes.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace freshd {
namespace {

std::unordered_map<std::string, const StoredNote*> index_by_path(
    const std::vector<StoredNote>& notes) {
  std::unordered_map<std::string, const StoredNote*> index;
  for (const StoredNote& note : notes) {
    auto [it, inserted] = index.try_emplace(note.path, &note);
    if (!inserted && it->second->deleted_at && !note.deleted_at) it->second = &note;
  }
  return index;
}

bool in_period(const TimelineEvent& event, Period period) {
  return event.at > period.since && event.at <= period.until;
}

// (path, instant) of the events that first showed a note to freshd.
std::set<std::pair<std::string, Seconds>> arrivals(const std::vector<TimelineEvent>& events) {
  std::set<std::pair<std::string, Seconds>> out;
  for (const TimelineEvent& e : events)
    if (e.kind == EventKind::first_seen || e.kind == EventKind::restored)
      out.emplace(e.path, e.at);
  return out;
}

// The latest event per path, newest first.
std::vector<const TimelineEvent*> latest_per_path(std::vector<const TimelineEvent*> events) {
  std::stable_sort(events.begin(), events.end(), [](const auto* a, const auto* b) {
    return std::tie(b->at, b->id, a->path) < std::tie(a->at, a->id, b->path);
  });
  std::set<std::string> seen;
  std::vector<const TimelineEvent*> out;
  for (const auto* e : events)
    if (seen.insert(e->path).second) out.push_back(e);
  return out;
}

class ChangeCollector {
 public:
  ChangeCollector(const std::vector<StoredNote>& notes, const ViewContext& context)
      : index_(index_by_path(notes)), context_(context) {}

  Capped<ReportEvent> collect(const std::vector<const TimelineEvent*>& events, int max_items) {
    return cap(latest_per_path(events), max_items, [&](const TimelineEvent* e) {
      return ReportEvent{e->path, title_of(e->path), format_instant(e->at), e->detail};
    });
  }

 private:
  std::string title_of(const std::string& path) const {
    const auto it = index_.find(path);
    return it == index_.end() ? path : make_note_view(*it->second, context_).title;
  }

  std::unordered_map<std::string, const StoredNote*> index_;
  const ViewContext& context_;
};

}  // namespace

ReportChanges period_changes(const std::vector<StoredNote>& notes,
                             const std::vector<TimelineEvent>& events, Period period,
                             const ViewContext& context, int max_items) {
  const auto arrived = arrivals(events);
  std::vector<const TimelineEvent*> validated, added, deleted;
  for (const TimelineEvent& e : events) {
    if (!in_period(e, period)) continue;
    if (e.kind == EventKind::validated && !arrived.contains({e.path, e.at}))
      validated.push_back(&e);
    if (e.kind == EventKind::first_seen) added.push_back(&e);
    if (e.kind == EventKind::deleted) deleted.push_back(&e);
  }
  ChangeCollector collector(notes, context);
  ReportChanges changes;
  changes.validated = collector.collect(validated, max_items);
  changes.added = collector.collect(added, max_items);
  changes.deleted = collector.collect(deleted, max_items);
  return changes;
}

}  // namespace freshd
