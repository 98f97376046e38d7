#!/usr/bin/env bash
# The sample report's PDF, checked with real clients: qpdf, pdffonts, pdftotext, pdfinfo.
# Usage: sample_pdf.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
source "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1781481600   # 2026-06-15
export TZ=UTC                         # pdfinfo shows dates in local time

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format pdf -o "$d/a"
pdf="$d/a/vsr-norway.pdf"
[ -s "$pdf" ] || fail "no PDF written"

qpdf --check "$pdf" > "$d/qpdf.txt" 2>&1 || { cat "$d/qpdf.txt"; fail "qpdf --check"; }
grep -q "No syntax or stream encoding errors found" "$d/qpdf.txt" || { cat "$d/qpdf.txt"; fail "qpdf found problems"; }
pass "qpdf --check"

pdffonts "$pdf" > "$d/fonts.txt"
nfonts=$(tail -n +3 "$d/fonts.txt" | wc -l)
[ "$nfonts" -ge 2 ] || { cat "$d/fonts.txt"; fail "expected at least 2 fonts"; }
# column 'emb' must be 'yes' for every font
if tail -n +3 "$d/fonts.txt" | awk '{ if ($(NF-4) != "yes") bad=1 } END { exit !bad }'; then
  cat "$d/fonts.txt"; fail "a font is not embedded"
fi
tail -n +3 "$d/fonts.txt" | grep -q "Identity-H" || fail "fonts are not Unicode (Identity-H)"
pass "pdffonts: $nfonts fonts, all embedded"
/usr/bin/python3 "$(dirname "$0")/../pdf/pdfua_check.py" "$pdf" > "$d/pdfua.txt" || { cat "$d/pdfua.txt"; fail "PDF/UA structure (tests/pdf/pdfua_check.py)"; }

pdftotext -enc UTF-8 "$pdf" "$d/text.txt"
expect_contains "$d/text.txt" \
  "Voluntary Subnational" "Review Norway 2026" \
  "KS – Kommunesektorens organisasjon" \
  "Opening statement" \
  "Ålesund" "Årdal" "Røst" "Trøndelag" "Østlandet" \
  "“The goals are reached – or missed – where people live" \
  "Affordable and clean energy" "Climate action" \
  "Upper-secondary completion within five years" \
  "Gudbrandsdalslågen"
pass "pdftotext: Norwegian text and typography intact"

pdfinfo "$pdf" > "$d/info.txt"
grep -qE '^Title: +Voluntary Subnational Review Norway 2026$' "$d/info.txt" || fail "pdfinfo title"
grep -qE '^Page size: +595.276 x 841.89 pts \(A4\)$' "$d/info.txt" || fail "pdfinfo page size"
grep -qE '^CreationDate: +Mon Jun 15 00:00:00 2026 UTC$' "$d/info.txt" || fail "creation date not from SOURCE_DATE_EPOCH"
pages=$(awk '/^Pages:/ {print $2}' "$d/info.txt")
[ "$pages" -ge 5 ] || fail "only $pages pages"
pass "pdfinfo: title, A4, $pages pages"

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format pdf -o "$d/b"
cmp "$pdf" "$d/b/vsr-norway.pdf" || fail "two builds with SOURCE_DATE_EPOCH differ"
pass "reproducible: byte-identical PDF"
