#include "model/store/checkpointer.h"

#include "tests/store/store_fixtures.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace freshd {
namespace {

namespace fs = std::filesystem;

// A write-ahead-log database with one table, and a Checkpointer hooked on its connection.
// Declared after the connection, the Checkpointer goes first, as it must.
struct LoggedDatabase {
  explicit LoggedDatabase(const std::string& file)
      : file(file), writer(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
    writer.exec("PRAGMA journal_mode = WAL");
    writer.exec("CREATE TABLE t (x BLOB)");
    auto started = Checkpointer::start(writer.getHandle(), file);
    REQUIRE_MESSAGE(started.ok(), (started.ok() ? "" : started.error().message));
    checkpointer = std::move(started).value();
  }

  // One transaction of about 1.5 × kWakePages new pages.
  void commit_many_pages() {
    SQLite::Transaction transaction(writer);
    SQLite::Statement insert(writer, "INSERT INTO t (x) VALUES (zeroblob(4000))");
    for (int i = 0; i < Checkpointer::kWakePages * 3 / 2; ++i) {
      insert.exec();
      insert.reset();
    }
    transaction.commit();
  }

  std::uintmax_t log_size() const { return fs::file_size(file + "-wal"); }

  std::string file;
  SQLite::Database writer;
  std::unique_ptr<Checkpointer> checkpointer;
};

// The log starts over (its file is written from the start again) only once a checkpoint
// copied all of it back, so the size of the log's file tells whether one did.
TEST_CASE("a log past the threshold is copied back while the writer goes on, so it starts over") {
  const test::TempDir dir;
  LoggedDatabase db(dir.file("index.sqlite"));

  db.commit_many_pages();
  db.checkpointer->settle();
  const std::uintmax_t first = db.log_size();
  CHECK(first > std::uintmax_t{4096} * Checkpointer::kWakePages);

  db.commit_many_pages();
  db.checkpointer->settle();
  // Without the checkpoint, the second transaction's pages would follow the first one's.
  CHECK(db.log_size() < first + first / 4);
}

TEST_CASE("a checkpoint a reader held back is tried again once the log has grown as much again") {
  const test::TempDir dir;
  LoggedDatabase db(dir.file("index.sqlite"));
  {
    SQLite::Database reader(db.file, SQLite::OPEN_READONLY);
    SQLite::Transaction snapshot(reader, SQLite::TransactionBehavior::DEFERRED);
    reader.execAndGet("SELECT count(*) FROM t");  // the snapshot starts here
    db.commit_many_pages();
    db.checkpointer->settle();  // copies nothing past the reader's snapshot
  }
  const std::uintmax_t held = db.log_size();

  db.commit_many_pages();
  db.checkpointer->settle();
  const std::uintmax_t both = db.log_size();
  CHECK(both > held + held / 2);  // the reader kept the first pages in the log

  db.commit_many_pages();
  db.checkpointer->settle();
  CHECK(db.log_size() < both + both / 8);  // the third transaction wrote over the first two
}

}  // namespace
}  // namespace freshd
