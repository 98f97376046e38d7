#!/usr/bin/env bash
# The one vocabulary of problem codes (core/include/sdgreport/codes.hpp):
# - docs/codes.md is exactly the output of `sdgreport codes --markdown`;
# - `sdgreport codes` lists every code;
# - no code is written as a free string anywhere else in core/, plugins/ or formats/
#   (a registered name in quotes outside codes.hpp, a string literal given to warn(),
#   a plugin_warn() in built-in code): every warning goes through the registry.
# Usage: codes.sh SDGREPORT SOURCE_DIR
SDGREPORT=$1 SRC=$2
source "$(dirname "$0")/lib.sh"
cd "$d"

"$SDGREPORT" codes --markdown > codes.md
if ! diff -u "$SRC/docs/codes.md" codes.md > codes.diff; then
  cat codes.diff >&2
  fail "docs/codes.md differs from 'sdgreport codes --markdown'; regenerate it: sdgreport codes --markdown > docs/codes.md"
fi
pass "docs/codes.md is the registry ($(grep -c '^| `' codes.md) rows)"

"$SDGREPORT" codes > codes.txt
expect_contains codes.txt "image-missing	error	" "duplicate-observation	warning	" "cannot-build-<kind>	error" "definition	error kind	"
pass "sdgreport codes lists the registry"

cd "$SRC"
# codes.hpp declares the names; codes.cpp writes docs/codes.md (its example is prose).
sources=$(find core plugins formats -name '*.cpp' -o -name '*.hpp' |
  grep -vE '^core/(include/sdgreport/codes\.hpp|src/base/codes\.cpp)$' | sort)
code_lines() { grep -vE '^[^:]+:[0-9]+:\s*//'; }  # comments may name codes
names=$(sed -n 's/^ *X([A-Za-z]*, "\([a-z0-9-]*\)".*/\1/p' core/include/sdgreport/codes.hpp)
[ "$(echo "$names" | wc -l)" -gt 40 ] || fail "could not read the names of codes.hpp"
bad=0
for n in $names; do
  if hits=$(grep -nF "\"$n\"" $sources | code_lines); then
    echo "$hits" >&2
    echo "the registered code '$n' is written as a string above; use sdg::Code" >&2
    bad=1
  fi
done
if hits=$(grep -nE '(\.|->|\b)warn\(\s*"|Warning\{\s*"|\bplugin_warn\(' $sources | code_lines |
           grep -v '^core/include/sdgreport/context.hpp:\|^core/src/pipeline/context.cpp:\|log()\.warn'); then
  echo "$hits" >&2
  echo "a warning above has a free-string code; register it in codes.hpp (built-in code never uses plugin_warn)" >&2
  bad=1
fi
[ $bad = 0 ] || fail "free-string codes remain"
pass "no free-string codes in core, plugins or formats ($(echo "$names" | wc -l) registered names)"
