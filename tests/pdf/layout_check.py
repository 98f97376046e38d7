#!/usr/bin/python3
"""Checks the pagination rules of issue 12 on a tagged PDF written by sdgreport.

Usage: layout_check.py FILE.pdf [FILE.pdf ...]
Prints one line per problem and exits 1 if any file has one.

- headings: no heading (H1-H6 in the structure tree) in the last 2 lines of a
  page: at least 2 lines of text lie below its last line on its page
  (text lines from `pdftotext -bbox`, inside the text area; footnotes count as
  lines, the running footer does not);
- tables: every part of a table split across pages (the TR elements under a
  TBody, by the page their content is drawn on) holds at least 2 body rows, unless
  the whole table has fewer;
- continuation: every page on which a table continues starts (its first line of
  body text) with "Table N (continued)" / "Tabell N (forts.)".

Positions come from the content streams (pikepdf): each marked-content sequence's
MCID is mapped to its element through the page's /StructParents entry in the
ParentTree, and to the baselines of the text it draws.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pikepdf

from pdfua_check import number_tree  # same folder: the one number-tree reader

MB = 72  # bottom margin of the writer (formats/pdf/canvas.hpp); the footer lies below it
MT = 76  # top margin; the running head lies above it
TOL = 1.0
CONTINUED = re.compile(r"^(Table|Tabell) \d+ \((continued|forts\.)\)")


def mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def mcid_baselines(page):
    """{mcid: [baseline y in PDF user space, ...]} for the text each MCID draws."""
    out = {}
    ctm, saved, marks = [1, 0, 0, 1, 0, 0], [], []
    tm = tlm = [1, 0, 0, 1, 0, 0]
    leading = 0
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "BDC":
            props = operands[1]
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            marks.append(int(mcid) if mcid is not None else None)
        elif op == "BMC":
            marks.append(None)
        elif op == "EMC":
            if marks:
                marks.pop()
        elif op == "q":
            saved.append(list(ctm))
        elif op == "Q":
            ctm = saved.pop() if saved else [1, 0, 0, 1, 0, 0]
        elif op == "cm":
            ctm = mul([float(v) for v in operands], ctm)
        elif op == "BT":
            tm = tlm = [1, 0, 0, 1, 0, 0]
        elif op == "Tm":
            tm = tlm = [float(v) for v in operands]
        elif op in ("Td", "TD"):
            tx, ty = float(operands[0]), float(operands[1])
            if op == "TD":
                leading = -ty
            tm = tlm = mul([1, 0, 0, 1, tx, ty], tlm)
        elif op == "TL":
            leading = float(operands[0])
        elif op in ("T*", "'", '"'):
            tm = tlm = mul([1, 0, 0, 1, 0, -leading], tlm)
        if op in ("Tj", "TJ", "'", '"'):
            owner = next((m for m in reversed(marks) if m is not None), None)
            if owner is not None:
                y = mul(tm, ctm)[5]
                out.setdefault(owner, []).append(y)
    return out


def text_lines(path):
    """Per page: sorted tops (yMin, from the page top) of the lines of body text."""
    html = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True, text=True).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html).replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(html)
    pages = []
    for page in root.iter("page"):
        h = float(page.get("height"))
        lines = {}
        for w in page.iter("word"):
            y0, y1 = float(w.get("yMin")), float(w.get("yMax"))
            if y0 < MT - TOL or y1 > h - MB + TOL:
                continue  # running head, footer
            lines.setdefault(round(y1), []).append((float(w.get("xMin")), y0, y1, w.text or ""))
        merged = []  # words whose bottoms differ by under 2 pt are one line
        for y in sorted(lines):
            if merged and y - merged[-1][0] < 2:
                merged[-1][1].extend(lines[y])
            else:
                merged.append((y, list(lines[y])))
        pages.append([(y, " ".join(t for _, _, _, t in sorted(ws))) for y, ws in merged])
    return pages


def ancestors(elem):
    while elem is not None and isinstance(elem, pikepdf.Dictionary) and "/S" in elem:
        yield elem
        elem = elem.get("/P")


def check(path):
    problems = []
    pdf = pikepdf.open(path)
    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return [f"{path}: not tagged (no structure tree), cannot check the layout"]
    parents = number_tree(root.ParentTree, {})
    lines = text_lines(path)
    heights = [float(p.MediaBox[3]) for p in pdf.pages]

    rows = {}  # table key -> {tr key: page}
    row_order = {}  # table key -> first page
    headings = 0
    for n, page in enumerate(pdf.pages):
        sp = page.obj.get("/StructParents")
        if sp is None:
            continue
        owners = parents.get(int(sp))
        if owners is None:
            continue
        heading_y = {}
        for mcid, ys in mcid_baselines(page).items():
            if mcid >= len(owners):
                continue
            elem = owners[mcid]
            chain = list(ancestors(elem))
            roles = [str(e.S)[1:] for e in chain]
            h = next((e for e, r in zip(chain, roles) if re.fullmatch(r"H[1-6]?", r)), None)
            if h is not None:
                k = h.objgen
                heading_y[k] = min(ys + [heading_y.get(k, 1e9)])
            if "TR" in roles and "TBody" in roles:
                tr = chain[roles.index("TR")]
                table = next((e for e, r in zip(chain, roles) if r == "Table"), None)
                if table is not None:
                    rows.setdefault(table.objgen, {}).setdefault(tr.objgen, n)
                    row_order.setdefault(table.objgen, n)
        for k, y in heading_y.items():
            headings += 1
            top_down = heights[n] - y  # baseline of the heading's last line, from the page top
            below = [t for ly, t in lines[n] if ly > top_down + 4]
            if len(below) < 2:
                near = sorted(lines[n], key=lambda lt: abs(lt[0] - top_down))
                what = near[0][1] if near and abs(near[0][0] - top_down) < 8 else "?"
                problems.append(f"{path}: page {n + 1}: heading {what!r} is in the last 2 lines of the page "
                                f"({len(below)} line(s) of text below it)")

    continued_pages = set()
    for table, trs in rows.items():
        per_page = {}
        for tr, n in trs.items():
            per_page[n] = per_page.get(n, 0) + 1
        total = sum(per_page.values())
        for n, count in sorted(per_page.items()):
            if len(per_page) > 1 and count < 2 and total >= 2:
                problems.append(f"{path}: page {n + 1}: a part of a table (rows from page {row_order[table] + 1} on) "
                                f"holds {count} body row")
            if n != min(per_page):
                continued_pages.add(n)
    for n in sorted(continued_pages):
        first = lines[n][0][1] if lines[n] else ""
        if not CONTINUED.match(first):
            problems.append(f"{path}: page {n + 1}: a table continues here, but the page starts with {first[:60]!r}, "
                            "not 'Table N (continued)'")
    if headings == 0:
        problems.append(f"{path}: no headings found in the structure tree (is the checker reading it?)")
    print(f"{path}: {len(pdf.pages)} pages, {headings} headings, {len(rows)} table parts, "
          f"{len(continued_pages)} continuation pages checked")
    return problems


def main(paths):
    problems = []
    for p in paths:
        problems += check(p)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
