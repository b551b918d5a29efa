#include "daemon/vault_service.h"

#include "daemon/atomic_file.h"
#include "daemon/note_pipeline.h"
#include "daemon/note_reader.h"
#include "daemon/vault_walker.h"
#include "model/content_hash.h"
#include "model/store/json_text.h"
#include "model/store/metadata_codec.h"
#include "model/validation_writer.h"
#include "reports/note_view.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <sstream>
#include <thread>

namespace freshd {
namespace {

nlohmann::json event_to_json(const TimelineEvent& e) {
  return {{"id", e.id},
          {"path", e.path},
          {"kind", to_string(e.kind)},
          {"at", format_instant(e.at)},
          {"detail", e.detail}};
}

nlohmann::json events_to_json(const std::vector<TimelineEvent>& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : events) out.push_back(event_to_json(e));
  return out;
}

bool wanted(const NoteView& view, const ListQuery& q, Days today) {
  const Freshness& f = view.freshness;
  if (q.stale && f.status != NoteStatus::stale) return false;
  if (q.undated && f.status != NoteStatus::undated) return false;
  if (q.due_within && (!f.due || f.status == NoteStatus::undated ||
                       *f.due > add_interval(today, *q.due_within)))
    return false;
  if (!q.owner.empty()) {
    if (!view.owner || view.owner->value != q.owner) return false;
  }
  return true;
}

// Vault-relative path of freshd's own files, or "" when they live outside the vault.
std::string vault_relative(const std::string& vault, const std::string& path) {
  if (path.empty()) return "";
  if (path.front() != '/') return path;
  const std::string prefix = vault + "/";
  return path.rfind(prefix, 0) == 0 ? path.substr(prefix.size()) : "";
}

}  // namespace

ScanOptions scan_options_for(const Config& config, const date::time_zone* zone, Seconds now) {
  ScanOptions options;
  options.root = config.vault.path;
  options.filter.include = config.vault.include;
  options.filter.exclude = config.vault.exclude;
  if (auto dir = vault_relative(config.vault.path, config.report.dir); !dir.empty())
    options.filter.own_paths.push_back(dir.back() == '/' ? dir : dir + "/");
  if (auto inbox = vault_relative(config.vault.path, config.reminders.inbox); !inbox.empty())
    options.filter.own_paths.push_back(inbox);
  options.read.max_file_bytes = config.vault.max_file_bytes;
  options.read.extract.keys = config.vault.keys;
  options.read.extract.dates.zone = zone;
  options.read.extract.dates.numeric_order = config.vault.numeric_order;
  options.read.extract.now = now;
  options.read.extract.plain_field_lines = config.vault.header_lines;
  options.read.extract.text_date_lines = config.vault.header_lines;
  options.threads = std::max(2u, std::thread::hardware_concurrency());
  return options;
}

VaultService::VaultService(Config config, const date::time_zone* zone, NoteStore& store,
                           const Clock& clock)
    : config_(std::move(config)), zone_(zone), store_(store), clock_(clock), reports_(store) {
  // The configuration was checked by its parser; a schedule it accepted parses here too.
  if (auto s = reports_.set_config(config_, zone_); !s) report_error_ = s.error().message;
}

Status VaultService::set_config(Config config, const date::time_zone* zone) {
  if (auto s = reports_.set_config(config, zone); !s) return s;
  config_ = std::move(config);
  zone_ = zone;
  report_error_.clear();
  return ok_status();
}

Reply VaultService::report(const std::string& format, bool to_client) {
  if (!report_error_.empty()) return Reply::failure(ErrorCode::failed, report_error_);
  const Seconds now = clock_.now();
  if (!to_client) {
    auto written = reports_.write(now);
    if (!written) return Reply::failure(ErrorCode::failed, written.error().message);
    return Reply::success(*written);
  }
  const std::string chosen =
      !format.empty() ? format : (config_.report.formats.empty() ? "md" : config_.report.formats[0]);
  auto rendered = reports_.render(now, {chosen});
  if (!rendered) return Reply::failure(ErrorCode::bad_request, rendered.error().message);
  return Reply::success({{"format", chosen},
                         {"week", rendered->week},
                         {"content", rendered->by_format.at(chosen)}});
}

ScanOptions VaultService::scan_options() const {
  return scan_options_for(config_, zone_, clock_.now());
}

Result<std::string> VaultService::normalize_note_path(const std::string& typed) const {
  std::string path = typed;
  if (!path.empty() && path.front() == '/') {
    const std::string prefix = config_.vault.path + "/";
    if (path.rfind(prefix, 0) != 0)
      return Error{typed + " is outside the vault " + config_.vault.path};
    path = path.substr(prefix.size());
  }
  while (path.rfind("./", 0) == 0) path = path.substr(2);
  if (path.empty() || path == ".." || path.rfind("../", 0) == 0 ||
      path.find("/../") != std::string::npos ||
      (path.size() >= 3 && path.compare(path.size() - 3, 3, "/..") == 0))
    return Error{"'" + typed + "' is not a note path inside the vault"};
  return path;
}

Reply VaultService::find(const std::string& typed, std::optional<StoredNote>& out) {
  auto path = normalize_note_path(typed);
  if (!path) return Reply::failure(ErrorCode::bad_request, path.error().message);
  for (const std::string& candidate : {*path, *path + ".md"}) {
    auto note = store_.find_note(candidate);
    if (!note) return Reply::failure(ErrorCode::failed, note.error().message);
    if (*note && !(*note)->deleted_at) {
      out = std::move(*note);
      return Reply::success({});
    }
  }
  return Reply::failure(ErrorCode::not_found,
                        typed + " is not a note freshd knows in " + config_.vault.path +
                            " (check the path, or run `freshctl recheck` if it is new)");
}

NoteSummary empty_summary(Seconds at) {
  NoteSummary summary;
  summary.at = at;
  summary.counts = {{"fresh", 0}, {"due", 0}, {"stale", 0}, {"evergreen", 0}, {"undated", 0}};
  return summary;
}

void count_in_summary(NoteSummary& summary, const StoredNote& note, const NoteView& view) {
  ++summary.notes;
  ++summary.counts[std::string(to_string(view.freshness.status))];
  if (!view.problems.empty()) ++summary.with_problems;
  if (note.snoozed_until && *note.snoozed_until > summary.at)
    summary.snoozed_until.push_back(*note.snoozed_until);
}

Result<NoteSummary> VaultService::summarize() {
  const ViewContext ctx{&config_, zone_, clock_.now()};
  NoteSummary summary = empty_summary(ctx.now);
  auto visited = for_each_note_on_worker(store_, [&](const StoredNote& note) {
    count_in_summary(summary, note, make_note_view(note, ctx));
  });
  if (!visited) return visited.error();
  return summary;
}

Reply VaultService::status() {
  auto summary = summarize();
  if (!summary) return Reply::failure(ErrorCode::failed, summary.error().message);
  return status_from(*summary);
}

Reply VaultService::status_from(const NoteSummary& summary) {
  const Seconds now = clock_.now();
  auto last_scan = store_.last_scan();
  nlohmann::json result{{"vault", config_.vault.path},
                        {"now", format_instant(now)},
                        {"notes", summary.notes},
                        {"counts", summary.counts},
                        {"notes_with_problems", summary.with_problems},
                        {"last_scan", nullptr},
                        {"next_reminder", nullptr},
                        {"next_report", nullptr}};
  if (last_scan && *last_scan) result["last_scan"] = **last_scan;
  result["snoozed_notes"] =
      std::count_if(summary.snoozed_until.begin(), summary.snoozed_until.end(),
                    [&](Seconds until) { return until > now; });
  result["vault_snoozed_until"] = nullptr;
  if (auto vacation = store_.meta("vault_snoozed_until");
      vacation && *vacation && !(*vacation)->empty() && **vacation > format_instant(now))
    result["vault_snoozed_until"] = **vacation;
  for (const char* key : {"next_reminder", "next_report"}) {
    auto value = store_.meta(key);
    if (value && *value && !(*value)->empty()) result[key] = **value;
  }
  return Reply::success(std::move(result));
}

Reply VaultService::recheck(const std::vector<std::string>& typed_paths,
                            const ScanProgress& progress, bool keep_events) {
  std::vector<std::string> paths;
  for (const auto& typed : typed_paths) {
    auto path = normalize_note_path(typed);
    if (!path) return Reply::failure(ErrorCode::bad_request, path.error().message);
    paths.push_back(*path);
  }
  const Seconds now = clock_.now();
  ScanOptions options = scan_options();
  options.keep_events = keep_events;
  auto report = scan_vault(store_, options, now, paths, progress);
  if (report)
    if (auto s = store_.set_last_scan(format_instant(now)); !s)
      return Reply::failure(ErrorCode::failed, s.error().message);
  return recheck_reply(report);
}

Reply recheck_reply(const Result<ScanReport>& report) {
  if (!report) return Reply::failure(ErrorCode::failed, report.error().message);
  const ScanChanges& c = report->changes;
  nlohmann::json walk_problems = nlohmann::json::array();
  for (const auto& p : report->walk_problems)
    walk_problems.push_back({{"path", p.path}, {"message", p.message}});
  return Reply::success({{"files", report->files},
                         {"read", report->read},
                         {"unchanged", report->unchanged},
                         {"added", c.added},
                         {"changed", c.changed},
                         {"touched", c.touched},
                         {"renamed", c.renamed},
                         {"deleted", c.deleted},
                         {"restored", c.restored},
                         {"problems", report->problems},
                         {"walk_problems", walk_problems},
                         {"events", events_to_json(c.events)}});
}

Reply VaultService::list(const ListQuery& query) {
  const ViewContext ctx{&config_, zone_, clock_.now()};
  const Days today = local_day(ctx.now, zone_);
  // Notes are visited one at a time and only the wanted ones kept, as JSON text in one
  // buffer: a whole vault is listed without building a tree of it or allocating per note.
  struct Listed {
    UrgencyKey key;
    std::size_t offset = 0;  // of the note's object in `notes`
    std::size_t size = 0;
  };
  std::vector<Listed> listed;
  JsonText notes;
  auto visited = for_each_note_on_worker(store_, [&](const StoredNote& note) {
    const NoteView view = make_note_view(note, ctx);
    if (!wanted(view, query, today)) return;
    const std::size_t offset = notes.text().size();
    write_note_view(notes, view);
    listed.push_back({urgency_key(view), offset, notes.text().size() - offset});
  });
  if (!visited) return Reply::failure(ErrorCode::failed, visited.error().message);
  if (query.stale || query.due_within)
    std::stable_sort(listed.begin(), listed.end(),
                     [](const auto& a, const auto& b) { return more_urgent(a.key, b.key); });
  const std::string written = notes.take();
  JsonText out;
  out.reserve(written.size() + listed.size() + config_.vault.path.size() + 64);
  out.open('{');
  out.key("notes");
  out.open('[');
  for (const Listed& note : listed) {
    out.separate();
    out.raw(std::string_view(written).substr(note.offset, note.size));
  }
  out.close(']');
  out.key("now");
  out.string(format_instant(ctx.now));
  out.key("vault");
  out.string(config_.vault.path);
  out.close('}');
  return Reply::success_text(out.take());
}

Reply VaultService::show(const std::string& typed) {
  std::optional<StoredNote> note;
  if (Reply r = find(typed, note); !r.ok) return r;
  const ViewContext ctx{&config_, zone_, clock_.now()};
  return Reply::success({{"note", note_view_to_json(make_note_view(*note, ctx), true)}});
}

Reply VaultService::timeline(const std::optional<std::string>& typed,
                             const std::optional<Interval>& since) {
  const Seconds now = clock_.now();
  Seconds from{};
  if (since) {
    const Days start = subtract_interval(local_day(now, zone_), *since);
    from = date::make_zoned(zone_, date::local_days{start.time_since_epoch()},
                            date::choose::earliest)
               .get_sys_time();
  }
  // A deleted note keeps its history: its timeline is still shown.
  std::optional<std::string> path;
  if (typed) {
    std::optional<StoredNote> note;
    if (Reply r = find(*typed, note); r.ok) {
      path = note->path;
    } else if (r.code != ErrorCode::not_found) {
      return r;
    } else {
      auto normalized = normalize_note_path(*typed);
      auto deleted = normalized ? store_.find_note(*normalized) : Result<std::optional<StoredNote>>(std::nullopt);
      if (!deleted || !*deleted) return r;
      path = (*deleted)->path;
    }
  }
  auto events = store_.timeline(path ? std::optional<std::string_view>(*path) : std::nullopt, from);
  if (!events) return Reply::failure(ErrorCode::failed, events.error().message);
  return Reply::success({{"events", events_to_json(*events)}});
}

nlohmann::json VaultService::dry_run_validation(const StoredNote& note, Days day) const {
  const ViewContext ctx{&config_, zone_, clock_.now()};
  const NoteView view = make_note_view(note, ctx);
  nlohmann::json next = nlohmann::json::object();
  for (const std::string outcome : {"unchanged", "updated", ""}) {
    std::vector<std::string> outcomes = note.validation_outcomes;
    outcomes.push_back(outcome);
    const AdaptedInterval adapted = adapt_interval(view.decay, outcomes, config_.adaptive);
    next[outcome.empty() ? "no_outcome" : outcome] = {
        {"due", adapted.interval.never ? nlohmann::json(nullptr)
                                       : nlohmann::json(format_day(add_interval(day, adapted.interval)))},
        {"explain", adapted.explain}};
  }
  return {{"path", note.path},
          {"on", format_day(day)},
          {"due_now", view.freshness.due ? nlohmann::json(format_day(*view.freshness.due))
                                         : nlohmann::json(nullptr)},
          {"next", next}};
}

Status VaultService::resolves_inside_vault(const std::string& path) const {
  const int root = ::open(config_.vault.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root < 0)
    return Error{"cannot open the vault " + config_.vault.path + ": " + std::strerror(errno)};
  const int fd = open_in_vault(root, path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
  const int open_errno = errno;
  ::close(root);
  if (fd >= 0) {
    ::close(fd);
    return ok_status();
  }
  if (open_errno == ELOOP)
    return Error{path + ": a symbolic link stands on its path now; nothing was written — "
                 "run `freshctl recheck`"};
  return Error{path + ": cannot open: " + std::strerror(open_errno)};
}

Result<std::string> VaultService::write_into_note(const StoredNote& note, Days day) {
  const std::string file = config_.vault.path + "/" + note.path;
  // The write goes through the note's folders by name: refuse when one of them has become
  // a symbolic link since the scan (it could point out of the vault).
  if (auto inside = resolves_inside_vault(note.path); !inside) return inside.error();
  auto bytes = read_file(file);
  if (!bytes) return bytes.error();
  if (!*bytes) return Error{note.path + " is gone; run `freshctl recheck` to record it"};
  // Refuse when the note changed since freshd read it: the write would be based on a text
  // the user has not seen freshd read.
  if (content_hash(**bytes) != note.hash)
    return Error{note.path + " changed since freshd last read it; nothing was written — run "
                 "`freshctl recheck " + note.path + "` and validate again"};
  const ScanOptions options = scan_options();
  auto write = write_validation(note.path, **bytes, day, options.read.extract);
  if (!write) return Error{note.path + ": " + write.error().message};
  if (write->text == **bytes) return std::string("already says so");
  if (auto s = write_file_atomically(file, write->text); !s) return s.error();
  auto observed = read_note(config_.vault.path, note.path, options.read);
  if (observed)
    if (auto s = store_.record_own_write(*observed); !s) return s.error();
  return write->description;
}

Reply VaultService::validate(const std::vector<std::string>& typed_notes, std::optional<Days> on,
                             const std::string& outcome, bool dry_run) {
  const Seconds now = clock_.now();
  const Days day = on.value_or(local_day(now, zone_));
  if (day > local_day(now, zone_))
    return Reply::failure(ErrorCode::bad_request,
                          "--on " + format_day(day) + " is in the future; a validation is "
                          "something that happened");
  nlohmann::json validated = nlohmann::json::array();
  for (const auto& typed : typed_notes) {
    std::optional<StoredNote> note;
    if (Reply r = find(typed, note); !r.ok) return r;
    if (dry_run) {
      validated.push_back(dry_run_validation(*note, day));
      continue;
    }
    nlohmann::json written = nullptr;
    if (config_.validate.write_note) {
      auto write = write_into_note(*note, day);
      if (!write) return Reply::failure(ErrorCode::failed, write.error().message);
      written = *write;
    }
    if (auto s = store_.record_validation(note->path, day, outcome, now); !s)
      return Reply::failure(ErrorCode::failed, s.error().message);
    validated.push_back(
        {{"path", note->path}, {"on", format_day(day)}, {"outcome", outcome}, {"written", written}});
  }
  if (dry_run) return Reply::success({{"dry_run", validated}});
  return Reply::success({{"validated", validated}});
}

}  // namespace freshd

namespace freshd {

Result<Seconds> VaultService::snooze_end(const std::string& until_text) const {
  const Seconds now = clock_.now();
  Seconds until{};
  std::istringstream day_text(until_text);
  Days day;
  if (day_text >> date::parse("%F", day); !day_text.fail() && day_text.peek() == EOF) {
    until = date::make_zoned(zone_, date::local_days{day.time_since_epoch()}, date::choose::earliest)
                .get_sys_time();
  } else {
    auto span = parse_interval(until_text);
    if (!span || span->never)
      return Error{"snooze: '" + until_text + "' is neither a span (2w, 10d, 1m) nor a day "
                   "(2026-12-01)"};
    // Calendar arithmetic on the local day keeps the time of day across DST changes.
    const auto local = zone_->to_local(now);
    const auto local_day_start = date::floor<date::days>(local);
    const Days target = add_interval(Days{local_day_start.time_since_epoch()}, *span);
    until = date::make_zoned(zone_, date::local_seconds{target.time_since_epoch() +
                                                        (local - local_day_start)},
                             date::choose::earliest)
                .get_sys_time();
  }
  if (until <= now) return Error{"snooze: " + format_instant(until) + " is not in the future"};
  return until;
}

Reply VaultService::snooze(const std::string& typed, const std::string& until_text) {
  std::optional<StoredNote> note;
  if (Reply r = find(typed, note); !r.ok) return r;
  auto until = snooze_end(until_text);
  if (!until) return Reply::failure(ErrorCode::bad_request, until.error().message);
  if (auto s = store_.snooze(note->path, *until, clock_.now()); !s)
    return Reply::failure(ErrorCode::failed, s.error().message);
  return Reply::success({{"path", note->path}, {"snoozed_until", format_instant(*until)}});
}

Reply VaultService::unsnooze(const std::string& typed) {
  std::optional<StoredNote> note;
  if (Reply r = find(typed, note); !r.ok) return r;
  if (auto s = store_.snooze(note->path, std::nullopt, clock_.now()); !s)
    return Reply::failure(ErrorCode::failed, s.error().message);
  return Reply::success({{"path", note->path}, {"snoozed_until", nullptr}});
}

Reply VaultService::snooze_vault(const std::string& until_text) {
  auto until = snooze_end(until_text);
  if (!until) return Reply::failure(ErrorCode::bad_request, until.error().message);
  if (auto s = store_.set_meta("vault_snoozed_until", format_instant(*until)); !s)
    return Reply::failure(ErrorCode::failed, s.error().message);
  return Reply::success({{"path", nullptr}, {"snoozed_until", format_instant(*until)}});
}

Reply VaultService::unsnooze_vault() {
  if (auto s = store_.set_meta("vault_snoozed_until", ""); !s)
    return Reply::failure(ErrorCode::failed, s.error().message);
  return Reply::success({{"path", nullptr}, {"snoozed_until", nullptr}});
}

}  // namespace freshd
