#!/usr/bin/env bash
# Numbers do not depend on the C locale: a plugin that calls setlocale(LC_ALL,
# "de_DE.UTF-8") (then "nb_NO.UTF-8") in its fill() yields outputs byte-identical
# to a run where it sets "C". Parsing (csv, markdown, options) and formatting
# (json, pdf, xlsx) are checked together: the report also reads a Markdown table
# and CSV data with decimals.
# Usage: locale.sh SDGREPORT TEST_PLUGIN_DIR
SDGREPORT=$1 PLUGINS=$2
source "$(dirname "$0")/lib.sh"
for l in de_DE nb_NO; do
  if ! locale -a | grep -qix "$l.utf-\?8"; then
    echo "SKIP: locale $l.UTF-8 is not generated (scripts/install-deps.sh test generates it)"
    exit 77
  fi
done
cd "$d"
cat > text.md <<'MD'
Tabell: Utslipp

| År   | Tonn      | Andel |
|------|----------:|------:|
| 2021 | 1 234,5   | 0,125 |
| 2022 | 12 345,75 | 1,5   |

Kilde: Testdata
MD
printf 'year;value\n2021;1,25\n2022;3,5\n' > data.csv
for loc in C de_DE.UTF-8 nb_NO.UTF-8; do
  cat > "r-$loc.yaml" <<YAML
title: Locale
language: nb
chapters:
  - title: Tall
    goals: [7]
    goal_sources:
      - { plugin: test-locale, locale: "$loc" }
      - { plugin: markdown, file: text.md }
      - { plugin: csv, file: data.csv, caption: "CSV" }
outputs:
  - { format: json, file: r.json }
  - { format: pdf, file: r.pdf }
  - { format: xlsx, file: r.xlsx }
YAML
  SOURCE_DATE_EPOCH=1700000000 "$SDGREPORT" -q --plugin-dir "$PLUGINS" build "r-$loc.yaml" -o "out-$loc" 2> "err-$loc" ||
    { cat "err-$loc"; fail "build with locale $loc failed"; }
done
expect_contains out-C/r.json '1234567.125' '0.125' '12345.75'
for loc in de_DE.UTF-8 nb_NO.UTF-8; do
  for f in r.json r.pdf r.xlsx; do
    cmp -s "out-C/$f" "out-$loc/$f" || fail "$f differs between locale C and $loc"
  done
  pass "json, pdf and xlsx byte-identical under $loc"
done
pdftotext out-C/r.pdf - | grep -qF '1 234 567,12' || { pdftotext out-C/r.pdf - | grep -n 234; fail "PDF lacks the value formatted for nb"; }
pass "PDF shows 1 234 567,12 (1234567.125 rounded half to even, exactly)"
