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
    if ps.fitToWidth not in (1, None) or ps.fitToHeight != 0:
        bad.append(f"{n}: fitToWidth={ps.fitToWidth} fitToHeight={ps.fitToHeight}, expected 1 wide and 0 (any) high")
    if ps.paperSize not in (9, "9"):
        bad.append(f"{n}: paper {ps.paperSize}, expected 9 (A4)")
    if not ws.print_area:
        bad.append(f"{n}: no print area")
    if title not in (ws.oddHeader.center.text or ""):
        bad.append(f"{n}: header {ws.oddHeader.center.text!r}")
    if ws.oddFooter.left.text != "&A" or ws.oddFooter.right.text != "Page &P of &N":
        bad.append(f"{n}: footer {ws.oddFooter.left.text!r} / {ws.oddFooter.right.text!r}")
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
pdftotext -layout "$p" "$d/annex.txt"
/usr/bin/python3 - "$d/annex.txt" <<'PY' || fail "the printed annex"
import re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
pages = [p for p in pages if p.strip()]
bad = []
data_pages = 0
head = ["Goal", "Target", "Indicator", "Series", "Period", "Breakdown", "Category", "Value", "Symbols",
        "Status", "Unit", "Source", "Table"]
for i, page in enumerate(pages, 1):
    lines = [l for l in page.split("\n") if l.strip()]
    # (Text of native charts comes out where pdftotext puts it: look for the
    # page header and footer lines rather than taking the first and last.)
    feet = [m for m in (re.match(r"^\s*(.*?)\s{2,}Page (\d+) of (\d+)\s*$", l) for l in lines) if m]
    heads = [k for k, l in enumerate(lines) if l.strip() == "Voluntary Subnational Review Norway 2026"]
    if len(feet) != 1:
        bad.append(f"page {i}: {len(feet)} footer lines 'sheet … Page x of y'")
        continue
    if not heads:
        bad.append(f"page {i}: no page header with the report title")
        continue
    if feet[0].group(1) == "Data":
        data_pages += 1
        # The header row is the first line under the page header, whole: every
        # column on it, in order (one page wide).
        words = lines[heads[0] + 1].split()
        if words != head:
            bad.append(f"Data page {i} does not start with the header row: {lines[heads[0] + 1].strip()!r}")
        if len(lines) < 4:
            bad.append(f"Data page {i}: no rows")
if data_pages < 2:
    bad.append(f"only {data_pages} Data page(s); the test needs a Data sheet that runs over pages")
print(f"{len(pages)} pages, {data_pages} of the Data sheet, each starting with its header row")
for b in bad[:20]:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
pass "LibreOffice prints the annex one page wide, the Data sheet's header row on every page"
