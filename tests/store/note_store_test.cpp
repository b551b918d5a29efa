// NoteStore: opening and migrating the database, queries, validations, events, settings.
// (apply() has its own file: scan_apply_test.cpp.)
#include "model/store/note_store.h"

#include "tests/store/store_fixtures.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace freshd {
namespace {

using test::apply;
using test::at;
using test::day;
using test::observed;
using test::open_file;

const Seconds kT1 = at(2026, 4, 1, 9);
const Seconds kT2 = at(2026, 4, 2, 9);
const Seconds kT3 = at(2026, 4, 3, 9);

std::string open_error(const std::string& file, NoteStore::Mode mode) {
  auto store = NoteStore::open(file, mode);
  REQUIRE_FALSE(store.ok());
  return store.error().message;
}

int user_version(const std::string& file) {
  return SQLite::Database(file).execAndGet("PRAGMA user_version").getInt();
}

TEST_CASE("a new file is migrated to the current schema, and reopening changes nothing") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    REQUIRE(store.set_meta("last_scan", "2026-04-01T09:00:00Z").ok());
  }
  CHECK(NoteStore::schema_version() == 1);
  CHECK(user_version(file) == NoteStore::schema_version());
  CHECK(SQLite::Database(file).execAndGet("PRAGMA journal_mode").getString() == "wal");

  NoteStore reopened = open_file(file, NoteStore::Mode::read_write);
  CHECK(user_version(file) == NoteStore::schema_version());
  CHECK(reopened.meta("last_scan")->value() == "2026-04-01T09:00:00Z");
}

TEST_CASE("read-only open of a missing or empty file says there is no index yet") {
  const test::TempDir dir;
  const std::string missing = dir.file("index.sqlite");
  CHECK(open_error(missing, NoteStore::Mode::read_only) ==
        "no index yet at " + missing + ": run `freshctl recheck` or start freshd");
  const std::string empty = dir.file("empty.sqlite");
  { std::ofstream create(empty); }
  CHECK(open_error(empty, NoteStore::Mode::read_only) ==
        "no index yet at " + empty + ": run `freshctl recheck` or start freshd");
}

TEST_CASE("a schema newer than this build is refused in both modes") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  { open_file(file, NoteStore::Mode::read_write); }
  SQLite::Database(file, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 99");
  const std::string expected = file +
                               " was written by a newer freshd (schema version 99, this build "
                               "knows up to 1): upgrade freshd";
  CHECK(open_error(file, NoteStore::Mode::read_only) == expected);
  CHECK(open_error(file, NoteStore::Mode::read_write) == expected);
}

TEST_CASE("a read-only store sees what the writer committed and cannot write") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  NoteStore writer = open_file(file, NoteStore::Mode::read_write);
  apply(writer, {{observed("a.md", 1)}, {}}, kT1);

  NoteStore reader = open_file(file, NoteStore::Mode::read_only);
  REQUIRE(reader.notes()->size() == 1);
  CHECK(reader.notes()->front().path == "a.md");
  const Status written = reader.set_meta("k", "v");
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().message.rfind(file + ": cannot save setting k: ", 0) == 0);
}

TEST_CASE("notes are sorted by path; deleted ones only on request") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("c.md", 3), observed("a.md", 1), observed("b/x.md", 2)}, {}}, kT1);
  apply(store, {{}, {"a.md"}}, kT2);
  const auto live_notes = store.notes();
  const auto all_notes = store.notes(true);
  REQUIRE(live_notes.ok());
  REQUIRE(all_notes.ok());
  std::vector<std::string> live;
  for (const StoredNote& note : *live_notes) live.push_back(note.path);
  CHECK(live == std::vector<std::string>{"b/x.md", "c.md"});
  std::vector<std::string> all;
  for (const StoredNote& note : *all_notes) all.push_back(note.path);
  CHECK(all == std::vector<std::string>{"a.md", "b/x.md", "c.md"});
  CHECK_FALSE(store.find_note("never.md")->has_value());
}

TEST_CASE("validating an unknown or deleted note is an error") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("gone.md", 1)}, {}}, kT1);
  apply(store, {{}, {"gone.md"}}, kT2);
  for (const char* path : {"unknown.md", "gone.md"}) {
    const Status recorded = store.record_validation(path, day(2026, 4, 2), "", kT3);
    REQUIRE_FALSE(recorded.ok());
    CHECK(recorded.error().message ==
          std::string(path) + " is not a note freshd knows (run freshctl recheck?)");
  }
  const Status bad = store.record_validation("gone.md", day(2026, 4, 2), "fine", kT3);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "outcome 'fine' is not one of unchanged, updated");
}

TEST_CASE("a recorded validation is stored with its validated event") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1)}, {}}, kT1);
  REQUIRE(store.record_validation("a.md", day(2026, 11, 20), "unchanged", kT2).ok());
  REQUIRE(store.record_validation("a.md", day(2026, 11, 21), "", kT3).ok());
  const auto events = store.timeline("a.md", kT2);
  REQUIRE(events.ok());
  REQUIRE(events->size() == 2);
  CHECK((*events)[0].kind == EventKind::validated);
  CHECK((*events)[0].detail == "2026-11-20 (command, outcome unchanged)");
  CHECK((*events)[0].at == kT2);
  CHECK((*events)[1].detail == "2026-11-21 (command)");
}

TEST_CASE("a note carries its latest recorded validation, by day then time of recording") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1)}, {}}, kT1);
  CHECK_FALSE(store.find_note("a.md")->value().recorded_validation.has_value());
  REQUIRE(store.record_validation("a.md", day(2026, 4, 10), "unchanged", kT1).ok());
  REQUIRE(store.record_validation("a.md", day(2026, 4, 10), "updated", kT2).ok());
  REQUIRE(store.record_validation("a.md", day(2026, 4, 5), "unchanged", kT3).ok());  // back-dated
  const auto expected = RecordedValidation{day(2026, 4, 10), "updated", kT2};
  const auto found = store.find_note("a.md")->value().recorded_validation;
  REQUIRE(found.has_value());
  CHECK(found->day == expected.day);
  CHECK(found->outcome == expected.outcome);
  CHECK(found->recorded_at == expected.recorded_at);
  CHECK(store.notes()->front().recorded_validation->outcome == "updated");
}

TEST_CASE("each note read carries its own recorded validations, outcomes oldest first") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1), observed("b.md", 2), observed("c.md", 3)}, {}}, kT1);
  REQUIRE(store.record_validation("c.md", day(2026, 4, 8), "updated", kT1).ok());
  REQUIRE(store.record_validation("a.md", day(2026, 4, 10), "unchanged", kT2).ok());
  REQUIRE(store.record_validation("a.md", day(2026, 4, 5), "updated", kT3).ok());  // back-dated
  REQUIRE(store.record_validation("a.md", day(2026, 4, 10), "", kT3).ok());
  // A deleted note keeps its validations. b.md has none.
  apply(store, {{}, {"c.md"}}, kT3);

  struct Expected {
    std::string path;
    bool deleted;
    std::vector<std::string> outcomes;
    std::optional<Days> latest_day;
    std::string latest_outcome;
  };
  const std::vector<Expected> expected{
      {"a.md", false, {"updated", "unchanged", ""}, day(2026, 4, 10), ""},
      {"b.md", false, {}, std::nullopt, ""},
      {"c.md", true, {"updated"}, day(2026, 4, 8), "updated"},
  };
  std::vector<StoredNote> all;
  REQUIRE(store.for_each_note([&](StoredNote& n) { all.push_back(n); }, true).ok());
  REQUIRE(all.size() == expected.size());
  for (const Expected& e : expected) {
    CAPTURE(e.path);
    CAPTURE(e.deleted);
    const auto it = std::find_if(all.begin(), all.end(), [&](const StoredNote& n) {
      return n.path == e.path && n.deleted_at.has_value() == e.deleted;
    });
    REQUIRE(it != all.end());
    CHECK(it->validation_outcomes == e.outcomes);
    REQUIRE(it->recorded_validation.has_value() == e.latest_day.has_value());
    if (e.latest_day) {
      CHECK(it->recorded_validation->day == *e.latest_day);
      CHECK(it->recorded_validation->outcome == e.latest_outcome);
    }
  }
  // find_note reads one note the same way.
  const auto a = store.find_note("a.md");
  REQUIRE(a.ok());
  REQUIRE(a->has_value());
  CHECK((*a)->validation_outcomes == expected[0].outcomes);
  CHECK((*a)->recorded_validation->recorded_at == kT3);
  const auto b = store.find_note("b.md");
  REQUIRE(b.ok());
  REQUIRE(b->has_value());
  CHECK_FALSE((*b)->deleted_at.has_value());
  CHECK((*b)->validation_outcomes.empty());
  CHECK_FALSE((*b)->recorded_validation.has_value());
  const auto c = store.find_note("c.md");
  REQUIRE(c.ok());
  REQUIRE(c->has_value());
  CHECK((*c)->validation_outcomes == expected[2].outcomes);
}

TEST_CASE("snoozing sets snoozed_until and records the snooze") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1)}, {}}, kT1);
  const Seconds until = at(2026, 5, 1);
  REQUIRE(store.snooze("a.md", until, kT2).ok());
  CHECK(store.find_note("a.md")->value().snoozed_until == until);
  const auto events = store.timeline("a.md", kT2);
  REQUIRE(events->size() == 1);
  CHECK(events->front().kind == EventKind::snoozed);
  CHECK(events->front().detail == "until 2026-05-01T00:00:00Z");
  CHECK_FALSE(store.snooze("unknown.md", until, kT2).ok());
}

TEST_CASE("events are ordered by recording, filtered by time and by note") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1), observed("b.md", 2)}, {}}, kT1);
  REQUIRE(store.record_event("b.md", EventKind::reminded, "due 2026-04-02", kT2).ok());
  REQUIRE(store.record_event("a.md", EventKind::became_due, "", kT3).ok());

  const auto all = store.timeline(std::nullopt, Seconds{});
  REQUIRE(all->size() == 4);
  for (std::size_t i = 1; i < all->size(); ++i) CHECK((*all)[i - 1].id < (*all)[i].id);
  CHECK((*all)[2].detail == "due 2026-04-02");

  const auto since = store.timeline(std::nullopt, kT2);
  REQUIRE(since->size() == 2);
  CHECK(since->front().kind == EventKind::reminded);
  CHECK(since->back().kind == EventKind::became_due);

  const auto of_a = store.timeline("a.md", Seconds{});
  REQUIRE(of_a->size() == 2);
  CHECK(of_a->back().kind == EventKind::became_due);
  CHECK(store.timeline("unknown.md", Seconds{})->empty());

  const Status unknown = store.record_event("unknown.md", EventKind::reminded, "", kT3);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message == "unknown.md is not a note freshd knows (run freshctl recheck?)");
}

TEST_CASE("the timeline is append-only: the database refuses to rewrite it") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    apply(store, {{observed("a.md", 1)}, {}}, kT1);
  }
  SQLite::Database raw(file, SQLite::OPEN_READWRITE);
  CHECK_THROWS_WITH_AS(raw.exec("UPDATE events SET detail = 'x'"), "the timeline is append-only",
                       SQLite::Exception);
  CHECK_THROWS_WITH_AS(raw.exec("DELETE FROM events"), "the timeline is append-only",
                       SQLite::Exception);
  CHECK(raw.execAndGet("SELECT count(*) FROM events").getInt() == 1);
}

// The rows of PRAGMA foreign_key_check: "table rowid parent" per row whose reference is
// dangling. SQLite runs the check even with enforcement off, as the store has it.
std::vector<std::string> dangling_references(SQLite::Database& raw) {
  std::vector<std::string> out;
  SQLite::Statement check(raw, "PRAGMA foreign_key_check");
  while (check.executeStep())
    out.push_back(check.getColumn(0).getString() + " " + check.getColumn(1).getString() + " " +
                  check.getColumn(2).getString());
  return out;
}

TEST_CASE("every kind of write keeps the references the schema declares") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    apply(store, {{observed("a.md", 1), observed("b.md", 2), observed("c.md", 3)}, {}}, kT1);
    ObservedNote moved = observed("d.md", 3);
    moved.renamed_from = "c.md";
    apply(store, {{observed("a.md", 11, 120, 2), moved}, {"b.md"}}, kT2);
    apply(store, {{observed("b.md", 2)}, {}}, kT2);  // restored
    REQUIRE(store.record_validation("a.md", day(2026, 4, 2), "unchanged", kT2).ok());
    REQUIRE(store.snooze("d.md", kT3, kT2).ok());
    REQUIRE(store.record_event("a.md", EventKind::became_due, "due 2026-04-09", kT2).ok());
    REQUIRE(store.record_own_write(observed("a.md", 12, 130, 3)).ok());
    const std::vector<ReminderItem> items{{"a.md", "A", "", ReminderKind::stale, day(2026, 3, 1)},
                                          {"d.md", "D", "", ReminderKind::due, day(2026, 4, 5)}};
    const auto ids = store.record_digest(items, "{}", {"log", "exec"}, kT3);
    REQUIRE(ids.ok());
    auto pending = store.pending_outbox();
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 2);
    CHECK(*ids == std::vector<std::int64_t>{pending->at(0).id, pending->at(1).id});
    CHECK(pending->at(1).sink == "exec");
    REQUIRE(store.mark_delivered(ids->front(), items, kT3).ok());
    REQUIRE(store.record_digest(items, "{}", {"log"}, kT3, /*first_delivered=*/true).ok());
  }
  SQLite::Database raw(file, SQLite::OPEN_READWRITE);
  CHECK(raw.execAndGet("SELECT count(*) FROM reminders").getInt() == 2);
  CHECK(raw.execAndGet("SELECT count(*) FROM validations").getInt() == 1);
  CHECK(dangling_references(raw).empty());
  // The check finds a dangling reference when there is one.
  raw.exec("INSERT INTO events (note_id, path, kind, at, detail)"
           " VALUES (99, 'x.md', 'snoozed', 0, '')");
  const std::string event = std::to_string(raw.getLastInsertRowid());
  CHECK(dangling_references(raw) == std::vector<std::string>{"events " + event + " notes"});
}

// The bytes of the index file, read with no connection open (the WAL checkpointed).
std::string file_bytes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_CASE("for_each_note visits the notes of notes(), in the same order, one at a time") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("b.md", 2), observed("a.md", 1), observed("c.md", 3)}, {}}, kT1);
  apply(store, {{}, {"c.md"}}, kT2);
  for (const bool include_deleted : {false, true}) {
    CAPTURE(include_deleted);
    std::vector<std::string> visited;
    REQUIRE(store.for_each_note([&](const StoredNote& note) { visited.push_back(note.path); },
                                include_deleted)
                .ok());
    const auto notes = store.notes(include_deleted);
    REQUIRE(notes.ok());
    std::vector<std::string> listed;
    for (const StoredNote& note : *notes) listed.push_back(note.path);
    CHECK(visited == listed);
    CHECK(visited == (include_deleted ? std::vector<std::string>{"a.md", "b.md", "c.md"}
                                      : std::vector<std::string>{"a.md", "b.md"}));
  }
}

TEST_CASE("for_each_event visits the vault's events since an instant, of the kinds asked") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1), observed("b.md", 2)}, {}}, kT1);
  apply(store, {{}, {"b.md"}}, kT2);
  REQUIRE(store.record_event("a.md", EventKind::reminded, "due", kT3).ok());
  const auto visit = [&](Seconds since, const std::vector<EventKind>& kinds) {
    std::vector<std::string> out;
    REQUIRE(store.for_each_event(since, kinds, [&](const TimelineEvent& e) {
                   out.push_back(e.path + " " + std::string(to_string(e.kind)));
                 }).ok());
    return out;
  };
  const auto timeline = store.timeline(std::nullopt, kT2);
  REQUIRE(timeline.ok());
  std::vector<std::string> listed;
  for (const TimelineEvent& e : *timeline)
    listed.push_back(e.path + " " + std::string(to_string(e.kind)));
  CHECK(visit(kT2, {}) == listed);
  CHECK(visit(kT2, {}) == std::vector<std::string>{"b.md deleted", "a.md reminded"});
  CHECK(visit(kT1, {EventKind::first_seen, EventKind::deleted}) ==
        std::vector<std::string>{"a.md first_seen", "b.md first_seen", "b.md deleted"});
}

TEST_CASE("the last scan's time is kept beside the index: recording it writes nothing into it") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    apply(store, {{observed("a.md", 1)}, {}}, kT1);
    CHECK_FALSE(store.last_scan()->has_value());
  }
  const std::string before = file_bytes(file);
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    REQUIRE(store.set_last_scan("2026-04-01T09:00:00Z").ok());
    REQUIRE(store.set_last_scan("2026-04-02T09:00:00Z").ok());
  }
  CHECK(file_bytes(file) == before);
  NoteStore reader = open_file(file, NoteStore::Mode::read_only);
  CHECK(reader.last_scan()->value() == "2026-04-02T09:00:00Z");
}

TEST_CASE("an index written before the last-scan file answers from its last_scan setting") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    REQUIRE(store.set_meta("last_scan", "2026-04-01T09:00:00Z").ok());
  }
  NoteStore store = open_file(file, NoteStore::Mode::read_write);
  CHECK(store.last_scan()->value() == "2026-04-01T09:00:00Z");
  REQUIRE(store.set_last_scan("2026-04-03T09:00:00Z").ok());
  CHECK(store.last_scan()->value() == "2026-04-03T09:00:00Z");
}

TEST_CASE("an in-memory store keeps the last scan's time in memory") {
  NoteStore store = test::memory_store();
  CHECK_FALSE(store.last_scan()->has_value());
  REQUIRE(store.set_last_scan("2026-04-01T09:00:00Z").ok());
  CHECK(store.last_scan()->value() == "2026-04-01T09:00:00Z");
}

TEST_CASE("saving a setting with the value it already has writes nothing") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    REQUIRE(store.set_meta("next_report", "2026-04-06T09:00:00Z").ok());
  }
  const std::string before = file_bytes(file);
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    REQUIRE(store.set_meta("next_report", "2026-04-06T09:00:00Z").ok());
  }
  CHECK(file_bytes(file) == before);
  {
    NoteStore store = open_file(file, NoteStore::Mode::read_write);
    REQUIRE(store.set_meta("next_report", "2026-04-13T09:00:00Z").ok());
  }
  CHECK(file_bytes(file) != before);
}

TEST_CASE("settings are unset until saved, and saving again replaces them") {
  NoteStore store = test::memory_store();
  CHECK_FALSE(store.meta("last_scan")->has_value());
  REQUIRE(store.set_meta("last_scan", "a").ok());
  REQUIRE(store.set_meta("last_scan", "b").ok());
  CHECK(store.meta("last_scan")->value() == "b");
}

}  // namespace
}  // namespace freshd
