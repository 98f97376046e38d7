#!/usr/bin/python3
"""Writes an SDMX-CSV 2.0 file of about MB megabytes in the shape of the UN Global
SDG Database (IAEG-SDGs:SDG columns): 200 series x 250 areas x 3 sexes x years.

    gen.py OUT.csv [MB]      # default 100

Deterministic (no randomness); the series SI_POV_DAY1 is one of the 200.
"""
import sys

out, mb = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100
target = mb * 1_000_000
series = ["SI_POV_DAY1"] + [f"SG_GEN_{i:03d}" for i in range(199)]
areas = [f"{a:03d}" for a in range(4, 900, 3)][:250]
header = ("STRUCTURE,STRUCTURE_ID,ACTION,SERIES,REF_AREA,SEX,AGE,URBANISATION,REPORTING_TYPE,TIME_PERIOD,"
          "OBS_VALUE,OBS_STATUS,UNIT_MEASURE,UNIT_MULT,NATURE,LOWER_BOUND,UPPER_BOUND\n")
written = 0
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write(header)
    written += len(header)
    year = 2000
    while written < target:
        for s in series:
            for a in areas:
                for sex in ("_T", "F", "M"):
                    v = ((len(s) * 31 + int(a) * 7 + year + ord(sex[-1])) % 10000) / 100
                    status = "E" if (int(a) + year) % 11 == 0 else "A"
                    line = (f"dataflow,IAEG-SDGs:DF_SDG_GLH(1.18),I,{s},{a},{sex},_T,_T,G,{year},{v},{status},PT,0,C,"
                            f"{v * 0.9:.2f},{v * 1.1:.2f}\n")
                    f.write(line)
                    written += len(line)
        year += 1
