"""The readings the audit keeps are bounded by their size, and a build's texts read
again in the same order are found (a cache of a fixed number of entries found
none once a build read more texts than it had entries)."""

from __future__ import annotations

from ivsite.core.sizedcache import SizedCache


def _counting(budget: int) -> tuple[SizedCache[[str], str], list[str]]:
    made: list[str] = []

    def upper(text: str) -> str:
        made.append(text)
        return text.upper()

    return SizedCache(upper, budget, lambda text: len(text)), made


def test_texts_read_again_in_the_same_order_are_kept_while_they_fit() -> None:
    cached, made = _counting(budget=1000)
    texts = [f"text {i:03}" for i in range(100)]  # 8 bytes each: 800 in all
    for _ in range(3):
        assert [cached(t) for t in texts] == [t.upper() for t in texts]
    assert made == texts


def test_the_least_recently_used_go_first_once_the_budget_is_spent() -> None:
    cached, made = _counting(budget=10)
    for text in ("aaaa", "bbbb", "aaaa", "cccc"):  # "bbbb" is the oldest when "cccc" comes
        cached(text)
    assert made == ["aaaa", "bbbb", "cccc"]
    cached("aaaa")
    cached("bbbb")
    assert made == ["aaaa", "bbbb", "cccc", "bbbb"]


def test_a_result_larger_than_the_budget_is_not_kept_and_evicts_nothing() -> None:
    cached, made = _counting(budget=10)
    cached("small")
    cached("x" * 50)
    cached("x" * 50)
    cached("small")
    assert made == ["small", "x" * 50, "x" * 50]


def test_cache_clear_forgets_everything() -> None:
    cached, made = _counting(budget=100)
    cached("once")
    cached.cache_clear()
    cached("once")
    assert made == ["once", "once"]
