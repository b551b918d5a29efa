#include "daemon/note_pipeline.h"

#include <atomic>
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
    waiting_ = batches_.size();
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
    waiting_ = 0;
    space_.notify_one();
  }

  // Blocks until a batch is there; false once the queue is closed and empty.
  bool pop(std::vector<Row>& batch) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !batches_.empty() || closed_; });
    if (batches_.empty()) return false;
    batch = std::move(batches_.front());
    batches_.pop_front();
    waiting_ = batches_.size();
    space_.notify_one();
    return true;
  }

  // Batches pushed and not taken yet; a hint, read without the lock.
  std::size_t waiting() const { return waiting_.load(std::memory_order_relaxed); }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::deque<std::vector<Row>> batches_;
  std::atomic<std::size_t> waiting_{0};
  bool closed_ = false;
  bool abandoned_ = false;
};

// The reading side of visit_on_worker: rows go in one at a time, batches come out.
template <class Row>
class Feed {
 public:
  explicit Feed(BatchQueue<Row>& queue) : queue_(queue) { batch_.reserve(kBatchRows); }

  // False once the visiting side gave up: stop reading.
  bool operator()(Row& row) {
    if (!alive_) return false;
    batch_.push_back(std::move(row));
    if (batch_.size() == kBatchRows) flush();
    return alive_;
  }
  // Whether the visiting side has a batch waiting, that is, is behind the reading one.
  bool visitor_behind() const { return queue_.waiting() > 0; }

  void flush() {
    if (alive_ && !batch_.empty()) alive_ = queue_.push(std::move(batch_));
    batch_ = {};
    batch_.reserve(kBatchRows);
  }

 private:
  BatchQueue<Row>& queue_;
  std::vector<Row> batch_;
  bool alive_ = true;
};

// `read(feed)` reads the rows on this thread and hands each to `feed`; `visit` sees them on
// a second thread, in order. A failing visit, or an exception thrown by one, stops both.
template <class Row, class Read, class Visit>
Status visit_on_worker(Read read, Visit visit) {
  BatchQueue<Row> queue;
  std::exception_ptr failure;
  Status visited = ok_status();
  std::thread worker([&] {
    std::vector<Row> batch;
    try {
      while (visited && queue.pop(batch))
        for (Row& row : batch)
          if (visited = visit(row); !visited) break;
    } catch (...) {
      failure = std::current_exception();
    }
    if (failure || !visited) queue.abandon();
  });
  Feed<Row> feed(queue);
  Status read_status = read(feed);
  feed.flush();
  queue.close();
  worker.join();
  if (failure) std::rethrow_exception(failure);
  if (!visited) return visited;
  return read_status;
}

}  // namespace

Status for_each_note_on_worker(NoteStore& store, const std::function<void(StoredNote&)>& visit,
                               bool include_deleted) {
  // Decoding a note's metadata is shared out: the reading thread decodes a note only while
  // the visiting one is behind, else leaves it to the visiting one. So `list` (whose visits
  // cost as much as the reading) and a report (whose visits cost half) both keep the two
  // cores busy. Decoding is the same on either thread.
  struct Piped {
    NoteStore::UndecodedNote row;
    bool decoded = false;
  };
  return visit_on_worker<Piped>(
      [&](Feed<Piped>& feed) {
        Status decoded = ok_status();
        Status read = store.for_each_undecoded_note(
            [&](NoteStore::UndecodedNote& row) {
              Piped piped{std::move(row)};
              if (feed.visitor_behind()) {
                decoded = store.decode(piped.row);
                if (!decoded) return false;
                piped.decoded = true;
              }
              return feed(piped);  // false: the visitor stopped, and its status is returned
            },
            include_deleted);
        return read ? decoded : read;
      },
      [&](Piped& piped) {
        if (!piped.decoded)
          if (Status s = store.decode(piped.row); !s) return s;
        visit(piped.row.note);
        return ok_status();
      });
}

Status for_each_event_on_worker(NoteStore& store, Seconds since,
                                const std::vector<EventKind>& kinds,
                                const std::function<void(TimelineEvent&)>& visit) {
  return visit_on_worker<TimelineEvent>(
      [&](Feed<TimelineEvent>& feed) {
        return store.for_each_event(since, kinds, [&](TimelineEvent& event) { feed(event); });
      },
      [&](TimelineEvent& event) {
        visit(event);
        return ok_status();
      });
}

}  // namespace freshd
