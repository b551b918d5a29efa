#include "reports/report_html_style.h"

namespace freshd {

const std::string_view kReportCss = R"css(
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e;
  --line: #d1d9e0; --row: #f6f8fa; --bar: #e3e8ee; --link: #0969da;
  --fresh: #1a7f37; --due: #9a6700; --stale: #cf222e; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --row: #151b23;
    --bar: #262c36; --link: #4493f8; --fresh: #3fb950; --due: #d29922; --stale: #f85149; }
}
body { margin: 0 auto; max-width: 75rem; padding: 1rem 1.5rem 3rem; background: var(--bg);
  color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin-bottom: .25rem; }
a { color: var(--link); }
code { font: .875em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted, .more, .none { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; }
th { font-weight: 600; }
tbody tr:nth-child(even) { background: var(--row); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; width: 5rem; height: .6rem; margin-right: .4rem;
  border-radius: .3rem; background: var(--bar); overflow: hidden; vertical-align: middle; }
.bar span { display: block; height: 100%; background: var(--fresh); }
.bar.due span { background: var(--due); } .bar.stale span { background: var(--stale); }
.status-stale { color: var(--stale); } .status-due { color: var(--due); }
.status-fresh { color: var(--fresh); }
svg.chart { display: block; width: 100%; max-width: 48rem; height: auto; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg text { fill: var(--muted); font-size: 11px; }
svg .series { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
svg .series.fresh { stroke: var(--fresh); } svg circle.fresh { fill: var(--fresh); }
svg .series.due { stroke: var(--due); } svg circle.due { fill: var(--due); }
svg .series.stale { stroke: var(--stale); } svg circle.stale { fill: var(--stale); }
.legend span { margin-right: 1rem; }
.legend span::before { content: ""; display: inline-block; width: .8em; height: .8em;
  margin-right: .3em; border-radius: .2em; background: currentColor; }
.legend .fresh { color: var(--fresh); } .legend .due { color: var(--due); }
.legend .stale { color: var(--stale); }
)css";

}  // namespace freshd
