#!/usr/bin/env bash
# The sdmx benchmark: a generated 100 MB SDMX-CSV file (gen.py) filtered to one
# SERIES by sdgreport's sdmx reader and by Python's csv module, 3 runs each.
# Usage: tests/bench/sdmx/run.sh BUILD_DIR [MB]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1
mb=${2:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/gen.py" "$tmp/sdg.csv" "$mb"
ls -l "$tmp/sdg.csv"
uptime
for i in 1 2 3; do "$build/bin/sdgreport_sdmx_bench" "$tmp/sdg.csv" SI_POV_DAY1; done
for i in 1 2 3; do /usr/bin/python3 "$here/py_filter.py" "$tmp/sdg.csv" SI_POV_DAY1; done
uptime
