// Builds the stale-notes report (report.h) from a snapshot of the store. Pure: the caller
// queries the store (notes, including deleted ones, and the events since the previous
// report) and passes them in with the moment and the previous report's facts, one at a
// time (ReportBuilder), so that a vault of 100,000 notes is never held: the builder keeps
// counts, groups, trend buckets and the first max_items of each list.
//
// Sections, all computed from NoteViews (note_view.h) of the live notes at `now`:
// - counts by status, and their change since the previous report;
// - what changed in (since, now]: newly stale notes (stale now, not stale at `since`),
//   validations (`validated` events; a validation found when the note was first seen is
//   not news, the note is listed as new), new notes (`first_seen`), deleted notes;
// - stale notes, most overdue first; notes due in the next 7 days; undated notes; snoozed
//   notes; metadata problems with a hint each; counts by top-level folder and by owner;
// - a 12-week trend of fresh / due / stale counts.
//
// Every list is capped at config->report.max_items (Capped::more() counts the rest).
//
// Status at an earlier instant t (for "newly stale" and the trend) is an approximation:
// the store keeps a note's current metadata, not its past versions. A note counts at t
// when first_seen <= t and it was not deleted at t (a deletion later undone by a restore
// is not seen); it is evaluated with its current metadata, minus a validation written in
// the note dated after t and minus a validation recorded by `freshctl validate` after t.
// An older validation that a newer one replaced is not known, so such a note falls back
// to its publication date at t and may look staler than it was.
#pragma once

#include "config/config.h"
#include "model/store/note_store.h"
#include "reports/note_view.h"
#include "reports/report.h"

#include <date/tz.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace freshd {

// What the caller kept of the previous report.
struct PreviousReport {
  Seconds generated_at{};
  StatusCounts counts;
};

struct ReportInputs {
  const Config* config = nullptr;               // never null
  const date::time_zone* zone = nullptr;        // the vault's zone; never null
  const date::time_zone* report_zone = nullptr;  // for times and week ends; null: `zone`
  Seconds now{};
  std::string week;  // the ISO week label the report is filed under: "2026-W48"
  std::optional<PreviousReport> previous;  // none for the first report
};

// The start of the report's period: the previous report's time, else 7 days before now.
Seconds report_since(const ReportInputs& inputs);

// The report's line for one note; snoozed_until is set only when the snooze ends after
// `now`.
ReportNote to_report_note(const NoteView& view, Seconds now);

// The report, one event and one note at a time. Used from one thread.
class ReportBuilder {
 public:
  // `inputs.config` and the zones must outlive the builder.
  explicit ReportBuilder(const ReportInputs& inputs);
  ~ReportBuilder();
  ReportBuilder(const ReportBuilder&) = delete;
  ReportBuilder& operator=(const ReportBuilder&) = delete;

  // The kinds of events the report reads; others may be left out of add_event.
  static std::vector<EventKind> event_kinds();
  // First every event of the vault's timeline from report_since(inputs) on, in the order
  // they were recorded; events outside (since, now] count only as arrivals (report_changes.h).
  void add_event(const TimelineEvent& event);
  // Then every note of the store, deleted ones included (they count in the trend). The
  // note need only live during the call.
  void add_note(const StoredNote& note);
  // The report; call once.
  Report take();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The same from whole lists.
Report build_report(const std::vector<StoredNote>& notes,
                    const std::vector<TimelineEvent>& period_events, const ReportInputs& inputs);

}  // namespace freshd
