#!/usr/bin/env python3
"""Writes the seed corpora tests/fuzz/corpus/<target>/ from the repository's own
sample and test files (small ones, cut to a few KB), with the option bytes each
target reads first (see the header comment of each fuzz_<target>.cpp).

  tests/fuzz/make_corpus.py [SDGREPORT]   # SDGREPORT: a built CLI, for the JSON model seeds

Rerun it when the sample files change; the output is deterministic.
"""
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus"
MAX = 4096  # bytes of file text per seed: libFuzzer mutates small inputs fastest


def cut(data: bytes) -> bytes:
    """The first MAX bytes, ending at a line end when possible."""
    if len(data) <= MAX:
        return data
    end = data.rfind(b"\n", 0, MAX)
    return data[: end + 1 if end > 0 else MAX]


def put(target: str, name: str, data: bytes) -> None:
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def read(rel: str) -> bytes:
    return cut((ROOT / rel).read_bytes())


def main() -> None:
    for rel in ["samples/vsr-norway/report.yaml", "samples/vsr-norway-nb/report.yaml",
                "samples/plugin-example/report/report.yaml", "tests/data/each/report.yaml",
                "tests/data/hostile/report.yaml"]:
        put("definition", rel.replace("/", "_"), read(rel))

    md = ["samples/vsr-norway/text/goals/goal-07.md", "samples/vsr-norway/text/highlights.md",
          "samples/vsr-norway/text/annex/survey.md", "samples/vsr-norway/text/means.md",
          "samples/vsr-norway-nb/text/hovedbudskap.md", "tests/data/hostile/hostile.md",
          "samples/vsr-norway/data/open-sdg/meta/7-2-1.md"]
    for i, rel in enumerate(md):
        put("markdown", rel.replace("/", "_"), bytes([i % 2]) + read(rel))

    # csv: delimiter (0 = detect), encoding, header, number style, shape kind and
    # three column picks, chart flags; then the file.
    csvs = [("tests/data/csv-nordic/stavanger-nasjonale-prover.csv", [0, 0, 1, 0, 1, 0, 1, 2, 0]),
            ("samples/vsr-norway/data/stavanger/nasjonale-prover-regning-5-trinn.csv", [1, 0, 1, 0, 0, 0, 0, 0, 3]),
            ("samples/plugin-example/report/data/survey-2026.csv", [0, 0, 1, 0, 2, 0, 0, 0, 0x81]),
            ("tests/data/each/municipalities.csv", [0, 1, 0, 3, 0, 0, 0, 0, 0x18]),
            ("tests/data/open-sdg/canada/data/indicator_16-1-3.csv", [2, 0, 1, 0, 5, 0, 1, 3, 7])]
    for rel, opts in csvs:
        put("csv", rel.replace("/", "_"), bytes(opts) + read(rel))

    # opensdg: flags (1 front matter, 2 chart, 4 assess), metadata, "~~~~", CSV.
    pairs = [("tests/data/open-sdg/canada/meta/16-1-3.yml", "tests/data/open-sdg/canada/data/indicator_16-1-3.csv", 6),
             ("samples/vsr-norway/data/open-sdg/meta/7-2-1.md", "samples/vsr-norway/data/open-sdg/data/indicator_7-2-1.csv", 7),
             ("samples/vsr-norway/data/open-sdg/meta/1-2-1.yml", "samples/vsr-norway/data/open-sdg/data/indicator_1-2-1.csv", 2),
             ("samples/vsr-norway/data/open-sdg/meta/17-6-1.yml", "samples/vsr-norway/data/open-sdg/data/indicator_17-6-1.csv", 4),
             (None, "tests/data/open-sdg/schleswig-holstein/data/indicator_1-2-1.csv", 4),
             (None, "tests/data/open-sdg/uk-ons/data/indicator_3-3-5.csv", 6),
             (None, "tests/data/open-sdg/usa/data/indicator_16-1-3.csv", 2)]
    for meta, csv, flags in pairs:
        body = (read(meta) + b"\n~~~~\n" if meta else b"") + read(csv)
        put("opensdg", csv.replace("/", "_"), bytes([flags]) + body)

    # jsonstat: rows pick, columns pick, flags; then the file (whole: JSON cut short
    # is only a syntax error).
    for i, rel in enumerate(["samples/vsr-norway/data/ssb/elektrisitet-fylker.json", "tests/data/json-stat/oecd-canada.json",
                             "tests/data/json-stat/galicia.json", "tests/data/each/fornybar-kommuner.json"]):
        put("jsonstat", rel.replace("/", "_"), bytes([0, 1, i]) + (ROOT / rel).read_bytes())

    # sdmx: flags (1 wide, 2 chart, 4 labels both, 8 filter SEX=_T, 16 structure); then the file.
    sdmx = [("tests/data/sdmx/open-sdg-sdg-build/structure/1-1-1--structure.xml", 0x0a),
            ("tests/data/sdmx/open-sdg-sdg-build/structure-specific/1-1-1--structure-specific.xml", 0x03),
            ("tests/data/sdmx/bis-pysdmx/sdmx10/data_v1.csv", 0x00),
            ("tests/data/sdmx/bis-pysdmx/sdmx20/data_v2.csv", 0x01),
            ("tests/data/sdmx/bis-pysdmx/sdmx20/csv_labels_both.csv", 0x04),
            ("tests/data/sdmx/bis-pysdmx/sdmx21-xml/estat_data.xml", 0x02),
            ("tests/data/sdmx/hand-written/sdg-structure-extract.xml", 0x10)]
    for rel, flags in sdmx:
        put("sdmx", rel.replace("/", "_"), bytes([flags]) + read(rel))
    # px: rows pick, columns pick, flags, language byte; then the file (the small
    # ones whole, the big ones cut to MAX bytes: a cut PX file is still mostly read).
    pxs = [("tests/data/px/CONTVARIABLE.px", [0, 2, 1, 0], False), ("tests/data/px/TUX01.px", [0, 1, 0x21, 0x81], False),
           ("tests/data/px/BEXSTA_windows_1252.px", [2, 3, 0, 0x80], True),
           ("tests/data/px/Transmengde.px", [1, 4, 8, 0], True)]
    for rel, opts, big in pxs:
        put("px", rel.replace("/", "_"), bytes(opts) + (read(rel) if big else (ROOT / rel).read_bytes()))

    # json_model: the JSON writer's output for the sample report: the whole document
    # when small, and its small chapters as sections.
    if len(sys.argv) > 1:
        import json
        with tempfile.TemporaryDirectory() as tmp:
            report = ROOT / "samples/vsr-norway/report.yaml"
            subprocess.run([sys.argv[1], "-q", "build", str(report), "--format", "json", "-o", tmp],
                           check=True, cwd=report.parent, env={"SOURCE_DATE_EPOCH": "1781481600", "PATH": "/usr/bin:/bin"})
            for j in sorted(pathlib.Path(tmp).rglob("*.json")):
                text = j.read_bytes()
                doc = json.loads(text)
                sections = [c for c in doc.get("chapters", []) if len(json.dumps(c)) <= 8 * 1024]
                if len(text) <= 64 * 1024:
                    put("json_model", "doc_" + j.name, b"\x00" + text)
                else:  # the document with its first small chapters only
                    small = dict(doc, chapters=sections[:2])
                    put("json_model", "doc_small_" + j.name, b"\x00" + json.dumps(small, ensure_ascii=False).encode())
                for i, ch in enumerate(sections[:6]):
                    put("json_model", f"section_{j.stem}_{i}.json", b"\x01" + json.dumps(ch, ensure_ascii=False).encode())

if __name__ == "__main__":
    main()
