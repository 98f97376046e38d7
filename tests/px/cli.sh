#!/usr/bin/env bash
# The px plugin through the CLI: `plugins --options px` shows its options; a
# malformed PX file stops the build with file:line and writes nothing; a language
# the file does not have is an error at the option's line; a Danish table from
# TUX01.px in an English report is built to HTML with its language marked and
# its cell notes under the table; the codepage decision is a warning.
# Usage: cli.sh SDGREPORT DATA_DIR
SDGREPORT=$1 DATA=$2
source "$(dirname "$0")/../e2e/lib.sh"
cd "$d"

"$SDGREPORT" plugins --options px > opts.txt
expect_contains opts.txt "file  path, required" "file_language  string" "notes  enum (mandatory, all, none; any case), default mandatory"
pass "plugins --options px"

mkdir -p r/data
cp "$DATA/TUX01.px" r/data/
write_report() {  # write_report OPTIONS
  cat > r/report.yaml <<YAML
sdgreport: 1
name: pxcli
title: PX
language: en
date: 2026-01-01
at_a_glance: false
required_chapters: []
chapters:
  - title: Sled dogs
    sources:
      - { plugin: px, file: data/TUX01.px, rows: district, $1 }
YAML
}

# A file cut short in DATA: the error names the file and line; no output.
head -c 7000 "$DATA/TUX01.px" > r/data/cut.px
write_report 'select: { time: "last 4" }'
sed -i 's|data/TUX01.px|data/cut.px|' r/report.yaml
set +e
"$SDGREPORT" build r/report.yaml --format html -o out 2> err.txt; rc=$?
set -e
[ $rc -eq 1 ] || fail "a cut PX file: exit $rc"
grep -qE "cut.px:[0-9]+: .*PC-Axis: DATA has [0-9]+ cells but the variables make 396" err.txt || { cat err.txt; fail "message"; }
[ ! -e out/pxcli.html ] || fail "an output was written"
pass "a cut file: $(grep -o 'cut.px:[0-9]*' err.txt | head -1), exit 1, nothing written"

write_report 'file_language: fr'
set +e
"$SDGREPORT" build r/report.yaml --format html -o out 2> err.txt; rc=$?
set -e
[ $rc -eq 1 ] || fail "an unknown language: exit $rc"
grep -q "report.yaml:11:[0-9]*: .*px: the file has no language 'fr' (its languages: en, da, kl)" err.txt || { cat err.txt; fail "language message"; }
pass "an unknown language is refused at its option"

write_report 'file_language: da, select: { time: "2019..2022" }'
"$SDGREPORT" build r/report.yaml --format html --format json -o out 2> warn.txt
expect_contains warn.txt "[px-codepage-mismatch]" "CODEPAGE=\"iso-8859-15\" but its bytes are UTF-8"
/usr/bin/python3 - out/pxcli.html out/pxcli.json <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
assert "slÃ¦de" not in text and "Antal slædehunde" in text, "Danish title missing or mojibake"
assert "Kangaatsiaq, 2019:" in text and "Tallene er fra 2018" in text, "the Danish cell note is not under the table"
doc = json.load(open(sys.argv[2], encoding="utf-8"))
blocks = [b for ch in doc["chapters"] for b in ch.get("blocks", [])]
assert [b["type"] for b in blocks] == ["table", "paragraph", "paragraph"], [b["type"] for b in blocks]
for k, b in enumerate(blocks):  # the table, "Notes:" (the report's English word), the Danish notes
    assert b.get("lang") == (None if k == 1 else "da"), (k, b.get("lang"))
    assert b.get("origin") == "data/TUX01.px / TUX01", b.get("origin")
print("ok: a Danish table and its cell notes in an English report, lang da, origin 'data/TUX01.px / TUX01'")
PY
