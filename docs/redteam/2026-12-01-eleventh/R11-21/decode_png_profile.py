"""Prints the EXIF text of a PNG's "Raw profile type exif" chunk (hex, as ImageMagick writes it)."""
import re, struct, sys, zlib
for path in sys.argv[1:]:
    data, pos = open(path, "rb").read(), 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"zTXt" and body.startswith(b"Raw profile type"):
            keyword, rest = body.split(b"\0", 1)
            text = zlib.decompress(rest[1:]).decode("latin-1")
            exif = bytes.fromhex("".join(text.split("\n")[3:]))
            for s in re.findall(rb"[ -~]{6,}", exif):
                print(f"{path}: {keyword.decode()}: {s.decode()}")
        pos += 12 + length
