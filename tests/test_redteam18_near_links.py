"""Red team 18, R18-07: a wiki link or embed to a withheld note written with a
slip (a letter dropped or swapped, a word changed, a file name's or an alias's
typo) names no note, and was shown as its text, the private title almost as
written, with a missing-note warning and exit 0. The link check refuses it
(``near-private-link``, ivsite.validate.nearprivate); the audit alone holds its
text withheld (ivsite.audit.nearlinks); with both off the text is published.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sites import assert_filter_refuses, assert_published, audit_refusals, write_site

from ivsite.audit import secrets
from ivsite.pipeline import build
from ivsite.switches.lookalike import distance
from ivsite.text import nearnames
from ivsite.validate import references

PRIVATE = "reflections/leaving-northbrook-for-veltrano.md"
PUBLIC = "reflections/thoughts.md"
CASES = {
    "one letter dropped": ("See [[Leaving Northbrok for Veltrano]].", "Northbrok for Veltrano"),
    "two letters swapped": ("See [[Leaving Northbrook for Vletrano]].", "Northbrook for Vletrano"),
    "word changed": ("See [[Leaving Northbrook to Veltrano]].", "Northbrook to Veltrano"),
    "and for for": ("See [[Leaving Northbrook and Veltrano]].", "Northbrook and Veltrano"),
    "words reordered": ("See [[Veltrano for Leaving Northbrook]].", "Veltrano for Leaving"),
    "first words": ("See [[Leaving Northbrook]].", "Leaving Northbrook"),
    "stem typo": ("See [[leaving-northbrok-for-veltrano]].", "leaving-northbrok-for-veltrano"),
    "alias typo": ("See [[Veltrano moves]].", "Veltrano moves"),
    "embed": ("![[Leaving Northbrok for Veltrano]]", "Northbrok for Veltrano"),
    "with a heading": ("See [[Leaving Northbrok for Veltrano#Why]].", "Northbrok for Veltrano"),
}


def _site(root: Path, body: str, visibility: str = "private") -> Path:
    withheld = ({"title": "Leaving Northbrook for Veltrano", "date": "2026-03-01",
                 "visibility": visibility, "aliases": ["Veltrano move"]},
                "Why I am quitting.\n")
    public = ({"title": "Thoughts", "date": "2026-03-05", "visibility": "public"},
              f"{body}\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             PRIVATE: withheld, PUBLIC: public})


def _check_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(references, "near_private_link", lambda *args: None)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_link_check_refuses(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", CASES[case][0]), tmp_path / "out",
                          f"content/{PUBLIC}", "near-private-link")


def test_a_mentor_note_is_withheld_from_the_public_too(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s", CASES["word changed"][0], "mentor"),
                          tmp_path / "out", f"content/{PUBLIC}", "near-private-link")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 case: str) -> None:
    _check_off(monkeypatch)
    hits = audit_refusals(_site(tmp_path / "s", CASES[case][0]), tmp_path / "out")
    assert any(source == f"content/{PUBLIC}" for _, source in hits), hits


@pytest.mark.parametrize("case", sorted(CASES))
def test_with_both_off_it_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       case: str) -> None:
    _check_off(monkeypatch)
    monkeypatch.setattr(secrets, "near_link_secrets", lambda site, sees: [])
    body, shown = CASES[case]
    assert_published(_site(tmp_path / "s", body), tmp_path / "out", shown)


ORDINARY = [
    "See [[Leaving Northbrook for Veltrano]].",  # exact: shown as "a private note"
    "See [[leaving NORTHBROOK for veltrano]].",
    "See [[Veltrano move]].",
    "See [[Leaving Northbrok for Veltrano|my next step]].",  # a label is what is shown
    "See [[Salary negotiation notes]] and [[Networking]].",  # notes not written yet
    "See [[Thinking about Veltrano]].",
    "See [[Veltrano]].",
]


@pytest.mark.parametrize("body", ORDINARY)
def test_other_links_build(tmp_path: Path, body: str) -> None:
    result = build(_site(tmp_path / "s", body), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_private_note_may_link_with_a_slip(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        PRIVATE: ({"title": "Leaving Northbrook for Veltrano", "date": "2026-03-01",
                   "visibility": "private"}, "Why.\n"),
        PUBLIC: ({"title": "Thoughts", "date": "2026-03-05", "visibility": "private"},
                 "See [[Leaving Northbrok for Veltrano]].\n")})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


@pytest.mark.parametrize(("written", "close"), [
    ("Leaving Northbrok for Vletrano", True),  # two slips: the ratio
    ("roles/leaving-northbrook-for-veltrano", True),
    ("Veltrano for Leaving Northbrook", True),
    ("Thinking about Veltrano", False),
    ("Veltrano", False),
    ("Northbrook", False),
])
def test_what_is_close_to_the_title(written: str, close: bool) -> None:
    assert nearnames.near(written, "Leaving Northbrook for Veltrano") is close


def test_the_banded_distance_is_the_distance() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        a, b = ("".join(rng.choice("abcd") for _ in range(rng.randint(0, 7))) for _ in "ab")
        for k in (1, 2):
            assert nearnames._within(a, b, k) == (distance(a, b) <= k), (a, b, k)
