#!/usr/bin/python3
"""Makes PDFs that must fail the PDF/UA checker, from a good tagged PDF.

Usage: make_bad_pdfs.py GOOD.pdf OUT_DIR
Writes OUT_DIR/untagged-paragraph.pdf (the first paragraph's BDC/EMC removed, so
its text is drawn outside marked content) and OUT_DIR/figure-without-alt.pdf (the
first Figure element's /Alt removed) and OUT_DIR/crossed-text-object.pdf (the
text object around the first marked-content sequence begun inside one is ended
and begun again inside that sequence, so the two no longer nest) and
OUT_DIR/empty-sequence.pdf (the text drawn in the first paragraph's marked-content
sequence removed, leaving the tagged sequence empty) and
OUT_DIR/continued-without-th.pdf (the header rows repeated on the pages a table
continues on tagged TD instead of TH).
"""
import sys

import pikepdf
from pikepdf import Name


def elements(node):
    for kid in node.get("/K", []) if isinstance(node.get("/K"), pikepdf.Array) else [node.get("/K")]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


def first(pdf, role, pred=lambda e: True):
    for e in elements(pdf.Root.StructTreeRoot):
        if e.S == Name(role) and pred(e):
            return e
    raise SystemExit(f"no {role} element in the good PDF")


def untag_paragraph(good, out):
    with pikepdf.open(good) as pdf:
        p = first(pdf, "/P", lambda e: isinstance(e.get("/K"), int) and "/Pg" in e)
        mcid = int(p.K)
        page = pikepdf.Page(p.Pg)
        ops = pikepdf.parse_content_stream(page)
        kept, depth, skip_at = [], 0, None
        for operands, op in ops:
            o = str(op)
            if o in ("BDC", "BMC"):
                depth += 1
                if o == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and \
                        operands[1].get("/MCID") == mcid and skip_at is None:
                    skip_at = depth
                    continue
            elif o == "EMC":
                depth -= 1
                if skip_at is not None and depth + 1 == skip_at:
                    skip_at = -1
                    continue
            kept.append((operands, op))
        if skip_at != -1:
            raise SystemExit(f"MCID {mcid} not found in its page's content")
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        pdf.save(out, static_id=True)


def drop_figure_alt(good, out):
    with pikepdf.open(good) as pdf:
        fig = first(pdf, "/Figure", lambda e: "/Alt" in e)
        del fig.Alt
        pdf.save(out, static_id=True)


def cross_text_object(good, out):
    with pikepdf.open(good) as pdf:
        for page in pdf.pages:
            ops = list(pikepdf.parse_content_stream(page))
            in_text = False
            for k, (operands, op) in enumerate(ops):
                o = str(op)
                if o in ("BT", "ET"):
                    in_text = o == "BT"
                elif o == "BDC" and in_text:
                    ops[k + 1:k + 1] = [([], pikepdf.Operator("ET")), ([], pikepdf.Operator("BT"))]
                    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
                    pdf.save(out, static_id=True)
                    return
    raise SystemExit("no marked-content sequence inside a text object in the good PDF")


def empty_sequence(good, out):
    with pikepdf.open(good) as pdf:
        p = first(pdf, "/P", lambda e: isinstance(e.get("/K"), int) and "/Pg" in e)
        mcid = int(p.K)
        page = pikepdf.Page(p.Pg)
        kept, inside = [], None
        for operands, op in pikepdf.parse_content_stream(page):
            o = str(op)
            if o == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and operands[1].get("/MCID") == mcid:
                inside = 1
            elif inside is not None and o in ("BDC", "BMC"):
                inside += 1
            elif inside is not None and o == "EMC":
                inside -= 1
                if inside == 0:
                    inside = None
            elif inside is not None and o in ("Tj", "TJ", "'", '"'):
                continue
            kept.append((operands, op))
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        pdf.save(out, static_id=True)


def continued_without_th(good, out):
    with pikepdf.open(good) as pdf:
        n = 0
        for body in elements(pdf.Root.StructTreeRoot):
            if body.S != Name("/TBody"):
                continue
            for tr in elements(body):
                if tr.S != Name("/TR"):
                    continue
                cells = [c for c in elements(tr) if c.S in (Name("/TH"), Name("/TD"))]
                if cells and all(c.S == Name("/TH") for c in cells):
                    for c in cells:
                        c.S = Name("/TD")
                        del c.A
                    n += 1
        if n == 0:
            raise SystemExit("no header row repeated in a table body in the good PDF")
        pdf.save(out, static_id=True)


if __name__ == "__main__":
    good, out_dir = sys.argv[1], sys.argv[2]
    untag_paragraph(good, f"{out_dir}/untagged-paragraph.pdf")
    drop_figure_alt(good, f"{out_dir}/figure-without-alt.pdf")
    cross_text_object(good, f"{out_dir}/crossed-text-object.pdf")
    empty_sequence(good, f"{out_dir}/empty-sequence.pdf")
    continued_without_th(good, f"{out_dir}/continued-without-th.pdf")
