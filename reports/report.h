// The stale-notes report as a value: every fact the Markdown, HTML and JSON forms show,
// already counted, sorted, capped and formatted as text. Plain data, so the renderers are
// trivial and tests can write one by hand. report_builder.h makes one from the store.
//
// Dates are "YYYY-MM-DD" (days in the vault's zone) and instants "YYYY-MM-DDTHH:MM:SSZ"
// (UTC), as in DESIGN.md's interface contract; "" stands for "none".
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace freshd {

// Notes per status (NoteStatus names). Also used for the change since the last report,
// where the fields are differences and may be negative.
struct StatusCounts {
  int fresh = 0;
  int due = 0;
  int stale = 0;
  int evergreen = 0;
  int undated = 0;

  int total() const { return fresh + due + stale + evergreen + undated; }
  friend bool operator==(const StatusCounts&, const StatusCounts&) = default;
};

// A list cut at ReportConfig::max_items: `items` are the first ones, `total` counts all,
// so a renderer prints "and more() more".
template <class T>
struct Capped {
  std::vector<T> items;
  int total = 0;

  int more() const { return total - static_cast<int>(items.size()); }
};

// The first `max_items` of `all`, each converted by `convert`, and the count of all.
template <class From, class Convert>
auto cap(const std::vector<From>& all, int max_items, Convert convert) {
  Capped<std::decay_t<std::invoke_result_t<Convert, const From&>>> out;
  out.total = static_cast<int>(all.size());
  for (const From& item : all) {
    if (static_cast<int>(out.items.size()) >= max_items) break;
    out.items.push_back(convert(item));
  }
  return out;
}

// One note as the report lists it.
struct ReportNote {
  std::string path;    // vault-relative, '/'-separated
  std::string title;   // its title, else its file name without extension
  std::string owner;   // "" when the note names none
  std::string status;  // "fresh", "due", "stale", "evergreen" or "undated"
  // What its age counts from: "validated", "published" or "first_seen" (undated notes).
  std::string anchor;
  std::string anchor_date;  // a day, or an instant when the note gave a time
  std::string source;       // where the anchor came from: a SourceKind name
  std::string source_key;   // the key as written ("last_validated"), or ""
  int source_line = 0;      // 1-based line in the note, 0 when not from a line
  std::string decay;        // as written or resolved: "fast", "90d", "evergreen"
  int interval_days = 0;    // 0 for evergreen notes
  std::string due;          // day; "" for evergreen notes
  int days_overdue = 0;     // 0 unless stale
  double freshness = 1.0;   // 0..1
  std::string snoozed_until;  // instant; "" when not snoozed
};

// A timeline event of the report's period (a validation, a new or a deleted note).
struct ReportEvent {
  std::string path;
  std::string title;
  std::string at;      // instant
  std::string detail;  // the event's own text: "2026-04-06 (yaml_front_matter last_validated)"
};

struct ReportProblem {
  std::string path;
  int line = 0;  // 0 when about the whole file
  std::string key;
  std::string message;
  std::string hint;  // how to fix it, in a sentence
};

// Notes of one top-level folder or one owner.
struct GroupCount {
  std::string name;  // folder ("(root)" for notes at the vault's root) or owner ("(none)")
  int stale = 0;
  int total = 0;
};

// The vault at the end of one ISO week (the current week: at the report's time).
struct TrendWeek {
  std::string week;  // "2026-W48"
  std::string end;   // instant: Sunday 23:59:59 in the report's zone, or `until`
  int fresh = 0;
  int due = 0;
  int stale = 0;
};

// What happened in (since, until].
struct ReportChanges {
  Capped<ReportNote> newly_stale;  // stale now, not stale at `since`; most overdue first
  Capped<ReportEvent> validated;   // latest validation per note, newest first
  Capped<ReportEvent> added;       // first seen in the period, newest first
  Capped<ReportEvent> deleted;     // deleted in the period, newest first
};

struct Report {
  std::string vault;               // the vault's path as configured
  std::string zone;                // IANA name of the report's zone
  std::string generated_at;        // instant (UTC)
  std::string generated_at_local;  // "2026-11-30T09:00:00+01:00" in `zone`
  std::string week;                // ISO week label: "2026-W48"
  std::string since;               // instant: the previous report, or a week before
  std::string until;               // instant: == generated_at
  StatusCounts counts;             // live notes
  std::optional<StatusCounts> change;  // counts minus the previous report's; none for a first
  ReportChanges changes;
  Capped<ReportNote> stale;     // most overdue first
  Capped<ReportNote> due_soon;  // due in the next 7 days, soonest first
  Capped<ReportNote> undated;   // by path
  Capped<ReportNote> snoozed;   // snoozed past `until`, by snooze end
  Capped<ReportProblem> problems;  // by path, then line
  std::vector<GroupCount> folders;  // most stale first, then by name
  std::vector<GroupCount> owners;   // most stale first, then by name
  std::vector<TrendWeek> trend;     // 12 weeks, oldest first; the last ends at `until`
};

}  // namespace freshd
