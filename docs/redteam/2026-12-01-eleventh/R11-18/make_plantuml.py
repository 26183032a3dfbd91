"""Writes stakeholders.svg as PlantUML writes an SVG: the drawing, plus the diagram's source in a
<?plantuml-src …?> instruction (raw deflate, in PlantUML's own base64 alphabet), which
plantuml.com and the IDE plugins decode to edit the diagram again."""
import sys, zlib
OUT = (sys.argv[1] + "/") if len(sys.argv) > 1 else ""
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def encode(text):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = c.compress(text.encode("utf-8")) + c.flush()
    data += b"\0" * (-len(data) % 3)
    out = []
    for i in range(0, len(data), 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += [ALPHABET[(n >> s) & 63] for s in (18, 12, 6, 0)]
    return "".join(out)


source = """@startuml
actor Me
' QQPLANTUML dropped from the drawing: Quentin Zabrowski (Acme), +1 416 555 0199, blocks the redesign
rectangle "Design team" as T
Me --> T : research findings
@enduml
"""
svg = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?><svg xmlns="http://www.w3.org/2000/svg" width="220" height="90" viewBox="0 0 220 90"><?plantuml-src {encode(source)}?><g><text x="10" y="20">Me</text><rect x="100" y="40" width="110" height="40" fill="none" stroke="#000"/><text x="110" y="65">Design team</text></g></svg>
"""
open(OUT + "stakeholders.svg", "w").write(svg)
