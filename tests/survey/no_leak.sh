#!/usr/bin/env bash
# Disclosure control end to end: a survey with a group of 1 respondent ("Gruppe Utsira"), a group
# of 2 ("Gruppe Røst") and a cell of 1 (1 of 7 in group B: 14.286 %). None of them — the groups'
# names, the suppressed shares and their interval bounds — may appear in any output: the PDF's
# text, the HTML, every sheet of the workbook, the JSON model. The figures that are published
# must be there (so the search would find the others).
# Usage: no_leak.sh SDGREPORT
SDGREPORT=$1
source "$(dirname "$0")/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
cd "$d"
cat > codebook.yaml <<'YAML'
key: unit
variables:
  unit: { type: key }
  q:
    type: yesno
    question: { en: "Does the municipality have a plan?" }
    values:
      1: { en: "Yes" }
      2: { en: "No" }
    indicator: "11.3.2"
  grp:
    source: register
    question: { en: Group }
    values: { 1: { en: Gruppe A }, 2: { en: Gruppe B }, 3: { en: Gruppe Utsira }, 4: { en: Gruppe Røst } }
YAML
/usr/bin/python3 - <<'PY'
import random
# groups: A 20 respondents (13 yes), B 7 (1 yes), Utsira 1 (yes), Røst 2 (no, no)
answers = [(1, 1)] * 13 + [(1, 2)] * 7 + [(2, 1)] + [(2, 2)] * 6 + [(3, 1)] + [(4, 2)] * 2
with open("register.csv", "w") as f:
    f.write("unit;grp\n")
    for i, (g, _) in enumerate(answers):
        f.write(f"{1000 + i};{g}\n")
    f.write("9999;1\n")  # invited, did not answer
with open("export.csv", "w") as f:
    f.write("unit;q\n")
    for i, (_, a) in enumerate(answers):
        f.write(f"{1000 + i};{a}\n")
PY
cat > report.yaml <<'YAML'
title: Disclosure test
language: en
required_chapters: []
chapters:
  - title: Survey
    sources:
      - { plugin: survey, id: plan, file: export.csv, codebook: codebook.yaml, register: register.csv, questions: [q],
          by: [grp], intervals: true, counts: true, decimals: 3, source: Test }
      - { plugin: survey, id: rate, file: export.csv, codebook: codebook.yaml, register: register.csv,
          questions: [], by: [grp], response_rate: true, decimals: 3, source: Test }
outputs:
  - { format: pdf, file: out.pdf }
  - { format: html, file: out.html }
  - { format: xlsx, file: out.xlsx }
  - { format: json, file: out.json }
YAML
"$SDGREPORT" -q build report.yaml -o out
pdftotext -enc UTF-8 out/out.pdf out/pdf.txt
mkdir -p out/xlsx && (cd out/xlsx && /usr/bin/python3 -c "import zipfile,sys; zipfile.ZipFile('../out.xlsx').extractall('.')")
cat out/xlsx/xl/worksheets/*.xml out/xlsx/xl/sharedStrings.xml > out/xlsx.txt
# what must not appear: the small groups, and every suppressed figure (share, bounds), in both decimal marks
forbidden=$(/usr/bin/python3 - <<'PY'
import math
def wilson(p, n, N):
    z = 1.959963984540054 * (0 if n >= N else math.sqrt((N - n) / (N - 1)))
    d = 1 + z * z / n; c = (p + z * z / (2 * n)) / d
    h = z / d * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return c - h, c + h
out = ["Utsira", "Røst"]
for yes, n, N in ((1, 7, 7), (6, 7, 7), (13, 20, 20), (7, 20, 20)):   # B yes/no, A yes/no: all hidden
    p = yes / n
    for v in (100 * p, *(100 * x for x in wilson(p, n, N))):
        s = f"{v:.3f}"
        if s not in ("0.000", "100.000"):
            out += [s, s.replace(".", ",")]
print("\n".join(out))
PY
)
for f in out/pdf.txt out/out.html out/xlsx.txt out/out.json; do
  while IFS= read -r t; do
    grep -qF -- "$t" "$f" && fail "'$t' (suppressed) found in $f"
  done <<< "$forbidden"
done
# the published figures are there: the total's shares (15 of 30 = 50 %) and the base
expect_contains out/pdf.txt "50.000" "n = 30" "Gruppe A" "Gruppe B"
expect_contains out/out.json '"status": "confidential"' '"Gruppe B (n = 7)"'
grep -qF "Gruppe A" out/xlsx.txt || fail "the workbook lacks the published group"
pass "no suppressed figure or small group in the PDF, HTML, workbook or JSON model ($(wc -l <<< "$forbidden") strings searched in 4 outputs)"
