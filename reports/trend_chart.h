// The 12-week trend as an inline SVG line chart for the HTML report: one polyline per
// series (fresh, due, stale) with one point per week, a dot with a tooltip per point,
// week labels and a y scale. No script, no external resource, no xmlns URL (inline SVG in
// HTML5 needs none). Colours come from the page's CSS classes "fresh", "due", "stale".
#pragma once

#include "reports/report.h"

#include <string>
#include <vector>

namespace freshd {

std::string trend_svg(const std::vector<TrendWeek>& weeks);

}  // namespace freshd
