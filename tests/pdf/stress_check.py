#!/usr/bin/python3
"""Checks the stress PDF: nothing drawn outside the text area, table headers repeat.

Usage: stress_check.py FILE.pdf
- text (pdftotext -bbox): every word lies between the left and right margins;
  words above the top margin or below the bottom margin are only the running
  header and the footer (in their bands);
- graphics: every path and image that is content (not an /Artifact) lies inside
  the text area (paths traced from the content streams with pikepdf);
- the 300-row table: all rows present once, and every page that shows some of its
  rows shows its header row too.
The cover (page 1) is designed to bleed and is not checked.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pikepdf

# A4 geometry of the writer (formats/pdf/canvas.hpp).
W, H = 595.276, 841.89
ML, MR, MT, MB = 66, 66, 76, 72
TOL = 1.0


def words(path):
    html = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True, text=True).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html)
    html = html.replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(html)
    for n, page in enumerate(root.iter("page")):
        yield n, [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")),
                   w.text or "") for w in page.iter("word")]


def check_text(path, problems):
    pages = {}
    for n, ws in words(path):
        pages[n] = " ".join(w[4] for w in ws)
        if n == 0:
            continue
        for x0, y0, x1, y1, t in ws:
            where = f"page {n + 1}: word {t!r} at ({x0:.1f},{y0:.1f})-({x1:.1f},{y1:.1f})"
            if x0 < ML - TOL or x1 > W - MR + TOL:
                problems.append(f"{where} outside the left/right margins")
            in_body = y0 >= MT - TOL and y1 <= H - MB + TOL
            in_header = y1 <= MT - 10
            in_footer = y0 >= H - MB + 10
            if not (in_body or in_header or in_footer):
                problems.append(f"{where} outside the text area")
    return pages


def mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def check_graphics(path, problems):
    pdf = pikepdf.open(path)
    for n, page in enumerate(pdf.pages):
        if n == 0:
            continue
        ctm, saved, marks, pts = [1, 0, 0, 1, 0, 0], [], [], []

        def inside(x, y):
            px, py = x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]
            return ML - TOL <= px <= W - MR + TOL and MB - TOL <= py <= H - MT + TOL, (px, py)

        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            artifact = any(m == "Artifact" for m in marks)
            if op in ("BDC", "BMC"):
                marks.append(str(operands[0])[1:])
            elif op == "EMC":
                marks.pop()
            elif op == "q":
                saved.append(list(ctm))
            elif op == "Q":
                ctm = saved.pop()
            elif op == "cm":
                ctm = mul([float(v) for v in operands], ctm)
            elif op in ("m", "l"):
                pts.append((float(operands[0]), float(operands[1])))
            elif op == "c":
                pts += [(float(operands[i]), float(operands[i + 1])) for i in (0, 2, 4)]
            elif op == "re":
                x, y, w, h = (float(v) for v in operands)
                pts += [(x, y), (x + w, y + h)]
            elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "Do"):
                if op == "Do":
                    pts += [(0, 0), (1, 1)]
                if not artifact and op != "n":
                    for x, y in pts:
                        ok, (px, py) = inside(x, y)
                        if not ok:
                            problems.append(f"page {n + 1}: /{marks[-1] if marks else '?'} content "
                                            f"'{op}' reaches ({px:.1f},{py:.1f}), outside the text area")
                            break
                pts = []


def check_long_table(pages, problems):
    seen = {}
    for n, text in pages.items():
        rows = re.findall(r"\bRad (\d{3})\b", text)
        for r in rows:
            seen[r] = seen.get(r, 0) + 1
        if rows and not all(h in text for h in ("Kommune", "Innbyggere", "Merknad")):
            problems.append(f"page {n + 1}: rows of the long table without its header row")
    missing = [f"{r:03d}" for r in range(1, 301) if seen.get(f"{r:03d}") != 1]
    if missing:
        problems.append(f"long table: rows missing or repeated: {missing[:10]}")
    pages_with_rows = sum(1 for t in pages.values() if re.search(r"\bRad \d{3}\b", t))
    if pages_with_rows < 2:
        problems.append("long table does not break across pages")
    return pages_with_rows


def main(path):
    problems = []
    pages = check_text(path, problems)
    check_graphics(path, problems)
    n = check_long_table(pages, problems)
    for p in problems[:50]:
        print(f"{path}: {p}")
    if len(problems) > 50:
        print(f"{path}: … and {len(problems) - 50} more")
    if not problems:
        print(f"{path}: everything inside the text area; the long table spans {n} pages, header on each")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
