#include "daemon/note_pipeline.h"

#include "tests/store/store_fixtures.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace freshd {
namespace {

using test::apply;
using test::at;
using test::memory_store;
using test::observed;

std::string path_of(int i) {
  char name[32];
  std::snprintf(name, sizeof name, "n/%05d.md", i);
  return name;
}

// A store of `count` notes (paths in sorted order), with the last `deleted` of them deleted.
NoteStore store_of(int count, int deleted = 0) {
  NoteStore store = memory_store();
  ScanBatch batch;
  for (int i = 0; i < count; ++i) {
    ObservedNote note = observed(path_of(i), static_cast<std::uint64_t>(i + 1));
    note.metadata.tags = {"t" + std::to_string(i % 7)};
    batch.observed.push_back(std::move(note));
  }
  apply(store, std::move(batch), at(2026, 1, 1));
  if (deleted > 0) {
    ScanBatch gone;
    for (int i = count - deleted; i < count; ++i) gone.missing.push_back(path_of(i));
    apply(store, std::move(gone), at(2026, 1, 2));
  }
  return store;
}

TEST_CASE("every note is visited once, in the store's order, on another thread") {
  // Around the batch size and the queue's depth: none, one, a partial batch, many batches.
  for (const int count : {0, 1, 255, 256, 257, 1024, 3001}) {
    CAPTURE(count);
    NoteStore store = store_of(count);
    std::vector<std::string> seen;
    std::vector<std::string> tags;
    bool on_caller_thread = false;
    const auto caller = std::this_thread::get_id();
    const Status visited = for_each_note_on_worker(store, [&](StoredNote& note) {
      on_caller_thread = on_caller_thread || std::this_thread::get_id() == caller;
      seen.push_back(note.path);
      tags.push_back(note.metadata.tags.empty() ? "" : note.metadata.tags.front());
    });
    REQUIRE(visited.ok());
    CHECK_FALSE(on_caller_thread);
    REQUIRE(seen.size() == static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
      CHECK(seen[static_cast<std::size_t>(i)] == path_of(i));
      CHECK(tags[static_cast<std::size_t>(i)] == "t" + std::to_string(i % 7));
    }
  }
}

TEST_CASE("deleted notes are visited only when asked for, as for_each_note does") {
  NoteStore store = store_of(600, 100);
  int live = 0;
  int all = 0;
  int deleted_seen = 0;
  REQUIRE(for_each_note_on_worker(store, [&](StoredNote&) { ++live; }).ok());
  REQUIRE(for_each_note_on_worker(
              store,
              [&](StoredNote& note) {
                ++all;
                if (note.deleted_at) ++deleted_seen;
              },
              /*include_deleted=*/true)
              .ok());
  CHECK(live == 500);
  CHECK(all == 600);
  CHECK(deleted_seen == 100);
}

TEST_CASE("an exception thrown by the visitor stops the reading and reaches the caller") {
  NoteStore store = store_of(5000);
  int visited = 0;
  CHECK_THROWS_WITH_AS(for_each_note_on_worker(store,
                                               [&](StoredNote& note) {
                                                 ++visited;
                                                 if (note.path == path_of(300))
                                                   throw std::runtime_error("visitor failed");
                                               }),
                       "visitor failed", std::runtime_error);
  CHECK(visited == 301);
  // The store is usable afterwards: the reading thread let go of its statement.
  int again = 0;
  REQUIRE(for_each_note_on_worker(store, [&](StoredNote&) { ++again; }).ok());
  CHECK(again == 5000);
}

TEST_CASE("a note whose stored metadata is unreadable stops the pass with the store's error") {
  test::TempDir dir;
  const std::string file = dir.path() + "/index.sqlite";
  {
    auto made = NoteStore::open(file, NoteStore::Mode::read_write);
    REQUIRE(made.ok());
    ScanBatch batch;
    for (int i = 0; i < 3000; ++i)
      batch.observed.push_back(observed(path_of(i), static_cast<std::uint64_t>(i + 1)));
    apply(*made, std::move(batch), at(2026, 1, 1));
  }
  {
    SQLite::Database db(file, SQLite::OPEN_READWRITE);
    db.exec("UPDATE notes SET metadata = '{\"title\": 7}' WHERE path = '" + path_of(2000) + "'");
  }
  auto store = NoteStore::open(file, NoteStore::Mode::read_only);
  REQUIRE(store.ok());
  int direct = 0;
  const Status expected = store->for_each_note([&](StoredNote&) { ++direct; });
  REQUIRE_FALSE(expected.ok());
  CHECK(direct == 2000);
  CHECK(expected.error().message.find(path_of(2000)) != std::string::npos);
  // A visitor quicker than the reading leaves the decoding to itself; a slower one leaves
  // it to the reading thread. Either way the error and the notes visited are the same.
  for (const int work : {0, 20000}) {
    CAPTURE(work);
    int visited = 0;
    volatile std::uint64_t sink = 0;  // the slow visitor's busy work, kept by volatile
    const Status piped = for_each_note_on_worker(*store, [&](StoredNote& note) {
      for (int i = 0; i < work; ++i) sink = sink + note.path.size();
      ++visited;
    });
    REQUIRE_FALSE(piped.ok());
    CHECK(piped.error().message == expected.error().message);
    CHECK(visited == 2000);
  }
}

TEST_CASE("events are visited once, in the order they were recorded, on another thread") {
  // 600 notes added, then 100 deleted: 600 first_seen events and 100 deleted ones.
  NoteStore store = store_of(600, 100);
  const std::vector<EventKind> kinds{EventKind::first_seen, EventKind::deleted};
  std::vector<TimelineEvent> direct;
  REQUIRE(store.for_each_event(Seconds{}, kinds, [&](TimelineEvent& e) { direct.push_back(e); })
              .ok());
  REQUIRE(direct.size() == 700);
  std::vector<TimelineEvent> piped;
  bool on_caller_thread = false;
  const auto caller = std::this_thread::get_id();
  REQUIRE(for_each_event_on_worker(store, Seconds{}, kinds, [&](TimelineEvent& e) {
            on_caller_thread = on_caller_thread || std::this_thread::get_id() == caller;
            piped.push_back(e);
          }).ok());
  CHECK_FALSE(on_caller_thread);
  REQUIRE(piped.size() == direct.size());
  for (std::size_t i = 0; i < direct.size(); ++i) {
    CHECK(piped[i].id == direct[i].id);
    CHECK(piped[i].path == direct[i].path);
    CHECK(piped[i].kind == direct[i].kind);
  }
  CHECK(piped.back().kind == EventKind::deleted);
  // Only the events from `since` on: the deletions came a day later.
  int later = 0;
  REQUIRE(for_each_event_on_worker(store, at(2026, 1, 2), kinds, [&](TimelineEvent& e) {
            CHECK(e.kind == EventKind::deleted);
            ++later;
          }).ok());
  CHECK(later == 100);
}

}  // namespace
}  // namespace freshd
