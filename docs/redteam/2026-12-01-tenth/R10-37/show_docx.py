"""Print the document's text as Word shows it by default (Simple Markup / No
Markup: tracked deletions hidden, insertions shown)."""
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
xml = re.sub(r"<w:del\b.*?</w:del>", "", xml, flags=re.S)
print("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))
