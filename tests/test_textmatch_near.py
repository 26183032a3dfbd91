"""The middle-name prefilter (textmatch.Confirmed.near) found through word places
says what the pattern it replaced said: the given name, one to six words, the
family name's words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.text.confirmed import NEAR_GAP, _has_near
from ivsite.text.textmatch import Searchable

WORDS = st.sampled_from(["ana", "maria", "garcia", "lopez", "x", "de", "la"])


def by_pattern(given_name: str, family: tuple[str, ...], joined: str) -> bool:
    then = re.compile(rf"(?:[^ ]+ ){{1,{NEAR_GAP}}}{re.escape(' '.join(family))} ")
    literal = f" {given_name} "
    at = joined.find(literal)
    while at >= 0:
        if then.match(joined, at + len(literal)):
            return True
        at = joined.find(literal, at + 1)
    return False


@given(st.lists(WORDS, max_size=30), WORDS, st.lists(WORDS, min_size=1, max_size=3))
@settings(max_examples=400, deadline=None)
def test_near_by_places_is_near_by_pattern(text: list[str], given_name: str,
                                           family: list[str]) -> None:
    joined = f" {' '.join(text)} "
    searchable = Searchable(joined, joined)
    assert _has_near((given_name, tuple(family)), searchable) == \
        by_pattern(given_name, tuple(family), joined), joined


def test_a_middle_word_too_many_is_not_near() -> None:
    seven = " ana a b c d e f g garcia "
    six = " ana a b c d e f garcia "
    assert not _has_near(("ana", ("garcia",)), Searchable(seven, seven))
    assert _has_near(("ana", ("garcia",)), Searchable(six, six))
