#!/usr/bin/env python3
"""Acceptance check of the px plugin: every cell of every file in tests/data/px
equals the independent parse (px_reference.py), status included.

For each file the rows are the variable with the most values, the columns the
last variable (of HEADING) and each combination of the other variables' codes is
one source entry with `select`; so every cell of the file is in exactly one
table. The report is built with the CLI to the JSON model, and each table's
rows, column labels and cells are compared with the reference.

  check_values.py SDGREPORT DATA_DIR
"""
import itertools
import json
import os
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import px_reference  # noqa: E402

sdgreport, data_dir = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
files = sorted(data_dir.glob("*.px"))
assert len(files) >= 4, files


def q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def expected_json(value, status):
    """The cell as the JSON model (version 2) writes it."""
    if value is None:
        return {"empty": True, "status": status}
    if status is None:
        return value
    return {"number": value, "status": status}


def same(got, want) -> bool:
    if isinstance(want, dict) and isinstance(got, dict):
        if set(got) != set(want) or got.get("status") != want.get("status"):
            return False
        return "number" not in want or float(got["number"]) == want["number"]
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return float(got) == want
    return False


total = 0
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    sources, plan = [], []
    for f in files:
        ref = px_reference.parse(str(f))
        dims = ref["dims"]
        cols = len(dims) - 1
        rows = max((i for i in range(len(dims)) if i != cols), key=lambda i: len(dims[i]["values"]))
        others = [i for i in range(len(dims)) if i not in (rows, cols)]
        for combo in itertools.product(*[range(len(dims[i]["codes"])) for i in others]):
            select = ", ".join("%s: %s" % (q(dims[i]["id"]), q(dims[i]["codes"][c])) for i, c in zip(others, combo))
            sources.append("      - { plugin: px, file: %s, rows: %s, columns: %s, duplicates: error, "
                           "notes: none, select: { %s } }" % (q(str(f)), q(dims[rows]["id"]), q(dims[cols]["id"]), select))
            plan.append((f.name, ref, rows, cols, dict(zip(others, combo))))
    report = tmp / "report.yaml"
    report.write_text("sdgreport: 1\nname: pxvalues\ntitle: PX values\nlanguage: en\ndate: 2026-01-01\n"
                      "at_a_glance: false\nrequired_chapters: []\nchapters:\n  - title: Tables\n    sources:\n"
                      + "\n".join(sources) + "\n", encoding="utf-8")
    run = subprocess.run([sdgreport, "build", str(report), "--format", "json", "-o", str(tmp / "out")],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("FAIL: sdgreport build exited %d:\n%s" % (run.returncode, run.stderr))
    doc = json.loads((tmp / "out" / "pxvalues.json").read_text(encoding="utf-8"))

    tables = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "table":
                tables.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(doc)
    assert len(tables) == len(plan), "%d tables for %d source entries" % (len(tables), len(plan))

    per_file = {}
    for t, (name, ref, rows, cols, fixed) in zip(tables, plan):
        dims, cells, strides = ref["dims"], ref["cells"], ref["strides"]
        labels = [c["label"] for c in t["columns"]]
        assert labels[1:] == dims[cols]["values"], (name, labels[1:], dims[cols]["values"])
        assert len(t["rows"]) == len(dims[rows]["values"]), (name, "a row is missing", len(t["rows"]))
        base = sum(strides[i] * c for i, c in fixed.items())
        for r, row in enumerate(t["rows"]):
            label = row[0] if isinstance(row[0], str) else row[0].get("text")
            assert label == dims[rows]["values"][r], (name, r, label, dims[rows]["values"][r])
            for c in range(len(dims[cols]["values"])):
                value, status = cells[base + strides[rows] * r + strides[cols] * c]
                want = expected_json(value, status)
                got = row[1 + c]
                if not same(got, want):
                    sys.exit("FAIL: %s, %s, row %r, column %r: got %r, the independent parse gives %r"
                             % (name, fixed, dims[rows]["values"][r], dims[cols]["values"][c], got, want))
                per_file[name] = per_file.get(name, 0) + 1
                total += 1
    for f in files:
        n = len(px_reference.parse(str(f))["cells"])
        assert per_file.get(f.name) == n, (f.name, per_file.get(f.name), n)
    print("ok: px: %d cells of %d files equal the independent parse, status included (%s)"
          % (total, len(files), ", ".join("%s %d" % (k, v) for k, v in sorted(per_file.items()))))
