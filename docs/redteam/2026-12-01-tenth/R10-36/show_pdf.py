"""Print the page's text as a viewer shows it: the Tj string's bytes through the
font's /MacRomanEncoding (PDF 32000-1, Annex D)."""
import re, sys
pdf = open(sys.argv[1], "rb").read()
s = re.search(rb"Td \((.*?)\) Tj", pdf).group(1)
raw = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), s)
print(raw.decode("mac_roman"))
