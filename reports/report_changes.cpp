#include "reports/report_changes.h"

#include "model/content_hash.h"

#include <algorithm>
#include <tuple>

namespace freshd {
namespace {

bool in_period(const TimelineEvent& event, Period period) {
  return event.at > period.since && event.at <= period.until;
}

// Recording order breaks ties between events of the same instant.
bool newer(const TimelineEvent& a, const TimelineEvent& b) {
  return std::tie(a.at, a.id) > std::tie(b.at, b.id);
}

std::uint64_t arrival_key(const TimelineEvent& event) {
  // Mixing the instant into the path's hash keeps (path, instant) pairs apart.
  const auto at = static_cast<std::uint64_t>(event.at.time_since_epoch().count());
  return content_hash(event.path) ^ (at * 0x9E3779B97F4A7C15ull);
}

}  // namespace

void ChangeTracker::Latest::offer(const TimelineEvent& event) {
  paths_.push_back(content_hash(event.path));
  const auto same_path = std::find_if(kept_.begin(), kept_.end(), [&](const TimelineEvent& e) {
    return e.path == event.path;
  });
  if (same_path != kept_.end()) {
    if (newer(event, *same_path)) *same_path = event;
    return;
  }
  if (static_cast<int>(kept_.size()) < max_items_) {
    kept_.push_back(event);
    return;
  }
  // An event that falls out now stays out: the oldest kept one only gets newer.
  const auto oldest = std::min_element(kept_.begin(), kept_.end(), newer);
  if (oldest != kept_.end() && newer(event, *oldest)) *oldest = event;
}

std::pair<std::vector<TimelineEvent>, int> ChangeTracker::Latest::take() {
  std::sort(kept_.begin(), kept_.end(), newer);
  std::sort(paths_.begin(), paths_.end());
  const auto distinct = std::unique(paths_.begin(), paths_.end()) - paths_.begin();
  paths_.clear();
  paths_.shrink_to_fit();
  return {std::move(kept_), static_cast<int>(distinct)};
}

ChangeTracker::ChangeTracker(Period period, const ViewContext& context, int max_items)
    : period_(period),
      context_(context),
      validated_(max_items),
      added_(max_items),
      deleted_(max_items) {}

void ChangeTracker::add_event(const TimelineEvent& e) {
  const bool arrival = e.kind == EventKind::first_seen || e.kind == EventKind::restored;
  if (arrival) arrivals_.insert(arrival_key(e));
  if (!in_period(e, period_)) return;
  if (e.kind == EventKind::validated && !arrivals_.contains(arrival_key(e))) validated_.offer(e);
  if (e.kind == EventKind::first_seen) added_.offer(e);
  if (e.kind == EventKind::deleted) deleted_.offer(e);
}

void ChangeTracker::add_note(const StoredNote& note) {
  if (!notes_started_) {
    notes_started_ = true;
    arrivals_ = {};
    for (const Latest* list : {&validated_, &added_, &deleted_})
      for (const TimelineEvent& e : list->kept()) titles_.try_emplace(e.path);
  }
  const auto it = titles_.find(note.path);
  if (it == titles_.end()) return;
  Title& title = it->second;
  const bool live = !note.deleted_at;
  // The first note of a path, unless a live one follows a deleted one.
  if (title.found && (title.live || !live)) return;
  title.text = make_note_view(note, context_).title;
  title.found = true;
  title.live = live;
}

Capped<ReportEvent> ChangeTracker::collect(Latest& latest) {
  auto [events, total] = latest.take();
  Capped<ReportEvent> out;
  out.total = total;
  for (TimelineEvent& e : events) {
    const auto it = titles_.find(e.path);
    std::string title = it == titles_.end() || !it->second.found ? e.path : it->second.text;
    out.items.push_back({std::move(e.path), std::move(title), format_instant(e.at),
                         std::move(e.detail)});
  }
  return out;
}

ReportChanges ChangeTracker::take() {
  ReportChanges changes;
  changes.validated = collect(validated_);
  changes.added = collect(added_);
  changes.deleted = collect(deleted_);
  return changes;
}

ReportChanges period_changes(const std::vector<StoredNote>& notes,
                             const std::vector<TimelineEvent>& events, Period period,
                             const ViewContext& context, int max_items) {
  ChangeTracker tracker(period, context, max_items);
  for (const TimelineEvent& e : events) tracker.add_event(e);
  for (const StoredNote& note : notes) tracker.add_note(note);
  return tracker.take();
}

}  // namespace freshd
