#!/usr/bin/python3
"""Fidelity of a PDF to its document model (issue 10 item 7).

Usage: fidelity_check.py MODEL.json FILE.pdf

For every table of the JSON model (sdgreport --format json):
- every number cell appears in `pdftotext -layout` text as one intact token,
  formatted for the report language as the writer formats it, with its status
  flag beside it ("12.3 e"; the flag after a no-break space);
- every missing cell's marker appears, and the table's key names it
  ("Symbols: .. = Not available" / "Symboler: …");
- every word of every text cell and column label appears as a whole word;
and every word of the document lies inside the text area (`pdftotext -bbox`,
stress_check.check_text). Exits 1 with one line per problem.

Symbols and number formatting mirror core/src/i18n.cpp (docs/status-symbols.md).
"""
import json
import re
import subprocess
import sys
import os

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from report_numbers import format_number  # noqa: E402  (tests/support/report_numbers.py)
from model_cells import cell_object  # noqa: E402  (tests/support/model_cells.py)
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stress_check import check_text  # noqa: E402

SYMBOLS = {
    "en": {"not_available": "..", "not_applicable": "-", "confidential": ":",
           "provisional": "p", "estimated": "e", "break_in_series": "b"},
    "nb": {"not_available": "..", "not_applicable": ".", "confidential": ":",
           "provisional": "*", "estimated": "e", "break_in_series": "|"},
}
SYMBOLS["nn"] = SYMBOLS["nb"]
KEY = {"en": "Symbols:", "nb": "Symboler:", "nn": "Symbol:"}
NBSP = "\u00a0"


fmt = format_number  # tests/support/report_numbers.py


def tables(node):
    if isinstance(node, dict):
        if node.get("type") == "table":
            yield node
        for v in node.values():
            yield from tables(v)
    elif isinstance(node, list):
        for v in node:
            yield from tables(v)


def norm(s):
    return s.replace(NBSP, " ").replace("\u202f", " ")


def main(model_path, pdf_path):
    model = json.loads(Path(model_path).read_text(encoding="utf-8"))
    lang = (model.get("meta", {}).get("language") or "en")[:2]
    sym = SYMBOLS.get(lang, SYMBOLS["en"])
    text = norm(subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf_path, "-"],
                               check=True, capture_output=True, text=True).stdout)
    lines = text.split("\n")
    words = set(text.split())
    key_lines = [l for l in lines if KEY.get(lang, "Symbols:") in l]
    problems, cells = [], 0

    def token_in_text(tok):
        pat = re.compile(r"(^|\s)" + re.escape(tok) + r"(\s|$)")
        return any(pat.search(l) for l in lines)

    for t in tables(model):
        name = t.get("id") or t.get("caption") or "?"
        cols = t["columns"]
        used = set()
        for c in cols:
            for w in norm(c["label"]).split():
                if w not in words:
                    problems.append(f"table {name!r}: header word {w!r} not intact in the text")
        for r, row in enumerate(t["rows"]):
            for j, cell in enumerate(map(cell_object, row)):
                cells += 1
                where = f"table {name!r} row {r + 1} column {cols[j]['label']!r}"
                status = cell.get("status")
                if status:
                    used.add(status)
                if "number" in cell:
                    tok = fmt(cell["number"], cols[j].get("decimals", 0), lang)
                    if status:
                        tok += NBSP + sym[status]
                    if not token_in_text(norm(tok)):
                        problems.append(f"{where}: {norm(tok)!r} not one intact token in the text")
                elif "text" in cell:
                    for w in norm(cell["text"]).split():
                        if w not in words:
                            problems.append(f"{where}: word {w!r} not intact in the text")
                elif status:
                    if not token_in_text(sym[status]):
                        problems.append(f"{where}: marker {sym[status]!r} not in the text")
        for s in sorted(used):
            entry = f"{sym[s]} = "
            if not any(entry in l for l in key_lines):
                problems.append(f"table {name!r}: the key does not explain {sym[s]!r} ({s})")
    check_text(pdf_path, problems)
    for p in problems[:40]:
        print(p)
    if problems:
        print(f"{len(problems)} problems ({cells} cells checked)")
        return 1
    print(f"fidelity: {cells} cells intact, every word inside the text area")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
