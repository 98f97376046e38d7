#!/usr/bin/env bash
# The annex rules on a small model (tests/xlsx/data/annex.json): a table with
# estimated, provisional, confidential and break-in-series cells and metadata;
# a chart naming it as data_table; a national indicator's table with a chart of
# the same observations but no data_table; a chart of its own.
# - Data sheet: each observation once (charts drawn from a table not repeated),
#   Breakdown/Category, years as numbers and "2013/14" as text, symbols and
#   statuses, national indicator labelled, target from the catalogue;
# - table sheet: flags shown by the number format beside the number, missing
#   values by their symbol; the key of symbols on Contents;
# - Metadata sheet: one row per table/undrawn chart, metadata, source link.
# Usage: annex.sh SDGREPORT
SDGREPORT=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600

"$SDGREPORT" -q render "$here/data/annex.json" --format xlsx -o "$d/a"
"$SDGREPORT" -q render "$here/data/annex.json" --format xlsx -o "$d/b"
x="$d/a/annex.xlsx"
s="Goal 3 Good health & well-being"
/usr/bin/python3 "$here/../e2e/check_xlsx.py" "$x" --lang en --sheets 4 --sheet Data --sheet Metadata \
  --data-rows 11 \
  --data-has "Goal=3;Target=3.4;Indicator=3.4.2;Period=2022;Breakdown=Sex;Category=Female;Value=8.4;Symbols=e;Status=Estimated" \
  --data-has "Indicator=3.4.2;Period=2023;Breakdown=Sex;Category=Female;Value=;Symbols=:;Status=Confidential" \
  --data-has "Indicator=3.4.2;Period=2022;Category=Male;Value=17.9;Symbols=p;Status=Provisional" \
  --data-has "Indicator=3.4.2;Period=2023;Category=Male;Value=18.3;Symbols=b;Status=Break in series" \
  --data-has "Goal=3;Target=;Indicator=3-1-f (National indicator);Series=Physically active adults (test data);Period=2013/14;Breakdown=;Value=49" \
  --data-has "Goal=3;Target=3.4;Indicator=;Series=Target path;Period=2030;Value=70;Unit=%" \
  --format "$s!B3=0.0" --format "$s!C3=0.0\" e\"" --format "$s!C4=0.0\" p\"" --format "$s!D4=0.0\" b\"" \
  --number "$s!C3=8.4" --text "$s!D3=:" --text "$s!E3=2022: Estimated; 2023: Confidential" \
  --frozen "$s=none" --frozen "Data=A2" --frozen "Metadata=B2" \
  --text "Metadata!A2=3.4.2" --text "Metadata!B2=Suicide mortality rate" --number "Metadata!C2=3" \
  --text "Metadata!D2=3.4" --text "Metadata!E2=deaths per 100 000 population" \
  --text "Metadata!F2=Deaths by suicide per 100 000 population, age-standardised." \
  --text "Metadata!G2=Folkehelseinstituttet (FHI)" --text "Metadata!H2=2026-03-01" \
  --text "Metadata!A3=3-1-f (National indicator)" --text "Metadata!B4=Path to the 2030 goal" --empty "Metadata!A5" \
  --same-as "$d/b/annex.xlsx"
pass "one row per observation with statuses; flags beside numbers; Metadata rows"

/usr/bin/python3 - "$x" <<'PY' || fail "key of symbols, links or Data periods wrong"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
bad = []
rows = [r for r in wb["Contents"].iter_rows(values_only=True)]
start = [i for i, r in enumerate(rows) if r[0] == "Symbols"]
key = {r[0]: r[1] for r in rows[start[0] + 1:]} if start else {}
want = {"..": "Not available", "-": "Not applicable", ":": "Confidential", "p": "Provisional", "e": "Estimated",
        "b": "Break in series", "\u2013": "Nil"}  # ABI 4: nil, the UN's dash in en (docs/status-symbols.md)
if key != want:
    bad.append(f"symbol key on Contents is {key}")
link = wb["Metadata"]["G2"].hyperlink
if not link or link.target != "https://example.org/fhi/metadata/3-4-2":
    bad.append(f"Metadata!G2 links to {link.target if link else None}")
link = wb["Metadata"]["G3"].hyperlink
if link:
    bad.append(f"Metadata!G3 (no source_url) links to {link.target}")
periods = [r[4] for r in wb["Data"].iter_rows(min_row=2, values_only=True)]
if periods.count(2022) != 3 or "2013/14" not in periods or any(isinstance(p, str) and p.isdigit() for p in periods):
    bad.append(f"Data periods {periods}")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
pass "symbol key on Contents; source links; periods typed"
