#!/usr/bin/env bash
# The value axis of every chart in both samples (en, nb) has the same ticks in the
# PDF and in the HTML edition: both writers take it from formats/common/axis.hpp,
# and this checks what a reader sees (the SVG's labels; the PDF's words, read by
# poppler). A second run with a chart whose PDF axis is changed must fail, so the
# comparison can fail.
# Usage: same_ticks.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
nb="$SAMPLE/../vsr-norway-nb"

for s in "$SAMPLE" "$nb"; do
  name=$(basename "$s")
  "$SDGREPORT" -q build "$s/report.yaml" --format pdf,html -o "$d/$name"
  [ -s "$d/$name/$name.pdf" ] && [ -s "$d/$name/$name.html" ] || fail "$name: no PDF or HTML written"
  /usr/bin/python3 "$here/same_ticks.py" "$d/$name/$name.html" "$d/$name/$name.pdf" > "$d/$name.txt" ||
    { cat "$d/$name.txt" >&2; fail "$name: the PDF and HTML axes differ"; }
  charts=$(tail -1 "$d/$name.txt" | cut -d' ' -f1)
  [ "$charts" -ge 3 ] || fail "$name: only $charts charts compared"
  pass "$name: $charts charts, the same ticks in the PDF and the HTML"
done

# The check can fail: the HTML's first axis with one label changed is not in the PDF.
name=$(basename "$SAMPLE")
/usr/bin/python3 -c 'import re, sys; p = open(sys.argv[1], encoding="utf-8").read(); sys.stdout.write(re.sub(r"(<g class=\"grid\">.*?<text[^>]*>)[^<]*", r"\g<1>999999", p, count=1, flags=re.S))' \
  "$d/$name/$name.html" > "$d/changed.html"
! cmp -s "$d/changed.html" "$d/$name/$name.html" || fail "the test's change did not apply"
! /usr/bin/python3 "$here/same_ticks.py" "$d/changed.html" "$d/$name/$name.pdf" > /dev/null ||
  fail "a changed axis was not noticed"
pass "a chart whose HTML axis differs from the PDF's is caught"
