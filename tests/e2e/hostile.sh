#!/usr/bin/env bash
# Hostile inputs from issue 11 (#1–#9, #13–#15), rebuilt here (the big ones are
# generated, not committed). Each must finish within 5 s and 500 MB and either
# exit 1 with ONE line naming the file and the limit, or exit 0 with a correct
# output: never a signal, never a file outside -o, never a damaged earlier output.
# Usage: hostile.sh SDGREPORT
SDGREPORT=$1
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
MAX_SECONDS=5 MAX_KB=512000

# run NAME ARGS...: runs sdgreport, records exit code, time, peak RSS and stderr.
run() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  set +e
  # An address-space cap as a backstop, but not under AddressSanitizer (make
  # test-sanitize sets ASAN_OPTIONS): ASan reserves terabytes of address space for
  # its shadow at start-up. The peak-RSS check below holds in both builds.
  local vlimit=4000000
  [[ -n "${ASAN_OPTIONS:-}" ]] && vlimit=unlimited
  ( ulimit -v $vlimit; /usr/bin/time -f %M -o "$d/rss" "$SDGREPORT" -q "$@" > "$d/stdout" 2> "$d/stderr" )
  rc=$?
  set -e
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  kb=$(tail -n 1 "$d/rss" | tr -dc 0-9)
  [ $rc -lt 128 ] || { cat "$d/stderr"; fail "$name: killed by a signal (exit $rc)"; }
  grep -q "Command terminated by signal" "$d/rss" && fail "$name: killed by a signal"
  [ "$ms" -le $((MAX_SECONDS * 1000)) ] || fail "$name: took $ms ms (limit ${MAX_SECONDS} s)"
  [ "${kb:-0}" -le $MAX_KB ] || fail "$name: peak RSS $kb KB (limit $MAX_KB KB)"
}

# refused NAME FILE_PART MESSAGE_PART ARGS...: exit 1, one line naming the file and the limit.
refused() {
  local name=$1 file=$2 expect=$3; shift 3
  run "$name" "$@"
  [ $rc -eq 1 ] || { cat "$d/stderr"; fail "$name: expected exit 1, got $rc"; }
  local lines
  lines=$(wc -l < "$d/stderr")
  [ "$lines" -eq 1 ] || { head -c 2000 "$d/stderr"; fail "$name: expected one line on stderr, got $lines"; }
  grep -qF -- "$file" "$d/stderr" || { cat "$d/stderr"; fail "$name: message does not name '$file'"; }
  grep -qF -- "$expect" "$d/stderr" || { cat "$d/stderr"; fail "$name: message lacks '$expect'"; }
  pass "$name (${ms} ms, ${kb} KB): $(head -c 300 "$d/stderr")"
}

# A report whose one chapter reads hostile.md.
mkdir -p "$d/r"
cat > "$d/r/report.yaml" <<'YAML'
title: Hostile
language: en
chapters:
  - title: Text
    source: { plugin: markdown, file: hostile.md }
outputs:
  - { format: json, file: report.json }
YAML

md() { $PY -c "$1" > "$d/r/hostile.md"; }

# #1 50,000 nested '>' on one line; '- ' x 10,000.
md 'print(">" * 50000 + " x")'
refused "#1 nested quotes" "hostile.md:1" "block_depth = 64" build "$d/r/report.yaml" -o "$d/o"
md 'print("- " * 10000 + "x")'
refused "#1 nested list items" "hostile.md:1" "block_depth = 64" build "$d/r/report.yaml" -o "$d/o"
# #2 8,000 nested emphasis runs.
md 'print("*" * 8000 + "x" + "*" * 8000)'
refused "#2 nested emphasis" "hostile.md:1" "inline_depth = 64" build "$d/r/report.yaml" -o "$d/o"
md 'print("".join("*a _b " for _ in range(4000)) + "x" + "".join("_ b* a" for _ in range(4000)))'
run "#2 alternating emphasis" build "$d/r/report.yaml" -o "$d/o"
[ $rc -le 1 ] || fail "#2 alternating emphasis: exit $rc"
pass "#2 alternating emphasis (exit $rc, ${ms} ms, ${kb} KB)"
# #3 a list 1,000 and 2,000 levels deep, one level per line.
for n in 1000 2000; do
  md "print(''.join('  ' * i + '- x\n' for i in range($n)))"
  refused "#3 list $n levels, one per line" "hostile.md:" "block_depth = 64" build "$d/r/report.yaml" -o "$d/o"
done
# A list 60 levels deep is fine (under the limit) and comes out whole.
md "print(''.join('  ' * i + '- level ' + str(i) + '\n' for i in range(60)))"
run "#3 list 60 levels" build "$d/r/report.yaml" -o "$d/ok"
[ $rc -eq 0 ] || { cat "$d/stderr"; fail "#3 list 60 levels: exit $rc"; }
grep -q '"level 59"' "$d/ok/report.json" || fail "#3 list 60 levels: the deepest item is missing"
pass "#3 list 60 levels (${ms} ms): built, deepest item present"

# A valid model to mutate (#4–#6, #15).
cp "$d/ok/report.json" "$d/model.json"
mutate() {  # mutate OUT PYTHON: PYTHON edits the dict m
  $PY - "$d/model.json" "$d/$1" "$2" <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(m) if isinstance(m, dict) else m)
PYEOF
}
# #4 10,000 nested quotes and emphasis in a model (the text is built by string, json.dumps would recurse).
mutate m4.json '
q = "{\"type\":\"quote\",\"blocks\":[" * 10000 + "]}" * 10000
m = json.dumps(m).replace("\"blocks\": [", "\"blocks\": [" + q + ",", 1)'
refused "#4 model: nested quotes" "m4.json" "json_depth = 512" render "$d/m4.json" --format json -o "$d/o"
mutate m4b.json '
q = "{\"type\":\"quote\",\"blocks\":[" * 100 + "]}" * 100
m = json.dumps(m).replace("\"blocks\": [", "\"blocks\": [" + q + ",", 1)'
refused "#4 model: 100 nested quotes" "m4b.json" "block_depth = 64" render "$d/m4b.json" --format json -o "$d/o"
mutate m4c.json '
e = "{\"t\":\"emphasis\",\"children\":[" * 100 + "{\"t\":\"text\",\"text\":\"x\"}" + "]}" * 100
m = json.dumps(m).replace("\"blocks\": [", "\"blocks\": [{\"type\":\"paragraph\",\"content\":[" + e + "]},", 1)'
refused "#4 model: 100 nested emphasis" "m4c.json" "inline_depth = 64" render "$d/m4c.json" --format json -o "$d/o"
# #5 10,000 nested sections (about 1 MB).
mutate m5.json '
s = "{\"title\":\"S\",\"id\":\"s\",\"numbered\":true,\"goal\":null,\"targets\":[],\"blocks\":[],\"sections\":["
m = json.dumps(m).replace("\"sections\": [", "\"sections\": [" + s * 10000 + "]}" * 10000, 1)'
refused "#5 model: 10,000 nested sections" "m5.json" "json_depth = 512" render "$d/m5.json" --format json -o "$d/o"
mutate m5b.json '
s = "{\"title\":\"S\",\"id\":\"s%d\",\"numbered\":true,\"goal\":null,\"targets\":[],\"blocks\":[],\"sections\":["
m = json.dumps(m).replace("\"sections\": [", "\"sections\": [" + "".join(s % i for i in range(100)) + "]}" * 100, 1)'
refused "#5 model: 100 nested sections" "m5b.json" "section_depth = 32" render "$d/m5b.json" --format json -o "$d/o"
# #6 a 100,000-deep array as a metadata value (200 KB).
mutate m6.json 'm = json.dumps(m).replace("\"edition\": \"\"", "\"edition\": " + "[" * 100000 + "]" * 100000, 1)'
refused "#6 model: 100,000-deep array" "m6.json" "json_depth = 512" render "$d/m6.json" --format json -o "$d/o"
# #15 1e309 and an integer beyond 2^53.
mutate m15.json 'm = json.dumps(m).replace("\"sdgreport_model\": 3", "\"sdgreport_model\": 3, \"x\": 1e309", 1)'
refused "#15 model: 1e309" "m15.json:1:" "too large for a 64-bit floating-point number" render "$d/m15.json" --format json -o "$d/o"
mutate m15b.json 'm = json.dumps(m).replace("\"sdgreport_model\": 3", "\"sdgreport_model\": 3, \"x\": 12345678901234567890", 1)'
refused "#15 model: integer beyond 2^53" "m15b.json:1:" "beyond 2^53" render "$d/m15b.json" --format json -o "$d/o"

# #7 JSON-stat: the same deep value inside a dataset.
$PY -c '
print("{\"class\":\"dataset\",\"label\":\"x\",\"extension\":" + "[" * 100000 + "]" * 100000 +
      ",\"id\":[\"a\"],\"size\":[1],\"dimension\":{\"a\":{\"category\":{\"index\":[\"x\"]}}},\"value\":[1]}")' > "$d/r/deep.json"
cat > "$d/r/js.yaml" <<'YAML'
title: Hostile
chapters:
  - title: Data
    source: { plugin: jsonstat, file: deep.json, rows: a }
outputs:
  - { format: json, file: js.json }
YAML
refused "#7 json-stat: 100,000-deep value" "deep.json" "json_depth = 512" build "$d/r/js.yaml" -o "$d/o"
printf '{"class": "dataset", "label": "\xff\xfe\x1b[31m' > "$d/r/deep.json"
refused "json-stat: raw bytes are escaped" "deep.json" "not valid JSON" build "$d/r/js.yaml" -o "$d/o"
if LC_ALL=C grep -qP '[\x80-\xff\x1b]' "$d/stderr"; then fail "json-stat: raw bytes echoed: $(cat -v "$d/stderr")"; fi

# #8 an alias cycle; #9 "billion laughs" (1.2 KB).
cat > "$d/r/cycle.yaml" <<'YAML'
title: Cycle
loop: &a [1, *a]
chapters:
  - title: Text
YAML
refused "#8 yaml alias cycle" "cycle.yaml:2:" "cycle" build "$d/r/cycle.yaml" -o "$d/o"
$PY - > "$d/r/laughs.yaml" <<'PYEOF'
print("title: Laughs")
print('a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')
for i in range(1, 12):
    print(f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]")
print("chapters:\n  - title: Text")
PYEOF
refused "#9 yaml billion laughs" "laughs.yaml:" "yaml_nodes = 200000" build "$d/r/laughs.yaml" -o "$d/o"
$PY -c 'print("title: Deep\nx: " + "[" * 5000 + "]" * 5000 + "\nchapters:\n  - title: Text")' > "$d/r/deep.yaml"
refused "deep yaml" "deep.yaml:" "yaml_depth" build "$d/r/deep.yaml" -o "$d/o"

# #13 output paths outside -o: plain, after ${column} substitution, and through a symlink.
mkdir -p "$d/jail/out"
sed 's|file: report.json|file: ../../x.json|' "$d/r/report.yaml" > "$d/r/escape.yaml"
md 'print("Hello.")'
refused "#13 file: ../../x.json" "escape.yaml:" "outside the output directory" build "$d/r/escape.yaml" -o "$d/jail/out"
sed 's|file: report.json|file: "${name}.json"|' "$d/r/report.yaml" > "$d/r/each.yaml"
printf 'name\nok\n../../escape\n' > "$d/r/rows.csv"
run "#13 --each ../../escape" build "$d/r/each.yaml" --each "$d/r/rows.csv" -o "$d/jail/out"
[ $rc -eq 1 ] || { cat "$d/stderr"; fail "#13 --each: expected exit 1, got $rc"; }
grep -F "row on line 3 (../../escape)" "$d/stderr" | grep -qF "outside the output directory" ||
  { cat "$d/stderr"; fail "#13 --each: the error does not name the row"; }
[ -f "$d/jail/out/ok.json" ] || fail "#13 --each: the good row was not built"
pass "#13 --each ../../escape: $(grep -F 'row on line 3' "$d/stderr")"
ln -s "$d" "$d/jail/out/link"
sed 's|file: report.json|file: link/x.json|' "$d/r/report.yaml" > "$d/r/link.yaml"
refused "#13 through a symlink" "link.yaml:" "through a symbolic link" build "$d/r/link.yaml" -o "$d/jail/out"
found=$(find "$d" -maxdepth 2 -name 'x.json' -o -maxdepth 2 -name 'escape.json' | head -1)
[ -z "$found" ] || fail "#13: a file was written outside -o: $found"

# #14 pdf then xlsx, the xlsx target is a directory: exit 1, the old PDF intact, no temporary file.
cat > "$d/r/both.yaml" <<'YAML'
title: Both
chapters:
  - title: Text
    source: { plugin: markdown, file: hostile.md }
outputs:
  - { format: pdf, file: both.pdf }
  - { format: xlsx, file: both.xlsx }
YAML
SOURCE_DATE_EPOCH=1700000000 "$SDGREPORT" -q build "$d/r/both.yaml" -o "$d/b"
sha_before=$(sha256sum "$d/b/both.pdf" | cut -d' ' -f1)
rm "$d/b/both.xlsx" && mkdir "$d/b/both.xlsx"
md 'print("Changed text, so a new PDF would differ.")'
refused "#14 xlsx target is a directory" "both.xlsx" "is a directory" build "$d/r/both.yaml" -o "$d/b"
[ "$(sha256sum "$d/b/both.pdf" | cut -d' ' -f1)" = "$sha_before" ] || fail "#14: the earlier PDF was replaced"
left=$(ls -A "$d/b" | grep -v -e '^both\.pdf$' -e '^both\.xlsx$' || true)
[ -z "$left" ] || fail "#14: left files behind: $left"
grep -q "Success" "$d/stderr" && fail "#14: the message ends in 'Success'"
pass "#14: old PDF byte-identical, no temporary file"

# #13 images only from the report's folder, or a folder named under allow_paths.
mkdir -p "$d/assets" && printf '\x89PNG\r\n\x1a\n' > "$d/assets/map.png"
md 'print("![A map](../assets/map.png)")'
refused "#13 image outside the report folder" "map.png" "outside the report's folder" build "$d/r/report.yaml" -o "$d/o"
printf 'allow_paths: [../assets]\n' | cat - "$d/r/report.yaml" > "$d/r/allow.yaml"
run "#13 image under allow_paths" build "$d/r/allow.yaml" -o "$d/o"
grep -q "outside the report's folder" "$d/stderr" && fail "#13 allow_paths: still refused"
pass "#13 image under allow_paths passes the confinement check (exit $rc)"
