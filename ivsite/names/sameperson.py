"""Two interview names that may be one person's though their words differ.

Consent belongs to a person (ivsite.names.persons): two records of one person tie
into one, and a "no" in either withholds both names. Ties by the same words, a
short form or an initial (ivsite.names.shortnames) missed three common ways one
person is written twice (red team 18, R18-02), and the consented record then
printed a name its person had refused:

- a slip in the family name ("Quentin Zabrowsky" and "Quentin Zabrowski",
  "Fitzwiliam"): the same one-letter slips the body's search forgives
  (ivsite.names.typoforms), in family names of :data:`MIN_TYPO` letters or more;
- a person who goes by a middle name or by one of two given names ("J. Robert
  Whitlock" and "Robert Whitlock", "Mary Jane Whitlock" and "Jane Whitlock"):
  the same family name, and each given word of one is a given word of the other
  (or its initial);
- a record in its own script and one in Latin letters (ivsite.names.scriptties).

When in doubt two spellings are one person: two different people who look alike
so are then both withheld if either said no (a ``consent-conflict`` warning names
both), which is the safe way to be wrong.
"""

from __future__ import annotations

from collections.abc import Iterable

from .identity import name_words
from .typoforms import MIN_TYPO, slips


def close_ties(names: Iterable[str]) -> list[tuple[str, str]]:
    """Each pair of ``names`` that may be one person's (see the module's docstring)."""
    buckets: dict[tuple[str, str], dict[tuple[str, ...], str]] = {}
    for name in names:
        ws = tuple(name_words(name))
        if len(ws) < 2:
            continue
        # Two family names one slip apart share a key; two lists of given names
        # that agree share a word's first letter, or its end past a slip in its
        # first two letters ("Javier", "Xavier"). Only names in one bucket are
        # compared: a site's many people of a common family name are not each
        # compared with each (that grew with the square of the notes).
        givens = {w[0] for w in ws[:-1]} | {  # and a slip in a given name's first
            f"~{w[i:]}" for w in ws[:-1] if len(w) >= MIN_TYPO for i in (1, 2)}  # letters
        for key in _family_keys(ws[-1]):
            for given in givens:
                buckets.setdefault((key, given), {}).setdefault(ws, name)
    return list(dict.fromkeys(
        (a_name, b_name) for bucket in buckets.values() if len(bucket) > 1
        for a, a_name in bucket.items() for b, b_name in bucket.items()
        if a < b and (may_be_one(list(a), list(b)) or may_be_one(list(b), list(a)))))


def may_be_one(a: list[str], b: list[str]) -> bool:
    """Whether the name words ``a`` and ``b`` (ivsite.names.identity.name_words,
    family name last) may be one person's: the same family name and given names
    that agree (a slip in one allowed), or a family name one slip apart and given
    names that agree exactly."""
    if a[-1] == b[-1]:
        return _givens_agree(a[:-1], b[:-1], slip=True)
    return one_slip(a[-1], b[-1]) and _givens_agree(a[:-1], b[:-1], slip=False)


def one_slip(a: str, b: str) -> bool:
    """Whether two words of :data:`MIN_TYPO` letters or more are one slip apart: a
    letter changed, added or dropped, or two neighbours swapped."""
    if a == b or min(len(a), len(b)) < MIN_TYPO or not (a.isalpha() and b.isalpha()):
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and short in slips(long_)


def _givens_agree(a: list[str], b: list[str], *, slip: bool) -> bool:
    """Whether every given word of the shorter list is one of the longer's: the same
    word, an initial of it, or (``slip``) one slip from it."""
    short, long_ = sorted((a, b), key=len)
    if not short:
        return False
    return all(any(_same_given(w, o, slip) for o in long_) for w in short)


def _same_given(a: str, b: str, slip: bool) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return slip and one_slip(a, b)


def _family_keys(family: str) -> set[str]:
    """Keys two family names one slip apart share: the name, and the name with
    each letter dropped (a change, an added or dropped letter, or a swap leaves a
    common word so)."""
    if len(family) < MIN_TYPO:
        return {family}
    return {family, *(family[:i] + family[i + 1:] for i in range(len(family)))}
