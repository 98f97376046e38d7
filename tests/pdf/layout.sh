#!/usr/bin/env bash
# Pagination rules of issue 12 on the sample (en, nb) and the stress document:
# no heading in the last 2 lines of a page, no table part of one body row, every
# continued part captioned "(continued)" / "(forts.)" (layout_check.py). Broken
# copies of the stress PDF (make_bad_layout.py) must fail the same check.
# Usage: layout.sh SDGREPORT SOURCE_DIR
SDGREPORT=$1 SRC=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600

"$SDGREPORT" -q build "$SRC/samples/vsr-norway/report.yaml" --format pdf -o "$d/en"
"$SDGREPORT" -q build "$SRC/samples/vsr-norway-nb/report.yaml" --format pdf -o "$d/nb"
$PY "$here/gen_stress.py" "$d/stress.json"
"$SDGREPORT" -q render "$d/stress.json" --format pdf -o "$d/stress"
en="$d/en/vsr-norway.pdf" nb=$(ls "$d"/nb/*.pdf) stress="$d/stress/stress.pdf"
mm="$d/en/vsr-norway-main-messages.pdf"   # the sample's main messages alone (part: main_messages)
[ -s "$en" ] && [ -s "$mm" ] && [ -s "$nb" ] && [ -s "$stress" ] || fail "a PDF was not written"

$PY "$here/layout_check.py" "$en" "$mm" "$nb" "$stress" || fail "pagination rules"
pass "sample (en, its main messages, nb) and stress document keep the pagination rules"

mkdir "$d/bad"
$PY "$here/make_bad_layout.py" "$stress" "$d/bad" || fail "could not make the broken copies"
for bad in heading-at-foot one-row-part uncontinued; do
  if $PY "$here/layout_check.py" "$d/bad/$bad.pdf" > "$d/bad/$bad.txt"; then
    cat "$d/bad/$bad.txt"
    fail "layout_check.py passes a broken copy: $bad"
  fi
done
grep -q "in the last 2 lines" "$d/bad/heading-at-foot.txt" || fail "heading-at-foot: wrong finding"
grep -q "holds 1 body row" "$d/bad/one-row-part.txt" || fail "one-row-part: wrong finding"
grep -q "not 'Table N (continued)'" "$d/bad/uncontinued.txt" || fail "uncontinued: wrong finding"
pass "the check fails a heading at a page foot, a one-row part and an unmarked continuation"
