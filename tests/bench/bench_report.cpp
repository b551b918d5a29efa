#include "bench_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace freshd::bench {
namespace {

constexpr double kMiB = 1024.0;  // KiB per MiB

std::string printf_string(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string seconds_text(double s) {
  return s < 1.0 ? printf_string("%.0f ms", s * 1000) : printf_string("%.2f s", s);
}

std::string mib_text(long kib) { return printf_string("%.1f MiB", static_cast<double>(kib) / kMiB); }

std::string ratio_text(double r) { return printf_string("%.2f×", r); }

std::string with_commas(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

Row make_row(std::string figure, std::string freshd) {
  Row row;
  row.figure = std::move(figure);
  row.freshd = std::move(freshd);
  return row;
}

// Every wall-time figure is shown against both reference tools.
struct References {
  std::optional<double> rg;
  double find;

  std::string text() const {
    return "rg " + (rg ? seconds_text(*rg) : std::string("n/a")) + ", find " + seconds_text(find);
  }
  std::string ratios(double s) const {
    return (rg ? ratio_text(s / *rg) : std::string("n/a")) + " rg, " + ratio_text(s / find) +
           " find";
  }
};

Row time_row(const References& refs, std::string figure, double s, std::string target,
             std::optional<bool> met) {
  return Row{std::move(figure), seconds_text(s), refs.text(), refs.ratios(s), std::move(target), met};
}

Row memory_row(std::string figure, long kib, long limit_mib) {
  Row row = make_row(std::move(figure), mib_text(kib));
  row.target = "≤ " + std::to_string(limit_mib) + " MiB";
  row.met = static_cast<double>(kib) <= static_cast<double>(limit_mib) * kMiB;
  return row;
}

Row status_row(const DaemonResults& d) {
  Row row = make_row("`status` latency during the daemon's full index", "");
  row.target = "p99 ≤ 50 ms";
  if (d.status_ms.empty()) {
    row.freshd = "no status answered during the scan (" + std::to_string(d.status_failures) + " failed)";
    return row;
  }
  const double p99 = percentile(d.status_ms, 99);
  row.freshd = printf_string("p99 %.1f ms", p99) + printf_string(" (p50 %.1f", percentile(d.status_ms, 50)) +
               printf_string(", max %.1f; ", *std::max_element(d.status_ms.begin(), d.status_ms.end())) +
               std::to_string(d.status_ms.size()) + " requests, " +
               std::to_string(d.status_failures) + " failed)";
  row.met = p99 <= 50.0 && d.status_failures == 0;
  return row;
}

Row idle_cpu_row(const DaemonResults& d) {
  const double per_minute_ms = d.idle_cpu_seconds * 1000.0 * 60.0 / d.idle_window_seconds;
  Row row = make_row("idle daemon CPU (utime+stime)",
                     printf_string("%.0f ms/min", per_minute_ms) +
                         printf_string(" (%.0f ms", d.idle_cpu_seconds * 1000) +
                         printf_string(" in %.0f s, ", d.idle_window_seconds) +
                         printf_string("from %.1f s after the scan)", d.settle_seconds));
  row.target = "< 50 ms/min";
  row.met = per_minute_ms < 50.0;
  return row;
}

std::vector<Row> batch_rows(const BatchResults& b, const References& refs) {
  const double full = b.full_index.median();
  const double unchanged = b.unchanged.median();
  const double limit = unchanged + 0.03 * full;
  std::vector<Row> rows;
  rows.push_back(time_row(refs, "(a) full index: `freshd --once`, empty state", full, "≤ 3× rg",
                          refs.rg ? std::optional<bool>(full <= 3 * *refs.rg) : std::nullopt));
  rows.push_back(time_row(refs, "(b) unchanged rescan: `freshctl recheck`", unchanged,
                          "≤ 1.5× find", unchanged <= 1.5 * refs.find));
  rows.push_back(Row{"(b) unchanged rescan reads no note", "read " + std::to_string(b.unchanged_read),
                     "—", "—", "read 0", b.unchanged_read == 0});
  rows.push_back(Row{"(b) unchanged rescan writes nothing",
                     b.store_writes.empty() ? "store files untouched" : b.store_writes, "—", "—",
                     "index.sqlite* mtime and size unchanged", b.store_writes.empty()});
  rows.push_back(time_row(refs, "(c) rescan, 1 % changed (" + with_commas(b.changed_notes) + " notes rewritten)",
                          b.changed.median(), "≤ unchanged + 3 % of full = " + seconds_text(limit),
                          b.changed.median() <= limit));
  rows.push_back(time_row(refs, "(d) `freshctl --json list --stale`", b.list_stale.median(),
                          "< 0.5 s", b.list_stale.median() < 0.5));
  if (b.report)
    rows.push_back(time_row(refs, "(d) `freshctl report --out -`", b.report->median(), "< 0.5 s",
                            b.report->median() < 0.5));
  else
    rows.push_back(Row{"(d) `freshctl report --out -`", b.report_missing, "—", "—", "< 0.5 s", {}});
  rows.push_back(memory_row("(e) peak RSS of the full index (`--once`, max of runs)",
                            b.full_index.max_rss(), 64));
  return rows;
}

}  // namespace

double Timing::median() const { return bench::median(seconds); }

long Timing::max_rss() const {
  return max_rss_kib.empty() ? 0 : *std::max_element(max_rss_kib.begin(), max_rss_kib.end());
}

double median(std::vector<double> values) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

std::vector<Row> rows_for(const SizeResults& r) {
  const References refs{r.batch.rg ? std::optional<double>(r.batch.rg->median()) : std::nullopt,
                        r.batch.find.median()};
  std::vector<Row> rows = batch_rows(r.batch, refs);
  const DaemonResults& d = r.daemon;
  rows.push_back(memory_row("(e) idle daemon RSS after its own full index", d.idle_rss_kib, 32));
  rows.push_back(memory_row("(e) idle daemon RSS after a restart on the indexed vault",
                            d.restart_idle_rss_kib, 32));
  rows.push_back(idle_cpu_row(d));
  rows.push_back(status_row(d));
  rows.push_back(time_row(refs, "daemon's own first full index (start to scan done)", d.scan_seconds, "—", {}));
  rows.push_back(make_row("daemon peak RSS (VmHWM) after that scan", mib_text(d.scan_peak_kib)));
  const std::string prefix = with_commas(r.notes) + " notes: ";
  for (auto& row : rows) row.figure = prefix + row.figure;
  return rows;
}

Row growth_row(const SizeResults& small, const SizeResults& large) {
  const double factor = large.batch.full_index.median() / small.batch.full_index.median();
  Row row = make_row("full index growth " + with_commas(small.notes) + " → " +
                         with_commas(large.notes) + " notes",
                     ratio_text(factor));
  if (small.batch.rg && large.batch.rg)
    row.reference = "rg " + ratio_text(large.batch.rg->median() / small.batch.rg->median());
  row.target = "≤ 11×";
  row.met = factor <= 11.0;
  return row;
}

std::string render_table(const std::vector<Row>& rows) {
  std::string out = "| figure | freshd | reference | ratio | target | met? |\n"
                    "| --- | --- | --- | --- | --- | --- |\n";
  for (const auto& row : rows)
    out += "| " + row.figure + " | " + row.freshd + " | " + row.reference + " | " + row.ratio +
           " | " + row.target + " | " + (row.met ? (*row.met ? "yes" : "**no**") : "—") + " |\n";
  return out;
}

std::string describe_vault(const SizeResults& r) {
  const VaultStats& v = r.vault;
  return with_commas(v.notes) + " notes + " + with_commas(v.attachments) + " attachments in " +
         with_commas(v.folders) + " folders, " + mib_text(static_cast<long>(v.bytes / 1024)) +
         "; median note " + std::to_string(v.median_note_bytes) + " B, " +
         with_commas(v.large_notes) + " of 50-500 KB, " + with_commas(v.empty_notes) +
         " empty, " + with_commas(v.bad_notes) +
         " bad (broken front matter, bad values, binary, invalid UTF-8)";
}

}  // namespace freshd::bench
