#!/usr/bin/env bash
# Every survey table of the sample (English: the .sav files; Bokmål: the CSV files) against an
# independent recomputation from the CSV exports (recompute.py, Python standard library only).
# Usage: sample_recompute.sh SDGREPORT SAMPLES_DIR
SDGREPORT=$1 SAMPLES=$2
source "$(dirname "$0")/../e2e/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
export SOURCE_DATE_EPOCH=1781481600
"$SDGREPORT" -q build "$SAMPLES/vsr-norway/report.yaml" --format json -o "$d/en"
"$SDGREPORT" -q build "$SAMPLES/vsr-norway-nb/report.yaml" --format json -o "$d/nb"
/usr/bin/python3 "$here/recompute.py" "$d/en/vsr-norway.json" "$SAMPLES/vsr-norway/data/survey" en
/usr/bin/python3 "$here/recompute.py" "$d/nb/vsr-norway-nb.json" "$SAMPLES/vsr-norway/data/survey" nb
pass "the sample's survey tables equal the recomputation"
