"""Decode the text of a Chromium PDF: Identity-H glyph ids through the ToUnicode CMap."""
import re, sys, zlib
d = open(sys.argv[1], 'rb').read()
streams = []
for m in re.finditer(rb'stream\r?\n(.*?)endstream', d, re.S):
    try: streams.append(zlib.decompress(m.group(1)))
    except Exception: pass
cmap = {}
for s in streams:
    if b'beginbfchar' in s or b'beginbfrange' in s:
        for blk in re.findall(rb'beginbfchar(.*?)endbfchar', s, re.S):
            for a, b in re.findall(rb'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', blk):
                cmap[int(a, 16)] = bytes.fromhex(b.decode()).decode('utf-16-be')
        for blk in re.findall(rb'beginbfrange(.*?)endbfrange', s, re.S):
            for a, b, c in re.findall(rb'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', blk):
                base = int(bytes.fromhex(c.decode()).decode('utf-16-be') and c, 16)
                for i, g in enumerate(range(int(a, 16), int(b, 16) + 1)):
                    cmap[g] = chr(base + i)
out = []
for s in streams:
    for h in re.findall(rb'<([0-9A-Fa-f]{4,})>\s*Tj', s):
        h = h.decode()
        out.append(''.join(cmap.get(int(h[i:i+4], 16), '?') for i in range(0, len(h), 4)))
print(' '.join(out))
