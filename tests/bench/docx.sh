#!/usr/bin/env bash
# Side-by-side benchmark of the Word edition (issue 21): the 500-page document of
# tests/bench/side/gen.py (260 sections of 6 paragraphs and a 30-row table, in
# Markdown) to DOCX, by sdgreport (`build --format docx`) and by pandoc (Markdown
# → DOCX of the same file). Whole processes, end to end from the same input,
# medians of N interleaved runs (default 3): wall, user+sys CPU, peak RSS.
# Not a test. On a loaded machine wall times are noise; compare the CPU column.
#
#   tests/bench/docx.sh [BUILD_DIR] [N]
set -euo pipefail
BUILD=$(realpath "${1:-build}")
N=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
BIN="$BUILD/bin/sdgreport"
W=${BENCH_DIR:-$(mktemp -d /tmp/sdgreport-bench-docx.XXXXXX)}
export SOURCE_DATE_EPOCH=1781481600
[ -x "$BIN" ] || { echo "missing $BIN" >&2; exit 2; }
command -v pandoc > /dev/null || { echo "needs pandoc (apt-get install pandoc)" >&2; exit 2; }
[ -f "$W/long500.md" ] || /usr/bin/python3 "$here/side/gen.py" "$W" 10 > /dev/null
sed 's/format: pdf, file: long500.pdf/format: docx, file: long500.docx/' "$W/long500.yaml" > "$W/long500-docx.yaml"
echo "uptime before: $(uptime)"
run() {  # run NAME CMD...: appends "wall cpu rss" to $W/NAME.times
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$W/t" "$@" > /dev/null 2>&1
  awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$W/t" >> "$W/$name.times"
}
rm -f "$W"/*.times
for i in $(seq "$N"); do
  run sdgreport "$BIN" -q build "$W/long500-docx.yaml" -o "$W/out"
  run pandoc pandoc -f markdown -t docx "$W/long500.md" -o "$W/out/pandoc.docx"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '%-10s %8s %8s %10s %10s\n' side wall_s cpu_s peak_MB size_KB
for name in sdgreport pandoc; do
  f="$W/$name.times"
  out=$([ $name = sdgreport ] && echo "$W/out/long500.docx" || echo "$W/out/pandoc.docx")
  printf '%-10s %8s %8s %10s %10s\n' $name "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" \
    "$(( $(cut -d' ' -f3 "$f" | median) / 1024 ))" "$(( $(stat -c %s "$out") / 1024 ))"
done
echo "uptime after: $(uptime)"
echo "pages (LibreOffice, sdgreport's): run soffice --convert-to pdf on $W/out/long500.docx to count"
