#!/usr/bin/python3
"""Goals named as goals (issue 12): in a report's PDF, the bookmarks and the
contents name every goal section "Goal N: …" ("Mål N: …" in Norwegian), and no goal
section carries a number that reads like a target id ("4.7").

Pages without a section of their own (the at-a-glance page, the colophon), named
after COUNT in the report language, must be top-level bookmarks and contents
entries too, each leading to the page that carries the title.

Usage: goal_check.py REPORT.pdf CONTENTS.txt WORD COUNT [PAGE_TITLE...]
  CONTENTS.txt  pdftotext -layout of the contents pages
  WORD          "Goal" or "Mål";  COUNT  how many goal sections to expect
"""
import re
import subprocess
import sys

import pikepdf


def outline_titles(pdf):
    out = []
    with pdf.open_outline() as outline:
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            out.append(str(item.title))
            stack.extend(reversed(item.children))
    return out


def top_level_bookmarks(pdf):
    """(title, 0-based page) of each top-level bookmark."""
    out = []
    with pdf.open_outline() as outline:
        for item in outline.root:
            dest = item.destination
            page = pikepdf.Page(dest[0]).index if isinstance(dest, pikepdf.Array) else None
            out.append((str(item.title), page))
    return out


def main():
    path, contents, word, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    page_titles = sys.argv[5:]
    failures = []
    pdf = pikepdf.open(path)
    titles = outline_titles(pdf)
    tops = top_level_bookmarks(pdf)
    contents_text = open(contents, encoding="utf-8").read()
    for t in page_titles:
        hits = [p for title, p in tops if title == t]
        if not hits:
            failures.append("bookmarks: no top-level entry %r" % t)
        elif hits[0] is not None:
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(hits[0] + 1), "-l", str(hits[0] + 1), path, "-"],
                                  capture_output=True, text=True, check=True).stdout
            if t not in text:
                failures.append("bookmark %r leads to page %d, which does not show it" % (t, hits[0] + 1))
        if not re.search(r"(?m)^\s*%s\s*(\.\s*){3,}\S+\s*$" % re.escape(t), contents_text):
            failures.append("contents: no entry %r" % t)
    goal_re = re.compile(r"^%s (\d+): \S" % re.escape(word))
    goals = [int(goal_re.match(t).group(1)) for t in titles if goal_re.match(t)]
    if goals != list(range(1, count + 1)):
        failures.append("bookmarks: goal entries %s, expected 1–%d" % (goals, count))
    numbered = [t for t in titles if re.match(r"^\d+(\.\d+)+ %s \d+" % re.escape(word), t)]
    if numbered:
        failures.append("bookmarks: numbered goal entries %s" % numbered[:3])
    text = open(contents, encoding="utf-8").read()
    listed = sorted({int(m.group(1)) for m in re.finditer(r"(?m)^\s*%s (\d+): \S" % re.escape(word), text)})
    if listed != list(range(1, count + 1)):
        failures.append("contents: goal entries %s, expected 1–%d" % (listed, count))
    bad = re.findall(r"(?m)^\s*\d+\.\d+\s+%s \d+" % re.escape(word), text)
    if bad:
        failures.append("contents: goal entries with a section number: %s" % bad[:3])
    # A page that opens a goal section carries that goal in its running head
    # ("4 Progress on goals and targets · Goal 7: …", the page's first line), not
    # the previous goal's.
    pages = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    opened = 0
    head_re = re.compile(r"· %s (\d+):" % re.escape(word))
    for n, page in enumerate(pages, 1):
        lines = [l.strip() for l in page.splitlines() if l.strip()]
        if not lines or not head_re.search(lines[0]):
            continue
        heads = [int(m.group(1)) for l in lines[1:] for m in [re.fullmatch(r"%s (\d+): .+" % re.escape(word), l)] if m]
        if heads:
            opened += 1
            if int(head_re.search(lines[0]).group(1)) != heads[0]:
                failures.append("page %d opens %s %d but its running head reads %r" % (n, word, heads[0], lines[0]))
    if opened < count:
        failures.append("only %d pages open a goal section under its own running head, expected %d" % (opened, count))
    for f in failures:
        print("FAIL", f)
    if not failures:
        print("ok: %d goal sections named '%s N: …' in bookmarks and contents, none numbered" % (count, word))
        if page_titles:
            print("ok: %s in bookmarks and contents" % ", ".join(page_titles))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
