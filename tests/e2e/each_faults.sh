#!/usr/bin/env bash
# `build --each` runs rows in long-lived workers forked from the warmed process;
# a row that crashes, aborts or exits its worker fails alone (named with the
# reason), a fresh worker builds the rest, and the rows around it are complete.
# Usage: each_faults.sh SDGREPORT TEST_PLUGIN_DIR
SDGREPORT=$1 PLUGINS=$2
source "$(dirname "$0")/lib.sh"
cat > "$d/report.yaml" <<YAML
title: Rad \${nr}
language: nb
chapters:
  - title: Kapittel
    source: { plugin: test-faulty, mode: "\${mode}" }
outputs:
  - { format: json, file: "r-\${nr}.json" }
YAML
{
  echo "nr;mode"
  for i in 01 02 03; do echo "$i;ok"; done
  echo "04;segv"
  for i in 05 06 07; do echo "$i;ok"; done
  echo "08;exit"
  echo "09;ok"
  echo "10;abort"
  for i in 11 12 13 14; do echo "$i;ok"; done
} > "$d/rows.csv"
for j in 1 2; do
  set +e
  "$SDGREPORT" --plugin-dir "$PLUGINS" build "$d/report.yaml" --each "$d/rows.csv" -j $j -o "$d/out$j" > "$d/stdout" 2> "$d/stderr$j"
  rc=$?
  set -e
  [ $rc -eq 1 ] || { cat "$d/stderr$j"; fail "-j $j: exit code $rc, expected 1"; }
  n=$(ls "$d/out$j" | wc -l)
  [ "$n" -eq 11 ] || { ls "$d/out$j"; fail "-j $j: $n reports written, expected 11"; }
  for i in 04 08 10; do [ ! -e "$d/out$j/r-$i.json" ] || fail "-j $j: the failed row $i left a file"; done
  grep -q "^info: built 11 of 14 reports$" "$d/stderr$j" || { cat "$d/stderr$j"; fail "-j $j: summary line"; }
  grep -q "^error: row on line 5 (04): crashed with signal 11$" "$d/stderr$j" || { cat "$d/stderr$j"; fail "-j $j: segv row"; }
  grep -q "^error: row on line 9 (08): .*status 7" "$d/stderr$j" || { cat "$d/stderr$j"; fail "-j $j: exit row"; }
  grep -q "^error: row on line 11 (10): crashed with signal 6$" "$d/stderr$j" || { cat "$d/stderr$j"; fail "-j $j: abort row"; }
  /usr/bin/python3 - "$d/out$j/r-13.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["meta"]["title"] == "Rad 13", doc["meta"]["title"]
PY
  pass "-j $j: 3 faulty rows fail alone with their reasons, 11 reports built"
done
