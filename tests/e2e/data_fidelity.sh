#!/usr/bin/env bash
# Issue 10, the data plugins' part, through the CLI and the JSON model:
# - an Open SDG `indicator_name: global_indicators.5-4-1-title` prints the
#   catalogue's title, and an <a href> in source_organisation_1 becomes the
#   source text plus its link (source_url);
# - two Open SDG rows with the same year and disaggregation: a warning naming
#   both lines by default, exit 1 with both lines under `duplicates: error`;
# - a national indicator (indicator_10-1.csv) is accepted and marked national;
# - `encoding: latin-1` on a UTF-8 file with Ø: exit 1, one line saying so, no output.
# Usage: data_fidelity.sh SDGREPORT
SDGREPORT=$1
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

mkdir -p "$d/r/osdg/data" "$d/r/osdg/meta"
cat > "$d/r/osdg/data/indicator_5-4-1.csv" <<'CSV'
Year,Sex,Value
2019,,18.1
2020,,18.4
2020,Female,20.5
2020,Female,20.9
CSV
cat > "$d/r/osdg/meta/5-4-1.yml" <<'YML'
indicator_name: global_indicators.5-4-1-title
source_organisation_1: '<a href="https://www.destatis.de" target="_blank">Statistisches Bundesamt</a>&nbsp;(Destatis)'
YML
printf 'Year,Value\n2019,0.27\n2020,0.28\n' > "$d/r/osdg/data/indicator_10-1.csv"
printf 'indicator_name: Einkommensungleichheit\n' > "$d/r/osdg/meta/10-1.yml"

write_report() {  # write_report FILE EXTRA_OPTIONS
  cat > "$1" <<YAML
sdgreport: 1
name: fidelity
title: Fidelity
language: en
date: 2026-01-01
chapters:
  - title: Progress
    goals: [5, 10]
    goal_sources:
      - { plugin: opensdg, folder: osdg, disaggregations: [Sex] $2 }
YAML
}

write_report "$d/r/report.yaml" ""
"$SDGREPORT" build "$d/r/report.yaml" --format json -o "$d/out" 2> "$d/warnings"
expect_contains "$d/warnings" "lines 4 and 5 are two rows for Year 2020, Sex 'Female'" "[duplicate-observation]"
pass "duplicate rows warned with both lines"

$PY - "$d/out/fidelity.json" <<'PY' || fail "JSON model checks"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
blocks = []
def walk(node):
    if isinstance(node, dict):
        if "type" in node and node.get("type") in ("indicator_summary", "table", "chart"):
            blocks.append(node)
        for v in node.values(): walk(v)
    elif isinstance(node, list):
        for v in node: walk(v)
walk(doc)
summ = {b["indicator"]: b for b in blocks if b["type"] == "indicator_summary"}
s = summ["5.4.1"]
assert s["title"].startswith("Proportion of time spent on unpaid domestic and care work"), s["title"]
assert s["source"] == "Statistisches Bundesamt\u00a0(Destatis)", s["source"]
assert s["source_url"] == "https://www.destatis.de", s
text = json.dumps(doc, ensure_ascii=False)
assert "<a " not in text and "&nbsp;" not in text and "global_indicators." not in text, "raw metadata in the model"
assert summ["10-1"]["national"] is True, summ["10-1"]
assert summ["10-1"]["title"] == "Einkommensungleichheit"
tables = [b for b in blocks if b["type"] == "table" and b.get("indicator") == "5.4.1"]
assert tables[0]["source_url"] == "https://www.destatis.de"
charts = [b for b in blocks if b["type"] == "chart" and b.get("indicator") == "5.4.1"]
assert charts[0]["data_table"] == tables[0]["id"], (charts[0].get("data_table"), tables[0]["id"])
print("ok: JSON model: catalogue title, source text + link, national 10-1, chart data_table")
PY

# The PDF: the source note's text is a link to the metadata's address, and the
# national indicator is labelled as national.
"$SDGREPORT" -q build "$d/r/report.yaml" --format pdf -o "$d/outpdf" 2> /dev/null
pdftotext "$d/outpdf/fidelity.pdf" "$d/fidelity.txt"
expect_contains "$d/fidelity.txt" "Source: Statistisches Bundesamt (Destatis)" "National indicator 10-1"
$PY - "$d/outpdf/fidelity.pdf" <<'PY' || fail "PDF source link"
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
uris = [str(a.A.URI) for p in pdf.pages for a in p.get("/Annots", []) if a.get("/A") is not None and "/URI" in a.A]
assert "https://www.destatis.de" in uris, uris
print("ok: PDF source note links to https://www.destatis.de")
PY
pass "PDF: source note with its link, national indicator labelled"

write_report "$d/r/strict.yaml" ", duplicates: error"
set +e
"$SDGREPORT" -q build "$d/r/strict.yaml" --format json -o "$d/out2" 2> "$d/err"
rc=$?
set -e
[ $rc -eq 1 ] || fail "duplicates: error: exit $rc"
expect_contains "$d/err" "indicator_5-4-1.csv:5:" "line 4"
[ ! -e "$d/out2/fidelity.json" ] || fail "duplicates: error left an output"
pass "duplicates: error → exit 1: $(cat "$d/err")"

# encoding: latin-1 on a UTF-8 file with Ø.
mkdir -p "$d/e"
printf 'Fylke;Verdi\nOslo;1\n\xc3\x98stfold;2\n' > "$d/e/fylker.csv"
cat > "$d/e/report.yaml" <<'YAML'
sdgreport: 1
name: enc
title: Encoding
language: en
date: 2026-01-01
chapters:
  - title: Data
    source: { plugin: csv, file: fylker.csv, encoding: latin-1, source: SSB }
YAML
set +e
"$SDGREPORT" -q build "$d/e/report.yaml" --format json,pdf -o "$d/e/out" 2> "$d/err"
rc=$?
set -e
[ $rc -eq 1 ] || fail "latin-1 on UTF-8: exit $rc"
[ "$(wc -l < "$d/err")" -eq 1 ] || { cat "$d/err"; fail "latin-1 on UTF-8: not one line"; }
expect_contains "$d/err" "fylker.csv:3" "the file is UTF-8" "'Ø'"
[ -z "$(ls -A "$d/e/out" 2>/dev/null)" ] || fail "latin-1 on UTF-8 left output: $(ls "$d/e/out")"
pass "encoding: latin-1 on UTF-8 → exit 1, no output: $(cat "$d/err")"
