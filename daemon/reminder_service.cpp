#include "daemon/reminder_service.h"

#include "daemon/log.h"
#include "daemon/reminder_sinks.h"
#include "reports/note_view.h"

#include <boost/asio/post.hpp>

#include <algorithm>

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

}  // namespace

ReminderService::ReminderService(asio::io_context& loop, NoteStore& store,
                                 std::function<void()> on_delivered)
    : loop_(loop), store_(store), on_delivered_(std::move(on_delivered)) {}

ReminderService::~ReminderService() { stop(); }

void ReminderService::stop() { workers_.join(); }

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

Result<std::vector<ReminderCandidate>> ReminderService::candidates(Seconds now) {
  auto records = store_.reminder_records();
  if (!records) return records.error();
  const ViewContext ctx{&config_, zone_, now};
  std::vector<ReminderCandidate> out;
  // One note at a time: a candidate is a small part of a note.
  auto visited = store_.for_each_note([&](const StoredNote& note) {
    const NoteView view = make_note_view(note, ctx);
    ReminderCandidate c;
    c.path = note.path;
    c.title = view.title;
    c.owner = view.owner ? view.owner->value : "";
    c.status = view.freshness.status;
    c.due = view.freshness.due;
    c.snoozed_until = note.snoozed_until;
    if (const auto it = records->find(note.path); it != records->end()) c.last = it->second;
    out.push_back(std::move(c));
  });
  if (!visited) return visited.error();
  return out;
}

Result<std::optional<Seconds>> ReminderService::wake(Seconds now) {
  auto notes = candidates(now);
  if (!notes) return notes.error();
  ReminderSettings s = settings();
  auto vacation = store_.meta("vault_snoozed_until");
  if (vacation && *vacation) {
    std::istringstream in(**vacation);
    Seconds until;
    if (in >> date::parse("%FT%TZ", until)) s.vault_snoozed_until = until;
  }
  const ReminderPlan plan = plan_reminders(*notes, s, now, zone_);
  if (!plan.owed.empty()) {
    const Digest digest{config_.vault.path, now, plan.owed};
    // A file name that is not UTF-8 must not make dump() throw (and the daemon abort).
    const std::string digest_json =
        digest_to_json(digest).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (auto r = store_.record_digest(plan.owed, digest_json, sinks(), now); !r)
      return r.error();
  }
  auto outbox = store_.pending_outbox();
  if (!outbox) return outbox.error();
  std::optional<Seconds> next = plan.next_deadline;
  for (const auto& entry : *outbox) {
    if (entry.next_attempt <= now)
      deliver(entry, now);
    else if (!next || entry.next_attempt < *next)
      next = entry.next_attempt;
  }
  return next;
}

void ReminderService::deliver(const OutboxEntry& entry, Seconds now) {
  if (in_flight_.count(entry.id)) return;
  const Digest digest = digest_from_json(nlohmann::json::parse(entry.payload, nullptr, false));
  if (entry.sink == "log") {
    for (const auto& item : digest.items)
      log_info("reminder: " + item.path + " is " + std::string(to_string(item.kind)) + " (due " +
               format_day(item.due) + (item.owner.empty() ? "" : ", owner " + item.owner) + ")");
    delivered(entry.id, ok_status(), now, entry.attempts);
    return;
  }
  in_flight_.insert(entry.id);
  const std::string inbox =
      config_.reminders.inbox.empty() ? "" : vault_path(config_, config_.reminders.inbox);
  const std::string command = config_.reminders.exec;
  const auto timeout = config_.reminders.exec_timeout;
  const std::string sink = entry.sink;
  const std::string payload = entry.payload;
  const int attempts = entry.attempts;
  const std::int64_t id = entry.id;
  asio::post(workers_, [=, this] {
    Status result = ok_status();
    if (sink == "inbox") {
      result = inbox.empty() ? Status(Error{"reminders.inbox is no longer set"})
                             : write_inbox(inbox, digest);
    } else if (sink == "exec") {
      auto status = command.empty() ? Result<int>(Error{"reminders.exec is no longer set"})
                                    : run_exec(command, payload + "\n", timeout);
      if (!status)
        result = status.error();
      else if (*status != 0)
        result = Error{"reminders.exec exited with status " + std::to_string(*status)};
      else
        log_info("reminders.exec delivered a digest of " + std::to_string(digest.items.size()) +
                 " notes (exit status 0)");
    }
    asio::post(loop_, [=, this] {
      in_flight_.erase(id);
      delivered(id, result, now, attempts);
      if (on_delivered_) on_delivered_();
    });
  });
}

void ReminderService::delivered(std::int64_t id, const Status& result, Seconds now, int attempts) {
  if (result) {
    if (auto s = store_.mark_delivered(id, now); !s) log_error(s.error().message);
    return;
  }
  const Seconds retry = next_retry(now, attempts);
  log_warning("reminder delivery failed: " + result.error().message + "; retrying at " +
              format_instant(retry));
  if (auto s = store_.mark_failed(id, retry, result.error().message); !s)
    log_error(s.error().message);
}

}  // namespace freshd
