"""Plain ASCII written to be read as other letters, or a name broken by marks a
reader looks past (red team 8, N12): another reading of :mod:`ivsite.text.readings`.

- a lower-case "l" among capitals is drawn as a capital "I" in most sans-serif
  fonts ("QUENTlN ZABROWSKl"), and a capital "I" among small letters as an "l"
  ("AIex"): Unicode's confusables list both, but ivsite.text.lookalike_letters takes
  only letters outside ASCII;
- "vv" is the oldest stand-in for "w" ("Zabrovvski");
- an apostrophe inside a word ("Quen'tin Zab'rowski") is looked past as a dash
  inside one is (ivsite.text.readings.undashed);
- an aside in brackets between two words ("Quentin (the designer) Zabrowski")
  leaves the words on either side to be read together, as a capitalised nickname
  there already is (ivsite.names.nameforms);
- so does a mark of a few characters in brackets touching a word, a citation or
  a footnote's mark ("Quentin[1] Zabrowski", "Quentin(a) Zabrowski",
  "Quentin[^a] Zabrowski", "Quentin[Q]Zabrowski"), and a lone number of up to
  three digits between two capitalised words ("Quentin 1 Zabrowski", a list's
  number or a footnote's copied with the text): a reader skips them without noticing (red
  team 15, R15-06). Only the words beside them are read together, so a name
  appears no more than where its words stand with such a mark between.

("!" and "|" for "i" are read by ivsite.text.readings.symbols_as_digits.) Each is
read only around where the text has one (ivsite.text.readings.around: both ends of
an aside, so the words on either side are read with it), in one reading with all
of them, so the audit pays for the few texts that have any.
"""

from __future__ import annotations

import re

from .readings import around

_L_IN_CAPITALS = r"l(?:(?<=[A-Z]l)(?=[A-Z])|(?<=[A-Z]{2}l)(?![a-z])|(?<![A-Za-z]l)(?=[A-Z]{2}))"
"""A small "l" inside a word of capitals, at its end or at its start. Each pattern
starts with what it finds, which the regular expression engine scans for fast
(a pattern that starts with a look-behind made folding a page twice as slow)."""
_I_IN_SMALL = r"I(?:(?<=[a-z]I)|(?<=[A-Z]I)(?=[a-z]))"
"""A capital "I" after a small letter ("WiIliam") or between a capital and a
small one ("AIex")."""
_DOUBLE_V = r"vv|VV"
_APOSTROPHE = "['\u2019\u02bc\u2032`\u00b4](?<=[^\\W\\d_]{2}.)(?=[^\\W\\d_]{2})"
"""An apostrophe (or a prime or accent drawn as one) with two letters or more on
either side: inside a word, not the "'s", "n't", "O'" or "d'" of ordinary words."""
_ASIDE = r"[(\[](?<=[^\W_][ \t][(\[])[^()\[\]\n]{1,60}[)\]][ \t]+(?=[^\W_])"
"""An aside in brackets, with a space and a word on either side."""
_MARK = (r"[(\[{](?:(?<=[^\W_][(\[{])[^\s()\[\]{}]{1,6}[)\]}](?=[\s,]{0,2}[^\W_])"
         r"|(?<=[^\W_][ \t][(\[{])[^\s()\[\]{}]{1,6}[)\]}](?=[^\W_]))")
"""A mark of one to six characters in brackets touching the word before it (then
a word, after a space or a comma at most) or the word after it (after a space):
"Quentin[1] Zabrowski", "Zabrowski[2], Quentin", "Quentin [1]Zabrowski". A call
in code ("print(x) and", "a[i] = 1") has no word just after it, mostly."""
_LONE_NUMBER = r"[0-9](?<=[^\W\d_][ \t][0-9])[0-9]{0,2}[ \t]+(?=[A-Z])"
"""A number of one to three digits alone between a word and a capitalised word;
read only after a capitalised word too (:func:`_after_capital`): "Quentin 1
Zabrowski", not "and 1 January" nor "about 3 People", which name no one and are
many. Written to start with the digit, which the engine scans for fast (a
pattern that starts with the capital before took three times as long)."""
_LAST_WORD = re.compile(r"(?<![^\W_])[^\W\d_]+\Z")

_PATTERNS = (_L_IN_CAPITALS, _I_IN_SMALL, _DOUBLE_V, _APOSTROPHE, _ASIDE, _MARK, _LONE_NUMBER)
_ANY = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_EACH = tuple(re.compile(p) for p in _PATTERNS)
"""Each pattern alone finds where to read (twice as fast as :data:`_ANY`, whose
branches start with different characters); :data:`_ANY` reads the parts found."""
_NUMBER = _EACH[-1]
_AS_READ = {"l": "I", "I": "l", "vv": "w", "VV": "W"}


def _after_capital(m: re.Match[str]) -> bool:
    """Whether the word before the lone number ``m`` starts with a capital."""
    word = _LAST_WORD.search(m.string, max(0, m.start() - 40), m.start() - 1)
    return word is not None and word.group(0)[0].isupper()


def _read(m: re.Match[str]) -> str:
    found = m.group(0)
    if found in _AS_READ:
        return _AS_READ[found]
    if found[0].isdigit() and not _after_capital(m):
        return found
    # An apostrophe joins the word it is in; an aside, a mark or a number is a space
    # between two words ("Quentin[Q]Zabrowski").
    return "" if len(found) == 1 else " "


def ascii_lookalikes(cased: str) -> list[str]:
    """The parts of ``cased`` (folded but for case) around each of these, read as
    a reader reads them; none when it has none."""
    ends = sorted(at for each in _EACH for m in each.finditer(cased)
                  if each is not _NUMBER or _after_capital(m) for at in (m.start(), m.end() - 1))
    return [_ANY.sub(_read, part) for part in around(cased, ends)]
