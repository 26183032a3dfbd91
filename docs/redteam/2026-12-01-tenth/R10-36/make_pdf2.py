import sys
out = sys.argv[1]
# /Author in PDFDocEncoding: Ž = 0x99, Š = 0x97 (PDF 32000-1, Annex D.2)
author = b"(\\231aneta \\227olc)"
content = b"BT /F1 24 Tf 72 700 Td (Interview notes) Tj ET\n"
objs = [
 b"<< /Type /Catalog /Pages 2 0 R >>",
 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
 b"<< /Title (Notes) /Author " + author + b" >>",
]
pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"; offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(pdf)); pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs)+1)
for o in offs: pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs)+1, x)
open(out, "wb").write(pdf)
