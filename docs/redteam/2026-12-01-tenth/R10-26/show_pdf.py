"""Print the page's line as a viewer draws it: each text piece where its Td puts
it (same y: one line, ordered by x)."""
import re, sys
pdf = open(sys.argv[1], "rb").read()
pieces = re.findall(rb"Td \(([^)]*)\) Tj", pdf)
pos = re.findall(rb"([\d.]+) ([\d.]+) Td \(", pdf)
line = sorted(zip((float(x) for x, _ in pos), (p.decode() for p in pieces)))
print(" ".join(t for _, t in line))
