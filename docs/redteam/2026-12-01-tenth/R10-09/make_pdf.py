import zlib, sys
text = sys.argv[2] if len(sys.argv) > 2 else "Quentin Zabrowski"
out = sys.argv[1]
content = f"BT /F1 24 Tf 72 700 Td ({text}) Tj ET\n".encode()
cols = 8
pad = (-len(content)) % cols
content += b" " * pad
rows = [content[i:i+cols] for i in range(0, len(content), cols)]
enc = b""
prev = bytes(cols)
for r in rows:
    enc += b"\x02" + bytes((r[j] - prev[j]) % 256 for j in range(cols))
    prev = r
data = zlib.compress(enc)
objs = [
 b"<< /Type /Catalog /Pages 2 0 R >>",
 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
 b"<< /Length %d /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns %d >> >>\nstream\n" % (len(data), cols) + data + b"\nendstream",
 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]
pdf = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs)+1)
for o in offs: pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs)+1, x)
open(out, "wb").write(pdf)
