// NoteStore's scheduling state: the last reminder per note and the delivery outbox.
// A digest is recorded with its outbox entries in one transaction, so after a crash it is
// either owed again (nothing recorded) or waiting in the outbox (recorded): never lost,
// never decided twice.
#include "model/store/note_store.h"

#include "model/store/store_rows.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>

namespace freshd {

using namespace store_rows;

namespace {

// How long a delivered digest stays in the outbox, for a look at what went out. The
// timeline keeps each note's `reminded` event for good; an owed digest stays until it is
// delivered. Without a limit the outbox grew by every digest's payload (~13 MB per sink
// when a first start reminds 90,000 notes) for as long as the index lived.
constexpr std::chrono::days kKeepDelivered{30};

// The detail of the `reminded` event of `item` delivered to `sink`.
std::string reminded_detail(const ReminderItem& item, const std::string& sink) {
  return std::string(to_string(item.kind)) + ", due " + format_day(item.due) +
         ", delivered to " + sink;
}

}  // namespace

Result<std::unordered_map<std::string, ReminderRecord>> NoteStore::reminder_records() {
  try {
    std::unordered_map<std::string, ReminderRecord> out;
    SQLite::Statement query(*db_,
                            "SELECT n.path, r.due_day, r.kind, r.at FROM reminders r"
                            " JOIN notes n ON n.id = r.note_id WHERE n.deleted_at IS NULL");
    while (query.executeStep()) {
      const auto kind = reminder_kind_from_string(query.getColumn(2).getString());
      out[query.getColumn(0).getString()] =
          ReminderRecord{days_from_db(query.getColumn(1).getInt()),
                         kind.value_or(ReminderKind::stale),
                         seconds_from_db(query.getColumn(3).getInt64())};
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot read reminder records", e);
  }
}

Result<std::vector<std::int64_t>> NoteStore::record_digest(const std::vector<ReminderItem>& items,
                                                           const std::string& payload,
                                                           const std::vector<std::string>& sinks,
                                                           Seconds now, bool first_delivered) {
  try {
    SQLite::Transaction transaction(*db_);
    SQLite::Statement upsert(*db_,
                             "INSERT INTO reminders (note_id, due_day, kind, at) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT(note_id) DO UPDATE SET due_day = excluded.due_day,"
                             " kind = excluded.kind, at = excluded.at");
    NoteIdLookup note_ids(*db_);
    EventBatch events(*db_);
    const bool delivered = first_delivered && !sinks.empty();
    for (const auto& item : items) {
      const std::int64_t id = note_ids.at(item.path);
      if (id == 0) continue;  // deleted since the plan was made
      upsert.bind(1, id);
      upsert.bind(2, to_db(item.due));
      upsert.bind(3, std::string(to_string(item.kind)));
      upsert.bind(4, to_db(now));
      upsert.exec();
      upsert.reset();
      if (delivered)
        events.add(id, item.path, EventKind::reminded, now, reminded_detail(item, sinks.front()));
    }
    events.write();
    SQLite::Statement forget(*db_, "DELETE FROM outbox WHERE delivered_at < ?");
    forget.bind(1, to_db(now - kKeepDelivered));
    forget.exec();
    SQLite::Statement outbox(*db_,
                             "INSERT INTO outbox (created_at, sink, payload, attempts,"
                             " next_attempt, delivered_at) VALUES (?, ?, ?, 0, ?, ?)");
    std::vector<std::int64_t> ids;
    for (const auto& sink : sinks) {
      outbox.bind(1, to_db(now));
      outbox.bind(2, sink);
      outbox.bind(3, payload);
      outbox.bind(4, to_db(now));
      if (delivered && ids.empty())
        outbox.bind(5, to_db(now));
      else
        outbox.bind(5);  // NULL: owed
      outbox.exec();
      outbox.reset();
      ids.push_back(db_->getLastInsertRowid());
    }
    transaction.commit();
    return ids;
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot record a reminder digest", e);
  }
}

Result<std::vector<OutboxEntry>> NoteStore::pending_outbox() {
  try {
    std::vector<OutboxEntry> out;
    SQLite::Statement query(*db_,
                            "SELECT id, sink, payload, attempts, next_attempt FROM outbox"
                            " WHERE delivered_at IS NULL ORDER BY id");
    while (query.executeStep())
      out.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                     query.getColumn(2).getString(), query.getColumn(3).getInt(),
                     seconds_from_db(query.getColumn(4).getInt64())});
    return out;
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot read the reminder outbox", e);
  }
}

Status NoteStore::mark_delivered(std::int64_t id, const std::vector<ReminderItem>& items,
                                 Seconds now) {
  try {
    SQLite::Transaction transaction(*db_);
    SQLite::Statement entry(*db_, "SELECT sink FROM outbox WHERE id = ?");
    entry.bind(1, id);
    if (!entry.executeStep()) return Error{file_ + ": no outbox entry " + std::to_string(id)};
    const std::string sink = entry.getColumn(0).getString();
    SQLite::Statement mark(*db_, "UPDATE outbox SET delivered_at = ? WHERE id = ?");
    mark.bind(1, to_db(now));
    mark.bind(2, id);
    mark.exec();
    EventBatch events(*db_);
    NoteIdLookup note_ids(*db_);
    for (const ReminderItem& item : items) {
      const std::int64_t note = note_ids.at(item.path);
      if (note == 0) continue;
      events.add(note, item.path, EventKind::reminded, now, reminded_detail(item, sink));
    }
    events.write();
    transaction.commit();
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot record a delivery", e);
  }
}

Status NoteStore::mark_failed(std::int64_t id, Seconds next_attempt, std::string_view error) {
  try {
    SQLite::Statement mark(*db_,
                           "UPDATE outbox SET attempts = attempts + 1, next_attempt = ?,"
                           " last_error = ? WHERE id = ?");
    mark.bind(1, to_db(next_attempt));
    mark.bind(2, std::string(error));
    mark.bind(3, id);
    mark.exec();
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot record a failed delivery", e);
  }
}

Result<std::optional<ReportRecord>> NoteStore::last_report() {
  try {
    SQLite::Statement query(*db_,
                            "SELECT occurrence, generated_at, counts FROM reports"
                            " ORDER BY generated_at DESC, id DESC LIMIT 1");
    if (!query.executeStep()) return std::optional<ReportRecord>{};
    ReportRecord record;
    if (!query.getColumn(0).isNull()) record.occurrence = days_from_db(query.getColumn(0).getInt());
    record.generated_at = seconds_from_db(query.getColumn(1).getInt64());
    record.counts = query.getColumn(2).getString();
    return std::optional<ReportRecord>(std::move(record));
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot read the last report", e);
  }
}

Result<bool> NoteStore::report_written(Days occurrence) {
  try {
    SQLite::Statement query(*db_, "SELECT 1 FROM reports WHERE occurrence = ?");
    query.bind(1, to_db(occurrence));
    return query.executeStep();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot read the report records", e);
  }
}

Status NoteStore::record_report(const ReportRecord& record) {
  try {
    SQLite::Statement insert(*db_,
                             "INSERT INTO reports (occurrence, generated_at, counts) VALUES (?, ?, ?)");
    if (record.occurrence)
      insert.bind(1, to_db(*record.occurrence));
    else
      insert.bind(1);
    insert.bind(2, to_db(record.generated_at));
    insert.bind(3, record.counts);
    insert.exec();
    return ok_status();
  } catch (const SQLite::Exception& e) {
    return store_error(file_, "cannot record a report", e);
  }
}

}  // namespace freshd
