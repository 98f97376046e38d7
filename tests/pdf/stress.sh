#!/usr/bin/env bash
# The stress document: nothing outside the text area, headers repeat, PDF/UA structure,
# contents page numbers, reproducible bytes.
# Usage: stress.sh SDGREPORT
SDGREPORT=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600

$PY "$here/gen_stress.py" "$d/stress.json"
"$SDGREPORT" -q render "$d/stress.json" --format pdf -o "$d/a"
pdf="$d/a/stress.pdf"
[ -s "$pdf" ] || fail "no PDF written"
qpdf --check "$pdf" > "$d/qpdf.txt" 2>&1 || { cat "$d/qpdf.txt"; fail "qpdf --check"; }
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
pass "stress PDF: $pages pages, qpdf clean"

$PY "$here/stress_check.py" "$pdf" || fail "layout"
pass "nothing outside the text area; long table header on every page"
$PY "$here/pdfua_check.py" "$pdf" || fail "PDF/UA structure"
pass "PDF/UA checker"
$PY "$here/toc_check.py" "$pdf" 60 || fail "contents"
pass "contents (more than one page) match"

"$SDGREPORT" -q render "$d/stress.json" --format pdf -o "$d/b"
cmp "$pdf" "$d/b/stress.pdf" || fail "two builds differ"
pass "reproducible"
