// The store's history read back at earlier instants: whether a note existed at t and its
// status then, and the fresh / due / stale counts at the end of each of the last weeks.
// The approximation this makes is described in report_builder.h.
#pragma once

#include "model/store/note_store.h"
#include "reports/note_view.h"
#include "reports/report.h"

#include <date/tz.h>

#include <optional>
#include <vector>

namespace freshd {

// The note's status at context.now (an earlier instant); nullopt when the note did not
// exist then (first seen later, or deleted by then). `current`, when set, is a view of
// `note` the caller already has (at any instant): it is reused instead of building one.
std::optional<NoteStatus> status_as_of(const StoredNote& note, const ViewContext& context,
                                       const NoteView* current = nullptr);

// The ends of the last `weeks` ISO weeks, oldest first: Sunday 23:59:59 in `zone` for the
// past weeks, `now` for the current one.
std::vector<Seconds> week_ends(Seconds now, const date::time_zone* zone, int weeks);

// Fresh, due and stale counts at each of week_ends(context.now, week_zone, weeks), with
// statuses evaluated in context.zone (the vault's), counted one note at a time.
class TrendCounter {
 public:
  TrendCounter(const ViewContext& context, const date::time_zone* week_zone, int weeks);
  // Counts `note` (deleted ones too) at every week end it existed at. `current`, when
  // set, is a view of `note` the caller already has (as for status_as_of).
  void add(const StoredNote& note, const NoteView* current = nullptr);
  std::vector<TrendWeek> take() { return std::move(trend_); }

 private:
  const ViewContext& context_;
  std::vector<Seconds> ends_;
  std::vector<TrendWeek> trend_;
};

// The same for a whole list of notes.
std::vector<TrendWeek> compute_trend(const std::vector<StoredNote>& notes,
                                     const ViewContext& context,
                                     const date::time_zone* week_zone, int weeks);

}  // namespace freshd
