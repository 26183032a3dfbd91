"""Prints what the invisible characters of a file spell (exit 0 when a canary is found)."""
import sys
s = open(sys.argv[1], encoding="utf-8").read()
tags = "".join(chr(ord(c) - 0xE0000) for c in s if 0xE0020 <= ord(c) <= 0xE007E)
vs = bytes(ord(c) - 0xFE00 if ord(c) < 0xE0000 else ord(c) - 0xE0100 + 16
           for c in s if 0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF)
bits = "".join("0" if c == "\u200b" else "1" for c in s if c in "\u200b\u200c")
zw = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits) - 7, 8))
print("tag characters:", tags)
print("variation selectors:", vs.decode("utf-8", "replace"))
print("zero-width bits:", zw.decode("utf-8", "replace"))
sys.exit(0 if "Zabrowski" in tags + vs.decode("utf-8", "replace") + zw.decode("utf-8", "replace") else 1)
