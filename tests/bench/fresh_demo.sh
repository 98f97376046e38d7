#!/usr/bin/env bash
# `make demo` as a newcomer meets it (issue 25 item 7): a clean clone of HEAD in a
# temporary directory, no ccache (CCACHE_DISABLE=1), the Debian packages already
# installed (their download is the network's time, not the build's), then
# `make demo` — configure, build the `product` target, write the sample. N runs
# (default 3), each from a new clone; medians of wall, user and sys seconds.
# Not a test: it takes minutes and both cores.
#
#   tests/bench/fresh_demo.sh [N]
set -euo pipefail
N=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/sdgreport-bench-demo.XXXXXX)
trap 'rm -rf "$W"' EXIT
echo "HEAD: $(git -C "$root" rev-parse --short HEAD)  nproc: $(nproc)"
echo "uptime before: $(uptime)"
for i in $(seq "$N"); do
  rm -rf "$W/tree"
  git clone -q "$root" "$W/tree"
  (cd "$W/tree" && CCACHE_DISABLE=1 /usr/bin/time -f "%e %U %S" -o "$W/t" make demo > "$W/log" 2>&1) ||
    { tail -20 "$W/log"; exit 1; }
  ls "$W/tree/out/vsr-norway.pdf" > /dev/null
  cat "$W/t" >> "$W/times"
  echo "run $i: $(cat "$W/t") (wall user sys, s); $(grep -c '^\[' "$W/log" || true) build steps"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median: wall $(cut -d' ' -f1 "$W/times" | median) s, user $(cut -d' ' -f2 "$W/times" | median) s, sys $(cut -d' ' -f3 "$W/times" | median) s"
echo "uptime after: $(uptime)"
