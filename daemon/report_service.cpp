#include "daemon/report_service.h"

#include "daemon/log.h"
#include "daemon/note_pipeline.h"
#include "daemon/report_writer.h"
#include "reports/report_builder.h"
#include "reports/report_html.h"
#include "reports/report_json.h"
#include "reports/report_markdown.h"

#include <sstream>

namespace freshd {

Status ReportService::set_config(const Config& config, const date::time_zone* vault_zone) {
  auto schedule = parse_calendar_schedule(config.report.schedule);
  if (!schedule) return Error{(config.source_file.empty() ? "" : config.source_file + ": ") +
                              schedule.error().message};
  const date::time_zone* zone = vault_zone;
  if (!config.report.timezone.empty()) {
    // date's tz adapter throws for names missing from the zone database.
    try {
      zone = date::locate_zone(config.report.timezone);
    } catch (const std::exception& e) {
      return Error{"report.timezone '" + config.report.timezone + "': " + e.what()};
    }
  }
  config_ = config;
  vault_zone_ = vault_zone;
  report_zone_ = zone;
  schedule_ = std::move(*schedule);
  return ok_status();
}

std::string ReportService::report_dir() const {
  const std::string& dir = config_.report.dir;
  return !dir.empty() && dir.front() == '/' ? dir : config_.vault.path + "/" + dir;
}

Result<RenderedReport> ReportService::render(Seconds now, const std::vector<std::string>& formats,
                                             std::optional<Days> week_day) {
  ReportInputs inputs;
  inputs.config = &config_;
  inputs.zone = vault_zone_;
  inputs.report_zone = report_zone_;
  inputs.now = now;
  inputs.week = iso_week_label(week_day.value_or(local_day(now, report_zone_)));
  auto last = store_.last_report();
  if (!last) return last.error();
  if (*last) {
    auto counts = status_counts_from_json(nlohmann::json::parse((*last)->counts, nullptr, false));
    if (counts) inputs.previous = PreviousReport{(*last)->generated_at, *counts};
  }
  // One event and one note at a time: the builder keeps what the report shows, not the vault.
  ReportBuilder builder(inputs);
  auto events = for_each_event_on_worker(store_, report_since(inputs), ReportBuilder::event_kinds(),
                                         [&](const TimelineEvent& e) { builder.add_event(e); });
  if (!events) return events.error();
  auto notes = for_each_note_on_worker(
      store_, [&](const StoredNote& note) { builder.add_note(note); }, /*include_deleted=*/true);
  if (!notes) return notes.error();
  const Report report = builder.take();
  RenderedReport out;
  out.week = inputs.week;
  out.counts_json = status_counts_to_json(report.counts).dump();
  for (const auto& format : formats.empty() ? config_.report.formats : formats) {
    if (format == "md") out.by_format["md"] = render_markdown(report);
    else if (format == "html") out.by_format["html"] = render_html(report, HtmlOptions{config_.report.dir});
    else if (format == "json") out.by_format["json"] = render_json(report);
    else return Error{"unknown report format '" + format + "' (md, html, json)"};
  }
  return out;
}

Result<nlohmann::json> ReportService::write(Seconds now, std::optional<Days> occurrence) {
  auto rendered = render(now, {}, occurrence);
  if (!rendered) return rendered.error();
  auto files = write_report_files(report_dir(), rendered->week, rendered->by_format,
                                  config_.report.keep);
  if (!files) return files.error();
  if (auto s = store_.record_report({occurrence, now, rendered->counts_json}); !s)
    return s.error();
  return nlohmann::json{{"week", rendered->week}, {"files", *files}};
}

std::optional<Seconds> ReportService::next_occurrence_after(Seconds now) const {
  if (!schedule_) return std::nullopt;
  return next_occurrence(*schedule_, now, report_zone_).instant;
}

Result<Seconds> ReportService::wake(Seconds now) {
  if (!schedule_) return Error{"no report schedule configured"};
  // Like a systemd timer with Persistent=true: occurrences missed while freshd was down are
  // caught up (once), but those from before freshd first ran are not.
  auto baseline_text = store_.meta("report_baseline");
  if (!baseline_text) return baseline_text.error();
  Seconds baseline = now;
  if (*baseline_text) {
    std::istringstream in(**baseline_text);
    in >> date::parse("%FT%TZ", baseline);
  } else if (auto s = store_.set_meta("report_baseline", format_instant(now)); !s) {
    return s.error();
  }
  const auto due = previous_occurrence(*schedule_, now, report_zone_);
  if (due && due->instant > baseline) {
    auto written = store_.report_written(due->local_day);
    if (!written) return written.error();
    if (!*written) {
      auto result = write(now, due->local_day);
      if (!result) return result.error();
      log_info("report for " + (*result)["week"].get<std::string>() + " written (scheduled " +
               format_instant(due->instant) + ")");
    }
  }
  return next_occurrence(*schedule_, now, report_zone_).instant;
}

}  // namespace freshd
