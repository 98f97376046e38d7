#!/usr/bin/env bash
# Footnotes and cross-references in the HTML edition, end to end: a small report
# with two footnotes, references to a goal, a table and a section (one file and
# split by chapter). Checks: each note's text in the notes list, noteref and back
# links resolving both ways, cross-reference links to existing ids with the
# generated text, every link of the pages resolving, the Nu Html Checker (0
# errors) and axe-core in headless Chromium (0 WCAG 2.1 A/AA violations).
# Usage: notes_html.sh SDGREPORT
SDGREPORT=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
axe="$here/node_modules/axe-core/axe.min.js"
vnu="$here/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$axe" ] && [ -f "$vnu" ] || fail "axe-core / vnu-jar missing: run scripts/install-deps.sh test"
cd "$d"

printf 'year,GWh\n2022,120.5\n2023,118.2\n2024,110.0\n' > energy.csv
cat > text.md <<'MD'
## Overview {#overview}

Renewables covered most of the use.[^hydro] See [](#energy), [](#goal-7), [](#goal-13 "page") and [the overview](#overview).

Wind grew fastest of all sources.[^wind]

::: data energy

[^hydro]: Mostly hydropower – æøå “quoted”; see [](#goal-13).
[^wind]: Onshore wind only.
MD
printf 'Back to [](#energy).[^x]\n\n[^x]: Annex note.\n' > annex.md
cat > report.yaml <<'YAML'
title: Notes test
language: en
required_chapters: []
chapters:
  - title: Progress
    goals:
      - goal: 7
        sources:
          - { plugin: markdown, file: text.md }
          - { plugin: csv, file: energy.csv, id: energy, caption: Electricity use, source: Statistics Norway }
      - goal: 13
  - title: Annex
    sources:
      - { plugin: markdown, file: annex.md }
outputs:
  - { format: html, file: notes.html }
  - { format: html, file: site/notes.html, split: chapters }
YAML
"$SDGREPORT" -q build report.yaml -o out > build.log 2>&1 || { cat build.log; fail "build"; }
one=out/notes.html
split=(out/site/notes.html out/site/notes/*.html)
[ -s "$one" ] && [ "${#split[@]}" -eq 3 ] || fail "pages not written: $(ls -R out)"
pass "one file and a split edition of 3 pages written"

/usr/bin/python3 - "$one" out/site/notes/01-progress.html out/site/notes/02-annex.html <<'PY' || fail "footnotes and cross-references"
import html.parser, os, re, sys

class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.stack, self.notes, self.li = {}, [], [], {}, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"]] = a
        if tag == "a":
            self.links.append([a, ""])
        if tag == "li" and a.get("id", "").startswith("fn-"):
            self.li = a["id"]; self.notes[self.li] = ""
        self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag == "li":
            self.li = None
        if self.stack:
            self.stack.pop()
    def handle_data(self, data):
        if self.links and "a" in self.stack:
            self.links[-1][1] += data
        if self.li:
            self.notes[self.li] += data

def parse(path):
    p = P(); p.feed(open(path, encoding="utf-8").read()); return p

one, progress, annex = (parse(p) for p in sys.argv[1:])
def check(cond, msg):
    if not cond:
        print("FAIL:", msg); sys.exit(1)

# One file: three notes numbered in reading order, each text in the notes list.
want = {"fn-1": "Mostly hydropower – æøå “quoted”; see Goal 13.", "fn-2": "Onshore wind only.", "fn-3": "Annex note."}
for k, v in want.items():
    check(v in one.notes.get(k, ""), f"note {k}: {one.notes.get(k)!r} lacks {v!r}")
check(len(one.notes) == 3, f"notes: {one.notes}")
for page, n in ((one, 3), (progress, 2), (annex, 1)):
    for i in range(1, n + 1):
        ref = [a for a, t in page.links if a.get("id") == f"fnref-{i}"]
        check(ref and ref[0]["href"] == f"#fn-{i}" and ref[0].get("role") == "doc-noteref" and f"fn-{i}" in page.ids,
              f"noteref {i}: {ref}")
        back = [a for a, t in page.links if a.get("href") == f"#fnref-{i}"]
        check(back and back[0].get("role") == "doc-backlink" and back[0].get("aria-label") == f"Back to reference {i}",
              f"back link {i}: {back}")
    check(len(page.notes) == n, f"{n} notes expected on a page, got {page.notes}")
check(re.search(r'<section class="footnotes" role="doc-endnotes" aria-labelledby="fn-heading">\s*<h2 id="fn-heading">Notes</h2>',
                open(sys.argv[1], encoding="utf-8").read()), "notes list heading")

# Cross-references: internal links to existing ids, generated text in the report language.
def xrefs(page):
    return [(a["href"], t) for a, t in page.links if a.get("class") == "xref"]
got = xrefs(one)
for href, text in [("#table-energy", "Table 1"), ("#goal-7", "Goal 7"), ("#goal-13", "Goal 13"),
                   ("#overview", "the overview"), ("#table-energy", "Table 1")]:
    check((href, text) in got, f"cross-reference {text!r} → {href!r} missing in {got}")
for href, text in got:
    check(href[1:] in one.ids, f"{href} names no id")
check(one.ids["table-energy"].get("class") == "table-block", "table anchor")
# Split: the annex links to the table on the chapter page.
check(("01-progress.html#table-energy", "Table 1") in xrefs(annex), f"split cross-page reference: {xrefs(annex)}")
check("table-energy" in progress.ids, "split: table id on its page")
print("notes and cross-references ok:", len(got), "cross-references,", len(one.notes), "notes")
PY
pass "notes in the list, noteref/back links both ways, cross-references to existing ids with generated text"

/usr/bin/python3 "$here/check_html.py" links "$one" "${split[@]}" || fail "links"
/usr/bin/python3 "$here/check_html.py" structure "$one" "${split[@]}" > structure.txt || { cat structure.txt; fail "structure"; }
pass "every link resolves, ids unique, heading order"

java -jar "$vnu" --errors-only "$one" "${split[@]}" > vnu.txt 2>&1 || { cat vnu.txt; fail "Nu Html Checker found errors"; }
pass "Nu Html Checker: 0 errors"
/usr/bin/python3 "$here/axe_check.py" "$axe" "$one" out/site/notes/02-annex.html || fail "axe-core found violations"
pass "axe-core: 0 WCAG 2.1 A/AA violations"
