"""List a ZIP's member names as Windows Explorer or 7-Zip shows them on a
Japanese (cp932) or Russian (cp866) system: names without the UTF-8 flag are in
the OEM code page (Python's zipfile decodes them as cp437)."""
import sys, zipfile
for f in sys.argv[1:]:
    cp = "cp932" if "-ja" in f else "cp866"
    for info in zipfile.ZipFile(f).infolist():
        print(f, info.filename.encode("cp437").decode(cp))
