#!/usr/bin/env bash
# The sample's HTML edition (en and nb, one file and split by chapter), checked in
# a real browser and with a real HTML checker:
#   axe-core in headless Chromium, WCAG 2.1 A/AA rules → 0 violations;
#   the W3C Nu Html Checker (vnu-jar on Java) → 0 errors;
#   every table of the JSON model in the page, cell by cell; links, ids and
#   structure; byte-identical rebuilds; hostile text escaped, script URLs dropped.
# Usage: sample_html.sh SDGREPORT SAMPLE_DIR
# Needs chromium, default-jre-headless and tests/html/node_modules (scripts/install-deps.sh test).
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
axe="$here/node_modules/axe-core/axe.min.js"
vnu="$here/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$axe" ] && [ -f "$vnu" ] || fail "axe-core / vnu-jar missing: run scripts/install-deps.sh test"
check() { /usr/bin/python3 "$here/check_html.py" "$@"; }
nb="$SAMPLE/../vsr-norway-nb"

# en and nb: one self-contained file each, plus the JSON model.
"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format html,json -o "$d/en"
"$SDGREPORT" -q build "$nb/report.yaml" --format html,json -o "$d/nb"
en_html="$d/en/vsr-norway.html" nb_html="$d/nb/vsr-norway-nb.html"
[ -s "$en_html" ] && [ -s "$nb_html" ] || fail "no HTML written"
grep -q '<html lang="en-GB">' "$en_html" || fail "en: html lang"
grep -q '<html lang="nb-NO">' "$nb_html" || fail "nb: html lang"
! grep -qE '<(script|link|iframe)\b|src="(https?:)?//' "$en_html" || fail "the edition must need no script and load nothing"
pass "en and nb written; lang set; no script or external resource"

check fidelity "$d/en/vsr-norway.json" "$en_html" || fail "en: model tables not all in the page"
check fidelity "$d/nb/vsr-norway-nb.json" "$nb_html" || fail "nb: model tables not all in the page"
expect_contains "$nb_html" "Innhold" "Mål 7" "Tabell 1." "Hopp til hovedinnholdet" "73,4"
pass "fidelity: every table value of the JSON model is in the page (en, nb)"

# Split edition: a front page and one page per chapter, linked both ways.
mkdir -p "$d/split-src" && cp -r "$SAMPLE/." "$d/split-src/"
printf '  - { format: html, file: site/vsr-norway.html, split: chapters }\n' >> "$d/split-src/report.yaml"
"$SDGREPORT" -q build "$d/split-src/report.yaml" --format html -o "$d/split"
chapters=$(grep -c '^  - title:' "$SAMPLE/report.yaml")
pages=$(ls "$d/split/site/vsr-norway/"*.html | wc -l)
[ "$pages" -eq "$chapters" ] || fail "split: $pages chapter pages for $chapters chapters"
grep -q 'rel="next"' "$d/split/site/vsr-norway/01-"*.html || fail "split: no next link"
check fidelity "$d/en/vsr-norway.json" "$d/split/site/vsr-norway.html" "$d/split/site/vsr-norway/"*.html || fail "split: tables"
pass "split: front page + $pages chapter pages, every table in them"

check links "$en_html" "$nb_html" "$d/split/site/vsr-norway.html" "$d/split/site/vsr-norway/"*.html || fail "links"
check structure "$en_html" "$nb_html" "$d/split/site/vsr-norway.html" "$d/split/site/vsr-norway/"*.html > "$d/structure.txt" || { cat "$d/structure.txt"; fail "structure"; }
pass "links resolve, ids unique, landmarks, heading order, captions, th scope, chart svg title/desc"

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format html -o "$d/again"
cmp "$en_html" "$d/again/vsr-norway.html" || fail "two builds with SOURCE_DATE_EPOCH differ"
pass "reproducible: byte-identical HTML"

# Hostile text through the model: markup is shown as text, script URLs are not links.
/usr/bin/python3 - "$d/en/vsr-norway.json" "$d/hostile.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
evil = '<script>alert("x")</script> & "quotes" \'single\' </table>'
m["meta"]["title"] = evil
ch = m["chapters"][0]
ch["title"] = evil
ch["blocks"].insert(0, {"type": "paragraph", "content": [
    {"t": "link", "url": "javascript:alert(1)", "children": [{"t": "text", "text": "bad link"}]},
    {"t": "text", "text": " " + evil + " "},
    {"t": "link", "url": " JaVaScRiPt:alert(2)", "children": [{"t": "text", "text": "bad link 2"}]},
    {"t": "link", "url": "https://example.org/?a=1&b=\"2\"", "children": [{"t": "text", "text": "good link"}]}]})
json.dump(m, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$SDGREPORT" -q render "$d/hostile.json" --format html -o "$d/hostile"
h="$d/hostile/hostile.html"
! grep -qi '<script' "$h" || fail "hostile: a <script> element got through"
! grep -qi 'href="[[:space:]]*javascript' "$h" || fail "hostile: a javascript: link got through"
grep -qF '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' "$h" || grep -qF '&lt;script&gt;alert("x")&lt;/script&gt;' "$h" || fail "hostile: text not escaped"
grep -qF 'href="https://example.org/?a=1&amp;b=%222%22"' "$h" || fail "hostile: good link not kept or not escaped"
grep -qF 'bad link' "$h" || fail "hostile: link text lost"
check links "$h" || fail "hostile: links"
pass "hostile text escaped; javascript: URLs rendered as plain text"

# The Nu Html Checker: 0 errors on every page (one Java start for all).
java -jar "$vnu" --errors-only "$en_html" "$nb_html" "$h" "$d/split/site/vsr-norway.html" "$d/split/site/vsr-norway/"*.html \
  > "$d/vnu.txt" 2>&1 || { cat "$d/vnu.txt"; fail "Nu Html Checker found errors"; }
pass "Nu Html Checker: 0 errors on $((pages + 4)) pages"

# axe-core in headless Chromium, WCAG 2.0/2.1 A and AA: 0 violations.
/usr/bin/python3 "$here/axe_check.py" "$axe" "$en_html" "$nb_html" "$d/split/site/vsr-norway.html" \
  "$d/split/site/vsr-norway/06-"*.html || fail "axe-core found violations"
pass "axe-core: 0 WCAG 2.1 A/AA violations (en, nb, split front page and the goals chapter)"
