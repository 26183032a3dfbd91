"""A ``#`` line inside a multi-line string of site.toml (red team 11, R11-03).

TOML reads a line that starts with ``#`` between ``\"\"\"`` (or ``'''``) as part of
the string, not as a comment, so a ``# note to self: …`` there is printed with
the title on every page and in the feed. The same line in a note's front matter is
refused (ivsite.markdown.blockcomments); here too. tomllib keeps no positions,
so a ``#`` line counts as text when blanking it changes what the file says: a
comment never does.
"""

from __future__ import annotations

import tomllib
from typing import Any

from ..core.diagnostics import Diagnostics

_HINT = ("inside a multi-line string a '#' line is text, not a TOML comment: move it "
         "out of the string (a comment line of its own), or into a private note")


def hash_lines(text: str, parsed: dict[str, Any]) -> list[int]:
    """The 1-based lines of ``text`` (read as ``parsed``) that start with ``#`` and
    are part of a value."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("#"):
            continue
        try:
            again = tomllib.loads("\n".join([*lines[:i], "", *lines[i + 1:]]))
        except tomllib.TOMLDecodeError:
            again = None
        if again != parsed:
            out.append(i + 1)
    return out


def string_comments(path: str, text: str, parsed: dict[str, Any], diags: Diagnostics) -> bool:
    """An error (``comment-in-settings``) for each ``#`` line inside a string; whether any."""
    found = hash_lines(text, parsed)
    for n in found:
        diags.error(path, n, 1, "comment-in-settings",
                    "this '#' line is inside a multi-line string, where it is text: it "
                    "would be printed as part of the value", _HINT)
    return bool(found)
