#include "model/reminder_policy.h"

#include <algorithm>

namespace freshd {
namespace {

// When the note's next reminder is owed, and of which kind; nullopt when never.
struct Owed {
  ReminderKind kind;
  Seconds at;
};

std::optional<Owed> next_owed(const ReminderCandidate& note, const ReminderSettings& s,
                              Seconds now, const date::time_zone* zone) {
  if (!note.due || note.status == NoteStatus::undated || note.status == NoteStatus::evergreen)
    return std::nullopt;
  const Days due = *note.due;
  const Seconds lead_at = local_instant(subtract_interval(due, s.lead), s.time_of_day, zone);
  const Seconds stale_at = local_instant(due + date::days{1}, s.time_of_day, zone);
  const auto& last = note.last;
  const bool same_due = last && last->due == due;
  // After downtime a note may be past both instants: it is owed one "stale" reminder,
  // not a "due" one followed by a "stale" one.
  if (!same_due) return now >= stale_at || lead_at >= stale_at ? Owed{ReminderKind::stale, stale_at}
                                                                : Owed{ReminderKind::due, lead_at};
  if (last->kind == ReminderKind::due) return Owed{ReminderKind::stale, stale_at};
  const Days last_day = local_day(last->at, zone);
  const Seconds repeat_at = local_instant(add_interval(last_day, s.repeat), s.time_of_day, zone);
  return Owed{ReminderKind::stale, std::max(repeat_at, stale_at)};
}

}  // namespace

std::string_view to_string(ReminderKind kind) { return kind == ReminderKind::due ? "due" : "stale"; }

std::optional<ReminderKind> reminder_kind_from_string(std::string_view text) {
  if (text == "due") return ReminderKind::due;
  if (text == "stale") return ReminderKind::stale;
  return std::nullopt;
}

Seconds local_instant(Days day, std::chrono::seconds time_of_day, const date::time_zone* zone) {
  const date::local_seconds local{day.time_since_epoch() + time_of_day};
  const date::local_info info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent) return info.second.begin;  // after the gap
  return date::sys_seconds{local.time_since_epoch() - info.first.offset};
}

ReminderPlan plan_reminders(const std::vector<ReminderCandidate>& notes,
                            const ReminderSettings& settings, Seconds now,
                            const date::time_zone* zone) {
  ReminderPlan plan;
  const Days today = local_day(now, zone);
  auto consider_deadline = [&](Seconds at) {
    if (!plan.next_deadline || at < *plan.next_deadline) plan.next_deadline = at;
  };
  for (const auto& note : notes) {
    const auto owed = next_owed(note, settings, now, zone);
    if (!owed) continue;
    std::optional<Seconds> snooze_end;
    for (const auto& until : {note.snoozed_until, settings.vault_snoozed_until})
      if (until && *until > now) snooze_end = std::max(snooze_end.value_or(*until), *until);
    if (owed->at > now) {
      consider_deadline(snooze_end ? std::max(owed->at, *snooze_end) : owed->at);
      continue;
    }
    if (snooze_end) {
      consider_deadline(*snooze_end);
      continue;
    }
    const int overdue = std::max(0, static_cast<int>((today - *note.due).count()));
    plan.owed.push_back(
        {note.path, note.title, note.owner, owed->kind, *note.due,
         owed->kind == ReminderKind::stale ? overdue : 0});
  }
  std::sort(plan.owed.begin(), plan.owed.end(),
            [](const ReminderItem& a, const ReminderItem& b) { return a.path < b.path; });
  return plan;
}

}  // namespace freshd
