"""The indexed consented-name question (ivsite.names.holding) answers as the
name-by-name comparison it replaced, over random names and texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.names.holding import ConsentedNames
from ivsite.names.identity import name_words, written_shorter
from ivsite.text.normalise import compact, words


def _one_by_one(text: str, names: list[str]) -> bool:
    """The comparison as it was written before the index: each name in turn."""
    ws = words(text)
    have = set(ws)
    for name in names:
        nw = name_words(name)
        if not nw:
            continue
        run = compact(nw)
        joined_runs = any("".join(ws[i:j]) == run for i in range(len(ws))
                          for j in range(i + 1, len(ws) + 1))
        if set(nw) <= have or joined_runs:
            return True
        if written_shorter(nw, ws) or written_shorter(ws, nw):
            return True
    return False


_WORDS = st.sampled_from(["Jane", "Doe", "J.", "D", "Ana", "García", "López", "Q",
                          "Quentin", "Zabrowski", "Nowak", "JaneDoe", "Dr", "Kim",
                          "Lee", "de", "la", "Cruz", "Smith-Jones", "Smith", "Jones"])
_NAME = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_NAME, max_size=8), _NAME)
def test_the_index_answers_as_each_name_in_turn(names: list[str], text: str) -> None:
    assert ConsentedNames(names).held_by(text) == _one_by_one(text, names)


def test_the_known_cases() -> None:
    held = ConsentedNames(["Ana García López", "Q Zabrowski", "Aiko C. Fagerlund"])
    assert held.held_by("Ana Garcíalópez")
    assert held.held_by("Quentin Zabrowski")
    assert not held.held_by("Camila G. Fagerlund")
    assert not ConsentedNames([]).held_by("Jane Doe")

