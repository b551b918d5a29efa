// The HTML report's style sheet, inlined in its <head>.
#pragma once

#include <string_view>

namespace freshd {

// Readable tables, light and dark colours (prefers-color-scheme), the trend chart's series
// colours (classes fresh, due, stale) and the freshness bars (class bar).
extern const std::string_view kReportCss;

}  // namespace freshd
