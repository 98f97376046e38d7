#!/usr/bin/python3
"""Checks the sdmx plugin's table in a JSON model against an independent parse.

    check_sdmx_model.py MODEL.json DATA_FILE [DATA_FILE...]

The JSON model holds one table per data file, in order, built with
`labels: code` and `layout: long` (one row per observation, columns named by
component id). Each data file is parsed here with the Python standard library
only (xml.etree for SDMX-ML generic and structure-specific, csv for SDMX-CSV
1.0 and 2.0 with labels=both), never with sdgreport's code. Then every
observation must be a row, in file order, and every cell must equal the parse:
dimension codes, the period, the value (or an empty cell), and the status the
SDMX code list gives OBS_STATUS (and the SDG DSD's NATURE). Components not
shown as columns must be constant over the file (nothing hidden). Prints the
number of cells compared per file.
"""
import csv
import json
import math
import sys
import xml.etree.ElementTree as ET

# CL_OBS_STATUS, written from the SDMX code list (not from the plugin).
MISSING = {"M": "not_applicable", "Q": "confidential", "L": "not_available", "O": "not_available",
           "H": "not_available"}
FLAGS = {"E": "estimated", "F": "estimated", "I": "estimated", "P": "provisional", "B": "break_in_series"}
SPECIAL = {"TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "NATURE", "UNIT_MEASURE", "UNIT_MULT", "LOWER_BOUND",
           "UPPER_BOUND"}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def parse_xml(path):
    root = ET.parse(path).getroot()
    kind = local(root.tag)
    out = []
    for ds in root:
        if local(ds.tag) != "DataSet":
            continue
        for series in ds:
            if local(series.tag) != "Series":
                continue
            if kind == "StructureSpecificData":
                skey = {k: v for k, v in series.attrib.items() if "}" not in k}
                for obs in series:
                    o = dict(skey)
                    o.update({k: v for k, v in obs.attrib.items() if "}" not in k})
                    out.append(o)
            else:
                skey = {}
                obs_list = []
                for part in series:
                    name = local(part.tag)
                    if name in ("SeriesKey", "Attributes"):
                        for v in part:
                            skey[v.get("id")] = v.get("value")
                    elif name == "Obs":
                        obs_list.append(part)
                for obs in obs_list:
                    o = dict(skey)
                    for part in obs:
                        name = local(part.tag)
                        if name == "ObsDimension":
                            o[part.get("id") or "TIME_PERIOD"] = part.get("value")
                        elif name == "ObsValue":
                            o["OBS_VALUE"] = part.get("value")
                        elif name == "Attributes":
                            for v in part:
                                o[v.get("id")] = v.get("value")
                    out.append(o)
    return out


def split_label(text):
    return text.split(": ", 1)[0].strip() if ": " in text else text.strip()


def parse_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = [split_label(h) for h in rows[0]]
    skip = {"DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "ACTION"}
    out = []
    for r in rows[1:]:
        if not r:
            continue
        o = {}
        for h, v in zip(header, r):
            if h in skip:
                continue
            o[h] = split_label(v)
        out.append(o)
    return out


def expected_status(o):
    value = (o.get("OBS_VALUE") or "").strip()
    st = (o.get("OBS_STATUS") or "").strip().upper()
    nature = (o.get("NATURE") or "").strip().upper()
    if value == "" or value == "NaN":
        if st in MISSING:
            return MISSING[st]
        return "not_applicable" if nature == "N" else "not_available"
    if st in FLAGS:
        return FLAGS[st]
    if nature in ("E", "M"):
        return "estimated"
    return None


def tables(node, out):
    if isinstance(node, dict):
        if node.get("type") == "table":
            out.append(node)
        for v in node.values():
            tables(v, out)
    elif isinstance(node, list):
        for v in node:
            tables(v, out)
    return out


def cell_parts(c):
    """(kind, text/number, status) of a JSON model cell."""
    if isinstance(c, (int, float)):
        return "number", c, None
    if isinstance(c, str):
        return "text", c, None
    if c.get("empty"):
        return "empty", None, c.get("status")
    if "number" in c:
        return "number", c["number"], c.get("status")
    return "text", c.get("text"), c.get("status")


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    found = tables(model, [])
    files = sys.argv[2:]
    if len(found) != len(files):
        sys.exit(f"{len(found)} tables in the model for {len(files)} files")
    total = 0
    for table, path in zip(found, files):
        obs = parse_xml(path) if path.endswith(".xml") else parse_csv(path)
        labels = [c["label"] for c in table["columns"]]
        rows = table["rows"]
        if len(rows) != len(obs):
            sys.exit(f"{path}: {len(rows)} rows for {len(obs)} observations")
        comps = sorted({k for o in obs for k in o})
        varying = {k for k in comps if k not in SPECIAL and len({o.get(k) for o in obs}) > 1}
        shown = {l for l in labels if l not in ("Period", "Value", "Lower bound", "Upper bound", "Unit")}
        if shown != varying:
            sys.exit(f"{path}: columns {sorted(shown)}, but the varying components are {sorted(varying)}")
        cells = 0
        for i, (row, o) in enumerate(zip(rows, obs)):
            for label, c in zip(labels, row):
                kind, v, status = cell_parts(c)
                if label == "Value":
                    want = expected_status(o)
                    raw = (o.get("OBS_VALUE") or "").strip()
                    if raw == "" or raw == "NaN":
                        ok = kind == "empty" and status == want
                    else:
                        ok = kind == "number" and math.isclose(v, float(raw), rel_tol=0, abs_tol=0) and status == want
                    if not ok:
                        sys.exit(f"{path}: observation {i + 1}: value {c!r}, expected {raw!r} with status {want}")
                elif label in ("Lower bound", "Upper bound"):
                    raw = (o.get("LOWER_BOUND" if label == "Lower bound" else "UPPER_BOUND") or "").strip()
                    ok = (kind == "empty") if raw == "" else (kind == "number" and v == float(raw))
                    if not ok:
                        sys.exit(f"{path}: observation {i + 1}: {label} {c!r}, expected {raw!r}")
                elif label == "Unit":
                    continue
                else:
                    comp = "TIME_PERIOD" if label == "Period" else label
                    raw = (o.get(comp) or "").strip()
                    ok = (kind == "empty" and status == "not_available") if raw == "" else (kind == "text" and v == raw)
                    if not ok:
                        sys.exit(f"{path}: observation {i + 1}: {comp} {c!r}, expected {raw!r}")
                cells += 1
        total += cells
        print(f"ok: {path}: {len(obs)} observations, {cells} cells equal to the independent parse")
    print(f"ok: {total} cells in {len(files)} files equal to the independent parse")


main()
