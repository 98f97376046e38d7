#!/usr/bin/env bash
# Screenshots of the sample's HTML edition for the README: the report header and
# goal 7 (a goal band, a table, a chart, indicator summaries) at 1280 and 375 px.
# Usage: tests/html/screenshots.sh SDGREPORT [OUT_DIR]   (default OUT_DIR: docs/images)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SDGREPORT=$1 OUT=${2:-$here/../../docs/images}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
SOURCE_DATE_EPOCH=1781481600 "$SDGREPORT" -q build "$here/../../samples/vsr-norway/report.yaml" --format html -o "$d"
# Only the header and goal 7 are shown: the rest is hidden in a copy of the page.
sed 's|</head>|<style>.toc, main > section:not(:has(#goal-7)) { display: none } main > section:has(#goal-7) > :not(#goal-7) { display: none }</style></head>|' \
  "$d/vsr-norway.html" > "$d/shot.html"
shot() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$d/profile" --hide-scrollbars \
    --screenshot="$1" --window-size="$2" "file://$d/shot.html" 2>/dev/null
}
shot "$OUT/html-desktop.png" 1280,2300
shot "$OUT/html-mobile.png" 375,2600
echo "wrote $OUT/html-desktop.png $OUT/html-mobile.png"
