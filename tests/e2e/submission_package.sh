#!/usr/bin/env bash
# `sdgreport package` (issue 23): the sample's submission package, twice, without
# SOURCE_DATE_EPOCH (a package's dates are the report's date): the same
# manifest.json and the same zip bytes; every hash in the manifest verifies
# with sha256sum, the pages with pdfinfo, the sheets with openpyxl; the zip
# holds exactly the manifest and the files; validate --strict stops a package
# with a warning unless --allow-warnings, and the manifest then lists it.
# Usage: submission_package.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$(realpath "$1") SAMPLE=$(cd "$2" && pwd)
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
unset SOURCE_DATE_EPOCH

"$SDGREPORT" -q package "$SAMPLE/report.yaml" -o "$d/p1" > "$d/out1.txt" || { cat "$d/out1.txt"; fail "package"; }
grep -qx "0 errors, 0 warnings" "$d/out1.txt" || { cat "$d/out1.txt"; fail "the sample does not validate clean"; }
sleep 1   # a clock leaking into a file would show up as a difference
"$SDGREPORT" -q package "$SAMPLE/report.yaml" -o "$d/p2" > "$d/out2.txt" || { cat "$d/out2.txt"; fail "package (2)"; }
cmp "$d/p1/manifest.json" "$d/p2/manifest.json" || fail "manifests differ"
cmp "$d/p1/vsr-norway-package.zip" "$d/p2/vsr-norway-package.zip" || fail "zips differ"
pass "package twice: identical manifest.json and zip"

cd "$d/p1"
$PY - manifest.json > files.sha256 <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
for f in m["files"]:
    print(f"{f['sha256']}  {f['name']}")
PY
[ "$(wc -l < files.sha256)" -ge 4 ] || fail "fewer than four files in the manifest"
sha256sum --quiet -c files.sha256 || fail "a file's hash does not verify"
( cd "$SAMPLE" && $PY - "$d/p1/manifest.json" > "$d/inputs.sha256" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["inputs"]:
    print(f"{f['sha256']}  {f['path']}")
PY
sha256sum --quiet -c "$d/inputs.sha256" ) || fail "an input's hash does not verify"
grep -q "  report.yaml$" "$d/inputs.sha256" || fail "the definition is not among the inputs"
grep -q "  text/highlights.md$" "$d/inputs.sha256" || fail "a Markdown file is not among the inputs"
grep -q "  data/open-sdg/data/indicator_7-2-1.csv$" "$d/inputs.sha256" || fail "an Open SDG data file is not among the inputs"
grep -q "  data/stavanger/nasjonale-prover-regning-5-trinn.csv$" "$d/inputs.sha256" || fail "the CSV source is not among the inputs"
grep -q "  assets/logo.png$" "$d/inputs.sha256" || fail "the theme's logo is not among the inputs"
pass "every hash in the manifest verifies with sha256sum (files and $(wc -l < "$d/inputs.sha256") inputs)"

$PY - manifest.json vsr-norway-package.zip <<'PY' || fail "manifest contents"
import json, subprocess, sys, zipfile
import openpyxl
m = json.load(open(sys.argv[1]))
bad = []
names = [f["name"] for f in m["files"]]
for want in ("vsr-norway.pdf", "vsr-norway.xlsx", "vsr-norway-main-messages.pdf", "vsr-norway-factsheets.pdf"):
    if want not in names: bad.append(f"{want} not in the manifest")
if not m["generator"].startswith("sdgreport "): bad.append(f"generator {m['generator']!r}")
for f in m["files"]:
    if f["name"].endswith(".pdf"):
        info = subprocess.run(["pdfinfo", f["name"]], capture_output=True, text=True).stdout
        pages = int(next(l.split()[1] for l in info.splitlines() if l.startswith("Pages:")))
        if f.get("pages") != pages: bad.append(f"{f['name']}: manifest pages {f.get('pages')}, pdfinfo {pages}")
    if f["name"].endswith(".xlsx"):
        sheets = openpyxl.load_workbook(f["name"], read_only=True).sheetnames
        if f.get("sheets") != sheets: bad.append(f"{f['name']}: sheets {f.get('sheets')} != {sheets}")
    import os
    if f["bytes"] != os.path.getsize(f["name"]): bad.append(f"{f['name']}: bytes")
z = zipfile.ZipFile(sys.argv[2])
if z.testzip() is not None: bad.append("zip: a bad entry")
if z.namelist() != ["manifest.json"] + names: bad.append(f"zip holds {z.namelist()}")
for n in z.namelist():
    if z.read(n) != open(n, "rb").read(): bad.append(f"zip: {n} differs from the file")
if m["warnings"]: bad.append(f"warnings in a clean package: {m['warnings']}")
for b in bad: print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
cd - > /dev/null
pass "manifest: pages (pdfinfo), sheets (openpyxl), sizes; the zip holds the manifest and every file"

# A warning stops the package (validate --strict), nothing written; --allow-warnings lists it.
cp -r "$SAMPLE" "$d/s"
sed -i 's/^main_messages_word_limit: 700$/main_messages_word_limit: 10/' "$d/s/report.yaml"
set +e
"$SDGREPORT" -q package "$d/s/report.yaml" -o "$d/w" > "$d/w.txt" 2> "$d/w.err"; rc=$?
set -e
[ $rc -eq 1 ] || fail "package with a warning exits $rc"
grep -q "\[main-messages-word-limit\]" "$d/w.txt" || { cat "$d/w.txt"; fail "the finding is not printed"; }
grep -q "allow-warnings" "$d/w.err" || { cat "$d/w.err"; fail "no hint at --allow-warnings"; }
[ -z "$(ls -A "$d/w" 2>/dev/null)" ] || fail "a stopped package wrote files: $(ls "$d/w")"
"$SDGREPORT" -q package "$d/s/report.yaml" -o "$d/w" --allow-warnings > /dev/null || fail "--allow-warnings"
$PY -c 'import json,sys; w=json.load(open(sys.argv[1]))["warnings"]; assert [x["code"] for x in w] == ["main-messages-word-limit"], w' \
  "$d/w/manifest.json" || fail "the manifest does not list the allowed warning"
pass "validate --strict stops the package; --allow-warnings goes on and the manifest lists the warning"
