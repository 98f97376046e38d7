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
  libpodofo-dev libxlsxwriter-dev
  libspdlog-dev libfmt-dev
  libboost-dev
  libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libcli11-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev
  fonts-dejavu-core fonts-dejavu-extra
)
test_pkgs=(
  qpdf poppler-utils python3 python3-openpyxl python3-pikepdf
  libreoffice-calc-nogui
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

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
