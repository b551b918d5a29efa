#include "daemon/reminder_service.h"

#include "daemon/log.h"
#include "daemon/note_pipeline.h"
#include "daemon/reminder_sinks.h"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iterator>
#include <mutex>
#include <sstream>
#include <thread>
#include <utility>

namespace freshd {

namespace asio = boost::asio;

namespace {

// Retries back off from one minute to one hour: a sink that is down for a day is tried
// again 30-odd times, never dropped.
Seconds next_retry(Seconds now, int attempts) {
  const int shift = std::min(attempts, 6);
  return now + std::chrono::minutes(1 << shift);
}

std::string vault_path(const Config& config, const std::string& relative) {
  return relative.front() == '/' ? relative : config.vault.path + "/" + relative;
}

// Hands each kDigestItems owed reminders, in path order, to `on_part` (on the thread that
// visits the notes) while the plan goes on; with `stop` set, the rest of the notes is skipped.
struct PartSink {
  std::function<void(std::vector<ReminderItem>)> on_part;
  const std::atomic<bool>* stop = nullptr;
};

// What is owed at `now`, from the notes of `store` read one at a time. With `parts`, the
// owed reminders go to parts.on_part, the last ones too, and the plan returned has none.
Result<ReminderPlan> plan(NoteStore& store, const Config& config, const date::time_zone* zone,
                          ReminderSettings settings, Seconds now,
                          const ReminderService::NoteObserver& observe = {},
                          const PartSink& parts = {}) {
  auto records = store.reminder_records();
  if (!records) return records.error();
  auto vacation = store.meta("vault_snoozed_until");
  if (vacation && *vacation) {
    std::istringstream in(**vacation);
    Seconds until;
    if (in >> date::parse("%FT%TZ", until)) settings.vault_snoozed_until = until;
  }
  const ViewContext ctx{&config, zone, now};
  ReminderPlanner planner(std::move(settings), now, zone);
  auto visited = for_each_note_on_worker(store, [&](StoredNote& note) {
    if (parts.stop && parts.stop->load()) return;
    const NoteView view = make_note_view(note, ctx);
    if (observe) observe(note, view);
    ReminderCandidate c;
    c.title = view.title;
    c.owner = view.owner ? view.owner->value : "";
    c.status = view.freshness.status;
    c.due = view.freshness.due;
    c.snoozed_until = note.snoozed_until;
    if (const auto it = records->find(note.path); it != records->end()) c.last = it->second;
    c.path = std::move(note.path);
    planner.add(std::move(c));
    if (parts.on_part && planner.owed_count() == kDigestItems) parts.on_part(planner.take_owed());
  });
  if (!visited) return visited.error();
  ReminderPlan planned = planner.take();
  if (parts.on_part && !planned.owed.empty()) parts.on_part(std::exchange(planned.owed, {}));
  return planned;
}

// Owed parts on their way from the planning thread to the recording one.
class PartQueue {
 public:
  void push(std::vector<ReminderItem> part) {
    const std::lock_guard lock(mutex_);
    parts_.push_back(std::move(part));
    ready_.notify_one();
  }
  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }
  // Blocks until a part is there; false once the queue is closed and empty.
  bool pop(std::vector<ReminderItem>& part) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !parts_.empty() || closed_; });
    if (parts_.empty()) return false;
    part = std::move(parts_.front());
    parts_.pop_front();
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::vector<ReminderItem>> parts_;
  bool closed_ = false;
};

}  // namespace

// A plan's owed reminders, recorded kDigestItems at a time.
struct ReminderService::Recording {
  std::vector<ReminderItem> owed;
  std::size_t recorded = 0;
  std::optional<Seconds> next_deadline;
  Seconds now{};
  WakeDone done;
};

ReminderService::ReminderService(asio::io_context& loop, NoteStore& store,
                                 std::function<void()> on_delivered)
    : loop_(loop), store_(store), on_delivered_(std::move(on_delivered)) {}

ReminderService::~ReminderService() { stop(); }

void ReminderService::stop() {
  stopped_ = true;
  planner_.join();
  workers_.join();
}

void ReminderService::set_config(const Config& config, const date::time_zone* zone) {
  config_ = config;
  zone_ = zone;
}

ReminderSettings ReminderService::settings() const {
  ReminderSettings s;
  s.lead = config_.reminders.lead;
  s.repeat = config_.reminders.repeat;
  s.time_of_day = config_.reminders.time_of_day;
  return s;
}

std::vector<std::string> ReminderService::sinks() const {
  std::vector<std::string> out{"log"};
  if (!config_.reminders.inbox.empty()) out.push_back("inbox");
  if (!config_.reminders.exec.empty()) out.push_back("exec");
  return out;
}

Status ReminderService::record_part(const Digest& digest, bool logged) {
  // A file name that is not UTF-8 comes out as U+FFFD (JsonText), never as an exception.
  const std::string digest_json = digest_to_json_text(digest);
  auto ids = store_.record_digest(digest.items, digest_json, sinks(), digest.at, logged);
  if (!ids) return ids.error();
  return ok_status();
}

Result<std::optional<Seconds>> ReminderService::wake(Seconds now,
                                                     const std::string& store_file) {
  if (!store_file.empty()) return wake_pipelined(now, store_file);
  auto planned = plan(store_, config_, zone_, settings(), now);
  if (!planned) return planned.error();
  std::vector<ReminderItem>& owed = planned->owed;
  const auto at = [&](std::size_t i) { return owed.begin() + static_cast<std::ptrdiff_t>(i); };
  for (std::size_t first = 0; first < owed.size(); first += kDigestItems) {
    const std::size_t end = std::min(owed.size(), first + kDigestItems);
    const Digest digest{config_.vault.path, now,
                        {std::make_move_iterator(at(first)), std::make_move_iterator(at(end))}};
    // Logged from the digest in hand, then recorded with the log's entry delivered, in one
    // transaction. A crash or a store error between the two logs it again at the next
    // wake: at least once, as the outbox's other sinks.
    log_digest(digest);
    if (auto s = record_part(digest, /*logged=*/true); !s) return s.error();
  }
  owed = {};
  return deliver_pending(now, planned->next_deadline, /*log_now=*/true);
}

Result<std::optional<Seconds>> ReminderService::wake_pipelined(Seconds now,
                                                              const std::string& store_file) {
  PartQueue queue;
  std::atomic<bool> stop{false};
  Result<ReminderPlan> planned = Error{""};
  // Joined on every way out, after the loop below has seen the queue closed.
  std::jthread planner([&, settings = settings()]() mutable {
    try {
      auto reader = NoteStore::open(store_file, NoteStore::Mode::read_only);
      if (reader) {
        const PartSink parts{
            [&](std::vector<ReminderItem> part) { queue.push(std::move(part)); }, &stop};
        planned = plan(*reader, config_, zone_, std::move(settings), now, {}, parts);
      } else {
        planned = reader.error();
      }
    } catch (const std::exception& e) {
      planned = Error{std::string("cannot decide the reminders owed: ") + e.what()};
    }
    queue.close();
  });
  // Each part is logged and recorded here, as in wake(), while the planner reads on.
  Status recorded = ok_status();
  std::vector<ReminderItem> part;
  while (queue.pop(part)) {
    if (!recorded) continue;  // the planner is told to stop; what it sent is dropped
    const Digest digest{config_.vault.path, now, std::move(part)};
    log_digest(digest);
    recorded = record_part(digest, /*logged=*/true);
    if (!recorded) stop = true;
  }
  planner.join();
  if (!recorded) return recorded.error();
  if (!planned) return planned.error();
  return deliver_pending(now, planned->next_deadline, /*log_now=*/true);
}

void ReminderService::wake_in_background(Seconds now, const std::string& store_file,
                                         NoteObserver observe, WakeDone done) {
  asio::post(planner_, [this, now, store_file, observe = std::move(observe),
                        done = std::move(done), config = config_, zone = zone_,
                        settings = settings()]() mutable {
    Result<ReminderPlan> planned = Error{""};
    if (!reader_) {
      auto opened = NoteStore::open(store_file, NoteStore::Mode::read_only);
      if (opened) reader_.emplace(std::move(*opened));
      else planned = opened.error();
    }
    if (reader_) {
      planned = plan(*reader_, config, zone, std::move(settings), now, observe);
      reader_->release_memory();
    }
    asio::post(loop_, [this, now, done = std::move(done), planned = std::move(planned)]() mutable {
      if (stopped_) return;
      if (!planned) return done(planned.error());
      auto recording = std::make_shared<Recording>();
      recording->owed = std::move(planned->owed);
      recording->next_deadline = planned->next_deadline;
      recording->now = now;
      recording->done = std::move(done);
      record_next(recording);
    });
  });
}

void ReminderService::record_next(const std::shared_ptr<Recording>& r) {
  if (stopped_) return;  // what is not recorded yet stays owed, for the next start
  if (r->recorded < r->owed.size()) {
    const std::size_t end = std::min(r->owed.size(), r->recorded + kDigestItems);
    const auto at = [&](std::size_t i) {
      return r->owed.begin() + static_cast<std::ptrdiff_t>(i);
    };
    const Digest digest{
        config_.vault.path, r->now,
        {std::make_move_iterator(at(r->recorded)), std::make_move_iterator(at(end))}};
    r->recorded = end;
    if (auto s = record_part(digest, /*logged=*/false); !s) return r->done(s.error());
    if (r->recorded < r->owed.size()) return queue_step([this, r] { record_next(r); });
  }
  r->owed = {};
  r->done(deliver_pending(r->now, r->next_deadline, /*log_now=*/false));
}

Result<std::optional<Seconds>> ReminderService::deliver_pending(Seconds now,
                                                                std::optional<Seconds> next,
                                                                bool log_now) {
  auto outbox = store_.pending_outbox();
  if (!outbox) return outbox.error();
  for (auto& entry : *outbox) {
    if (entry.next_attempt <= now)
      deliver(std::move(entry), now, log_now);
    else if (!next || entry.next_attempt < *next)
      next = entry.next_attempt;
  }
  return next;
}

void ReminderService::queue_step(std::function<void()> step) {
  steps_.push_back(std::move(step));
  if (steps_.size() == 1) asio::post(loop_, [this] { run_step(); });
}

void ReminderService::run_step() {
  if (steps_.empty()) return;
  auto step = std::move(steps_.front());
  steps_.pop_front();
  // Posted before running: a step that queues another finds the chain still going.
  if (!steps_.empty()) asio::post(loop_, [this] { run_step(); });
  step();
}

void ReminderService::log_digest(const Digest& digest) {
  std::vector<std::string> lines;
  lines.reserve(digest.items.size());
  for (const auto& item : digest.items)
    lines.push_back("reminder: " + item.path + " is " + std::string(to_string(item.kind)) +
                    " (due " + format_day(item.due) +
                    (item.owner.empty() ? "" : ", owner " + item.owner) + ")");
  log_lines(LogLevel::info, lines);
}

void ReminderService::deliver(OutboxEntry entry, Seconds now, bool log_now) {
  if (in_flight_.count(entry.id)) return;
  const std::int64_t id = entry.id;
  const int attempts = entry.attempts;
  if (entry.sink == "log" && log_now) {
    const Digest digest = digest_from_json(nlohmann::json::parse(entry.payload, nullptr, false));
    log_digest(digest);
    delivered(id, digest.items, ok_status(), now, attempts);
    return;
  }
  in_flight_.insert(id);
  if (entry.sink == "log") {
    queue_step([this, id, attempts, now, payload = std::move(entry.payload)] {
      const Digest digest = digest_from_json(nlohmann::json::parse(payload, nullptr, false));
      log_digest(digest);
      in_flight_.erase(id);
      delivered(id, digest.items, ok_status(), now, attempts);
      finished(ok_status());
    });
    return;
  }
  const std::string inbox =
      config_.reminders.inbox.empty() ? "" : vault_path(config_, config_.reminders.inbox);
  const std::string command = config_.reminders.exec;
  const auto timeout = config_.reminders.exec_timeout;
  asio::post(workers_, [=, this, sink = std::move(entry.sink), payload = std::move(entry.payload)] {
    Status result = ok_status();
    Digest digest = digest_from_json(nlohmann::json::parse(payload, nullptr, false));
    if (sink == "inbox") {
      result = inbox.empty() ? Status(Error{"reminders.inbox is no longer set"})
                             : write_inbox(inbox, inbox_digest(digest));
    } else if (sink == "exec") {
      auto status = command.empty() ? Result<int>(Error{"reminders.exec is no longer set"})
                                    : run_exec(command, payload + "\n", timeout);
      if (!status)
        result = status.error();
      else if (*status != 0)
        result = Error{"reminders.exec exited with status " + std::to_string(*status)};
      else
        log_info("reminders.exec delivered a digest of " +
                 std::to_string(digest.items.size()) + " notes (exit status 0)");
    }
    asio::post(loop_, [=, this, items = std::move(digest.items)] {
      in_flight_.erase(id);
      delivered(id, items, result, now, attempts);
      finished(result);
    });
  });
}

const Digest& ReminderService::inbox_digest(const Digest& part) {
  // The digests of one moment make one inbox note: it lists what is owed, not the last part.
  if (part.at != inbox_.at || part.vault != inbox_.vault) {
    inbox_ = Digest{part.vault, part.at, {}};
    inbox_paths_.clear();
  }
  const auto before = static_cast<std::ptrdiff_t>(inbox_.items.size());
  for (const ReminderItem& item : part.items)
    if (inbox_paths_.insert(item.path + '\n' + std::string(to_string(item.kind))).second)
      inbox_.items.push_back(item);
  // Parts come in path order, so this merge usually finds nothing to move.
  std::inplace_merge(inbox_.items.begin(), inbox_.items.begin() + before, inbox_.items.end(),
                     [](const ReminderItem& a, const ReminderItem& b) { return a.path < b.path; });
  return inbox_;
}

void ReminderService::finished(const Status& result) {
  if (on_delivered_ && (!result || idle())) on_delivered_();
}

void ReminderService::delivered(std::int64_t id, const std::vector<ReminderItem>& items,
                                const Status& result, Seconds now, int attempts) {
  if (result) {
    if (auto s = store_.mark_delivered(id, items, now); !s) log_error(s.error().message);
    return;
  }
  const Seconds retry = next_retry(now, attempts);
  log_warning("reminder delivery failed: " + result.error().message + "; retrying at " +
              format_instant(retry));
  if (auto s = store_.mark_failed(id, retry, result.error().message); !s)
    log_error(s.error().message);
}

}  // namespace freshd
