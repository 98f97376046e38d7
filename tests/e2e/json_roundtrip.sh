#!/usr/bin/env bash
# The model of the sample as JSON: written by `build --format json`, read back by
# `render`, written again: identical bytes.
# Usage: json_roundtrip.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
source "$(dirname "$0")/lib.sh"
"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format json -o "$d/a"
json="$d/a/vsr-norway.json"
expect_contains "$json" '"sdgreport_model": 3' '"goal": 7' 'Ålesund' '"type": "table"' '"decimals": 1'
/usr/bin/python3 - "$json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
goals = [s for ch in doc["chapters"] for s in ch["sections"] if s["goal"]]
assert [g["goal"] for g in goals] == list(range(1, 18)), [g["goal"] for g in goals]
g4 = goals[3]
table = next(b for b in g4["blocks"] if b["type"] == "table")
assert table["caption"].startswith("Upper-secondary completion"), table["caption"]
assert [c["type"] for c in table["columns"]] == ["text", "number", "number", "number"], table["columns"]
assert table["rows"][0][1] == 73.4, table["rows"][0]  # version 2: a cell without a status is bare
assert table["rows"][2][3].get("status") == "not_available", table["rows"][2]
# The guidelines' structure, and a table and a chart in every goal section.
assert [c["title"] for c in doc["chapters"]] == [
    "Opening statement", "Main messages", "Introduction", "Methodology and process",
    "Policy and enabling environment", "Progress on goals and targets", "Means of implementation",
    "Conclusion and next steps", "Annexes"], [c["title"] for c in doc["chapters"]]
def kinds(sec):
    out = [b["type"] for b in sec["blocks"]]
    for sub in sec["sections"]:
        out += kinds(sub)
    return out
for g in goals:
    k = kinds(g)
    assert "table" in k and "chart" in k and "indicator_summary" in k, (g["goal"], k)
g5 = goals[4]
assert g5["targets"] == ["5.2", "5.4", "5.5"], g5["targets"]  # front matter, then the indicators' targets
summary = next(b for b in g5["blocks"] if b["type"] == "indicator_summary")
assert summary["indicator"] == "5.5.1", summary
print("ok: model content")
PY
mkdir -p "$d/b"
cp "$json" "$d/b/model.json"
"$SDGREPORT" -q render "$d/b/model.json" --format json -o "$d/c"
cmp "$json" "$d/c/model.json" || fail "JSON → model → JSON is not byte-identical"
pass "json round trip is byte-identical"
