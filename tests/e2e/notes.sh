#!/usr/bin/env bash
# Footnotes, cross-references and placed data (issue 13 item 4), end to end:
# footnote texts on the pages of their markers, internal links only (pikepdf),
# PDF/UA structure, a CSV table placed between the paragraphs around its
# directive (pdftotext order), JSON runs, and an unknown target as an error at
# the Markdown line.
# Usage: notes.sh SDGREPORT PDFUA_CHECK
SDGREPORT=$1 PDFUA=$2
PY=/usr/bin/python3
source "$(dirname "$0")/lib.sh"
cd "$d"

printf 'year,GWh\n2022,120.5\n2023,118.2\n2024,110.0\n' > energy.csv
{
  echo "## Overview {#overview}"
  echo
  echo "Renewables covered most of the use.[^hydro] See [](#energy), [](#goal-13) and [the overview](#overview) on [](#energy \"page\")."
  echo
  # Enough text that the second footnote is referenced on a later page.
  for i in $(seq 1 30); do
    echo "Filler paragraph $i about energy use in the municipality, written long enough to take several lines of the page so that the text flows on."
    echo
  done
  echo "Wind grew fastest of all sources.[^wind]"
  echo
  echo "Electricity use fell again in 2024."
  echo
  echo "::: data energy"
  echo
  echo "After the table: the fall is clear."
  echo
  echo "[^hydro]: Mostly hydropower – æøå “quoted”; see [](#goal-13)."
  echo "[^wind]: Onshore wind only."
} > text.md
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
          - { plugin: csv, file: energy.csv, id: energy, caption: Electricity use }
      - goal: 13
outputs:
  - { format: pdf, file: notes.pdf }
  - { format: json, file: notes.json }
YAML
"$SDGREPORT" build report.yaml -o out > build.log 2>&1 || { cat build.log; fail "build"; }
qpdf --check out/notes.pdf > /dev/null || fail "qpdf --check"
$PY "$PDFUA" out/notes.pdf || fail "PDF/UA structure"
pass "build, qpdf, PDF/UA"

$PY - out/notes.pdf <<'PY' || fail "links and footnote pages"
import subprocess, sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
pages = {pg.objgen: i for i, pg in enumerate(pdf.pages)}
notes = {}  # footnote number -> (page of marker, page of note)
texts = []
for i, pg in enumerate(pdf.pages):
    for a in pg.get("/Annots", []):
        act = a.get("/A")
        if act is not None and str(act.get("/S")) == "/URI":
            uri = bytes(act.URI).decode()
            assert not uri.startswith("#"), f"URI link to {uri}"
            continue
        dest = a.get("/Dest")
        assert dest is not None, f"link without destination on page {i + 1}"
        text = str(a.get("/Contents"))
        texts.append(text)
        if text.startswith("Footnote "):
            notes[text.split()[1]] = (i, pages[dest[0].objgen])
assert any("overview" in t for t in texts), texts
for want in ["Table 1", "Goal 13", "Footnote 1", "Footnote 2"]:
    assert want in texts, f"no internal link '{want}': {texts}"
assert [t for t in texts if t.startswith("page ")], f"no page reference: {texts}"
assert len(notes) == 2, notes
for n, (marker, note) in notes.items():
    assert marker == note, f"footnote {n}: marker on page {marker + 1}, note on {note + 1}"
    page = subprocess.run(["pdftotext", "-f", str(note + 1), "-l", str(note + 1), sys.argv[1], "-"],
                          capture_output=True, text=True, check=True).stdout
    want = "Mostly hydropower – æøå “quoted”" if n == "1" else "Onshore wind only."
    assert want in page, f"footnote {n} text not on page {note + 1}"
assert notes["1"][0] != notes["2"][0], f"test needs footnotes on two pages: {notes}"
PY
pass "internal links (/Dest, no URI '#'), footnotes on their markers' pages"

pdftotext out/notes.pdf out/notes.txt
order=$(grep -n -e "Electricity use fell" -e "Table 1. Electricity use" -e "After the table" out/notes.txt | cut -d: -f2- | cut -c1-12 | tr '\n' '|')
[ "$order" = "Electricity |Table 1. Ele|After the ta|" ] || fail "placed table not between its paragraphs: $order"
pass "placed table between the paragraphs around the directive"

$PY - out/notes.json <<'PY' || fail "JSON runs"
import json, sys
doc = json.load(open(sys.argv[1]))
s = json.dumps(doc, ensure_ascii=False)
assert '"t": "footnote"' in s and '"t": "cross_ref"' in s and '"target": "goal-13"' in s, "runs missing"
assert '"at"' not in s and '"placement"' not in s and '"name": "data"' not in s, "unresolved leftovers in JSON"
PY
pass "JSON has footnote and cross_ref runs, nothing unresolved"

# An unknown target: an error at the Markdown line, no output.
sed -i 's/(#goal-13)\./(#goal-18)./' text.md
rm -rf out2
if "$SDGREPORT" build report.yaml -o out2 > bad.log 2>&1; then fail "unknown target accepted"; fi
grep -q "text.md:$(grep -n 'goal-18' text.md | cut -d: -f1):.*unknown cross-reference target '#goal-18'" bad.log || { cat bad.log; fail "message"; }
[ ! -e out2/notes.pdf ] || fail "output written despite the error"
pass "unknown target: error at the Markdown line"

# An unknown placement id: the same.
sed -i 's/(#goal-18)\./(#goal-13)./; s/::: data energy/::: data enrgy/' text.md
if "$SDGREPORT" build report.yaml -o out2 > bad2.log 2>&1; then fail "unknown placement accepted"; fi
grep -q "text.md:$(grep -n 'data enrgy' text.md | cut -d: -f1):.*placement 'enrgy'" bad2.log || { cat bad2.log; fail "placement message"; }
pass "unknown placement id: error at the directive's line"
