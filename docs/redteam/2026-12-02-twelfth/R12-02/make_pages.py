"""Writes content/pages/about.md: a name and an email carried by invisible
characters (standard library only)."""
import sys
from pathlib import Path

name, mail = "Quentin Zabrowski", "qz@studionorth.example"
tags = "".join(chr(0xE0000 + ord(c)) for c in name)          # Unicode tag characters
tagmail = "".join(chr(0xE0000 + ord(c)) for c in mail)
vs = "".join(chr(0xFE00 + b) if b < 16 else chr(0xE0100 + b - 16) for b in name.encode())
bits = "".join(f"{b:08b}" for b in name.encode())
zw = "".join("\u200b" if c == "0" else "\u200c" for c in bits)   # zero-width binary
out = Path(sys.argv[1] if len(sys.argv) > 1 else ".") / "content" / "pages" / "about.md"
out.write_text(f"""---
title: About
---
Thanks to everyone I talked to{tags}.

Good conversations \U0001F600{vs} this spring.

A big thank you{zw} to all.

Email contacts welcome{tagmail}.
""", encoding="utf-8")
