#!/usr/bin/env bash
# Issue 22, the sdmx plugin through the CLI and the JSON model:
# - every observation of every real file in tests/data/sdmx becomes a row whose
#   cells equal an independent parse (Python's xml.etree and csv; check_sdmx_model.py),
#   statuses included; the count is printed;
# - with a structure file, codes print as names (nb names in an nb report), REF_AREA
#   M49 codes as country names without one, `_T` as the total;
# - filters, the wide layout and a chart with the varying dimension as series.
# Usage: sdmx.sh SDGREPORT SOURCE_DIR
SDGREPORT=$1
SRC=$2
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
DATA=$SRC/tests/data/sdmx

files=(
  open-sdg-sdg-build/structure-specific/1-1-1--structure-specific.xml
  open-sdg-sdg-build/structure/1-1-1--structure.xml
  bis-pysdmx/sdmx10/data_v1.csv
  bis-pysdmx/sdmx20/data_v2.csv
  bis-pysdmx/sdmx20/csv_labels_both.csv
  bis-pysdmx/sdmx21-xml/estat_data.xml
)
{
  printf 'sdgreport: 1\nname: all\ntitle: SDMX\nlanguage: en\ndate: 2026-01-01\nchapters:\n  - title: Data\n    sources:\n'
  for f in "${files[@]}"; do
    printf '      - { plugin: sdmx, file: "%s", labels: code, source: test }\n' "$DATA/$f"
  done
} > "$d/all.yaml"
"$SDGREPORT" -q build "$d/all.yaml" --format json -o "$d/all" 2> "$d/all.err" || { cat "$d/all.err"; fail "build of every SDMX file"; }
args=()
for f in "${files[@]}"; do args+=("$DATA/$f"); done
$PY "$SRC/tests/sdmx/check_sdmx_model.py" "$d/all/all.json" "${args[@]}" || fail "cells differ from the independent parse"
[ ! -s "$d/all.err" ] || { cat "$d/all.err"; fail "warnings on the real files"; }
pass "no warnings on the real files"

# Names: a structure file (nb names), M49 without one, _T as the total.
cat > "$d/names.yaml" <<YAML
sdgreport: 1
name: names
title: SDMX
language: nb
date: 2026-01-01
chapters:
  - title: Data
    sources:
      - { plugin: sdmx, file: "$DATA/open-sdg-sdg-build/structure/1-1-1--structure.xml",
          structure: ["$DATA/hand-written/sdg-structure-extract.xml"], id: named, layout: wide, chart: line,
          series_indicators: "$DATA/hand-written/series-indicators.csv" }
      - { plugin: sdmx, file: "$DATA/open-sdg-sdg-build/structure-specific/1-1-1--structure-specific.xml",
          filter: { SEX: [_T, F] }, id: m49 }
YAML
"$SDGREPORT" -q build "$d/names.yaml" --format json -o "$d/names" 2> "$d/names.err" || { cat "$d/names.err"; fail "names build"; }
$PY - "$d/names/names.json" <<'PY' || fail "names"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
found = {}
def walk(n):
    if isinstance(n, dict):
        if n.get("type") in ("table", "chart"): found[n["id"]] = n
        for v in n.values(): walk(v)
    elif isinstance(n, list):
        for v in n: walk(v)
walk(doc)
t = found["named"]
labels = [c["label"] for c in t["columns"]]
assert labels == ["Kjønn", "2020", "2021"], labels
assert [r[0] for r in t["rows"]] == ["Begge kjønn", "Menn", "Kvinner"], t["rows"]
assert t["rows"][1][1:] == [50, 60], t["rows"]
assert t["columns"][1]["unit"] == "Prosent", t["columns"]
assert t["indicator"] == "1.1.1", t["indicator"]
assert t["caption"].startswith("Proportion of population below international poverty line (%) – United Kingdom"), t["caption"]
c = found["named-chart"]
assert c["categories"] == ["2020", "2021"] and [s["name"] for s in c["series"]] == ["Begge kjønn", "Menn", "Kvinner"], c
m = found["m49"]
assert "United Kingdom of Great Britain and Northern Ireland" in m["caption"], m["caption"]
assert [c["label"] for c in m["columns"]] == ["SEX", "Periode", "Verdi"], m["columns"]
assert [r[0] for r in m["rows"]] == ["I alt", "I alt", "F", "F"], m["rows"]
assert m["columns"][2]["unit"] == "%", m["columns"]
print("ok: names from the structure file (nb), M49 and _T without one, wide layout, chart, indicator from SERIES")
PY

# A filter that matches nothing: exit 1, naming the values there are.
cat > "$d/bad.yaml" <<YAML
sdgreport: 1
name: bad
title: SDMX
language: en
date: 2026-01-01
chapters:
  - title: Data
    source: { plugin: sdmx, file: "$DATA/bis-pysdmx/sdmx21-xml/estat_data.xml", filter: { geo: NO } }
YAML
set +e
"$SDGREPORT" -q build "$d/bad.yaml" --format json -o "$d/bad" 2> "$d/bad.err"
rc=$?
set -e
[ $rc -eq 1 ] || fail "a filter matching nothing exits $rc"
expect_contains "$d/bad.err" "no observation of 33 matches the filters; geo has AL"
[ ! -e "$d/bad/bad.json" ] || fail "output written despite the error"
pass "a filter matching nothing is an error naming the values found"
