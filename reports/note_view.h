// A note as people and scripts see it at a given `now`: its facts, provenance, decay,
// status, due day and freshness. Pure: a StoredNote and the configuration in, values out.
#pragma once

#include "config/config.h"
#include "model/adaptive_interval.h"
#include "model/decay_policy.h"
#include "model/freshness.h"
#include "model/store/note_store.h"

#include <nlohmann/json.hpp>

#include <date/tz.h>

#include <optional>
#include <string>
#include <vector>

namespace freshd {

class JsonText;

// What a view needs besides the note: the model's policy and the moment.
struct ViewContext {
  const Config* config = nullptr;        // never null
  const date::time_zone* zone = nullptr;  // the vault's zone; never null
  Seconds now{};
};

struct NoteView {
  const StoredNote* note = nullptr;  // borrowed from the caller's snapshot
  std::string title;                 // the note's title, else its file name without extension
  Anchor anchor;
  ResolvedDecay decay;
  AdaptedInterval interval;  // the decay's interval after adaptive validations
  std::optional<TextFact> owner;  // the note's own, else [owners] rules and default
  Freshness freshness;
  std::vector<MetadataProblem> problems;  // the note's, plus a decay problem if any
};

NoteView make_note_view(const StoredNote& note, const ViewContext& context);

// The note object of DESIGN.md's interface contract: path, title, status, published,
// last_validated, decay, interval_days, due, freshness, days_overdue, owner, tags,
// provenance, problems, interval (how the interval was adapted), written as JSON text
// directly: `list` writes one per note of the vault.
void write_note_view(JsonText& out, const NoteView& view);
// The same object as a JSON value. With `detailed`, also first_seen, edited, anchor,
// deleted and snoozed_until (for `show`).
nlohmann::json note_view_to_json(const NoteView& view, bool detailed);

// Orders views most overdue first, then by due day, then by path.
void sort_by_urgency(std::vector<NoteView>& views);

// What sort_by_urgency orders by, for callers that keep less than whole views.
struct UrgencyKey {
  int days_overdue = 0;
  std::optional<Days> due;
  std::string path;
};
UrgencyKey urgency_key(const NoteView& view);
// True when `a` comes before `b` in sort_by_urgency's order.
bool more_urgent(const UrgencyKey& a, const UrgencyKey& b);

}  // namespace freshd
