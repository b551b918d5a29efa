// How NoteStore's values map to SQL rows: time and hash encodings, the note SELECT, and
// the one way events are appended. Internal to model/store; functions that touch SQLite
// throw SQLite::Exception, which NoteStore's methods turn into Errors.
#pragma once

#include "model/store/note_store.h"

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace freshd::store_rows {

inline std::int64_t to_db(Seconds at) { return at.time_since_epoch().count(); }
inline Seconds seconds_from_db(std::int64_t value) { return Seconds{std::chrono::seconds{value}}; }
inline int to_db(Days day) { return day.time_since_epoch().count(); }
inline Days days_from_db(int value) { return Days{date::days{value}}; }
// SQLite integers are signed; the hash keeps its 64 bits through the cast.
inline std::int64_t hash_to_db(std::uint64_t hash) { return static_cast<std::int64_t>(hash); }
inline std::uint64_t hash_from_db(std::int64_t value) { return static_cast<std::uint64_t>(value); }

std::string encode_metadata(const NoteMetadata& metadata);
// Errors name the database file and the note's path.
Result<NoteMetadata> decode_metadata(std::string_view text, std::string_view path,
                                     const std::string& file);

// Selects StoredNotes from `notes n`; append a WHERE and an ORDER BY. Columns are read by
// read_note(), which leaves the recorded validations to RecordedValidations::attach().
extern const char* const kSelectNote;
Result<StoredNote> read_note(const SQLite::Statement& row, const std::string& file);
// The parts of read_note(): every column but the metadata, and the metadata's stored text
// (valid until the statement's next step).
StoredNote read_note_columns(const SQLite::Statement& row);
std::string_view metadata_column(const SQLite::Statement& row);

// One snapshot of the store for the reads in its scope (a savepoint, so it may sit inside
// a transaction): reading the notes and their validations by two queries must not see a
// write land between them.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(SQLite::Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  SQLite::Database& db_;
};

// The validations recorded by command, read in one query and handed to the notes as they
// are read. Two correlated subqueries per note row cost half of SQLite's time in reading
// a large vault, and few notes have a recorded validation.
class RecordedValidations {
 public:
  // Those of every note, or with `note_id` of that note only.
  static RecordedValidations read(SQLite::Database& db, std::optional<std::int64_t> note_id = {});
  // Sets the note's latest recorded validation and its outcomes, oldest first.
  void attach(StoredNote& note) const;

 private:
  struct OfNote {
    RecordedValidation latest;
    std::vector<std::string> outcomes;
  };
  std::unordered_map<std::int64_t, OfNote> by_note_;
};

// The note at `path`: the live one, else the most recently deleted one; 0 when none.
std::int64_t note_id_at(SQLite::Database& db, std::string_view path);

// note_id_at through one prepared statement, for loops over many paths.
class NoteIdLookup {
 public:
  explicit NoteIdLookup(SQLite::Database& db);
  ~NoteIdLookup();

  std::int64_t at(std::string_view path);

 private:
  std::unique_ptr<SQLite::Statement> live_;
  std::unique_ptr<SQLite::Statement> any_;
};

// Appends timeline events, the one way the store writes them; the timeline is append-only:
// nothing in the store updates or deletes an event (triggers refuse it too). Up to kRows
// go to one INSERT: a first index records ~3 events per note and ~1 per reminder, and
// SQLite's cost per statement was a third of that. Each event gets its id when it is added
// (the largest id so far + 1, as SQLite itself would give), so add() can hand the event
// back before it is written. What is added is written by write(), which must come before
// the transaction commits; use one batch at a time per transaction.
class EventBatch {
 public:
  static constexpr std::size_t kRows = 32;

  explicit EventBatch(SQLite::Database& db);
  ~EventBatch();

  TimelineEvent add(std::int64_t note_id, const std::string& path, EventKind kind, Seconds at,
                    std::string detail);
  // Writes what was added and not written yet.
  void write();

 private:
  struct Row {
    std::int64_t note_id;
    std::string kind;
    TimelineEvent event;
  };
  void insert(SQLite::Statement& statement, std::size_t first, std::size_t count);

  SQLite::Database& db_;
  std::int64_t next_id_ = 0;  // 0: not read from the store yet
  std::vector<Row> pending_;
  std::unique_ptr<SQLite::Statement> insert_many_;
  std::unique_ptr<SQLite::Statement> insert_one_;
};

// "<file>: <doing>: <what SQLite said>".
Error store_error(const std::string& file, std::string_view doing, const std::exception& e);

}  // namespace freshd::store_rows
