"""Letters of other scripts and symbol blocks drawn like Latin letters, mapped to
the Latin letter a reader sees: ``Jɑne`` (Latin alpha), ``ȷane`` (dotless j),
``Jaոe`` (Armenian), ``ᎫᎪNᎬ`` (Cherokee), ``ꓙꓮꓠꓰ`` (Lisu), ``ᴊᴀɴᴇ`` (small
capitals), ``🅹🅰🅽🅴`` (negative squared) and ``🇯🇦🇳🇪`` (regional indicators).

Why this data: Unicode's confusables (UTS #39, ``confusables.txt``) is the
maintained list of which characters look alike; a hand table only ever covers the
letters someone thought of. It comes through the ``confusable-homoglyphs``
package, which ships that file as a JSON graph of look-alike pairs (each pair
both ways, so a character reaches its Latin prototype in one or two steps:
``ȷ`` → ``𝚥`` → NFKC ``j``; ``ᴊ`` → ``ꭻ`` → ``Ꭻ`` → ``J``). Bundling a table
generated from ``confusables.txt`` would need a generator and a refresh routine
of our own; the package is kept up to date with Unicode releases by others.

Only letters map, and only to one ASCII letter: a character that looks like a
digit or punctuation, or like two letters, keeps its meaning as a word
separator or letter count. Symbols Unicode does not list as confusable
(negative squared/circled letters, regional indicators, small capitals and
dotless letters missing from the list) map by their code point or name, and so
do Latin letters with a bar, stroke, hook or ring that do not take apart
(``ɇ`` "LATIN SMALL LETTER E WITH STROKE", ``ʉ`` "U BAR", ``ⱺ``): by the base
letter their name gives. Modifier letters drawn as an apostrophe (``ʼ ʻ ʹ ˈ``,
what keyboards and autocorrect type in "OʼBrien") are letters to Unicode but an
apostrophe to a reader: they map to ``'``, a word separator as the apostrophe is.

The table costs about 0.2 s to build (reading the package's JSON), so it is built
once, on first use, and only for text with a non-ASCII letter or one of those
symbols in it (see :func:`ivsite.text.normalise._fold_run`); importing costs nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_STEPS = 3
"""How far through the look-alike graph a prototype is looked for (``ᴊ`` needs 3)."""
_NAMED = re.compile(r"LATIN (?:SMALL )?LETTER (?:SMALL CAPITAL|DOTLESS) ([A-Z])")
"""Small capitals and dotless letters (``ᴊ``, ``ȷ``) the list leaves out or leads
nowhere Latin (``ȷ`` is only like math ``𝚥``, which NFKC makes ``ȷ`` again)."""
_WITH = re.compile(r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) (?:WITH|BAR)\b.*")
"""A Latin letter named by its base letter and what is drawn on it."""
_NAMED_BLOCKS = ((0x0080, 0x02AF), (0x1D00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF),
                 (0xAB30, 0xAB6F), (0x1DF00, 0x1DFFF))
_LETTER_SYMBOLS = ((0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189),
                   (0x1F1E6, 0x1F1FF))
"""Squared, negative circled, negative squared Latin capitals and regional
indicators, A to Z each (NFKC takes apart only the plain circled and squared)."""
MAY_LOOK_LATIN = re.compile(
    r"[^\W\d_\x00-\x7f]|[\U0001F130-\U0001F149\U0001F150-\U0001F169"
    r"\U0001F170-\U0001F189\U0001F1E6-\U0001F1FF]")
"""A non-ASCII letter or a letter symbol: text without one needs no table."""


@functools.cache
def table() -> dict[int, str]:
    """``str.translate`` table: look-alike character to its Latin letter."""
    import json  # here, not at the top: a build without such letters never pays
    from importlib.resources import files

    data = files("confusable_homoglyphs").joinpath("confusables.json")
    graph: dict[str, list[dict[str, str]]] = json.loads(data.read_text(encoding="utf-8"))
    out: dict[int, str] = {}
    for char in graph:
        if len(char) == 1 and not char.isascii() and char.isalpha():
            latin = _prototype(char, graph)
            if latin:
                out[ord(char)] = latin
    for lo, hi in _NAMED_BLOCKS:
        for code in range(lo, hi + 1):
            name = unicodedata.name(chr(code), "")
            m = _NAMED.fullmatch(name)
            if m:
                out.setdefault(code, m.group(1).lower())
            w = _WITH.fullmatch(name)
            if w:
                out.setdefault(code, w.group(2).lower() if w.group(1) == "SMALL" else w.group(2))
    for char in graph:
        if (len(char) == 1 and char.isalpha() and ord(char) not in out
                and (unicodedata.category(char) == "Lm" or _latin(char))
                and _reaches(char, "'", graph)):
            out[ord(char)] = "'"
    for lo, hi in _LETTER_SYMBOLS:
        out.update({code: chr(ord("A") + code - lo) for code in range(lo, hi + 1)})
    return out


def _prototype(char: str, graph: dict[str, list[dict[str, str]]]) -> str:
    """The ASCII letter ``char`` is closest to in the look-alike graph ('' if none);
    of two at the same distance ('l' and 'I'), the one of ``char``'s case."""
    seen, frontier = {char}, [char]
    for _ in range(_STEPS):
        nxt = [c for f in frontier for c in _neighbours(f, graph) if c not in seen]
        latin = sorted({_ascii_letter(c) for c in nxt} - {""})
        if latin:
            same_case = [x for x in latin if x.isupper() == char.isupper()]
            return (same_case or latin)[0]
        seen.update(nxt)
        frontier = nxt
    return ""


def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN ")


def _reaches(char: str, target: str, graph: dict[str, list[dict[str, str]]]) -> bool:
    """Whether ``target`` is ``char``'s nearest ASCII look-alike."""
    seen, frontier = {char}, [char]
    for _ in range(_STEPS):
        nxt = [c for f in frontier for c in _neighbours(f, graph) if c not in seen]
        ascii_near = {c for c in nxt if len(c) == 1 and c.isascii()}
        if ascii_near:
            return ascii_near == {target}
        seen.update(nxt)
        frontier = nxt
    return False


def _neighbours(char: str, graph: dict[str, list[dict[str, str]]]) -> Iterable[str]:
    for entry in graph.get(char, ()):
        yield entry["c"]
        folded = unicodedata.normalize("NFKC", entry["c"])
        if folded != entry["c"]:
            yield folded


def _ascii_letter(text: str) -> str:
    return text if len(text) == 1 and text.isascii() and text.isalpha() else ""
