"""A ZIP as Windows' "Send to > Compressed folder" writes it on a Japanese or
Russian system: member names in the OEM code page (cp932, cp866), no UTF-8 flag."""
import struct, sys, zlib
name = sys.argv[2].encode(sys.argv[3]); body = b"notes\r\n"
crc = zlib.crc32(body)
lh = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 0, 0, 0x5a21, crc, len(body), len(body), len(name), 0) + name + body
cd = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 0, 0, 0x5a21, crc, len(body), len(body), len(name), 0, 0, 0, 0, 0, 0) + name
end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 1, 1, len(cd), len(lh), 0)
open(sys.argv[1], "wb").write(lh + cd + end)
