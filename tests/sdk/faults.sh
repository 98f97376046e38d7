#!/usr/bin/env bash
# Fault containment through the CLI, with plugins built to misbehave
# (tests/plugins): wrong ABI, a throw without isolation, a segfault and a hang
# under --isolate. Each exits 1 with the documented message, the other sources
# still run, and an earlier good output stays intact.
# Usage: faults.sh SDGREPORT TEST_PLUGIN_DIR
SDGREPORT=$1 PLUGINS=$2
source "$(dirname "$0")/../e2e/lib.sh"
mkdir -p "$d/r"
report() {  # report NAME SOURCE-YAML
  cat > "$d/r/$1.yaml" <<YAML
title: Faults
chapters:
  - title: Survey
    sources:
      - $2
      - { plugin: test-good, text: "second source" }
outputs: [{ format: json, file: faults.json }]
YAML
}
report good '{ plugin: test-good, text: "first source" }'
"$SDGREPORT" -q --plugin-dir "$PLUGINS" build "$d/r/good.yaml" -o "$d/out"
sum=$(sha256sum < "$d/out/faults.json")

expect() {  # expect NAME MESSAGE ARGS...
  local name=$1 msg=$2; shift 2
  set +e
  "$SDGREPORT" -v --plugin-dir "$PLUGINS" "$@" -o "$d/out" > /dev/null 2> "$d/err"
  local rc=$?
  set -e
  [ $rc -eq 1 ] || { cat "$d/err"; fail "$name: exit $rc, expected 1"; }
  grep -F -- "$msg" "$d/err" | grep -q '^error:' || { cat "$d/err"; fail "$name: no error line with '$msg'"; }
  [ "$(sha256sum < "$d/out/faults.json")" = "$sum" ] || fail "$name: earlier output changed"
  [ "$(ls -A "$d/out")" = "faults.json" ] || fail "$name: files left behind: $(ls -A "$d/out")"
  pass "$name: $(grep '^error:' "$d/err" | tail -1)"
}

report abi '{ plugin: test-wrong-abi }'
expect "wrong ABI" "plugin 'test-wrong-abi' is disabled: built for plugin ABI version 999, but this sdgreport uses ABI version" build "$d/r/abi.yaml"

report fingerprint '{ plugin: test-wrong-fingerprint }'
expect "wrong fingerprint" "plugin 'test-wrong-fingerprint' is disabled: built with sizeof(sdg::Table)" build "$d/r/fingerprint.yaml"

report throw '{ plugin: test-throwing }'
expect "throw without isolation" "plugin 'test-throwing' (section 'Survey') failed: survey export has no header row" build "$d/r/throw.yaml"
grep -q "running plugin 'test-good' (section 'Survey')" "$d/err" || fail "the source after a failing one did not run"

report segv '{ plugin: test-faulty, mode: segv }'
expect "segfault, isolated" "plugin 'test-faulty' (section 'Survey'): crashed with signal 11 (SIGSEGV" build --isolate "$d/r/segv.yaml"
grep -q "running plugin 'test-good' (section 'Survey') in a child process" "$d/err" || fail "the source after a crash did not run"

report hang '{ plugin: test-faulty, mode: hang }'
start=$(date +%s)
expect "hang, isolated" "did not finish within 2 s and was stopped" build --isolate --timeout 2 "$d/r/hang.yaml"
# Wide: only proves the child was stopped (it sleeps forever), on a loaded machine too.
[ $(( $(date +%s) - start )) -lt 60 ] || fail "the hang was not stopped in time"

report perSource '{ plugin: test-faulty, mode: abort, isolate: true }'
expect "abort, isolated by the source's own option" "crashed with signal 6 (SIGABRT" build "$d/r/perSource.yaml"
