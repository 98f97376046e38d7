#!/usr/bin/env bash
# LibreOffice headless (libreoffice-calc-nogui) converts every sheet of the
# sample's workbook, and of the Norwegian chart fixture, to UTF-8 CSV; every
# sheet gives a CSV file and every non-ASCII text (æøå, –, ₂, «») survives.
# Usage: libreoffice_csv.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
command -v soffice >/dev/null || fail "soffice not found (apt-get install libreoffice-calc-nogui)"

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format xlsx -o "$d/in"
"$SDGREPORT" -q render "$here/data/charts.json" --format xlsx -o "$d/in"

# A private profile, so parallel runs and other users do not clash.
# Filter options: comma, double quote, UTF-8 (76), from line 1, …, -1 = every sheet.
for x in "$d"/in/*.xlsx; do
  timeout 240 soffice -env:UserInstallation="file://$d/profile" --headless --norestore \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$d/csv" "$x" >"$d/soffice.log" 2>&1 || { cat "$d/soffice.log" >&2; fail "soffice failed on $x"; }
done

/usr/bin/python3 - "$d/in" "$d/csv" <<'PY'
import csv, os, sys
import openpyxl
src, out = sys.argv[1], sys.argv[2]
bad = []
letters = set()
for f in sorted(os.listdir(src)):
    stem = f[:-5]
    wb = openpyxl.load_workbook(os.path.join(src, f))
    for ws in wb.worksheets:
        path = os.path.join(out, f"{stem}-{ws.title}.csv")
        if not os.path.exists(path):
            bad.append(f"{f}: no CSV for sheet {ws.title!r} (have {sorted(os.listdir(out))})")
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            got = {cell for row in csv.reader(fh) for cell in row}
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str) and not v.isascii():
                    letters |= set(v) & set("æøåÆØÅ")
                    if v not in got:
                        bad.append(f"{f}: sheet {ws.title!r}: {v!r} not found intact in {os.path.basename(path)}")
for ch in "æøå":
    if ch not in letters:
        bad.append(f"no text with {ch!r} was checked")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
pass "every sheet converts to UTF-8 CSV with æøå intact"
