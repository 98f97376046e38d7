#!/usr/bin/python3
"""Writes the stress document as a model JSON (sdgreport render MODEL.json).

Long words and URLs, a 300-row table, a 14-column table, nested lists, a quote,
30 charts (line, column, bar; negative values; long category labels) and enough
sections for a contents list of more than one page. Chapters are not goal
chapters, so every block sits inside the text area (goal chapters bleed their
band to the page edge by design).

Usage: gen_stress.py OUT.json
"""
import json
import math
import sys


def text(s):
    return {"t": "text", "text": s}


def para(*runs):
    return {"type": "paragraph", "content": [text(r) if isinstance(r, str) else r for r in runs]}


def section(title, blocks, sections=(), goal=None):
    return {"title": title, "id": "", "numbered": True, "goal": goal, "targets": [],
            "blocks": list(blocks), "sections": list(sections)}


LONG = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
URL = "https://www.example.org/" + "/".join(["statistikkbanken-tabell-09817-kommunefordelt"] * 5)
LOREM = ("Kommunene og fylkeskommunene har ansvar for mange av tjenestene som bestemmer om målene nås: "
         "barnehager og skoler, helse og omsorg, vann og avløp, arealplanlegging og lokal klimainnsats. ")


def chart(i):
    kind = ["line", "column", "bar"][i % 3]
    n = 6 + i % 7
    cats = [str(2010 + k) for k in range(n)] if kind != "bar" else \
        [f"Region med et svært langt navn nummer {k + 1}" for k in range(n)]
    series = []
    for s in range(1 + i % 3):
        vals = [round(50 * math.sin((k + s + i) / 2.0) + (10 * s if i % 4 else -20), 1) for k in range(n)]
        if i % 5 == 0:
            vals[1] = None
        series.append({"name": f"Serie {s + 1}", "unit": "%", "values": vals})
    return {"type": "chart", "kind": kind, "id": f"chart-{i}", "title": f"Diagram {i + 1}: utvikling i indikator {i % 17 + 1}",
            "indicator": "", "categories": cats, "series": series,
            "alt": f"Diagram {i + 1} ({kind}) med {len(series)} serier over {n} kategorier.", "source": "Stresstest"}


def main(out):
    long_table = {
        "type": "table", "id": "long", "caption": "Tre hundre rader", "indicator": "",
        "columns": [{"label": "Kommune", "type": "text", "unit": "", "decimals": 0},
                    {"label": "Innbyggere", "type": "number", "unit": "", "decimals": 0},
                    {"label": "Andel fornybar", "type": "number", "unit": "%", "decimals": 1},
                    {"label": "Merknad", "type": "text", "unit": "", "decimals": 0}],
        "rows": [[{"text": f"Rad {r:03d}"}, {"number": 1000 + r * 137.0},
                  {"number": (r * 7.3) % 100} if r % 11 else {"empty": True, "status": "not_available"},
                  {"text": LONG if r % 50 == 0 else "ok"}] for r in range(1, 301)],
        "source": "Stresstest"}
    wide = {
        "type": "table", "id": "wide", "caption": "Fjorten kolonner", "indicator": "",
        "columns": [{"label": "Fylke", "type": "text", "unit": "", "decimals": 0}] +
                   [{"label": f"Indikator {c} med lang overskrift", "type": "number", "unit": "GWh", "decimals": 1}
                    for c in range(1, 14)],
        "rows": [[{"text": f"Fylke {r} – {LONG[: 10 + r * 3]}"}] +
                 [{"number": 123456.7 * (r + 1) / (c + 1)} for c in range(13)] for r in range(12)],
        "source": "Stresstest"}
    words = section("Lange ord og adresser", [
        para(LOREM, LONG + LONG + " ", LOREM),
        para("En lang adresse: ", {"t": "link", "url": URL, "children": [text(URL)]}, ". " + LOREM),
        para(LONG * 4),
        {"type": "list", "ordered": True, "start": 1, "items": [
            [para(LOREM + LONG)],
            [para(LOREM), {"type": "list", "ordered": False, "start": 1, "items": [[para(LONG * 2)], [para(LOREM)]]}],
        ]},
        {"type": "quote", "blocks": [para("«" + LONG + " – " + LOREM + "»")]},
    ] + [para(LOREM * 3) for _ in range(8)])
    chapters = [
        section("Tekst", [para(LOREM * 2)], [words]),
        section("Tabeller", [para(LOREM)], [section("Lang tabell", [long_table]),
                                            section("Bred tabell", [wide])]),
        section("Diagrammer", [para(LOREM)],
                [section(f"Diagramseksjon {i + 1}", [chart(i), para(LOREM)], goal=(i % 17) + 1 if i % 2 else None)
                 for i in range(30)]),
        section("Mange seksjoner", [para(LOREM)],
                [section(f"Underseksjon med en ganske lang tittel som må brytes over to linjer i innholdslisten, del {i + 1}",
                         [para(LOREM)]) for i in range(30)]),
    ]
    doc = {"sdgreport_model": 1,
           "meta": {"title": "Stresstest for PDF-formatet", "subtitle": "Lange ord, store tabeller, mange diagrammer",
                    "organisation": "sdgreport", "authors": [], "language": "nb", "date": "2026-06-15",
                    "edition": "", "keywords": []},
           "chapters": chapters}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
