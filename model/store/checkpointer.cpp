#include "model/store/checkpointer.h"

#include "model/store/store_rows.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>

namespace freshd {

Result<std::unique_ptr<Checkpointer>> Checkpointer::start(sqlite3* writer,
                                                          const std::string& file) {
  try {
    // Its own connection: a checkpoint runs beside the writer's transactions, and two
    // threads never share a connection (they are opened without SQLite's mutex).
    auto own = std::make_unique<SQLite::Database>(
        file, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    // A connection finds the log only once it reads the database; until then a checkpoint
    // from it does nothing.
    own->execAndGet("PRAGMA journal_mode");
    std::unique_ptr<Checkpointer> checkpointer(new Checkpointer(writer, std::move(own)));
    sqlite3_wal_hook(writer, &Checkpointer::on_commit, checkpointer.get());
    return checkpointer;
  } catch (const std::exception& e) {  // SQLite's, or std::thread's system_error
    return store_rows::store_error(file, "cannot start checkpointing the index", e);
  }
}

Checkpointer::Checkpointer(sqlite3* writer, std::unique_ptr<SQLite::Database> own)
    : writer_(writer), own_(std::move(own)), thread_([this] { run(); }) {}

Checkpointer::~Checkpointer() {
  sqlite3_wal_hook(writer_, nullptr, nullptr);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

int Checkpointer::on_commit(void* self, sqlite3*, const char*, int pages) {
  auto* checkpointer = static_cast<Checkpointer*>(self);
  // The log started over: whatever held the last checkpoint back is gone.
  if (pages < checkpointer->last_pages_) checkpointer->wake_at_ = kWakePages;
  checkpointer->last_pages_ = pages;
  if (pages < checkpointer->wake_at_) return SQLITE_OK;
  {
    std::lock_guard<std::mutex> lock(checkpointer->mutex_);
    checkpointer->wanted_ = true;
  }
  checkpointer->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::settle() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [this] { return (!wanted_ && !running_) || stopping_; });
}

void Checkpointer::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
    running_ = true;
    lock.unlock();
    // A failed or busy checkpoint loses nothing: the frames stay in the log, and the next
    // checkpoint (at the latest the writer's, when it closes) copies them.
    int log_pages = 0;
    int copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(own_->getHandle(), nullptr,
                                             SQLITE_CHECKPOINT_PASSIVE, &log_pages, &copied);
    // A reader's snapshot (a reminder plan reading every note) can hold the copy back;
    // then wait for as many pages again rather than try after every commit.
    const bool held_back = rc != SQLITE_OK || copied < log_pages;
    wake_at_ = held_back ? std::max(log_pages, 0) + kWakePages : kWakePages;
    lock.lock();
    running_ = false;
    idle_.notify_all();
  }
}

}  // namespace freshd
