// Which reminders are owed at `now`, and when the next one falls due. Pure: the note
// states, the last reminder of each and the settings come in; a digest and a deadline
// come out. Applying it twice with the same inputs gives the same answer, which is what
// makes the scheduler's wake(now) idempotent.
//
// Rules (DESIGN.md, Scheduling and Noise control):
// - a note is reminded "due" once per due day, from (due - lead) at the reminder time;
// - it is reminded "stale" from (due + 1 day) at the reminder time, and again at most
//   every `repeat` while it stays stale (same due day);
// - a snoozed note (or a snoozed vault) is not reminded before the snooze ends;
// - evergreen and undated notes are never reminded.
#pragma once

#include "model/date_value.h"
#include "model/freshness.h"
#include "model/interval.h"

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace freshd {

enum class ReminderKind { due, stale };

std::string_view to_string(ReminderKind kind);
std::optional<ReminderKind> reminder_kind_from_string(std::string_view text);

// The last reminder delivered for a note.
struct ReminderRecord {
  Days due{};  // the due day it was about
  ReminderKind kind = ReminderKind::due;
  Seconds at{};  // when it was delivered

  friend bool operator==(const ReminderRecord&, const ReminderRecord&) = default;
};

struct ReminderCandidate {
  std::string path;
  std::string title;
  std::string owner;
  NoteStatus status = NoteStatus::fresh;
  std::optional<Days> due;  // nullopt: evergreen
  std::optional<ReminderRecord> last;
  std::optional<Seconds> snoozed_until;
};

struct ReminderSettings {
  Interval lead{0, 7, false};
  Interval repeat{0, 7, false};
  // Local time of day reminders are delivered at. Default: 09:00.
  std::chrono::seconds time_of_day{9 * 3600};
  std::optional<Seconds> vault_snoozed_until;  // vacation
};

struct ReminderItem {
  std::string path;
  std::string title;
  std::string owner;
  ReminderKind kind = ReminderKind::due;
  Days due{};
  int days_overdue = 0;  // as of the local day of `now`

  friend bool operator==(const ReminderItem&, const ReminderItem&) = default;
};

struct ReminderPlan {
  std::vector<ReminderItem> owed;       // deliver now, as one digest (sorted by path)
  std::optional<Seconds> next_deadline;  // the earliest later instant something is owed
};

// The instant `day` at `time_of_day` local time in `zone`: a time in a spring-forward gap
// resolves to the first instant after the gap, a repeated time to its first occurrence.
Seconds local_instant(Days day, std::chrono::seconds time_of_day, const date::time_zone* zone);

// plan_reminders one note at a time, for a caller that reads the notes from the store
// without holding them all: add() every note, then take() the plan.
class ReminderPlanner {
 public:
  ReminderPlanner(ReminderSettings settings, Seconds now, const date::time_zone* zone);
  // `note` is moved from when it is owed.
  void add(ReminderCandidate&& note);
  // The plan of the notes added so far; leaves the planner empty.
  ReminderPlan take();
  // The reminders owed so far, taken out (deadlines stay): a caller that adds notes in path
  // order can record them part by part while it adds the rest; take() then gives the
  // remaining ones and the next deadline of all.
  std::vector<ReminderItem> take_owed() { return std::exchange(plan_.owed, {}); }
  std::size_t owed_count() const { return plan_.owed.size(); }

 private:
  void consider_deadline(Seconds at);

  ReminderSettings settings_;
  Seconds now_;
  const date::time_zone* zone_;
  Days today_;
  ReminderPlan plan_;
};

ReminderPlan plan_reminders(const std::vector<ReminderCandidate>& notes,
                            const ReminderSettings& settings, Seconds now,
                            const date::time_zone* zone);

}  // namespace freshd
