// The timeline side of "what changed since the previous report": validations, new notes
// and deleted notes of the period, read from its events. Part of report_builder.
#pragma once

#include "model/store/note_store.h"
#include "reports/note_view.h"
#include "reports/report.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace freshd {

// The instants (since, until].
struct Period {
  Seconds since{};
  Seconds until{};
};

// Fills validated, added and deleted (newest first, one entry per note: its latest event
// of the kind) from the events inside the period; newly_stale is left empty. Titles come
// from the notes (live before deleted when a path has both; the path itself for an
// unknown one), through views in `context`. A `validated` event recorded together with
// the note's first_seen or restored event (same path, same instant) is not listed: the
// note is listed as new instead.
//
// One event and one note at a time, so that a first week's timeline (an event per note of
// the vault) is never held: it keeps max_items events per list and a 64-bit hash per
// arrival and per listed note. Used from one thread.
class ChangeTracker {
 public:
  ChangeTracker(Period period, const ViewContext& context, int max_items);

  // Every event from the period's start on, in the order they were recorded (by id). An
  // arrival (first_seen, restored) recorded after a validation of the same path and
  // instant does not hide that validation (the store records arrivals first).
  void add_event(const TimelineEvent& event);
  // Every note of the store, deleted ones too, after the events.
  void add_note(const StoredNote& note);
  ReportChanges take();

 private:
  // The newest events of one kind, one per path.
  class Latest {
   public:
    explicit Latest(int max_items) : max_items_(max_items) {}
    void offer(const TimelineEvent& event);
    const std::vector<TimelineEvent>& kept() const { return kept_; }
    // Kept events newest first, and the count of distinct paths offered.
    std::pair<std::vector<TimelineEvent>, int> take();

   private:
    int max_items_;
    std::vector<TimelineEvent> kept_;  // at most max_items_, distinct paths, unordered
    std::vector<std::uint64_t> paths_;  // a hash per offered event's path
  };

  struct Title {
    std::string text;
    bool found = false;  // a note of the path was seen
    bool live = false;
  };

  Capped<ReportEvent> collect(Latest& latest);

  Period period_;
  const ViewContext& context_;
  std::unordered_set<std::uint64_t> arrivals_;  // hash of (path, instant)
  Latest validated_, added_, deleted_;
  std::unordered_map<std::string, Title> titles_;  // of the listed paths
  bool notes_started_ = false;
};

// The same from whole lists (tests): `events` in the order they were recorded.
ReportChanges period_changes(const std::vector<StoredNote>& notes,
                             const std::vector<TimelineEvent>& events, Period period,
                             const ViewContext& context, int max_items);

}  // namespace freshd
