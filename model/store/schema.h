// The store's SQL schema and its migrations, versioned by PRAGMA user_version. Internal to
// model/store. Each migration runs in its own transaction; a new version is a new entry
// appended to the list in schema.cpp, never an edit of an old one.
#pragma once

#include "model/result.h"

#include <string>

namespace SQLite {
class Database;
}

namespace freshd::schema {

// The version this build writes: the last migration's.
int latest_version();

// Brings `db` up to latest_version(); a no-op when it is there already. Errors (naming
// `file`) when the database was written by a newer build or a migration fails.
Status migrate(SQLite::Database& db, const std::string& file);

// For read-only opens: errors unless `db` is at exactly latest_version() (an empty file
// means no daemon has indexed the vault yet).
Status check_readable(SQLite::Database& db, const std::string& file);

}  // namespace freshd::schema
