#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium loads the page built from the
# example vault, the rendered DOM must hold the stale-notes rows and the trend chart, and
# a screenshot is kept as a test artifact (test-artifacts/report.png in the build tree).
# Usage: html_browser_test.sh FRESHCTL FRESHD SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
freshctl=$1 freshd=$2 source=$3 artifacts=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source/examples/vault" "$work/vault"
export FRESHD_NOW=2026-11-23T12:00:00Z
common=(--config "$source/examples/freshd.toml" --vault "$work/vault" --state-dir "$work/state")
"$freshd" "${common[@]}" --once 2>/dev/null
"$freshctl" "${common[@]}" report --format html --out "$work/report.html" 2>/dev/null

browser=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
         --disable-background-networking --disable-component-update --disable-sync
         --user-data-dir="$work/profile" --window-size=1200,2400)
timeout 120 "${browser[@]}" --dump-dom "file://$work/report.html" >"$work/dom.html" 2>/dev/null
mkdir -p "$artifacts"
timeout 120 "${browser[@]}" --screenshot="$artifacts/report.png" "file://$work/report.html" \
  >/dev/null 2>&1

fail() { echo "FAIL: $*" >&2; exit 1; }
grep -q '<title>' "$work/dom.html" || fail "no <title> in the rendered page"
grep -q '<svg' "$work/dom.html" || fail "no SVG trend chart in the rendered page"
# The example vault has 14 stale notes on 2026-11-23: one table row each, linked.
rows=$(grep -o 'href="[^"]*\.md"' "$work/dom.html" | sort -u | wc -l)
[ "$rows" -ge 14 ] || fail "expected links to at least 14 notes, found $rows"
grep -q 'scaling-laws-revisited.md' "$work/dom.html" || fail "a stale note is missing"
[ -s "$artifacts/report.png" ] || fail "no screenshot written"
if grep -qi '<script' "$work/report.html"; then fail "the page carries a script"; fi
echo "ok: the page renders with its rows and chart; screenshot in $artifacts/report.png"
