# Python XlsxWriter (Debian python3-xlsxwriter), constant_memory, reading the same CSV with the csv module.
# From /work/shared/bench/py_xlsx.py. Usage: py_xlsx.py big.csv out.xlsx
import csv, sys, xlsxwriter
wb = xlsxwriter.Workbook(sys.argv[2], {'constant_memory': True})
ws = wb.add_worksheet('Table')
num = wb.add_format({'num_format': '0.0'}); head = wb.add_format({'bold': True})
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    r = csv.reader(f, delimiter=';')
    hdr = next(r)
    ws.write_row(0, 0, hdr, head)
    for i, row in enumerate(r, 1):
        ws.write_string(i, 0, row[0])
        for c in range(1, len(row)):
            ws.write_number(i, c, float(row[c].replace(',', '.')), num)
wb.close()
