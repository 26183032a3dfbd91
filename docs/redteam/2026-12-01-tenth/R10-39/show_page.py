"""Print what a browser draws of card.html: the div's declarative shadow root
(<template shadowrootmode="open">, Chrome 111+, Firefox 123+, Safari 16.4+)
replaces its children on screen; each <slot name=…> shows the light-DOM element
with that slot attribute, and light-DOM text assigned to no slot is not drawn."""
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
shadow = re.search(r'<template shadowrootmode="open">(.*?)</template>', page, re.S).group(1)
light = dict(re.findall(r'<span slot="(\w+)">([^<]*)</span>', page))
drawn = re.sub(r'<slot name="(\w+)"></slot>', lambda m: light.get(m.group(1), ""), shadow)
print(re.sub(r"<[^>]+>", "", drawn))
# thanks.html: a table's header group is drawn first and its footer group last,
# wherever they stand in the source (CSS 2.1, 17.2: table-header-group,
# table-footer-group).
if len(sys.argv) > 2:
    t = open(sys.argv[2], encoding="utf-8").read()
    part = lambda tag: re.sub(r"<[^>]+>", "", re.search(rf"<{tag}>(.*?)</{tag}>", t, re.S).group(1))
    print(" / ".join(part(g) for g in ("thead", "tbody", "tfoot")))
