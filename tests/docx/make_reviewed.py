#!/usr/bin/python3
"""Makes a reviewed copy of the sample's Word edition as Word makes it (issue 21).

Usage: make_reviewed.py SAMPLE.docx SAMPLE_DIR MODEL.json OUT.docx EXPECTED.json

Finds paragraphs by their text (not by sdgreport's markers) and adds, with the
markup Word writes:
- comments (word/comments.xml; commentRangeStart / commentRangeEnd around the
  commented words, a run with commentReference after them) on a phrase in a
  paragraph, on a list item, on a cell of a Markdown table and on a cell of a
  JSON-stat table;
- a tracked insertion (w:ins) and a tracked deletion (w:del with w:delText);
- one paragraph edited without tracking (its w:t text changed in place).

EXPECTED.json lists each item with the source the review must name, found
independently of sdgreport: the line of the Markdown file where the paragraph's
text (or the table row) starts, and for the data table the origin the JSON model
records for it.
"""
import copy
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)
ET.register_namespace("", "http://schemas.openxmlformats.org/package/2006/relationships")


def q(name):
    p, local = name.split(":")
    return f"{{{NS[p]}}}{local}"


def text_of(p):
    return "".join(t.text or "" for t in p.iter(q("w:t")))


def md_line(sample, rel, start):
    """1-based line of `rel` where a paragraph or row starting with `start` begins."""
    lines = open(f"{sample}/{rel}", encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        plain = re.sub(r"^[-*]\s+|[*_`]", "", line.strip())
        if plain.startswith(start) or line.strip().startswith(start):
            return i + 1
    raise SystemExit(f"'{start}' not found in {rel}")


def split_run(p, phrase):
    """Splits the run holding `phrase` into before / phrase / after; returns the phrase run."""
    for r in list(p.iter(q("w:r"))):
        t = r.find(q("w:t"))
        if t is None or phrase not in (t.text or ""):
            continue
        parent = next(x for x in p.iter() if r in list(x))
        i = list(parent).index(r)
        before, _, after = t.text.partition(phrase)
        runs = []
        for part in (before, phrase, after):
            nr = copy.deepcopy(r)
            nt = nr.find(q("w:t"))
            nt.text = part
            nt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            runs.append(nr)
        parent.remove(r)
        for k, nr in enumerate(runs):
            if nr.find(q("w:t")).text:
                parent.insert(i, nr)
                i += 1
        return runs[1], parent
    raise SystemExit(f"phrase '{phrase}' not in one run")


def main(docx, sample, model_path, out, expected_path):
    z = zipfile.ZipFile(docx)
    parts = {n: z.read(n) for n in z.namelist()}
    root = ET.fromstring(parts["word/document.xml"])
    body = root.find(q("w:body"))
    paras = list(body.iter(q("w:p")))
    expected, comments = [], []

    def para(start):
        for p in paras:
            if text_of(p).startswith(start):
                return p
        raise SystemExit(f"no paragraph starts with '{start}'")

    def comment(p, phrase, text, where):
        cid = str(len(comments))
        run, parent = split_run(p, phrase)
        i = list(parent).index(run)
        parent.insert(i, ET.Element(q("w:commentRangeStart"), {q("w:id"): cid}))
        parent.insert(i + 2, ET.Element(q("w:commentRangeEnd"), {q("w:id"): cid}))
        ref = ET.Element(q("w:r"))
        rpr = ET.SubElement(ref, q("w:rPr"))
        ET.SubElement(rpr, q("w:rStyle"), {q("w:val"): "CommentReference"})
        ET.SubElement(ref, q("w:commentReference"), {q("w:id"): cid})
        parent.insert(i + 3, ref)
        comments.append((cid, "Kari Nordmann", "2026-06-20T09:00:00Z", text))
        expected.append(dict(kind="comment", author="Kari Nordmann", text=text, commented=phrase, **where))

    # 1. A comment on a phrase of the introduction's first paragraph.
    intro = "text/introduction.md"
    comment(para("This Voluntary Subnational Review"), "as the sector's first",
            "Say which year the first review was.",
            dict(file=intro, line=md_line(sample, intro, "This Voluntary Subnational Review")))
    # 2. A tracked insertion at the end of a paragraph.
    p = para("Local and regional authorities own")
    ins = ET.Element(q("w:ins"), {q("w:id"): "901", q("w:author"): "Ola Nordmann", q("w:date"): "2026-06-20T10:00:00Z"})
    r = ET.SubElement(ins, q("w:r"))
    t = ET.SubElement(r, q("w:t"))
    t.text = " (see chapter 4)"
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    p.append(ins)
    expected.append(dict(kind="insertion", author="Ola Nordmann", text=" (see chapter 4)", file=intro,
                         line=md_line(sample, intro, "Local and regional authorities own")))
    # 3. A tracked deletion of words inside a paragraph.
    own = "text/policy/ownership.md"
    p = para("Ownership also needs people outside")
    run, parent = split_run(p, "Youth councils, ")
    i = list(parent).index(run)
    parent.remove(run)
    dele = ET.Element(q("w:del"), {q("w:id"): "902", q("w:author"): "Ola Nordmann", q("w:date"): "2026-06-20T10:05:00Z"})
    t = run.find(q("w:t"))
    t.tag = q("w:delText")
    dele.append(run)
    parent.insert(i, dele)
    expected.append(dict(kind="deletion", author="Ola Nordmann", text="Youth councils, ", file=own,
                         line=md_line(sample, own, "Ownership also needs people outside")))
    # 4. An edit without tracking.
    concl = "text/conclusion.md"
    p = para("The local-government sector has made")
    for t in p.iter(q("w:t")):
        if "most municipalities" in (t.text or ""):
            t.text = t.text.replace("most municipalities", "nearly all municipalities")
            break
    else:
        raise SystemExit("'most municipalities' not in one run")
    expected.append(dict(kind="untracked", file=concl, line=md_line(sample, concl, "The local-government sector has made")))
    # 5. A comment on a list item.
    comment(para("Use a common set of local indicators"), "common set", "Which set? Name it.",
            dict(file=concl, line=md_line(sample, concl, "Use a common set of local indicators")))
    # 6. A comment on a cell of a Markdown table (goal 11): the line of the row.
    g11 = "text/goals/goal-11.md"
    cell = next(p for p in paras if text_of(p) == "Tromsø")
    comment(cell, "Tromsø", "Is Tromsø's share from 2024?", dict(file=g11, line=md_line(sample, g11, "| Tromsø")))
    # 7. A comment on a cell of the JSON-stat table (goal 7): the origin the model records.
    model = json.load(open(model_path, encoding="utf-8"))
    origin = None

    def find(node):
        nonlocal origin
        if isinstance(node, dict):
            if node.get("type") == "table" and node.get("caption", "").startswith("Nettoforbruk"):
                origin = node.get("origin")
            for v in node.values():
                find(v)
        elif isinstance(node, list):
            for v in node:
                find(v)

    find(model)
    assert origin, "the JSON model records no origin for the JSON-stat table"
    children = list(body)
    table = next(t for prev, t in zip(children, children[1:])
                 if t.tag == q("w:tbl") and prev.tag == q("w:p") and "Nettoforbruk" in text_of(prev))
    cell = next(p for p in table.iter(q("w:p")) if text_of(p) == "Oslo")
    comment(cell, "Oslo", "Check Oslo against SSB table 08307.", dict(file=origin, line=0))

    parts["word/document.xml"] = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
    # word/comments.xml, its relationship and content type, as Word writes them.
    croot = ET.Element(q("w:comments"))
    for cid, author, date, text in comments:
        c = ET.SubElement(croot, q("w:comment"), {q("w:id"): cid, q("w:author"): author, q("w:date"): date,
                                                  q("w:initials"): "KN"})
        cp = ET.SubElement(c, q("w:p"))
        ppr = ET.SubElement(cp, q("w:pPr"))
        ET.SubElement(ppr, q("w:pStyle"), {q("w:val"): "CommentText"})
        ar = ET.SubElement(cp, q("w:r"))
        ET.SubElement(ar, q("w:annotationRef"))
        tr = ET.SubElement(cp, q("w:r"))
        ET.SubElement(tr, q("w:t")).text = text
    parts["word/comments.xml"] = ET.tostring(croot, xml_declaration=True, encoding="UTF-8")
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    ct = parts["[Content_Types].xml"].decode()
    ct = ct.replace("</Types>", '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.comments+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode()

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for n, b in parts.items():
            o.writestr(n, b)
    json.dump(expected, open(expected_path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(f"made {out}: {len(expected)} review items")


if __name__ == "__main__":
    main(*sys.argv[1:6])
