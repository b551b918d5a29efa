// NoteStore::apply: how scan batches become notes and timeline events.
#include "model/store/note_store.h"

#include "tests/store/store_fixtures.h"

#include <doctest/doctest.h>

namespace freshd {
namespace {

using test::apply;
using test::at;
using test::day;
using test::day_fact;
using test::observed;
using test::text_fact;

const Seconds kT1 = at(2026, 4, 1, 9);
const Seconds kT2 = at(2026, 4, 2, 9);
const Seconds kT3 = at(2026, 4, 3, 9);

struct Expected {
  EventKind kind;
  std::string path;
  std::string detail;
};

void check_events(const std::vector<TimelineEvent>& events, const std::vector<Expected>& expected,
                  Seconds when) {
  REQUIRE(events.size() == expected.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    CAPTURE(i);
    CHECK(to_string(events[i].kind) == to_string(expected[i].kind));
    CHECK(events[i].path == expected[i].path);
    CHECK(events[i].detail == expected[i].detail);
    CHECK(events[i].at == when);
  }
}

std::vector<TimelineEvent> timeline_of(NoteStore& store, std::string_view path) {
  auto events = store.timeline(path, Seconds{});
  REQUIRE(events.ok());
  return *events;
}

StoredNote note_at(NoteStore& store, std::string_view path) {
  auto note = store.find_note(path);
  REQUIRE(note.ok());
  REQUIRE(note->has_value());
  return **note;
}

ObservedNote dated_note(std::string path, std::uint64_t hash) {
  ObservedNote note = observed(std::move(path), hash);
  note.metadata.published = day_fact(day(2025, 12, 4), SourceKind::yaml_front_matter, "date", 2);
  note.metadata.validated =
      day_fact(day(2026, 3, 1), SourceKind::yaml_front_matter, "last_validated", 3);
  note.metadata.decay = text_fact("fast", SourceKind::yaml_front_matter, "decay_rate", 4);
  return note;
}

TEST_CASE("a new note is first seen, then published and validated when it says so") {
  NoteStore store = test::memory_store();
  const ScanChanges changes = apply(store, {{dated_note("ai.md", 1), observed("plain.md", 2)}, {}}, kT1);
  CHECK(changes.added == 2);
  check_events(changes.events,
               {{EventKind::first_seen, "ai.md", ""},
                {EventKind::published, "ai.md", "2025-12-04 (yaml_front_matter date, line 2)"},
                {EventKind::validated, "ai.md",
                 "2026-03-01 (yaml_front_matter last_validated, line 3)"},
                {EventKind::first_seen, "plain.md", ""}},
               kT1);
  const StoredNote note = note_at(store, "ai.md");
  CHECK(note.first_seen == kT1);
  CHECK(note.metadata == dated_note("ai.md", 1).metadata);
  CHECK(note.hash == 1);
}

TEST_CASE("known files are the live notes' stamps and hashes") {
  NoteStore store = test::memory_store();
  const std::uint64_t big_hash = 0xFEDCBA9876543210ULL;  // does not fit in an int64
  apply(store, {{observed("a.md", big_hash, 10, 111), observed("b.md", 2, 20, 222)}, {}}, kT1);
  apply(store, {{}, {"b.md"}}, kT2);
  const auto known = store.known_files();
  REQUIRE(known.ok());
  REQUIRE(known->size() == 1);
  CHECK(known->at("a.md").stamp == FileStamp{10, 111});
  CHECK(known->at("a.md").hash == big_hash);
}

TEST_CASE("a new stamp over the same bytes only updates the stamp") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 7, 10, 111)}, {}}, kT1);
  const ScanChanges touched = apply(store, {{observed("a.md", 7, 10, 999)}, {}}, kT2);
  CHECK(touched.touched == 1);
  CHECK(touched.changed == 0);
  CHECK(touched.events.empty());
  CHECK(store.known_files()->at("a.md").stamp == FileStamp{10, 999});

  const ScanChanges same = apply(store, {{observed("a.md", 7, 10, 999)}, {}}, kT3);
  CHECK(same.touched == 0);
  CHECK(same.events.empty());
}

TEST_CASE("changed content records content_changed and each changed date or decay") {
  NoteStore store = test::memory_store();
  apply(store, {{dated_note("ai.md", 1)}, {}}, kT1);

  ObservedNote edited = dated_note("ai.md", 2);
  edited.stamp.size = 140;
  edited.metadata.validated =
      day_fact(day(2026, 4, 2), SourceKind::yaml_front_matter, "last_validated", 3);
  edited.metadata.published = day_fact(day(2025, 12, 5), SourceKind::plain_field, "published", 1);
  edited.metadata.decay = text_fact("slow", SourceKind::yaml_front_matter, "decay_rate", 4);
  const ScanChanges changes = apply(store, {{edited}, {}}, kT2);
  CHECK(changes.changed == 1);
  check_events(changes.events,
               {{EventKind::content_changed, "ai.md", "100 -> 140 bytes"},
                {EventKind::published, "ai.md", "2025-12-05 (plain_field published, line 1)"},
                {EventKind::validated, "ai.md",
                 "2026-04-02 (yaml_front_matter last_validated, line 3)"},
                {EventKind::decay_changed, "ai.md",
                 "fast -> slow (yaml_front_matter decay_rate, line 4)"}},
               kT2);
  CHECK(note_at(store, "ai.md").metadata == edited.metadata);
}

TEST_CASE("an edit that keeps the dates and decay records only content_changed") {
  NoteStore store = test::memory_store();
  apply(store, {{dated_note("ai.md", 1)}, {}}, kT1);
  ObservedNote edited = dated_note("ai.md", 2);
  edited.metadata.validated->provenance.line = 8;  // the field moved, the date did not
  check_events(apply(store, {{edited}, {}}, kT2).events,
               {{EventKind::content_changed, "ai.md", "100 -> 100 bytes"}}, kT2);
}

TEST_CASE("removing the decay field is a decay change") {
  NoteStore store = test::memory_store();
  apply(store, {{dated_note("ai.md", 1)}, {}}, kT1);
  ObservedNote edited = dated_note("ai.md", 2);
  edited.metadata.decay.reset();
  check_events(apply(store, {{edited}, {}}, kT2).events,
               {{EventKind::content_changed, "ai.md", "100 -> 100 bytes"},
                {EventKind::decay_changed, "ai.md", "fast -> (none)"}},
               kT2);
}

TEST_CASE("a rename keeps the note's id and history under the new path") {
  NoteStore store = test::memory_store();
  apply(store, {{dated_note("old.md", 1)}, {}}, kT1);
  const std::int64_t id = note_at(store, "old.md").id;

  ObservedNote moved = dated_note("new.md", 1);
  moved.renamed_from = "old.md";
  const ScanChanges changes = apply(store, {{moved}, {"old.md"}}, kT2);
  CHECK(changes.renamed == 1);
  CHECK(changes.deleted == 0);
  check_events(changes.events, {{EventKind::renamed, "new.md", "old.md -> new.md"}}, kT2);

  CHECK(note_at(store, "new.md").id == id);
  CHECK_FALSE(store.find_note("old.md")->has_value());
  CHECK(store.known_files()->count("old.md") == 0);
  const auto history = timeline_of(store, "new.md");
  REQUIRE(history.size() == 4);
  CHECK(history[0].kind == EventKind::first_seen);
  CHECK(history[0].path == "old.md");
  CHECK(history[3].kind == EventKind::renamed);
}

TEST_CASE("a rename compares metadata: a date from the file name may change") {
  NoteStore store = test::memory_store();
  ObservedNote before = observed("2024-05-01-launch.md", 1);
  before.metadata.published = day_fact(day(2024, 5, 1), SourceKind::file_name, "", 0);
  apply(store, {{before}, {}}, kT1);

  ObservedNote after = observed("2024-06-01-launch.md", 1);
  after.metadata.published = day_fact(day(2024, 6, 1), SourceKind::file_name, "", 0);
  after.renamed_from = "2024-05-01-launch.md";
  check_events(apply(store, {{after}, {}}, kT2).events,
               {{EventKind::renamed, "2024-06-01-launch.md",
                 "2024-05-01-launch.md -> 2024-06-01-launch.md"},
                {EventKind::published, "2024-06-01-launch.md", "2024-06-01 (file_name)"}},
               kT2);
}

TEST_CASE("a rename still finds a note an earlier batch of the scan recorded deleted") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("old.md", 1)}, {}}, kT1);
  apply(store, {{}, {"old.md"}}, kT2);
  ObservedNote moved = observed("new.md", 1);
  moved.renamed_from = "old.md";
  CHECK(apply(store, {{moved}, {}}, kT2).renamed == 1);
  const StoredNote note = note_at(store, "new.md");
  CHECK_FALSE(note.deleted_at.has_value());
  CHECK(timeline_of(store, "new.md").size() == 3);  // first_seen, deleted, renamed
}

TEST_CASE("a rename onto the path of a deleted note keeps both histories apart") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1), observed("b.md", 2)}, {}}, kT1);
  apply(store, {{}, {"a.md"}}, kT2);
  ObservedNote moved = observed("a.md", 2);
  moved.renamed_from = "b.md";
  CHECK(apply(store, {{moved}, {}}, kT3).renamed == 1);
  const auto history = timeline_of(store, "a.md");
  REQUIRE(history.size() == 2);
  CHECK(history[0].path == "b.md");
  CHECK(history[1].kind == EventKind::renamed);
  CHECK(store.notes(true)->size() == 2);
}

TEST_CASE("a missing note is recorded deleted, and restored when its path returns") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1)}, {}}, kT1);
  const std::int64_t id = note_at(store, "a.md").id;

  const ScanChanges gone = apply(store, {{}, {"a.md", "never-seen.md"}}, kT2);
  CHECK(gone.deleted == 1);
  check_events(gone.events, {{EventKind::deleted, "a.md", ""}}, kT2);
  CHECK(note_at(store, "a.md").deleted_at == kT2);
  CHECK(store.known_files()->empty());
  CHECK(store.notes()->empty());

  const ScanChanges back = apply(store, {{observed("a.md", 1)}, {}}, kT3);
  CHECK(back.restored == 1);
  CHECK(back.added == 0);
  check_events(back.events, {{EventKind::restored, "a.md", ""}}, kT3);
  const StoredNote note = note_at(store, "a.md");
  CHECK(note.id == id);
  CHECK(note.first_seen == kT1);
  CHECK_FALSE(note.deleted_at.has_value());
}

TEST_CASE("a note restored with other bytes records its content changes") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1)}, {}}, kT1);
  apply(store, {{}, {"a.md"}}, kT2);
  ObservedNote back = observed("a.md", 2, 150);
  back.metadata.validated = day_fact(day(2026, 4, 3), SourceKind::inline_field, "reviewed", 5);
  const ScanChanges changes = apply(store, {{back}, {}}, kT3);
  CHECK(changes.restored == 1);
  CHECK(changes.changed == 1);
  check_events(changes.events,
               {{EventKind::restored, "a.md", ""},
                {EventKind::content_changed, "a.md", "100 -> 150 bytes"},
                {EventKind::validated, "a.md", "2026-04-03 (inline_field reviewed, line 5)"}},
               kT3);
}

TEST_CASE("changes of several batches add up") {
  ScanChanges total;
  ScanChanges first;
  first.added = 2;
  first.events.push_back(TimelineEvent{1, "a.md", EventKind::first_seen, kT1, ""});
  ScanChanges second;
  second.added = 1;
  second.deleted = 1;
  second.touched = 3;
  second.events.push_back(TimelineEvent{2, "b.md", EventKind::deleted, kT1, ""});
  total += first;
  total += second;
  CHECK(total.added == 3);
  CHECK(total.deleted == 1);
  CHECK(total.touched == 3);
  REQUIRE(total.events.size() == 2);
  CHECK(total.events[1].path == "b.md");
}

TEST_CASE("a batch of 5000 notes applies in one go") {
  NoteStore store = test::memory_store();
  ScanBatch batch;
  for (int i = 0; i < 5000; ++i) {
    batch.observed.push_back(dated_note("notes/" + std::to_string(i) + ".md", i + 1));
  }
  const ScanChanges changes = apply(store, batch, kT1);
  CHECK(changes.added == 5000);
  CHECK(changes.events.size() == 15000);
  CHECK(store.known_files()->size() == 5000);
  CHECK(note_at(store, "notes/4999.md").hash == 5000);
}

TEST_CASE("events come back from the store as apply returned them, in order, whatever the count") {
  // Events are written 32 to a statement, the rest one at a time: counts on both sides
  // of each boundary, and batches that start where the last one's ids left off.
  for (const int notes : {1, 10, 11, 32, 33, 100}) {
    CAPTURE(notes);
    NoteStore store = test::memory_store();
    std::vector<TimelineEvent> returned;
    for (const Seconds when : {kT1, kT2}) {
      ScanBatch batch;
      for (int i = 0; i < notes; ++i) {
        const std::string path = "n" + std::to_string(i) + ".md";
        // The second batch edits every note and drops its decay field: content_changed
        // and decay_changed.
        batch.observed.push_back(when == kT1 ? dated_note(path, 1) : observed(path, 2));
      }
      const ScanChanges changes = apply(store, batch, when);
      returned.insert(returned.end(), changes.events.begin(), changes.events.end());
    }
    REQUIRE(returned.size() == static_cast<std::size_t>(notes) * 5);
    for (std::size_t i = 0; i < returned.size(); ++i) {
      CAPTURE(i);
      CHECK(returned[i].id == static_cast<std::int64_t>(i) + 1);
    }
    const auto stored = store.timeline(std::nullopt, Seconds{});
    REQUIRE(stored.ok());
    CHECK(*stored == returned);
  }
}

}  // namespace
}  // namespace freshd
