#!/usr/bin/env bash
# Theme fonts (theme: font:): the sample set in Noto Sans (fonts-noto-core) embeds
# and uses Noto Sans subsets, with right text extraction and PDF/UA structure; a
# font without a character the report uses (Open Sans 1.11 has no U+2082 "₂") is
# an error naming it, and the earlier PDF stays as it was.
# Usage: theme_font.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600
noto=/usr/share/fonts/truetype/noto open_sans=/usr/share/fonts/truetype/open-sans
[ -f $noto/NotoSans-Regular.ttf ] && [ -f $open_sans/OpenSans-Regular.ttf ] ||
  fail "fonts-noto-core and fonts-open-sans are needed (scripts/install-deps.sh test)"

# with_font DIR PREFIX: a copy of the sample whose theme names the four faces DIR/PREFIX-*.ttf
with_font() {
  rm -rf "$d/sample"
  cp -r "$SAMPLE" "$d/sample"
  $PY - "$d/sample/report.yaml" "$1" "$2" <<'PYEOF'
import sys
path, folder, prefix = sys.argv[1:]
text = open(path, encoding="utf-8").read()
faces = "".join(f"    {k}: {folder}/{prefix}-{f}.ttf\n" for k, f in
                (("regular", "Regular"), ("bold", "Bold"), ("italic", "Italic"), ("bold_italic", "BoldItalic")))
new = text.replace("  page_size: A4\n", "  page_size: A4\n  font:\n" + faces, 1)
assert new != text, "no 'page_size: A4' in the sample's theme"
open(path, "w", encoding="utf-8").write(new)
PYEOF
}

with_font $noto NotoSans
"$SDGREPORT" -q build "$d/sample/report.yaml" --format pdf -o "$d/a"
pdf="$d/a/vsr-norway.pdf"
pdffonts "$pdf" > "$d/fonts.txt"
cat "$d/fonts.txt"
grep -qE '^[A-Z]{6}\+NotoSans-Regular +CID TrueType +Identity-H +yes +yes +yes' "$d/fonts.txt" || fail "Noto Sans Regular not embedded as a subset with ToUnicode"
grep -qE '^[A-Z]{6}\+NotoSans-Bold ' "$d/fonts.txt" || fail "Noto Sans Bold not used"
if grep -E '\+DejaVuSans(-Bold|-Oblique)? ' "$d/fonts.txt"; then fail "DejaVu Sans still used for text"; fi
pass "pdffonts: Noto Sans subsets with ToUnicode, no DejaVu Sans"
pdftotext "$pdf" "$d/a.txt"
expect_contains "$d/a.txt" "CO₂-equivalents" "Bodø, in Tromsø, in Ålesund" "“The goals are reached – or missed –"
pass "pdftotext: subscripts, æøå, curly quotes and dashes intact"
$PY "$here/pdfua_check.py" "$pdf" || fail "PDF/UA structure"
$PY "$here/layout_check.py" "$pdf" || fail "pagination rules"
"$SDGREPORT" -q build "$d/sample/report.yaml" --format pdf -o "$d/b"
cmp "$pdf" "$d/b/vsr-norway.pdf" || fail "two builds differ"
pass "PDF/UA checker, pagination rules, reproducible"

# Open Sans lacks "₂": refused with the character, its code and page; the PDF already there is kept.
with_font $open_sans OpenSans
if "$SDGREPORT" -q build "$d/sample/report.yaml" --format pdf -o "$d/a" 2> "$d/err.txt"; then
  fail "a font without a character of the report was accepted"
fi
cat "$d/err.txt"
grep -q "character '₂' (U+2082) is not in the theme font .*OpenSans-Regular.ttf; it occurs on page" "$d/err.txt" ||
  fail "the error does not name the character and the font"
[ "$(wc -l < "$d/err.txt")" -eq 1 ] || fail "more than one line of error"
cmp "$pdf" "$d/b/vsr-norway.pdf" || fail "the earlier PDF was changed"
pass "missing glyph: one-line error naming U+2082, earlier output untouched"
