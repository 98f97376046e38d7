#!/usr/bin/python3
"""Checks the native charts of a workbook written by the sdgreport xlsx plugin
against the document model it was rendered from.

  check_charts.py FILE.xlsx MODEL.json

For every chart block of the model (in reading order) there must be one chart
part (xl/charts/chartN.xml), drawn on the sheet that holds its data, whose
  - type is the model's (line, column = barDir col, bar = barDir bar);
  - title refers to a cell holding the chart's title;
  - series, in order, each refer to a header cell holding "name (unit)", to a
    category range whose cells hold the categories and to a value range whose
    cells are numbers equal to the values (missing values: empty cells);
  - category axis title refers to a cell holding Year/Category in the report
    language, the value axis has a title starting with Value in that language;
  - legend is shown at the bottom;
  - first series is drawn in the sheet's tab colour (the goal colour), and no
    two series share a colour.
Run with Debian's /usr/bin/python3 (python3-openpyxl). Exits 1 listing failures.
"""
import json
import posixpath
import colorsys
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
WORDS = {
    "en": {"year": "Year", "category": "Category", "value": "Value"},
    "nb": {"year": "År", "category": "Kategori", "value": "Verdi"},
    "nn": {"year": "År", "category": "Kategori", "value": "Verdi"},
}
REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$")

failures = []


def fail(msg):
    failures.append(msg)


def model_charts(doc):
    out = []

    def blocks(bs):
        for b in bs:
            if b["type"] == "chart":
                out.append(b)
            for key in ("blocks",):
                if key in b:
                    blocks(b[key])

    def section(s):
        blocks(s["blocks"])
        for sub in s["sections"]:
            section(sub)

    for ch in doc["chapters"]:
        section(ch)
    return out


def cells(wb, formula):
    """The sheet name and the list of cells a formula like 'S'!$A$3:$A$7 names."""
    m = REF.match(formula)
    if not m:
        fail(f"formula {formula!r} is not a sheet range")
        return None, []
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    if sheet not in wb.sheetnames:
        fail(f"formula {formula!r} names a missing sheet")
        return sheet, []
    ws = wb[sheet]
    first = f"{m.group(3)}{m.group(4)}"
    last = f"{m.group(5)}{m.group(6)}" if m.group(5) else first
    return sheet, [c for row in ws[f"{first}:{last}"] for c in row]


def rels(z, part):
    """Relationship targets of a part, resolved to part names, by id."""
    d, base = posixpath.split(part)
    path = posixpath.join(d, "_rels", base + ".rels")
    if path not in z.namelist():
        return {}
    root = ET.fromstring(z.read(path))
    return {
        r.get("Id"): posixpath.normpath(posixpath.join(d, r.get("Target")))
        for r in root.findall("rel:Relationship", NS)
    }


def chart_sheets(z):
    """chart part -> name of the sheet whose drawing shows it."""
    wbx = ET.fromstring(z.read("xl/workbook.xml"))
    wrels = rels(z, "xl/workbook.xml")
    out = {}
    for s in wbx.findall("s:sheets/s:sheet", NS):
        sheet_part = wrels[s.get(f"{{{NS['r']}}}id")]
        for target in rels(z, sheet_part).values():
            if "/drawings/" in target:
                for chart in rels(z, target).values():
                    out[chart] = s.get("name")
    return out


def text_of(el):
    return "".join(t.text or "" for t in el.iter(f"{{{NS['a']}}}t"))


def ser_color(ser):
    sp = ser.find("c:spPr", NS)
    if sp is None:
        return None
    clr = sp.find(".//a:srgbClr", NS)
    return clr.get("val").upper() if clr is not None else None


def luminance(hex6):
    def ch(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex6[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def contrast_on_white(hex6):
    return 1.05 / (luminance(hex6) + 0.05)


def hue(hex6):
    r, g, b = (int(hex6[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def ser_marker_dash(ser):
    m = ser.find("c:marker/c:symbol", NS)
    d = ser.find("c:spPr/a:ln/a:prstDash", NS)
    return (m.get("val") if m is not None else None, d.get("val") if d is not None else "solid")


def check_chart(wb, root, part, sheet_of_part, model, lang):
    where = f"{part} ({model['title']!r})"
    plot = root.find("c:chart/c:plotArea", NS)
    kind = model["kind"]
    if kind == "line":
        group = plot.find("c:lineChart", NS)
    else:
        group = plot.find("c:barChart", NS)
        if group is not None:
            bar_dir = group.find("c:barDir", NS).get("val")
            if bar_dir != {"column": "col", "bar": "bar"}[kind]:
                fail(f"{where}: barDir {bar_dir}, expected {kind}")
    if group is None:
        fail(f"{where}: no {kind} chart element")
        return

    sers = group.findall("c:ser", NS)
    if len(sers) != len(model["series"]):
        fail(f"{where}: {len(sers)} series, expected {len(model['series'])}")
    data_sheets = set()
    colors = []
    for i, (ser, ms) in enumerate(zip(sers, model["series"])):
        want_name = ms["name"] + (f" ({ms['unit']})" if ms["unit"] else "")
        f = ser.find("c:tx/c:strRef/c:f", NS)
        sheet, cs = cells(wb, f.text if f is not None else "")
        if [c.value for c in cs] != [want_name]:
            fail(f"{where}: series {i + 1} name refers to {[c.value for c in cs]}, expected {want_name!r}")
        cat = ser.find("c:cat//c:f", NS)
        sheet_c, cs = cells(wb, cat.text if cat is not None else "")
        data_sheets.add(sheet_c)
        if [str(c.value) for c in cs] != model["categories"]:
            fail(f"{where}: series {i + 1} categories are {[c.value for c in cs]}, expected {model['categories']}")
        val = ser.find("c:val/c:numRef/c:f", NS)
        sheet_v, cs = cells(wb, val.text if val is not None else "")
        data_sheets.add(sheet_v)
        got = [c.value for c in cs]
        for c in cs:
            if c.value is not None and c.data_type != "n":
                fail(f"{where}: value cell {c.coordinate} is not a number: {c.value!r}")
        if len(got) != len(ms["values"]) or any(
            (w is None) != (g is None) or (w is not None and abs(g - w) > 1e-9) for g, w in zip(got, ms["values"])
        ):
            fail(f"{where}: series {i + 1} values are {got}, expected {ms['values']}")
        colors.append(ser_color(ser))

    if data_sheets != {sheet_of_part}:
        fail(f"{where}: data on {sorted(data_sheets)}, chart drawn on {sheet_of_part!r}")

    f = root.find("c:chart/c:title/c:tx/c:strRef/c:f", NS)
    _, cs = cells(wb, f.text if f is not None else "")
    if [c.value for c in cs] != [model["title"]]:
        fail(f"{where}: title refers to {[c.value for c in cs]}")

    periods = all(re.fullmatch(r"[12]\d{3}", c) for c in model["categories"])
    want_axis = WORDS[lang]["year" if periods else "category"]
    f = plot.find("c:catAx/c:title/c:tx/c:strRef/c:f", NS)
    _, cs = cells(wb, f.text if f is not None else "")
    if [c.value for c in cs] != [want_axis]:
        fail(f"{where}: category axis title refers to {[c.value for c in cs]}, expected {want_axis!r}")
    vt = plot.find("c:valAx/c:title", NS)
    if vt is None or not text_of(vt).startswith(WORDS[lang]["value"]):
        fail(f"{where}: value axis title is {text_of(vt) if vt is not None else None!r}")

    legend = root.find("c:chart/c:legend/c:legendPos", NS)
    if legend is None or legend.get("val") != "b":
        fail(f"{where}: legend not at the bottom")

    tab = wb[sheet_of_part].sheet_properties.tabColor
    tab_rgb = tab.rgb[-6:].upper() if tab is not None and tab.rgb else None
    # The goal colour where it has 3:1 contrast on white (WCAG 1.4.11), else a darker
    # shade of the same hue (formats/common/palette, as in the PDF and HTML).
    if tab_rgb and colors and colors[0]:
        if colors[0] != tab_rgb and (contrast_on_white(tab_rgb) >= 3 or abs(
                (hue(colors[0]) - hue(tab_rgb) + 180) % 360 - 180) > 10):
            fail(f"{where}: first series colour {colors[0]} is neither the goal colour {tab_rgb} nor a darker shade of it")
    for c in colors:
        if c and contrast_on_white(c) < 3:
            fail(f"{where}: series colour {c} has {contrast_on_white(c):.2f}:1 on white (< 3:1)")
    if kind == "line" and len(sers) > 1:
        looks = [ser_marker_dash(ser) for ser in sers]
        if len(set(looks)) != len(looks):
            fail(f"{where}: series differ by colour only: markers/dashes {looks}")
    if None in colors or len(set(colors)) != len(colors):
        fail(f"{where}: series colours {colors} are missing or repeated")


def main():
    xlsx, model_path = sys.argv[1], sys.argv[2]
    doc = json.load(open(model_path, encoding="utf-8"))
    lang = doc["meta"]["language"]
    charts = model_charts(doc)
    wb = openpyxl.load_workbook(xlsx)
    with zipfile.ZipFile(xlsx) as z:
        parts = sorted(
            (n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)),
            key=lambda n: int(re.search(r"\d+", posixpath.basename(n)).group()),
        )
        if len(parts) != len(charts):
            fail(f"{len(parts)} chart parts, expected {len(charts)} (one per chart block)")
        where = chart_sheets(z)
        by_title = {}
        for part in parts:
            root = ET.fromstring(z.read(part))
            f = root.find("c:chart/c:title/c:tx/c:strRef/c:f", NS)
            _, cs = cells(wb, f.text if f is not None else "")
            by_title[cs[0].value if cs else None] = (part, root)
        for m in charts:
            if m["title"] not in by_title:
                fail(f"no chart part titled {m['title']!r}")
                continue
            part, root = by_title[m["title"]]
            if part not in where:
                fail(f"{part} is not drawn on any sheet")
                continue
            check_chart(wb, root, part, where[part], m, lang)
    for f in failures:
        print(f"check_charts: {xlsx}: {f}", file=sys.stderr)
    if not failures:
        print(f"check_charts: {xlsx}: ok ({len(charts)} charts)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
