"""Print the workbook's rows as a spreadsheet program shows them: each cell's
shared string put in its row (xl/sharedStrings.xml holds them in the order they
were typed, first names then family names)."""
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sst = re.findall(r"<t>(.*?)</t>", z.read("xl/sharedStrings.xml").decode())
for row in re.findall(r"<row[^>]*>(.*?)</row>", z.read("xl/worksheets/sheet1.xml").decode()):
    print(" | ".join(sst[int(v)] for v in re.findall(r"<v>(\d+)</v>", row)))
