"""A Chinese name in both its written forms: ``王晓明`` in Simplified characters
(mainland China, Singapore) is ``王曉明`` in Traditional ones (Taiwan, Hong
Kong, Macau), and a reader takes either for the same name. So each form of a
name with Han characters is looked for (see :func:`ivsite.names.nameforms.name_forms`);
their pinyin is the same, which is how the two are one person for consent
(:func:`ivsite.names.identity.person_keys`).

Why OpenCC: it is the maintained converter (its dictionaries are kept up to date
by their authors, phrase by phrase, with the regional variants of Taiwan and
Hong Kong), ships them inside its wheel and is Apache-licensed; a character
table of our own would miss the characters whose form depends on the word. It
loads its dictionaries on first use (about half a second), which only a site
with a Han name pays.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
CONVERSIONS = ("s2t", "t2s", "s2tw", "s2hk")
"""Simplified to Traditional (generic, Taiwan, Hong Kong) and back."""


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


def other_forms(name: str) -> list[str]:
    """``name`` in the other written forms of its Han characters (none if it has
    none, or they are written the same in every form)."""
    if not _HAN.search(name):
        return []
    out: list[str] = []
    for conversion in CONVERSIONS:
        converted = _converter(conversion).convert(name)
        if converted != name and converted not in out:
            out.append(converted)
    return out


@functools.cache
def _converter(conversion: str) -> _Converter:
    import opencc  # here: only a site with a Han name loads the dictionaries

    converter: _Converter = opencc.OpenCC(f"{conversion}.json")
    return converter
