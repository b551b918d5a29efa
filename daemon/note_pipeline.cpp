#include "daemon/note_pipeline.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace freshd {
namespace {

// Notes travel in batches, so the threads meet once per batch rather than once per note;
// a few batches in flight bound the memory to a few thousand notes.
constexpr std::size_t kBatchNotes = 256;
constexpr std::size_t kBatchesInFlight = 4;

class NoteQueue {
 public:
  // Blocks while the queue is full; returns false when the consumer gave up.
  bool push(std::vector<StoredNote> batch) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return batches_.size() < kBatchesInFlight || abandoned_; });
    if (abandoned_) return false;
    batches_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }

  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }

  void abandon() {
    const std::lock_guard lock(mutex_);
    abandoned_ = true;
    batches_.clear();
    space_.notify_one();
  }

  // Blocks until a batch is there; false once the queue is closed and empty.
  bool pop(std::vector<StoredNote>& batch) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !batches_.empty() || closed_; });
    if (batches_.empty()) return false;
    batch = std::move(batches_.front());
    batches_.pop_front();
    space_.notify_one();
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::deque<std::vector<StoredNote>> batches_;
  bool closed_ = false;
  bool abandoned_ = false;
};

}  // namespace

Status for_each_note_on_worker(NoteStore& store, const std::function<void(StoredNote&)>& visit,
                               bool include_deleted) {
  NoteQueue queue;
  std::exception_ptr failure;
  std::thread worker([&] {
    std::vector<StoredNote> batch;
    try {
      while (queue.pop(batch))
        for (StoredNote& note : batch) visit(note);
    } catch (...) {
      failure = std::current_exception();
      queue.abandon();
    }
  });
  std::vector<StoredNote> batch;
  batch.reserve(kBatchNotes);
  bool consumer_alive = true;
  Status read = store.for_each_note(
      [&](StoredNote& note) {
        if (!consumer_alive) return;
        batch.push_back(std::move(note));
        if (batch.size() < kBatchNotes) return;
        consumer_alive = queue.push(std::move(batch));
        batch = {};
        batch.reserve(kBatchNotes);
      },
      include_deleted);
  if (consumer_alive && !batch.empty()) queue.push(std::move(batch));
  queue.close();
  worker.join();
  if (failure) std::rethrow_exception(failure);
  return read;
}

}  // namespace freshd
