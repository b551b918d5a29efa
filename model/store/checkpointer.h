// Checkpoints of the write-ahead log, run off the writer's thread.
//
// SQLite copies its write-ahead log back into the index (a checkpoint) on the thread that
// commits, once the log holds 1,000 pages: two fdatasyncs and the copy, 40-60 ms on a
// virtio disk. That stalled a batch scan's applying thread (74 fdatasyncs in a first index
// of 100,000 notes) and the daemon's event loop, whose `status` answer waited behind it.
// A Checkpointer takes the job over: the writer's commits only wake it, and it checkpoints
// from a connection of its own on a thread of its own, while the writer goes on.
#pragma once

#include "model/result.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace SQLite {
class Database;
}

namespace freshd {

class Checkpointer {
 public:
  // Pages in the log after a commit that wake the checkpointing thread (SQLite's own
  // threshold for checkpointing on commit).
  //
  // The writer no longer checkpoints on commit. A checkpoint copies the log up to where it stood
  // when it began, and the log starts over when a writer's next transaction finds it
  // copied to the end; until then it grows. Measured on a first index of 100,000 notes,
  // the thread keeps up: the log starts over every 1,000-3,000 pages. A reader's open
  // snapshot holds the copy back as it would hold back SQLite's own checkpoint, and a
  // checkpoint from the writer could not do better.
  static constexpr int kWakePages = 1000;

  // Hooks `writer`, an open write-ahead-log connection to `file` (which SQLite then stops
  // checkpointing on commit), and starts the thread. The Checkpointer must be destroyed
  // before `writer` is closed.
  static Result<std::unique_ptr<Checkpointer>> start(sqlite3* writer, const std::string& file);

  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;
  // Unhooks the writer, lets a checkpoint under way finish, and closes the connection; what
  // is left in the log is copied when the writer closes, as without a Checkpointer.
  ~Checkpointer();

  // Returns once no checkpoint is wanted or under way (for tests: a commit's wake-up is
  // taken by then).
  void settle();

 private:
  Checkpointer(sqlite3* writer, std::unique_ptr<SQLite::Database> own);

  // SQLite's wal hook: runs on the writer's thread after each commit.
  static int on_commit(void* self, sqlite3* db, const char* schema, int pages);
  void run();

  sqlite3* writer_;
  std::unique_ptr<SQLite::Database> own_;
  std::atomic<int> wake_at_{kWakePages};  // log pages after a commit that wake the thread
  int last_pages_ = 0;                    // the writer's thread only
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  bool wanted_ = false;
  bool running_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace freshd
