#!/usr/bin/env bash
# `sdgreport schema`: the JSON Schema of the report definition, checked with a real
# validator (Debian's python3-jsonschema, Draft 7): the schema itself is valid, the
# sample definitions pass, a definition with a typo in an option is refused; and
# every plugin's docs page lists exactly the options the plugin declares.
# Also `sdgreport plugins --options NAME`.
# Usage: schema.sh SDGREPORT SOURCE_DIR
SDGREPORT=$1 SRC=$2
source "$(dirname "$0")/lib.sh"
cd "$d"

"$SDGREPORT" schema -o schema.json
"$SDGREPORT" schema > stdout.json
cmp -s schema.json stdout.json || fail "schema -o and schema to stdout differ"
pass "schema written ($(wc -c < schema.json) bytes)"

sed 's|  - { format: pdf, file: vsr-norway.pdf }|  - { format: pdf, file: vsr-norway.pdf, papper: a4 }|' \
  "$SRC/samples/vsr-norway/report.yaml" > typo.yaml
sed '0,/            file: data\/stavanger\/nasjonale-prover-regning-5-trinn.csv/s||&\n            captoin: Regning|' \
  "$SRC/samples/vsr-norway/report.yaml" > typo-source.yaml
sed 's|  - { format: pdf, file: vsr-norway.pdf }|  - { format: pdf, file: vsr-norway.pdf, paper: A4 }|' \
  "$SRC/samples/vsr-norway/report.yaml" > upper.yaml
sed 's|pivot: { rows: Enhetsnavn, columns: Periode, values: Verdi }|pivot: { rows: Enhetsnavn, colums: Periode, values: Verdi }|' \
  "$SRC/samples/vsr-norway/report.yaml" > typo-nested.yaml
grep -q "papper" typo.yaml && grep -q "captoin" typo-source.yaml && grep -q "colums" typo-nested.yaml ||
  fail "the typo variants were not made"

/usr/bin/python3 - schema.json "$SRC" <<'PY'
import datetime, glob, json, os, re, sys
import jsonschema, yaml

schema = json.load(open(sys.argv[1]))
src = sys.argv[2]
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)

def plain(v):  # PyYAML reads 2026-06-15 as a date; the definition reads it as text
    if isinstance(v, (datetime.date, datetime.datetime)): return v.isoformat()
    if isinstance(v, dict): return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, list): return [plain(x) for x in v]
    return v

def errors(path):
    return sorted(validator.iter_errors(plain(yaml.safe_load(open(path, encoding="utf-8")))), key=str)

samples = sorted(glob.glob(os.path.join(src, "samples", "*", "report.yaml")))
assert len(samples) >= 2, samples
for path in samples:
    errs = errors(path)
    assert not errs, (path, [e.message for e in errs[:3]])
    print("ok: schema accepts", os.path.relpath(path, src))

for path, word in (("typo.yaml", "papper"), ("typo-source.yaml", "captoin"), ("typo-nested.yaml", "colums")):
    errs = errors(path)
    assert errs, path + " accepted"
    # With if/then (and anyOf for goals) the typo is an additionalProperties error naming the key.
    def flat(es):
        for e in es:
            yield e
            yield from flat(e.context or [])
    want = f"'{word}' was unexpected"
    hit = next((e for e in flat(errs) if want in e.message), None)
    assert hit, (path, [e.message[:120] for e in flat(errs)][:5])
    print("ok: schema refuses", path, "-", hit.message, "at", "/".join(map(str, hit.absolute_path)))
assert not errors("upper.yaml"), "paper: A4 refused, though documented as accepted in any case"
print("ok: schema accepts paper: A4")

# Every docs page lists exactly its plugin's declared options (generic keys may appear too).
def declared(kind_key, name):
    entry = schema["definitions"]["source" if kind_key == "plugin" else "output"]
    for case in entry.get("allOf", []):
        if case["if"]["properties"][kind_key]["const"] == name:
            return set(case["then"]["properties"])
    raise AssertionError("no schema for " + name)

generic = {"plugin", "id", "isolate", "timeout", "memory_limit", "language", "alt", "format", "file"}
checked = 0
for kind_key, folder in (("plugin", "plugins"), ("format", "formats")):
    for name in schema["definitions"]["source" if kind_key == "plugin" else "output"]["properties"][kind_key]["enum"]:
        if name.startswith("test-"):
            continue
        own = declared(kind_key, name) - ({"plugin", "id", "isolate", "timeout", "memory_limit", "language", "alt"} if kind_key == "plugin" else {"format", "file"})
        page = os.path.join(src, "docs", folder, name + ".md")
        if not os.path.exists(page):
            assert not own, f"{name} declares options {sorted(own)} but has no {page}"
            continue
        documented, in_table = set(), False
        for line in open(page, encoding="utf-8"):
            if re.match(r"^\|\s*option\s*\|", line):
                in_table = True
                continue
            if in_table and not line.startswith("|"):
                in_table = False
            if in_table and not line.startswith("| ---"):
                first = line.split("|")[1]
                documented |= set(re.findall(r"`([a-z0-9_]+)`", first))
        assert documented, f"{page}: no option table (a table whose header starts '| option |')"
        missing = own - documented
        invented = documented - own - generic
        assert not missing, f"{page}: options not documented: {sorted(missing)}"
        assert not invented, f"{page}: documents options {name} does not declare: {sorted(invented)}"
        checked += 1
        print(f"ok: {os.path.relpath(page, src)} documents the {len(own)} options of {name}")
assert checked >= 6, checked
PY

# plugins --options: one plugin's table.
"$SDGREPORT" plugins --options pdf > pdf.txt
expect_contains pdf.txt "paper  enum (a4, letter; any case), default a4" "goal_page_break  boolean" "format  string, required  (generic)"
set +e
"$SDGREPORT" plugins --options pfd > none.txt 2> none.err; rc=$?
set -e
[ $rc -eq 2 ] || fail "plugins --options of an unknown plugin: exit $rc"
grep -q "no plugin 'pfd' (did you mean 'pdf'?)" none.err || { cat none.err; fail "unknown plugin message"; }
pass "plugins --options pdf: $(grep -c '^  ' pdf.txt) lines; an unknown name is refused with a suggestion"
