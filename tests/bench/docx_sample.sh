#!/usr/bin/env bash
# The sample's Word edition against its target (issue 21: "the sample's DOCX
# builds in under 0.3 s"): `sdgreport -q build samples/vsr-norway/report.yaml
# --format docx` as a whole process, N runs (default 5) after one warm-up run,
# medians of wall, user+sys CPU and peak RSS; the same for `--format json`
# (the sources alone) so the Word writer's own share shows. Not a test.
#
#   tests/bench/docx_sample.sh [BUILD_DIR] [N]
set -euo pipefail
BUILD=$(realpath "${1:-build}")
N=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
BIN="$BUILD/bin/sdgreport"
W=$(mktemp -d /tmp/sdgreport-bench-docx-sample.XXXXXX)
trap 'rm -rf "$W"' EXIT
export SOURCE_DATE_EPOCH=1781481600
[ -x "$BIN" ] || { echo "missing $BIN" >&2; exit 2; }
echo "uptime before: $(uptime)"
run() {  # run NAME FORMAT: appends "wall cpu rss" to $W/NAME.times
  /usr/bin/time -f "%e %U %S %M" -o "$W/t" "$BIN" -q build "$root/samples/vsr-norway/report.yaml" \
    --format "$2" -o "$W/out" > /dev/null 2>&1
  awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$W/t" >> "$W/$1.times"
}
run warmup docx
for i in $(seq "$N"); do
  run docx docx
  run json json
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '%-6s %8s %8s %8s   %s\n' format wall_s cpu_s peak_MB "runs (wall)"
for name in docx json; do
  f="$W/$name.times"
  printf '%-6s %8s %8s %8s   %s\n' $name "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" \
    "$(( $(cut -d' ' -f3 "$f" | median) / 1024 ))" "$(cut -d' ' -f1 "$f" | tr '\n' ' ')"
done
echo "uptime after: $(uptime)"
