#!/usr/bin/env bash
# Main messages on their own (issue 23): `part: main_messages` writes the main
# messages chapter alone under a title block (report title, organisation, date)
# as PDF (tagged, PDF/UA checks), HTML and JSON; `validate` counts its words
# against main_messages_word_limit; a part without a main messages chapter is an
# error at the output's line.
# Usage: main_messages.sh SDGREPORT SAMPLE_DIR PDFUA_CHECK
SDGREPORT=$1 SAMPLE=$2 PDFUA=$3
source "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1781481600
PY=/usr/bin/python3

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format pdf -o "$d/a"
mm="$d/a/vsr-norway-main-messages.pdf"
[ -s "$mm" ] || fail "no main messages PDF"
pdftotext "$mm" - | tr -s '\n' ' ' > "$d/mm.txt"   # one line: the title may wrap
expect_contains "$d/mm.txt" "Voluntary Subnational Review Norway 2026" "KS – Kommunesektorens organisasjon" \
  "15 June 2026" "Main messages" "The goals are part of local planning" "Data are the weak point"
for other in "Opening statement" "Methodology and process" "Policy and enabling environment" "At a glance" \
             "Contents" "Colophon" "Goal 7"; do
  ! grep -qF "$other" "$d/mm.txt" || fail "the main messages PDF holds '$other' from the rest of the report"
done
pages=$(pdfinfo "$mm" | awk '/^Pages:/{print $2}')
[ "$pages" -le 3 ] || fail "main messages take $pages pages"
pdfinfo "$mm" | grep -q "^Title: *Voluntary Subnational Review Norway 2026 – Main messages$" || fail "document title"
$PY "$PDFUA" "$mm" || fail "PDF/UA structure of the main messages"
$PY -c '
import pikepdf, sys
with pikepdf.open(sys.argv[1]).open_outline() as o:
    titles = [str(i.title) for i in o.root]
assert titles == ["Main messages"], titles' "$mm" || fail "bookmarks"
pass "part: main_messages (PDF): the chapter alone under a title block, tagged"

# HTML and JSON parts, from a copy of the sample with those outputs.
cp -r "$SAMPLE" "$d/s"
sed -i 's|^outputs:$|outputs:\n  - { format: html, file: mm.html, part: main_messages }\n  - { format: json, file: mm.json, part: main_messages }\n  - { format: docx, file: mm.docx, part: main_messages }|' "$d/s/report.yaml"
"$SDGREPORT" -q build "$d/s/report.yaml" --format html,json,docx -o "$d/h"
$PY - "$d/h/mm.json" <<'PY' || fail "JSON part"
import json, sys
m = json.load(open(sys.argv[1]))
titles = [c["title"] for c in m["chapters"]]
assert titles == ["Main messages"], titles
assert m["meta"]["title"] == "Voluntary Subnational Review Norway 2026"
PY
grep -q "<h1>Voluntary Subnational Review Norway 2026</h1>" "$d/h/mm.html" || fail "HTML title block"
grep -q "The goals are part of local planning" "$d/h/mm.html" || fail "HTML main messages text"
! grep -q "Policy and enabling environment" "$d/h/mm.html" || fail "HTML part holds another chapter"
pass "part: main_messages in HTML and JSON"

# The Word part: the chapter alone after the title block on page 1, no contents, named as a part.
$PY - "$d/h/mm.docx" <<'PY' || fail "DOCX part"
import sys, docx
d = docx.Document(sys.argv[1])
assert d.core_properties.title == "Voluntary Subnational Review Norway 2026 \u2013 Main messages", d.core_properties.title
ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
heads = [p for p in d.paragraphs if p.style.name == "Heading 1"]
assert [p.text for p in heads] == ["Main messages"], [p.text for p in heads]
ppr = heads[0]._p.find("w:pPr/w:pageBreakBefore", ns)
assert ppr is not None and ppr.get("{%s}val" % ns["w"]) == "0", "the part's heading starts a new page"
text = "\n".join(p.text for p in d.paragraphs)
assert "The goals are part of local planning" in text
assert "Policy and enabling environment" not in text, "another chapter in the part"
assert not d.element.body.findall(".//w:instrText", ns) or all("TOC" not in (x.text or "") for x in d.element.body.findall(".//w:instrText", ns)), "contents in a part"
assert [p for p in d.paragraphs if p.style.name == "Title"], "no title block"
PY
soffice "-env:UserInstallation=file://$d/lo_profile" --headless --convert-to pdf --outdir "$d/h" "$d/h/mm.docx" > "$d/lo.log" 2>&1 ||
  { cat "$d/lo.log"; fail "LibreOffice cannot convert the DOCX part"; }
pdftotext -f 1 -l 1 "$d/h/mm.pdf" - | grep -q "The goals are part of local planning" ||
  fail "DOCX part: the main messages are not on page 1 after the title block"
pass "part: main_messages in DOCX (python-docx, LibreOffice: title block and chapter on page 1)"

# 701 words against a limit of 700: a warning naming both numbers.
mkdir -p "$d/w/text"
$PY -c 'print(" ".join(["word"] * 701))' > "$d/w/text/mm.md"
cat > "$d/w/report.yaml" <<'YAML'
title: Word count
required_chapters: []
main_messages_word_limit: 700
chapters:
  - { title: Main messages, role: main_messages, source: { plugin: markdown, file: text/mm.md } }
outputs:
  - { format: pdf, file: mm.pdf, part: main_messages }
YAML
set +e
"$SDGREPORT" -q validate "$d/w/report.yaml" > "$d/w.txt"; rc=$?
set -e
[ $rc -eq 0 ] || { cat "$d/w.txt"; fail "validate exit $rc"; }
grep -q "have 701 words; main_messages_word_limit is 700 \[main-messages-word-limit\]" "$d/w.txt" ||
  { cat "$d/w.txt"; fail "no word-limit warning naming 701 and 700"; }
grep -q "report.yaml:5:5: warning:" "$d/w.txt" || { cat "$d/w.txt"; fail "warning not at the chapter's line"; }
$PY -c 'print(" ".join(["word"] * 700))' > "$d/w/text/mm.md"
"$SDGREPORT" -q validate "$d/w/report.yaml" > "$d/w2.txt" || { cat "$d/w2.txt"; fail "validate (700 words)"; }
! grep -q "main-messages-word-limit" "$d/w2.txt" || { cat "$d/w2.txt"; fail "700 words warned"; }
pass "validate: 701 words over a limit of 700 warns with both numbers; 700 does not"

# No main messages chapter: the part is an error at the output's line; two are refused.
sed -i 's/role: main_messages, //; s/main_messages_word_limit: 700/main_messages_word_limit: 700/' "$d/w/report.yaml"
sed -i 's/title: Main messages/title: Summary/' "$d/w/report.yaml"
set +e
"$SDGREPORT" -q build "$d/w/report.yaml" -o "$d/w/out" 2> "$d/e.txt"; rc=$?
set -e
[ $rc -eq 1 ] || fail "part without a main messages chapter: exit $rc"
grep -q "report.yaml:7:5: .*no chapter is the main messages; mark one with 'role: main_messages'" "$d/e.txt" ||
  { cat "$d/e.txt"; fail "message"; }
"$SDGREPORT" -q validate "$d/w/report.yaml" > "$d/v.txt" || true
grep -q "\[main-messages-missing\]" "$d/v.txt" || { cat "$d/v.txt"; fail "limit without a chapter: no warning"; }
cat > "$d/w/two.yaml" <<'YAML'
title: Two
chapters:
  - { title: A, role: main_messages }
  - { title: B, role: main_messages }
YAML
if "$SDGREPORT" -q validate "$d/w/two.yaml" > "$d/t.txt" 2>&1; then fail "two main messages chapters accepted"; fi
grep -q "two chapters have 'role: main_messages'" "$d/t.txt" || { cat "$d/t.txt"; fail "two chapters message"; }
pass "part without a main messages chapter: error at the output; limit without one: warning; two: refused"
