# Shared helpers for the end-to-end tests. Source it; set SDGREPORT first.
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# A fresh scratch directory in $d, removed on exit.
d=$(mktemp -d "${TMPDIR:-/tmp}/sdgreport-e2e.XXXXXX")
trap 'rm -rf "$d"' EXIT

# expect_contains FILE TEXT...: every TEXT occurs in FILE
expect_contains() {
  local file=$1; shift
  for t in "$@"; do
    grep -qF -- "$t" "$file" || fail "'$t' not found in $file"
  done
}
