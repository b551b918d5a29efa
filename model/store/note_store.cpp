#include "model/store/note_store.h"

#include "model/store/checkpointer.h"
#include "model/store/scan_apply.h"
#include "model/store/schema.h"
#include "model/store/store_rows.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace freshd {
namespace {

using namespace store_rows;

// Long enough to ride out a writer's batch transaction, short enough to report a stuck one.
constexpr int kBusyTimeoutMs = 5000;

// A NoteStore is used from one thread at a time, so SQLite need not lock the connection
// on every call (a tenth of the time a scan spends in SQLite).
const int kOneThreadAtATime = SQLite::OPEN_NOMUTEX;

using DatabasePtr = std::unique_ptr<SQLite::Database>;

// SQLite counts every allocation it makes under one process-wide mutex, for
// sqlite3_memory_used() and a soft heap limit, neither of which freshd uses: a tenth of
// the time it spends inserting rows. The setting must come before SQLite initialises, so
// it is made once, before the first connection opens; if something else initialised
// SQLite first, the call fails and changes nothing.
void configure_sqlite() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

bool in_memory(const std::string& file) { return file == ":memory:"; }

Error unknown_note(std::string_view path) {
  return Error{std::string(path) + " is not a note freshd knows (run freshctl recheck?)"};
}

Result<DatabasePtr> open_writer(const std::string& file) {
  try {
    auto db = std::make_unique<SQLite::Database>(
        file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | kOneThreadAtATime, kBusyTimeoutMs);
    // WAL lets freshctl read while the daemon writes; NORMAL is durable enough under WAL
    // (a power cut loses at most the last transactions, never consistency).
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = NORMAL");
    // The schema declares its references, and the store keeps them: every id it writes was
    // looked up or inserted in the same transaction, and notes are never deleted (only
    // marked). SQLite's enforcement is left off (its default): checking every event and
    // reminder row took 0.4 s of a 3 s first index of 100,000 notes. A store test runs
    // PRAGMA foreign_key_check after every kind of write instead.
    db->exec("PRAGMA foreign_keys = OFF");
    // 8 MiB holds the indexes a scan looks paths up in; more only grows the daemon's
    // memory (the page cache stays allocated for the life of the connection).
    db->exec("PRAGMA cache_size = -8192");
    if (Status migrated = schema::migrate(*db, file); !migrated) return migrated.error();
    return db;
  } catch (const SQLite::Exception& e) {
    return store_error(file, "cannot open the index", e);
  }
}

Result<DatabasePtr> open_reader(const std::string& file) {
  std::error_code ignored;
  if (!std::filesystem::exists(file, ignored)) {
    return Error{"no index yet at " + file + ": run `freshctl recheck` or start freshd"};
  }
  try {
    auto db = std::make_unique<SQLite::Database>(file, SQLite::OPEN_READONLY | kOneThreadAtATime,
                                                 kBusyTimeoutMs);
    if (Status readable = schema::check_readable(*db, file); !readable) return readable.error();
    return db;
  } catch (const SQLite::Exception& e) {
    return store_error(file, "cannot open the index read-only", e);
  }
}

std::int64_t live_note_id(SQLite::Database& db, std::string_view path) {
  SQLite::Statement query(db, "SELECT id FROM notes WHERE path = ? AND deleted_at IS NULL");
  query.bind(1, std::string(path));
  return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

Result<TimelineEvent> read_event(const SQLite::Statement& row) {
  const std::string kind_text = row.getColumn(2).getString();
  const auto kind = event_kind_from_string(kind_text);
  if (!kind) {
    return Error{"event " + std::to_string(row.getColumn(0).getInt64()) + " has unknown kind '" +
                 kind_text + "' (written by a newer freshd?)"};
  }
  return TimelineEvent{row.getColumn(0).getInt64(), row.getColumn(1).getString(), *kind,
                       seconds_from_db(row.getColumn(3).getInt64()),
                       row.getColumn(4).getString()};
}

std::string validation_detail(Days day, std::string_view outcome) {
  std::string detail = format_day(day) + " (command";
  if (!outcome.empty()) detail += ", outcome " + std::string(outcome);
  return detail + ")";
}

}  // namespace

ScanChanges& ScanChanges::operator+=(const ScanChanges& other) {
  added += other.added;
  changed += other.changed;
  touched += other.touched;
  renamed += other.renamed;
  deleted += other.deleted;
  restored += other.restored;
  events.insert(events.end(), other.events.begin(), other.events.end());
  return *this;
}

NoteStore::NoteStore(std::unique_ptr<SQLite::Database> db, std::string file,
                     std::unique_ptr<Checkpointer> checkpointer)
    : db_(std::move(db)), checkpointer_(std::move(checkpointer)), file_(std::move(file)) {}
NoteStore::NoteStore(NoteStore&&) noexcept = default;
NoteStore::~NoteStore() = default;

NoteStore& NoteStore::operator=(NoteStore&& other) noexcept {
  if (this == &other) return *this;
  checkpointer_.reset();  // unhooks db_ while it is still open
  db_ = std::move(other.db_);
  checkpointer_ = std::move(other.checkpointer_);
  file_ = std::move(other.file_);
  last_scan_in_memory_ = std::move(other.last_scan_in_memory_);
  return *this;
}

Result<NoteStore> NoteStore::open(const std::string& file, Mode mode) {
  configure_sqlite();
  auto db = mode == Mode::read_only ? open_reader(file) : open_writer(file);
  if (!db) return db.error();
  std::unique_ptr<Checkpointer> checkpointer;
  if (mode == Mode::read_write && !in_memory(file)) {
    // Without one (its connection or thread could not start), SQLite checkpoints on
    // commit, as it does by default: slower, and nothing is lost.
    if (auto started = Checkpointer::start((*db)->getHandle(), file))
      checkpointer = std::move(*started);
  }
  return NoteStore(std::move(*db), file, std::move(checkpointer));
}

Result<NoteStore> NoteStore::open_in_memory() { return open(":memory:", Mode::read_write); }

int NoteStore::schema_version() { return schema::latest_version(); }

Result<std::unordered_map<std::string, KnownFile>> NoteStore::known_files() {
  try {
    // NOT INDEXED: a scan of the table reads its pages in order; SQLite would rather go
    // through the live-path index and then look up every row on its own.
    SQLite::Statement query(
        *db_, "SELECT path, size, mtime_ns, hash FROM notes NOT INDEXED WHERE deleted_at IS NULL");
    std::unordered_map<std::string, KnownFile> known;
    // At most one entry per row id: growing the map instead rehashes it a dozen times.
    known.reserve(static_cast<std::size_t>(
        db_->execAndGet("SELECT coalesce(max(id), 0) FROM notes").getInt64()));
    while (query.executeStep()) {
      known.emplace(query.getColumn(0).getString(),
                    KnownFile{FileStamp{query.getColumn(1).getInt64(), query.getColumn(2).getInt64()},
                              hash_from_db(query.getColumn(3).getInt64())});
    }
    return known;
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot list the indexed files", e);
  }
}

Result<ScanChanges> NoteStore::apply(const ScanBatch& batch, Seconds now) {
  try {
    return apply_scan_batch(*db_, file_, batch, now);
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot record a scan batch (nothing of it was kept)", e);
  }
}

Result<std::vector<StoredNote>> NoteStore::notes(bool include_deleted) {
  std::vector<StoredNote> notes;
  auto s = for_each_note([&](StoredNote& note) { notes.push_back(std::move(note)); },
                         include_deleted);
  if (!s) return s.error();
  return notes;
}

namespace {

// Each note row in path order, with the validations attached; `take` reads the row's
// metadata column (valid until the next row) and returns false to stop.
template <class Take>
void read_note_rows(SQLite::Database& db, bool include_deleted, Take take) {
  const ReadSnapshot snapshot(db);
  const auto validations = RecordedValidations::read(db);
  SQLite::Statement query(db, std::string(kSelectNote) +
                                  (include_deleted ? "" : " WHERE n.deleted_at IS NULL") +
                                  " ORDER BY n.path, n.id");
  while (query.executeStep()) {
    StoredNote note = read_note_columns(query);
    validations.attach(note);
    if (!take(note, metadata_column(query))) return;
  }
}

}  // namespace

Status NoteStore::for_each_note(const std::function<void(StoredNote&)>& visit,
                                bool include_deleted) {
  try {
    Status status = ok_status();
    read_note_rows(*db_, include_deleted, [&](StoredNote& note, std::string_view text) {
      auto metadata = decode_metadata(text, note.path, file_);
      if (!metadata) {
        status = metadata.error();
        return false;
      }
      note.metadata = std::move(*metadata);
      visit(note);
      return true;
    });
    return status;
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot list the notes", e);
  }
}

Status NoteStore::for_each_undecoded_note(const std::function<bool(UndecodedNote&)>& visit,
                                          bool include_deleted) {
  try {
    read_note_rows(*db_, include_deleted, [&](StoredNote& note, std::string_view text) {
      UndecodedNote undecoded{std::move(note), std::string(text)};
      return visit(undecoded);
    });
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot list the notes", e);
  }
}

Status NoteStore::decode(UndecodedNote& undecoded) const {
  auto metadata = decode_metadata(undecoded.metadata_text, undecoded.note.path, file_);
  if (!metadata) return metadata.error();
  undecoded.note.metadata = std::move(*metadata);
  return ok_status();
}

Result<std::optional<StoredNote>> NoteStore::find_note(std::string_view path) {
  try {
    const ReadSnapshot snapshot(*db_);
    SQLite::Statement query(*db_, std::string(kSelectNote) +
                                      " WHERE n.path = ?"
                                      " ORDER BY n.deleted_at IS NULL DESC, n.deleted_at DESC,"
                                      " n.id DESC LIMIT 1");
    query.bind(1, std::string(path));
    if (!query.executeStep()) return std::optional<StoredNote>{};
    auto note = read_note(query, file_);
    if (!note) return note.error();
    RecordedValidations::read(*db_, note->id).attach(*note);
    return std::optional<StoredNote>(std::move(*note));
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot read note " + std::string(path), e);
  }
}

Result<std::vector<TimelineEvent>> NoteStore::timeline(std::optional<std::string_view> path,
                                                       Seconds since) {
  try {
    const std::int64_t id = path ? note_id_at(*db_, *path) : 0;
    if (path && id == 0) return std::vector<TimelineEvent>{};
    SQLite::Statement query(*db_, std::string("SELECT id, path, kind, at, detail FROM events") +
                                      (path ? " WHERE note_id = ? AND at >= ?" : " WHERE at >= ?") +
                                      " ORDER BY id");
    int index = 1;
    if (path) query.bind(index++, id);
    query.bind(index, to_db(since));
    std::vector<TimelineEvent> events;
    while (query.executeStep()) {
      auto event = read_event(query);
      if (!event) return Error{file_ + ": " + event.error().message};
      events.push_back(std::move(*event));
    }
    return events;
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot read the timeline", e);
  }
}

Status NoteStore::for_each_event(Seconds since, const std::vector<EventKind>& kinds,
                                 const std::function<void(TimelineEvent&)>& visit) {
  try {
    std::string sql = "SELECT id, path, kind, at, detail FROM events WHERE at >= ?";
    if (!kinds.empty()) {
      sql += " AND kind IN (?";
      for (std::size_t i = 1; i < kinds.size(); ++i) sql += ", ?";
      sql += ")";
    }
    SQLite::Statement query(*db_, sql + " ORDER BY id");
    query.bind(1, to_db(since));
    for (std::size_t i = 0; i < kinds.size(); ++i)
      query.bind(static_cast<int>(i) + 2, std::string(to_string(kinds[i])));
    while (query.executeStep()) {
      auto event = read_event(query);
      if (!event) return Error{file_ + ": " + event.error().message};
      visit(*event);
    }
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot read the timeline", e);
  }
}

Status NoteStore::record_validation(std::string_view path, Days day, std::string_view outcome,
                                    Seconds now) {
  if (outcome != "" && outcome != "unchanged" && outcome != "updated") {
    return Error{"outcome '" + std::string(outcome) + "' is not one of unchanged, updated"};
  }
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t id = live_note_id(*db_, path);
    if (id == 0) return unknown_note(path);
    SQLite::Statement insert(
        *db_, "INSERT INTO validations (note_id, day, outcome, recorded_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, id);
    insert.bind(2, to_db(day));
    insert.bind(3, std::string(outcome));
    insert.bind(4, to_db(now));
    insert.exec();
    EventBatch events(*db_);
    events.add(id, std::string(path), EventKind::validated, now, validation_detail(day, outcome));
    events.write();
    transaction.commit();
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot record the validation of " + std::string(path), e);
  }
}

Status NoteStore::snooze(std::string_view path, std::optional<Seconds> until, Seconds now) {
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t id = live_note_id(*db_, path);
    if (id == 0) return unknown_note(path);
    SQLite::Statement update(*db_, "UPDATE notes SET snoozed_until = ? WHERE id = ?");
    if (until)
      update.bind(1, to_db(*until));
    else
      update.bind(1);
    update.bind(2, id);
    update.exec();
    EventBatch events(*db_);
    events.add(id, std::string(path), EventKind::snoozed, now,
               until ? "until " + format_instant(*until) : "lifted");
    events.write();
    transaction.commit();
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot snooze " + std::string(path), e);
  }
}

Status NoteStore::record_own_write(const ObservedNote& note) {
  try {
    SQLite::Statement update(*db_,
                             "UPDATE notes SET size = ?, mtime_ns = ?, hash = ?, metadata = ?"
                             " WHERE path = ? AND deleted_at IS NULL");
    update.bind(1, note.stamp.size);
    update.bind(2, note.stamp.mtime_ns);
    update.bind(3, hash_to_db(note.hash));
    update.bind(4, encode_metadata(note.metadata));
    update.bind(5, note.path);
    if (update.exec() != 1) return unknown_note(note.path);
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot record freshd's write to " + note.path, e);
  }
}

Status NoteStore::record_event(std::string_view path, EventKind kind, std::string_view detail,
                               Seconds now) {
  try {
    const std::int64_t id = note_id_at(*db_, path);
    if (id == 0) return unknown_note(path);
    EventBatch events(*db_);
    events.add(id, std::string(path), kind, now, std::string(detail));
    events.write();
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot record an event for " + std::string(path), e);
  }
}

Result<std::optional<std::string>> NoteStore::meta(std::string_view key) {
  try {
    SQLite::Statement query(*db_, "SELECT value FROM meta WHERE key = ?");
    query.bind(1, std::string(key));
    if (!query.executeStep()) return std::optional<std::string>{};
    return std::optional<std::string>(query.getColumn(0).getString());
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot read setting " + std::string(key), e);
  }
}

Status NoteStore::set_meta(std::string_view key, std::string_view value) {
  try {
    SQLite::Statement upsert(*db_,
                             "INSERT INTO meta (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                             " WHERE value IS NOT excluded.value");
    upsert.bind(1, std::string(key));
    upsert.bind(2, std::string(value));
    upsert.exec();
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot save setting " + std::string(key), e);
  }
}

namespace {

std::string last_scan_file(const std::string& file) { return file + ".last-scan"; }

}  // namespace

Result<std::optional<std::string>> NoteStore::last_scan() {
  if (in_memory(file_)) return last_scan_in_memory_;
  std::ifstream in(last_scan_file(file_));
  std::string instant;
  if (in && std::getline(in, instant) && !instant.empty())
    return std::optional<std::string>(instant);
  return meta("last_scan");
}

void NoteStore::release_memory() noexcept {
  try {
    db_->exec("PRAGMA shrink_memory");
  } catch (const std::exception&) {
    // Only memory is at stake, and the next shrink may succeed.
  }
}

Status NoteStore::set_last_scan(std::string_view instant) {
  if (in_memory(file_)) {
    last_scan_in_memory_ = std::string(instant);
    return ok_status();
  }
  // Written aside and renamed over the old one: a reader never sees half an instant.
  const std::string target = last_scan_file(file_);
  const std::string temporary = target + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << instant << "\n";
    if (!out.flush())
      return Error{temporary + ": cannot record the time of the last scan (disk full?)"};
  }
  if (std::rename(temporary.c_str(), target.c_str()) != 0)
    return Error{target + ": cannot record the time of the last scan (check the state "
                 "directory's permissions)"};
  return ok_status();
}

}  // namespace freshd
