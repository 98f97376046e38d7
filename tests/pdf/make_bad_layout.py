#!/usr/bin/python3
"""Makes PDFs that must fail layout_check.py, from a good PDF with a split table.

Usage: make_bad_layout.py GOOD.pdf OUT_DIR
Writes, each with one fault:
  OUT_DIR/heading-at-foot.pdf       the first heading that has a page below it is
                                    moved (a `cm` around its marked content) down to
                                    the foot of its page, under the last line;
  OUT_DIR/one-row-part.pdf          on the first page a table continues on, all but
                                    one of its body rows are removed (their TR content);
  OUT_DIR/uncontinued.pdf           on that page the "Table N (continued)" caption
                                    (an artifact) is removed.
"""
import sys

import pikepdf
from pikepdf import Name

from pdfua_check import number_tree  # same folder: the one number-tree reader


def roles(elem):
    out = []
    while isinstance(elem, pikepdf.Dictionary) and "/S" in elem:
        out.append((str(elem.S)[1:], elem))
        elem = elem.get("/P")
    return out


def owners(pdf, page):
    parents = number_tree(pdf.Root.StructTreeRoot.ParentTree, {})
    return parents.get(int(page.obj.get("/StructParents", -1)), [])


def sequences(page):
    """[(start, end, mcid or None, is_artifact)] of the top-level marked content."""
    ops = list(pikepdf.parse_content_stream(page))
    out, stack = [], []
    for i, (operands, op) in enumerate(ops):
        o = str(op)
        if o in ("BDC", "BMC"):
            mcid = None
            if o == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
            stack.append((i, mcid, str(operands[0]) == "/Artifact"))
        elif o == "EMC" and stack:
            start, mcid, art = stack.pop()
            if not stack:
                out.append((start, i, mcid, art))
    return ops, out


def save(pdf, page, ops, out):
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
    pdf.save(out, static_id=True)


def heading_at_foot(good, out):
    with pikepdf.open(good) as pdf:
        for page in list(pdf.pages)[2:]:  # past the cover and the contents
            own = owners(pdf, page)
            ops, seqs = sequences(page)
            for start, end, mcid, _ in seqs:
                if mcid is None or mcid >= len(own):
                    continue
                if any(r.startswith("H") and r[1:].isdigit() for r, _ in roles(own[mcid])):
                    # Down by most of the page: its baseline lands just above the bottom margin.
                    ys = [float(o[1]) for o, op in ops[start:end] if str(op) == "Td"]
                    if not ys or max(ys) < 300:
                        continue
                    dy = 80 - max(ys)
                    ops = ops[:start] + [([], pikepdf.Operator("q")),
                                         ([1, 0, 0, 1, 0, dy], pikepdf.Operator("cm"))] + \
                        ops[start:end + 1] + [([], pikepdf.Operator("Q"))] + ops[end + 1:]
                    return save(pdf, page, ops, out)
    raise SystemExit("no heading high enough on a page to move")


def continuation_page(pdf):
    """The first page whose first tagged table row belongs to a table begun earlier."""
    seen = set()
    for n, page in enumerate(pdf.pages):
        own = owners(pdf, page)
        ops, seqs = sequences(page)
        tables_here = {}
        for start, end, mcid, art in seqs:
            if mcid is None or mcid >= len(own):
                continue
            rs = dict(roles(own[mcid]))
            if "TR" in rs and "TBody" in rs and "Table" in rs:
                tables_here.setdefault(rs["Table"].objgen, []).append((start, end, rs["TR"].objgen))
        for t, seqs_of in tables_here.items():
            if t in seen:
                return page, ops, seqs_of
        seen.update(tables_here)
    raise SystemExit("no table continues on a later page")


def one_row_part(good, out):
    with pikepdf.open(good) as pdf:
        page, ops, rows = continuation_page(pdf)
        first_tr = rows[0][2]
        drop = set()
        for start, end, tr in rows:
            if tr != first_tr:
                drop.update(range(start, end + 1))
        save(pdf, page, [o for i, o in enumerate(ops) if i not in drop], out)


def uncontinued(good, out):
    with pikepdf.open(good) as pdf:
        page, ops, _ = continuation_page(pdf)
        # The caption is the first line of 9 pt text below the running head. Text
        # objects are shared by several runs and positioned with relative Td, so
        # follow the text line matrix and drop only that line's show operators.
        size, x, y, line_y, drop = None, 0.0, 0.0, None, set()
        for i, (operands, op) in enumerate(ops):
            o = str(op)
            if o == "BT":
                x = y = 0.0
            elif o == "Tf":
                size = float(operands[1])
            elif o in ("Td", "TD"):
                x, y = x + float(operands[0]), y + float(operands[1])
            elif o == "Tm":
                x, y = float(operands[4]), float(operands[5])
            elif o in ("Tj", "TJ", "'", '"'):
                if size == 9 and 700 < y < 770 and (line_y is None or abs(y - line_y) < 0.5):
                    line_y = y
                    drop.add(i)
        if not drop:
            raise SystemExit("no continued caption found")
        return save(pdf, page, [o for i, o in enumerate(ops) if i not in drop], out)


if __name__ == "__main__":
    good, out_dir = sys.argv[1], sys.argv[2]
    heading_at_foot(good, f"{out_dir}/heading-at-foot.pdf")
    one_row_part(good, f"{out_dir}/one-row-part.pdf")
    uncontinued(good, f"{out_dir}/uncontinued.pdf")
