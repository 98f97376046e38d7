#!/usr/bin/python3
"""The scripting baseline of the survey benchmark: Python's csv module reads the same export
(as CSV) and does the same counting as the 20 cross-tabulations of report.yaml — questions
q1..q20 by g1 × g2, valid answers (1–5) per group and in total, shares and Wilson intervals —
and writes them as JSON. No disclosure control, no document: the counting alone.

    py_survey.py DIR
"""
import csv
import json
import math
import sys

d = sys.argv[1]
Q = [f"q{i}" for i in range(1, 21)]
counts = {q: {} for q in Q}
with open(f"{d}/export.csv", newline="") as f:
    for row in csv.DictReader(f):
        g = (row["g1"], row["g2"])
        for q in Q:
            v = row[q]
            if v == "" or v == "9":
                continue
            c = counts[q]
            for key in (g, "total"):
                k = c.setdefault(key, [0] * 6)
                k[0] += 1
                k[int(v)] += 1
out = {}
for q in Q:
    rows = {}
    for g, k in counts[q].items():
        n = k[0]
        cells = []
        for code in range(1, 6):
            p = k[code] / n
            z = 1.959963984540054
            den = 1 + z * z / n
            c = (p + z * z / (2 * n)) / den
            h = z / den * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
            cells.append([k[code], 100 * p, 100 * (c - h), 100 * (c + h)])
        rows[str(g)] = {"n": n, "cells": cells}
    out[q] = rows
json.dump(out, open(f"{d}/baseline.json", "w"))
