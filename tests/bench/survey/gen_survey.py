#!/usr/bin/python3
"""Writes the survey benchmark's inputs into DIR: a 50,000-respondent × 150-variable export as
CSV (export.csv), its codebook (codebook.yaml) and a report with 20 cross-tabulations
(report.yaml, reading export.sav, which survey_bench.sh makes with sdgreport_survey_csv2sav).

    gen_survey.py DIR [RESPONDENTS]
"""
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
rng = random.Random(7)
QUESTIONS = 147  # + unit, g1, g2 = 150 variables
with open(f"{out}/codebook.yaml", "w") as f:
    f.write("key: unit\nvariables:\n  unit: { type: key }\n")
    f.write("  g1: { type: background, question: Region, values: { 1: North, 2: Middle, 3: West, 4: South, 5: East } }\n")
    f.write("  g2: { type: background, question: Size, values: { 1: Small, 2: Medium, 3: Large } }\n")
    for q in range(1, QUESTIONS + 1):
        f.write(f"  q{q}:\n    type: scale\n    question: Question {q}\n    values: {{ 1: Not at all, 2: A little, "
                f"3: Somewhat, 4: Much, 5: Very much, 9: Don't know }}\n    missing: [9]\n")
with open(f"{out}/export.csv", "w") as f:
    f.write("unit,g1,g2," + ",".join(f"q{q}" for q in range(1, QUESTIONS + 1)) + "\n")
    for i in range(n):
        row = [str(100000 + i), str(1 + int(rng.random() * 5)), str(1 + int(rng.random() * 3))]
        for q in range(QUESTIONS):
            r = rng.random()
            row.append("" if r < 0.03 else "9" if r < 0.06 else str(1 + int(rng.random() * 5)))
        f.write(",".join(row) + "\n")
with open(f"{out}/report.yaml", "w") as f:
    f.write("title: Survey benchmark\nlanguage: en\nrequired_chapters: []\nchapters:\n  - title: Survey\n    sources:\n")
    f.write("      - { plugin: survey, file: export.sav, codebook: codebook.yaml, by: [g1, g2], intervals: true,\n")
    f.write("          questions: [" + ", ".join(f"q{q}" for q in range(1, 21)) + "], source: Benchmark }\n")
    f.write("outputs:\n  - { format: json, file: model.json }\n")
