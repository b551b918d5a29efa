// Building, writing and scheduling the stale-notes report. The content and the renderers
// are pure (reports/); this adds the store queries, the files and the schedule. A
// scheduled report is recorded by its occurrence, so a week is never written twice and a
// run missed while freshd was down is caught up once. Used on the loop thread (the daemon)
// or in-process (freshctl, freshd --once).
#pragma once

#include "config/config.h"
#include "model/calendar_schedule.h"
#include "model/store/note_store.h"

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace freshd {

struct RenderedReport {
  std::string week;                            // "2026-W48"
  std::map<std::string, std::string> by_format;  // "md" | "html" | "json" -> text
  std::string counts_json;                     // for the store's report record
};

class ReportService {
 public:
  explicit ReportService(NoteStore& store) : store_(store) {}

  // Errors: report.schedule or report.timezone cannot be used.
  Status set_config(const Config& config, const date::time_zone* vault_zone);

  // Builds the report as of `now` in `formats` (default: report.formats), filed under the
  // ISO week of `week_day` (default: the local day of `now`).
  Result<RenderedReport> render(Seconds now, const std::vector<std::string>& formats,
                                std::optional<Days> week_day = std::nullopt);

  // Writes the report files now and records the report (with `occurrence` when it is the
  // scheduled one). Returns {"files": [...], "week": ...}.
  Result<nlohmann::json> write(Seconds now, std::optional<Days> occurrence = std::nullopt);

  // Writes the latest scheduled occurrence at or before `now` if it was not written yet
  // and falls after the first time freshd ran (systemd's Persistent=true), and returns the
  // instant of the next occurrence.
  Result<Seconds> wake(Seconds now);

  std::optional<Seconds> next_occurrence_after(Seconds now) const;

 private:
  std::string report_dir() const;

  NoteStore& store_;
  Config config_;
  const date::time_zone* vault_zone_ = nullptr;
  const date::time_zone* report_zone_ = nullptr;
  std::optional<CalendarSchedule> schedule_;
};

}  // namespace freshd
