#!/usr/bin/env bash
# The statistical annex prints (issue 23): every sheet of the sample's workbook
# has a page setup chosen from its shape, read back with openpyxl (orientation,
# fit to one page wide, repeated header rows, print area, header and footer) and
# the Data and Metadata sheets are Excel tables; LibreOffice then prints the
# workbook to PDF, and on that PDF's text every page is one page wide (the last
# column's header is on the same line as the first's) and every page of the Data
# sheet starts with the header row.
# Usage: print_setup.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
command -v soffice >/dev/null || fail "soffice not found (apt-get install libreoffice-calc-nogui)"

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format xlsx -o "$d/in"
x="$d/in/vsr-norway.xlsx"

/usr/bin/python3 - "$x" <<'PY' || fail "page setup read back with openpyxl"
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
bad = []
title = "Voluntary Subnational Review Norway 2026"
for ws in wb.worksheets:
    n = ws.title
    ps = ws.page_setup
    if not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage:
        bad.append(f"{n}: not fit to page")
    # (an attribute left out is Excel's default, 1)
    if ps.fitToWidth not in (1, None) or ps.fitToHeight not in (0, 1, None):
        bad.append(f"{n}: fitToWidth={ps.fitToWidth} fitToHeight={ps.fitToHeight}, expected 1 wide and 0 (any) or 1 high")
    if ps.paperSize not in (9, "9"):
        bad.append(f"{n}: paper {ps.paperSize}, expected 9 (A4)")
    if not ws.print_area:
        bad.append(f"{n}: no print area")
    if title not in (ws.oddHeader.center.text or ""):
        bad.append(f"{n}: header {ws.oddHeader.center.text!r}")
    if ws.oddFooter.left.text != "&A" or ws.oddFooter.right.text != "Page &P of &N":
        bad.append(f"{n}: footer {ws.oddFooter.left.text!r} / {ws.oddFooter.right.text!r}")
if wb["Data"].page_setup.fitToHeight != 0:
    bad.append("Data: a long sheet fit to one page high")
for n in ("Data", "Metadata"):
    ws = wb[n]
    if ws.page_setup.orientation != "landscape":
        bad.append(f"{n}: orientation {ws.page_setup.orientation}, expected landscape (wide)")
    if (ws.print_title_rows or "").replace("$", "") != "1:1":
        bad.append(f"{n}: print titles {ws.print_title_rows!r}, expected '1:1'")
    if len(ws.tables) != 1:
        bad.append(f"{n}: {len(ws.tables)} tables, expected one")
    else:
        t = next(iter(ws.tables.values()))
        first, last = t.ref.split(":")
        if first != "A1" or t.autoFilter is None:
            bad.append(f"{n}: table {t.name} at {t.ref}, autofilter {t.autoFilter}")
        if int("".join(c for c in last if c.isdigit())) != ws.max_row:
            bad.append(f"{n}: table {t.ref} does not reach the last row {ws.max_row}")
    print(f"{n}: table {[t.ref for t in ws.tables.values()]}, print area {ws.print_area}, titles {ws.print_title_rows}")
# A narrow sheet stays portrait, and a section sheet of one block repeats its
# header row (row 2, under the caption); a goal sheet (tables and native charts
# beside them) is wide: landscape, its print area reaching past the data to the charts.
ws = wb["Means of implementation"]
if ws.page_setup.orientation == "landscape":
    bad.append("Means of implementation: landscape, expected portrait (narrow)")
if (ws.print_title_rows or "").replace("$", "") != "2:2":
    bad.append(f"Means of implementation: print titles {ws.print_title_rows!r}, expected its header row 2:2")
ws = wb["Goal 1 No poverty"]
if ws.page_setup.orientation != "landscape" or len(ws._charts) == 0:
    bad.append(f"Goal 1 No poverty: {ws.page_setup.orientation}, {len(ws._charts)} charts")
area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
last = area.split(":")[-1].replace("$", "")
if openpyxl.utils.column_index_from_string("".join(c for c in last if c.isalpha())) <= ws.max_column:
    bad.append(f"Goal 1 No poverty: print area {area} does not reach the chart beside the data")
# The Metadata sheet's Goal and Target columns are filled for global indicators.
m = wb["Metadata"]
head = [c.value for c in m[1]]
gi, ti, ii = head.index("Goal"), head.index("Target"), head.index("Indicator")
rows = [r for r in m.iter_rows(min_row=2, values_only=True) if r[ii] and not str(r[ii]).endswith(")")]
if not rows:
    bad.append("Metadata: no global indicators")
for r in rows:
    ind = str(r[ii])
    if r[gi] != int(ind.split(".")[0]) or r[ti] != ".".join(ind.split(".")[:2]):
        bad.append(f"Metadata: indicator {ind} has goal {r[gi]!r}, target {r[ti]!r}")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
pass "openpyxl: page setup on every sheet, tables on Data and Metadata, goal and target on Metadata"

timeout 300 soffice -env:UserInstallation="file://$d/profile" --headless --norestore \
  --convert-to pdf --outdir "$d/pdf" "$x" >"$d/soffice.log" 2>&1 || { cat "$d/soffice.log" >&2; fail "soffice failed"; }
p="$d/pdf/vsr-norway.pdf"
[ -s "$p" ] || fail "LibreOffice wrote no PDF"
# Every word with its position (pdftotext -bbox): per page, the topmost line is
# the page header, the bottommost the footer, the lines between them the body
# (so text of native charts never mixes with the header and footer lines).
pdftotext -bbox "$p" "$d/annex.html"
/usr/bin/python3 - "$d/annex.html" <<'PY' || fail "the printed annex"
import re, sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/1999/xhtml}"
root = ET.parse(sys.argv[1]).getroot()
def lines_of(page):
    rows = {}
    for w in page.iter(NS + "word"):
        y = round(float(w.get("yMin")) * 2) / 2
        rows.setdefault(y, []).append((float(w.get("xMin")), w.text or ""))
    return [" ".join(t for _, t in sorted(ws)) for _, ws in sorted(rows.items())]
pages = [lines_of(p) for p in root.iter(NS + "page")]
bad = []
data_pages = 0
head = "Goal Target Indicator Series Period Breakdown Category Value Symbols Status Unit Source Table"
sheets = {}
for i, lines in enumerate(pages, 1):
    if len(lines) < 3:
        bad.append(f"page {i}: {lines}")
        continue
    if lines[0] != "Voluntary Subnational Review Norway 2026":
        bad.append(f"page {i}: page header {lines[0]!r}")
    m = re.match(r"^(.*) Page (\d+) of (\d+)$", lines[-1])
    if not m:
        bad.append(f"page {i}: footer {lines[-1]!r}, expected 'sheet … Page x of y'")
        continue
    sheets.setdefault(m.group(1), []).append(i)
    if m.group(1) == "Data":
        data_pages += 1
        # The header row is the body's first line, whole: every column on it, in
        # order (one page wide); rows under it.
        if lines[1] != head:
            bad.append(f"Data page {i} does not start with the header row: {lines[1]!r}")
        if len(lines) < 4:
            bad.append(f"Data page {i}: no rows")
if data_pages < 2:
    bad.append(f"only {data_pages} Data page(s); the test needs a Data sheet that runs over pages")
# Short sheets print on one page (a goal sheet with its chart is not cut in two).
for name, ps in sheets.items():
    if name.startswith("Goal ") and len(ps) != 1:
        bad.append(f"{name}: {len(ps)} pages")
print(f"{len(pages)} pages, {len(sheets)} sheets, {data_pages} pages of the Data sheet, each starting with its header row")
for b in bad[:20]:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
pass "LibreOffice prints the annex one page wide, the Data sheet's header row on every page"
