"""Other tools' tags that keep text out of a page: Liquid's and Jinja's ``{%
private %}`` and ``{% comment %}``, Hugo's shortcodes ``{{< private >}}``, forum
tags ``[private]…[/private]``. ivsite reads none of them, so where an audience
would see one (a note's body, ivsite.validate.bodyprivacy; a front matter's text,
ivsite.validate.frontmarkers) it is an error, not a switch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .markerwords import marker_word

_TEMPLATE = re.compile(r"\{%-?\s*(?:end)?\s*(\w+)(?:[^%\n]*%\})?"
                       r"|\{\{[<%]\s*/?\s*(\w+)(?:[^}\n]*\}\})?|\[/\s*(\w+)\s*\]")
"""A template tag (Liquid, Jinja), a Hugo shortcode or a BBCode-style closing tag."""
_OPENER = re.compile(r"\[\s*(\w+)\s*\]")


def markup(text: str) -> Iterator[tuple[int, str]]:
    """Template tags, shortcodes and bracket tags with a privacy word (or Liquid's
    ``comment``) in ``text`` (code left out by the caller), with the line offset
    of each; a bracket tag ``[private]`` only where its closing tag is too."""
    closers = set()
    for m in _TEMPLATE.finditer(text):
        word = next(g for g in m.groups() if g)
        if marker_word(word) or (word.casefold() == "comment" and m.group(1)):
            yield text.count("\n", 0, m.start()), m.group(0).strip()
            if m.group(3):
                closers.add(word.casefold())
    for m in _OPENER.finditer(text):
        if m.group(1).casefold() in closers:
            yield text.count("\n", 0, m.start()), m.group(0)
