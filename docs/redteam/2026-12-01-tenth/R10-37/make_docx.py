"""A minimal .docx whose paragraph reads, with tracked changes shown as Word's
default "Simple Markup" view does (deletions hidden), "Notes from my chat with
Quentin Zabrowski." The family name holds a tracked deletion: Zab|<del>ro</del>|rowski
typed as a correction."""
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
body = ('<w:p><w:r><w:t xml:space="preserve">Notes from my chat with Quentin Zab</w:t></w:r>'
        '<w:del w:id="1" w:author="Tess" w:date="2026-03-01T10:00:00Z"><w:r><w:delText>or</w:delText></w:r></w:del>'
        '<w:r><w:t>rowski.</w:t></w:r></w:p>')
doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}</w:body></w:document>'
ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct); z.writestr("_rels/.rels", rels); z.writestr("word/document.xml", doc)
