// NoteStore::apply's work: one scan batch turned into note rows and timeline events.
// Internal to model/store.
#pragma once

#include "model/store/note_store.h"

#include <string>

namespace SQLite {
class Database;
}

namespace freshd {

// Applies `batch` in one transaction, as NoteStore::apply documents; every event is
// recorded at `now`. Throws SQLite::Exception (the transaction is then rolled back).
ScanChanges apply_scan_batch(SQLite::Database& db, const std::string& file, const ScanBatch& batch,
                             Seconds now);

}  // namespace freshd
