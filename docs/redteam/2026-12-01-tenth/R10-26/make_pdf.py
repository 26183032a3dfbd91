import sys
out = sys.argv[1]
# three pieces of one line, written out of reading order; Helvetica 12pt widths:
# "Notes from my chat with " starts at 72, "Quentin" at 204.5, "Zabrowski." at 250
content = (b"BT /F1 12 Tf 250 700 Td (Zabrowski.) Tj ET\n"
           b"BT /F1 12 Tf 72 700 Td (Notes from my chat with) Tj ET\n"
           b"BT /F1 12 Tf 204.5 700 Td (Quentin) Tj ET\n")
objs = [
 b"<< /Type /Catalog /Pages 2 0 R >>",
 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]
pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"; offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(pdf)); pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs)+1)
for o in offs: pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs)+1, x)
open(out, "wb").write(pdf)
