#!/usr/bin/env bash
# Indicator factsheets (issue 23): the sample's factsheets PDF has one page per
# indicator summary of the JSON model, in reading order; each page names its
# indicator and shows its headline value (formatted here from the model, not by
# sdgreport) and year; one bookmark per page; the same structural PDF/UA checks
# as the main PDF; byte-identical on a rebuild; pdftoppm renders every page.
# Usage: factsheets.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format factsheets,json -o "$d/a" 2>"$d/err.txt" || { cat "$d/err.txt"; fail "build"; }
f="$d/a/vsr-norway-factsheets.pdf"
[ -s "$f" ] || fail "no factsheets PDF"
! grep -q "factsheet-overflow" "$d/err.txt" || { cat "$d/err.txt"; fail "a factsheet ran over its page"; }

pages=$(pdfinfo "$f" | awk '/^Pages:/{print $2}')
for i in $(seq 1 "$pages"); do pdftotext -f "$i" -l "$i" "$f" "$d/page-$i.txt"; done
$PY - "$d/a/vsr-norway.json" "$d" "$pages" <<'PY' || fail "one page per indicator with its headline value"
import json, sys
model, folder, pages = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3])
summaries, seen = [], set()
def walk_blocks(blocks):
    for b in blocks:
        if b["type"] == "indicator_summary":
            key = (b["indicator"], b.get("national", False))
            if key not in seen:
                seen.add(key)
                summaries.append(b)
        for k in ("blocks",):
            if k in b: walk_blocks(b[k])
        for item in b.get("items", []): walk_blocks(item)
def walk(sections):
    for s in sections:
        walk_blocks(s["blocks"])
        walk(s["sections"])
walk(model["chapters"])
bad = []
if pages != len(summaries):
    bad.append(f"{pages} pages for {len(summaries)} indicator summaries")
for i, s in enumerate(summaries[:pages], 1):
    text = " ".join(open(f"{folder}/page-{i}.txt", encoding="utf-8").read().split())
    v = s["value"]
    shown = ".." if v is None else f"{v:,.{s['decimals']}f}"  # en: ',' thousands, '.' decimals
    for want in (s["indicator"], shown, s["year"]):
        if want and want not in text:
            bad.append(f"page {i} ({s['indicator']}): {want!r} not on it")
print(f"{pages} pages, {len(summaries)} indicator summaries")
for b in bad: print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
pass "one page per indicator summary of the model, each with its id, headline value and year"

$PY "$here/pdfua_check.py" "$f" || fail "PDF/UA structure of the factsheets"
pdfinfo "$f" | grep -qE '^Tagged: +yes$' || fail "not tagged"
$PY -c '
import pikepdf, sys
pdf = pikepdf.open(sys.argv[1])
with pdf.open_outline() as o:
    n = len(o.root)
assert n == len(pdf.pages), (n, len(pdf.pages))
print("bookmarks:", n)' "$f" || fail "one bookmark per page"
pass "PDF/UA checks, tagged, one bookmark per indicator"

"$SDGREPORT" -q build "$SAMPLE/report.yaml" --format factsheets -o "$d/b"
cmp "$f" "$d/b/vsr-norway-factsheets.pdf" || fail "two builds differ"
pdftoppm -png -r 30 "$f" "$d/png" && [ "$(ls "$d"/png*.png | wc -l)" -eq "$pages" ] || fail "pdftoppm"
pass "byte-identical rebuild; every page renders"

# A report without indicator summaries has no factsheets: a clear error, nothing written.
mkdir -p "$d/none/text"
printf 'Text.\n' > "$d/none/text/a.md"
cat > "$d/none/report.yaml" <<'YAML'
title: No indicators
required_chapters: []
chapters:
  - { title: A, source: { plugin: markdown, file: text/a.md } }
outputs:
  - { format: factsheets }
YAML
if "$SDGREPORT" -q build "$d/none/report.yaml" -o "$d/none/out" 2>"$d/none.txt"; then fail "factsheets without summaries"; fi
grep -q "no indicator summaries" "$d/none.txt" || { cat "$d/none.txt"; fail "message"; }
[ ! -e "$d/none/out/none.pdf" ] || fail "wrote a file"
pass "no indicator summaries: a clear error"
