"""Read the ZIP as a streaming reader does (local headers one after another, as
`jar x < file`, Java's ZipInputStream or a browser-side unzip of a download
stream do) and print each entry."""
import struct, sys, zlib
data = open(sys.argv[1], "rb").read(); p = 0
while data[p:p+4] == b"PK\x03\x04":
    _, _, flags, method, _, _, crc, csize, usize, nlen, xlen = struct.unpack("<IHHHHHIIIHH", data[p:p+30])
    name = data[p+30:p+30+nlen].decode(); body = data[p+30+nlen+xlen:p+30+nlen+xlen+csize]
    text = zlib.decompress(body, -15) if method == 8 else body
    print(name, text.decode(errors="replace"))
    p += 30 + nlen + xlen + csize
