"""A ZIP whose central directory lists only readme.txt; a first local entry,
notes.txt (deflated), is in the file but not in the directory: streaming readers
(Java's ZipInputStream, `bsdtar -xf - < file`, Go's archive/zip streaming readers)
extract it; readers of the central directory do not see it."""
import io, struct, sys, zlib, zipfile
def deflate(b):
    c = zlib.compressobj(9, zlib.DEFLATED, -15); return c.compress(b) + c.flush()
hidden = b"Interview notes: Quentin Zabrowski, designer at Acme. Cell +1 416 555 0142.\n"
comp = deflate(hidden)
lh = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, 0, 0, zlib.crc32(hidden), len(comp), len(hidden), 9, 0) + b"notes.txt" + comp
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("readme.txt", "Portfolio files.\n")
data = buf.getvalue()
# shift the real archive behind the hidden entry: fix the central directory offsets
cd_off = struct.unpack("<I", data[-6:-2])[0]
shift = len(lh)
out = bytearray(lh + data)
# central directory header's local header offset at +42
p = shift + cd_off
out[p+42:p+46] = struct.pack("<I", struct.unpack("<I", out[p+42:p+46])[0] + shift)
out[-6:-2] = struct.pack("<I", cd_off + shift)
open(sys.argv[1], "wb").write(out)
