#include "model/reminder_policy.h"

#include <algorithm>
#include <utility>

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

ReminderPlanner::ReminderPlanner(ReminderSettings settings, Seconds now,
                                 const date::time_zone* zone)
    : settings_(std::move(settings)), now_(now), zone_(zone), today_(local_day(now, zone)) {}

void ReminderPlanner::consider_deadline(Seconds at) {
  if (!plan_.next_deadline || at < *plan_.next_deadline) plan_.next_deadline = at;
}

void ReminderPlanner::add(ReminderCandidate&& note) {
  const auto owed = next_owed(note, settings_, now_, zone_);
  if (!owed) return;
  std::optional<Seconds> snooze_end;
  for (const auto& until : {note.snoozed_until, settings_.vault_snoozed_until})
    if (until && *until > now_) snooze_end = std::max(snooze_end.value_or(*until), *until);
  if (owed->at > now_) {
    consider_deadline(snooze_end ? std::max(owed->at, *snooze_end) : owed->at);
    return;
  }
  if (snooze_end) {
    consider_deadline(*snooze_end);
    return;
  }
  const int overdue = std::max(0, static_cast<int>((today_ - *note.due).count()));
  plan_.owed.push_back({std::move(note.path), std::move(note.title), std::move(note.owner),
                        owed->kind, *note.due, owed->kind == ReminderKind::stale ? overdue : 0});
}

ReminderPlan ReminderPlanner::take() {
  // A caller that adds notes in path order (the store's) pays for no reordering here.
  const auto by_path = [](const ReminderItem& a, const ReminderItem& b) { return a.path < b.path; };
  if (!std::is_sorted(plan_.owed.begin(), plan_.owed.end(), by_path))
    std::sort(plan_.owed.begin(), plan_.owed.end(), by_path);
  return std::exchange(plan_, ReminderPlan{});
}

ReminderPlan plan_reminders(const std::vector<ReminderCandidate>& notes,
                            const ReminderSettings& settings, Seconds now,
                            const date::time_zone* zone) {
  ReminderPlanner planner(settings, now, zone);
  for (ReminderCandidate note : notes) planner.add(std::move(note));
  return planner.take();
}

}  // namespace freshd
