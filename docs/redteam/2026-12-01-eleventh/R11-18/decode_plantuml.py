"""Prints the PlantUML source an SVG carries in its <?plantuml-src …?> instruction."""
import re, sys, zlib
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
for path in sys.argv[1:]:
    enc = re.search(r"<\?plantuml-src (\S+)\?>", open(path).read()).group(1)
    data = bytearray()
    for i in range(0, len(enc), 4):
        n = 0
        for ch in enc[i:i + 4]:
            n = (n << 6) | ALPHABET.index(ch)
        data += bytes([(n >> 16) & 255, (n >> 8) & 255, n & 255])
    text = zlib.decompressobj(-15).decompress(bytes(data)).decode("utf-8")
    for line in text.splitlines():
        print(f"{path}: {line}")
