// The report as one self-contained HTML5 page. Pure: a Report in, the page out.
//
// Inline CSS only (light and dark through prefers-color-scheme), an inline SVG chart of
// the trend (trend_chart.h), a CSS bar per note for its freshness, no script and no
// network resource: the only links are relative links to the notes. Every text from a
// note is HTML-escaped. Sections as in the Markdown form; stale notes are table rows of
// class "stale-note".
#pragma once

#include "reports/report.h"

#include <string>

namespace freshd {

struct HtmlOptions {
  // The vault-relative folder the page is written to ("freshd-reports"), so links to the
  // notes are relative to it ("../ai/x.md"). An absolute folder (a report directory
  // outside the vault) links to the notes' absolute paths under Report::vault.
  std::string report_dir;
};

std::string render_html(const Report& report, const HtmlOptions& options);

}  // namespace freshd
