#!/usr/bin/env bash
# Issue 22: a nil ("-" in Statistics Norway's tables) keeps its meaning.
# - nb report, csv cell "-": the JSON model holds the number 0 with the nil mark; the PDF
#   (pdftotext) and HTML print "-" and the key says "- = Null"; the workbook (openpyxl) keeps
#   the number 0 with a number format showing "-";
# - en report: the UN convention, an en dash "–" with the key "– = Nil", while "." (not
#   applicable) prints "-" as before;
# - a listing of 95 rows whose text columns repeat keeps 95 rows and warns about nothing;
#   the same rows pivoted so that two values meet in one cell warn as before.
# Usage: nil.sh SDGREPORT
SDGREPORT=$1
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

mkdir -p "$d/r"
printf 'Kommune;2022;2023\nOslo;12;-\nBergen;.;7\n' > "$d/r/nil.csv"
report() {  # report LANG
  cat > "$d/r/$1.yaml" <<YAML
sdgreport: 1
name: nil-$1
title: Nil
language: $1
date: 2026-01-01
chapters:
  - title: Data
    source: { plugin: csv, file: nil.csv, id: t, source: SSB }
outputs:
  - { format: json }
  - { format: html }
  - { format: pdf }
  - { format: xlsx }
YAML
  "$SDGREPORT" -q build "$d/r/$1.yaml" -o "$d/$1" 2> "$d/$1.err" || { cat "$d/$1.err"; fail "$1 build"; }
}
report nb
report en

$PY - "$d/nb/nil-nb.json" "$d/en/nil-en.json" <<'PY' || fail "JSON model"
import json, sys
for path in sys.argv[1:]:
    doc = json.load(open(path, encoding="utf-8"))
    t = doc["chapters"][0]["blocks"][0]
    assert t["rows"][0][2] == {"number": 0, "status": "nil"}, t["rows"][0]
    assert t["rows"][1][1] == {"empty": True, "status": "not_applicable"}, t["rows"][1]
print("ok: the JSON model holds the number 0 with the nil mark (nb and en)")
PY

pdftotext "$d/nb/nil-nb.pdf" "$d/nb.txt"
expect_contains "$d/nb.txt" "- = Null" ". = Ikke relevant"
pdftotext "$d/en/nil-en.pdf" "$d/en.txt"
expect_contains "$d/en.txt" "– = Nil" "- = Not applicable"
pass "PDF keys: nb '- = Null', en '– = Nil'"

html_nb=$(ls "$d"/nb/*.html | head -1)
html_en=$(ls "$d"/en/*.html | head -1)
expect_contains "$html_nb" '<abbr title="Null">-</abbr>' '- = Null'
expect_contains "$html_en" '<abbr title="Nil">–</abbr>' '– = Nil'
grep -q '<td[^>]*>0</td>' "$html_nb" && fail "the nil printed as 0 in HTML"
pass "HTML prints the nil mark, not 0"

$PY - "$d/nb/nil-nb.xlsx" <<'PY' || fail "XLSX"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
found = False
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.number_format == '"-"':
                assert c.value == 0, c.value
                found = True
assert found, "no cell with the nil format"
print("ok: the workbook keeps the number 0 and shows '-'")
PY

# A listing whose text columns repeat keeps every row, without a warning.
{ printf 'Kapittel;Post;Beløp\n'; for i in $(seq 1 95); do printf 'Drift;Lønn;%d\n' "$i"; done; } > "$d/r/liste.csv"
listing() {  # listing NAME EXTRA_OPTIONS
  cat > "$d/r/$1.yaml" <<YAML
sdgreport: 1
name: $1
title: Liste
language: nb
date: 2026-01-01
chapters:
  - title: Data
    source: { plugin: csv, file: liste.csv, id: $1, source: Kommunen $2 }
YAML
  "$SDGREPORT" build "$d/r/$1.yaml" --format json -o "$d/$1" 2> "$d/$1.err" || { cat "$d/$1.err"; fail "$1 build"; }
}
listing liste ""
listing pivot ", pivot: { rows: Kapittel, columns: Post, values: Beløp }"
$PY - "$d/liste/liste.json" "$d/pivot/pivot.json" <<'PY' || fail "listing"
import json, sys
rows = [len(json.load(open(p, encoding="utf-8"))["chapters"][0]["blocks"][0]["rows"]) for p in sys.argv[1:]]
assert rows == [95, 1], rows
print("ok: the listing keeps 95 rows; the pivot has one cell")
PY
if grep -F 'liste.csv' "$d/liste.err"; then fail "the listing warned"; fi
expect_contains "$d/pivot.err" "liste.csv:3: lines 2 and 3 are two rows for 'Drift' / 'Lønn'; the first value was kept" \
  "74 more duplicate rows (the first 20 are listed above) [duplicate-observation]"
if grep 'duplicate-observation' "$d/pivot.err" | grep -q 'liste.csv.*liste.csv'; then fail "a warning names the file twice"; fi
pass "the pivot warns about its duplicates, naming the file once; the listing warns about nothing"
