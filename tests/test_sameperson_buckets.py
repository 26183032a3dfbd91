"""ivsite.names.sameperson compares only names that share a bucket (so a site's
many people of one family name are not each compared with each); the buckets must
lose no pair that comparing every name with every other would tie."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.names.identity import name_words
from ivsite.names.sameperson import close_ties, may_be_one

WORDS = ["javier", "xavier", "avier", "jvaier", "robert", "roberta", "r", "j", "mary",
         "jane", "anna", "anne", "zabrowski", "zabrowsky", "zabrowski", "zbarowski",
         "whitlock", "whitlok", "vidal", "lee", "li"]
NAMES = st.lists(st.sampled_from(WORDS), min_size=2, max_size=4).map(
    lambda ws: " ".join(w.capitalize() for w in ws))


def _every_pair(names: list[str]) -> set[frozenset[str]]:
    words = {n: list(name_words(n)) for n in names}
    return {frozenset((a, b)) for a in names for b in names
            if a != b and len(words[a]) >= 2 and len(words[b]) >= 2
            and words[a] != words[b] and may_be_one(words[a], words[b])}


@settings(max_examples=300, deadline=None)
@given(st.lists(NAMES, min_size=2, max_size=12, unique=True))
def test_the_buckets_lose_no_tie(names: list[str]) -> None:
    assert {frozenset(p) for p in close_ties(names)} == _every_pair(names)


def test_a_slip_in_a_given_names_first_letter_is_tied() -> None:
    assert {frozenset(p) for p in close_ties(["Javier Vidal", "Xavier Vidal"])} == {
        frozenset(("Javier Vidal", "Xavier Vidal"))}
