"""Writes photo.png as ImageMagick (convert photo.jpg photo.png) writes a photo's EXIF: a zTXt
chunk "Raw profile type exif" holding the EXIF block as hex text. The EXIF says who is in
the picture (ImageDescription, Artist and the Windows XPSubject field exiftool and Explorer show)."""
import struct, sys, zlib
OUT = (sys.argv[1] + "/") if len(sys.argv) > 1 else ""


def tiff_exif(entries):
    # little-endian TIFF, one IFD; entries: list of (tag, type, bytes)
    n = len(entries)
    data_off = 8 + 2 + n * 12 + 4
    ifd, blob = b"", b""
    for tag, typ, value in entries:
        count = len(value) if typ in (1, 2, 7) else len(value) // 2
        if len(value) <= 4:
            ifd += struct.pack("<HHI", tag, typ, count) + value.ljust(4, b"\0")
        else:
            ifd += struct.pack("<HHII", tag, typ, count, data_off + len(blob))
            blob += value + (b"\0" if len(value) % 2 else b"")
    return b"II*\0" + struct.pack("<I", 8) + struct.pack("<H", n) + ifd + b"\0\0\0\0" + blob


exif = b"Exif\0\0" + tiff_exif([
    (0x010E, 2, b"QQPNG Quentin Zabrowski at his desk, Acme\0"),   # ImageDescription
    (0x013B, 2, b"Quentin Zabrowski\0"),                              # Artist
])
hexed = exif.hex()
profile = "\nexif\n%8d\n" % len(exif) + "\n".join(hexed[i:i + 72] for i in range(0, len(hexed), 72)) + "\n"


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


w = h = 8
raw = b"".join(b"\0" + b"\x80\x90\xa0" * w for _ in range(h))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
       + chunk(b"zTXt", b"Raw profile type exif\0\0" + zlib.compress(profile.encode("latin-1")))
       + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
open(OUT + "photo.png", "wb").write(png)
