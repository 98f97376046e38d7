#!/usr/bin/env bash
# The sample report's PDF, checked with real clients: qpdf, pdffonts, pdftotext, pdfinfo.
# Usage: sample_pdf.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
source "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1781481600   # 2026-06-15
export TZ=UTC                         # pdfinfo shows dates in local time

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format pdf -o "$d/a"
pdf="$d/a/vsr-norway.pdf"
[ -s "$pdf" ] || fail "no PDF written"

qpdf --check "$pdf" > "$d/qpdf.txt" 2>&1 || { cat "$d/qpdf.txt"; fail "qpdf --check"; }
grep -q "No syntax or stream encoding errors found" "$d/qpdf.txt" || { cat "$d/qpdf.txt"; fail "qpdf found problems"; }
pass "qpdf --check"

pdffonts "$pdf" > "$d/fonts.txt"
nfonts=$(tail -n +3 "$d/fonts.txt" | wc -l)
[ "$nfonts" -ge 2 ] || { cat "$d/fonts.txt"; fail "expected at least 2 fonts"; }
# column 'emb' must be 'yes' for every font
if tail -n +3 "$d/fonts.txt" | awk '{ if ($(NF-4) != "yes") bad=1 } END { exit !bad }'; then
  cat "$d/fonts.txt"; fail "a font is not embedded"
fi
tail -n +3 "$d/fonts.txt" | grep -q "Identity-H" || fail "fonts are not Unicode (Identity-H)"
pass "pdffonts: $nfonts fonts, all embedded"
/usr/bin/python3 "$(dirname "$0")/../pdf/pdfua_check.py" "$pdf" > "$d/pdfua.txt" || { cat "$d/pdfua.txt"; fail "PDF/UA structure (tests/pdf/pdfua_check.py)"; }

pdftotext -enc UTF-8 "$pdf" "$d/text.txt"
expect_contains "$d/text.txt" \
  "Voluntary Subnational" "Review Norway 2026" \
  "KS – Kommunesektorens organisasjon" \
  "Opening statement" \
  "Ålesund" "Årdal" "Røst" "Trøndelag" "Østlandet" \
  "“The goals are reached – or missed – where people live" \
  "Affordable and clean energy" "Climate action" \
  "Upper-secondary completion within five years" \
  "Gudbrandsdalslågen"
pass "pdftotext: Norwegian text and typography intact"
expect_contains "$d/text.txt" \
  "Main messages" "Policy and enabling environment" "Leaving no one behind" \
  "Structural barriers and success factors" "Means of implementation" \
  "Conclusion and next steps" "Statistical annex" "Notes on the survey" \
  "Peace, justice and strong institutions" "Partnerships for the goals" \
  "Proportion of seats held by women in municipal and county councils (illustrative data)" \
  "illustrative data"
pass "pdftotext: the guidelines' chapters and all goals"

pdfinfo "$pdf" > "$d/info.txt"
grep -qE '^Title: +Voluntary Subnational Review Norway 2026$' "$d/info.txt" || fail "pdfinfo title"
grep -qE '^Page size: +595.276 x 841.89 pts \(A4\)$' "$d/info.txt" || fail "pdfinfo page size"
grep -qE '^CreationDate: +Mon Jun 15 00:00:00 2026 UTC$' "$d/info.txt" || fail "creation date not from SOURCE_DATE_EPOCH"
pages=$(awk '/^Pages:/ {print $2}' "$d/info.txt")
[ "$pages" -ge 5 ] || fail "only $pages pages"
pass "pdfinfo: title, A4, $pages pages"

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format pdf -o "$d/b"
cmp "$pdf" "$d/b/vsr-norway.pdf" || fail "two builds with SOURCE_DATE_EPOCH differ"
pass "reproducible: byte-identical PDF"

# The full sample and its Bokmål variant validate without errors (warnings allowed).
nb="$SAMPLE/../vsr-norway-nb"
for r in "$SAMPLE/report.yaml" "$nb/report.yaml"; do
  set +e; "$SDGREPORT" -q validate "$r" > "$d/validate.txt" 2>&1; rc=$?; set -e
  [ $rc -le 1 ] || { cat "$d/validate.txt"; fail "validate $r: exit $rc"; }
done
pass "validate: no errors in the sample and its Bokmål variant"

# The Bokmål variant: Norwegian labels, chapter and goal titles, number format.
"$SDGREPORT" -q build "$nb/report.yaml" --format pdf -o "$d/nb"
pdftotext -enc UTF-8 "$d/nb/vsr-norway-nb.pdf" "$d/nb.txt"
expect_contains "$d/nb.txt" \
  "Innhold" "Åpningsord" "Hovedbudskap" "Politikk og rammebetingelser" "Ingen skal utelates" \
  "Status for målene og delmålene" "Virkemidler for gjennomføring" "Vedlegg" \
  "Mål 17" "Samarbeid for å nå målene" "Tabell 1." "Side 1" \
  "Andel kvinner i kommunestyrer og fylkesting (illustrerende data)" \
  "Gudbrandsdalslågen" "73,4"
! grep -qE "^(Contents|Goal [0-9]+|Page [0-9]+)$" "$d/nb.txt" || fail "English labels in the Bokmål variant"
qpdf --check "$d/nb/vsr-norway-nb.pdf" > /dev/null || fail "qpdf --check on the Bokmål variant"
/usr/bin/python3 "$(dirname "$0")/../pdf/pdfua_check.py" "$d/nb/vsr-norway-nb.pdf" > "$d/nbua.txt" || { cat "$d/nbua.txt"; fail "PDF/UA checks on the Bokmål variant"; }
grep -q "/Lang (nb-NO)" <(qpdf --qdf --object-streams=disable "$d/nb/vsr-norway-nb.pdf" - | grep -a "/Lang") || fail "Bokmål /Lang"
pass "Bokmål variant: Norwegian labels, titles and decimal commas; qpdf and PDF/UA checks pass"

# Goals named as goals (issue 12): "Goal N: …" / "Mål N: …" in bookmarks and contents, no "4.N".
pdftotext -layout -enc UTF-8 -f 1 -l 4 "$pdf" "$d/contents.txt"
/usr/bin/python3 "$(dirname "$0")/../pdf/goal_check.py" "$pdf" "$d/contents.txt" Goal 17 "At a glance" Colophon || fail "goal sections in bookmarks/contents"
pdftotext -layout -enc UTF-8 -f 1 -l 4 "$d/nb/vsr-norway-nb.pdf" "$d/nb-contents.txt"
/usr/bin/python3 "$(dirname "$0")/../pdf/goal_check.py" "$d/nb/vsr-norway-nb.pdf" "$d/nb-contents.txt" "Mål" 17 "Kort oppsummert" Kolofon || fail "Bokmål goal sections in bookmarks/contents"
# Each goal section lists the targets it addresses, with the catalogue's text.
expect_contains "$d/text.txt" "Targets addressed" "By 2030, double the global rate of improvement in energy efficiency"
pass "goal sections: named as goals, targets addressed listed; at-a-glance page and colophon in bookmarks and contents"

# Issue 12: an at-a-glance page tagged as a real table, a cover with logo and image,
# a colophon with the symbol key.
/usr/bin/python3 - "$pdf" <<'PY' || fail "at-a-glance page, cover images, colophon"
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
def texts(node, out):
    # Structure elements in document order: (role, children) pairs, as a list of roles.
    if isinstance(node, pikepdf.Dictionary) and node.get("/S") is not None:
        out.append(str(node.S))
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(kids, pikepdf.Array):
        for k in kids: texts(k, out)
    elif isinstance(kids, pikepdf.Dictionary):
        texts(kids, out)
roles = []
texts(pdf.Root.StructTreeRoot, roles)
assert roles.count("/Table") >= 1 and roles.count("/TH") >= 3 + 17, roles.count("/TH")
# Images on the cover: the logo and the cover image.
cover = pdf.pages[0]
imgs = [k for k, v in cover.Resources.get("/XObject", {}).items() if v.get("/Subtype") == "/Image"]
assert len(imgs) >= 2, imgs
outline = [str(i.title) for i in pdf.open_outline().root]
assert "At a glance" in outline and outline[-1] == "Colophon", outline
assert outline.index("At a glance") == outline.index("Main messages") + 1, outline
print("ok: at-a-glance after the main messages, cover images, colophon last")
PY
glance=$(awk -v RS='\f' 'index($0,"Indicators by progress"){print NR; exit}' "$d/text.txt")
[ -n "$glance" ] || fail "no at-a-glance page"
for g in "Goal 1: No poverty" "Goal 17: Partnerships for" "7.2, 7.3" "Substantial progress"; do
  awk -v RS='\f' -v n="$glance" 'NR==n' "$d/text.txt" | grep -qF "$g" || fail "at-a-glance page lacks '$g'"
done
expect_contains "$d/text.txt" "Colophon" "CC BY 4.0" ".. = Not available" "Data sources"
pass "at-a-glance page (17 goals, progress, targets), cover with logo and image, colophon"

# Theme errors are located, one line, exit 1, no output written.
mkdir -p "$d/bad"
cp -r "$SAMPLE"/. "$d/bad/"
sed -i 's/accent: "#00689D"/accent: "teal"/' "$d/bad/report.yaml"
set +e; "$SDGREPORT" -q build "$d/bad/report.yaml" -o "$d/bad/out" > "$d/bad.txt" 2>&1; rc=$?; set -e
[ $rc -eq 1 ] && grep -q "report.yaml:[0-9]*:[0-9]*: .*'accent' must be a colour" "$d/bad.txt" || { cat "$d/bad.txt"; fail "bad accent colour"; }
[ ! -e "$d/bad/out/vsr-norway.pdf" ] || fail "output written despite a bad theme"
sed -i 's/accent: "teal"/accent: "#00689D"/; s#logo: assets/logo.png#logo: assets/README.md#' "$d/bad/report.yaml"
set +e; "$SDGREPORT" -q build "$d/bad/report.yaml" -o "$d/bad/out" > "$d/bad.txt" 2>&1; rc=$?; set -e
[ $rc -eq 1 ] && grep -q "is not a PNG or JPEG image" "$d/bad.txt" || { cat "$d/bad.txt"; fail "logo that is not an image"; }
pass "theme: bad colour and non-image logo are located errors"
