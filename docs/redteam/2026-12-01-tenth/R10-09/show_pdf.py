"""Print what a PDF viewer draws from notes.pdf's content stream: inflate it and
undo the PNG predictor named in /DecodeParms (PDF 32000-1, 7.4.4.4)."""
import re, sys, zlib
pdf = open(sys.argv[1], "rb").read()
for m in re.finditer(rb"<<([^\n]*?/FlateDecode[^\n]*?)>>\nstream\n", pdf):
    d = m.group(1)
    n = int(re.search(rb"/Length (\d+)", d).group(1))
    raw = zlib.decompress(pdf[m.end():m.end() + n])
    cols = int(re.search(rb"/Columns (\d+)", d).group(1))
    out, prev = b"", bytes(cols)
    for i in range(0, len(raw), cols + 1):
        t, row = raw[i], bytearray(raw[i + 1:i + 1 + cols])
        for j in range(cols):
            left = row[j - 1] if j else 0
            row[j] = (row[j] + (0 if t == 0 else left if t == 1 else prev[j] if t == 2 else 0)) % 256
        out += bytes(row); prev = bytes(row)
    print(out.decode("latin-1"))
