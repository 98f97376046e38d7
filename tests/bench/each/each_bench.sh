#!/usr/bin/env bash
# Benchmark: `build --each` over 357 municipalities (one PDF + JSON each), with
# -j 1 and -j 2, from the same inputs. Not a test: prints wall times and the ratio.
# Usage: tests/bench/each/each_bench.sh [build/bin/sdgreport] [ROWS]
set -euo pipefail
SDGREPORT=${1:-build/bin/sdgreport}
ROWS=${2:-357}
here=$(cd "$(dirname "$0")" && pwd)
fix="$here/../../data/each"
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp -r "$fix"/. "$d/"
# 357 rows, cycling through the municipalities of the fixture's data file.
/usr/bin/python3 - "$d" "$ROWS" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
base = [l.split(";") for l in open(d + "/municipalities.csv", encoding="utf-8").read().split("\n")[1:12]]
with open(d + "/rows.csv", "w", encoding="utf-8") as f:
    f.write("kommunenummer;name;nr\n")
    for i in range(n):
        k, name = base[i % len(base)]
        f.write(f"{k};{name};{i:03d}\n")
PY
sed -i 's|{ format: json, file: "vlr-${kommunenummer}.json" }|{ format: json, file: "vlr-${nr}.json" }\n  - { format: pdf, file: "vlr-${nr}.pdf" }|' "$d/report.yaml"
for j in 1 2; do
  start=$(date +%s.%N)
  "$SDGREPORT" -q build "$d/report.yaml" --each "$d/rows.csv" -j $j -o "$d/out$j"
  end=$(date +%s.%N)
  t[$j]=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
  echo "--each over $ROWS rows, -j $j: ${t[$j]} s ($(ls "$d/out$j" | wc -l) files)"
done
echo "ratio -j1 / -j2: $(awk "BEGIN { printf \"%.2f\", ${t[1]} / ${t[2]} }")"
