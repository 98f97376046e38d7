#!/usr/bin/env bash
# Option schemas (plugin ABI 3) and `validate` = `build` without writing:
#  - a typo in an output's or a source's option: validate and build exit 1 with
#    "FILE:L:C: unknown option 'papper' of format 'pdf' (did you mean 'paper'?)"
#    and nothing is written; `paper: A4` is accepted (the plugin sees a4);
#  - a misspelt key of a map with fixed keys (csv's pivot) likewise, at the key's value;
#  - validate on the sample prints and counts exactly the warnings build prints.
# Usage: options.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
source "$(dirname "$0")/lib.sh"
cp -r "$SAMPLE" "$d/s"
cd "$d/s"
export SOURCE_DATE_EPOCH=1767225600

expect_refused() {  # expect_refused NAME FILE MESSAGE: build says "error: MESSAGE";
  # validate the finding "WHERE: error: WHAT [code]" (MESSAGE = "WHERE: WHAT" when it has a place)
  local name=$1 file=$2 msg=$3 vmsg=$3 bmsg=$3
  if [[ $msg =~ ^([^ ]+:[0-9]+:[0-9]+):\ (.*)$ ]]; then
    vmsg="${BASH_REMATCH[1]}: error: ${BASH_REMATCH[2]}" bmsg="error: $msg"
  fi
  set +e
  "$SDGREPORT" validate "$file" > v.out 2> v.err; local v=$?
  "$SDGREPORT" build "$file" -o out-$name > b.out 2> b.err; local b=$?
  set -e
  [ $v -eq 1 ] || { cat v.out v.err; fail "$name: validate exit $v, expected 1"; }
  [ $b -eq 1 ] || { cat b.err; fail "$name: build exit $b, expected 1"; }
  grep -qF -- "$vmsg" v.out || { cat v.out; fail "$name: validate does not say: $vmsg"; }
  grep -qF -- "$bmsg" b.err || { cat b.err; fail "$name: build does not say: $bmsg"; }
  [ -z "$(ls -A out-$name 2>/dev/null)" ] || fail "$name: build wrote $(ls out-$name)"
  pass "$name: $(grep -F -- "$bmsg" b.err)"
}

# The output's option, at the line and column of its value.
sed 's|  - { format: pdf, file: vsr-norway.pdf }|  - { format: pdf, file: vsr-norway.pdf, papper: a4 }|' report.yaml > typo-output.yaml
line=$(grep -n "papper" typo-output.yaml | cut -d: -f1)
col=$(grep "papper" typo-output.yaml | awk '{ print index($0, "papper: ") + 8 }')  # the value after "papper: "
expect_refused output typo-output.yaml \
  "typo-output.yaml:$line:$col: unknown option 'papper' of format 'pdf' (did you mean 'paper'?)"

# A data source's option.
sed '0,/            file: data\/stavanger\/nasjonale-prover-regning-5-trinn.csv/s||&\n            captoin: Regning|' report.yaml > typo-source.yaml
line=$(grep -n "captoin" typo-source.yaml | cut -d: -f1)
expect_refused source typo-source.yaml \
  "typo-source.yaml:$line:22: unknown option 'captoin' of plugin 'csv' (did you mean 'caption'?)"

# A key of a nested option map with a fixed set of keys (csv's pivot), at its line and column.
sed 's|pivot: { rows: Enhetsnavn, columns: Periode, values: Verdi }|pivot: { rows: Enhetsnavn, colums: Periode, values: Verdi }|' report.yaml > typo-nested.yaml
line=$(grep -n "colums" typo-nested.yaml | cut -d: -f1)
[ -n "$line" ] || fail "the sample has no pivot to misspell"
col=$(grep "colums" typo-nested.yaml | awk '{ print index($0, "colums: ") + 8 }')  # the value after "colums: "
expect_refused nested typo-nested.yaml \
  "typo-nested.yaml:$line:$col: option 'pivot' of plugin 'csv': unknown key 'colums' (its keys: rows, columns, values) (did you mean 'columns'?)"

# A wrong value and a wrong type.
sed 's|  - { format: pdf, file: vsr-norway.pdf }|  - { format: pdf, file: vsr-norway.pdf, paper: a5 }|' report.yaml > bad-paper.yaml
expect_refused value bad-paper.yaml "option 'paper' of format 'pdf': expected one of a4, letter, got 'a5'"
sed 's|  - { format: xlsx, file: vsr-norway.xlsx }|  - { format: xlsx, file: vsr-norway.xlsx, data_sheet: maybe }|' report.yaml > bad-bool.yaml
expect_refused type bad-bool.yaml "option 'data_sheet' of format 'xlsx': expected true or false, got 'maybe'"

# A case difference in an enum is accepted, as documented.
sed 's|  - { format: pdf, file: vsr-norway.pdf }|  - { format: pdf, file: vsr-norway.pdf, paper: A4 }|' report.yaml > upper.yaml
"$SDGREPORT" -q build upper.yaml -o out-upper --format pdf || fail "paper: A4 refused"
pdfinfo out-upper/vsr-norway.pdf | grep -q "595.276 x 841.89" || fail "paper: A4 did not give A4 pages"
pass "paper: A4 builds A4 pages"

# validate = build without writing: the same warnings, counted. The sample is clean, so
# a variant gives a plugin's warning (a CSV table without a source note) and the
# checks' (goal 6 neither covered nor excluded).
sed '/^            source: "Real data/d; /^      - 6$/d' report.yaml > warned.yaml
mv warned.yaml report.yaml
"$SDGREPORT" build report.yaml -o out-build > build.out 2> build.err || { cat build.err; fail "sample build"; }
set +e
"$SDGREPORT" validate report.yaml > validate.out 2> validate.err; rc=$?
set -e
[ $rc -eq 0 ] || { cat validate.out validate.err; fail "validate on the sample: exit $rc (no errors expected)"; }
[ ! -e vsr-norway.pdf ] || fail "validate wrote an output"
# build: "warning: WHERE: MESSAGE [code]" on stderr; validate: "WHERE: warning: MESSAGE [code]" on stdout.
sed -n 's/^warning: //p' build.err | sort > build.warnings
sed -n 's/^\(.*\): warning: \(.*\)$/\1: \2/p; s/^warning: \(.*\)$/\1/p' validate.out | sort > validate.warnings
diff build.warnings validate.warnings > warnings.diff || { cat warnings.diff; fail "validate and build print different warnings"; }
n=$(wc -l < build.warnings)
[ "$n" -gt 0 ] || fail "the sample gives no warnings: the comparison would prove nothing"
grep -q "^0 errors, $n warnings\?$" validate.out || { tail -1 validate.out; fail "validate's count is not the $n printed"; }
grep -q "info: $n warnings\?$" build.err || { tail -2 build.err; fail "build's count is not the $n printed"; }
pass "validate and build print and count the same $n warnings"
set +e
"$SDGREPORT" validate --strict report.yaml > /dev/null 2>&1; rc=$?
set -e
[ $rc -eq 1 ] || fail "validate --strict with warnings: exit $rc, expected 1"
pass "validate --strict fails on warnings"
