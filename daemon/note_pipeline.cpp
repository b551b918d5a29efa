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

// Rows travel in batches, so the threads meet once per batch rather than once per row;
// a few batches in flight bound the memory to a few thousand rows.
constexpr std::size_t kBatchRows = 256;
constexpr std::size_t kBatchesInFlight = 4;

template <class Row>
class BatchQueue {
 public:
  // Blocks while the queue is full; returns false when the consumer gave up.
  bool push(std::vector<Row> batch) {
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
  bool pop(std::vector<Row>& batch) {
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
  std::deque<std::vector<Row>> batches_;
  bool closed_ = false;
  bool abandoned_ = false;
};

// `read` hands each row to the function it is given, on this thread; `visit` sees them on
// a second one.
template <class Row, class Read>
Status visit_on_worker(Read read, const std::function<void(Row&)>& visit) {
  BatchQueue<Row> queue;
  std::exception_ptr failure;
  std::thread worker([&] {
    std::vector<Row> batch;
    try {
      while (queue.pop(batch))
        for (Row& row : batch) visit(row);
    } catch (...) {
      failure = std::current_exception();
      queue.abandon();
    }
  });
  std::vector<Row> batch;
  batch.reserve(kBatchRows);
  bool consumer_alive = true;
  Status read_status = read([&](Row& row) {
    if (!consumer_alive) return;
    batch.push_back(std::move(row));
    if (batch.size() < kBatchRows) return;
    consumer_alive = queue.push(std::move(batch));
    batch = {};
    batch.reserve(kBatchRows);
  });
  if (consumer_alive && !batch.empty()) queue.push(std::move(batch));
  queue.close();
  worker.join();
  if (failure) std::rethrow_exception(failure);
  return read_status;
}

}  // namespace

Status for_each_note_on_worker(NoteStore& store, const std::function<void(StoredNote&)>& visit,
                               bool include_deleted) {
  return visit_on_worker<StoredNote>(
      [&](const std::function<void(StoredNote&)>& each) {
        return store.for_each_note(each, include_deleted);
      },
      visit);
}

Status for_each_event_on_worker(NoteStore& store, Seconds since,
                                const std::vector<EventKind>& kinds,
                                const std::function<void(TimelineEvent&)>& visit) {
  return visit_on_worker<TimelineEvent>(
      [&](const std::function<void(TimelineEvent&)>& each) {
        return store.for_each_event(since, kinds, each);
      },
      visit);
}

}  // namespace freshd
