#!/bin/sh
# N1: a PNG with the usual pHYs/gAMA chunks and a tEXt chunk naming the person
# (what GIMP, Photoshop or exiftool write): its first 400 bytes have enough NUL
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
PY
printf -- '---\ntitle: About\n---\n![A chart](chart.png)\n\n[My notes](notes.txt)\n' > "$D/content/pages/about.md"
cd "$D" && ivsite build; echo "exit $?"
grep -c 'Quentin Zabrowski' _site/pages/chart.png _site/pages/notes.txt
