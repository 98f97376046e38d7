#!/usr/bin/env bash
# `sdgreport plugins` lists the bundled plugins with kind and version, found next
# to the binary without any environment set.
# Usage: plugins_list.sh SDGREPORT
SDGREPORT=$1
source "$(dirname "$0")/lib.sh"
env -u SDGREPORT_PLUGIN_PATH "$SDGREPORT" plugins > "$d/list.txt"
cat "$d/list.txt"
for p in "markdown	data" "px	data" "pdf	format" "xlsx	format" "json	format"; do
  grep -qP "^${p}\t\d+\.\d+\.\d+\t/" "$d/list.txt" || fail "'$p' with a version not listed"
done
grep -q "disabled" "$d/list.txt" && fail "a bundled plugin is disabled"
"$SDGREPORT" --version | grep -qE '^sdgreport [0-9]+\.[0-9]+\.[0-9]+ \(plugin ABI [0-9]+\)$' || fail "--version"
pass "plugins listed with versions"
