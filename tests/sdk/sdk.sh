#!/usr/bin/env bash
# The plugin SDK as a plugin team uses it: install sdgreport into a prefix, build
# samples/plugin-example and a `sdgreport new-plugin` project out of tree with
# find_package(sdgreport) knowing only the prefix, and build reports with them
# using the installed binary.
# Usage: sdk.sh BUILD_DIR SOURCE_DIR
BUILD=$1 SRC=$2
source "$SRC/tests/e2e/lib.sh"
P="$d/prefix"
cmake --install "$BUILD" --prefix "$P" > "$d/install.log"
for f in bin/sdgreport lib/libsdgreport.so include/sdgreport/plugin.hpp include/sdgreport/model.hpp \
         lib/cmake/sdgreport/sdgreportConfig.cmake lib/cmake/sdgreport/sdgreportConfigVersion.cmake \
         lib/pkgconfig/sdgreport.pc lib/sdgreport/plugins/sdgreport-markdown.so lib/sdgreport/plugins/sdgreport-pdf.so; do
  [ -e "$P/$f" ] || fail "install lacks $f"
done
[ ! -e "$P/include/sdgreport/pipeline.hpp" ] || fail "host-side headers are installed"
# Every installed header compiles on its own with only the SDK's include path.
for h in "$P"/include/sdgreport/*.hpp; do
  echo "#include <sdgreport/$(basename "$h")>" | g++ -std=c++20 -fsyntax-only -x c++ - -I"$P/include" \
    || fail "$(basename "$h") does not compile on its own"
done
soname=$(objdump -p "$P/lib/libsdgreport.so" | awk '/SONAME/ {print $2}')
[[ "$soname" =~ ^libsdgreport\.so\.[0-9]+\.[0-9]+$ ]] || fail "soname '$soname' is not versioned"
pass "installed: binary, versioned library ($soname), headers, CMake package, pkg-config, plugins"

# The installed binary finds its plugins with no environment (but the sanitizer
# settings of `make test-sanitize`, when set, so that its reports are not lost).
clean_env=(env -i PATH=/usr/bin:/bin)
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  [ -z "${!v:-}" ] || clean_env+=("$v=${!v}")
done
"${clean_env[@]}" "$P/bin/sdgreport" plugins > "$d/plugins.txt"
grep -qP "^markdown\tdata\t.*\t$P/lib/sdgreport/plugins/sdgreport-markdown.so" "$d/plugins.txt" \
  || { cat "$d/plugins.txt"; fail "installed binary does not find its plugins"; }
pass "installed binary finds its plugins"

# pkg-config works for plain Makefile users.
PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --cflags --libs sdgreport | grep -q -- "-lsdgreport" || fail "pkg-config"
pass "pkg-config"

# The example plugin, out of tree, knowing only the prefix.
cmake -S "$SRC/samples/plugin-example" -B "$d/survey-build" -DCMAKE_PREFIX_PATH="$P" > "$d/cfg.log" 2>&1 \
  || { cat "$d/cfg.log"; fail "configure plugin-example"; }
cmake --build "$d/survey-build" > "$d/build.log" 2>&1 || { cat "$d/build.log"; fail "build plugin-example"; }
"${clean_env[@]}" "$P/bin/sdgreport" -q build "$SRC/samples/plugin-example/report/report.yaml" \
  --plugin-dir "$d/survey-build" --format json,pdf -o "$d/survey-out"
/usr/bin/python3 - "$d/survey-out/survey.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
goals = {s["goal"]: s for s in doc["chapters"][1]["sections"]}
t7 = next(b for b in goals[7]["blocks"] if b["type"] == "table")
assert t7["rows"][0][0] == "Share of renewable heating in municipal buildings (%)", t7["rows"][0]  # model version 2
assert t7["rows"][0][1] == 4.0 and t7["rows"][0][2] == 70.75, t7["rows"][0]
t11 = next(b for b in goals[11]["blocks"] if b["type"] == "table")
assert [r[2] for r in t11["rows"]] == [75.0, 200 / 3], t11["rows"]
s11 = next(b for b in goals[11]["blocks"] if b["type"] == "indicator_summary")
assert s11["indicator"] == "11.3.2" and s11["year"] == "2026", s11
assert any(b["type"] == "chart" for b in goals[13]["blocks"])
print("ok: survey values")
PY
pdftotext "$d/survey-out/survey.pdf" - | grep -q "Has a climate budget?" || fail "survey text missing from the PDF"
pass "plugin-example builds out of tree and fills the report"

# A scaffolded plugin builds and loads.
"$P/bin/sdgreport" -q new-plugin water-quality -o "$d/np"
cmake -S "$d/np" -B "$d/np-build" -DCMAKE_PREFIX_PATH="$P" > "$d/np-cfg.log" 2>&1 || { cat "$d/np-cfg.log"; fail "configure new-plugin project"; }
cmake --build "$d/np-build" > "$d/np-build.log" 2>&1 || { cat "$d/np-build.log"; fail "build new-plugin project"; }
"$P/bin/sdgreport" --plugin-dir "$d/np-build" plugins | grep -qP "^water-quality\tdata\t0\.1\.0\t" || fail "new plugin not listed"
(cd "$d/np" && "$P/bin/sdgreport" -q build report/report.yaml --plugin-dir "$d/np-build" -o out)
/usr/bin/python3 - "$d/np/out/water-quality.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
table = doc["chapters"][0]["sections"][0]["blocks"][0]
assert table["rows"][0] == ["Bodø", 63.5], table["rows"]
assert table["rows"][2][1] == {"empty": True, "status": "not_available"}, table["rows"]
print("ok: scaffolded plugin values")
PY
"$P/bin/sdgreport" new-plugin water-quality -o "$d/np" 2> "$d/err" && fail "new-plugin overwrote a project"
grep -q "exists and is not empty" "$d/err" || fail "new-plugin message"
pass "new-plugin project builds, loads and runs"
