"""Prints what mermaid.live and app.diagrams.net show for the diagram links in the given files."""
import base64, html, json, re, sys, urllib.parse, zlib
for path in sys.argv[1:]:
    text = html.unescape(open(path, encoding="utf-8").read())
    for b64 in set(re.findall(r"mermaid\.live/edit#pako:([A-Za-z0-9_-]+)", text)):
        state = json.loads(zlib.decompress(base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4))))
        print(f"{path}: mermaid.live: {state['code']!r}")
    for enc in set(re.findall(r"app\.diagrams\.net/#R([A-Za-z0-9%._~-]+)", text)):
        raw = zlib.decompress(base64.b64decode(urllib.parse.unquote(enc)), -15)
        print(f"{path}: diagrams.net: {urllib.parse.unquote(raw.decode())!r}")
