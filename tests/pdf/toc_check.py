#!/usr/bin/python3
"""Checks a report PDF's table of contents against where headings land.

Usage: toc_check.py FILE.pdf [MIN_ENTRIES]
- page labels (/PageLabels) agree with the page number printed in each footer;
- every contents entry "number title .... label" leads to the page with that
  label, and that page's text (pdftotext -f N -l N) contains the entry's title;
- every entry has a link annotation to that page.
Exits 1 on the first kind of problem found (all problems are printed).
"""
import re
import subprocess
import sys

import pikepdf


def page_text(path, n, layout=False):
    args = ["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n)]
    if layout:
        args.append("-layout")
    return subprocess.run(args + [path, "-"], check=True, capture_output=True, text=True).stdout


def roman(n):
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                 (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def labels(pdf):
    n = len(pdf.pages)
    ranges = []
    pl = pdf.Root.get("/PageLabels")
    if pl is None:
        return [str(i + 1) for i in range(n)]
    nums = pl.Nums
    for i in range(0, len(nums), 2):
        ranges.append((int(nums[i]), nums[i + 1]))
    out = []
    for p in range(n):
        start, d = [r for r in ranges if r[0] <= p][-1]
        k = p - start + int(d.get("/St", 1))
        style = str(d.get("/S", "/D"))
        out.append(roman(k) if style == "/r" else roman(k).upper() if style == "/R" else str(k))
    return out


def norm(s):
    return " ".join(s.split())


def main(path, min_entries):
    problems = []
    pdf = pikepdf.open(path)
    labs = labels(pdf)
    npages = len(pdf.pages)
    texts = [page_text(path, i + 1) for i in range(npages)]
    # Footers: "Page <label>" (or the report language's word), last line of the page.
    for i, t in enumerate(texts):
        lines = [l for l in t.splitlines() if l.strip()]
        if i == 0:
            continue  # cover: no footer
        if not lines or not re.search(r"\s" + re.escape(labs[i]) + r"$", lines[-1].strip()):
            problems.append(f"page {i + 1}: footer {lines[-1] if lines else ''!r} does not show label {labs[i]!r}")
    label_to_page = {l: i for i, l in enumerate(labs)}
    # Contents pages: front matter after the cover (roman labels).
    toc_pages = [i for i in range(1, npages) if re.fullmatch(r"[ivxlcdm]+", labs[i])]
    if not toc_pages:
        problems.append("no front-matter (contents) pages")
    entries, pending = [], ""
    entry_re = re.compile(r"^\s*(?P<text>.*?\S)\s*(?:\.\s*){3,}(?P<page>\S+)\s*$")
    for i in toc_pages:
        for line in page_text(path, i + 1, layout=True).splitlines():
            if not line.strip() or re.search(r"\s" + re.escape(labs[i]) + r"\s*$", line) and "." not in line:
                continue
            m = entry_re.match(line)
            if m:
                entries.append((i, norm(pending + " " + m.group("text")), m.group("page")))
                pending = ""
            elif not line.strip().startswith(("Contents", "Innhold")):
                pending = norm(pending + " " + line)
    if len(entries) < min_entries:
        problems.append(f"only {len(entries)} contents entries found, expected at least {min_entries}")
    # Link annotations on contents pages, by target page.
    link_targets = set()
    for i in toc_pages:
        for a in pdf.pages[i].obj.get("/Annots", []):
            dest = a.get("/Dest")
            if dest is not None:
                link_targets.add(pikepdf.Page(dest[0]).index)
    for toc_page, text, lab in entries:
        if lab not in label_to_page:
            problems.append(f"entry {text!r}: page {lab!r} does not exist")
            continue
        p = label_to_page[lab]
        title = re.sub(r"^\d+(\.\d+)*\s+", "", text)  # without its number
        if title not in norm(texts[p]):
            problems.append(f"entry {text!r}: not found on page {lab} (physical {p + 1})")
        if p not in link_targets:
            problems.append(f"entry {text!r}: no link annotation to page {lab}")
    for p in problems:
        print(f"{path}: {p}")
    if not problems:
        print(f"{path}: {len(entries)} contents entries match their pages")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1))
