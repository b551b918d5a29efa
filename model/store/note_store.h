// The persistent index: notes, their metadata with provenance, and the append-only
// timeline, in SQLite (WAL, declared foreign keys kept by the store, schema versioned by
// PRAGMA user_version).
// A NoteStore is used from one thread at a time. Every method returns an Error naming the
// database file on failure; SQLite exceptions never leave this class. A read_write store
// on a file checkpoints its write-ahead log on a thread of its own (checkpointer.h).
#pragma once

#include "model/note_metadata.h"
#include "model/reminder_policy.h"
#include "model/result.h"
#include "model/timeline_event.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace SQLite {
class Database;
}

namespace freshd {

class Checkpointer;

// What tells freshd, without reading a file, that it has not changed.
struct FileStamp {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;

  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// A live note as the store knows it, for incremental scans.
struct KnownFile {
  FileStamp stamp;
  std::uint64_t hash = 0;
};

// A file the scanner read (new, or its stamp changed).
struct ObservedNote {
  std::string path;  // relative to the vault, '/'-separated
  FileStamp stamp;
  std::uint64_t hash = 0;
  NoteMetadata metadata;
  // Set by the scanner when this new path holds the same bytes as a note that vanished in
  // the same scan: the note keeps its id and history under the new path.
  std::string renamed_from;
};

// One batch of a scan, applied in one transaction.
struct ScanBatch {
  std::vector<ObservedNote> observed;
  std::vector<std::string> missing;  // live notes no longer in the vault: recorded deleted
};

// What a batch changed. Counts add up across batches with +=.
struct ScanChanges {
  int added = 0;     // first seen
  int changed = 0;   // content changed
  int touched = 0;   // stamp changed, same bytes: no content change recorded
  int renamed = 0;
  int deleted = 0;
  int restored = 0;
  std::vector<TimelineEvent> events;  // the events recorded, in order

  ScanChanges& operator+=(const ScanChanges& other);
};

// A validation recorded by `freshctl validate` (not written in the note).
struct RecordedValidation {
  Days day{};
  std::string outcome;  // "unchanged", "updated" or ""
  Seconds recorded_at{};
};

struct StoredNote {
  std::int64_t id = 0;
  std::string path;
  FileStamp stamp;
  std::uint64_t hash = 0;
  Seconds first_seen{};
  std::optional<Seconds> deleted_at;  // set when the file is gone
  NoteMetadata metadata;
  std::optional<RecordedValidation> recorded_validation;  // the latest
  std::optional<Seconds> snoozed_until;
  // Outcomes of every recorded validation, oldest first ("unchanged", "updated" or "").
  std::vector<std::string> validation_outcomes;
};

// A digest waiting to be delivered to one sink ("log", "inbox", "exec").
struct OutboxEntry {
  std::int64_t id = 0;
  std::string sink;
  std::string payload;  // the digest as JSON
  int attempts = 0;     // failed attempts so far
  Seconds next_attempt{};
};

// A report freshd wrote.
struct ReportRecord {
  std::optional<Days> occurrence;  // the scheduled occurrence's local day; none on demand
  Seconds generated_at{};
  std::string counts;  // the report's status counts as JSON
};

class NoteStore {
 public:
  enum class Mode { read_only, read_write };

  // Opens (read_write: creating and migrating) the database at `file`.
  static Result<NoteStore> open(const std::string& file, Mode mode);
  // A fresh in-memory store, for tests.
  static Result<NoteStore> open_in_memory();

  NoteStore(NoteStore&&) noexcept;
  NoteStore& operator=(NoteStore&&) noexcept;
  ~NoteStore();

  // The schema version this build writes (PRAGMA user_version).
  static int schema_version();

  // Path -> stamp and hash of every live (not deleted) note.
  Result<std::unordered_map<std::string, KnownFile>> known_files();

  // Applies one batch in one transaction and records its timeline events:
  // - a new path: first_seen, then published / validated when the note carries them
  //   (a path that was deleted before: restored);
  // - renamed_from set: renamed ("old -> new"), the history moves with the note;
  // - same path, different hash: content_changed, plus validated / published /
  //   decay_changed when those values changed;
  // - same path, same hash, new stamp: the stamp is updated, no event;
  // - missing: deleted.
  Result<ScanChanges> apply(const ScanBatch& batch, Seconds now);

  // Live notes sorted by path; with include_deleted, deleted ones too.
  Result<std::vector<StoredNote>> notes(bool include_deleted = false);
  // The same notes in the same order, handed to `visit` one at a time, so that a caller
  // that keeps a summary never holds the whole vault in memory. The note passed is only
  // valid during the call (`visit` may move from it). Stops at the first note whose stored
  // metadata is unreadable.
  Status for_each_note(const std::function<void(StoredNote&)>& visit,
                       bool include_deleted = false);
  // The same notes again, each with its stored metadata not decoded yet (note.metadata is
  // empty): decoding costs about as much as the rest of reading a note, so a caller with
  // two threads can share it out (for_each_note_on_worker). Decode with decode().
  struct UndecodedNote {
    StoredNote note;
    std::string metadata_text;
  };
  // `visit` returns false to stop the reading.
  Status for_each_undecoded_note(const std::function<bool(UndecodedNote&)>& visit,
                                 bool include_deleted = false);
  // Sets note.metadata from metadata_text, as for_each_note would have; the error names
  // the store and the note. Safe to call from any thread: it does not use the database.
  Status decode(UndecodedNote& undecoded) const;

  // The note at `path` (live or deleted); nullopt when the store never saw it.
  Result<std::optional<StoredNote>> find_note(std::string_view path);

  // Events since `since` (inclusive), oldest first; for one note (following its renames)
  // when `path` is set. An unknown path gives an empty list.
  Result<std::vector<TimelineEvent>> timeline(std::optional<std::string_view> path,
                                              Seconds since);
  // The vault's events since `since` (inclusive) of the given kinds (all when empty),
  // oldest first, handed to `visit` one at a time (the event is only valid during the
  // call), like for_each_note.
  Status for_each_event(Seconds since, const std::vector<EventKind>& kinds,
                        const std::function<void(TimelineEvent&)>& visit);

  // Records a validation of the live note at `path` and its `validated` event. Errors
  // when the note is unknown or deleted.
  Status record_validation(std::string_view path, Days day, std::string_view outcome,
                           Seconds now);

  // Postpones reminders for the live note at `path` until `until` (StoredNote::snoozed_until),
  // or lifts its snooze (nullopt), and records a `snoozed` event ("until ..." / "lifted").
  // Errors when the note is unknown or deleted.
  Status snooze(std::string_view path, std::optional<Seconds> until, Seconds now);

  // Takes in freshd's own write to a live note (`validate` writing last_validated): the new
  // stamp, hash and metadata, with no timeline event, so the watcher's rescan finds the
  // note unchanged and does not take the write for a user edit.
  Status record_own_write(const ObservedNote& note);

  // Appends an event for the note at `path` (reminded, snoozed, became_due, ...).
  Status record_event(std::string_view path, EventKind kind, std::string_view detail,
                      Seconds now);

  // Scheduling state (schedule_store.cpp).
  // The last reminder of every live note, by path.
  Result<std::unordered_map<std::string, ReminderRecord>> reminder_records();
  // Records, in one transaction, that `items` were reminded at `now` and queues `payload`
  // for each sink. Returns the outbox entries' ids, one per sink, in the order of `sinks`.
  // With `first_delivered`, the caller has already delivered the digest to the first sink
  // (the log): its entry is recorded delivered, as mark_delivered would, in the same
  // transaction. Entries delivered more than 30 days before `now` are deleted then.
  Result<std::vector<std::int64_t>> record_digest(const std::vector<ReminderItem>& items,
                                                  const std::string& payload,
                                                  const std::vector<std::string>& sinks,
                                                  Seconds now, bool first_delivered = false);
  // Undelivered outbox entries, oldest first.
  Result<std::vector<OutboxEntry>> pending_outbox();
  // Marks an entry delivered and appends a `reminded` event per note of its digest, whose
  // `items` the caller has read from the entry's payload.
  Status mark_delivered(std::int64_t id, const std::vector<ReminderItem>& items, Seconds now);
  // Counts a failed attempt and sets when to try again.
  Status mark_failed(std::int64_t id, Seconds next_attempt, std::string_view error);

  // Reports (schedule_store.cpp).
  // The latest report written, scheduled or not; nullopt before the first.
  Result<std::optional<ReportRecord>> last_report();
  // True when the scheduled occurrence on local day `occurrence` was written.
  Result<bool> report_written(Days occurrence);
  // Records a written report. Errors when its occurrence is already recorded.
  Status record_report(const ReportRecord& record);

  // Small persistent settings ("next_reminder", ...). nullopt when unset. Setting the value
  // a key already has writes nothing.
  Result<std::optional<std::string>> meta(std::string_view key);
  Status set_meta(std::string_view key, std::string_view value);
  // Hands the connection's page cache back (PRAGMA shrink_memory): an idle daemon keeps
  // only what it needs, not the cache a scan filled. Best effort; never fails.
  void release_memory() noexcept;

  // When the last scan finished (an instant as format_instant writes it); nullopt before the
  // first. Kept beside the index in `<file>.last-scan`, not in it, so that a scan which
  // finds nothing new writes nothing to the index; an in-memory store keeps it in memory.
  // An index written before this file existed answers from its "last_scan" setting.
  Result<std::optional<std::string>> last_scan();
  Status set_last_scan(std::string_view instant);

 private:
  NoteStore(std::unique_ptr<SQLite::Database> db, std::string file,
            std::unique_ptr<Checkpointer> checkpointer);

  std::unique_ptr<SQLite::Database> db_;
  // After db_: hooked on it, so it goes first.
  std::unique_ptr<Checkpointer> checkpointer_;
  std::string file_;
  std::optional<std::string> last_scan_in_memory_;  // for ":memory:" stores
};

}  // namespace freshd
