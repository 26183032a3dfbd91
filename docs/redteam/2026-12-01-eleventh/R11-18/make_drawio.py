"""Writes flow.drawio.svg as diagrams.net exports it ("Include a copy of my diagram", on by
default): the drawn page as SVG, and the whole diagram file, every page, compressed
(encodeURIComponent, raw deflate, base64) in the svg's content attribute."""
import base64, html, sys, urllib.parse, zlib
OUT = (sys.argv[1] + "/") if len(sys.argv) > 1 else ""


def page(cells):
    xml = ('<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>' + "".join(
        f'<mxCell id="c{i}" value="{html.escape(v)}" style="rounded=1;" vertex="1" parent="1">'
        f'<mxGeometry x="20" y="{20 + 60 * i}" width="160" height="40" as="geometry"/></mxCell>'
        for i, v in enumerate(cells)) + "</root></mxGraphModel>")
    quoted = urllib.parse.quote(xml, safe="~()*!.'")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.b64encode(deflate.compress(quoted.encode()) + deflate.flush()).decode()


mxfile = ('<mxfile host="app.diagrams.net" type="device">'
          f'<diagram id="p1" name="Sign-up flow">{page(["Sign-up flow", "Confirm e-mail"])}</diagram>'
          f'<diagram id="p2" name="Stakeholders">'
          f'{page(["QQDRAWIO Quentin Zabrowski (Acme), +1 416 555 0199, unhappy with the redesign"])}</diagram>'
          "</mxfile>")
svg = f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="201px" height="121px" viewBox="-0.5 -0.5 201 121" content="{html.escape(mxfile)}">
<defs/><g>
<rect x="20" y="20" width="160" height="40" rx="6" ry="6" fill="#ffffff" stroke="#000000"/>
<text x="100" y="44" fill="#000000" font-family="Helvetica" font-size="12px" text-anchor="middle">Sign-up flow</text>
<rect x="20" y="80" width="160" height="40" rx="6" ry="6" fill="#ffffff" stroke="#000000"/>
<text x="100" y="104" fill="#000000" font-family="Helvetica" font-size="12px" text-anchor="middle">Confirm e-mail</text>
</g></svg>
"""
open(OUT + "flow.drawio.svg", "w").write(svg)
