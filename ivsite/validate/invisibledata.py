"""Invisible characters that carry text, refused where the author writes (red team
12, R12-02).

Unicode tag characters, variation selectors used as bytes and runs of zero-width
characters spell text that readers do not see but a copy, a script or a language
model reads (ivsite.text.invisibletext). No legitimate note needs them: an
emoji's selector, a flag, emoji joined by a joiner, a non-joiner in Persian and
a soft hyphen pass. The check reads a note's whole file (front matter and body),
site.toml and questions.yaml as written, so no field escapes it; a private note
is not checked (it is never published).
"""

from __future__ import annotations

from ..core.diagnostics import Diagnostics
from ..text.invisibletext import carried

HINT = ("delete the invisible characters (retype the text around this place, or "
        "paste it as plain text); an emoji, a flag, a joined emoji and a soft hyphen "
        "are fine")
MAX_REPORTED = 5
"""Places reported per file: more say nothing new."""


def invisible_data(path: str, text: str, diags: Diagnostics) -> bool:
    """Report each run of invisible characters in ``text`` (a file's whole text,
    from its first line) that carries data; whether there was one."""
    found = False
    for n, (at, what) in enumerate(carried(text)):
        if n >= MAX_REPORTED:
            break
        found = True
        line = text.count("\n", 0, at) + 1
        col = at - text.rfind("\n", 0, at)
        diags.error(path, line, col, "invisible-text",
                    f"{what} here spell text that readers do not see (but a copy, a "
                    "script or a language model reads), which ivsite cannot check for "
                    "names or withheld text", HINT)
    return found
