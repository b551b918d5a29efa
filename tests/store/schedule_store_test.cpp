// NoteStore's outbox: the digests owed to each sink, their delivery, and how long a
// delivered one is kept. (schedule_store.cpp)
#include "model/store/note_store.h"

#include "tests/store/store_fixtures.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace freshd {
namespace {

using test::apply;
using test::at;
using test::day;
using test::observed;
using test::open_file;

const Seconds kT1 = at(2026, 4, 1, 9);
const Seconds kT2 = at(2026, 4, 2, 9);

TEST_CASE("a digest is owed to each sink, or recorded delivered to the log it was logged to") {
  NoteStore store = test::memory_store();
  apply(store, {{observed("a.md", 1), observed("b.md", 2)}, {}}, kT1);
  const std::vector<ReminderItem> items{{"a.md", "A", "", ReminderKind::stale, day(2026, 3, 1)},
                                        {"b.md", "B", "", ReminderKind::due, day(2026, 4, 5)}};
  const auto reminded = [&](Seconds since) {
    std::vector<std::string> out;
    REQUIRE(store.for_each_event(since, {EventKind::reminded}, [&](const TimelineEvent& e) {
                   out.push_back(e.path + ": " + e.detail);
                 }).ok());
    return out;
  };
  const auto owed = [&] {
    std::vector<std::string> out;
    auto pending = store.pending_outbox();
    REQUIRE(pending.ok());
    for (const OutboxEntry& entry : *pending) out.push_back(entry.sink);
    return out;
  };

  SUBCASE("owed: the sinks wait in the outbox, nothing is reminded yet") {
    const auto ids = store.record_digest(items, "{}", {"log", "exec"}, kT2);
    REQUIRE(ids.ok());
    CHECK(ids->size() == 2);
    CHECK(owed() == std::vector<std::string>{"log", "exec"});
    CHECK(reminded(kT1).empty());
    REQUIRE(store.mark_delivered(ids->front(), items, kT2).ok());
    CHECK(owed() == std::vector<std::string>{"exec"});
    CHECK(reminded(kT1) == std::vector<std::string>{"a.md: stale, due 2026-03-01, delivered to log",
                                                    "b.md: due, due 2026-04-05, delivered to log"});
  }
  SUBCASE("logged: the log's entry is delivered in the same transaction") {
    const auto ids = store.record_digest(items, "{}", {"log", "exec"}, kT2, true);
    REQUIRE(ids.ok());
    CHECK(ids->size() == 2);
    CHECK(owed() == std::vector<std::string>{"exec"});
    CHECK(reminded(kT1) == std::vector<std::string>{"a.md: stale, due 2026-03-01, delivered to log",
                                                    "b.md: due, due 2026-04-05, delivered to log"});
  }
  auto records = store.reminder_records();
  REQUIRE(records.ok());
  CHECK(records->size() == 2);
  CHECK(records->at("b.md").kind == ReminderKind::due);
}

TEST_CASE("a delivered digest stays in the outbox for 30 days, an owed one until delivered") {
  const test::TempDir dir;
  const std::string file = dir.file("index.sqlite");
  NoteStore store = open_file(file, NoteStore::Mode::read_write);
  apply(store, {{observed("a.md", 1)}, {}}, kT1);
  const std::vector<ReminderItem> items{{"a.md", "A", "", ReminderKind::stale, day(2025, 12, 1)}};
  const auto record = [&](const std::string& payload, std::vector<std::string> sinks,
                          Seconds now) {
    REQUIRE(store.record_digest(items, payload, sinks, now, /*first_delivered=*/true).ok());
  };
  const auto outbox = [&] {
    SQLite::Database raw(file, SQLite::OPEN_READONLY);
    SQLite::Statement rows(raw, "SELECT payload, sink, delivered_at IS NOT NULL FROM outbox"
                                " ORDER BY id");
    std::vector<std::string> out;
    while (rows.executeStep())
      out.push_back(rows.getColumn(0).getString() + " " + rows.getColumn(1).getString() +
                    (rows.getColumn(2).getInt() ? " delivered" : " owed"));
    return out;
  };
  const Seconds first = at(2026, 1, 1, 9);
  record("1", {"log", "exec"}, first);  // the log delivered, the exec owed
  record("2", {"log"}, first + std::chrono::days{29});
  record("3", {"log"}, first + std::chrono::days{30});
  CHECK(outbox() == std::vector<std::string>{"1 log delivered", "1 exec owed", "2 log delivered",
                                             "3 log delivered"});
  record("4", {"log"}, first + std::chrono::days{30} + std::chrono::seconds{1});
  CHECK(outbox() == std::vector<std::string>{"1 exec owed", "2 log delivered", "3 log delivered",
                                             "4 log delivered"});
}

}  // namespace
}  // namespace freshd
