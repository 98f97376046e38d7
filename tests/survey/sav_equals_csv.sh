#!/usr/bin/env bash
# The same survey as .sav and as CSV + codebook gives identical JSON models: one report
# definition with frequencies, cross-tabulations (register groups, intervals), two waves,
# a numeric and a free-text question and a response rate, built from either form.
# Usage: sav_equals_csv.sh SDGREPORT SURVEY_DIR
SDGREPORT=$1 SURVEY=$2
source "$(dirname "$0")/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
for form in sav csv; do
  mkdir -p "$d/$form"
  cat > "$d/$form/report.yaml" <<YAML
title: Survey $form
language: en
required_chapters: []
chapters:
  - title: Survey
    sources:
      - { plugin: survey, id: freq, file: $SURVEY/kartlegging-2026.$form, codebook: $SURVEY/codebook.yaml, source: S }
      - { plugin: survey, id: rate, file: $SURVEY/kartlegging-2026.$form, codebook: $SURVEY/codebook.yaml,
          register: $SURVEY/register.csv, questions: [], by: [size_class], response_rate: true, intervals: true, source: S }
      - { plugin: survey, id: cross, file: $SURVEY/kartlegging-2026.$form, codebook: $SURVEY/codebook.yaml,
          register: $SURVEY/register.csv, by: [size_class, merged], intervals: true, counts: true, source: S,
          questions: [q_priority, q_involve, q_climate, q_partners, barriers, q_staff, q_comment] }
      - { plugin: survey, id: waves, waves: { "2021": $SURVEY/kartlegging-2021.$form, "2026": $SURVEY/kartlegging-2026.$form },
          codebook: $SURVEY/codebook.yaml, questions: [plan_docs, q_climate, q_priority], intervals: true, source: S }
    goals: [11, 13, 17]
    goal_sources:
      - { plugin: survey, id: g, file: $SURVEY/kartlegging-2026.$form, codebook: $SURVEY/codebook.yaml,
          register: $SURVEY/register.csv, by: [centrality], intervals: true, source: S }
outputs:
  - { format: json, file: model.json }
YAML
  "$SDGREPORT" -q build "$d/$form/report.yaml" -o "$d/$form/out" 2> "$d/$form/log" || { cat "$d/$form/log"; fail "build from .$form"; }
done
cmp "$d/sav/out/model.json" <(sed 's/Survey csv/Survey sav/' "$d/csv/out/model.json") ||
  { diff <(python3 -m json.tool "$d/sav/out/model.json") <(python3 -m json.tool "$d/csv/out/model.json") | head -40; fail "the .sav and the CSV give different models"; }
tables=$(grep -o '"type": "table"' "$d/sav/out/model.json" | wc -l)
[[ $tables -ge 15 ]] || fail "only $tables tables"
pass "the .sav and the CSV + codebook give identical JSON models ($tables tables, $(wc -c < "$d/sav/out/model.json") bytes)"
