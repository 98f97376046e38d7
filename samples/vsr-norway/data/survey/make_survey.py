#!/usr/bin/python3
"""Writes the illustrative survey of the sdgreport sample (Python standard library only).

    /usr/bin/python3 make_survey.py        # in this folder; rewrites register.csv and kartlegging-*.csv

Inputs: municipalities-2024.csv and counties-2024.csv (real numbers and names, see README.md).
Everything else is INVENTED from a fixed seed: population, size class, centrality, merged or not,
who answered and every answer. The .sav files are made from the CSV files by the C++ tool
sdgreport_survey_csv2sav (see README.md). Only random.Random.random() is used, whose sequence
Python keeps stable across versions, so the output is the same on every machine.
"""
import csv
import math
import random

SEED = 20260315
rng = random.Random(SEED)


def u():
    return rng.random()


def normal():
    # Box-Muller from two uniforms (stable, unlike random.gauss's cached state across versions)
    a, b = u(), u()
    return math.sqrt(-2 * math.log(1 - a)) * math.cos(2 * math.pi * b)


# Approximate populations of the largest municipalities (rounded; illustrative, not official figures).
BIG = {"0301": 717000, "4601": 291000, "5001": 214000, "1103": 149000, "3201": 131000, "3203": 98000,
       "1108": 83000, "4204": 117000, "3301": 104000, "5501": 78000, "3107": 84000, "4203": 46000,
       "1804": 53000, "3105": 58000, "4003": 56000, "3907": 67000, "3905": 59000, "1506": 32000,
       "1507": 67000, "3403": 32000}

units = []
with open("municipalities-2024.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter=";"):
        units.append({"unit": row["knr"], "name": row["name"], "type": "1", "county": row["county"]})
with open("counties-2024.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter=";"):
        if row["county_nr"] == "03":
            continue  # Oslo's county tasks lie with the municipality: no separate county authority
        units.append({"unit": row["county_nr"], "name": row["county"] + " fylkeskommune", "type": "2",
                      "county": row["county"]})

for x in units:
    if x["type"] == "1":
        pop = BIG.get(x["unit"]) or int(round(math.exp(8.55 + 1.05 * normal())))
        pop = max(200, min(pop, 60000 if x["unit"] not in BIG else pop))
        x["population"] = str(pop)
        x["size_class"] = "1" if pop < 5000 else "2" if pop < 20000 else "3"
        # centrality 1 (most central) … 6 (least central): larger municipalities tend to be more central
        c = 1 if x["unit"] == "0301" else 9.2 - 1.25 * math.log10(pop) + 0.8 * normal()
        x["centrality"] = str(min(6, max(1, int(round(c)))))
        x["merged"] = "1" if u() < 0.13 else "2"
    else:
        x["population"] = ""
        x["size_class"] = "4"
        x["centrality"] = ""
        x["merged"] = ""
    x["invited"] = "1"

with open("register.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["unit", "name", "type", "county", "size_class", "centrality", "merged", "population", "invited"])
    for x in units:
        w.writerow([x["unit"], x["name"], x["type"], x["county"], x["size_class"], x["centrality"], x["merged"],
                    x["population"], x["invited"]])

RESPONSE = {"2021": {"1": 0.52, "2": 0.63, "3": 0.80, "4": 0.86},
            "2026": {"1": 0.59, "2": 0.72, "3": 0.88, "4": 0.93}}
# shares answering yes to each planning document, by wave
PLAN = {"2021": [0.54, 0.31, 0.27, 0.18], "2026": [0.81, 0.58, 0.55, 0.42]}
# barriers by size class (1, 2, 3, 4)
BARRIERS = [[0.78, 0.61, 0.38, 0.30], [0.64, 0.59, 0.52, 0.45], [0.41, 0.46, 0.49, 0.55], [0.37, 0.44, 0.51, 0.62]]
COMMENTS = ["Vi trenger flere indikatorer på kommunenivå.", "Bærekraftsmålene er en del av planstrategien.",
            "Lite kapasitet til oppfølging.", "Godt samarbeid med fylkeskommunen.", "Ønsker mer veiledning fra KS."]

COLUMNS = ["respid", "unit", "plan_master", "plan_budget", "plan_annual", "plan_procure",
           "bar_staff", "bar_budget", "bar_rules", "bar_indic",
           "q_priority", "q_involve", "q_climate", "q_staff", "q_partners", "q_comment"]


def answers(x, wave):
    s = x["size_class"]
    k = int(s) - 1
    lift = 0.0 if wave == "2021" else 0.12
    r = {"unit": x["unit"]}
    # 2 % leave the planning block empty (item non-response)
    if u() < 0.02:
        for c in COLUMNS[2:6]:
            r[c] = ""
    else:
        for c, p in zip(COLUMNS[2:6], PLAN[wave]):
            r[c] = "1" if u() < p + (0.05 if s == "3" else 0) else "0"
    if u() < 0.03:
        for c in COLUMNS[6:10]:
            r[c] = ""
    else:
        for c, ps in zip(COLUMNS[6:10], BARRIERS):
            r[c] = "1" if u() < ps[k] else "0"
    # priority 1 (not at all) … 5 (to a very large extent); 9 = don't know (user-missing); empty = no answer
    z = u()
    if z < 0.04:
        r["q_priority"] = "9"
    elif z < 0.06:
        r["q_priority"] = ""
    else:
        v = 3.1 + lift * 4 + 0.3 * (k - 1) + 0.9 * normal()
        r["q_priority"] = str(min(5, max(1, int(round(v)))))
    z = u()
    r["q_involve"] = "9" if z < 0.05 else ("1" if z < 0.05 + 0.55 + lift + 0.08 * k else "2")
    if wave == "2021":
        r["q_climate"] = None  # not asked in 2021
    else:
        z = u()
        r["q_climate"] = "9" if z < 0.04 else ("1" if z < 0.04 + 0.62 + 0.07 * k else "2")
    # staff (full-time equivalents) working on the goals
    r["q_staff"] = "" if u() < 0.08 else "%.1f" % max(0.0, round(0.4 + 0.6 * k + 0.5 * normal(), 1))
    partners = [str(c) for c, p in zip(range(1, 6), [0.35, 0.62, 0.28, 0.71, 0.55 if s != "4" else 0.0]) if u() < p]
    r["q_partners"] = ",".join(partners)
    r["q_comment"] = COMMENTS[int(u() * len(COMMENTS))] if u() < 0.3 else ""
    return r


for wave in ("2021", "2026"):
    rows = []
    for x in units:
        if wave == "2021" and x["unit"] == "1580":
            continue  # Haram was part of Ålesund in 2021
        if u() < RESPONSE[wave][x["size_class"]]:
            rows.append(answers(x, wave))
    cols = [c for c in COLUMNS if not (wave == "2021" and c == "q_climate")]
    # 2026: ';' with a byte order mark (as Excel-minded tools write); 2021: ',' without
    delim, bom = (";", "\ufeff") if wave == "2026" else (",", "")
    with open(f"kartlegging-{wave}.csv", "w", encoding="utf-8", newline="") as f:
        f.write(bom)
        w = csv.writer(f, delimiter=delim, lineterminator="\n")
        w.writerow(cols)
        for i, r in enumerate(rows, 1):
            r["respid"] = str(i)
            w.writerow([r[c] for c in cols])
    print(wave, len(rows), "respondents of", len(units), "units")
