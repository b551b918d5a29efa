// Status, due day and freshness of a note at a given `now`, exactly as DESIGN.md defines
// them: due = anchor + interval; freshness = 0.5 ^ (age / interval).
#pragma once

#include "model/date_parser.h"
#include "model/interval.h"
#include "model/note_metadata.h"

#include <date/tz.h>

#include <optional>
#include <string_view>

namespace freshd {

// Named NoteStatus because freshd::Status (result.h) is the value-less Result.
enum class NoteStatus { fresh, due, stale, evergreen, undated };

std::string_view to_string(NoteStatus status);
std::optional<NoteStatus> status_from_string(std::string_view text);

// The fact a note's age is counted from, and whether it is the note's own date.
struct Anchor {
  DatedFact fact;
  bool own = true;  // false when dated from first_seen: the note is `undated`
};

// The anchor: the latest validation (in the note or recorded by a command), else the
// publication date (front matter, inline, plain, text line or file name), else first seen.
// `recorded_validation` is a validation recorded in the store by `freshctl validate`.
Anchor choose_anchor(const NoteMetadata& metadata,
                     const std::optional<DatedFact>& recorded_validation,
                     const DatedFact& first_seen);

struct Freshness {
  NoteStatus status = NoteStatus::fresh;
  std::optional<Days> due;  // nullopt for evergreen notes
  int interval_days = 0;    // due - anchor day; 0 for evergreen notes
  double freshness = 1.0;   // 0..1; 1 for evergreen notes
  int days_overdue = 0;     // today - due when stale, else 0
};

// Evaluates a note at `now`. `lead` is the reminder lead: a note whose due day is within
// `lead` of today (inclusive) is `due`; past its due day it is `stale`. Days are counted in
// `zone`. Notes without an own anchor are `undated` whatever their age, but still get a due
// day and freshness from their fallback anchor.
Freshness evaluate(const Anchor& anchor, const Interval& interval, const Interval& lead,
                   Seconds now, const date::time_zone* zone);

// The calendar day `now` falls on in `zone`.
Days local_day(Seconds now, const date::time_zone* zone);

}  // namespace freshd
