#!/usr/bin/env python3
"""The core's rooms (core/src/<room>/) use only their own room and the rooms below.

Order, lowest first (docs/architecture.md):
  base < text < catalogue < model < i18n < definition < pipeline
A public header (core/include/sdgreport/X.hpp) belongs to the room whose folder
holds X.cpp; a header without a .cpp is named in HEADER_ONLY. Checks every
#include "sdgreport/..." of every core source and public header, and that every
core/src/*.cpp lives in a room. Usage: check_rooms.py SOURCE_DIR
"""
import pathlib
import re
import sys

ROOMS = ["base", "text", "catalogue", "model", "i18n", "definition", "pipeline"]
HEADER_ONLY = {}  # header name -> room, for headers without a .cpp of the same name

root = pathlib.Path(sys.argv[1])
src = root / "core" / "src"
inc = root / "core" / "include" / "sdgreport"
problems = []

room_of_header = dict(HEADER_ONLY)
for cpp in src.rglob("*.cpp"):
    rel = cpp.relative_to(src)
    if len(rel.parts) != 2 or rel.parts[0] not in ROOMS:
        problems.append(f"core/src/{rel}: not in a room ({', '.join(ROOMS)})")
        continue
    room_of_header[cpp.stem + ".hpp"] = rel.parts[0]

include = re.compile(r'^\s*#\s*include\s+"sdgreport/([^"]+)"', re.M)
checked = 0


def check(path, room, label):
    global checked
    for name in include.findall(path.read_text(encoding="utf-8")):
        checked += 1
        target = room_of_header.get(name)
        if target is None:
            problems.append(f"{label}: includes sdgreport/{name}, which belongs to no room (add its .cpp to a room or name it in HEADER_ONLY)")
        elif ROOMS.index(target) > ROOMS.index(room):
            problems.append(f"{label} ({room}) includes sdgreport/{name} ({target}): an upward include")


for cpp in src.rglob("*.cpp"):
    rel = cpp.relative_to(src)
    if len(rel.parts) == 2 and rel.parts[0] in ROOMS:
        check(cpp, rel.parts[0], f"core/src/{rel}")
for hpp in sorted(inc.glob("*.hpp")):
    room = room_of_header.get(hpp.name)
    if room is None:
        problems.append(f"core/include/sdgreport/{hpp.name}: belongs to no room")
        continue
    check(hpp, room, f"core/include/sdgreport/{hpp.name}")

for p in problems:
    print("FAIL:", p)
print(f"{checked} includes checked across {len(ROOMS)} rooms, {len(problems)} problems")
sys.exit(1 if problems else 0)
