#!/usr/bin/env bash
# The sample report's PDF against the structural PDF/UA checker and the contents
# check; broken copies must fail the checker.
# Usage: sample_pdfua.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format pdf -o "$d/a"
pdf="$d/a/vsr-norway.pdf"
[ -s "$pdf" ] || fail "no PDF written"

# The same report through the JSON model, as Letter with the serif face, and without contents.
"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format json -o "$d/j"
"$SDGREPORT" -q render "$d/j/vsr-norway.json" --format pdf -o "$d/r"
# (a copy of the sample, since its data paths are relative to the definition)
cp -r "$SAMPLE" "$d/sample"
sed -i -e 's/{ format: pdf, file: vsr-norway.pdf }/{ format: pdf, file: letter.pdf, paper: letter, font: serif, toc: false }/' \
  "$d/sample/report.yaml"
grep -q "paper: letter" "$d/sample/report.yaml" || fail "could not make the letter variant"
"$SDGREPORT" -q build "$d/sample/report.yaml" --format pdf -o "$d/l"
letter="$d/l/letter.pdf"
pdfinfo "$letter" | grep -qE '^Page size: +612 x 792 pts \(letter\)' || fail "letter variant is not Letter"

$PY "$here/pdfua_check.py" "$pdf" "$d/r/vsr-norway.pdf" $letter || fail "PDF/UA structure"
pass "PDF/UA checker: sample, rendered model${letter:+, letter/serif/no contents}"

pdfinfo "$pdf" > "$d/info.txt"
grep -qE '^Tagged: +yes$' "$d/info.txt" || fail "pdfinfo: not tagged"
pdfinfo -struct "$pdf" > "$d/struct.txt"
grep -q "TOCI" "$d/struct.txt" || fail "no TOC/TOCI in the structure tree"
pass "pdfinfo: tagged, TOC in the structure"

$PY "$here/toc_check.py" "$pdf" 10 || fail "contents page numbers"
pass "contents entries lead to the pages their headings land on"

# /ID comes from the content: the Letter build (other bytes) gets another id.
# The trailer keys live in the cross-reference stream's dictionary, so read them
# with pikepdf rather than from the file's tail.
id() { $PY -c 'import pikepdf, sys; i = pikepdf.open(sys.argv[1]).trailer.ID; print(bytes(i[0]).hex() if len(i) == 2 and bytes(i[0]) == bytes(i[1]) else "")' "$1"; }
[ -n "$(id "$pdf")" ] || fail "no /ID"
if [ -n "$letter" ]; then
  [ "$(id "$pdf")" != "$(id "$letter")" ] || fail "/ID does not depend on the content"
fi
"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format pdf -o "$d/b"
cmp "$pdf" "$d/b/vsr-norway.pdf" || fail "two builds differ"
pass "/ID from the content; byte-identical rebuild"

# Compact: non-stream objects in object streams, a cross-reference stream, no
# classic xref table; qpdf sees the objects as compressed entries.
grep -aq '/Type/ObjStm' "$pdf" || fail "no object streams"
grep -aq '/Type/XRef' "$pdf" || fail "no cross-reference stream"
! grep -aq '^xref' "$pdf" || fail "a classic xref table is still written"
qpdf --show-xref "$pdf" > "$d/xref.txt"
grep -q 'compressed; stream =' "$d/xref.txt" || fail "qpdf sees no compressed objects"
qpdf --check "$pdf" > "$d/qpdf.txt" 2>&1 || { cat "$d/qpdf.txt"; fail "qpdf --check"; }
pass "object streams and a cross-reference stream; qpdf --check clean"

# The checker must catch an untagged paragraph and a figure without alt text.
mkdir -p "$d/bad"
$PY "$here/make_bad_pdfs.py" "$pdf" "$d/bad"
if $PY "$here/pdfua_check.py" "$d/bad/untagged-paragraph.pdf" > "$d/bad1.txt"; then
  fail "checker passed a PDF with an untagged paragraph"
fi
grep -q "text operator(s) outside tagged content" "$d/bad1.txt" || { cat "$d/bad1.txt"; fail "wrong reason (1)"; }
if $PY "$here/pdfua_check.py" "$d/bad/figure-without-alt.pdf" > "$d/bad2.txt"; then
  fail "checker passed a PDF with a figure without alt text"
fi
grep -q "Figure .* has no /Alt" "$d/bad2.txt" || { cat "$d/bad2.txt"; fail "wrong reason (2)"; }
if $PY "$here/pdfua_check.py" "$d/bad/crossed-text-object.pdf" > "$d/bad3.txt"; then
  fail "checker passed a PDF whose marked content crosses a text object"
fi
grep -q "marked content and text objects (BT/ET) do not nest" "$d/bad3.txt" || { cat "$d/bad3.txt"; fail "wrong reason (3)"; }
pass "checker fails on an untagged paragraph, on a figure without /Alt and on marked content crossing BT/ET"
if $PY "$here/pdfua_check.py" "$d/bad/empty-sequence.pdf" > "$d/bad4.txt"; then
  fail "checker passed a PDF with an empty marked-content sequence"
fi
grep -q "empty marked-content sequence" "$d/bad4.txt" || { cat "$d/bad4.txt"; fail "wrong reason (4)"; }
if $PY "$here/pdfua_check.py" "$d/bad/continued-without-th.pdf" > "$d/bad5.txt"; then
  fail "checker passed a PDF whose continued table parts have no header cells"
fi
grep -q "without its header row (TH)" "$d/bad5.txt" || { cat "$d/bad5.txt"; fail "wrong reason (5)"; }
pass "checker fails on an empty tagged sequence and on a continued table part without TH"
