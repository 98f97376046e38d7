# ReportLab (Debian python3-reportlab) twin of the long report: same sections, paragraphs and tables, untagged.
# From the product side's /work/shared/bench/py_pdf.py. Usage: py_pdf.py longN.json out.pdf
import json, sys
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib import colors
pdfmetrics.registerFont(TTFont('DejaVu','/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))
pdfmetrics.registerFont(TTFont('DejaVuB','/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'))
ss=getSampleStyleSheet()
body=ss['BodyText']; body.fontName='DejaVu'; body.fontSize=10; body.leading=14
h=ss['Heading2']; h.fontName='DejaVuB'
sections=json.load(open(sys.argv[1]))
story=[Paragraph('Lang tekst', ss['Heading1'])]
for t,paras,rows in sections:
    story.append(Paragraph(t,h))
    for p in paras: story.append(Paragraph(p, body))
    story.append(Paragraph('Tabell for '+t, body))
    data=[['Kommune','2021','2022','2023']]+[[r[0]]+[('%.1f'%x).replace('.',',') for x in r[1:]] for r in rows]
    tb=Table(data, repeatRows=1)
    tb.setStyle(TableStyle([('FONT',(0,0),(-1,-1),'DejaVu',9),('FONT',(0,0),(-1,0),'DejaVuB',9),('ALIGN',(1,0),(-1,-1),'RIGHT'),('LINEBELOW',(0,0),(-1,0),0.5,colors.black)]))
    story.append(tb); story.append(Spacer(1,8))
SimpleDocTemplate(sys.argv[2], pagesize=A4).build(story)
