#!/usr/bin/env bash
# theme: logo_in_header: the sample's logo drawn in the running head of every body
# page, as an artifact (not in the structure tree); the PDF/UA checker still passes.
# Usage: header_logo.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1781481600
cp -r "$SAMPLE" "$d/sample"
sed -i 's|^  logo: assets/logo.png.*|  logo: assets/logo.png\n  logo_in_header: true|' "$d/sample/report.yaml"
grep -q "logo_in_header: true" "$d/sample/report.yaml" || fail "could not switch the header logo on"
"$SDGREPORT" -q build "$d/sample/report.yaml" --format pdf -o "$d/a"
pdf="$d/a/vsr-norway.pdf"
$PY - "$pdf" <<'PYEOF' || fail "header logo"
import sys
import pikepdf
pdf = pikepdf.open(sys.argv[1])
top = float(pdf.pages[0].MediaBox[3]) - 76  # the header band lies above the top margin
with_logo = 0
for n, page in enumerate(pdf.pages):
    marks, ctm, saved = [], None, []
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            marks.append(str(operands[0]))
        elif op == "EMC":
            marks.pop()
        elif op == "cm":
            ctm = [float(v) for v in operands]
        elif op == "Do" and ctm and ctm[5] > top:
            if "/Artifact" not in marks:
                sys.exit(f"page {n + 1}: header image is not an artifact")
            with_logo += 1
            break
body = sum(1 for p in pdf.pages) - 3
print(f"{with_logo} of {len(pdf.pages)} pages have a logo in the header")
if with_logo < body // 2:
    sys.exit("too few pages with the header logo")
PYEOF
$PY "$here/pdfua_check.py" "$pdf" || fail "PDF/UA structure"
pass "logo in the running head as an artifact; PDF/UA checker"
