#include "model/reminder_policy.h"

#include "model/freshness.h"

#include <doctest/doctest.h>

#include <cstdio>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace freshd {
namespace {

const date::time_zone* berlin() { return date::locate_zone("Europe/Berlin"); }

Seconds instant(const char* text) {
  std::istringstream in(text);
  Seconds out;
  in >> date::parse("%FT%TZ", out);
  REQUIRE(!in.fail());
  return out;
}

Days day(const char* text) {
  std::istringstream in(text);
  Days out;
  in >> date::parse("%F", out);
  REQUIRE(!in.fail());
  return out;
}

ReminderCandidate note(const char* path, const char* due, NoteStatus status = NoteStatus::fresh) {
  ReminderCandidate c;
  c.path = path;
  c.title = path;
  c.due = day(due);
  c.status = status;
  return c;
}

std::string next_text(const ReminderPlan& plan) {
  return plan.next_deadline ? format_instant(*plan.next_deadline) : "none";
}

}  // namespace

TEST_CASE("a reminder falls at the reminder time of the first day of the lead, in the vault's zone") {
  // lead 7d, 09:00 Berlin (CET, UTC+1 in December): due 2026-12-10 -> 2026-12-03T08:00Z.
  const ReminderSettings s;
  struct Case {
    const char* now;
    std::size_t owed;
    const char* next;
  } cases[] = {
      {"2026-12-02T12:00:00Z", 0, "2026-12-03T08:00:00Z"},
      {"2026-12-03T07:59:59Z", 0, "2026-12-03T08:00:00Z"},
      {"2026-12-03T08:00:00Z", 1, "none"},
      {"2026-12-05T10:00:00Z", 1, "none"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.now);
    const auto plan = plan_reminders({note("a.md", "2026-12-10")}, s, instant(c.now), berlin());
    CHECK(plan.owed.size() == c.owed);
    if (c.owed == 0) CHECK(next_text(plan) == c.next);
    if (c.owed == 1) CHECK(plan.owed[0].kind == ReminderKind::due);
  }
}

TEST_CASE("after the due reminder the next is the stale one, the day after the due day") {
  ReminderCandidate c = note("a.md", "2026-12-10", NoteStatus::due);
  c.last = ReminderRecord{day("2026-12-10"), ReminderKind::due, instant("2026-12-03T08:00:00Z")};
  const auto plan = plan_reminders({c}, ReminderSettings{}, instant("2026-12-05T10:00:00Z"), berlin());
  CHECK(plan.owed.empty());
  CHECK(next_text(plan) == "2026-12-11T08:00:00Z");
  const auto later = plan_reminders({c}, ReminderSettings{}, instant("2026-12-11T08:00:00Z"), berlin());
  REQUIRE(later.owed.size() == 1);
  CHECK(later.owed[0].kind == ReminderKind::stale);
  CHECK(later.owed[0].days_overdue == 1);
}

TEST_CASE("a note that stays stale is reminded again every repeat period, not before") {
  ReminderCandidate c = note("a.md", "2026-11-01", NoteStatus::stale);
  c.last = ReminderRecord{day("2026-11-01"), ReminderKind::stale, instant("2026-11-20T08:00:00Z")};
  struct Case {
    const char* now;
    std::size_t owed;
  } cases[] = {{"2026-11-26T12:00:00Z", 0}, {"2026-11-27T07:59:59Z", 0}, {"2026-11-27T08:00:00Z", 1}};
  for (const auto& k : cases) {
    CAPTURE(k.now);
    CHECK(plan_reminders({c}, ReminderSettings{}, instant(k.now), berlin()).owed.size() == k.owed);
  }
}

TEST_CASE("after downtime past the due day a note is owed one stale reminder, not two") {
  const auto plan = plan_reminders({note("a.md", "2026-11-01", NoteStatus::stale)},
                                   ReminderSettings{}, instant("2026-11-23T12:00:00Z"), berlin());
  REQUIRE(plan.owed.size() == 1);
  CHECK(plan.owed[0].kind == ReminderKind::stale);
  CHECK(plan.owed[0].days_overdue == 22);
}

TEST_CASE("wake is idempotent: the same inputs give the same digest and deadline") {
  const std::vector<ReminderCandidate> notes{note("b.md", "2026-11-20", NoteStatus::stale),
                                             note("a.md", "2026-11-25", NoteStatus::due),
                                             note("c.md", "2027-01-01")};
  const Seconds now = instant("2026-11-23T12:00:00Z");
  const auto first = plan_reminders(notes, ReminderSettings{}, now, berlin());
  const auto second = plan_reminders(notes, ReminderSettings{}, now, berlin());
  CHECK(first.owed == second.owed);
  CHECK(first.next_deadline == second.next_deadline);
  REQUIRE(first.owed.size() == 2);
  CHECK(first.owed[0].path == "a.md");  // one digest, sorted by path
  CHECK(first.owed[1].path == "b.md");
  CHECK(next_text(first) == "2026-12-25T08:00:00Z");
}

TEST_CASE("owed reminders taken part by part add up to the plan taken at once") {
  // Notes in path order, owed and not, fresh ones setting deadlines along the way.
  std::vector<ReminderCandidate> notes;
  for (int i = 0; i < 40; ++i) {
    char path[16];
    std::snprintf(path, sizeof path, "n%02d.md", i);
    if (i % 3 == 0)
      notes.push_back(note(path, "2026-11-20", NoteStatus::stale));
    else if (i % 3 == 1)
      notes.push_back(note(path, "2026-11-25", NoteStatus::due));
    else
      notes.push_back(note(path, i < 20 ? "2027-03-01" : "2027-01-05"));
  }
  const Seconds now = instant("2026-11-23T12:00:00Z");
  const ReminderPlan whole = plan_reminders(notes, ReminderSettings{}, now, berlin());
  for (const std::size_t part : std::vector<std::size_t>{1, 5, 7, 100}) {
    CAPTURE(part);
    ReminderPlanner planner(ReminderSettings{}, now, berlin());
    std::vector<ReminderItem> owed;
    for (ReminderCandidate c : notes) {
      planner.add(std::move(c));
      if (planner.owed_count() < part) continue;
      auto taken = planner.take_owed();
      CHECK(taken.size() == part);
      CHECK(planner.owed_count() == 0);
      owed.insert(owed.end(), taken.begin(), taken.end());
    }
    ReminderPlan rest = planner.take();
    CHECK(rest.owed.size() < part);
    owed.insert(owed.end(), rest.owed.begin(), rest.owed.end());
    CHECK(owed == whole.owed);
    CHECK(rest.next_deadline == whole.next_deadline);
  }
  CHECK(whole.owed.size() == 27);
  CHECK(next_text(whole) == "2026-12-29T08:00:00Z");  // the due reminder of 2027-01-05
}

TEST_CASE("snoozed notes and a snoozed vault wait until the snooze ends") {
  ReminderCandidate c = note("a.md", "2026-11-20", NoteStatus::stale);
  c.snoozed_until = instant("2026-11-30T00:00:00Z");
  const Seconds now = instant("2026-11-23T12:00:00Z");
  auto plan = plan_reminders({c}, ReminderSettings{}, now, berlin());
  CHECK(plan.owed.empty());
  CHECK(next_text(plan) == "2026-11-30T00:00:00Z");
  ReminderSettings vacation;
  vacation.vault_snoozed_until = instant("2026-12-07T00:00:00Z");
  plan = plan_reminders({note("b.md", "2026-11-20", NoteStatus::stale)}, vacation, now, berlin());
  CHECK(plan.owed.empty());
  CHECK(next_text(plan) == "2026-12-07T00:00:00Z");
}

TEST_CASE("evergreen and undated notes are never reminded") {
  ReminderCandidate evergreen = note("e.md", "2026-01-01", NoteStatus::evergreen);
  evergreen.due.reset();
  const auto plan = plan_reminders({evergreen, note("u.md", "2026-01-01", NoteStatus::undated)},
                                   ReminderSettings{}, instant("2026-11-23T12:00:00Z"), berlin());
  CHECK(plan.owed.empty());
  CHECK(!plan.next_deadline);
}

TEST_CASE("a reminder time in a daylight-saving gap runs at the first instant after it") {
  struct Case {
    const char* zone;
    const char* day;
    int hour, minute;
    const char* expected;
  } cases[] = {
      {"Europe/Berlin", "2026-03-29", 2, 30, "2026-03-29T01:00:00Z"},   // gap 02:00-03:00
      {"Europe/Berlin", "2026-10-25", 2, 30, "2026-10-25T00:30:00Z"},   // first of two 02:30
      {"America/New_York", "2026-03-08", 2, 30, "2026-03-08T07:00:00Z"},
      {"America/New_York", "2026-11-01", 1, 30, "2026-11-01T05:30:00Z"},
      {"Australia/Sydney", "2026-10-04", 2, 15, "2026-10-03T16:00:00Z"},
      {"Asia/Kolkata", "2026-06-01", 9, 0, "2026-06-01T03:30:00Z"},
      {"UTC", "2028-02-29", 9, 0, "2028-02-29T09:00:00Z"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.zone);
    CAPTURE(c.day);
    const auto at = local_instant(day(c.day), std::chrono::hours(c.hour) + std::chrono::minutes(c.minute),
                                  date::locate_zone(c.zone));
    CHECK(format_instant(at) == c.expected);
  }
}

}  // namespace freshd

namespace freshd {
namespace {

// The status a note has at `now` (what ReminderService computes from the full model):
// due within the 7-day lead, stale from the day after its due day.
NoteStatus status_at(Days due, Seconds now) {
  const Days today = local_day(now, berlin());
  if (today > due) return NoteStatus::stale;
  if (today >= due - date::days{7}) return NoteStatus::due;
  return NoteStatus::fresh;
}

}  // namespace

TEST_CASE("clock steps and a suspend across a deadline: every reminder fires exactly once") {
  // The daemon's wake with an injected clock: the wall clock jumps a week forward, steps
  // back a day, comes back, then the machine sleeps across a deadline and resumes. After
  // each wake the owed reminders are recorded as delivered, as the store does.
  std::vector<ReminderCandidate> notes{note("a.md", "2026-12-10"), note("b.md", "2026-12-02")};
  const char* clock[] = {
      "2026-11-30T12:00:00Z",  // b is due (lead 7d): its due reminder
      "2026-12-07T12:00:00Z",  // a week forward: b stale, a due
      "2026-12-06T12:00:00Z",  // back a day: nothing again
      "2026-12-06T23:59:59Z",
      "2026-12-07T12:00:00Z",  // forward again to where it was: nothing again
      "2026-12-10T07:00:00Z",  // suspended here ...
      "2026-12-12T12:00:00Z",  // ... resumed past a's stale deadline (12-11 09:00): once
      "2026-12-12T12:00:01Z",
      "2026-12-13T12:00:00Z",  // b's stale repeat is owed from 12-14 09:00, not yet
  };
  std::map<std::string, int> fired;
  std::vector<std::string> order;
  for (const char* text : clock) {
    CAPTURE(text);
    const Seconds now = instant(text);
    for (auto& c : notes) c.status = status_at(*c.due, now);
    const ReminderPlan plan = plan_reminders(notes, ReminderSettings{}, now, berlin());
    for (const ReminderItem& item : plan.owed) {
      const std::string key = item.path + " " + std::string(to_string(item.kind)) + " " +
                              format_day(item.due);
      ++fired[key];
      order.push_back(std::string(text) + " " + key);
      for (auto& c : notes)
        if (c.path == item.path) c.last = ReminderRecord{item.due, item.kind, now};
    }
    if (plan.next_deadline) CHECK(*plan.next_deadline > now);
  }
  CAPTURE(order);
  const std::map<std::string, int> expected{{"a.md due 2026-12-10", 1},
                                            {"a.md stale 2026-12-10", 1},
                                            {"b.md due 2026-12-02", 1},
                                            {"b.md stale 2026-12-02", 1}};
  CHECK(fired == expected);
  CHECK(order == std::vector<std::string>{
                     "2026-11-30T12:00:00Z b.md due 2026-12-02",
                     "2026-12-07T12:00:00Z a.md due 2026-12-10",
                     "2026-12-07T12:00:00Z b.md stale 2026-12-02",
                     "2026-12-12T12:00:00Z a.md stale 2026-12-10"});
}

}  // namespace freshd
