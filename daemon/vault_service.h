// What freshctl's commands do, against one vault's configuration and store. The daemon
// serves it over the control socket; freshctl runs it in-process when no daemon runs.
// Each method returns the reply's result (DESIGN.md's JSON contract) or an error reply.
// Not thread-safe: the owner of the store calls it from one thread.
#pragma once

#include "config/config.h"
#include "daemon/clock.h"
#include "daemon/control_protocol.h"
#include "daemon/report_service.h"
#include "daemon/vault_scanner.h"
#include "model/store/note_store.h"
#include "reports/note_view.h"

#include <date/tz.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace freshd {

struct ListQuery {
  bool stale = false;                 // only stale notes
  bool undated = false;               // only undated notes
  std::optional<Interval> due_within;  // only notes due within this span (stale included)
  std::string owner;                  // only this owner's notes ("" = all)
};

// The part of `status` that needs every note read. The daemon keeps the last one to answer
// `status` while a scan runs, without reading the whole store on its loop.
struct NoteSummary {
  Seconds at{};  // when it was taken
  std::size_t notes = 0;
  std::map<std::string, int> counts;  // by status name, every status present
  int with_problems = 0;
  std::vector<Seconds> snoozed_until;  // of the notes snoozed at `at`
};

// An empty summary at `at`, and one more live note (`view` at summary.at) counted in it.
NoteSummary empty_summary(Seconds at);
void count_in_summary(NoteSummary& summary, const StoredNote& note, const NoteView& view);

class VaultService {
 public:
  // `store` and `clock` are borrowed and must outlive the service.
  VaultService(Config config, const date::time_zone* zone, NoteStore& store, const Clock& clock);

  Reply status();
  // Reads every note (the expensive part of `status`).
  Result<NoteSummary> summarize();
  // `status` from a summary taken earlier; the rest (settings, `now`) is read fresh.
  Reply status_from(const NoteSummary& summary);
  // Without `keep_events` the reply's "events" list is empty: a caller that prints no
  // events (freshd --once) does not hold every event of a first full index in memory.
  Reply recheck(const std::vector<std::string>& paths, const ScanProgress& progress = {},
                bool keep_events = true);
  Reply list(const ListQuery& query);
  Reply show(const std::string& note);
  Reply timeline(const std::optional<std::string>& note, const std::optional<Interval>& since);
  // Records a validation in the store (`on` defaults to today in the vault's zone).
  // With `dry_run`, writes nothing and says, per outcome, what the next due day would be.
  Reply validate(const std::vector<std::string>& notes, std::optional<Days> on,
                 const std::string& outcome, bool dry_run = false);

  // Silences reminders for a note until `until_text`: a duration from now ("2w") or a day
  // ("2026-12-01", from its start in the vault's zone).
  Reply snooze(const std::string& note, const std::string& until_text);
  Reply unsnooze(const std::string& note);
  // The whole vault (vacation): no reminders at all until then.
  Reply snooze_vault(const std::string& until_text);
  Reply unsnooze_vault();

  // Builds the report now. With `to_client`, returns the text of one format (`format`,
  // default the first of report.formats) as {"format", "content"} for freshctl to print or
  // save; otherwise writes the report files into report.dir and records the report.
  Reply report(const std::string& format, bool to_client);

  const Config& config() const { return config_; }
  // Errors (the report schedule or zone is unusable) leave the old configuration.
  Status set_config(Config config, const date::time_zone* zone);
  ReportService& reports() { return reports_; }
  ScanOptions scan_options() const;

  // A vault-relative note path from what a user typed: "ai/x.md", "ai/x" (".md" added when
  // that is the note), "./ai/x.md". Errors for paths outside the vault.
  Result<std::string> normalize_note_path(const std::string& typed) const;

 private:
  Reply find(const std::string& typed, std::optional<StoredNote>& out);
  Result<Seconds> snooze_end(const std::string& until_text) const;
  nlohmann::json dry_run_validation(const StoredNote& note, Days day) const;
  // Writes `last_validated: day` into the note file (validation_writer.h); returns what
  // changed. Refuses when the file changed since it was indexed.
  // Whether `path` opens below the vault without following a symbolic link on the way.
  Status resolves_inside_vault(const std::string& path) const;
  Result<std::string> write_into_note(const StoredNote& note, Days day);

  Config config_;
  const date::time_zone* zone_;
  NoteStore& store_;
  const Clock& clock_;
  ReportService reports_;
  std::string report_error_;  // why reports cannot be built, "" when they can
};

// The reply to `recheck`, from a finished scan (also used by the daemon's async scans).
Reply recheck_reply(const Result<ScanReport>& report);

// The WalkFilter and ReadOptions a configuration implies, freshd's own files excluded.
ScanOptions scan_options_for(const Config& config, const date::time_zone* zone, Seconds now);

}  // namespace freshd
