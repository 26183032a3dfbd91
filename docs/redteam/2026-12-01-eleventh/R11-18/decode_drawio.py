"""Prints every page of the diagram a diagrams.net .svg export carries, as diagrams.net reads it."""
import base64, html, re, sys, urllib.parse, zlib
for path in sys.argv[1:]:
    content = html.unescape(re.search(r'content="([^"]*)"', open(path).read()).group(1))
    for name, data in re.findall(r'<diagram id="[^"]*" name="([^"]*)">([^<]*)</diagram>', content):
        xml = urllib.parse.unquote(zlib.decompress(base64.b64decode(data), -15).decode())
        for value in re.findall(r'value="([^"]*)"', xml):
            print(f"{path}: page {name!r}: {html.unescape(value)}")
