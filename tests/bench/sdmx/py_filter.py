#!/usr/bin/python3
"""The same work as sdgreport_sdmx_bench, with Python's csv module: read an SDMX-CSV
file as a stream, keep the rows of one SERIES (as lists of their cells), print the
rows kept, the seconds and the peak RSS.

    py_filter.py FILE.csv SI_POV_DAY1
"""
import csv
import resource
import sys
import time

start = time.monotonic()
kept = []
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    r = csv.reader(f)
    header = next(r)
    col = header.index("SERIES")
    for row in r:
        if row[col] == sys.argv[2]:
            kept.append(row)
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"python csv: {len(kept)} rows kept, {time.monotonic() - start:.2f} s, peak RSS {peak_mb:.1f} MB")
