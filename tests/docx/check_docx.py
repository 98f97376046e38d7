#!/usr/bin/python3
"""The Word edition against its JSON model, read by pandoc (issue 21).

Usage: check_docx.py MODEL.json FILE.docx

pandoc (`-f docx -t json`) must find as many level-1, -2 and -3 headings,
footnotes, tables and images as the model has: a chapter is a level-1 heading,
a section at depth d level d, a heading block of level L in a section at depth d
level d + L (at most 6); footnotes inside footnotes are written in parentheses;
every chart and figure is one image. Exits 1 with one line per difference.
"""
import json
import subprocess
import sys
from collections import Counter


def model_counts(model):
    c = Counter()

    def inlines(runs, in_note):
        for r in runs or []:
            if r.get("t") == "footnote":
                if not in_note:
                    c["footnotes"] += 1
                inlines(r.get("children"), True)
            else:
                inlines(r.get("children"), in_note)

    def blocks(bs, depth):
        for b in bs or []:
            t = b.get("type")
            if t == "heading":
                c[f"h{min(6, depth + max(1, b.get('level', 1)))}"] += 1
            if t == "table":
                c["tables"] += 1
            if t in ("chart", "figure"):
                c["images"] += 1
            for key in ("content", "inlines"):
                if isinstance(b.get(key), list):
                    inlines(b[key], False)
            for item in b.get("items", []) or []:
                blocks(item, depth)
            blocks(b.get("blocks"), depth)

    def section(s, depth):
        c[f"h{min(6, depth)}"] += 1
        blocks(s.get("blocks"), depth)
        for sub in s.get("sections", []) or []:
            section(sub, depth + 1)

    for ch in model["chapters"]:
        section(ch, 1)
    return c


def pandoc_counts(docx):
    out = subprocess.run(["pandoc", "-f", "docx", "-t", "json", docx], check=True, capture_output=True, text=True).stdout
    c = Counter()

    def walk(node, in_note=False):
        if isinstance(node, dict):
            t = node.get("t")
            if t == "Header":
                c[f"h{node['c'][0]}"] += 1
            elif t == "Note":
                c["footnotes"] += 1
            elif t == "Table":
                c["tables"] += 1
            elif t == "Image":
                c["images"] += 1
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(out)["blocks"])
    return c


def main(model_path, docx):
    model = json.load(open(model_path, encoding="utf-8"))
    want, got = model_counts(model), pandoc_counts(docx)
    problems = [f"{k}: model {want[k]}, pandoc {got[k]}" for k in ("h1", "h2", "h3", "footnotes", "tables", "images")
                if want[k] != got[k]]
    for p in problems:
        print(p)
    if problems:
        return 1
    print("pandoc: " + ", ".join(f"{k} {want[k]}" for k in ("h1", "h2", "h3", "footnotes", "tables", "images")) +
          " as in the model")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
