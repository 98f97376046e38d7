#!/usr/bin/python3
"""Checks on the HTML edition, with Python's own HTML parser.

  check_html.py fidelity MODEL.json PAGE.html...
      Every table of the JSON model is in the pages, in order, cell by cell: text
      as is, numbers in the report language's format with their status flag, and
      missing values as the language's status symbol. (Tables inside a chart's
      <details> are the chart's data, and the at-a-glance table a summary: not model
      tables, and skipped.)
  check_html.py links PAGE...
      Ids are unique in each page; every in-page or local link points to a page
      that exists and an id on it; no href uses a script URL.
  check_html.py structure PAGE...
      One <main>, <header>, <nav> and <footer>; headings do not skip levels; every
      <table> has a <caption> and every <th> a scope; every chart <svg> has
      role="img", a <title> and a <desc>; <html lang> is set.
Exit 0 when everything holds; 1 with a message per problem otherwise.
"""
import html.parser
import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from report_numbers import format_number  # noqa: E402  (tests/support/report_numbers.py)
from model_cells import cell_object  # noqa: E402  (tests/support/model_cells.py)

SYMBOLS = {
    "en": {"not_available": "..", "not_applicable": "-", "confidential": ":", "provisional": "p",
           "estimated": "e", "break_in_series": "b"},
    "nb": {"not_available": "..", "not_applicable": ".", "confidential": ":", "provisional": "*",
           "estimated": "e", "break_in_series": "|"},
}
SYMBOLS["nn"] = SYMBOLS["nb"]
problems = []


def problem(msg):
    problems.append(msg)


fmt = format_number  # tests/support/report_numbers.py


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.tables = []  # (in_chart_details, caption, rows)
        self.cell = None
        self.ids = []
        self.hrefs = []
        self.tags = {}
        self.headings = []
        self.lang = None
        self.th_without_scope = 0
        self.svgs = []  # [role, has_title, has_desc]
        self.table_captions = []
        self.details_depth = []
        self.caption = None
        self.in_glance = False  # the at-a-glance section's table is no model table

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "details":
            self.details_depth.append("chart-data" in a.get("class", ""))
        if tag == "section" and a.get("id") == "at-a-glance":
            self.in_glance = True
        elif tag == "section":
            self.in_glance = False
        if tag == "table":
            self.tables.append([any(self.details_depth) or self.in_glance, "", []])
        if tag == "caption":
            self.caption = ""
        if tag == "tr" and self.tables:
            self.tables[-1][2].append([])
        if tag in ("td", "th"):
            self.cell = ""
            if tag == "th" and "scope" not in a:
                self.th_without_scope += 1
        if tag == "svg" and "chart-svg" in a.get("class", ""):
            self.svgs.append([a.get("role"), False, False])
        if tag in ("title", "desc") and self.stack and "svg" in self.stack and self.svgs:
            self.svgs[-1][1 if tag == "title" else 2] = True
        if tag not in ("meta", "br", "img", "input", "link", "hr", "path", "circle", "rect", "line"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.tables and self.tables[-1][2]:
            self.tables[-1][2][-1].append(norm(self.cell))
            self.cell = None
        if tag == "caption" and self.tables:
            self.tables[-1][1] = norm(self.caption or "")
            self.caption = None
        if tag == "details" and self.details_depth:
            self.details_depth.pop()
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.caption is not None:
            self.caption += data


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def model_tables(node, out):
    if isinstance(node, dict):
        if node.get("type") == "table":
            out.append(node)
        for v in node.values():
            model_tables(v, out)
    elif isinstance(node, list):
        for v in node:
            model_tables(v, out)
    return out


def fidelity(model_path, pages):
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    lang = model["meta"].get("language", "en")
    sym = SYMBOLS[lang]
    html_tables = [t for p in pages for t in parse(p).tables if not t[0]]
    tables = model_tables(model["chapters"], [])
    if len(tables) != len(html_tables):
        problem(f"{len(tables)} tables in the model, {len(html_tables)} in the pages")
    checked = 0
    for n, (t, h) in enumerate(zip(tables, html_tables), 1):
        if norm(t["caption"]) not in h[1]:
            problem(f"table {n}: caption {t['caption']!r} not in {h[1]!r}")
        body = h[2][1:]  # the first row is the header
        head = h[2][0] if h[2] else []
        for j, c in enumerate(t["columns"]):
            if j >= len(head) or norm(c["label"]) not in head[j]:
                problem(f"table {n}: column {j + 1} header {c['label']!r} missing")
        if len(body) != len(t["rows"]):
            problem(f"table {n}: {len(t['rows'])} rows in the model, {len(body)} in the page")
        for i, (row, hrow) in enumerate(zip(t["rows"], body), 1):
            for j, cell in enumerate(map(cell_object, row)):
                col = t["columns"][j]
                if "text" in cell:
                    want = cell["text"]
                elif "number" in cell:
                    want = fmt(cell["number"], col.get("decimals", 0), lang)
                    if cell.get("status"):
                        want += " " + sym[cell["status"]]
                else:
                    want = sym[cell["status"]]
                got = hrow[j] if j < len(hrow) else None
                checked += 1
                if got != norm(want):
                    problem(f"table {n} ({t['caption'][:40]!r}) row {i} column {j + 1}: expected {norm(want)!r}, got {got!r}")
    print(f"fidelity: {len(tables)} tables, {checked} cells compared")


def links(pages):
    ids_of = {}
    for p in pages:
        ids_of[os.path.abspath(p)] = parse(p)
    for path, page in ids_of.items():
        seen = set()
        for i in page.ids:
            if i in seen:
                problem(f"{path}: duplicate id {i!r}")
            seen.add(i)
        for href in page.hrefs:
            u = urllib.parse.urlsplit(href)
            if u.scheme.lower() in ("javascript", "data", "vbscript"):
                problem(f"{path}: script URL in href {href!r}")
            if u.scheme or u.netloc:
                continue
            target = os.path.abspath(os.path.join(os.path.dirname(path), urllib.parse.unquote(u.path))) if u.path else path
            if target not in ids_of:
                if not os.path.exists(target):
                    problem(f"{path}: link {href!r} to a missing page")
                    continue
                ids_of[target] = parse(target)
            frag = urllib.parse.unquote(u.fragment)
            if frag and frag not in ids_of[target].ids:
                problem(f"{path}: link {href!r}: no id {frag!r} on {target}")
    print(f"links: {sum(len(p.hrefs) for p in ids_of.values())} links in {len(ids_of)} pages checked")


def structure(pages):
    for path in pages:
        p = parse(path)
        if not p.lang:
            problem(f"{path}: no <html lang>")
        for tag in ("main", "header", "footer"):
            if p.tags.get(tag, 0) != 1:
                problem(f"{path}: {p.tags.get(tag, 0)} <{tag}> elements")
        if p.tags.get("nav", 0) < 1:
            problem(f"{path}: no <nav>")
        last = 0
        for h in p.headings:
            if h > last + 1:
                problem(f"{path}: heading h{h} follows h{last}")
            last = h
        if p.headings and p.headings[0] != 1:
            problem(f"{path}: first heading is h{p.headings[0]}")
        if p.tags.get("table", 0) != p.tags.get("caption", 0):
            problem(f"{path}: {p.tags.get('table', 0)} tables but {p.tags.get('caption', 0)} captions")
        if p.th_without_scope:
            problem(f"{path}: {p.th_without_scope} <th> without scope")
        for role, title, desc in p.svgs:
            if role != "img" or not title or not desc:
                problem(f"{path}: chart svg role={role} title={title} desc={desc}")
        print(f"structure: {path}: {len(p.headings)} headings, {p.tags.get('table', 0)} tables, {len(p.svgs)} charts")


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "fidelity":
        fidelity(args[0], args[1:])
    elif cmd == "links":
        links(args)
    elif cmd == "structure":
        structure(args)
    else:
        print(__doc__)
        return 2
    for m in problems[:40]:
        print("FAIL: " + m)
    if len(problems) > 40:
        print(f"... and {len(problems) - 40} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
