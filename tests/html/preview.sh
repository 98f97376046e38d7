#!/usr/bin/env bash
# `sdgreport preview` on a temporary copy of the sample, on a free port:
#   a Markdown change is served within 3 s; a broken YAML shows its file:line in the
#   page while the last good page stays; fixing it recovers; SIGINT stops the server
#   cleanly (exit 0, its temporary folder removed). Every wait is bounded.
# Usage: preview.sh SDGREPORT SAMPLE_DIR
SDGREPORT=$1 SAMPLE=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/lib.sh"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$d"; }
trap cleanup EXIT

cp -r "$SAMPLE/." "$d/src/" 2>/dev/null || { mkdir -p "$d/src" && cp -r "$SAMPLE/." "$d/src/"; }
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SDGREPORT" preview "$d/src/report.yaml" --port "$port" > "$d/out.txt" 2> "$d/err.txt" &
server=$!
url="http://127.0.0.1:$port/"

# wait_for SECONDS DESCRIPTION TEST...: polls the served page until TEST (a command
# reading the page from $d/page.html) succeeds; prints the time it took.
wait_for() {
  local limit=$1 what=$2; shift 2
  local start end
  start=$(date +%s.%N)
  end=$(echo "$start + $limit" | bc)
  while :; do
    curl -s --max-time 2 "$url" > "$d/page.html" 2>/dev/null || true
    if "$@"; then
      printf '%s after %.2f s\n' "$what" "$(echo "$(date +%s.%N) - $start" | bc)"
      return 0
    fi
    (( $(echo "$(date +%s.%N) > $end" | bc) )) && { cat "$d/err.txt" >&2; [ -z "${KEEP:-}" ] || echo "kept $d" >&2; fail "$what: not within $limit s"; }
    kill -0 "$server" 2>/dev/null || { cat "$d/err.txt" >&2; fail "the preview server exited"; }
    sleep 0.1
  done
}
has() { grep -qF -- "$1" "$d/page.html"; }
lacks() { ! grep -qF -- "$1" "$d/page.html"; }

wait_for 30 "first build served" has "Opening statement"
grep -q "^Serving http://127.0.0.1:$port/" "$d/out.txt" || fail "no 'Serving' line"
has "/__version" || fail "no reload script in the served page"
if command -v ss > /dev/null; then
  ss -ltn "sport = :$port" | grep -q "127.0.0.1:$port" || fail "not listening on 127.0.0.1:$port"
fi
pass "preview serves the sample on 127.0.0.1:$port"

# 0. DNS rebinding: only its own name is answered. A wrong or missing Host gets 403
#    and none of the draft; 127.0.0.1, localhost and [::1] on the port are served.
for host in evil.example "evil.example:$port" "127.0.0.1.evil.example:$port" "localhost:1" "127.0.0.1"; do
  code=$(curl -s --max-time 2 -o "$d/refused.html" -w '%{http_code}' -H "Host: $host" "$url")
  [ "$code" = 403 ] || fail "Host: $host answered $code, expected 403"
  ! grep -qF "Opening statement" "$d/refused.html" || fail "Host: $host was served the draft"
  code=$(curl -s --max-time 2 -o "$d/refused.txt" -w '%{http_code}' -H "Host: $host" "${url}__version")
  [ "$code" = 403 ] || fail "Host: $host got /__version ($code)"
done
code=$(curl -s --max-time 2 -o /dev/null -w '%{http_code}' -H "Host:" "$url")
[ "$code" = 403 ] || fail "a request without Host answered $code, expected 403"
for host in "127.0.0.1:$port" "localhost:$port" "LocalHost:$port" "[::1]:$port"; do
  code=$(curl -s --max-time 2 -o "$d/allowed.html" -w '%{http_code}' -H "Host: $host" "$url")
  [ "$code" = 200 ] && grep -qF "Opening statement" "$d/allowed.html" || fail "Host: $host not served ($code)"
done
grep -q "refused a request for Host 'evil.example'" "$d/err.txt" || fail "the refusal is not logged"
pass "Host check: evil.example, a wrong port, no Host → 403 with nothing served; 127.0.0.1, localhost, [::1] → 200"

# 1. A Markdown change: the new text is served within 3 s.
token="Preview-token-$$ – æøå"
printf '\n%s\n' "$token" >> "$d/src/text/opening.md"
wait_for 3 "Markdown change served" has "$token"
pass "Markdown change served within 3 s"

# 2. A broken definition: the error with file:line is in the page; the last good page stays.
line=$(grep -n '^title:' "$d/src/report.yaml" | cut -d: -f1)
cp "$d/src/report.yaml" "$d/good.yaml"
sed -i 's/^title: \(.*\)$/title: \1: broken/' "$d/src/report.yaml"  # a map value where none may be
wait_for 3 "YAML error shown" has "report.yaml:$line:"
has 'class="preview-error"' || fail "no error banner"
has "$token" || fail "the last good page was not kept"
grep -q "report.yaml:$line:" "$d/err.txt" || fail "error not on the terminal"
pass "broken YAML: page shows report.yaml:$line with the last good page; error on the terminal"

# 3. Fixed: the page recovers.
cp "$d/good.yaml" "$d/src/report.yaml"
wait_for 3 "recovered" lacks 'class="preview-error"'
has "$token" || fail "recovered page lacks the text"
pass "fixed YAML: the page recovers"

# 4. A data file the build read (CSV of goal 4) is watched too.
csv="$d/src/data/stavanger/nasjonale-prover-regning-5-trinn.csv"
[ -f "$csv" ] || fail "sample CSV missing"
grep -q '^Buøy skole;.*;2014-2015;.*;Begge kjønn;58;' "$csv" || fail "sample CSV changed; update this test"
! grep -qF '9,876' "$d/page.html" || fail "9,876 already in the page"
sed -i 's/^\(Buøy skole;.*;2014-2015;.*;Begge kjønn;\)58;/\19876;/' "$csv"
wait_for 3 "data change served" has "9,876"
pass "CSV change served within 3 s"

# 5. SIGINT stops the server cleanly.
tmpdir=$(grep -o '/tmp/sdgreport-preview-[A-Za-z0-9]*' "$d/err.txt" | head -1)
kill -INT "$server"
for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server" 2>/dev/null && fail "the server did not stop within 5 s of SIGINT"
set +e; wait "$server"; rc=$?; set -e
server=""
[ "$rc" -eq 0 ] || fail "exit code $rc after SIGINT"
[ -z "$tmpdir" ] || [ ! -e "$tmpdir" ] || fail "temporary folder $tmpdir left behind"
! curl -s --max-time 1 "$url" > /dev/null || fail "still answering after SIGINT"
pass "SIGINT: exit 0, temporary folder removed, port closed"
