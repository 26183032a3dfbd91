"""Print a JPEG's EXIF text fields as Windows Explorer shows them (Properties >
Details: Authors, Title): ASCII-type fields decoded with the system's ANSI code
page, cp932 on a Japanese system (photo.jpg), cp1251 on a Russian one
(photo-ru.jpg). (Both: an 8x8 JPEG from Pillow with an APP1 EXIF segment whose
text fields hold those bytes, as local camera and photo software writes them.)"""
import struct, sys
data = open(sys.argv[1], "rb").read()
i = data.index(b"Exif\x00\x00") + 6; t = data[i:]
n = struct.unpack("<H", t[8:10])[0]
for k in range(n):
    tag, typ, cnt, off = struct.unpack("<HHII", t[10 + 12 * k:22 + 12 * k])
    if typ == 2:
        print(hex(tag), t[off:off + cnt].rstrip(b"\x00").decode("cp1251" if "-ru" in sys.argv[1] else "cp932"))
