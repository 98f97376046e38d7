#!/usr/bin/python3
"""End-to-end check of a workbook written by the sdgreport xlsx format plugin.

Run with Debian's /usr/bin/python3 (python3-openpyxl). Exits 0 when every check
passes, 1 with one line per failure otherwise.

  check_xlsx.py FILE [options]

Always checked (invariants of the plugin, whatever the report):
  - the first sheet is the Contents sheet (--contents NAME, default from --lang);
  - sheet names are valid for Excel: 1-31 characters, none of []:*?/\\, no
    apostrophe at either end, unique ignoring case;
  - no cell anywhere holds a formula (text is never written as a formula);
  - every internal link on the Contents sheet points to an existing sheet, and
    every other sheet is linked from it;
  - the Data sheet, if present, has the long-format header (Goal, Target,
    Indicator, Series, Period, Breakdown, Category, Value, Symbols, Status,
    Unit, Source, Table, in the report language), a frozen header row and an
    Excel table (or, in constant-memory mode, an autofilter) over every column, and its Value column holds numbers or text
    only; no two rows are the same observation (indicator or table, series,
    breakdown, category, period); years are numbers; every row has a value or
    a status, and symbol and status agree (en);
  - every Excel table object has a unique name and a header row of unique,
    non-empty text cells matching its column names;
  - document properties: title and creator are set.

Expectations (each may be repeated):
  --lang en|nb|nn              report language (default en)
  --sheet NAME                 a sheet with this name exists
  --sheets N                   exactly N sheets
  --tab NAME=RRGGBB            tab colour of a sheet
  --frozen NAME=CELL           freeze panes top-left cell, e.g. 'Goal 7 Energy=B3' ('none': not frozen)
  --autofilter NAME=RANGE      autofilter range, e.g. 'Goal 7 Energy=A2:D6'
  --table NAME=RANGE           the sheet holds an Excel table object over RANGE
  --data-has 'COL=V;COL=V'     the Data sheet has a row with these values in the
                               named columns (V empty = empty cell)
  --number SHEET!CELL=VALUE    a numeric cell with this value (±1e-9)
  --format SHEET!CELL=CODE     the number format of a cell, e.g. '#,##0.0'
  --text SHEET!CELL=VALUE      a text cell (data type 's') with exactly this value
  --empty SHEET!CELL           an empty cell
  --hostile                    the strings =HYPERLINK("http://x","click"), +1,
                               -2+3 and @SUM(A1) each occur as text cells
  --data-rows N                the Data sheet holds N observations
  --charts SHEET=N             the sheet holds N native charts
  --created ISO                created date, e.g. 2026-06-15T00:00:00
  --same-as OTHER.xlsx         byte-identical to another build
"""
import argparse
import math
import re
import sys

try:
    import openpyxl
    import openpyxl.utils
except ImportError:  # pragma: no cover
    sys.exit("check_xlsx.py: openpyxl missing; run with /usr/bin/python3 (python3-openpyxl)")

CONTENTS = {"en": "Contents", "nb": "Innhold", "nn": "Innhald"}
DATA_HEADER = {
    "en": ["Goal", "Target", "Indicator", "Series", "Period", "Breakdown", "Category", "Value", "Symbols", "Status",
           "Unit", "Source", "Table"],
    "nb": ["Mål", "Delmål", "Indikator", "Serie", "Periode", "Inndeling", "Kategori", "Verdi", "Symboler", "Status",
           "Enhet", "Kilde", "Tabell"],
    "nn": ["Mål", "Delmål", "Indikator", "Serie", "Periode", "Inndeling", "Kategori", "Verdi", "Symbol", "Status",
           "Eining", "Kjelde", "Tabell"],
}
# Status symbols and names by language (sdg::status_symbol / status_label).
STATUS = {
    "en": {"..": "Not available", "-": "Not applicable", ":": "Confidential", "p": "Provisional",
           "e": "Estimated", "b": "Break in series"},
}
HOSTILE = ['=HYPERLINK("http://x","click")', "+1", "-2+3", "@SUM(A1)"]
CELL_ARG = re.compile(r"^(.*?)!([A-Z]{1,3}[0-9]+)(?:=(.*))?$", re.S)

failures = []


def fail(msg):
    failures.append(msg)


def split_eq(arg):
    if "=" not in arg:
        sys.exit(f"check_xlsx.py: expected NAME=VALUE, got {arg!r}")
    name, value = arg.rsplit("=", 1)
    return name, value


def cell_of(wb, arg, need_value=True):
    m = CELL_ARG.match(arg)
    if not m or (need_value and m.group(3) is None):
        sys.exit(f"check_xlsx.py: expected SHEET!CELL{'=VALUE' if need_value else ''}, got {arg!r}")
    sheet, ref, value = m.group(1), m.group(2), m.group(3)
    if sheet not in wb.sheetnames:
        fail(f"{arg}: no sheet {sheet!r} (sheets: {wb.sheetnames})")
        return None, value
    return wb[sheet][ref], value


def sheet_of(wb, name):
    if name not in wb.sheetnames:
        fail(f"no sheet {name!r} (sheets: {wb.sheetnames})")
        return None
    return wb[name]


def check_data_rows(ws, data_name, lang):
    """One observation, one row: no two rows share (indicator or table, series,
    breakdown, category, period); periods that are years are numbers; Symbols
    and Status are both set or both empty; a row without a value has a status."""
    seen = {}
    for i, row in enumerate(ws.iter_rows(min_row=2, max_col=13, values_only=True), start=2):
        goal, target, indicator, series, period, breakdown, category, value, symbol, status = row[:10]
        table = row[12]
        key = (indicator or table, series, breakdown, category, period)
        if key in seen:
            fail(f"{data_name}: rows {seen[key]} and {i} are the same observation {key}")
        else:
            seen[key] = i
        if isinstance(period, str) and re.fullmatch(r"[12][0-9]{3}", period.strip()):
            fail(f"{data_name}!E{i}: year {period!r} stored as text, expected a number")
        if (symbol is None) != (status is None):
            fail(f"{data_name}: row {i} has symbol {symbol!r} but status {status!r}")
        if value is None and status is None:
            fail(f"{data_name}: row {i} has neither a value nor a status")
        if lang in STATUS and symbol is not None and STATUS[lang].get(symbol) != status:
            fail(f"{data_name}: row {i}: symbol {symbol!r} with status {status!r}")
        if breakdown is not None and category is None:
            fail(f"{data_name}: row {i} has a breakdown {breakdown!r} but no category")
        if goal is not None and not isinstance(goal, int):
            fail(f"{data_name}!A{i}: goal {goal!r} is not a number")
        if target and goal and not str(target).startswith(f"{goal}."):
            fail(f"{data_name}: row {i}: target {target!r} is not in goal {goal}")


def check_invariants(wb, contents_name, data_name, lang):
    names = wb.sheetnames
    if not names or names[0] != contents_name:
        fail(f"first sheet is {names[:1]}, expected {contents_name!r}")
    seen = set()
    for n in names:
        if not 1 <= len(n.encode("utf-16-le")) // 2 <= 31:
            fail(f"sheet name {n!r} is not 1-31 characters")
        if any(ch in n for ch in "[]:*?/\\"):
            fail(f"sheet name {n!r} holds a character Excel refuses")
        if n.startswith("'") or n.endswith("'"):
            fail(f"sheet name {n!r} starts or ends with an apostrophe")
        if n.casefold() in seen:
            fail(f"sheet name {n!r} is not unique ignoring case")
        seen.add(n.casefold())

    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (isinstance(c.value, str) and c.data_type != "s"):
                    fail(f"{ws.title}!{c.coordinate} is a formula or not text: {c.value!r} ({c.data_type})")

    if contents_name in names:
        linked = set()
        for row in wb[contents_name].iter_rows():
            for c in row:
                if not c.hyperlink or not c.hyperlink.location:
                    continue
                m = re.match(r"^'((?:[^']|'')*)'!([A-Z]+[0-9]+)$", c.hyperlink.location)
                if not m:
                    fail(f"{contents_name}!{c.coordinate}: link {c.hyperlink.location!r} is not 'Sheet'!A1")
                    continue
                target = m.group(1).replace("''", "'")
                if target not in names:
                    fail(f"{contents_name}!{c.coordinate}: link to missing sheet {target!r}")
                linked.add(target)
        for n in names[1:]:
            if n not in linked:
                fail(f"sheet {n!r} is not linked from {contents_name!r}")

    if data_name in names:
        ws = wb[data_name]
        header = [c.value for c in ws[1]]
        if header != DATA_HEADER[lang]:
            fail(f"{data_name}: header row is {header}, expected {DATA_HEADER[lang]}")
        else:
            check_data_rows(ws, data_name, lang)
        if ws.freeze_panes != "A2":
            fail(f"{data_name}: freeze panes {ws.freeze_panes}, expected A2")
        last_col = openpyxl.utils.get_column_letter(len(header))
        # One Excel table over the whole sheet (filter buttons of its own), or in
        # constant-memory mode, where no table object can be written, the sheet's autofilter.
        want = f"A1:{last_col}{ws.max_row}"
        tables = [t.ref for t in ws.tables.values()]
        if tables != [want] and ws.auto_filter.ref != want:
            fail(f"{data_name}: table {tables}, autofilter {ws.auto_filter.ref}; expected either over {want}")
        value_col = 8
        for (v,) in ws.iter_rows(min_row=2, min_col=value_col, max_col=value_col, values_only=True):
            if v is not None and not isinstance(v, (int, float, str)):
                fail(f"{data_name}: Value column holds {v!r}")
                break

    table_names = set()
    for ws in wb.worksheets:
        for name, ref in ws.tables.items():
            if name.casefold() in table_names:
                fail(f"table name {name!r} is not unique")
            table_names.add(name.casefold())
            t = ws.tables[name]
            first = ref.split(":")[0]
            row = ws[first].row
            min_col = ws[first].column
            heads = [ws.cell(row=row, column=min_col + i).value for i in range(len(t.tableColumns))]
            cols = [tc.name for tc in t.tableColumns]
            if heads != cols:
                fail(f"{ws.title}: table {name} header cells {heads} differ from its columns {cols}")
            if any(not isinstance(h, str) or not h for h in heads) or len({h.casefold() for h in heads}) != len(heads):
                fail(f"{ws.title}: table {name} header is not unique non-empty text: {heads}")

    if not wb.properties.title:
        fail("document property title is empty")
    if not wb.properties.creator:
        fail("document property creator (author) is empty")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--lang", default="en", choices=sorted(CONTENTS))
    ap.add_argument("--contents")
    ap.add_argument("--data", default="Data", help="name of the Data sheet (default Data)")
    ap.add_argument("--sheet", action="append", default=[])
    ap.add_argument("--sheets", type=int)
    ap.add_argument("--tab", action="append", default=[])
    ap.add_argument("--frozen", action="append", default=[])
    ap.add_argument("--autofilter", action="append", default=[])
    ap.add_argument("--table", action="append", default=[])
    ap.add_argument("--data-has", action="append", default=[])
    ap.add_argument("--number", action="append", default=[])
    ap.add_argument("--format", action="append", default=[])
    ap.add_argument("--text", action="append", default=[])
    ap.add_argument("--empty", action="append", default=[])
    ap.add_argument("--hostile", action="store_true")
    ap.add_argument("--data-rows", type=int)
    ap.add_argument("--charts", action="append", default=[])
    ap.add_argument("--created")
    ap.add_argument("--same-as")
    a = ap.parse_args()

    wb = openpyxl.load_workbook(a.file)
    check_invariants(wb, a.contents or CONTENTS[a.lang], a.data, a.lang)

    for n in a.sheet:
        sheet_of(wb, n)
    if a.sheets is not None and len(wb.sheetnames) != a.sheets:
        fail(f"{len(wb.sheetnames)} sheets, expected {a.sheets}: {wb.sheetnames}")
    for arg in a.tab:
        name, want = split_eq(arg)
        ws = sheet_of(wb, name)
        if ws is None:
            continue
        tc = ws.sheet_properties.tabColor
        got = tc.rgb[-6:].upper() if tc is not None and tc.rgb else None
        if got != want.upper().lstrip("#"):
            fail(f"{name}: tab colour {got}, expected {want}")
    for arg in a.frozen:
        name, want = split_eq(arg)
        ws = sheet_of(wb, name)
        if want == "none":
            want = None
        if ws is not None and ws.freeze_panes != want:
            fail(f"{name}: freeze panes {ws.freeze_panes}, expected {want}")
    for arg in a.autofilter:
        name, want = split_eq(arg)
        ws = sheet_of(wb, name)
        if ws is not None and ws.auto_filter.ref != want:
            fail(f"{name}: autofilter {ws.auto_filter.ref}, expected {want}")
    for arg in a.table:
        name, want = split_eq(arg)
        ws = sheet_of(wb, name)
        if ws is not None and want not in [ref for _, ref in ws.tables.items()]:
            fail(f"{name}: no table object over {want} (tables: {dict(ws.tables.items())})")
    for arg in a.data_has:
        if a.data not in wb.sheetnames:
            fail(f"no sheet {a.data!r}")
            continue
        ws = wb[a.data]
        header = [c.value for c in ws[1]]
        want = {}
        for pair in arg.split(";"):
            k, _, v = pair.partition("=")
            if k not in header:
                fail(f"--data-has {arg!r}: no column {k!r} in {header}")
            want[k] = v
        def matches(row):
            for k, v in want.items():
                if k not in header:
                    return False
                got = row[header.index(k)]
                if v == "":
                    if got is not None:
                        return False
                elif isinstance(got, (int, float)):
                    try:
                        if not math.isclose(got, float(v), rel_tol=1e-9, abs_tol=1e-9):
                            return False
                    except ValueError:
                        return False
                elif got != v:
                    return False
            return True
        if not any(matches(r) for r in ws.iter_rows(min_row=2, values_only=True)):
            fail(f"{a.data}: no row with {want}")
    for arg in a.number:
        c, want = cell_of(wb, arg)
        if c is None:
            continue
        if c.data_type != "n" or not isinstance(c.value, (int, float)):
            fail(f"{arg}: cell is {c.value!r} (type {c.data_type}), expected a number")
        elif not math.isclose(c.value, float(want), rel_tol=1e-9, abs_tol=1e-9):
            fail(f"{arg}: cell is {c.value!r}")
    for arg in a.format:
        c, want = cell_of(wb, arg)
        if c is not None and c.number_format != want:
            fail(f"{arg}: number format is {c.number_format!r}")
    for arg in a.text:
        c, want = cell_of(wb, arg)
        if c is None:
            continue
        if c.data_type != "s" or c.value != want:
            fail(f"{arg}: cell is {c.value!r} (type {c.data_type}), expected text {want!r}")
    for arg in a.empty:
        c, _ = cell_of(wb, arg, need_value=False)
        if c is not None and c.value is not None:
            fail(f"{arg}: cell is {c.value!r}, expected empty")
    if a.hostile:
        found = {h: False for h in HOSTILE}
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.value in found and c.data_type == "s":
                        found[c.value] = True
        for h, ok in found.items():
            if not ok:
                fail(f"hostile string {h!r} not found as a text cell")
    if a.data_rows is not None:
        if a.data not in wb.sheetnames:
            fail(f"no sheet {a.data!r}")
        else:
            rows = wb[a.data].max_row - 1
            if rows != a.data_rows:
                fail(f"{a.data}: {rows} observations, expected {a.data_rows}")
    for arg in a.charts:
        name, want = split_eq(arg)
        ws = sheet_of(wb, name)
        if ws is not None and len(ws._charts) != int(want):
            fail(f"{name}: {len(ws._charts)} charts, expected {want}")
    if a.created:
        got = wb.properties.created.isoformat() if wb.properties.created else None
        if got != a.created:
            fail(f"created {got}, expected {a.created}")
    if a.same_as:
        with open(a.file, "rb") as f1, open(a.same_as, "rb") as f2:
            if f1.read() != f2.read():
                fail(f"{a.file} and {a.same_as} differ")

    for f in failures:
        print(f"check_xlsx: {a.file}: {f}", file=sys.stderr)
    if not failures:
        print(f"check_xlsx: {a.file}: ok ({len(wb.sheetnames)} sheets)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
