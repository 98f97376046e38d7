#!/usr/bin/env bash
# Installs the Debian 12 packages sdgreport needs to build, run and test.
# Usage: scripts/install-deps.sh [build|test|fuzz]
#   build  packages to build sdgreport and the sample (default)
#   test   build packages plus the real clients the end-to-end tests use
#          (`make test-sanitize` needs nothing more: gcc's ASan/UBSan come with build-essential)
#   fuzz   build packages plus clang 14 and libFuzzer (`make fuzz`)
# Runs `apt-get update` only when something is missing; installs with `apt-get install -y`.
set -euo pipefail

build_pkgs=(
  build-essential cmake pkg-config ninja-build
  libpodofo-dev libxlsxwriter-dev libdeflate-dev
  libspdlog-dev libfmt-dev
  libboost-dev
  libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libcli11-dev nlohmann-json3-dev
  libzip-dev librsvg2-dev libpng-dev libssl-dev
  libcpp-httplib-dev libxml2-dev
  libgtest-dev libgmock-dev
  libreadstat-dev
  fonts-dejavu-core fonts-dejavu-extra
)
test_pkgs=(
  qpdf poppler-utils python3 python3-openpyxl python3-pikepdf python3-jsonschema python3-yaml
  libreoffice-calc-nogui libreoffice-writer-nogui pandoc python3-docx locales
  chromium default-jre-headless curl bc iproute2
  fonts-noto-core fonts-open-sans
)

fuzz_pkgs=(
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
)

mode=${1:-build}
pkgs=("${build_pkgs[@]}")
case "$mode" in
  build) ;;
  test) pkgs+=("${test_pkgs[@]}") ;;
  fuzz) pkgs+=("${fuzz_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|fuzz]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

[[ "$mode" == test ]] || exit 0

# e2e.locale runs a plugin that switches to a German and a Norwegian locale
# (decimal comma): generate them once.
for l in de_DE nb_NO; do
  if ! locale -a 2>/dev/null | grep -qix "$l.utf-\?8"; then
    echo "install-deps: generating the $l.UTF-8 locale" >&2
    "${sudo_cmd[@]}" localedef -i "$l" -f UTF-8 "$l.UTF-8"
  fi
done

# The HTML tests' checkers from the npm registry, pinned by tests/html/package-lock.json,
# into tests/html/node_modules (nothing is fetched at test time).
dir="$(cd "$(dirname "$0")/.." && pwd)/tests/html"
if [[ ! -f "$dir/node_modules/axe-core/axe.min.js" || ! -f "$dir/node_modules/vnu-jar/build/dist/vnu.jar" ]]; then
  # Debian's npm unless an npm (e.g. one bundled with another Node.js) is there already.
  if ! command -v npm > /dev/null; then
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends npm
  fi
  echo "install-deps: npm ci in $dir (axe-core, vnu-jar)" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
