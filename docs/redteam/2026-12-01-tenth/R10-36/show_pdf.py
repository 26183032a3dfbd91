"""Print the page's text as a viewer shows it: the Tj string's bytes through the
font's /MacRomanEncoding (PDF 32000-1, Annex D)."""
import re, sys
pdf = open(sys.argv[1], "rb").read()
s = re.search(rb"Td \((.*?)\) Tj", pdf).group(1)
raw = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), s)
print(raw.decode("mac_roman"))
# notes-cz.pdf: the document's /Author, a text string in PDFDocEncoding (PDF
# 32000-1, Annex D.2: 0x97 is Š, 0x99 is Ž), as Document Properties shows it.
if len(sys.argv) > 2:
    pdf2 = open(sys.argv[2], "rb").read()
    a = re.search(rb"/Author \((.*?)\)", pdf2).group(1)
    a = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), a)
    print(a.decode("latin-1").translate({0x97: "Š", 0x99: "Ž"}))
