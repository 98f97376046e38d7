#!/usr/bin/env python3
"""The value axes of every chart are the same in the PDF and the HTML edition.

Usage: same_ticks.py REPORT.html REPORT.pdf

The HTML side: each chart's <svg class="chart-svg">, its tick labels the <text>
elements of <g class="grid"> (lowest value first). The PDF side, read by poppler's
`pdftotext -bbox`: for each chart, in document order, a run of words with exactly
those labels, one under the other and right-aligned (a vertical value axis), or
side by side on one baseline (a bar chart's horizontal value axis), evenly spaced.
Prints one line per chart; exits 1 at the first chart whose ticks the PDF lacks.
Standard library and poppler-utils only: it recomputes nothing of sdgreport's.
"""
import html
import re
import subprocess
import sys


def html_axes(path):
    page = open(path, encoding="utf-8").read()
    axes = []
    for svg in re.findall(r'<svg class="chart-svg".*?</svg>', page, re.S):
        title = re.search(r"<title[^>]*>(.*?)</title>", svg, re.S)
        grid = re.search(r'<g class="grid">(.*?)</g>', svg, re.S)
        labels = [html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", grid.group(1), re.S)]
        axes.append((html.unescape(title.group(1)) if title else "?", labels))
    return axes


def pdf_pages(path):
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for body in re.findall(r"<page[^>]*>(.*?)</page>", out, re.S):
        words = []
        for x0, y0, x1, y1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body, re.S
        ):
            words.append((float(x0), float(y0), float(x1), float(y1), html.unescape(w)))
        pages.append(words)
    return pages


def squash(s):
    # a label with a no-break or thin space ("1 000") is one label, whatever the words
    return re.sub(r"[\s\u00a0\u202f\u2009]+", "", s)


def find_axis(words, labels):
    """The positions of `labels` as one evenly spaced axis in `words`, or None."""
    want = [squash(l) for l in labels]
    by_text = {}
    for w in words:
        by_text.setdefault(squash(w[4]), []).append(w)
    for first in by_text.get(want[0], []):
        for vertical in (True, False):
            run = [first]
            for label in want[1:]:
                prev = run[-1]
                if vertical:  # right edges aligned, each label above the one before
                    cand = [w for w in by_text.get(label, []) if abs(w[2] - first[2]) < 1.0 and w[1] < prev[1] - 1]
                    cand.sort(key=lambda w: prev[1] - w[1])
                else:  # one baseline, each label right of the one before
                    cand = [w for w in by_text.get(label, []) if abs(w[3] - first[3]) < 1.0 and w[0] > prev[0] + 1]
                    cand.sort(key=lambda w: w[0] - prev[0])
                if not cand:
                    break
                run.append(cand[0])
            if len(run) != len(want):
                continue
            if vertical:
                gaps = [run[i][1] - run[i + 1][1] for i in range(len(run) - 1)]
            else:
                mids = [(w[0] + w[2]) / 2 for w in run]
                gaps = [mids[i + 1] - mids[i] for i in range(len(run) - 1)]
            if len(gaps) == 0 or max(gaps) - min(gaps) < 1.0:
                return run
    return None


def main():
    html_path, pdf_path = sys.argv[1], sys.argv[2]
    axes = html_axes(html_path)
    pages = pdf_pages(pdf_path)
    if not axes:
        print("FAIL: no chart in " + html_path)
        return 1
    page = 0
    for n, (title, labels) in enumerate(axes, 1):
        if len(labels) < 2:
            print("FAIL: chart %d (%s): fewer than two tick labels in the HTML" % (n, title))
            return 1
        found = None
        for p in range(page, len(pages)):
            if find_axis(pages[p], labels):
                found = p
                break
        if found is None:
            print("FAIL: chart %d (%s): the PDF has no axis %s" % (n, title, " | ".join(labels)))
            return 1
        page = found
        print("chart %d, PDF page %d: %s" % (n, found + 1, " | ".join(labels)))
    print("%d charts: the same ticks in the PDF and the HTML" % len(axes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
