"""Prints the letters a style sheet's upper-alpha counters draw (exit 0 when a canary is drawn)."""
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
found = False
for reset in re.findall(r"counter-reset:\s*([^;]+);", text):
    pairs = re.findall(r"(c\d+)\s+(\d+)", reset)
    if not pairs:
        continue
    word = "".join(chr(64 + int(v)) for _, v in pairs)
    print(sys.argv[1], "draws:", word)
    found |= "ZABROWSKI" in word
sys.exit(0 if found else 1)
