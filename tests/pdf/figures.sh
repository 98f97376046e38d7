#!/usr/bin/env bash
# Figures in the PDF (issue 12): `{width=40%}` draws an image at 40 % of the text
# width, never beyond its natural size at 150 dpi; an SVG image is refused at its
# Markdown line (exit 1, the earlier output untouched); a figure that would leave
# most of a page empty lets the paragraphs after it float up into the gap, and
# the structure tree keeps the drawn order (text, then figure).
# Usage: figures.sh SDGREPORT
SDGREPORT=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600
cd "$d"
mkdir -p text/img
$PY - <<'PYEOF'
from PIL import Image
Image.new("RGB", (3000, 900), (0, 104, 157)).save("text/img/full.png")    # natural 1440 pt: text width
Image.new("RGB", (2000, 1000), (200, 80, 40)).save("text/img/wide.png")   # natural 960 pt
Image.new("RGB", (300, 150), (40, 160, 60)).save("text/img/small.png")    # natural 144 pt
Image.new("RGB", (1600, 1400), (120, 120, 120)).save("text/img/tall.png") # a tall figure, for the float
PYEOF
{
  echo "title: Figures"
  echo "required_chapters: []"
  echo "chapters:"
  echo "  - title: Pictures"
  echo "    source: { plugin: markdown, file: text/pictures.md }"
  echo "  - title: Float"
  echo "    source: { plugin: markdown, file: text/float.md }"
  echo "outputs: [{ format: pdf, file: figures.pdf }]"
} > report.yaml
cat > text/pictures.md <<'MD'
A full-width image:

![A blue band across the page](img/full.png)

At 40 % of the text width:

![An orange block at forty percent](img/wide.png){#fig:wide width=40%}

Asked for the full width, but only 300 pixels wide:

![A small green block](img/small.png){width=100%}
MD
{
  # About a third of a page of text, then a figure too tall for the rest of the
  # page, then paragraphs that fit in the gap.
  for i in $(seq 1 6); do
    echo "Lead-in paragraph $i. Sustainable development meets the needs of the present without compromising the ability of future generations to meet their own needs."
    echo
  done
  echo "![A tall grey block that does not fit](img/tall.png)"
  echo
  for i in 1 2 3; do
    echo "FLOATED-$i: this paragraph comes after the figure in the source but fills the gap above it on the page."
    echo
  done
} > text/float.md

"$SDGREPORT" -q build report.yaml -o out
pdf=out/figures.pdf
[ -s "$pdf" ] || fail "no PDF"

# Drawn image widths: the cm matrix in force at each Do, in page order.
$PY - "$pdf" <<'PYEOF' || fail "figure widths"
import sys
import pikepdf
pdf = pikepdf.open(sys.argv[1])
draws = []  # (page, width, height, x, y)
for n, page in enumerate(pdf.pages):
    stack, ctm = [], [1, 0, 0, 1, 0, 0]
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            a, b, c, d, e, f = [float(v) for v in operands]
            A, B, C, D, E, F = ctm
            ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
        elif op == "Do":
            draws.append((n, ctm[0], ctm[3], ctm[4], ctm[5]))
print("images drawn (page, w, h):", [(p, round(w, 1), round(h, 1)) for p, w, h, _, _ in draws])
if len(draws) < 4:
    sys.exit("expected 4 images, found %d" % len(draws))
full, wide, small = draws[0][1], draws[1][1], draws[2][1]
if abs(wide - 0.4 * full) > 1:
    sys.exit(f"40 % image is {wide:.1f} pt wide, expected 40 % of the text width {full:.1f} = {0.4 * full:.1f}")
if abs(small - 144) > 0.5:
    sys.exit(f"the 300-pixel image is {small:.1f} pt wide; at most its natural 144 pt at 150 dpi")
if abs(draws[1][2] - wide / 2) > 0.5:
    sys.exit("the 40 % image is not scaled in proportion")
print(f"ok: text width {full:.1f} pt, 40 % image {wide:.1f} pt, small image {small:.1f} pt (natural size)")
PYEOF
pass "figure widths: 40 % of the text width; a small image never stretched beyond 150 dpi"

# The float: the paragraphs after the tall figure are on the page before it.
pages=$($PY -c "import pikepdf,sys; print(len(pikepdf.open(sys.argv[1]).pages))" "$pdf")
fig_page=0 text_page=0
for p in $(seq 1 "$pages"); do
  pdftotext -enc UTF-8 -f "$p" -l "$p" "$pdf" "p$p.txt"
  grep -q "FLOATED-3" "p$p.txt" && text_page=$p
  grep -q "^Figure 4$" "p$p.txt" && fig_page=$p
done
[ "$fig_page" -gt 0 ] && [ "$text_page" -gt 0 ] || fail "floated text (page $text_page) or figure 4 (page $fig_page) not found"
[ "$text_page" -lt "$fig_page" ] || fail "the paragraphs after the figure did not float up: text on page $text_page, figure on $fig_page"
grep -q "Lead-in paragraph 6" "p$text_page.txt" || fail "the floated text is not on the page the figure left"
# Tag order = drawn order: the last floated paragraph's P comes before the Figure.
$PY - "$pdf" <<'PYEOF' || fail "structure order of the floated text"
import sys
import pikepdf
pdf = pikepdf.open(sys.argv[1])
order = []
def walk(node):
    if isinstance(node, pikepdf.Array):
        for c in node:
            walk(c)
    elif isinstance(node, pikepdf.Dictionary) and node.get("/S") is not None:
        s = str(node.S)
        if s == "/Figure":
            order.append(("Figure", str(node.get("/Alt", ""))))
        elif s == "/P":
            order.append(("P", None))
        walk(node.get("/K"))
walk(pdf.Root.StructTreeRoot.K)
tall = [i for i, (s, alt) in enumerate(order) if s == "Figure" and alt.startswith("A tall grey")]
if not tall:
    sys.exit("no Figure element for the tall image")
after = sum(1 for s, _ in order[tall[0] + 1:] if s == "P")
print(f"P elements after the tall figure's Figure element: {after}")
if after > 0:  # the float chapter ends the report: nothing but its floated text could follow
    sys.exit("the floated paragraphs are tagged after the figure, but drawn before it")
PYEOF
$PY "$here/pdfua_check.py" "$pdf" > ua.txt || { cat ua.txt; fail "PDF/UA checks"; }
pass "a figure that would leave half a page empty: the text after it floats up (page $text_page, figure on $fig_page); tag order follows"

# SVG: refused at its Markdown line, exit 1, the earlier output untouched.
before=$(md5sum "$pdf")
printf 'Intro.\n\n![A chart of energy use](img/chart.svg)\n' > text/pictures.md
printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n' > text/img/chart.svg
set +e
"$SDGREPORT" -q build report.yaml -o out > svg.out 2> svg.err
rc=$?
set -e
[ $rc -eq 1 ] || { cat svg.err; fail "SVG image: exit $rc, expected 1"; }
grep -q "pictures.md:3" svg.err || { cat svg.err; fail "SVG message without the Markdown file:line"; }
grep -q "SVG images are not supported; convert to PNG (e.g. rsvg-convert -w 1600 chart.svg -o chart.png)" svg.err ||
  { cat svg.err; fail "SVG message"; }
[ "$(md5sum "$pdf")" = "$before" ] || fail "the earlier PDF was changed by the failed build"
pass "SVG refused: $(head -1 svg.err)"
set +e
"$SDGREPORT" validate report.yaml > validate.out 2>&1
rc=$?
set -e
[ $rc -eq 1 ] || { cat validate.out; fail "validate with an SVG image: exit $rc, expected 1 (errors)"; }
grep -q "pictures.md:3:1: error: .*SVG images are not supported" validate.out || { cat validate.out; fail "validate does not name the SVG"; }
pass "validate: $(grep -m1 SVG validate.out)"

# A JSON model with an SVG figure: the PDF writer refuses it (exit 1, no output);
# the model keeps a figure's width.
printf 'Intro.\n\n![A small green block](img/small.png){width=50%%}\n' > text/pictures.md
"$SDGREPORT" -q build report.yaml --format json -o json
model=$(ls json/*.json)
grep -q '"width": "50%"' "$model" || fail "the JSON model lost the figure's width"
# The HTML edition caps the image at the width (max-width: never stretched).
"$SDGREPORT" -q build report.yaml --format html -o html
grep -q '<img src="data:image/png;base64,[^"]*" alt="A small green block" style="max-width:50%">' html/*.html ||
  fail "HTML: the figure's width is not its max-width"
sed 's|img/small.png|img/chart.svg|' "$model" > svg.json
set +e
"$SDGREPORT" -q render svg.json --format pdf -o svgout 2> render.err
rc=$?
set -e
[ $rc -eq 1 ] || { cat render.err; fail "PDF of a model with an SVG figure: exit $rc, expected 1"; }
grep -q "SVG images are not supported" render.err || { cat render.err; fail "PDF writer's SVG message"; }
[ ! -e svgout/svg.pdf ] || fail "a PDF was written for a model with an SVG figure"
pass "JSON model and HTML (max-width) keep the width; SVG figure refused by the PDF writer: $(head -1 render.err)"
