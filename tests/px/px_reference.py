#!/usr/bin/env python3
"""An independent PC-Axis reader for the tests: Python standard library only, no
code shared with plugins/px. It reads what the value-by-value check needs:
languages, STUB/HEADING, VALUES, CODES, VARIABLECODE, the DATASYMBOLs, the DATA
cells and the DATANOTECELL markers, and gives each cell the value and status
docs/plugins/px.md promises:

  "-"                          → the number 0, status "nil"
  "." … "......" (n dots)      → empty, status of the symbol DATASYMBOLn (the dots
                                 when not declared): "." not_applicable, ".." and
                                 "..." not_available, ":" confidential, any other
                                 not_available
  a number                     → the number; status "provisional" when a
                                 DATANOTECELL marks the cell "*", else none

  python3 px_reference.py FILE.px     # prints a summary
"""
import codecs
import re
import sys


def decode(raw: bytes):
    """(text, encoding): UTF-8 when the bytes are UTF-8 with non-ASCII in them,
    whatever CODEPAGE says; else the CODEPAGE (Windows-1252 when absent, or when
    an ISO-8859-1/15 file has bytes 0x80-0x9F)."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    m = re.search(rb'^CODEPAGE="([^"]*)"', raw, re.M)
    declared = m.group(1).decode("ascii").lower() if m else "windows-1252"
    try:
        text = raw.decode("utf-8")
        if any(b >= 0x80 for b in raw) or declared in ("utf-8", "utf8"):
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    enc = declared
    if enc in ("utf-8", "utf8") or (enc.startswith("iso-8859-1") and any(0x80 <= b <= 0x9F for b in raw)):
        enc = "windows-1252"
    return raw.decode(enc), enc


ENTRY = re.compile(r'\s*([A-Za-z0-9_-]+)(?:\[([^\]]*)\])?(?:\(([^)]*)\))?\s*=', re.S)
TOKEN = re.compile(r'"([^"]*)"|([^\s,;"]+)|(,)|(;)', re.S)


def parse(path: str):
    raw = open(path, "rb").read()
    text, encoding = decode(raw)
    entries = {}     # (keyword, lang, keys) -> list of values
    notecells = []   # (keys, marker) in file order
    data = None
    pos = 0
    while True:
        m = ENTRY.match(text, pos)
        if not m:
            break
        kw, lang, keys = m.group(1).upper(), (m.group(2) or "").lower(), m.group(3)
        keys = tuple(re.findall(r'"([^"]*)"', keys)) if keys else ()
        pos = m.end()
        if kw == "DATA":
            end = text.find(";", pos)
            end = len(text) if end < 0 else end
            data = text[pos:end]
            pos = end + 1
            continue
        values, last_quoted = [], False
        while True:
            t = TOKEN.match(text, pos)
            while t is None and text[pos].isspace():
                pos += 1
                t = TOKEN.match(text, pos)
            pos = t.end()
            if t.group(4):
                break
            if t.group(3):
                last_quoted = False
            elif t.group(1) is not None:
                s = t.group(1).replace("\r", " ").replace("\n", " ")
                if last_quoted:
                    values[-1] += s
                else:
                    values.append(s)
                last_quoted = True
            else:
                values.append(t.group(2))
                last_quoted = False
        if kw == "DATANOTECELL":
            notecells.append((keys, values[0] if values else ""))
        else:
            entries[(kw, lang, keys)] = values
    assert data is not None, path + ": no DATA"

    def get(kw, *keys):
        return entries.get((kw, "", tuple(keys)))

    variables = (get("STUB") or []) + (get("HEADING") or [])
    dims = []
    for v in variables:
        values = get("VALUES", v)
        codes = get("CODES", v) or values
        vc = get("VARIABLECODE", v)
        dims.append({"name": v, "id": vc[0] if vc else v, "values": values, "codes": codes})

    nil = (get("DATASYMBOLNIL") or ["-"])[0]
    if nil.strip(".") == "":
        nil = "-"
    symbols = {}
    for n in range(1, 7):
        s = (get("DATASYMBOL%d" % n) or [""])[0]
        symbols["." * n] = s if s and s != nil else "." * n
    meaning = {".": "not_applicable", "..": "not_available", "...": "not_available", ":": "confidential"}

    cells = []
    for tok in re.findall(r'"[^"]*"|[^\s,"]+', data):
        tok = tok.strip('"')
        if tok == "-":
            cells.append((0.0, "nil"))
        elif tok and set(tok) == {"."} and len(tok) <= 6:
            cells.append((None, meaning.get(symbols[tok], "not_available")))
        else:
            cells.append((float(tok), None))
    size = 1
    for d in dims:
        size *= len(d["values"])
    assert len(cells) == size, "%s: %d cells, %d expected" % (path, len(cells), size)

    # DATANOTECELL: one key per variable (value text or code, "*" for all).
    strides = [1] * len(dims)
    for i in range(len(dims) - 2, -1, -1):
        strides[i] = strides[i + 1] * len(dims[i + 1]["values"])
    marked = {}
    for keys, marker in notecells:
        choices = []
        for d, k in zip(dims, keys):
            if k == "*":
                choices.append(range(len(d["values"])))
            elif k in d["values"]:
                choices.append([d["values"].index(k)])
            else:
                choices.append([d["codes"].index(k)])
        flats = [0]
        for i, ch in enumerate(choices):
            flats = [f + c * strides[i] for f in flats for c in ch]
        for f in flats:
            marked[f] = marker
    for f, marker in marked.items():
        value, status = cells[f]
        if value is not None and status is None and marker == "*":
            cells[f] = (value, "provisional")
    return {"encoding": encoding, "dims": dims, "cells": cells, "strides": strides,
            "language": (get("LANGUAGE") or [""])[0]}


if __name__ == "__main__":
    for p in sys.argv[1:]:
        r = parse(p)
        print(p, r["encoding"], [(d["id"], len(d["values"])) for d in r["dims"]], len(r["cells"]),
              sum(1 for c in r["cells"] if c[1]))
