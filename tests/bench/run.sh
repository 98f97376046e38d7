#!/usr/bin/env bash
# Side-by-side benchmarks (issue 14): the same work on both sides, end to end
# from the same generated input files, medians of N runs (interleaved), whole
# processes measured with /usr/bin/time (wall, user+sys CPU, peak RSS).
# Prints one table: work, sdgreport, anchor, ratio, peak memory.
#
#   tests/bench/run.sh [BUILD_DIR] [N]          (defaults: build, 3)
#   BENCH_DIR=/tmp/x BENCH_ROWS=100000 tests/bench/run.sh   (inputs kept in BENCH_DIR; fewer CSV rows)
#   BENCH_ONLY=pdf|xlsx|each  runs one part
#
# Needs: apt-get install python3-reportlab python3-xlsxwriter; the targets
# sdgreport_cli, the plugins and sdgreport_bare_xlsx built in BUILD_DIR.
# Not a test (ctest does not run it). On a loaded machine wall times are noise:
# the CPU columns (user+sys) are the figures to compare, and the load average
# is printed before and after.
set -euo pipefail
BUILD=$(realpath "${1:-build}")
N=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
BIN="$BUILD/bin/sdgreport"
BARE="$BUILD/bin/sdgreport_bare_xlsx"
W=${BENCH_DIR:-$(mktemp -d /tmp/sdgreport-bench.XXXXXX)}
ROWS=${BENCH_ROWS:-1000000}
ONLY=${BENCH_ONLY:-}
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600
for f in "$BIN" "$BARE"; do [ -x "$f" ] || { echo "missing $f: cmake --build $BUILD --target sdgreport_cli sdgreport_bare_xlsx" >&2; exit 2; }; done
$PY -c 'import reportlab, xlsxwriter' 2>/dev/null || { echo "needs python3-reportlab python3-xlsxwriter (apt-get install)" >&2; exit 2; }
mkdir -p "$W"
[ -f "$W/long2000.yaml" ] && [ "$(($(wc -l < "$W/big.csv") - 1))" -eq "$ROWS" ] || $PY "$here/side/gen.py" "$W" "$ROWS"
cd "$W"

# measure NAME CMD...: one run appended to NAME.t as "wall user sys peakKB"
measure() {
  local name=$1; shift
  /usr/bin/time -o "$W/.one" -f '%e %U %S %M' "$@" > /dev/null 2> "$W/.err" || { cat "$W/.err" >&2; echo "failed: $*" >&2; exit 1; }
  tail -1 "$W/.one" >> "$W/$name.t"
}
# med NAME FIELD: median of wall (1), cpu (2 = user+sys) or peak MB (3)
med() {
  awk -v f="$2" '{ v = f == 1 ? $1 : f == 2 ? $2 + $3 : $4 / 1024; print v }' "$W/$1.t" | sort -g |
    awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'
}
rows=()
row() {  # work, sdg name, anchor name, note
  local s=$2 a=$3
  rows+=("$(printf '%-38s | %6s s (cpu %6s) | %-24s %6s s (cpu %6s) | %5s (cpu %5s) | %6s / %6s MB | %s' "$1" \
    "$(med "$s" 1)" "$(med "$s" 2)" "${5:-}" "$(med "$a" 1)" "$(med "$a" 2)" \
    "$(awk "BEGIN { printf \"%.2f\", $(med "$s" 1) / $(med "$a" 1) }")" \
    "$(awk "BEGIN { printf \"%.2f\", $(med "$s" 2) / $(med "$a" 2) }")" \
    "$(med "$s" 3)" "$(med "$a" 3)" "$4")")
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -f "$W"/*.t

if [ -z "$ONLY" ] || [ "$ONLY" = pdf ]; then
  for _ in $(seq "$N"); do
    measure pdf500 "$BIN" -q build long500.yaml -o out500
    measure rl500 $PY "$here/side/py_pdf.py" long500.json rl500.pdf
  done
  measure pdf1000 "$BIN" -q build long1000.yaml -o out1000
  measure pdf2000 "$BIN" -q build long2000.yaml -o out2000
  qpdf --check out500/long500.pdf > /dev/null || { echo "qpdf --check failed on the 500-page PDF" >&2; exit 1; }
  s=$(stat -c %s out500/long500.pdf) r=$(stat -c %s rl500.pdf)
  p=$(pdfinfo out500/long500.pdf | awk '/^Pages:/ { print $2 }') q=$(pdfinfo rl500.pdf | awk '/^Pages:/ { print $2 }')
  row "PDF ~500 pages, tagged (Markdown in)" pdf500 rl500 "file $s vs $r bytes = $(awk "BEGIN { printf \"%.2f\", $s / $r }")x; pages $p vs $q" "ReportLab (untagged)"
  p1=$(pdfinfo out1000/long1000.pdf | awk '/^Pages:/ { print $2 }') p2=$(pdfinfo out2000/long2000.pdf | awk '/^Pages:/ { print $2 }')
  scale="PDF scaling (1 run each): $p pages $(med pdf500 2) s cpu, $p1 pages $(med pdf1000 2) s, $p2 pages $(med pdf2000 2) s;"
  scale+=" ms cpu per page: $(awk "BEGIN { printf \"%.2f / %.2f / %.2f\", 1000 * $(med pdf500 2) / $p, 1000 * $(med pdf1000 2) / $p1, 1000 * $(med pdf2000 2) / $p2 }")"
fi

if [ -z "$ONLY" ] || [ "$ONLY" = xlsx ]; then
  for _ in $(seq "$N"); do
    measure xlsx "$BIN" -q build annex.yaml -o outx
    measure bare "$BARE" big.csv bare.xlsx
    measure pyx $PY "$here/side/py_xlsx.py" big.csv py.xlsx
  done
  row "XLSX $ROWS x 10 CSV -> XLSX" xlsx bare "end to end from big.csv" "bare libxlsxwriter"
  row "XLSX $ROWS x 10 CSV -> XLSX" xlsx pyx "end to end from big.csv" "Python XlsxWriter"
fi

if [ -z "$ONLY" ] || [ "$ONLY" = each ]; then
  e="$W/each"
  rm -rf "$e" && mkdir -p "$e" && cp -r "$here/../data/each/." "$e/"
  $PY - "$e" 357 <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
base = [l.split(";") for l in open(d + "/municipalities.csv", encoding="utf-8").read().split("\n")[1:12]]
with open(d + "/rows.csv", "w", encoding="utf-8") as f:
    f.write("kommunenummer;name;nr\n")
    for i in range(n):
        k, name = base[i % len(base)]
        f.write(f"{k};{name};{i:03d}\n")
PY
  sed -i 's|{ format: json, file: "vlr-${kommunenummer}.json" }|{ format: json, file: "vlr-${nr}.json" }\n  - { format: pdf, file: "vlr-${nr}.pdf" }|' "$e/report.yaml"
  for _ in $(seq "$N"); do
    rm -rf "$e/o1" "$e/o2"
    measure each1 "$BIN" -q build "$e/report.yaml" --each "$e/rows.csv" -j 1 -o "$e/o1"
    measure each2 "$BIN" -q build "$e/report.yaml" --each "$e/rows.csv" -j 2 -o "$e/o2"
  done
  [ "$(ls "$e/o2" | wc -l)" -eq 714 ] || { echo "--each wrote $(ls "$e/o2" | wc -l) files, expected 714" >&2; exit 1; }
  rows+=("$(printf '%-38s | %6s s (cpu %6s) | %-24s %6s s (cpu %6s) | speed-up %5s | %6s / %6s MB | %s' \
    "--each 357 reports (PDF+JSON), -j2" "$(med each2 1)" "$(med each2 2)" "same, -j1" "$(med each1 1)" "$(med each1 2)" \
    "$(awk "BEGIN { printf \"%.2f\", $(med each1 1) / $(med each2 1) }")" "$(med each2 3)" "$(med each1 3)" \
    "-j1: $(awk "BEGIN { printf \"%.1f\", 1000 * $(med each1 1) / 357 }") ms wall, $(awk "BEGIN { printf \"%.1f\", 1000 * $(med each1 2) / 357 }") ms cpu per report")")
fi

echo "sdgreport side-by-side, medians of $N runs, inputs in $W ($(nproc) cores)"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-38s | %-25s | %-42s | %-18s | %-18s | %s\n' "work" "sdgreport wall (cpu)" "anchor wall (cpu)" "ratio wall (cpu)" "peak sdg / anchor" "notes"
for r in "${rows[@]}"; do echo "$r"; done
[ -n "${scale:-}" ] && echo "$scale"
exit 0
