#!/usr/bin/env bash
# Native charts: a model with line, column and bar charts (tests/xlsx/data/charts.json)
# rendered to XLSX; every chart part must reference the cells holding its data
# (check_charts.py), the workbook must pass the general checks, and two renders
# must be byte-identical.
# Usage: charts.sh SDGREPORT
SDGREPORT=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600

"$SDGREPORT" -q render "$here/data/charts.json" --format xlsx -o "$d/a" 2>"$d/stderr"
! grep -F -e '[WARNING]' -e '[ERROR]' "$d/stderr" || fail "libxlsxwriter printed to stderr"
"$SDGREPORT" -q render "$here/data/charts.json" --format xlsx -o "$d/b"
x="$d/a/charts.xlsx"
/usr/bin/python3 "$here/check_charts.py" "$x" "$here/data/charts.json"
pass "chart parts reference the cells holding their data"

/usr/bin/python3 "$here/../e2e/check_xlsx.py" "$x" --lang nb --sheets 6 \
  --charts "Mål 7 Ren energi til alle=1" --charts "Mål 11 Bærekraftige byer=1" \
  --charts "Mål 13 Stoppe klimaendringene=1" \
  --table "Mål 7 Ren energi til alle=A2:C7" --table "Mål 11 Bærekraftige byer=A2:D5" \
  --table "Mål 11 Bærekraftige byer=A9:B14" \
  --text "Mål 11 Bærekraftige byer!A14=-2+3" --text "Mål 13 Stoppe klimaendringene!C2=2023 (1000 tonn)" \
  --empty "Mål 7 Ren energi til alle!B5" --sheet Metadata --format "Mål 7 Ren energi til alle!B3=0.000" \
  --format "Mål 11 Bærekraftige byer!B13=#,##0" \
  --data-rows 27 \
  --data-has "Mål=7;Delmål=7.2;Indikator=7.2.1;Serie=Kommunen;Periode=2021;Verdi=;Status=Ikke tilgjengelig;Enhet=%" \
  --data-has "Mål=11;Delmål=11.2;Serie=Andel med gangavstand til kollektivtilbud;Periode=2022;Inndeling=Kommune;Kategori=Årdal;Verdi=40.5" \
  --data-has "Mål=11;Serie=Boliger;Periode=;Inndeling=Kategori;Kategori=Bodø;Verdi=20100;Enhet=antall" \
  --data-has "Mål=13;Delmål=13.2;Serie=Utslipp etter sektor, 1000 tonn;Periode=2015;Inndeling=Kategori;Kategori=Jordbruk;Verdi=80.25" \
  --same-as "$d/b/charts.xlsx"
pass "chart data blocks as table objects; Data sheet in long format with periods and disaggregations"
