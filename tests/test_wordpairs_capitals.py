"""A word that counts only capitalised is looked for at its capitalised places
alone (ivsite.text.wordpairs._word_pattern): the answer is the one a look at
every place gave, over random words and texts, in every script with case."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.text import wordpairs

_LETTERS = "kKKsSſiIİıåÅÅǆǄǅσΣςhHβΒ李mM"
_WORDS = st.text(alphabet=_LETTERS, min_size=1, max_size=3)
_GAPS = st.sampled_from([" ", ". ", ", ", "\n", "Dr ", " said", "with ", "x", "- "])


def _every_place(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", re.I)


@settings(max_examples=600, deadline=None)
@given(_WORDS, st.lists(st.tuples(_WORDS, _GAPS), max_size=8), st.booleans())
def test_the_capitalised_places_give_the_same_answer(
        word: str, parts: list[tuple[str, str]], amid: bool) -> None:
    word = word.lower()
    text = "".join(w + g for w, g in parts)
    found = wordpairs._capitalised_alone(word, text, amid)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(wordpairs, "_word_pattern", _every_place)
        assert found == wordpairs._capitalised_alone(word, text, amid), (word, text)
