"""The other spellings of a romanised name's long and Korean vowels: Shōhei Ōtani
as "Shohei Ohtani", Yuki Satō as "Yuki Satou", Minjun Kim as "Min-joon Kim" (red
team 10, R10-20).

Folding accents finds "Shohei Otani" for Shōhei Ōtani, but Japanese people write
a long vowel in their passports and signatures as "oh", "ou" or "oo" (Hepburn's
passport rule, Ohtani, Satoh) and "uu"; and Korean given names are written in
English with the vowels of the older McCune-Reischauer spelling or none at all
("joon" or "jun", "hyeon" or "hyun", "seong" or "sung"). These are fixed
spellings of one sound, not sound-alikes (which two Latin names are left to be:
ivsite.names.soundkey). So a name's given and family name are each spelt every such
way, from the letters the record has:

* a long vowel with a macron or circumflex (ō, ô, ū, û, ā, ē, ī): the plain
  vowel, the vowel doubled, and for ō also "oh" and "ou";
* "oh" before a consonant or at a word's end, "ou", "oo", "uu": the vowel alone
  (and "oo" also "u": "joon" is "jun");
* "eo" as "u" ("hyeon", "hyun"), and "u" before "n" as "oo" and "eo" ("jun",
  "joon"; "sung", "seong").

Each spelling is looked for as the given and family name (either way round, or
run together) and no other form: the spellings multiply, and the bare name
already has its titles, initials and handles. A hyphen between a Korean given
name's syllables ("Min-joon") is one of the name's words written in pieces, which
the matcher joins (ivsite.text.splitwords).
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from ..text.normalise import words
from .nameparts import PARTICLES

_LONG = {"ō": ("o", "oh", "ou", "oo"), "ô": ("o", "oh", "ou", "oo"), "ū": ("u", "uu"),
         "û": ("u", "uu"), "ā": ("a", "aa"), "ē": ("e", "ee"), "ī": ("i", "ii")}
_SPOT = re.compile(r"[ōôūûāēī]|oh(?![aeiouy])|ou|oo|uu|eo|u(?=n)")
_ASCII = {"ou": ("ou", "o"), "oo": ("oo", "o", "u"), "uu": ("uu", "u"),
          "eo": ("eo", "u"), "u": ("u", "oo", "eo")}
MAX_WORD = 16
"""At most this many spellings of one word (a word with many vowel spots keeps the
first ones, in the order the spots stand)."""
MIN_RUN = 7
"""A spelling run together shorter than this is not looked for: a short run is a
word as often as a name ("Hou Se" would be "hose")."""
MAX_NAME = MAX_WORD * MAX_WORD
"""At most this many given-and-family spellings of one name."""


def word_spellings(word: str) -> list[str]:
    """The folded spellings of one written word (``word`` itself folded first)."""
    word = unicodedata.normalize("NFC", word).lower()
    pieces: list[tuple[str, ...]] = []
    at = 0
    for m in _SPOT.finditer(word):
        pieces.append((word[at:m.start()],))
        spot = m.group(0)
        pieces.append(_LONG.get(spot) or (("oh", "o") if spot == "oh" else _ASCII[spot]))
        at = m.end()
    pieces.append((word[at:],))
    out: list[str] = []
    for parts in itertools.product(*pieces):
        folded = "".join(words("".join(parts)))
        if folded and folded not in out:
            out.append(folded)
        if len(out) >= MAX_WORD:
            break
    return out


def vowel_seqs(name: str) -> set[tuple[str, ...]]:
    """Word sequences of ``name`` (as ivsite.names.nameparts.plain_name gives it, in Latin
    letters) with its given and family name spelt each way of the module's
    docstring, but as folded; none for a name of one word."""
    tokens = [t for t in name.split() if "".join(words(t)) not in PARTICLES]
    if len(tokens) < 2 or not all(t.replace("-", "").isalpha() for t in tokens):
        return set()
    given, family = word_spellings(tokens[0]), word_spellings(tokens[-1])
    if not given or not family:
        return set()
    bare = ("".join(words(tokens[0])), "".join(words(tokens[-1])))
    out: set[tuple[str, ...]] = set()
    for g, f in itertools.islice(
            ((g, f) for g in given for f in family if (g, f) != bare), MAX_NAME):
        out |= {(g, f), (f, g)} | ({(g + f,)} if len(g + f) >= MIN_RUN else set())
    return out
