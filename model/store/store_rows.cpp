#include "model/store/store_rows.h"

#include "model/store/metadata_codec.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace freshd::store_rows {

const char* const kSelectNote =
    "SELECT n.id, n.path, n.size, n.mtime_ns, n.hash, n.first_seen, n.deleted_at, n.metadata,"
    " n.snoozed_until FROM notes n";

std::string encode_metadata(const NoteMetadata& metadata) {
  // A note's text may hold invalid UTF-8; replacing it beats refusing to index the note.
  return metadata_to_json_text(metadata);
}

Result<NoteMetadata> decode_metadata(std::string_view text, std::string_view path,
                                     const std::string& file) {
  auto metadata = metadata_from_json_text(text);
  if (!metadata) {
    return Error{file + ": note " + std::string(path) + ": " + metadata.error().message +
                 " (run `freshctl recheck " + std::string(path) + "` to re-read it)"};
  }
  return metadata;
}

StoredNote read_note_columns(const SQLite::Statement& row) {
  StoredNote note;
  note.id = row.getColumn(0).getInt64();
  note.path = row.getColumn(1).getString();
  note.stamp = FileStamp{row.getColumn(2).getInt64(), row.getColumn(3).getInt64()};
  note.hash = hash_from_db(row.getColumn(4).getInt64());
  note.first_seen = seconds_from_db(row.getColumn(5).getInt64());
  if (!row.getColumn(6).isNull()) note.deleted_at = seconds_from_db(row.getColumn(6).getInt64());
  if (!row.getColumn(8).isNull()) {
    note.snoozed_until = seconds_from_db(row.getColumn(8).getInt64());
  }
  return note;
}

std::string_view metadata_column(const SQLite::Statement& row) {
  // Read in place, not copied. getText() comes first so that getBytes() counts the text
  // form, as SQLite asks.
  const SQLite::Column stored = row.getColumn(7);
  const char* const text = stored.getText();
  return {text, static_cast<std::size_t>(stored.getBytes())};
}

Result<StoredNote> read_note(const SQLite::Statement& row, const std::string& file) {
  StoredNote note = read_note_columns(row);
  auto metadata = decode_metadata(metadata_column(row), note.path, file);
  if (!metadata) return metadata.error();
  note.metadata = std::move(*metadata);
  return note;
}

ReadSnapshot::ReadSnapshot(SQLite::Database& db) : db_(db) { db_.exec("SAVEPOINT read_snapshot"); }

ReadSnapshot::~ReadSnapshot() {
  try {
    db_.exec("RELEASE read_snapshot");
  } catch (const SQLite::Exception&) {
    // Releasing a savepoint that wrote nothing does not fail in practice, and a destructor
    // must not throw: a failure is dropped.
  }
}

RecordedValidations RecordedValidations::read(SQLite::Database& db,
                                              std::optional<std::int64_t> note_id) {
  RecordedValidations out;
  SQLite::Statement query(db, std::string("SELECT note_id, day, outcome, recorded_at"
                                          " FROM validations") +
                                  (note_id ? " WHERE note_id = ?" : "") +
                                  " ORDER BY note_id, day, recorded_at, id");
  if (note_id) query.bind(1, *note_id);
  // In each note's order, so the last one read is the latest.
  while (query.executeStep()) {
    OfNote& of = out.by_note_[query.getColumn(0).getInt64()];
    of.latest = RecordedValidation{days_from_db(query.getColumn(1).getInt()),
                                   query.getColumn(2).getString(),
                                   seconds_from_db(query.getColumn(3).getInt64())};
    of.outcomes.push_back(of.latest.outcome);
  }
  return out;
}

void RecordedValidations::attach(StoredNote& note) const {
  const auto it = by_note_.find(note.id);
  if (it == by_note_.end()) return;
  note.recorded_validation = it->second.latest;
  note.validation_outcomes = it->second.outcomes;
}

std::int64_t note_id_at(SQLite::Database& db, std::string_view path) {
  return NoteIdLookup(db).at(path);
}

// The live note is one probe of the partial unique index; only a path no live note has
// needs the ordered search of the deleted ones (a reminder pass looks up every note twice).
NoteIdLookup::NoteIdLookup(SQLite::Database& db)
    : live_(std::make_unique<SQLite::Statement>(
          db, "SELECT id FROM notes WHERE path = ? AND deleted_at IS NULL")),
      any_(std::make_unique<SQLite::Statement>(
          db, "SELECT id FROM notes WHERE path = ?"
              " ORDER BY deleted_at DESC, id DESC LIMIT 1")) {}

NoteIdLookup::~NoteIdLookup() = default;

std::int64_t NoteIdLookup::at(std::string_view path) {
  const std::string text(path);
  for (SQLite::Statement* query : {live_.get(), any_.get()}) {
    query->reset();
    query->bind(1, text);
    if (query->executeStep()) return query->getColumn(0).getInt64();
  }
  return 0;
}

namespace {

std::string event_insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO events (id, note_id, path, kind, at, detail) VALUES ";
  for (std::size_t i = 0; i < rows; ++i)
    sql += i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)";
  return sql;
}

}  // namespace

EventBatch::EventBatch(SQLite::Database& db) : db_(db) { pending_.reserve(kRows); }

EventBatch::~EventBatch() = default;

TimelineEvent EventBatch::add(std::int64_t note_id, const std::string& path, EventKind kind,
                              Seconds at, std::string detail) {
  if (next_id_ == 0)
    next_id_ = db_.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM events").getInt64();
  pending_.push_back({note_id, std::string(to_string(kind)),
                      TimelineEvent{next_id_++, path, kind, at, std::move(detail)}});
  const TimelineEvent event = pending_.back().event;
  if (pending_.size() == kRows) write();
  return event;
}

void EventBatch::write() {
  std::size_t first = 0;
  if (pending_.size() == kRows) {
    if (!insert_many_)
      insert_many_ = std::make_unique<SQLite::Statement>(db_, event_insert_sql(kRows));
    insert(*insert_many_, 0, kRows);
    first = kRows;
  }
  if (first < pending_.size() && !insert_one_)
    insert_one_ = std::make_unique<SQLite::Statement>(db_, event_insert_sql(1));
  for (; first < pending_.size(); ++first) insert(*insert_one_, first, 1);
  pending_.clear();
}

void EventBatch::insert(SQLite::Statement& statement, std::size_t first, std::size_t count) {
  statement.reset();
  // The rows outlive the statement's step, so SQLite need not copy their text.
  for (std::size_t i = 0; i < count; ++i) {
    const Row& row = pending_[first + i];
    const int column = static_cast<int>(i) * 6;
    statement.bind(column + 1, row.event.id);
    statement.bind(column + 2, row.note_id);
    statement.bindNoCopy(column + 3, row.event.path);
    statement.bindNoCopy(column + 4, row.kind);
    statement.bind(column + 5, to_db(row.event.at));
    statement.bindNoCopy(column + 6, row.event.detail);
  }
  statement.exec();
}

Error store_error(const std::string& file, std::string_view doing, const std::exception& e) {
  std::string message = file + ": " + std::string(doing) + ": " + e.what();
  // The errors of a full disk or an unwritable state directory say what to do about them.
  if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e)) {
    const int code = sqlite->getErrorCode();
    if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_READONLY ||
        code == SQLITE_CANTOPEN)
      message += " — free space on, or restore write access to, the state directory; "
                 "the daemon keeps answering and retries by itself";
  }
  return Error{std::move(message)};
}

}  // namespace freshd::store_rows
