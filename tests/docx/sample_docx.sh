#!/usr/bin/env bash
# The sample's Word edition (issue 21), checked with real clients:
# - same inputs, same bytes (SOURCE_DATE_EPOCH);
# - LibreOffice converts it to PDF, and every table cell of the JSON model is in
#   that PDF's text with its status symbol (tests/docx/fidelity_docx.py);
# - pandoc finds as many level-1/2/3 headings, footnotes, tables and images as the
#   model has (check_docx.py), here and on a fixture with footnotes, a figure and
#   cross-references;
# - python-docx reads the core properties, the language and pandoc's style names;
# - a reference_doc whose Heading 1 is another font restyles the output.
# Usage: sample_docx.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format docx,json -o "$d/a"
docx="$d/a/vsr-norway.docx"
[ -s "$docx" ] || fail "no DOCX written"
"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format docx -o "$d/b"
cmp "$docx" "$d/b/vsr-norway.docx" || fail "two builds with SOURCE_DATE_EPOCH differ"
pass "reproducible: byte-identical DOCX"

lo() {  # lo OUTDIR FORMAT FILES...: LibreOffice with a profile of its own
  local out=$1 fmt=$2; shift 2
  timeout 300 soffice "-env:UserInstallation=file://$d/lo_profile_$$" --headless --convert-to "$fmt" --outdir "$out" "$@" \
    > "$d/lo.log" 2>&1 || { cat "$d/lo.log"; fail "LibreOffice failed"; }
}
lo "$d/pdf" pdf "$docx"
[ -s "$d/pdf/vsr-norway.pdf" ] || { cat "$d/lo.log"; fail "LibreOffice wrote no PDF"; }
$PY "$here/fidelity_docx.py" "$d/a/vsr-norway.json" "$d/pdf/vsr-norway.pdf" || fail "fidelity of LibreOffice's PDF"
pass "LibreOffice: PDF with every table cell of the model"

$PY "$here/check_docx.py" "$d/a/vsr-norway.json" "$docx" || fail "pandoc counts"

$PY - "$docx" <<'PY' || fail "python-docx"
import sys, docx
d = docx.Document(sys.argv[1])
cp = d.core_properties
assert cp.title == "Voluntary Subnational Review Norway 2026", cp.title
assert cp.author == "KS", cp.author
assert cp.language == "en-GB", cp.language
names = {p.style.name for p in d.paragraphs}
for n in ("Title", "Subtitle", "Heading 1", "Heading 2", "Body Text", "First Paragraph", "Table Caption", "Image Caption"):
    assert n in names, (n, sorted(names))
assert all(t.style.name == "Table" for t in d.tables), {t.style.name for t in d.tables}
# Every data table repeats its header row on each page, and numbers are right-aligned.
ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
for t in d.tables:
    first = t._tbl.tr_lst[0]
    assert first.find("w:trPr/w:tblHeader", ns) is not None, "header row not repeated"
jc = d.element.body.findall(".//w:tc/w:p/w:pPr/w:jc[@w:val='right']", ns)
assert len(jc) > 100, len(jc)
# Images carry their alt text.
descr = d.element.body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
assert descr and all(x.get("descr") for x in descr), "an image without alt text"
print(f"ok: python-docx: properties, language, pandoc's style names, {len(d.tables)} tables with repeated headers, {len(descr)} images with alt text")
PY

# A fixture with footnotes, cross-references, a figure and heading blocks.
mkdir -p "$d/f"
cp "$SAMPLE/assets/logo.png" "$d/f/logo.png"
cat > "$d/f/text.md" <<'MD'
## Overview {#overview}

Renewables covered most of the use.[^hydro] See [](#goal-13) and [the overview](#overview) on [](#overview "page").

![The logo of the sample](logo.png)

Wind grew fastest.[^wind]

| Year | GWh |
|------|----:|
| 2022 | 120.5 |
| 2023 | 118.2 |

[^hydro]: Mostly hydropower – æøå “quoted”.
[^wind]: Onshore wind only.
MD
cat > "$d/f/report.yaml" <<'YAML'
sdgreport: 1
name: notes
title: Notes
language: nb
date: 2026-01-01
chapters:
  - title: Energi
    source: { plugin: markdown, file: text.md }
  - title: Klima
    goals: [13]
YAML
"$SDGREPORT" -q build "$d/f/report.yaml" --format docx,json -o "$d/f/out"
$PY "$here/check_docx.py" "$d/f/out/notes.json" "$d/f/out/notes.docx" || fail "pandoc counts on the fixture"
$PY - "$d/f/out/notes.docx" <<'PY' || fail "footnotes, cross-references, language"
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
doc = z.read("word/document.xml").decode()
notes = z.read("word/footnotes.xml").decode()
assert doc.count("<w:footnoteReference") == 2, doc.count("<w:footnoteReference")
assert "Mostly hydropower – æøå “quoted”." in notes, "footnote text"
anchors = set(re.findall(r'w:anchor="([^"]+)"', doc))
names = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', doc))
assert anchors and anchors <= names, anchors - names
assert "PAGEREF" in doc and "SEQ Table" in doc, "page reference or caption field missing"
assert "Mål 13" in doc, "goal reference text"
styles = z.read("word/styles.xml").decode()
assert 'w:lang w:val="nb-NO"' in styles, "document language"
print("ok: footnotes, internal links to bookmarks, PAGEREF and SEQ fields, nb-NO")
PY
pass "fixture: footnotes, cross-references, figure, language"

# reference_doc: a template whose Heading 1 is DejaVu Serif restyles the edition.
cp -r "$SAMPLE" "$d/s"
$PY - "$d/s/ref.docx" <<'PY'
import sys, docx
d = docx.Document()
d.styles["Heading 1"].font.name = "DejaVu Serif"
d.save(sys.argv[1])
PY
echo "  - { format: docx, file: styled.docx, reference_doc: ref.docx }" >> "$d/s/report.yaml"
"$SDGREPORT" -q build "$d/s/report.yaml" --format docx -o "$d/s/out" 2> "$d/s.log" || { cat "$d/s.log"; fail "build with reference_doc"; }
$PY - "$d/s/out/styled.docx" <<'PY' || fail "reference_doc"
import sys, docx
d = docx.Document(sys.argv[1])
h1 = [p for p in d.paragraphs if p.style.name == "Heading 1"]
assert h1, "no Heading 1 paragraphs"
assert h1[0].style.font.name == "DejaVu Serif", h1[0].style.font.name
assert "Body Text" in {p.style.name for p in d.paragraphs}, "styles the template lacks were not added"
print(f"ok: reference_doc: {len(h1)} Heading 1 paragraphs in DejaVu Serif")
PY
echo "not a docx" > "$d/s/bad.docx"
sed -i 's/reference_doc: ref.docx/reference_doc: bad.docx/' "$d/s/report.yaml"
if "$SDGREPORT" -q build "$d/s/report.yaml" --format docx -o "$d/s/out2" 2> "$d/bad.log"; then fail "a bad reference_doc was accepted"; fi
grep -q "report.yaml:.*reference_doc.*bad.docx" "$d/bad.log" || { cat "$d/bad.log"; fail "no located error for a bad reference_doc"; }
pass "reference_doc restyles; a bad one is an error at its line: $(head -1 "$d/bad.log")"
