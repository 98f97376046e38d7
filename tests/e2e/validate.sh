#!/usr/bin/env bash
# `sdgreport validate`: one broken definition per rule, each finding named by its
# code with file:line; exit codes as every command's: 0 (no errors; warnings
# printed and counted) / 1 (errors; --strict: any finding); --json;
# `build` runs the same checks and stops on errors. Also `sdgreport new`.
# Usage: validate.sh SDGREPORT TEST_PLUGIN_DIR
SDGREPORT=$1 PLUGINS=$2
source "$(dirname "$0")/lib.sh"
cd "$d"
mkdir -p text/img
echo "Some text about the goal." > text/goal.md
printf '\x89PNG\r\n\x1a\n' > text/img/map.png   # exists; content does not matter to validate

# A clean report: one goal covered, the other 16 excluded with reasons, no guideline chapters required.
{
  echo "title: Clean"
  echo "required_chapters: []"
  echo "chapters:"
  echo "  - title: Goals"
  echo "    goals: [1]"
  echo "    goal_sources: [{ plugin: markdown, file: text/goal.md }]"
  echo "excluded_goals:"
  for g in $(seq 2 17); do echo "  - { goal: $g, reason: \"Outside this test's scope\" }"; done
  echo "outputs: [{ format: xlsx, file: clean.xlsx }]"
} > clean.yaml

run() {  # run NAME EXPECTED_EXIT FILE [extra args]: stdout in $d/out.txt
  local name=$1 want=$2 file=$3; shift 3
  set +e
  "$SDGREPORT" -q --plugin-dir "$PLUGINS" validate "$file" "$@" > "$d/out.txt" 2> "$d/err.txt"
  local rc=$?
  set -e
  [ $rc -eq "$want" ] || { cat "$d/out.txt" "$d/err.txt"; fail "$name: exit $rc, expected $want"; }
}
finding() {  # finding NAME SEVERITY CODE FILE_LINE_REGEX
  grep -qE "^$4: $2: .*\[$3\]$" "$d/out.txt" || { cat "$d/out.txt"; fail "$1: no $2 [$3] at $4"; }
  pass "$1: $(grep -E "\[$3\]$" "$d/out.txt" | head -1)"
}

run "clean report" 0 clean.yaml
grep -q "^0 errors, 0 warnings$" out.txt || fail "clean report summary"
pass "clean report: exit 0"

# Rule: every goal covered or excluded with a reason.
sed '/goal: 17,/d' clean.yaml > goals.yaml
run "goal coverage" 0 goals.yaml
finding "goal coverage" warning goal-not-covered "goals\.yaml"
grep -q "goals 17 have no section" out.txt || fail "goal coverage message"

# Rule: indicator ids valid and placed in their own goal's section.
sed 's|goal_sources: \[{ plugin: markdown, file: text/goal.md }\]|goal_sources: [{ plugin: test-good, indicator: "7.2.1" }]|' clean.yaml > wronggoal.yaml
run "indicator in the wrong goal" 1 wronggoal.yaml
finding "indicator in the wrong goal" error indicator-in-wrong-goal "wronggoal\.yaml:6:20"
grep -q "reports indicator 7.2.1 of goal 7 in the section of goal 1" out.txt || fail "wrong goal message"
sed 's|goal_sources: \[{ plugin: markdown, file: text/goal.md }\]|goal_sources: [{ plugin: test-good, indicator: "1.9.9" }]|' clean.yaml > unknown.yaml
run "unknown indicator" 1 unknown.yaml
grep -q "'1.9.9' is not an SDG indicator" out.txt || { cat out.txt; fail "unknown indicator"; }
pass "unknown indicator: $(grep -F "1.9.9" out.txt)"

# Rule: every table (and chart) has a source.
printf 'Table: Andel\n\n| År | Andel |\n|----|------:|\n| 2024 | 5,5 |\n' > text/table.md
sed 's|text/goal.md|text/table.md|' clean.yaml > nosource.yaml
run "table without source" 0 nosource.yaml
finding "table without source" warning table-without-source "nosource\.yaml:6:20"

# Rule: figures exist and have alt text that describes them.
printf '![Map of Norway with the 15 counties](img/missing.png)\n' > text/fig.md
sed 's|text/goal.md|text/fig.md|' clean.yaml > figure.yaml
run "missing figure" 1 figure.yaml
# The Markdown reader checks its images, so the finding names the Markdown line.
finding "missing figure" error source-failed-input "text/fig\.md:1:1"
grep -q "image 'img/missing.png' does not exist" out.txt || { cat out.txt; fail "missing image message"; }
# An image no writer can embed: SVG (refused by name) and a file that is not PNG or JPEG.
printf '<svg xmlns="http://www.w3.org/2000/svg"/>' > text/img/logo.svg
printf 'not an image' > text/img/fake.png
printf 'Logo:\n\n![The logo of the municipality](img/logo.svg)\n' > text/svg.md
sed 's|text/goal.md|text/svg.md|' clean.yaml > svg.yaml
run "svg image" 1 svg.yaml
finding "svg image" error source-failed-input "text/svg\.md:3:1"
grep -q "img/logo.svg': SVG images are not supported; convert to PNG" out.txt || { cat out.txt; fail "svg message"; }
printf '![A map of the county](img/fake.png)\n' > text/fake.md
sed 's|text/goal.md|text/fake.md|' clean.yaml > fake.yaml
run "not an image" 1 fake.yaml
finding "not an image" error source-failed-input "text/fake\.md:1:1"
grep -q "img/fake.png': not a PNG or JPEG image" out.txt || { cat out.txt; fail "fake png message"; }
printf '![map](img/map.png)\n' > text/weak.md
sed 's|text/goal.md|text/weak.md|' clean.yaml > weakalt.yaml
run "weak alt text" 0 weakalt.yaml
finding "weak alt text" warning weak-alt-text "weakalt\.yaml:6:20"

# Rule: links to local files resolve.
printf 'See [the annex](annex/missing.pdf) and [KS](https://www.ks.no).\n' > text/link.md
sed 's|text/goal.md|text/link.md|' clean.yaml > link.yaml
run "broken local link" 0 link.yaml
finding "broken local link" warning broken-link "link\.yaml:6:20"
[ "$(grep -c broken-link out.txt)" -eq 1 ] || fail "a web link was taken for a local one"
# ... in headings too (validate walks the model with the shared walker; its own
# recursion skipped headings, so a broken link there went unreported).
printf '# See [the plan](plan/missing.pdf)\n\nText.\n' > text/headlink.md
sed 's|{ plugin: markdown, file: text/goal.md }|{ plugin: markdown, file: text/headlink.md, headings: blocks }|' clean.yaml > headlink.yaml
grep -q 'headings: blocks' headlink.yaml || fail "the heading-link variant was not made"
run "broken link in a heading" 0 headlink.yaml
finding "broken link in a heading" warning broken-link "headlink\.yaml:6:20"
grep -q "link to 'plan/missing.pdf'" out.txt || { cat out.txt; fail "the heading's link is not named"; }

# Rule: the guidelines' chapters are present (configurable).
sed '/^required_chapters: \[\]$/d' clean.yaml > chapters.yaml
run "guideline chapters" 0 chapters.yaml
finding "guideline chapters" warning missing-chapter "chapters\.yaml"
[ "$(grep -c missing-chapter out.txt)" -eq 8 ] || { cat out.txt; fail "expected 8 missing chapters (all but progress)"; }
sed 's/^required_chapters: \[\]$/required_chapters: [highlights]/' clean.yaml > req.yaml
run "required chapters configured" 0 req.yaml
finding "required chapters configured" warning missing-chapter "req\.yaml:2:20"

# Rule: a statistical annex.
sed '/^outputs:/d' clean.yaml > noannex.yaml
run "statistical annex" 0 noannex.yaml
finding "statistical annex" warning no-statistical-annex "noannex\.yaml"

# Rule: word limits.
sed 's|    goals: \[1\]|    word_limit: 3\n    goals: [1]|' clean.yaml > words.yaml
run "word limit" 0 words.yaml
finding "word limit" warning word-limit "words\.yaml:4:5"
grep -q "chapter 'Goals' has 5 words; its limit is 3" out.txt || fail "word count"

# A malformed definition is an error finding too.
printf 'title: x\nchapters: [\n' > broken.yaml
run "malformed definition" 1 broken.yaml
finding "malformed definition" error cannot-build-definition "broken\.yaml:[0-9]+:[0-9]+"

# --json gives the same findings.
run "json" 1 figure.yaml --json
/usr/bin/python3 - "$d/out.txt" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["errors"] == 1, r
codes = [f["code"] for f in r["findings"]]
assert "source-failed-input" in codes, codes
f = next(f for f in r["findings"] if f["code"] == "source-failed-input")
assert f["severity"] == "error" and f["file"].endswith("fig.md") and f["line"] == 1, f
print("ok: --json")
PY

# build runs the same checks and stops on errors, writing nothing.
set +e
"$SDGREPORT" -q build figure.yaml -o "$d/built" 2> err.txt; rc=$?
set -e
[ $rc -eq 1 ] || fail "build with a validation error exits $rc"
grep -q "text/fig.md:1:1: .*image 'img/missing.png' does not exist" err.txt || { cat err.txt; fail "build message"; }
[ ! -e "$d/built/clean.xlsx" ] || fail "build wrote output despite errors"
pass "build stops on validation errors"

# `new`: the scaffold builds at once and validates with warnings for empty chapters only.
for lang in en nb nn; do
  "$SDGREPORT" -q new "proj-$lang" --lang $lang
  set +e
  "$SDGREPORT" -q validate "proj-$lang/report.yaml" > out.txt; rc=$?
  set -e
  [ $rc -eq 0 ] || { cat out.txt; fail "new --lang $lang: validate exit $rc, expected 0 (warnings only)"; }
  head -1 "proj-$lang/report.yaml" | grep -qx '# yaml-language-server: $schema=report.schema.json' ||
    fail "new --lang $lang: no schema line first"
  /usr/bin/python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert "markdown" in s["definitions"]["source"]["properties"]["plugin"]["enum"]' \
    "proj-$lang/report.schema.json" || fail "new --lang $lang: report.schema.json"
  # (nn: the catalogue's Bokmål titles, a warning build prints too, now counted)
  others=$(grep -v -e "\[empty-chapter\]$" -e "\[title-fallback\]$" -e "^0 errors, [0-9]* warnings$" out.txt || true)
  [ -z "$others" ] || fail "new --lang $lang: findings other than empty chapters: $others"
  "$SDGREPORT" -q build "proj-$lang/report.yaml" -o "proj-$lang/out"
  [ -s "proj-$lang/out/proj-$lang.pdf" ] && [ -s "proj-$lang/out/proj-$lang.xlsx" ] || fail "new --lang $lang: no outputs"
done
pdftotext proj-nb/out/proj-nb.pdf proj-nb.txt  # not piped into grep -q: with pipefail, SIGPIPE fails a long text
grep -q "Framgang på mål og delmål" proj-nb.txt || fail "nb chapter titles"
pdftotext proj-nn/out/proj-nn.pdf proj-nn.txt
grep -q "Innhald" proj-nn.txt || fail "nn labels"
grep -q "Skriv Markdown under denne kommentaren" proj-nb/text/opening.md || fail "new --lang nb: hints not in Bokmål"
grep -q "hva som mangler før fristen" proj-nb/report.yaml || fail "new --lang nb: report.yaml hints not in Bokmål"
grep -q "Skildra framgangen" proj-nn/text/goals/goal-07.md || fail "new --lang nn: goal hints not in Nynorsk"
ls proj-en/text/goals | grep -c "goal-..\.md" | grep -qx 17 || fail "a Markdown file per goal"
grep -q "7.2  By 2030, increase substantially the share of renewable energy" proj-en/text/goals/goal-07.md || fail "goal hint lists targets"
"$SDGREPORT" -q new proj-en 2> err.txt && fail "new overwrote a project"
pass "new: builds at once in en, nb and nn; validates with empty-chapter warnings only"
