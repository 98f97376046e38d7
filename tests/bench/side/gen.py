#!/usr/bin/python3
"""Side-by-side benchmark inputs in DIR (from the product side's /work/shared/bench/gen.py, same seed and text):
big.csv (1M x 10, Nordic: ';' and decimal comma) with annex.yaml, and longN.md/.json/.yaml for N = 500, 1000,
2000 pages (N/500 x 260 sections of 6 paragraphs and a 30-row table; the .json is ReportLab's twin)."""
import json, os, random, sys
d = sys.argv[1]; rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
os.makedirs(d, exist_ok=True)
with open(f'{d}/big.csv', 'w') as f:
    f.write('Region;V1;V2;V3;V4;V5;V6;V7;V8;V9\n')
    for i in range(rows):
        f.write('K%07d;' % i + ';'.join('%d,%d' % ((i*7+c*13) % 10000 // 10, (i*7+c*13) % 10) for c in range(1, 10)) + '\n')
random.seed(7)
words = "kommunene og fylkeskommunene har ansvar for tjenester som barnehager skoler helse omsorg vann avløp arealplanlegging klima bærekraft målene nås lokalt økende andel fornybar energi i Trøndelag Østlandet".split()
def sent(n=12): return ' '.join(random.choice(words) for _ in range(n)).capitalize() + '.'
base = []
for s in range(100):
    paras = [' '.join(sent() for _ in range(6)) for _ in range(6)]
    rows_ = [('Kommune %d' % (r+1), *(round(random.uniform(0, 100), 1) for _ in range(3))) for r in range(30)]
    base.append((f'Seksjon {s+1}', paras, rows_))
for pages in (500, 1000, 2000):
    n = 260 * pages // 500
    secs = [(t + '.' + str(k), p, r) for k in range(n // 100 + 1) for t, p, r in base][:n]
    json.dump(secs, open(f'{d}/long{pages}.json', 'w'))
    with open(f'{d}/long{pages}.md', 'w') as f:
        for t, paras, rows_ in secs:
            f.write(f'## {t}\n\n')
            for p in paras: f.write(p + '\n\n')
            f.write(f'Tabell for {t}\n\n| Kommune | 2021 | 2022 | 2023 |\n|---|---:|---:|---:|\n')
            for r in rows_: f.write('| %s | %s | %s | %s |\n' % (r[0], *[str(x).replace('.', ',') for x in r[1:]]))
            f.write('\n')
    open(f'{d}/long{pages}.yaml', 'w').write(f'title: Long report benchmark\nlanguage: nb\nchapters:\n  - title: Lang tekst\n    source: {{ plugin: markdown, file: long{pages}.md }}\noutputs:\n  - {{ format: pdf, file: long{pages}.pdf }}\n')
open(f'{d}/annex.yaml', 'w').write('title: Annex benchmark\nlanguage: en\nchapters:\n  - title: Large table\n    source: { plugin: csv, file: big.csv, caption: "One million rows", source: generated }\noutputs:\n  - { format: xlsx, file: annex.xlsx }\n')
