#!/usr/bin/env bash
# Accessible beyond the checkers (issue 24), on both samples (en, nb):
#   language of parts: tables and charts from a Norwegian source in the English
#     sample carry /Lang nb in the PDF structure tree and lang="nb" in the HTML;
#   charts described in words: no placeholder series name, first and last period
#     with their values, recomputed from the chart data (JSON model);
#   header rows repeated, tagged TH, on every page a table continues on
#     (structure tree: pdfua_check.py; page text: pdftotext -bbox);
#   at a glance in the HTML edition, and in a report that covers some goals only
#     those goals with a note on the others (PDF and HTML).
# Usage: a11y.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
PY=/usr/bin/python3
check() { $PY "$here/a11y_check.py" "$@"; }
nb="$SAMPLE/../vsr-norway-nb"

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format pdf,json,html -o "$d/en"
"$SDGREPORT" -q build "$nb/report.yaml" --format pdf,json,html -o "$d/nb"
en_json="$d/en/vsr-norway.json" nb_json="$d/nb/vsr-norway-nb.json"

for j in "$en_json" "$nb_json"; do check alt "$j" || fail "chart alt texts ($j)"; done
pass "chart descriptions (en, nb)"

check pdf-lang "$en_json" "$d/en/vsr-norway.pdf" || fail "PDF language of parts"
check html "$en_json" "$d/en/vsr-norway.html" || fail "HTML language of parts, descriptions, at a glance (en)"
check html "$nb_json" "$d/nb/vsr-norway-nb.html" || fail "HTML at a glance (nb)"
pass "language of parts (PDF, HTML); at a glance in the HTML"

$PY "$here/pdfua_check.py" "$d/en/vsr-norway.pdf" "$d/nb/vsr-norway-nb.pdf" || fail "PDF/UA (incl. TH on continued parts, no empty sequences)"
check pdf-continued "$en_json" "$d/en/vsr-norway.pdf" || fail "continued tables (en)"
check pdf-continued "$nb_json" "$d/nb/vsr-norway-nb.pdf" || fail "continued tables (nb)"
pass "header rows repeated and tagged TH where tables continue (en, nb)"

# A report covering three goals: the at-a-glance lists those three and names the others.
mkdir -p "$d/few" && cp -r "$SAMPLE/." "$d/few/"
$PY - "$d/few/report.yaml" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = re.sub(r"(?m)^      - (1|2|3|5|6|8|9|10|11|12|14|15|16|17)\n", "", s)
open(p, "w", encoding="utf-8").write(s)
PY
"$SDGREPORT" -q build "$d/few/report.yaml" --format pdf,json,html -o "$d/few-out"
check html "$d/few-out/vsr-norway.json" "$d/few-out/vsr-norway.html" || fail "at a glance, some goals (HTML)"
pdftotext -layout "$d/few-out/vsr-norway.pdf" "$d/few.txt"
grep -q "Not covered in this report: goals 1, 2, 3, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16 and 17." "$d/few.txt" ||
  fail "PDF at a glance: no note on the goals not covered"
! grep -q "Goal 1: No poverty" "$d/few.txt" || fail "PDF at a glance lists a goal the report does not cover"
$PY "$here/pdfua_check.py" "$d/few-out/vsr-norway.pdf" || fail "PDF/UA (some goals)"
pass "a report on goals 4, 7 and 13: at a glance lists those, names the 14 others (PDF, HTML)"
