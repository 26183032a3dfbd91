"""Writes content/files/: a WOFF font, a PNG and an MP3 whose zlib-compressed parts name an unconsented person (standard library only). Usage: make_files.py SITE_DIR"""
import sys
from pathlib import Path
files = Path(sys.argv[1]) / "content" / "files"
files.mkdir(parents=True, exist_ok=True)
sys.argv = [sys.argv[0], str(files / "harbour-sans.woff")]
import struct, zlib
def name_table(records):
    # format 0 name table, Windows platform (3), Unicode BMP (1), en-US (0x409), UTF-16BE strings
    strings = b""; recs = b""
    for nid, text in records:
        data = text.encode("utf-16-be")
        recs += struct.pack(">HHHHHH", 3, 1, 0x409, nid, len(data), len(strings))
        strings += data
    header = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    return header + recs + strings
name = name_table([(0, "Copyright 2026 the designer"), (1, "Harbour Sans"), (2, "Regular"),
                   (9, "Quentin Zabrowski"), (10, "Drawn for a student portfolio by Quentin Zabrowski")])
comp = zlib.compress(name, 9)
tables = [(b"name", comp, len(name), zlib.crc32(name))]
num = len(tables)
offset = 44 + 20 * num
body = b""; dirs = b""
for tag, data, orig, _ in tables:
    dirs += struct.pack(">4sIIII", tag, offset + len(body), len(data), orig, 0)
    body += data + b"\0" * (-len(data) % 4)
total = 44 + len(dirs) + len(body)
header = struct.pack(">4s4sIHHIHHIIIII", b"wOFF", b"\x00\x01\x00\x00", total, num, 0,
                     12 + 16 * num + sum((t[2] + 3) & ~3 for t in tables), 1, 0, 0, 0, 0, 0, 0)
open(sys.argv[1], "wb").write(header + dirs + body)
sys.argv = [sys.argv[0], str(files)]
import struct, zlib
out = Path(sys.argv[1])
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
# a minimal ICC profile: header + tag table with a 'desc' (textDescriptionType) tag
desc_text = b"Calibrated for Quentin Zabrowski\0"
desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(desc_text)) + desc_text + b"\0" * 12 + b"\0" * 70
tagtable = struct.pack(">I", 1) + struct.pack(">4sII", b"desc", 128 + 4 + 12, len(desc))
size = 128 + len(tagtable) + len(desc)
header = struct.pack(">I4sI4s4s4s12s4s4sI4s4sQI12s4s16s28s", size, b"none", 0x02100000, b"mntr",
                     b"RGB ", b"XYZ ", b"\0" * 12, b"acsp", b"APPL", 0, b"none", b"none", 0, 0,
                     b"\0" * 12, b"none", b"\0" * 16, b"\0" * 28)
icc = header + tagtable + desc
raw = b"".join(b"\0" + b"\xff\xff\xff" * 4 for _ in range(4))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
       + chunk(b"iCCP", b"display\0\0" + zlib.compress(icc)) + chunk(b"IDAT", zlib.compress(raw))
       + chunk(b"IEND", b""))
(out / "whiteboard.png").write_bytes(png)
# ID3v2.3 with a COMM frame compressed (frame flag 0x0080: 4-byte size + zlib data)
comm = b"\x00eng\x00" + b"Recorded with Quentin Zabrowski at the studio"
data = struct.pack(">I", len(comm)) + zlib.compress(comm)
frame = b"COMM" + struct.pack(">I", len(data)) + b"\x00\x80" + data
def syncsafe(n):
    return bytes([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f])
tag = b"ID3\x03\x00\x00" + syncsafe(len(frame)) + frame
(out / "jingle.mp3").write_bytes(tag + b"\xff\xfb\x90\x00" + b"\x00" * 413)
# a Windows icon holding a PNG whose zTXt chunk names the author: the same PNG alone is refused
raw = b"".join(b"\0" + b"\xff\xff\xff" * 4 for _ in range(4))
png2 = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"zTXt", b"Author\0\0" + zlib.compress(b"Quentin Zabrowski"))
        + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 4, 4, 0, 0, 1, 32, len(png2), 22) + png2
(files / "icon.ico").write_bytes(ico)
