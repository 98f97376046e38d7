#!/usr/bin/env bash
# `sdgreport review` (issue 21): a reviewed copy of the sample's Word edition made as
# Word makes it (make_reviewed.py: comments, w:ins, w:del, an untracked edit) lists
# each item once with the Markdown file:line (or data source) found independently;
# the same after a round trip through LibreOffice; an unreviewed copy saved by
# LibreOffice lists nothing; a DOCX from elsewhere, or one whose markers were lost,
# is exit 1 with one line.
# Usage: review.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format docx,json -o "$d/a"
$PY "$here/make_reviewed.py" "$d/a/vsr-norway.docx" "$SAMPLE" "$d/a/vsr-norway.json" "$d/reviewed.docx" "$d/expected.json"

compare() {  # compare REVIEW.json: every expected item exactly once, nothing else
  $PY - "$1" "$d/expected.json" <<'PY'
import json, sys
got = json.load(open(sys.argv[1], encoding="utf-8"))["items"]
want = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []
for w in want:
    hits = [g for g in got if g["kind"] == w["kind"] and g["file"] == w["file"] and g["line"] == w["line"]
            and all(g.get(k) == w[k] for k in ("author", "text", "commented") if k in w)]
    if len(hits) != 1:
        problems.append(f"{w['kind']} at {w['file']}:{w['line']}: found {len(hits)} times")
if len(got) != len(want):
    problems.append(f"{len(got)} items, expected {len(want)}: " + "; ".join(f"{g['kind']} {g['origin']}" for g in got))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
}

"$SDGREPORT" review --json "$d/reviewed.docx" > "$d/review.json" || fail "review --json"
compare "$d/review.json" || fail "review items"
"$SDGREPORT" review "$d/reviewed.docx" > "$d/review.txt"
[ "$(grep -c . "$d/review.txt")" -eq 8 ] || { cat "$d/review.txt"; fail "text output: not one line per item"; }
expect_contains "$d/review.txt" "text/introduction.md:8: inserted by Ola Nordmann" "text/goals/goal-11.md:16 (row 3, column 1 'Municipality')" \
  "text/conclusion.md:1: changed without tracking:" "7 items"
pass "review: 7 items, each once, with the right file:line"

# Round trips through LibreOffice: the markers, comments and tracked changes survive.
timeout 300 soffice "-env:UserInstallation=file://$d/lo_profile_$$" --headless --convert-to 'docx:MS Word 2007 XML' \
  --outdir "$d/lo" "$d/reviewed.docx" "$d/a/vsr-norway.docx" > "$d/lo.log" 2>&1 || { cat "$d/lo.log"; fail "LibreOffice"; }
"$SDGREPORT" review --json "$d/lo/reviewed.docx" > "$d/review-lo.json" || fail "review after LibreOffice"
compare "$d/review-lo.json" || fail "review items after a LibreOffice round trip"
"$SDGREPORT" review "$d/lo/vsr-norway.docx" > "$d/clean.txt" || fail "review of the unreviewed copy"
[ "$(cat "$d/clean.txt")" = "0 items" ] || { cat "$d/clean.txt"; fail "an unreviewed copy saved by LibreOffice lists items"; }
pass "LibreOffice round trip: the same 7 items; an unreviewed copy lists none"

# A DOCX from elsewhere, and one whose markers were lost: exit 1, one line.
printf '# Hi\n\nText.\n' | pandoc -f markdown -o "$d/other.docx"
set +e
"$SDGREPORT" review "$d/other.docx" > /dev/null 2> "$d/err"; rc=$?
set -e
[ $rc -eq 1 ] && [ "$(wc -l < "$d/err")" -eq 1 ] || { cat "$d/err"; fail "other DOCX: exit $rc"; }
expect_contains "$d/err" "not a DOCX written by sdgreport"
$PY - "$d/reviewed.docx" "$d/stripped.docx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w") as o:
    for n in z.namelist():
        b = z.read(n)
        if n == "word/document.xml":
            b = re.sub(rb'<w:bookmarkStart w:id="\d+" w:name="_sdg\d+" ?/>', b"", b)
        o.writestr(n, b)
PY
set +e
"$SDGREPORT" review "$d/stripped.docx" > /dev/null 2> "$d/err2"; rc=$?
set -e
[ $rc -eq 1 ] && [ "$(wc -l < "$d/err2")" -eq 1 ] || { cat "$d/err2"; fail "lost markers: exit $rc"; }
expect_contains "$d/err2" "source markers were lost"
pass "other DOCX and lost markers: exit 1 with one line: $(cat "$d/err")"
