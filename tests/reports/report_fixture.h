// A small vault at a fixed moment, covering every section of the stale-notes report, and
// the golden-file check the renderers' tests share.
#pragma once

#include "reports/report_builder.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace freshd::test {

inline const date::time_zone* berlin() { return date::locate_zone("Europe/Berlin"); }

inline Days day(int y, unsigned m, unsigned d) { return Days{date::year{y} / m / d}; }

inline Seconds utc(int y, unsigned m, unsigned d, int hour = 0, int minute = 0) {
  return Seconds{day(y, m, d)} + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

// A day-precision fact as the extractor makes it: its instant is the day's start in Berlin.
inline DatedFact day_fact(Days d, SourceKind kind, std::string key, int line) {
  const Seconds start = berlin()->to_sys(date::local_seconds{d.time_since_epoch()});
  return {{DatePrecision::day, d, start}, {kind, std::move(key), line, format_day(d)}};
}

inline TextFact text_fact(std::string value, std::string key, int line) {
  return {value, {SourceKind::yaml_front_matter, std::move(key), line, value}};
}

inline StoredNote stored(std::string path, Seconds first_seen) {
  StoredNote note;
  note.path = std::move(path);
  note.first_seen = first_seen;
  return note;
}

// Monday 2026-11-23, 09:00 in Berlin; the previous report ran a week earlier.
inline const Seconds kNow = utc(2026, 11, 23, 8);
inline const Seconds kPreviousReport = utc(2026, 11, 16, 8);

inline Config fixture_config() {
  Config config;
  config.vault.path = "/home/ana/notes";
  config.vault.timezone = "Europe/Berlin";
  config.decay.rules.push_back({"ai/news/**", "", "14d"});
  config.report.max_items = 3;
  return config;
}

inline ReportInputs fixture_inputs(const Config& config) {
  ReportInputs in;
  in.config = &config;
  in.zone = berlin();
  in.now = kNow;
  in.week = "2026-W48";
  in.previous = PreviousReport{kPreviousReport, StatusCounts{4, 2, 3, 1, 1}};
  return in;
}

inline std::vector<StoredNote> fixture_notes() {
  std::vector<StoredNote> notes;
  const Seconds early = utc(2026, 1, 10, 9);
  {  // stale 222 days, owned by bo
    StoredNote n = stored("projects/budget.md", early);
    n.metadata.title = text_fact("Budget 2026", "title", 2);
    n.metadata.published = day_fact(day(2026, 1, 15), SourceKind::yaml_front_matter, "date", 3);
    n.metadata.owner = text_fact("bo", "owner", 4);
    notes.push_back(n);
  }
  {  // stale 116 days: `freshctl validate` beats the older inline field
    StoredNote n = stored("projects/roadmap.md", early);
    n.metadata.validated = day_fact(day(2026, 3, 1), SourceKind::inline_field, "reviewed", 8);
    n.metadata.owner = text_fact("bo", "owner", 2);
    n.recorded_validation = RecordedValidation{day(2026, 5, 1), "unchanged", utc(2026, 5, 1, 12)};
    notes.push_back(n);
  }
  {  // stale 53 days, fast decay
    StoredNote n = stored("ai/scaling-laws.md", early);
    n.metadata.title = text_fact("Scaling laws, revisited", "title", 2);
    n.metadata.validated =
        day_fact(day(2026, 9, 1), SourceKind::yaml_front_matter, "last_validated", 4);
    n.metadata.decay = text_fact("fast", "decay_rate", 5);
    n.metadata.owner = text_fact("ana", "owner", 6);
    notes.push_back(n);
  }
  {  // dated by its file name, 14d by a config rule: due at `since`, stale 7 days now
    StoredNote n = stored("ai/news/2026-11-02-digest.md", utc(2026, 11, 2, 6));
    n.metadata.published = day_fact(day(2026, 11, 2), SourceKind::file_name, "", 0);
    notes.push_back(n);
  }
  {  // due at `since`, stale 3 days now; its title needs escaping
    StoredNote n = stored("ai/agents.md", utc(2026, 10, 20, 9));
    n.metadata.title = text_fact("Agents | a survey [draft] #ai", "title", 2);
    n.metadata.published = day_fact(day(2026, 10, 20), SourceKind::yaml_front_matter, "date", 3);
    n.metadata.decay = text_fact("fast", "decay_rate", 4);
    n.metadata.owner = text_fact("ana", "owner", 5);
    notes.push_back(n);
  }
  {  // due in 7 days, snoozed until Saturday
    StoredNote n = stored("ops/backup.md", early);
    n.metadata.title = text_fact("Backups", "title", 2);
    n.metadata.validated =
        day_fact(day(2026, 9, 1), SourceKind::yaml_front_matter, "last_validated", 3);
    n.metadata.owner = text_fact("ana", "owner", 4);
    n.snoozed_until = utc(2026, 11, 28, 8);
    notes.push_back(n);
  }
  {  // validated in the period; a bad date and an unknown decay class
    StoredNote n = stored("ops/dns.md", early);
    n.metadata.validated =
        day_fact(day(2026, 11, 20), SourceKind::yaml_front_matter, "last_validated", 2);
    n.metadata.decay = text_fact("sloww", "decay_rate", 4);
    n.metadata.problems.push_back(
        {3, "date", "date '31/31/2026' is not a date: month 31 does not exist"});
    notes.push_back(n);
  }
  {  // evergreen
    StoredNote n = stored("math/cantor.md", early);
    n.metadata.title = text_fact("Cantor's diagonal argument", "title", 2);
    n.metadata.published = day_fact(day(2020, 1, 1), SourceKind::yaml_front_matter, "date", 3);
    n.metadata.decay = text_fact("evergreen", "decay_rate", 4);
    notes.push_back(n);
  }
  {  // new in the period, fresh, dated by its file name
    StoredNote n = stored("journal/2026-11-18.md", utc(2026, 11, 18, 7));
    n.metadata.published = day_fact(day(2026, 11, 18), SourceKind::file_name, "", 0);
    notes.push_back(n);
  }
  {  // new in the period, undated
    StoredNote n = stored("inbox/clipped-page.md", utc(2026, 11, 20, 10));
    n.metadata.title = text_fact("Clipped page", "title", 2);
    notes.push_back(n);
  }
  {  // undated for long, with broken front matter, at the vault's root
    StoredNote n = stored("broken.md", utc(2026, 1, 5, 9));
    n.metadata.problems.push_back(
        {1, "", "broken YAML front matter: illegal map value; fix the front matter"});
    notes.push_back(n);
  }
  {  // deleted in the period
    StoredNote n = stored("ai/old-gpt.md", early);
    n.metadata.title = text_fact("GPT-2 notes", "title", 2);
    n.metadata.published = day_fact(day(2025, 1, 1), SourceKind::yaml_front_matter, "date", 3);
    n.deleted_at = utc(2026, 11, 18, 12);
    notes.push_back(n);
  }
  return notes;
}

inline TimelineEvent event(std::string path, EventKind kind, Seconds at, std::string detail = "") {
  static std::int64_t next_id = 1000;
  return {++next_id, std::move(path), kind, at, std::move(detail)};
}

inline std::vector<TimelineEvent> fixture_events() {
  return {
      // At `since` exactly: before the period.
      event("ai/scaling-laws.md", EventKind::validated, kPreviousReport,
            "2026-09-01 (yaml_front_matter last_validated)"),
      event("journal/2026-11-18.md", EventKind::first_seen, utc(2026, 11, 18, 7)),
      event("journal/2026-11-18.md", EventKind::published, utc(2026, 11, 18, 7),
            "2026-11-18 (file_name)"),
      event("ai/old-gpt.md", EventKind::deleted, utc(2026, 11, 18, 12)),
      event("ops/dns.md", EventKind::validated, utc(2026, 11, 20, 9),
            "2026-11-20 (yaml_front_matter last_validated)"),
      event("inbox/clipped-page.md", EventKind::first_seen, utc(2026, 11, 20, 10)),
      event("ops/backup.md", EventKind::snoozed, utc(2026, 11, 21, 8), "until 2026-11-28T08:00:00Z"),
  };
}

inline Report fixture_report() {
  static const Config config = fixture_config();
  static const std::vector<StoredNote> notes = fixture_notes();
  return build_report(notes, fixture_events(), fixture_inputs(config));
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Compares `actual` with tests/reports/golden/`name`; FRESHD_UPDATE_GOLDEN=1 rewrites the
// file instead (then read the diff: the golden files are the report's specification).
inline void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(FRESHD_SOURCE_DIR) + "/tests/reports/golden/" + name;
  const char* update = std::getenv("FRESHD_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("rewrote " << path);
    return;
  }
  const std::string expected = read_text(path);
  REQUIRE_MESSAGE(!expected.empty(), "missing golden file " << path);
  std::istringstream want(expected), got(actual);
  std::string want_line, got_line;
  for (int line = 1; std::getline(want, want_line); ++line) {
    const bool more = static_cast<bool>(std::getline(got, got_line));
    INFO(name << ":" << line);
    REQUIRE(more);
    CHECK(got_line == want_line);
  }
  CHECK(actual == expected);
}

}  // namespace freshd::test
