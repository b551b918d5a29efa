#include "model/store/scan_apply.h"

#include "model/store/store_rows.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <utility>

namespace freshd {
namespace {

using namespace store_rows;

// What the store holds of a note that a batch is about to change.
struct NoteRow {
  std::int64_t id = 0;
  std::string path;
  FileStamp stamp;
  std::uint64_t hash = 0;
  std::string metadata;
  bool live = false;
};

std::string describe(const Provenance& provenance) {
  std::string text(to_string(provenance.kind));
  if (!provenance.key.empty()) text += " " + provenance.key;
  if (provenance.line > 0) text += ", line " + std::to_string(provenance.line);
  return text;
}

// "2026-04-06 (yaml_front_matter last_validated, line 3)"
std::string fact_detail(const DatedFact& fact) {
  return format_date(fact.date) + " (" + describe(fact.provenance) + ")";
}

// "fast -> 90d (inline_field review_every, line 7)"; "(none)" stands for no decay field.
std::string decay_detail(const std::optional<TextFact>& before,
                         const std::optional<TextFact>& after) {
  std::string text = (before ? before->value : "(none)") + " -> " +
                     (after ? after->value : "(none)");
  if (after) text += " (" + describe(after->provenance) + ")";
  return text;
}

bool date_changed(const std::optional<DatedFact>& before, const std::optional<DatedFact>& after) {
  return after && (!before || before->date != after->date);
}

bool decay_changed(const std::optional<TextFact>& before, const std::optional<TextFact>& after) {
  if (!before || !after) return before.has_value() != after.has_value();
  return before->value != after->value;
}

class BatchApplier {
 public:
  BatchApplier(SQLite::Database& db, const std::string& file, Seconds now)
      : db_(db),
        file_(file),
        now_(now),
        events_(db),
        // No ORDER BY: a path has a row or two, and sorting them in SQL would build a
        // temporary b-tree on every lookup of a large batch.
        at_path_(db, "SELECT id, path, size, mtime_ns, hash, metadata, deleted_at"
                     " FROM notes WHERE path = ?"),
        insert_(db, "INSERT INTO notes (path, size, mtime_ns, hash, first_seen, metadata)"
                    " VALUES (?, ?, ?, ?, ?, ?)"),
        rewrite_(db, "UPDATE notes SET path = ?, size = ?, mtime_ns = ?, hash = ?, metadata = ?,"
                     " deleted_at = NULL WHERE id = ?"),
        // Leaves the path and deleted_at alone, so SQLite leaves both path indexes alone:
        // an edited note costs its row's page and not two index pages as well.
        refresh_(db, "UPDATE notes SET size = ?, mtime_ns = ?, hash = ?, metadata = ?"
                     " WHERE id = ?"),
        restamp_(db, "UPDATE notes SET size = ?, mtime_ns = ? WHERE id = ?"),
        delete_(db, "UPDATE notes SET deleted_at = ? WHERE id = ?") {}

  void observe(const ObservedNote& note) {
    const auto existing = find(note.path);
    if (existing && existing->live) return update(*existing, note);
    if (!note.renamed_from.empty()) {
      // The vanished note may already be recorded deleted by an earlier batch of the scan.
      if (const auto from = find(note.renamed_from)) return rename(*from, note);
    }
    if (existing) return restore(*existing, note);
    add(note);
  }

  void forget(const std::string& path) {
    // A note renamed earlier in this batch is no longer live under its old path.
    const auto live = find(path);
    if (!live || !live->live) return;
    delete_.reset();
    delete_.bind(1, to_db(now_));
    delete_.bind(2, live->id);
    delete_.exec();
    record(live->id, path, EventKind::deleted, "");
    ++changes_.deleted;
  }

  // Writes the events still held back; before the transaction commits.
  ScanChanges take() {
    events_.write();
    return std::move(changes_);
  }

 private:
  // The live note at `path`, else the one deleted last.
  std::optional<NoteRow> find(const std::string& path) {
    SQLite::Statement& query = at_path_;
    query.reset();
    query.bind(1, path);
    std::optional<NoteRow> best;
    std::int64_t best_deleted_at = 0;
    while (query.executeStep()) {
      const bool live = query.getColumn(6).isNull();
      const std::int64_t deleted_at = live ? 0 : query.getColumn(6).getInt64();
      const bool better = !best || live ||
                          (!best->live && std::pair(deleted_at, query.getColumn(0).getInt64()) >
                                              std::pair(best_deleted_at, best->id));
      if (!better) continue;
      best = NoteRow{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                     FileStamp{query.getColumn(2).getInt64(), query.getColumn(3).getInt64()},
                     hash_from_db(query.getColumn(4).getInt64()), query.getColumn(5).getString(),
                     live};
      best_deleted_at = deleted_at;
    }
    return best;
  }

  void add(const ObservedNote& note) {
    insert_.reset();
    insert_.bind(1, note.path);
    insert_.bind(2, note.stamp.size);
    insert_.bind(3, note.stamp.mtime_ns);
    insert_.bind(4, hash_to_db(note.hash));
    insert_.bind(5, to_db(now_));
    insert_.bind(6, encode_metadata(note.metadata));
    insert_.exec();
    const std::int64_t id = db_.getLastInsertRowid();
    record(id, note.path, EventKind::first_seen, "");
    record_date_changes(id, note.path, NoteMetadata{}, note.metadata);
    ++changes_.added;
  }

  void update(const NoteRow& live, const ObservedNote& note) {
    if (live.hash != note.hash) {
      refresh_.reset();
      refresh_.bind(1, note.stamp.size);
      refresh_.bind(2, note.stamp.mtime_ns);
      refresh_.bind(3, hash_to_db(note.hash));
      refresh_.bind(4, encode_metadata(note.metadata));
      refresh_.bind(5, live.id);
      refresh_.exec();
      record_content_changes(live, note);
      return;
    }
    if (live.stamp == note.stamp) return;
    restamp_.reset();
    restamp_.bind(1, note.stamp.size);
    restamp_.bind(2, note.stamp.mtime_ns);
    restamp_.bind(3, live.id);
    restamp_.exec();
    ++changes_.touched;
  }

  void rename(const NoteRow& from, const ObservedNote& note) {
    rewrite(from.id, note);
    record(from.id, note.path, EventKind::renamed, from.path + " -> " + note.path);
    record_content_changes(from, note);
    ++changes_.renamed;
  }

  void restore(const NoteRow& gone, const ObservedNote& note) {
    rewrite(gone.id, note);
    record(gone.id, note.path, EventKind::restored, "");
    record_content_changes(gone, note);
    ++changes_.restored;
  }

  void rewrite(std::int64_t id, const ObservedNote& note) {
    rewrite_.reset();
    rewrite_.bind(1, note.path);
    rewrite_.bind(2, note.stamp.size);
    rewrite_.bind(3, note.stamp.mtime_ns);
    rewrite_.bind(4, hash_to_db(note.hash));
    rewrite_.bind(5, encode_metadata(note.metadata));
    rewrite_.bind(6, id);
    rewrite_.exec();
  }

  // Metadata is compared even when the bytes are the same: a rename can change a date
  // that came from the file name.
  void record_content_changes(const NoteRow& before, const ObservedNote& note) {
    if (before.hash != note.hash) {
      record(before.id, note.path, EventKind::content_changed,
             std::to_string(before.stamp.size) + " -> " + std::to_string(note.stamp.size) +
                 " bytes");
      ++changes_.changed;
    }
    // Unreadable stored metadata must not block every later scan; the note's current
    // metadata replaces it, so compare against nothing.
    const auto stored = decode_metadata(before.metadata, before.path, file_);
    const NoteMetadata old = stored ? *stored : NoteMetadata{};
    record_date_changes(before.id, note.path, old, note.metadata);
    if (decay_changed(old.decay, note.metadata.decay)) {
      record(before.id, note.path, EventKind::decay_changed,
             decay_detail(old.decay, note.metadata.decay));
    }
  }

  void record_date_changes(std::int64_t id, const std::string& path, const NoteMetadata& before,
                           const NoteMetadata& after) {
    if (date_changed(before.published, after.published)) {
      record(id, path, EventKind::published, fact_detail(*after.published));
    }
    if (date_changed(before.validated, after.validated)) {
      record(id, path, EventKind::validated, fact_detail(*after.validated));
    }
  }

  void record(std::int64_t id, const std::string& path, EventKind kind, std::string detail) {
    changes_.events.push_back(events_.add(id, path, kind, now_, std::move(detail)));
  }

  SQLite::Database& db_;
  const std::string& file_;
  Seconds now_;
  EventBatch events_;
  SQLite::Statement at_path_;
  SQLite::Statement insert_;
  SQLite::Statement rewrite_;
  SQLite::Statement refresh_;
  SQLite::Statement restamp_;
  SQLite::Statement delete_;
  ScanChanges changes_;
};

}  // namespace

ScanChanges apply_scan_batch(SQLite::Database& db, const std::string& file, const ScanBatch& batch,
                             Seconds now) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  BatchApplier applier(db, file, now);
  for (const ObservedNote& note : batch.observed) applier.observe(note);
  for (const std::string& path : batch.missing) applier.forget(path);
  ScanChanges changes = applier.take();
  transaction.commit();
  return changes;
}

}  // namespace freshd
