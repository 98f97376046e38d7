#!/usr/bin/env bash
# `make package`'s Debian package, installed as an editor would install it:
# cpack builds build/sdgreport_<version>_<arch>.deb from the built tree, `apt-get
# install ./…deb` installs it (its dependencies declared, so apt must be content),
# and the installed command, with the installed plugins, builds the installed
# sample. Removed again afterwards. Needs root and apt (CI and the developers'
# machines are root); skipped (77) elsewhere.
# Usage: package.sh BUILD_DIR
BUILD=$1
source "$(dirname "$0")/lib.sh"
[ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null || { echo "skip: needs root and apt-get"; exit 77; }
if dpkg-query -W -f='${Status}' sdgreport 2>/dev/null | grep -q "install ok installed"; then
  echo "skip: an sdgreport package is installed already; not touching it"; exit 77
fi

(cd "$BUILD" && cpack -G DEB -B "$d/pkg") > "$d/cpack.txt" 2>&1 || { cat "$d/cpack.txt"; fail "cpack"; }
deb=$(ls "$d"/pkg/sdgreport_*.deb)
[ -s "$deb" ] || fail "no .deb written"
dpkg-deb -f "$deb" Depends > "$d/depends.txt"
for dep in libpodofo libxlsxwriter libspdlog libyaml-cpp fonts-dejavu-core; do
  grep -q "$dep" "$d/depends.txt" || { cat "$d/depends.txt"; fail "the package does not declare $dep"; }
done
dpkg-deb -c "$deb" > "$d/contents.txt"
for f in ./usr/bin/sdgreport ./usr/lib/sdgreport/plugins/sdgreport-pdf.so ./usr/lib/sdgreport/plugins/sdgreport-markdown.so \
         ./usr/share/sdgreport/samples/vsr-norway/report.yaml ./usr/share/doc/sdgreport/README.md; do
  grep -q " $f\$" "$d/contents.txt" || fail "$f is not in the package"
done
grep -q "sdgreport-test-" "$d/contents.txt" && fail "a test plugin is in the package"
pass "package: $(basename "$deb"), $(wc -l < "$d/contents.txt") entries, Depends: $(cat "$d/depends.txt" | cut -c1-120)…"

trap 'apt-get remove -y -q sdgreport > /dev/null 2>&1 || true; rm -rf "$d"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" > "$d/apt.txt" 2>&1 \
  || { cat "$d/apt.txt"; fail "apt-get install ./$(basename "$deb")"; }
pass "apt-get install"

# The installed command, not the build tree's: no plugin path from the environment.
export SDGREPORT_PLUGIN_PATH=
cd "$d"
/usr/bin/sdgreport plugins > plugins.txt
for p in markdown csv jsonstat opensdg pdf html xlsx json; do
  grep -q "^$p"$'\t' plugins.txt || { cat plugins.txt; fail "installed sdgreport does not load $p"; }
done
grep -q "/usr/lib/sdgreport/plugins" plugins.txt || { cat plugins.txt; fail "plugins not loaded from /usr/lib/sdgreport/plugins"; }
/usr/bin/sdgreport -q build /usr/share/sdgreport/samples/vsr-norway/report.yaml -o out
[ -s out/vsr-norway.pdf ] || fail "no PDF from the installed sample"
pdftotext -enc UTF-8 out/vsr-norway.pdf out.txt
expect_contains out.txt "Voluntary Subnational" "Affordable and clean energy"
pass "installed sdgreport built the installed sample ($(pdfinfo out/vsr-norway.pdf | awk '/^Pages/ {print $2}') pages)"
