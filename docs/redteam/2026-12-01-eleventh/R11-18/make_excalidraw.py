"""Writes journey.svg and journey.png as Excalidraw exports them with "Embed scene" on:
the scene (every element, deleted ones included) deflated, as a byte string in JSON, in base64."""
import base64, json, os, struct, sys, zlib
OUT = (sys.argv[1] + "/") if len(sys.argv) > 1 else ""

scene = {
    "type": "excalidraw", "version": 2, "source": "https://excalidraw.com",
    "elements": [
        {"id": "a1", "type": "text", "x": 10, "y": 20, "text": "Sign-up flow", "isDeleted": False},
        {"id": "a2", "type": "text", "x": 10, "y": 60,
         "text": "QQEXC notes from Quentin Zabrowski, call him on +1 416 555 0199",
         "isDeleted": True},
    ],
    "appState": {"viewBackgroundColor": "#ffffff"}, "files": {},
}
deflated = zlib.compress(json.dumps(scene).encode("utf-8"))
meta = json.dumps({"version": "1", "encoding": "bstring", "compressed": True,
                   "encoded": deflated.decode("latin-1")})
payload = base64.b64encode(meta.encode("utf-8")).decode("ascii")

svg = f"""<svg version="1.1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" width="200" height="80">
  <!-- svg-source:excalidraw -->
  <metadata>
    <!-- payload-type:application/vnd.excalidraw+json --><!-- payload-version:2 --><!-- payload-start -->{payload}<!-- payload-end -->
  </metadata>
  <rect x="0" y="0" width="200" height="80" fill="#ffffff"/>
  <text x="10" y="30" font-family="Virgil, sans-serif" font-size="20">Sign-up flow</text>
</svg>
"""
open(OUT + "journey.svg", "w").write(svg)

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
w, h = 4, 4
raw = b"".join(b"\x00" + b"\xff\xff\xff" * w for _ in range(h))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
       + chunk(b"tEXt", b"application/vnd.excalidraw+json\x00" + meta.encode("latin-1", "backslashreplace"))
       + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
open(OUT + "journey.png", "wb").write(png)
