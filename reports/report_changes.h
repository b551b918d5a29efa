// The timeline side of "what changed since the previous report": validations, new notes
// and deleted notes of the period, read from its events. Part of report_builder.
#pragma once

#include "model/store/note_store.h"
#include "reports/note_view.h"
#include "reports/report.h"

#include <vector>

namespace freshd {

// The instants (since, until].
struct Period {
  Seconds since{};
  Seconds until{};
};

// Fills validated, added and deleted (newest first, one entry per note: its latest event
// of the kind) from `events` inside `period`; newly_stale is left empty. Titles come from
// `notes` (live before deleted when a path has both; the path itself for an unknown one),
// through views in `context`. A `validated` event recorded together with the note's
// first_seen or restored event is not listed: the note is listed as new instead.
ReportChanges period_changes(const std::vector<StoredNote>& notes,
                             const std::vector<TimelineEvent>& events, Period period,
                             const ViewContext& context, int max_items);

}  // namespace freshd
