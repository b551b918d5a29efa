#include "reports/report_builder.h"

#include "report_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace freshd {
namespace {

using test::day;
using test::day_fact;
using test::event;
using test::kNow;
using test::stored;
using test::utc;

// A note published on `published` that decays in `decay` ("14d").
StoredNote published_note(std::string path, Days published, std::string decay,
                          Seconds first_seen = utc(2026, 1, 1)) {
  StoredNote n = stored(std::move(path), first_seen);
  n.metadata.published = day_fact(published, SourceKind::yaml_front_matter, "date", 2);
  n.metadata.decay = test::text_fact(std::move(decay), "decay_rate", 3);
  return n;
}

std::vector<std::string> paths(const Capped<ReportNote>& list) {
  std::vector<std::string> out;
  for (const auto& n : list.items) out.push_back(n.path);
  return out;
}

std::vector<std::string> paths(const Capped<ReportEvent>& list) {
  std::vector<std::string> out;
  for (const auto& e : list.items) out.push_back(e.path);
  return out;
}

struct Builder {
  Config config = test::fixture_config();
  ReportInputs inputs = test::fixture_inputs(config);

  Builder() { config.report.max_items = 50; }
  Report build(const std::vector<StoredNote>& notes, const std::vector<TimelineEvent>& events = {}) {
    return build_report(notes, events, inputs);
  }
};

TEST_CASE("the period starts at the previous report, else a week before now") {
  Builder b;
  CHECK(report_since(b.inputs) == test::kPreviousReport);
  b.inputs.previous.reset();
  CHECK(report_since(b.inputs) == kNow - date::days{7});
}

TEST_CASE("newly stale: stale now and not stale when the period began") {
  Builder b;  // the period is (2026-11-16 09:00, 2026-11-23 09:00] in Berlin
  const std::vector<StoredNote> notes{
      published_note("became-stale.md", day(2026, 11, 5), "14d"),    // due 11-19
      published_note("stale-before.md", day(2026, 10, 1), "14d"),    // due 10-15
      published_note("due-on-since.md", day(2026, 11, 2), "14d"),    // due 11-16: not yet stale
      published_note("still-fresh.md", day(2026, 11, 20), "14d"),    // due 12-04
      // First seen in the period, already stale then: listed as new, not as newly stale.
      published_note("new-and-stale.md", day(2026, 1, 1), "14d", utc(2026, 11, 20)),
      // First seen in the period, stale since.
      published_note("new-then-stale.md", day(2026, 11, 3), "14d", utc(2026, 11, 17)),
  };
  const Report r = b.build(notes);
  CHECK(paths(r.changes.newly_stale) ==
        std::vector<std::string>{"due-on-since.md", "new-then-stale.md", "became-stale.md"});
  CHECK(r.changes.newly_stale.items[0].days_overdue == 7);
  CHECK(r.stale.total == 5);
}

TEST_CASE("a validation recorded after the period began does not count at its start") {
  Builder b;
  StoredNote n = published_note("roadmap.md", day(2026, 1, 1), "14d");
  // Validated on 2026-11-05 but recorded on 11-20: at `since` the store did not know it,
  // and the note was already stale.
  n.recorded_validation = RecordedValidation{day(2026, 11, 5), "", utc(2026, 11, 20)};
  const Report r = b.build({n});
  CHECK(r.stale.total == 1);  // due 11-19
  CHECK(r.changes.newly_stale.total == 0);
}

TEST_CASE("lists are capped at max_items and count the rest") {
  Builder b;
  b.config.report.max_items = 2;
  std::vector<StoredNote> notes;
  for (int i = 1; i <= 5; ++i)
    notes.push_back(published_note("n" + std::to_string(i) + ".md",
                                   day(2026, 10, static_cast<unsigned>(i)), "14d"));
  const Report r = b.build(notes);
  CHECK(r.stale.total == 5);
  CHECK(r.stale.more() == 3);
  CHECK(paths(r.stale) == std::vector<std::string>{"n1.md", "n2.md"});  // most overdue first
}

TEST_CASE("a capped list is the start of the full order, in whatever order notes arrive") {
  Builder b;
  b.config.report.max_items = 2;
  std::vector<StoredNote> notes;
  // Two notes share each due day: the path breaks the tie.
  for (const char* name : {"e", "d", "c", "b", "a"})
    notes.push_back(published_note(std::string(name) + ".md",
                                   day(2026, 10, name[0] < 'c' ? 1u : name[0] < 'e' ? 2u : 3u),
                                   "14d"));
  for (const char* name : {"z-undated.md", "y-undated.md", "x-undated.md"})
    notes.push_back(stored(name, utc(2026, 11, 1)));
  const Report r = b.build(notes);
  CHECK(paths(r.stale) == std::vector<std::string>{"a.md", "b.md"});
  CHECK(r.stale.total == 5);
  CHECK(paths(r.undated) == std::vector<std::string>{"x-undated.md", "y-undated.md"});
  CHECK(r.undated.total == 3);
  std::reverse(notes.begin(), notes.end());
  const Report reversed = b.build(notes);
  CHECK(paths(reversed.stale) == paths(r.stale));
  CHECK(paths(reversed.undated) == paths(r.undated));
}

TEST_CASE("a capped list of changes keeps each note's newest event and counts every note") {
  Builder b;
  b.config.report.max_items = 2;
  const std::vector<TimelineEvent> events{
      event("a.md", EventKind::first_seen, utc(2026, 11, 17)),
      event("b.md", EventKind::first_seen, utc(2026, 11, 18)),
      event("c.md", EventKind::first_seen, utc(2026, 11, 19)),
      event("a.md", EventKind::first_seen, utc(2026, 11, 20), "again"),
      event("d.md", EventKind::first_seen, utc(2026, 11, 16, 12)),
  };
  const Report r = b.build({}, events);
  CHECK(paths(r.changes.added) == std::vector<std::string>{"a.md", "c.md"});
  CHECK(r.changes.added.items[0].detail == "again");
  CHECK(r.changes.added.total == 4);
}

TEST_CASE("stale notes carry what their age counts from and where it was read") {
  Builder b;
  const Report r = build_report(test::fixture_notes(), {}, b.inputs);
  REQUIRE(r.stale.total == 5);
  const ReportNote& roadmap = r.stale.items[1];
  CHECK(roadmap.path == "projects/roadmap.md");
  CHECK(roadmap.title == "roadmap");
  CHECK(roadmap.anchor == "validated");
  CHECK(roadmap.anchor_date == "2026-05-01");
  CHECK(roadmap.source == "command");
  CHECK(roadmap.decay == "medium");
  CHECK(roadmap.interval_days == 90);
  CHECK(roadmap.due == "2026-07-30");
  CHECK(roadmap.days_overdue == 116);
  CHECK(roadmap.owner == "bo");
  const ReportNote& budget = r.stale.items[0];
  CHECK(budget.anchor == "published");
  CHECK(budget.source == "yaml_front_matter");
  CHECK(budget.source_key == "date");
  CHECK(budget.source_line == 3);
}

TEST_CASE("notes due in the next 7 days, snoozed notes and undated notes are listed") {
  Builder b;
  StoredNote snoozed_long = published_note("snoozed.md", day(2026, 11, 20), "14d");
  snoozed_long.snoozed_until = utc(2026, 12, 1);
  StoredNote snooze_over = published_note("snooze-over.md", day(2026, 11, 20), "14d");
  snooze_over.snoozed_until = kNow;
  const std::vector<StoredNote> notes{
      published_note("due-today.md", day(2026, 11, 9), "14d"),      // due 11-23
      published_note("due-in-7.md", day(2026, 11, 16), "14d"),      // due 11-30
      published_note("due-in-8.md", day(2026, 11, 17), "14d"),      // due 12-01
      stored("undated.md", utc(2026, 11, 1)), snoozed_long, snooze_over,
  };
  const Report r = b.build(notes);
  CHECK(paths(r.due_soon) == std::vector<std::string>{"due-today.md", "due-in-7.md"});
  CHECK(paths(r.snoozed) == std::vector<std::string>{"snoozed.md"});
  CHECK(r.snoozed.items[0].snoozed_until == "2026-12-01T00:00:00Z");
  CHECK(paths(r.undated) == std::vector<std::string>{"undated.md"});
  CHECK(r.undated.items[0].anchor == "first_seen");
  CHECK(r.undated.items[0].anchor_date == "2026-11-01T00:00:00Z");
}

TEST_CASE("counts by status cover live notes and their change since the previous report") {
  Builder b;
  const Report r = build_report(test::fixture_notes(), {}, b.inputs);
  CHECK(r.counts == StatusCounts{2, 1, 5, 1, 2});
  REQUIRE(r.change.has_value());
  CHECK(*r.change == StatusCounts{-2, -1, 2, 0, 1});
  b.inputs.previous.reset();
  CHECK_FALSE(build_report(test::fixture_notes(), {}, b.inputs).change.has_value());
}

TEST_CASE("counts by top-level folder and by owner, most stale first") {
  Builder b;
  const Report r = build_report(test::fixture_notes(), {}, b.inputs);
  const auto names = [](const std::vector<GroupCount>& groups) {
    std::vector<std::string> out;
    for (const auto& g : groups)
      out.push_back(g.name + " " + std::to_string(g.stale) + "/" + std::to_string(g.total));
    return out;
  };
  CHECK(names(r.folders) == std::vector<std::string>{"ai 3/3", "projects 2/2", "(root) 0/1",
                                                     "inbox 0/1", "journal 0/1", "math 0/1",
                                                     "ops 0/2"});
  CHECK(names(r.owners) == std::vector<std::string>{"ana 2/3", "bo 2/2", "(none) 1/6"});
}

TEST_CASE("metadata problems list every problem of every live note with a hint") {
  Builder b;
  const Report r = build_report(test::fixture_notes(), {}, b.inputs);
  REQUIRE(r.problems.total == 3);
  CHECK(r.problems.items[0].path == "broken.md");
  CHECK(r.problems.items[1].path == "ops/dns.md");
  CHECK(r.problems.items[1].line == 3);
  CHECK(r.problems.items[2].line == 4);
  CHECK(r.problems.items[2].key == "decay_rate");
  CHECK(r.problems.items[2].hint.starts_with("Use one of the decay classes"));
}

TEST_CASE("changes list the period's validations, new notes and deletions, newest first") {
  Builder b;
  const std::vector<StoredNote> notes{published_note("a.md", day(2026, 11, 1), "90d"),
                                      published_note("b.md", day(2026, 11, 1), "90d")};
  const std::vector<TimelineEvent> events{
      event("a.md", EventKind::validated, test::kPreviousReport),  // at `since`: outside
      event("a.md", EventKind::validated, utc(2026, 11, 17), "first"),
      event("a.md", EventKind::validated, utc(2026, 11, 19), "second"),
      // Found with its validation when first seen: new, not validated.
      event("b.md", EventKind::first_seen, utc(2026, 11, 18)),
      event("b.md", EventKind::validated, utc(2026, 11, 18)),
      event("gone.md", EventKind::deleted, utc(2026, 11, 20)),
      event("late.md", EventKind::first_seen, kNow + std::chrono::seconds{1}),  // after now
  };
  const Report r = b.build(notes, events);
  REQUIRE(paths(r.changes.validated) == std::vector<std::string>{"a.md"});
  CHECK(r.changes.validated.items[0].detail == "second");
  CHECK(r.changes.validated.items[0].at == "2026-11-19T00:00:00Z");
  CHECK(paths(r.changes.added) == std::vector<std::string>{"b.md"});
  CHECK(r.changes.added.items[0].title == "b");
  CHECK(paths(r.changes.deleted) == std::vector<std::string>{"gone.md"});
  CHECK(r.changes.deleted.items[0].title == "gone.md");  // unknown to the store: its path
}

TEST_CASE("the report's header carries its times in UTC and in the report's zone") {
  Builder b;
  b.inputs.report_zone = date::locate_zone("America/New_York");
  const Report r = b.build({});
  CHECK(r.vault == "/home/ana/notes");
  CHECK(r.zone == "America/New_York");
  CHECK(r.generated_at == "2026-11-23T08:00:00Z");
  CHECK(r.generated_at_local == "2026-11-23T03:00:00-05:00");
  CHECK(r.week == "2026-W48");
  CHECK(r.since == "2026-11-16T08:00:00Z");
  CHECK(r.until == "2026-11-23T08:00:00Z");
  CHECK(r.trend.back().end == "2026-11-23T08:00:00Z");
  CHECK(r.trend.front().end == "2026-09-14T03:59:59Z");  // Sunday 23:59:59 in New York
}

}  // namespace
}  // namespace freshd
