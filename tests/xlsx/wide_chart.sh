#!/usr/bin/env bash
# Issue 11 #12: a csv wide_to_long table charted with one series per row gives a
# chart of 4,000 series. libxlsxwriter 1.1.4 allocates columns × columns for a
# table object, so this took 573 MB; now the block has plain headers, the
# native chart is left out with a chart-too-many-series warning (Excel draws at
# most 255 series), and every value is still on the sheets.
# Usage: wide_chart.sh SDGREPORT
SDGREPORT=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
command -v /usr/bin/time >/dev/null || fail "/usr/bin/time not found (apt-get install time)"

/usr/bin/python3 - "$d" <<'PY'
import sys
d = sys.argv[1]
with open(f"{d}/wide.csv", "w") as f:
    f.write("Place," + ",".join(str(1000 + i) for i in range(4000)) + "\n")
    f.write("Bodø," + ",".join(str(i % 97) for i in range(4000)) + "\n")
with open(f"{d}/report.yaml", "w") as f:
    f.write("""sdgreport: 1
title: Wide
organisation: Test
language: en
chapters:
  - title: Wide data
    source: { plugin: csv, file: wide.csv, wide_to_long: { id: [Place], name: Year, value: Value },
              chart: line, chart_series: rows, caption: Wide table, source: test }
outputs:
  - { format: xlsx, file: wide.xlsx }
""")
PY
/usr/bin/time -f %M -o "$d/rss" "$SDGREPORT" build "$d/report.yaml" -o "$d/out" 2>"$d/stderr" || { cat "$d/stderr" >&2; fail "build failed"; }
rss=$(tail -1 "$d/rss")
echo "peak RSS: $rss KB"
[ "$rss" -lt 150000 ] || fail "peak RSS $rss KB (expected < 150 MB; was 573 MB before the fix)"
grep -q "has 4000 series; Excel draws at most 255.*\[chart-too-many-series\]" "$d/stderr" || { cat "$d/stderr" >&2; fail "no chart-too-many-series warning"; }
/usr/bin/python3 "$here/../e2e/check_xlsx.py" "$d/out/wide.xlsx" --charts "Wide data=0" --data-rows 4000 \
  --data-has "Series=Wide table;Period=1022;Breakdown=Place;Category=Bodø;Value=22" \
  --text "Wide data!B4006=Bodø – 1000" --text "Wide data!A4007=Value" --number "Wide data!E4007=3"
pass "4,000-series chart: bounded memory, warning, data on the sheets"
