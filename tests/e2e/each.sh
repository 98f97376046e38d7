#!/usr/bin/env bash
# `build --each`: one report per municipality, ${column} substituted, in parallel;
# one broken row does not stop the others, and the summary names it.
# Usage: each.sh SDGREPORT FIXTURE_DIR (tests/data/each)
SDGREPORT=$1 FIX=$2
source "$(dirname "$0")/lib.sh"
set +e
"$SDGREPORT" build "$FIX/report.yaml" --each "$FIX/municipalities.csv" -j 2 -o "$d/out" > "$d/stdout" 2> "$d/stderr"
rc=$?
set -e
cat "$d/stderr"
[ $rc -eq 1 ] || fail "exit code $rc, expected 1 (one row fails)"
n=$(ls "$d/out" | wc -l)
[ "$n" -eq 11 ] || fail "$n reports written, expected 11"
grep -q "^info: built 11 of 12 reports$" "$d/stderr" || fail "summary line"
grep -q "^error: row on line 13 (Atlantis): .*dimension 'Region' (region) has no category 'K-9999'" "$d/stderr" || fail "the failed row is not named with its reason"
grep -q "^error: 1 of 12 reports failed" "$d/stderr" || fail "failure count"
/usr/bin/python3 - "$d/out/vlr-1804.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["meta"]["title"] == "Voluntary Local Review Bodø", doc["meta"]["title"]
assert doc["meta"]["organisation"] == "Bodø kommune"
table = doc["chapters"][1]["sections"][0]["blocks"][0]
assert table["caption"].startswith("Andel fornybar energi i kommunale bygg, Bodø"), table["caption"]
assert table["rows"] == [["Bodø", 50.0, 51.2, 52.5]], table["rows"]  # model version 2: bare cells
print("ok: Bodø's report holds Bodø's row")
PY
# Two rows writing one file are refused before anything is built.
printf 'kommunenummer;name\n0301;Oslo\n0301;Oslo igjen\n' > "$d/dup.csv"
set +e
"$SDGREPORT" -q build "$FIX/report.yaml" --each "$d/dup.csv" -o "$d/dup" 2> "$d/err"; rc=$?
set -e
[ $rc -eq 1 ] && grep -q "like the row on line 2; put a \${column} in the output file names" "$d/err" || { cat "$d/err"; fail "duplicate output not refused"; }
# The definition is parsed once: YAML that does not parse fails the command
# once, at its line, before any row is built (not once per row).
printf 'title: VLR ${name}\nchapters: [\n  - title: x\n' > "$d/bad.yaml"
set +e
"$SDGREPORT" -q build "$d/bad.yaml" --each "$FIX/municipalities.csv" -o "$d/bad" 2> "$d/err"; rc=$?
set -e
[ $rc -eq 1 ] || { cat "$d/err"; fail "invalid YAML: exit code $rc, expected 1"; }
[ "$(grep -c '^error' "$d/err")" -eq 1 ] && grep -q "bad.yaml:3:3: not valid YAML" "$d/err" || { cat "$d/err"; fail "invalid YAML not reported once at its line"; }
[ ! -e "$d/bad" ] || fail "invalid YAML: an output folder was made"
pass "--each: 11 built, 1 failed and named; substitution; duplicate outputs refused"
