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
# A narrow sheet stays portrait; a one-block section sheet repeats its header row.
if wb["Contents"].page_setup.orientation == "landscape":
    bad.append("Contents: landscape, expected portrait")
ws = wb["Goal 1 No poverty"]
if not ws.print_title_rows:
    bad.append("Goal 1 No poverty: one block, but its header row is not repeated")
print("Goal 1:", ws.print_title_rows, ws.page_setup.orientation, ws.print_area)
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
    footer = lines[-1].strip()
    m = re.match(r"^(.*?)\s{2,}Page (\d+) of (\d+)$", footer)
    if not m:
        bad.append(f"page {i}: no footer 'sheet … Page x of y': {footer!r}")
        continue
    if not lines[0].strip().startswith("Voluntary Subnational Review Norway 2026"):
        bad.append(f"page {i}: header {lines[0].strip()!r}")
    if m.group(1) == "Data":
        data_pages += 1
        # The header row is the first line under the page header, whole: every
        # column on it, in order (one page wide).
        words = lines[1].split()
        if words != head:
            bad.append(f"Data page {i} does not start with the header row: {lines[1].strip()!r}")
        # A page with data has rows with the last column filled (one page wide).
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
