#!/usr/bin/env bash
# Survey benchmark (issue 20): a 50,000-respondent × 150-variable .sav with 20
# cross-tabulations (by two background variables, with intervals and disclosure
# control), built to a JSON model by sdgreport, side by side with a Python csv-module
# baseline doing the same counting on the same data as CSV. Medians of N runs,
# whole processes measured with /usr/bin/time (wall, peak RSS). Not a test.
#
#   tests/bench/survey/survey_bench.sh [BUILD_DIR] [N]     (defaults: build, 3)
set -euo pipefail
BUILD=$(realpath "${1:-build}")
N=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
W=${BENCH_DIR:-$(mktemp -d /tmp/sdgreport-survey-bench.XXXXXX)}
export SOURCE_DATE_EPOCH=1781481600
for t in sdgreport sdgreport_survey_csv2sav; do
  [ -x "$BUILD/bin/$t" ] || { echo "missing $BUILD/bin/$t (cmake --build $BUILD --target sdgreport_cli sdgreport-survey sdgreport-json sdgreport_survey_csv2sav)" >&2; exit 2; }
done
[ -f "$W/export.sav" ] || {
  /usr/bin/python3 "$here/gen_survey.py" "$W" 50000
  "$BUILD/bin/sdgreport_survey_csv2sav" "$W/codebook.yaml" "$W/export.csv" "$W/export.sav" en >/dev/null
}
echo "inputs: $(ls -l "$W/export.sav" | awk '{print $5}') bytes .sav, $(ls -l "$W/export.csv" | awk '{print $5}') bytes CSV; 50,000 respondents × 150 variables"
echo "uptime before: $(uptime)"
measure() {  # prints "wall_s rss_mb cpu_s" (cpu = user + sys)
  /usr/bin/time -f "%e %M %U %S" -o "$W/time" "$@" > /dev/null 2> "$W/err" || { cat "$W/err"; exit 1; }
  awk '{printf "%.2f %.0f %.2f\n", $1, $2 / 1024, $3 + $4}' "$W/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s_wall=() s_rss=() s_cpu=() p_wall=() p_rss=() p_cpu=()
for i in $(seq "$N"); do
  read -r w r c < <(cd "$W" && measure "$BUILD/bin/sdgreport" -q build report.yaml -o out)
  s_wall+=("$w"); s_rss+=("$r"); s_cpu+=("$c")
  read -r w r c < <(measure /usr/bin/python3 "$here/py_survey.py" "$W")
  p_wall+=("$w"); p_rss+=("$r"); p_cpu+=("$c")
done
tables=$(grep -o '"type": "table"' "$W/out/model.json" | wc -l)
printf 'sdgreport build (.sav -> JSON model, %s tables): median wall %s s, CPU %s s, peak RSS %s MB  (wall runs: %s)\n' \
  "$tables" "$(printf '%s\n' "${s_wall[@]}" | median)" "$(printf '%s\n' "${s_cpu[@]}" | median)" \
  "$(printf '%s\n' "${s_rss[@]}" | median)" "${s_wall[*]}"
printf 'python3 csv-module baseline (CSV, counting only): median wall %s s, CPU %s s, peak RSS %s MB  (wall runs: %s)\n' \
  "$(printf '%s\n' "${p_wall[@]}" | median)" "$(printf '%s\n' "${p_cpu[@]}" | median)" \
  "$(printf '%s\n' "${p_rss[@]}" | median)" "${p_wall[*]}"
echo "uptime after: $(uptime)"
