// Builds the stale-notes report (report.h) from a snapshot of the store. Pure: the caller
// queries the store (notes, including deleted ones, and the events since the previous
// report) and passes them in with the moment and the previous report's facts.
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

// `notes`: every note of the store, deleted ones included (they count in the trend).
// `period_events`: the vault's timeline from report_since(inputs) on; events outside
// (since, now] are ignored.
Report build_report(const std::vector<StoredNote>& notes,
                    const std::vector<TimelineEvent>& period_events, const ReportInputs& inputs);

}  // namespace freshd
