#!/bin/sh
# N11: two gaps in ivsite.packed, each exit 0.
# (a) cv.pdf: a valid PDF 1.5 whose document information (Author) sits in a
#     compressed object stream, written as hyperref/pdfTeX write it (an octal-
#     escaped UTF-16BE string). The stream is inflated but its strings are
#     decoded only for page content, so the author is never read. pypdf reads
#     /Author 'Quentin Zabrowski'.
# (b) transcript.zip: a first member of 65 MB of spaces (66 kB packed) uses up the
#     64 MB budget; _zip then stops ("if budget.left <= 0: break") without
#     Budget.refuse, so the second member (the name and the private sentence) is
#     never read. The README says an archive that cannot be read whole is refused.
#     (This build takes about 20 s.)
# (c) chart.png: a PNG with a ZIP appended (a polyglot: it shows as a picture,
#     `unzip chart.png` gives notes.txt). unpacked() returns after the first
#     format that fits (the PNG), so the ZIP is never opened.
set -e
D=${1:-/tmp/red8/N11}; sh "$(dirname "$0")/base.sh" "$D"
python3 - "$D/content/pages" <<'PY'
import struct, sys, zipfile, zlib
d = sys.argv[1]
octs = '(' + ''.join('\\%03o' % b for b in b'\xfe\xff' + 'Quentin Zabrowski'.encode('utf-16-be')) + ')'
hdr = b"6 0 "
objstm = zlib.compress(hdr + ("<</Author " + octs + "/Producer (pdfTeX-1.40.25)>>").encode())
out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"); off = {}
def obj(n, body):
    off[n] = len(out); out.extend(b"%d 0 obj\n" % n + body + b"\nendobj\n")
obj(1, b"<</Type/Catalog/Pages 2 0 R>>")
obj(2, b"<</Type/Pages/Kids[3 0 R]/Count 1>>")
obj(3, b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>")
obj(7, b"<</Type/ObjStm/N 1/First %d/Length %d/Filter/FlateDecode>>stream\n" % (len(hdr), len(objstm)) + objstm + b"\nendstream")
xref = len(out)
rows = [(0, 0, 65535)] + [(1, off[n], 0) if n in off else (2, 7, 0) if n == 6 else (1, xref, 0) if n == 8 else (0, 0, 0) for n in range(1, 9)]
data = b"".join(struct.pack('>BIH', *r) for r in rows)
out.extend(b"8 0 obj\n<</Type/XRef/Size 9/W[1 4 2]/Root 1 0 R/Info 6 0 R/Length %d>>stream\n" % len(data) + data
           + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref)
open(d + '/cv.pdf', 'wb').write(bytes(out))
with zipfile.ZipFile(d + '/transcript.zip', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('a-transcript.txt', b' ' * (65 * 1024 * 1024))
    z.writestr('b-notes.txt', 'Notes from Quentin Zabrowski: the merger with Globex closes in May.\n')
def chunk(t, b): return struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b) & 0xffffffff)
raw = b''.join(b'\x00' + b'\x80\xc0\xff' * 16 for _ in range(16))
png = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 16, 8, 2, 0, 0, 0))
       + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
with open(d + '/chart.png', 'wb') as f:
    f.write(png)
with zipfile.ZipFile(d + '/chart.png', 'a', zipfile.ZIP_DEFLATED) as z:
    z.writestr('notes.txt', 'Notes from Quentin Zabrowski: the merger with Globex closes in May.\n' * 3)
PY
printf -- '---\ntitle: About\n---\n[CV](cv.pdf)\n\n[Transcript](transcript.zip)\n\n![Chart](chart.png)\n' > "$D/content/pages/about.md"
cd "$D" && ivsite build; echo "exit $?"
ls _site/pages/
python3 -c "import zipfile; print(zipfile.ZipFile('_site/pages/transcript.zip').read('b-notes.txt').decode())"
python3 -c "import zipfile; print(zipfile.ZipFile('_site/pages/chart.png').read('notes.txt').decode()[:70])"
