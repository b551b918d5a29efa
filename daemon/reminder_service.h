// The scheduler's idempotent wake(now): decide which reminders are owed (pure policy),
// record them durably with their outbox entries in one transaction, deliver the outbox
// (log, inbox note, exec hook) off the loop with retry and back-off, and return the next
// deadline. Runs on the loop thread, which owns the store.
#pragma once

#include "config/config.h"
#include "model/reminder_policy.h"
#include "model/store/note_store.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <date/tz.h>

#include <functional>
#include <optional>
#include <set>

namespace freshd {

class ReminderService {
 public:
  // `store` must outlive the service. `on_delivered` runs on the loop after each delivery
  // attempt finishes (the daemon calls wake again, to re-arm for retries).
  ReminderService(boost::asio::io_context& loop, NoteStore& store,
                  std::function<void()> on_delivered);
  ~ReminderService();

  void set_config(const Config& config, const date::time_zone* zone);

  // Fires what is owed at `now` and returns the next instant wake must run (a reminder
  // deadline or a delivery retry), nullopt when nothing is scheduled.
  Result<std::optional<Seconds>> wake(Seconds now);

  // Waits for deliveries in flight (shutdown).
  void stop();

  ReminderSettings settings() const;

  // True when no delivery is in flight.
  bool idle() const { return in_flight_.empty(); }

 private:
  Result<std::vector<ReminderCandidate>> candidates(Seconds now);
  std::vector<std::string> sinks() const;
  void deliver(const OutboxEntry& entry, Seconds now);
  void delivered(std::int64_t id, const Status& result, Seconds now, int attempts);

  boost::asio::io_context& loop_;
  NoteStore& store_;
  std::function<void()> on_delivered_;
  boost::asio::thread_pool workers_{1};
  Config config_;
  const date::time_zone* zone_ = nullptr;
  std::set<std::int64_t> in_flight_;
};

}  // namespace freshd
