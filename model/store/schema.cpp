#include "model/store/schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>

namespace freshd::schema {
namespace {

struct Migration {
  int version;
  const char* sql;
};

// Times are Unix seconds (UTC), days are days since 1970-01-01, hashes are the uint64 content
// hash cast to int64. A path is unique among live notes only: a deleted note keeps its
// path, and a later note (or a rename) may take that path again. Event ids only grow
// without AUTOINCREMENT, because no event row is ever deleted (the triggers refuse it);
// AUTOINCREMENT's bookkeeping cost a tenth of a large scan for nothing.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE notes (
  id            INTEGER PRIMARY KEY,
  path          TEXT    NOT NULL,
  size          INTEGER NOT NULL,
  mtime_ns      INTEGER NOT NULL,
  hash          INTEGER NOT NULL,
  first_seen    INTEGER NOT NULL,
  deleted_at    INTEGER,
  metadata      TEXT    NOT NULL,
  snoozed_until INTEGER
);
CREATE UNIQUE INDEX notes_live_path ON notes(path) WHERE deleted_at IS NULL;
CREATE INDEX notes_path ON notes(path);

CREATE TABLE validations (
  id          INTEGER PRIMARY KEY,
  note_id     INTEGER NOT NULL REFERENCES notes(id),
  day         INTEGER NOT NULL,
  outcome     TEXT    NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE INDEX validations_note ON validations(note_id, day, recorded_at);

CREATE TABLE events (
  id      INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES notes(id),
  path    TEXT    NOT NULL,
  kind    TEXT    NOT NULL,
  at      INTEGER NOT NULL,
  detail  TEXT    NOT NULL
);
CREATE INDEX events_note_at ON events(note_id, at);
CREATE INDEX events_at ON events(at);
CREATE TRIGGER events_never_updated BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
CREATE TRIGGER events_never_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The last reminder of each note: what makes wake(now) idempotent.
CREATE TABLE reminders (
  note_id INTEGER PRIMARY KEY REFERENCES notes(id),
  due_day INTEGER NOT NULL,
  kind    TEXT    NOT NULL,
  at      INTEGER NOT NULL
);

-- Digests waiting for (or done with) delivery to one sink each.
CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at   INTEGER NOT NULL,
  sink         TEXT    NOT NULL,
  payload      TEXT    NOT NULL,
  attempts     INTEGER NOT NULL,
  next_attempt INTEGER NOT NULL,
  delivered_at INTEGER,
  last_error   TEXT
);
CREATE INDEX outbox_pending ON outbox(delivered_at, next_attempt);

-- Reports written. A scheduled report is keyed by its occurrence's local day, so one
-- scheduled week is never written twice; on-demand reports have no occurrence.
CREATE TABLE reports (
  id           INTEGER PRIMARY KEY,
  occurrence   INTEGER UNIQUE,
  generated_at INTEGER NOT NULL,
  counts       TEXT    NOT NULL
);
)sql";

constexpr std::array<Migration, 1> kMigrations{{
    {1, kVersion1},
}};

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

Error newer_than_build(const std::string& file, int version) {
  return Error{file + " was written by a newer freshd (schema version " +
               std::to_string(version) + ", this build knows up to " +
               std::to_string(latest_version()) + "): upgrade freshd"};
}

// IMMEDIATE takes the write lock before reading the version, so two processes opening
// the same new file cannot both run a migration.
Status apply_migration(SQLite::Database& db, const std::string& file, const Migration& m) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  const int current = user_version(db);
  if (current > latest_version()) return newer_than_build(file, current);
  if (current >= m.version) return ok_status();
  db.exec(m.sql);
  db.exec("PRAGMA user_version = " + std::to_string(m.version));
  transaction.commit();
  return ok_status();
}

}  // namespace

int latest_version() { return kMigrations.back().version; }

Status migrate(SQLite::Database& db, const std::string& file) {
  try {
    const int current = user_version(db);
    if (current > latest_version()) return newer_than_build(file, current);
    if (current == latest_version()) return ok_status();
    for (const Migration& m : kMigrations) {
      if (m.version <= current) continue;
      if (Status applied = apply_migration(db, file, m); !applied) return applied;
    }
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return Error{file + ": cannot bring the index schema up to version " +
                 std::to_string(latest_version()) + ": " + e.what()};
  }
}

Status check_readable(SQLite::Database& db, const std::string& file) {
  try {
    const int current = user_version(db);
    if (current == 0) {
      return Error{"no index yet at " + file + ": run `freshctl recheck` or start freshd"};
    }
    if (current > latest_version()) return newer_than_build(file, current);
    if (current < latest_version()) {
      return Error{file + " has schema version " + std::to_string(current) + ", this build needs " +
                   std::to_string(latest_version()) +
                   ": start freshd or run `freshctl recheck` to upgrade it"};
    }
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return Error{file + ": cannot read the index schema version: " + e.what()};
  }
}

}  // namespace freshd::schema
