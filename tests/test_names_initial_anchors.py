"""The initials forms of a name (ivsite.names.initialforms.compound_initials) are
found through anchors of their initials and family name, so that their patterns
run only on texts whose words hold them: the anchors must lose no match the
pattern alone finds, whatever stands between the initials."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.names import initialforms
from ivsite.names.initialforms import compound_initials
from ivsite.text.textmatch import Matcher, confirmed_in, searchable

_GAPS = st.sampled_from(["", ".", ". ", " ", "-", ".-", "\u2010", "\u2011", ". -", "\u00a0"])
_BEFORE = st.sampled_from(["", "Met ", "with ", "(", "\u201c", "Dr. ", "x"])
_AFTER = st.sampled_from(["", ".", " said", ", PhD", "'s", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["jean", "luc", "paul", "anne"]), min_size=2, max_size=3),
       st.lists(_GAPS, min_size=3, max_size=3), _BEFORE, _AFTER,
       st.sampled_from(["Marchand", "MARCHAND", "marchand", "Le Marchand"]))
def test_the_anchors_lose_no_match(givens: list[str], gaps: list[str], before: str,
                                   after: str, family: str) -> None:
    forms = compound_initials(givens, ("marchand",))
    initials = "".join(g[0].upper() + gap for g, gap in zip(givens, gaps, strict=False))
    text = f"{before}{initials} {family}{after}"
    folded = searchable(text)
    by_pattern = [f for f in forms if confirmed_in(f, folded)]
    found = Matcher([], confirmed=[(f, f) for f in forms]).find(text)
    assert bool(by_pattern) == bool(found), (text, folded.joined)


def test_each_run_of_the_initials_is_an_anchor() -> None:
    assert initialforms._runs(["j", "l"]) == [("j", "l"), ("jl",)]
    assert len(initialforms._runs(["j", "l", "p"])) == 4
