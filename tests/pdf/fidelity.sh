#!/usr/bin/env bash
# Fidelity of the PDF to the model (issue 10 items 1, 2, 7): for the samples, the
# fixture reports and the stress document, every table cell of the JSON model is
# one intact token in the PDF text with its status symbol, the key explains the
# symbols, and every word lies inside the text area (fidelity_check.py). The
# fixtures (tests/pdf/fidelity/) add a 24-column Open SDG-like table and a 1 text +
# 20 period table (split into column groups with a [table-split] warning), a
# JSON-stat dataset with 'e'/'p' flags and a Statistics Norway-like one with
# '.', ':', '..'.
# Usage: fidelity.sh SDGREPORT REPO_ROOT
SDGREPORT=$1 ROOT=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600

check() {  # check NAME REPORT.yaml
  local name=$1 report=$2
  "$SDGREPORT" -q build "$report" --format json -o "$d/$name-json" 2> /dev/null || fail "$name: json build"
  "$SDGREPORT" build "$report" --format pdf -o "$d/$name-pdf" 2> "$d/$name.log" || { cat "$d/$name.log"; fail "$name: pdf build"; }
  # (the report's own PDF: the sample also writes its main messages alone)
  local json=$(ls "$d/$name-json"/*.json)
  local pdf="$d/$name-pdf/$(basename "$json" .json).pdf"
  $PY "$here/fidelity_check.py" "$json" "$pdf" || fail "$name: fidelity"
  pass "$name: every table cell intact, inside the text area"
}

check sample-en "$ROOT/samples/vsr-norway/report.yaml"
check sample-nb "$ROOT/samples/vsr-norway-nb/report.yaml"
check hostile "$ROOT/tests/data/hostile/report.yaml"
check fixture-en "$here/fidelity/report.yaml"
check fixture-nb "$here/fidelity/report-nb.yaml"

# The stress document is a model already.
$PY "$here/gen_stress.py" "$d/stress.json"
"$SDGREPORT" -q render "$d/stress.json" --format pdf -o "$d/stress" 2> /dev/null || fail "stress: render"
$PY "$here/fidelity_check.py" "$d/stress.json" "$d/stress/stress.pdf" || fail "stress: fidelity"
pass "stress: every table cell intact"

# Wide tables: split into column groups, said so, continued captions, PDF/UA intact.
for t in '24 columns' '21 columns'; do
  grep -q "its $t do not fit the text width.*\[table-split\]" "$d/fixture-en.log" || { cat "$d/fixture-en.log"; fail "no table-split warning for $t"; }
done
pass "[table-split] warnings name both wide tables"
en=$(ls "$d/fixture-en-pdf"/*.pdf) nb=$(ls "$d/fixture-nb-pdf"/*.pdf)
pdftotext -layout "$en" "$d/en.txt"
pdftotext -layout "$nb" "$d/nb.txt"
n=$(grep -c "Table 1 (continued)\. An Open SDG-like" "$d/en.txt")
[ "$n" -ge 1 ] || fail "the 24-column table's later parts are not captioned '(continued)'"
grep -q "Tabell 2 (forts\.)\. Én tekstkolonne" "$d/nb.txt" || fail "no '(forts.)' caption in the nb fixture"
pass "later parts captioned (continued) / (forts.)"

# Status symbols and keys.
grep -Eq '14\.0 e|[0-9] e\b' "$d/en.txt" || fail "no estimated flag 'e' beside a value"
expect_contains "$d/en.txt" "Symbols: p = Provisional, e = Estimated" "Symbols: .. = Not available"
expect_contains "$d/nb.txt" "Symboler: .. = Ikke tilgjengelig, . = Ikke relevant, : = Konfidensielt"
pass "flags beside values, keys naming exactly the symbols used"
for f in "$en" "$nb"; do
  $PY "$here/pdfua_check.py" "$f" > "$d/ua.txt" || { cat "$d/ua.txt"; fail "PDF/UA structure of $(basename "$f")"; }
  qpdf --check "$f" > /dev/null || fail "qpdf --check $(basename "$f")"
done
pass "fixtures: PDF/UA checker and qpdf clean"

# A row taller than a page: a clear error naming the table and row, exit 1, old output kept.
$PY - "$d/stress.json" "$d/tall.json" <<'PYEOF'
import json, sys
doc = json.load(open(sys.argv[1]))
words = " ".join(f"ord{i}" for i in range(6000))
doc["chapters"] = doc["chapters"][:1]
doc["chapters"][0].setdefault("blocks", []).append({
    "type": "table", "id": "tall", "caption": "Tall row", "indicator": "", "source": "",
    "columns": [{"label": "Note", "type": "text", "unit": "", "decimals": 0},
                {"label": "V", "type": "number", "unit": "", "decimals": 0}],
    "rows": [[{"text": "a"}, {"number": 1}], [{"text": words}, {"number": 2}]]})
json.dump(doc, open(sys.argv[2], "w"))
PYEOF
mkdir -p "$d/tall" && echo old > "$d/tall/tall.pdf"
if "$SDGREPORT" -q render "$d/tall.json" --format pdf -o "$d/tall" 2> "$d/tall.log"; then fail "a row taller than a page was accepted"; fi
grep -q "('tall') \"Tall row\": row 2 is taller than a page" "$d/tall.log" || { cat "$d/tall.log"; fail "no clear error for the tall row"; }
[ "$(cat "$d/tall/tall.pdf")" = old ] || fail "the existing output was touched"
pass "a row taller than a page: clear error, exit 1, existing output kept"
