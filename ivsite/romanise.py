"""A name as it is written in Latin letters: ``Иван Петров`` as "Ivan Petrov",
``王小明`` as "Wang Xiaoming", ``Jürgen Müller`` as "Juergen Mueller".

People with Cyrillic, Greek, Han or Hangul names are written in Latin letters in
file names, URLs and most English text, so each romanisation of a name is looked
for as well as the name (see :func:`ivsite.people.name_forms`).

Why ``anyascii``: it covers every script (Han as pinyin syllables, each
capitalised, so a Han name's syllables can be told apart), loads its tables per
Unicode block on first use (importing it costs nothing), is kept up to date and
is ISC-licensed. ``unidecode`` is GPL, which an MIT tool cannot bundle, and
``text-unidecode`` has not been updated since 2019. German umlauts have their
own spelling ("ü" as "ue") besides the plain one ("u", which folding already
gives).

A romanisation shorter than :data:`MIN_LETTERS` letters is not looked for: short
ones are common words (李娜, "Li Na", run together is "lina", a given name of
its own). Each romanisation then goes through the name rules as written
(minimum part length, particles); a Han or Hangul name gives word sequences
only, not its syllables alone.
"""

from __future__ import annotations

import re

from anyascii import anyascii

from .normalise import SPACELESS, words

MIN_LETTERS = 5
"""Fewer letters than this in a romanised name, and it is not looked for."""
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_SYLLABLE = re.compile(r"[A-Z][a-z]*|[a-z]+")


def romanised(name: str) -> list[str]:
    """Latin spellings of a name in a script written with spaces (Cyrillic,
    Greek, German umlauts …) other than its own after folding; each is a name
    with all the forms of one."""
    if name.isascii() or SPACELESS.search(name):
        return []
    own = words(name)
    out: list[str] = []
    for s in (name.translate(_UMLAUTS), anyascii(name)):
        ws = words(s)
        if ws != own and len("".join(ws)) >= MIN_LETTERS and s not in out:
            out.append(s)
    return out


def romanised_seqs(name: str) -> set[tuple[str, ...]]:
    """A Han or Hangul name in pinyin or Hangul romanisation, as word sequences:
    family and given name both ways round, the syllables apart and all run
    together ("wang xiaoming", "xiaoming wang", "wang xiao ming", "wangxiaoming").
    The family name is the first written word, or else the first syllable."""
    if not SPACELESS.search(name):
        return set()
    written = [_SYLLABLE.findall(anyascii(w).replace("'", "")) for w in name.split()]
    syllables = [s.lower() for w in written for s in w]
    if len(written) > 1:
        groups = ["".join(w).lower() for w in written if w]
    else:
        groups = [syllables[0], "".join(syllables[1:])] if len(syllables) > 1 else []
    if len(groups) < 2 or len("".join(groups)) < MIN_LETTERS:
        return set()
    return {tuple(groups), tuple(reversed(groups)), tuple(syllables), ("".join(groups),)}
