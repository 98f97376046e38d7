#!/usr/bin/python3
"""Accessibility checks beyond PDF/UA's machine-checkable rules (issue 24), on a
report's JSON model and its PDF / HTML editions. Independent of sdgreport's own
code: the expected texts are recomputed here from the model's data.

Usage:
  a11y_check.py alt MODEL.json              chart alt texts against the chart data
  a11y_check.py pdf-lang MODEL.json FILE.pdf  language of parts in the structure tree
  a11y_check.py pdf-continued MODEL.json FILE.pdf
                                            every page a table continues on starts
                                            with its header row (pdftotext -bbox)
  a11y_check.py html MODEL.json FILE.html   lang= on blocks in another language,
                                            chart <desc> = alt, the at-a-glance table
Prints what it checked; exits 1 on the first failed check.
Needs python3-pikepdf (Debian) and poppler-utils; run with /usr/bin/python3.
"""
import html.parser
import json
import math
import re
import subprocess
import sys

PLACEHOLDERS = ("Value", "Verdi")


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


# ---------------------------------------------------------------- the model
def walk_blocks(blocks, lang=""):
    """Yields (block, language) in document order; the language is inherited."""
    for b in blocks:
        own = b.get("lang") or lang
        yield b, own
        t = b.get("type")
        if t == "list":
            for item in b.get("items", []):
                yield from walk_blocks(item, own)
        elif t in ("quote", "container"):
            yield from walk_blocks(b.get("blocks", []), own)


def walk_section(s):
    yield from walk_blocks(s.get("blocks", []))
    for sub in s.get("sections", []):
        yield from walk_section(sub)


def model_blocks(model):
    for ch in model["chapters"]:
        yield from walk_section(ch)


def fmt(v, dec, lang):
    """A number as the report writes it: en 1,234.5; nb/nn 1 234,5 (no-break space)."""
    s = f"{abs(v):,.{dec}f}"
    if lang in ("nb", "nn"):
        s = s.replace(",", "\u00a0").replace(".", ",")
    if v < 0 and s.strip("0,.\u00a0"):
        s = "-" + s
    return s


def decimals(values):
    for d in range(3):
        if all(abs(v * 10 ** d - round(v * 10 ** d)) <= 1e-6 * max(1, abs(v * 10 ** d)) for v in values):
            return d
    return 3


PERIOD = re.compile(r"[12]\d{3}[A-Za-z0-9/-]{0,6}")


# ---------------------------------------------------------------- alt texts
def check_alt(model):
    lang = model["meta"]["language"]
    charts = [b for b, _ in model_blocks(model) if b.get("type") == "chart"]
    if not charts:
        fail("no charts in the model")
    for c in charts:
        alt, cats = c["alt"], c["categories"]
        for ph in PLACEHOLDERS:
            if re.search(r"(^|[:,(] )" + ph + r"[.,)]", alt) or alt.endswith(": " + ph + "."):
                fail(f"chart '{c['title']}': placeholder series name '{ph}' in its alt text: {alt}")
        if not all(PERIOD.fullmatch(x) for x in cats):
            continue
        for s in c["series"]:
            vals = [(k, v) for k, v in enumerate(s["values"]) if v is not None and math.isfinite(v)]
            if len(vals) < 2:
                continue
            dec = decimals([v for _, v in vals])
            (k0, v0), (k1, v1) = vals[0], vals[-1]
            word_in = " in " if lang == "en" else " i "
            for k, v in ((k0, v0), (k1, v1)):
                want = fmt(v, dec, lang) + word_in + cats[k]
                if want not in alt:
                    fail(f"chart '{c['title']}', series '{s['name']}': '{want}' not in its alt text: {alt}")
    print(f"ok: {len(charts)} chart alt texts name no placeholder series and, for every series over "
          "periods, its first and last period with their values")
    return charts


# ---------------------------------------------------------------- the PDF
def struct_elements(pdf_path):
    import pikepdf
    pdf = pikepdf.open(pdf_path)
    out = []  # (role, lang, alt, parent index, own index)

    def visit(elem, parent):
        idx = len(out)
        out.append({"S": str(elem.get("/S", "/?"))[1:], "Lang": str(elem.get("/Lang", "")),
                    "Alt": str(elem.get("/Alt", "")), "parent": parent})
        kids = elem.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([kids] if kids is not None else [])
        for k in kids:
            if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                visit(k, idx)

    root = pdf.Root.StructTreeRoot.K
    for k in (list(root) if isinstance(root, pikepdf.Array) else [root]):
        visit(k, None)
    for e in out:
        e["doc"] = str(pdf.Root.get("/Lang", ""))
    return out


def effective_lang(els, i):
    """An element's language: its own /Lang, else its parents', else the catalog's."""
    doc = els[i]["doc"] if i is not None else ""
    while i is not None:
        if els[i]["Lang"]:
            return els[i]["Lang"]
        i = els[i]["parent"]
    return doc


def check_pdf_lang(model, pdf_path):
    report = model["meta"]["language"]
    els = struct_elements(pdf_path)
    other = [(b, l) for b, l in model_blocks(model) if l and l.split("-")[0] != report]
    tables = [b for b, _ in other if b["type"] == "table"]
    charts = [b for b, _ in other if b["type"] == "chart"]
    if not other:
        fail("no block in another language than the report's in the model")
    marked_tables = [e for e in els if e["S"] == "Table" and e["Lang"]]
    if len(marked_tables) != len(tables):
        fail(f"{len(tables)} tables in another language in the model, {len(marked_tables)} Table elements with /Lang")
    for b, l in other:
        if b["type"] == "table":
            continue
    for e, (b, l) in zip(marked_tables, [(b, l) for b, l in other if b["type"] == "table"]):
        if e["Lang"].split("-")[0] != l.split("-")[0]:
            fail(f"table '{b['caption']}': /Lang ({e['Lang']}), expected {l}")
    for c in charts:
        fig = [i for i, e in enumerate(els) if e["S"] == "Figure" and e["Alt"] == c["alt"]]
        if len(fig) != 1:
            fail(f"chart '{c['title']}': {len(fig)} Figure elements with its alt text")
        i = fig[0]
        # The Figure speaks its /Alt, generated in the report's language; the
        # caption before it (the chart's own title) is in the chart's language.
        if effective_lang(els, i).split("-")[0] != report:
            fail(f"chart '{c['title']}': Figure in {effective_lang(els, i)}, but its /Alt is in {report}")
        sibs = [j for j, e in enumerate(els) if e["parent"] == els[i]["parent"] and j < i]
        cap = sibs[-1] if sibs else None
        if cap is None or els[cap]["S"] != "Caption" or not effective_lang(els, cap).startswith(l.split("-")[0]):
            fail(f"chart '{c['title']}': its Caption has no /Lang ({l})")
    print(f"ok: {pdf_path}: {len(tables)} table(s) and {len(charts)} chart caption(s) in another language "
          f"carry /Lang; their Figures' /Alt stays in the report's language ({report})")


def words_by_page(pdf_path):
    out = subprocess.run(["pdftotext", "-bbox", pdf_path, "-"], check=True, capture_output=True, text=True).stdout
    pages, cur = [], None
    for line in out.splitlines():
        if line.strip().startswith("<page "):
            cur = []
            pages.append(cur)
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)</word>', line)
        if m and cur is not None:
            w = m.group(3).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            cur.append((float(m.group(2)), float(m.group(1)), w))
    return pages


def check_pdf_continued(model, pdf_path):
    lang = model["meta"]["language"]
    word_table = "Table" if lang == "en" else "Tabell"
    cont = "(continued)" if lang == "en" else "(forts.)"
    tables = [b for b, _ in model_blocks(model) if b.get("type") == "table"]
    pages = words_by_page(pdf_path)
    seen = 0
    for p, words in enumerate(pages, 1):
        words.sort()
        for i in range(len(words) - 2):
            if words[i][2] == word_table and words[i + 2][2] == cont and words[i + 1][2].isdigit():
                n = int(words[i + 1][2])
                t = tables[n - 1]
                y = words[i][0]
                head = [w for w in words if w[0] > y + 2]
                head.sort()
                first = t["columns"][0]["label"].split()[0]
                top = head[0][0] if head else None
                row = [w[2] for w in head if top is not None and abs(w[0] - top) < 3]
                if first not in row:
                    fail(f"page {p}: {word_table} {n} continues, but the next line is {row}, not its header "
                         f"(starting '{first}')")
                seen += 1
                break
    if seen == 0:
        fail("no table continues on another page: nothing checked")
    print(f"ok: {pdf_path}: {seen} page(s) where a table continues, each starting with its header row")


# ---------------------------------------------------------------- the HTML
class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.found, self.text = [], [], {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        parent_lang = self.stack[-1][1] if self.stack else ""
        lang = a.get("lang", parent_lang)
        if tag not in ("br", "img", "meta", "link", "input", "hr", "path", "rect", "circle", "line"):
            self.stack.append((tag, lang, a))
        self.found.append((tag, lang, a))

    def handle_endtag(self, tag):
        while self.stack:
            t = self.stack.pop()
            if t[0] == tag:
                break

    def handle_data(self, data):
        if self.stack:
            tag, lang, a = self.stack[-1]
            if tag == "desc":
                self.text.setdefault(a.get("id"), []).append(data)


def check_html(model, path):
    report = model["meta"]["language"]
    p = Tags()
    p.feed(open(path, encoding="utf-8").read())
    other = [(b, l) for b, l in model_blocks(model) if l and l.split("-")[0] != report]
    want_tables = sum(1 for b, _ in other if b["type"] == "table")
    want_charts = sum(1 for b, _ in other if b["type"] == "chart")
    tables = [x for x in p.found if x[0] == "div" and "table-block" in x[2].get("class", "") and x[2].get("lang")]
    charts = [x for x in p.found if x[0] == "figure" and "chart" in x[2].get("class", "") and x[2].get("lang")]
    if len(tables) != want_tables or len(charts) != want_charts:
        fail(f"{path}: {len(tables)} tables / {len(charts)} charts with lang=, the model has {want_tables} / {want_charts}")
    for b, l in other:
        if b["type"] in ("table", "chart"):
            pass
    for x in tables + charts:
        if x[2]["lang"].split("-")[0] != other[0][1].split("-")[0]:
            fail(f"{path}: lang=\"{x[2]['lang']}\", expected {other[0][1]}")
    # Chart descriptions: the model's alt texts, in the report's language.
    descs = {"".join(v) for v in p.text.values()}
    charts_m = [b for b, _ in model_blocks(model) if b.get("type") == "chart"]
    for c in charts_m:
        if c["alt"] not in descs:
            fail(f"{path}: chart '{c['title']}': its alt text is not an svg <desc>")
    descs_lang = [x for x in p.found if x[0] == "desc"]
    for x in descs_lang:
        if x[1] and x[1].split("-")[0] != report:
            fail(f"{path}: an svg <desc> is in {x[1]}, but descriptions are in {report}")
    # At a glance: a section with a table of the goals the report covers.
    glance = [x for x in p.found if x[0] == "section" and x[2].get("id") == "at-a-glance"]
    if len(glance) != 1:
        fail(f"{path}: {len(glance)} at-a-glance sections")
    goals = sorted({int(s["goal"]) for ch in model["chapters"] for s in sections(ch) if s.get("goal")})
    src = open(path, encoding="utf-8").read()
    part = src[src.index('id="at-a-glance"'):]
    part = part[:part.index("</section>")]
    rows = re.findall(r'<tr><th scope="row"><span class="glance-goal"><span class="glance-tile"[^>]*>(\d+)</span>', part)
    if [int(r) for r in rows] != goals:
        fail(f"{path}: at-a-glance rows {rows}, goals covered {goals}")
    missing = [g for g in range(1, 18) if g not in goals]
    if missing and "glance-note" not in part:
        fail(f"{path}: goals {missing} not covered, but no note says so")
    print(f"ok: {path}: {want_tables} table(s) and {want_charts} chart(s) with lang=; every chart's alt text is "
          f"its <desc>; at a glance: {len(goals)} goal rows" + (f", note on {len(missing)} not covered" if missing else ""))


def sections(s):
    yield s
    for sub in s.get("sections", []):
        yield from sections(sub)


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    model = json.load(open(argv[2], encoding="utf-8"))
    if argv[1] == "alt":
        check_alt(model)
    elif argv[1] == "pdf-lang":
        check_pdf_lang(model, argv[3])
    elif argv[1] == "pdf-continued":
        check_pdf_continued(model, argv[3])
    elif argv[1] == "html":
        check_html(model, argv[3])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
