"""Inflates every zlib stream at any offset of the given files and prints the ones
that hold the canary (exit 0 when found)."""
import sys, zlib
hit = False
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    for i in range(len(data) - 2):
        if data[i] == 0x78 and data[i + 1] in (0x01, 0x5e, 0x9c, 0xda):
            try:
                out = zlib.decompressobj().decompress(data[i:])
            except zlib.error:
                continue
            text = out.decode("latin-1") + out.decode("utf-16-be", "ignore")
            if "Zabrowski" in text:
                print(f"{path}: offset {i}: {'Quentin Zabrowski' if 'Quentin Zabrowski' in text else 'Zabrowski'}")
                hit = True
sys.exit(0 if hit else 1)
