#!/usr/bin/env bash
# A JSON model of the previous version (1: every table cell an object) still
# renders: to PDF (the table's numbers, its status symbol and non-ASCII labels
# in the extracted text) and to JSON of the current version with the same cells.
# Usage: model_v1.sh SDGREPORT FIXTURE
SDGREPORT=$1 FIXTURE=$2
source "$(dirname "$0")/lib.sh"
grep -qF '"sdgreport_model": 1' "$FIXTURE" || fail "$FIXTURE is not a version 1 model"
cp "$FIXTURE" "$d/model.json"
SOURCE_DATE_EPOCH=1700000000 "$SDGREPORT" -q render "$d/model.json" --format pdf -o "$d/pdf"
SOURCE_DATE_EPOCH=1700000000 "$SDGREPORT" -q render "$d/model.json" --format json -o "$d/json"
qpdf --check "$d/pdf/model.pdf" > /dev/null || fail "qpdf --check failed on the rendered version 1 model"
pdftotext -layout "$d/pdf/model.pdf" "$d/model.txt"
grep -qE 'Nord-Norge +73\.4 +74\.1 +75\.0' "$d/model.txt" || fail "table row 'Nord-Norge 73.4 74.1 75.0' not in the PDF text"
grep -qE 'Vestlandet +81\.0 +81\.7 +\.\.' "$d/model.txt" || fail "missing cell '..' not in the PDF text"
expect_contains "$d/model.txt" 'Trøndelag' 'Østlandet' 'Symbols: .. = Not available'
/usr/bin/python3 - "$FIXTURE" "$d/json/model.json" <<'PY'
import json, sys
old = json.load(open(sys.argv[1], encoding="utf-8"))
new = json.load(open(sys.argv[2], encoding="utf-8"))
assert old["sdgreport_model"] == 1 and new["sdgreport_model"] == 3, (old["sdgreport_model"], new["sdgreport_model"])
def tables(sec):
    out = [b for b in sec["blocks"] if b["type"] == "table"]
    for s in sec["sections"]:
        out += tables(s)
    return out
def as_v1(c):  # version 2 writes a cell without a status bare
    if isinstance(c, bool):
        raise AssertionError("a boolean cell")
    if isinstance(c, (int, float)):
        return {"number": c}
    if isinstance(c, str):
        return {"text": c}
    return c
old_t = [t for ch in old["chapters"] for t in tables(ch)]
new_t = [t for ch in new["chapters"] for t in tables(ch)]
assert len(old_t) == len(new_t) > 0, (len(old_t), len(new_t))
cells = statuses = bare = 0
for a, b in zip(old_t, new_t):
    assert a["columns"] == b["columns"], a["caption"]
    assert len(a["rows"]) == len(b["rows"]), a["caption"]
    for ra, rb in zip(a["rows"], b["rows"]):
        assert [as_v1(c) for c in rb] == ra, (a["caption"], ra, rb)
        cells += len(ra)
        statuses += sum("status" in c for c in ra)
        bare += sum(not isinstance(c, dict) for c in rb)
assert statuses > 0 and bare > 0, (statuses, bare)
print(f"ok: {len(old_t)} tables, {cells} cells ({statuses} with a status) read from version 1, written as version 2")
PY
pass "a version 1 JSON model renders"
