"""Print each document's text as Word shows it by default (Simple Markup / No
Markup): tracked deletions and moved-from text hidden, hidden text (w:vanish)
not shown, a field shown by its result, not its code."""
import re, sys, zipfile
for f in sys.argv[1:]:
    xml = zipfile.ZipFile(f).read("word/document.xml").decode()
    xml = re.sub(r"<w:(del|moveFrom)\b.*?</w:\1>", "", xml, flags=re.S)
    xml = re.sub(r"<w:r>(?:(?!</w:r>).)*<w:vanish/>.*?</w:r>", "", xml, flags=re.S)
    print(f, "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))
