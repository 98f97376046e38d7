#!/usr/bin/env bash
# The sample report's workbook, read back with openpyxl (tests/e2e/check_xlsx.py),
# byte-identical across builds; and hostile cell values stored as text.
# Usage: sample_xlsx.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
export SOURCE_DATE_EPOCH=1781481600   # 2026-06-15

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format xlsx -o "$d/a" 2>"$d/stderr"
! grep -F -e '[WARNING]' -e '[ERROR]' "$d/stderr" || fail "libxlsxwriter printed to stderr"
sleep 1   # a clock leaking into the file would show up as a difference
"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format xlsx -o "$d/b"
x="$d/a/vsr-norway.xlsx"
/usr/bin/python3 "$here/check_xlsx.py" "$x" \
  --lang en \
  --sheet "Goal 4 Quality education" --sheet "Goal 13 Climate action" --sheet "Data" \
  --tab "Goal 4 Quality education=C5192D" --tab "Goal 7 Affordable, clean energy=FCC30B" \
  --frozen "Goal 4 Quality education=none" --frozen "Means of implementation=B3" --frozen "Metadata=B2" --table "Goal 4 Quality education=A2:E6" \
  --text "Goal 4 Quality education!A1=Upper-secondary completion within five years (illustrative data)" \
  --text "Goal 4 Quality education!A2=Region" --text "Goal 4 Quality education!A4=Trøndelag" \
  --number "Goal 4 Quality education!B3=73.4" --format "Goal 4 Quality education!B3=0.0" \
  --text "Goal 4 Quality education!D5=.." --text "Goal 4 Quality education!E5=Not available" \
  --number "Goal 13 Climate action!B3=1203" \
  --text "Goal 13 Climate action!A6=Finnmark" --text "Goal 13 Climate action!D6=:" \
  --data-has "Series=Upper-secondary completion within five years (illustrative data);Period=2023;Breakdown=Region;Category=Vestlandet;Value=;Symbols=..;Status=Not available" \
  --data-has "Period=2022;Series=Nursing homes;Value=236" \
  --data-has "Breakdown=County;Category=Oslo;Period=2015;Value=1203" \
  --created 2026-06-15T00:00:00 \
  --same-as "$d/b/vsr-norway.xlsx"
pass "sample workbook content, and byte-identical across builds"

# Every goal has a sheet with a native chart; the Open SDG series reach the Data sheet.
charts=()
for g in "Goal 1 No poverty" "Goal 2 Zero hunger" "Goal 3 Good health & well-being" "Goal 5 Gender equality" \
         "Goal 6 Clean water & sanitation" "Goal 8 Decent work" "Goal 9 Industry, innovation" \
         "Goal 10 Reduced inequalities" "Goal 12 Responsible consumption" \
         "Goal 14 Life below water" "Goal 15 Life on land" \
         "Goal 16 Peace, justice"; do charts+=(--charts "$g=1"); done
# goals 4 and 7: a CSV and a JSON-stat chart; 11, 13 and 17: a survey chart (samples/vsr-norway/data/survey)
for g in "Goal 4 Quality education" "Goal 7 Affordable, clean energy" "Goal 11 Sustainable cities" \
         "Goal 13 Climate action" "Goal 17 Partnerships"; do charts+=(--charts "$g=2"); done
/usr/bin/python3 "$here/check_xlsx.py" "$x" --lang en --sheets 23 "${charts[@]}" \
  --data-has "Goal=5;Target=5.5;Indicator=5.5.1;Series=Municipal councils;Period=2023;Value=41.6;Unit=%" \
  --data-has "Goal=16;Target=16.6;Indicator=16.6.2;Series=Nursing home;Period=2024;Value=59"
pass "a sheet with a chart for every goal"

# The Bokmål variant: Norwegian sheet names and labels.
"$SDGREPORT" -q build "$SAMPLE/../vsr-norway-nb/report.yaml" --format xlsx -o "$d/nb"
/usr/bin/python3 "$here/check_xlsx.py" "$d/nb/vsr-norway-nb.xlsx" --lang nb --sheets 23 \
  --sheet "Mål 1 Ingen fattigdom" --sheet "Mål 17 Samarbeid" --charts "Mål 5 Likestilling=1" \
  --text "Mål 5 Likestilling!A1=Deltid i kommunesektoren, andel av de ansatte (illustrerende data)" \
  --text "Mål 5 Likestilling!A3=Kvinner" --number "Mål 5 Likestilling!B3=58" \
  --data-has "Mål=13;Serie=Direkte utslipp av klimagasser, tusen tonn CO₂-ekvivalenter (illustrerende data);Periode=2015;Inndeling=Fylke;Kategori=Oslo;Verdi=1203"
pass "Bokmål workbook: Norwegian sheet names and labels"

"$SDGREPORT" -q build "$here/../data/hostile/report.yaml" -o "$d/h"
/usr/bin/python3 "$here/check_xlsx.py" "$d/h/hostile.xlsx" --lang nb --hostile \
  --text "Mål 16 Fred, rettferdighet!A4=Bodø"
pass "formula-like values are stored as text"
