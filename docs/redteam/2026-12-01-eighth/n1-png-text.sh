#!/bin/sh
# N1: a PNG with the usual pHYs/gAMA chunks and a tEXt chunk naming the person
# (what GIMP, Photoshop or exiftool write), a JPEG with a camera's big-endian
# EXIF (Artist, Copyright), and a .txt that opens in UTF-16: its first 400 bytes have enough NUL
# bytes at even offsets that readable._whole reads the whole file as UTF-16BE only,
# so its ASCII text is never searched. Build exits 0.
set -e
D=${1:-/tmp/red8/N1}; sh "$(dirname "$0")/base.sh" "$D"
python3 - "$D" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
w = h = 16
raw = b''.join(b'\x00' + b'\x80\xc0\xff' * w for _ in range(h))
png = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
       + chunk(b'pHYs', struct.pack('>IIB', 2835, 2835, 1)) + chunk(b'gAMA', struct.pack('>I', 45455))
       + chunk(b'tEXt', b'Author\x00Quentin Zabrowski')
       + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
open(sys.argv[1] + '/content/pages/chart.png', 'wb').write(png)
# the same root: a text file that starts in UTF-16 and goes on in UTF-8
open(sys.argv[1] + '/content/pages/notes.txt', 'wb').write(
    'Meeting notes\r\n'.encode('utf-16-le') * 12 + b'\r\nQuentin Zabrowski said the merger with Globex closes in May.\r\n')
# and a JPEG whose EXIF (as a camera plus Lightroom write it) credits the person
def ascii_(t): return t.encode() + b'\0'
entries = [(0x0100, 3, 16), (0x0101, 3, 16), (0x010f, 2, ascii_("Canon")), (0x0110, 2, ascii_("Canon EOS R6")),
           (0x0112, 3, 1), (0x011a, 5, (72, 1)), (0x011b, 5, (72, 1)), (0x0128, 3, 2),
           (0x0131, 2, ascii_("Adobe Lightroom 7.1")), (0x0132, 2, ascii_("2026:03:01 10:00:00")),
           (0x013b, 2, ascii_("Quentin Zabrowski")), (0x8298, 2, ascii_("(c) Quentin Zabrowski"))]
base = 8 + 2 + len(entries) * 12 + 4
ifd = struct.pack('>H', len(entries)); data = b''
for tag, typ, v in entries:
    if typ == 3: ifd += struct.pack('>HHIHH', tag, 3, 1, v, 0)
    elif typ == 5: ifd += struct.pack('>HHII', tag, 5, 1, base + len(data)); data += struct.pack('>II', *v)
    else: ifd += struct.pack('>HHII', tag, 2, len(v), base + len(data)); data += v
app1 = b'Exif\0\0' + b'MM\0\x2a' + struct.pack('>I', 8) + ifd + struct.pack('>I', 0) + data
open(sys.argv[1] + '/content/pages/photo.jpg', 'wb').write(b'\xff\xd8\xff\xe1' + struct.pack('>H', len(app1) + 2) + app1 + b'\xff\xd9')
PY
printf -- '---\ntitle: About\n---\n![A chart](chart.png)\n\n![Portrait](photo.jpg)\n\n[My notes](notes.txt)\n' > "$D/content/pages/about.md"
cd "$D" && ivsite build; echo "exit $?"
grep -c 'Quentin Zabrowski' _site/pages/chart.png _site/pages/photo.jpg _site/pages/notes.txt
