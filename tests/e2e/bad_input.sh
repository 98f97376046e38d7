#!/usr/bin/env bash
# Bad input never crashes and never damages earlier output: a malformed
# definition, a missing Markdown file, an unknown plugin and an unwritable output
# directory each exit non-zero with one clear line, and leave no partial file.
# Usage: bad_input.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
source "$(dirname "$0")/lib.sh"
cp -r "$SAMPLE" "$d/r"

# A good earlier build whose files must survive every failed one.
"$SDGREPORT" -q build "$d/r/report.yaml" --format json,pdf,xlsx -o "$d/out"
(cd "$d/out" && sha256sum * > "$d/before.sha")

# expect_failure NAME EXPECTED_MESSAGE_PART ARGS...
expect_failure() {
  local name=$1 expect=$2; shift 2
  set +e
  "$SDGREPORT" -q "$@" > "$d/stdout" 2> "$d/stderr"
  local rc=$?
  set -e
  [ $rc -ne 0 ] || fail "$name: exit code 0"
  [ $rc -lt 128 ] || fail "$name: killed by a signal ($rc)"
  local lines
  lines=$(wc -l < "$d/stderr")
  [ "$lines" -eq 1 ] || { cat "$d/stderr"; fail "$name: expected one line on stderr, got $lines"; }
  grep -qF -- "$expect" "$d/stderr" || { cat "$d/stderr"; fail "$name: message lacks '$expect'"; }
  (cd "$d/out" && sha256sum -c --quiet "$d/before.sha") || fail "$name: earlier output changed"
  local extra
  # only the good build's files (every output of the selected formats: the sample
  # also writes its main messages as a PDF of their own)
  extra=$(ls -A "$d/out" | grep -vxF -f <(awk '{print $2}' "$d/before.sha") || true)
  [ -z "$extra" ] || fail "$name: left files behind: $extra"
  pass "$name (exit $rc): $(cat "$d/stderr")"
}

# 1. Malformed definition: YAML syntax error, with file:line:column.
cp "$d/r/report.yaml" "$d/r/broken.yaml"
sed -i 's/^chapters:$/chapters: [/' "$d/r/broken.yaml"
expect_failure "malformed definition" "broken.yaml:" build "$d/r/broken.yaml" -o "$d/out"
grep -qE 'broken\.yaml:[0-9]+:[0-9]+: not valid YAML' "$d/stderr" || fail "no line:column in YAML error"

# 2. A definition with a semantic error: an unknown goal.
printf 'title: Goals\nchapters:\n  - title: Progress\n    goals: [4, 7, 18]\n' > "$d/r/goal18.yaml"
expect_failure "goal 18" "goal 18 is not an SDG goal" build "$d/r/goal18.yaml" -o "$d/out"

# 3. A missing Markdown file, named with its path.
mv "$d/r/text/methodology.md" "$d/r/text/methodology.md.away"
expect_failure "missing Markdown file" "methodology.md" build "$d/r/report.yaml" -o "$d/out"
mv "$d/r/text/methodology.md.away" "$d/r/text/methodology.md"

# 4. An unknown plugin: the message lists the available ones.
sed 's/plugin: markdown, file: text\/opening.md/plugin: markdwon, file: text\/opening.md/' "$d/r/report.yaml" > "$d/r/typo.yaml"
expect_failure "unknown plugin" "unknown data-source plugin 'markdwon' (available: " build "$d/r/typo.yaml" -o "$d/out"
grep -qE "\(available: ([a-z]+, )*markdown(, [a-z]+)*\)" "$d/stderr" || fail "the available plugins are not listed"
expect_failure "unknown format" "unknown format plugin 'odt' (available:" build "$d/r/report.yaml" --format odt -o "$d/out"

# 5. An unwritable output directory (a path under a regular file works even as root).
expect_failure "unwritable output directory" "cannot create output directory" build "$d/r/report.yaml" -o "$d/out/vsr-norway.pdf/sub"

# 6. Missing definition file.
expect_failure "missing definition" "nope.yaml: cannot read the report definition" build "$d/r/nope.yaml" -o "$d/out"

# 7. Usage error: exit code 2.
set +e
"$SDGREPORT" build --no-such-flag > /dev/null 2>&1; rc=$?  # (no argument: ./report.yaml)
set -e
[ $rc -eq 2 ] || fail "usage error exits $rc, not 2"
pass "usage error exits 2"
