"""Writes photo.jpg: a JPEG header and end marker around 1 MB of pseudo-random bytes (fixed
seed), standing in for a photo's entropy-coded data, which is as good as random. It holds no
text: no run of three or more ASCII letters spells 'lee', 'kim' or 'ibm' in any case."""
import random, re, sys
OUT = (sys.argv[1] + "/") if len(sys.argv) > 1 else ""
rng = random.Random(1)
body = bytes(rng.getrandbits(8) for _ in range(1_000_000))
data = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + body + b"\xff\xd9"
assert not re.search(rb"(?i)(?<![a-z])(lee|kim|ibm)(?![a-z])", data)
open(OUT + "photo.jpg", "wb").write(data)
