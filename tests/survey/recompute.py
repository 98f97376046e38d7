#!/usr/bin/python3
"""Recomputes every survey table of the sample from the raw CSV exports and the register
(Python standard library only; no code of sdgreport) and compares it, cell by cell, with the
report's JSON model: every n, share, interval bound, response rate, change and suppression.

    recompute.py MODEL.json SURVEY_DIR en|nb

The rules followed are those of docs/plugins/survey.md ("Tables", "Disclosure control"); the
question definitions below restate the sample's codebook. Prints how many cells it compared;
exits 1 on the first difference.
"""
import csv
import io
import json
import math
import sys

model_path, survey_dir, lang = sys.argv[1], sys.argv[2], sys.argv[3]
# The sample's tables show the shares; their 95 % intervals are the charts' error bars
# (Series lower/upper in the model), checked below with the charts.
MIN_N = 3
Z = 1.959963984540054


def read_csv(path):
    raw = open(path, encoding="utf-8").read()
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    head = raw.split("\n", 1)[0]
    delim = ";" if head.count(";") >= head.count(",") and head.count(";") > 0 else ","
    return list(csv.DictReader(io.StringIO(raw), delimiter=delim))


def key(k):
    k = k.strip()
    return k.lstrip("0") or "0" if k.isdigit() else k


register = read_csv(f"{survey_dir}/register.csv")
units = {key(r["unit"]): r for r in register}
waves = {w: read_csv(f"{survey_dir}/kartlegging-{w}.csv") for w in ("2021", "2026")}

# The sample's codebook, restated: question → (kind, columns or column, codes, missing codes)
ITEMS = {
    "plan_docs": ("multi", ["plan_master", "plan_budget", "plan_annual", "plan_procure"]),
    "barriers": ("multi", ["bar_staff", "bar_budget", "bar_rules", "bar_indic"]),
    "q_priority": ("single", "q_priority", [1, 2, 3, 4, 5], [9]),
    "q_involve": ("single", "q_involve", [1, 2], [9]),
    "q_climate": ("single", "q_climate", [1, 2], [9]),
    "q_partners": ("delim", "q_partners", [1, 2, 3, 4, 5]),
    "q_staff": ("numeric", "q_staff"),
    "q_comment": ("text", "q_comment"),
}
BACKGROUND = {"size_class": [1, 2, 3, 4], "centrality": [1, 2, 3, 4, 5, 6], "merged": [1, 2]}
INDICATOR_SHARE = {"q_involve": 1, "q_climate": 1}  # yes/no: the first code is the headline share


def groups(rows, by):
    """Group index of each respondent (-1: none), labels count, units per group."""
    cats = [BACKGROUND[b] for b in by]
    def idx(unit_row):
        if unit_row is None:
            return -1
        out = 0
        for b, cs in zip(by, cats):
            v = unit_row[b]
            if v == "":
                return -1
            out = out * len(cs) + cs.index(int(v))
        return out
    n = 1
    for cs in cats:
        n *= len(cs)
    resp = [idx(units.get(key(r["unit"]))) for r in rows]
    unit_g = [idx(u) for u in register]
    used = [len(by) == 1] * n
    for g in resp + unit_g:
        if g >= 0:
            used[g] = True
    remap, k = {}, 0
    for g in range(n):
        if used[g]:
            remap[g] = k
            k += 1
    resp = [remap[g] if g >= 0 else -1 for g in resp]
    unit_g = [remap[g] if g >= 0 else -1 for g in unit_g]
    nunits = [0] * k
    for g in unit_g:
        if g >= 0:
            nunits[g] += 1
    return resp, k, nunits


def tabulate(rows, item, resp=None, G=0, nunits=None):
    """count[l][g], base[g], missing[g] for groups 0..G-1, none (G), total (G+1)."""
    kind = ITEMS[item][0]
    ng = G + 2
    resp = resp or [-1] * len(rows)
    t = {"kind": kind, "additive": kind == "single", "base": [0] * ng, "missing": [0] * ng}
    if kind == "single":
        t["codes"] = list(ITEMS[item][2])
    elif kind == "multi":
        t["codes"] = ITEMS[item][1]
    elif kind == "delim":
        t["codes"] = list(ITEMS[item][2])
    elif kind == "text":
        t["codes"] = ["answered"]
    else:
        t["codes"] = []
    L = len(t["codes"])
    t["count"] = [[0] * ng for _ in range(L)]
    t["values"] = [[] for _ in range(ng)]
    t["units"] = [0] * ng
    if nunits:
        for g in range(G):
            t["units"][g] = nunits[g]
            t["units"][ng - 1] += nunits[g]
    for r, g in zip(rows, resp):
        g = G if g < 0 else g
        for k in (g, ng - 1):
            pass
        if kind == "single":
            v = r[ITEMS[item][1]]
            if v == "" or int(v) in ITEMS[item][3]:
                answered = None
            else:
                answered = [t["codes"].index(int(v))]
        elif kind == "multi":
            cols = ITEMS[item][1]
            if all(r[c] == "" for c in cols):
                answered = None
            else:
                answered = [i for i, c in enumerate(cols) if r[c] == "1"]
        elif kind == "delim":
            v = r[ITEMS[item][1]]
            codes = [int(x) for x in v.split(",") if x.strip()]
            answered = [t["codes"].index(c) for c in dict.fromkeys(codes)] if codes else None
        elif kind == "text":
            answered = [0] if r[ITEMS[item][1]] != "" else []
        else:
            v = r[ITEMS[item][1]]
            answered = None if v == "" else float(v)
        if answered is None:
            for k in (g, ng - 1):
                t["missing"][k] += 1
            continue
        for k in (g, ng - 1):
            t["base"][k] += 1
            if kind == "numeric":
                t["values"][k].append(answered)
            else:
                for li in answered:
                    t["count"][li][k] += 1
    return t


def sensitive(c):
    return 0 < c < MIN_N


def protect(t):
    ng = len(t["base"])
    T = ng - 1
    G = ng - 2
    if t["base"][T] < MIN_N:
        t["all_hidden"] = True
        return
    t["all_hidden"] = False
    shown = [t["base"][g] >= MIN_N for g in range(G)] + [False, True]
    while True:
        pool = sum(t["base"][g] for g in range(T) if not shown[g])
        if pool == 0 or pool >= MIN_N:
            break
        cand = [g for g in range(G) if shown[g]]
        if not cand:
            break
        pick = min(cand, key=lambda g: (t["base"][g], g))
        shown[pick] = False
    t["shown"] = shown
    L = len(t["codes"])
    t["hidden"] = [[True] * ng for _ in range(L)]
    if t["kind"] == "numeric" or L == 0:
        return
    # cells: for each line, each group: the count, then (not additive) its complement
    counts, hidden, cell, comp = [], [], {}, {}
    for l in range(L):
        for g in range(ng):
            cell[l, g] = len(counts)
            counts.append(t["count"][l][g])
            hidden.append(not shown[g])
            if not t["additive"]:
                comp[l, g] = len(counts)
                counts.append(t["base"][g] - t["count"][l][g])
                hidden.append(True)
    cons = []
    for l in range(L):
        cons.append([cell[l, g] for g in range(ng)])
        if not t["additive"]:
            cons.append([comp[l, g] for g in range(ng)])
            for g in range(ng):
                if shown[g]:
                    cons.append([cell[l, g], comp[l, g]])
    if t["additive"]:
        for g in range(ng):
            if shown[g]:
                cons.append([cell[l, g] for l in range(L)])
    pooled = [cell[l, g] for g in range(T) if not shown[g] for l in range(L)]
    if t["additive"] and pooled:
        cons.append(pooled)
    guard = [False] * len(counts)
    for i, c in enumerate(counts):
        if sensitive(c):
            guard[i] = True
            hidden[i] = True
    of = [[] for _ in counts]
    for k, con in enumerate(cons):
        for m in con:
            of[m].append(k)

    def known_cells():
        known = [not h for h in hidden]
        changed = True
        while changed:
            changed = False
            for con in cons:
                unknown = [m for m in con if not known[m]]
                if len(unknown) == 1:
                    known[unknown[0]] = True
                    changed = True
        return known

    def hide_in(k):
        best = None
        for m in cons[k]:
            if hidden[m]:
                continue
            c = counts[m]
            if best is None or (counts[best] == 0 and c > 0) or (0 < c < counts[best]):
                best = m
        if best is None:
            return False
        hidden[best] = guard[best] = True
        return True

    for _ in range(len(counts) + 1):
        acted = False
        known = known_cells()
        for i in range(len(counts)):
            if acted:
                break
            if guard[i] and known[i] and hidden[i]:
                order = sorted(of[i], key=lambda k: sum(1 for m in cons[k] if not known[m]))  # stable
                for k in order:
                    if hide_in(k):
                        acted = True
                        break
        for k, con in enumerate(cons):
            if acted:
                break
            hid = [m for m in con if hidden[m] and not known[m]]
            if len(hid) >= 2 and any(guard[m] for m in hid) and sensitive(sum(counts[m] for m in hid)):
                acted = hide_in(k)
        if not acted:
            break
    known = known_cells()
    leaked = any(guard[i] and hidden[i] and known[i] for i in range(len(counts)))
    for l in range(L):
        for g in range(ng):
            t["hidden"][l][g] = leaked or hidden[cell[l, g]]


def wilson(p, n, N):
    z = Z
    if N > 0:
        z *= 0.0 if (n >= N or N <= 1) else math.sqrt((N - n) / (N - 1))
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z / denom * math.sqrt(max(0.0, p * (1 - p) / n + z2 / (4 * n * n)))
    return max(0.0, centre - half), min(1.0, centre + half)


CONF, NA, NAPP = ("status", "confidential"), ("status", "not_available"), ("status", "not_applicable")


def share(t, l, g):
    return 100.0 * t["count"][l][g] / t["base"][g]


def crosstab_rows(t, by, counts=False, intervals=False):
    T = len(t["base"]) - 1
    if t["all_hidden"]:
        return None
    cols = [g for g in range(T - 1) if t["shown"][g]] + [T]
    rows = []
    if t["kind"] == "numeric":
        for g in cols:
            xs = sorted(t["values"][g])
            m = len(xs) // 2
            median = xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2
            rows.append([None, t["base"][g], sum(xs) / t["base"][g], median])
        return rows
    for l in range(len(t["codes"])):
        row = [None]
        for g in cols:
            h = t["hidden"][l][g]
            if not by or counts:
                row.append(CONF if h else t["count"][l][g])
            row.append(CONF if h else share(t, l, g))
            if intervals:
                if h:
                    row += [CONF, CONF]
                else:
                    lo, hi = wilson(t["count"][l][g] / t["base"][g], t["base"][g], t["units"][g])
                    row += [100 * lo, 100 * hi]
        rows.append(row)
    if t["additive"]:
        row = [None]
        for g in cols:
            if not by or counts:
                row.append(t["base"][g])
            row.append(100.0)
            if intervals:
                row += [NAPP, NAPP]
        rows.append(row)
    return rows


compared = 0


def same(a, b):
    if isinstance(a, tuple):
        return isinstance(b, dict) and b.get("status") == a[1]
    if isinstance(a, (int, float)):
        return isinstance(b, (int, float)) and not isinstance(b, bool) and abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return True


def compare(table_id, want, got_table):
    global compared
    if got_table is None:
        sys.exit(f"FAIL: table '{table_id}' is not in the model")
    rows = got_table["rows"]
    if len(rows) != len(want):
        sys.exit(f"FAIL: table '{table_id}': {len(rows)} rows, expected {len(want)}")
    for r, (w, g) in enumerate(zip(want, rows)):
        if len(w) != len(g):
            sys.exit(f"FAIL: table '{table_id}' row {r + 1}: {len(g)} cells, expected {len(w)}: {g}")
        for c, (a, b) in enumerate(zip(w, g)):
            if a is None:
                continue
            if not same(a, b):
                sys.exit(f"FAIL: table '{table_id}' row {r + 1} column {c + 1}: got {b!r}, expected {a!r}")
            compared += 1


model = json.load(open(model_path, encoding="utf-8"))
tables, summaries, charts = {}, {}, {}


def walk(sec):
    for b in sec["blocks"]:
        walk_block(b)
    for s in sec["sections"]:
        walk(s)


def walk_block(b):
    if b["type"] == "table" and b.get("id"):
        tables[b["id"]] = b
    if b["type"] == "chart" and b.get("id"):
        charts[b["id"]] = b
    if b["type"] == "indicator_summary":
        summaries[b["indicator"]] = b
    for c in b.get("blocks", []):
        walk_block(c)


for ch in model["chapters"]:
    walk(ch)

def check_chart(table_id, t, share_codes=None):
    """The chart of a cross-tabulation: a value and 95 % interval (lower, upper) per group shown and
    the total; one series for a yes/no question's first answer, else one per answer."""
    global compared
    c = charts.get(table_id + "-chart")
    if c is None:
        sys.exit(f"FAIL: chart '{table_id}-chart' is not in the model")
    T = len(t["base"]) - 1
    cols = [g for g in range(T - 1) if t["shown"][g]] + [T]
    lines = share_codes if share_codes is not None else range(len(t["codes"]))
    if len(c["series"]) != len(lines):
        sys.exit(f"FAIL: chart '{table_id}-chart': {len(c['series'])} series, expected {len(lines)}")
    for s, l in zip(c["series"], lines):
        for k, g in enumerate(cols):
            if t["hidden"][l][g]:
                want = (None, None, None)
            else:
                lo, hi = wilson(t["count"][l][g] / t["base"][g], t["base"][g], t["units"][g])
                want = (share(t, l, g), 100 * lo, 100 * hi)
            got = (s["values"][k], s["lower"][k], s["upper"][k])
            for a, b in zip(want, got):
                if (a is None) != (b is None) or (a is not None and not same(a, b)):
                    sys.exit(f"FAIL: chart '{table_id}-chart' series '{s['name']}' category {k + 1}: got {got}, expected {want}")
                compared += 1


ids = {"en": {"plan": "planning-documents", "barriers": "barriers", "rate": "response",
              "results": "survey-results", "goal": "survey"},
       "nb": {"plan": "plandokumenter", "barriers": "hindringer", "rate": "svarprosent",
              "results": "kartlegging-resultater", "goal": "kartlegging"}}[lang]
rows26 = waves["2026"]

# 1. planning documents, 2021 and 2026 side by side, change in percentage points
tw = {}
for w in ("2021", "2026"):
    t = tabulate(waves[w], "plan_docs")
    protect(t)
    tw[w] = t
want = []
for l in range(4):
    row = [None]
    vals = []
    for w in ("2021", "2026"):
        t = tw[w]
        T = len(t["base"]) - 1
        v = None if t["hidden"][l][T] else share(t, l, T)
        vals.append(v)
        row.append(CONF if v is None else v)
    row.append(vals[1] - vals[0] if None not in vals else CONF)
    want.append(row)
compare(ids["plan"], want, tables.get(ids["plan"]))

# 2. barriers by size (the intervals are the chart's error bars)
resp, G, nunits = groups(rows26, ["size_class"])
t = tabulate(rows26, "barriers", resp, G, nunits)
protect(t)
compare(ids["barriers"], crosstab_rows(t, True), tables.get(ids["barriers"]))
check_chart(ids["barriers"], t)

# 3. response rate by size
invited = [0] * G
responded = [0] * (G + 1)
for u in register:
    if u["invited"] == "1":
        invited[BACKGROUND["size_class"].index(int(u["size_class"]))] += 1
for g in resp:
    if g >= 0:
        responded[g] += 1
    responded[G] += 1
shown = [responded[g] >= MIN_N for g in range(G)]
want = []
for g in list(range(G)) + [G]:
    if g < G and not shown[g]:
        continue
    inv = sum(invited) if g == G else invited[g]
    want.append([None, inv, responded[g], 100.0 * responded[g] / inv])
compare(ids["rate"], want, tables.get(ids["rate"]))

# 4. the questions tied to no goal, by size and merged
resp2, G2, nunits2 = groups(rows26, ["size_class", "merged"])
for q in ("q_priority", "q_staff", "q_comment"):
    t = tabulate(rows26, q, resp2, G2, nunits2)
    protect(t)
    tid = ids["results"] + "-" + q.replace("_", "-")
    compare(tid, crosstab_rows(t, True), tables.get(tid))

# 5. the questions tied to goals, by centrality, with intervals, and their indicator summaries
resp3, G3, nunits3 = groups(rows26, ["centrality"])
for q in ("q_involve", "q_climate", "q_partners"):
    t = tabulate(rows26, q, resp3, G3, nunits3)
    protect(t)
    tid = ids["goal"] + "-" + q.replace("_", "-")
    compare(tid, crosstab_rows(t, True), tables.get(tid))
    check_chart(tid, t, share_codes=[0] if q in INDICATOR_SHARE else None)
    if q in INDICATOR_SHARE:
        T = len(t["base"]) - 1
        ind = {"q_involve": "11.3.2", "q_climate": "13.1.3"}[q]
        s = summaries.get(ind)
        want_v = None if t["hidden"][0][T] else share(t, 0, T)
        if s is None or not same(want_v, s.get("value")):
            sys.exit(f"FAIL: indicator summary {ind}: got {s and s.get('value')!r}, expected {want_v!r}")
        compared += 1

print(f"recompute.py ({lang}): {compared} cells of {len([k for k in tables if k.startswith(tuple(ids.values()))])} survey tables, "
      f"their charts' intervals and 2 indicator summaries equal the recomputation from the CSV exports")
