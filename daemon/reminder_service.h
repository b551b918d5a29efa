// The scheduler's idempotent wake(now): decide which reminders are owed (pure policy),
// record them durably with their outbox entries, deliver the outbox (log, inbox note, exec
// hook) with retry and back-off, and return the next deadline. Runs on the loop thread,
// which owns the store; deciding can run on a worker (wake_in_background).
//
// Memory stays bounded at 100,000 notes: the notes are read one at a time, and what is
// owed at one moment is recorded as digests of at most kDigestItems items each (each its
// own transaction with its outbox entries, and its own digest id), one per loop turn, and
// delivered one per loop turn.
#pragma once

#include "config/config.h"
#include "model/reminder_policy.h"
#include "model/store/note_store.h"
#include "reports/reminder_digest.h"
#include "reports/note_view.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <date/tz.h>

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace freshd {

// The most reminders one digest carries; more owed at once go out as several digests.
inline constexpr std::size_t kDigestItems = 250;

class ReminderService {
 public:
  using WakeDone = std::function<void(const Result<std::optional<Seconds>>&)>;
  // Sees each live note and its view as a wake reads them (on the worker, in the background).
  using NoteObserver = std::function<void(const StoredNote&, const NoteView&)>;

  // `store` must outlive the service. `on_delivered` runs on the loop after a delivery
  // attempt failed, and when the last delivery in flight finished (the daemon calls wake
  // again, to re-arm for retries).
  ReminderService(boost::asio::io_context& loop, NoteStore& store,
                  std::function<void()> on_delivered);
  ~ReminderService();

  void set_config(const Config& config, const date::time_zone* zone);

  // Fires what is owed at `now` and returns the next instant wake must run (a reminder
  // deadline or a delivery retry), nullopt when nothing is scheduled. Decides, records and
  // logs in the call; the inbox and exec deliveries run on a worker. Given `store_file`
  // (the store's file), it decides on a thread of its own over a read-only connection and
  // records each digest as soon as it is decided, while the rest is decided: on two cores
  // the ~90,000 reminders owed after a first index of an old vault take a third less time.
  Result<std::optional<Seconds>> wake(Seconds now, const std::string& store_file = "");

  // The same for a large vault, without holding the loop: decides on a worker thread over
  // its own read-only connection to `store_file` (the store's file), then records and
  // logs one digest per loop turn and calls `done` on the loop. The decision sees the store as it
  // was when the worker read it; a note snoozed or validated meanwhile may get one more
  // reminder. `observe` (may be empty) sees every note of that read on the worker, so a
  // caller can summarize the vault in the same pass. One wake at a time: the caller waits
  // for `done` before the next.
  void wake_in_background(Seconds now, const std::string& store_file, NoteObserver observe,
                          WakeDone done);

  // Waits for deliveries in flight (shutdown).
  void stop();

  ReminderSettings settings() const;

  // True when no delivery is in flight.
  bool idle() const { return in_flight_.empty(); }

 private:
  struct Recording;

  std::vector<std::string> sinks() const;
  // Records `digest` for every sink. With `logged`, the caller has logged it, and the
  // log's entry (the first of sinks()) is recorded delivered.
  Status record_part(const Digest& digest, bool logged);
  Result<std::optional<Seconds>> wake_pipelined(Seconds now, const std::string& store_file);
  void record_next(const std::shared_ptr<Recording>& recording);
  // With `log_now`, digests due to the log are logged in the call, else one per loop turn.
  Result<std::optional<Seconds>> deliver_pending(Seconds now, std::optional<Seconds> next,
                                                 bool log_now);
  void deliver(OutboxEntry entry, Seconds now, bool log_now);
  void log_digest(const Digest& digest);
  // `items`: the delivered digest's, for their `reminded` events.
  void delivered(std::int64_t id, const std::vector<ReminderItem>& items, const Status& result,
                 Seconds now, int attempts);
  void finished(const Status& result);
  // On workers_: `part` added to the other parts of its moment delivered to the inbox.
  const Digest& inbox_digest(const Digest& part);
  // Runs `step` on the loop after the steps queued before it, one per loop turn.
  void queue_step(std::function<void()> step);
  void run_step();

  boost::asio::io_context& loop_;
  NoteStore& store_;
  std::function<void()> on_delivered_;
  boost::asio::thread_pool workers_{1};
  boost::asio::thread_pool planner_{1};
  std::optional<NoteStore> reader_;  // the planner's connection, used on planner_ only
  Config config_;
  const date::time_zone* zone_ = nullptr;
  std::set<std::int64_t> in_flight_;
  std::deque<std::function<void()>> steps_;
  Digest inbox_;                        // on workers_: what the inbox note lists
  std::set<std::string> inbox_paths_;  // path and kind of each of its items
  bool stopped_ = false;
};

}  // namespace freshd
