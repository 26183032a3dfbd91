"""The consented names' pattern shares their first words (a trie): it takes out of
a text what the alternation of whole names it replaced took out."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.audience import consentmask
from ivsite.audience.consentmask import names_pattern

_WORDS = ["Aiko", "C.", "Fagerlund", "Ana", "García", "López", "Kim", "Lee", "Ann", "Anna",
          "Jo", "Joanne", "Doe", "Jane", "O'Neil", "Le", "Lee-Park", "Émile"]
_NAME = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join)
_GAP = st.sampled_from([" ", "", ". ", "-", "\n", "2", ", ", "_", "x"])


def _whole_names(names: list[str], glued: bool) -> re.Pattern[str] | None:
    """The pattern as it was: one alternative per name, the longest first."""
    alternatives = sorted({r"[\W_]*".join(re.escape(w.strip(".")) for w in name.split())
                           for name in names if name.split()}, key=len, reverse=True)
    if not alternatives:
        return None
    kept = consentmask._alternatives
    try:
        consentmask._alternatives = lambda node: "(?:" + "|".join(alternatives) + ")"
        return names_pattern(names, glued)
    finally:
        consentmask._alternatives = kept


@settings(max_examples=500, deadline=None)
@given(st.lists(_NAME, min_size=1, max_size=6),
       st.lists(st.tuples(st.sampled_from([*_WORDS, "met", "with", "said"]), _GAP), max_size=10),
       st.booleans())
def test_the_trie_takes_out_what_the_names_did(names: list[str], parts: list[tuple[str, str]],
                                              glued: bool) -> None:
    text = "".join(w + gap for w, gap in parts)
    new, old = names_pattern(names, glued), _whole_names(names, glued)
    assert new is not None and old is not None
    assert new.sub("|", text) == old.sub("|", text), (new.pattern[-300:], text)
