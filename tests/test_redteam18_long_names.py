"""Red team 18, R18-05: a ``person.name`` of many words made the forms of the name
grow with each word; at 24 words the build ran out of memory and printed a
traceback. Such a name is ``person-name-long`` (ivsite.validate.personname), and
the forms of any name, wherever it is written, are bounded
(ivsite.names.nameparts.bounded_name): a long referrer or referral builds or is
refused quickly, never a traceback.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sites import assert_filter_refuses, write_site

from ivsite.names.nameforms import name_forms
from ivsite.names.nameparts import MAX_NAME_WORDS, bounded_name
from ivsite.pipeline import build

TALK = "interviews/2026-03-01-a.md"


def _site(root: Path, **front: Any) -> Path:
    talk = {"visibility": "public", "date": "2026-03-01",
            "person": {"name": "Jane Doe", "company": "Acme"}, "alias": "a designer",
            "consent": {"publish_name": False}, **front}
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             TALK: (talk, "We talked.\n")})


@pytest.mark.parametrize("name", [" ".join(["Alpha"] * 24), " ".join(["Alpha"] * 200),
                                  " ".join(f"Word{i}x" for i in range(40)), "Q" * 500])
def test_a_long_name_is_refused(tmp_path: Path, name: str) -> None:
    site = _site(tmp_path / "s", person={"name": name, "company": "Acme"})
    assert_filter_refuses(site, tmp_path / "out", f"content/{TALK}", "person-name-long")


def test_a_long_referral_name_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", referrals=[{"name": " ".join(["Alpha"] * 30)}])
    assert_filter_refuses(site, tmp_path / "out", f"content/{TALK}", "person-name-long")


def test_a_long_referrer_phrase_stays_quick(tmp_path: Path) -> None:
    start = time.monotonic()
    result = build(_site(tmp_path / "s", referred_by=" ".join(["Alpha"] * 60)),
                   out=tmp_path / "out")
    assert time.monotonic() - start < 60
    assert result.status == 0, [d.text() for d in result.diagnostics]


NAMES = ["Jane Doe", "Dr. Ana María García López de la Vega, PhD (Acme Bank)",
         "Xiaoming (Kevin) Wang", "Pieter van der Broek", "Jean-Luc Marchand"]


@pytest.mark.parametrize("name", NAMES)
def test_names_build(tmp_path: Path, name: str) -> None:
    result = build(_site(tmp_path / "s", person={"name": name, "company": "Acme"}),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_within_the_limits_is_itself(name: str) -> None:
    assert bounded_name(name) == name


def test_the_forms_of_any_name_are_few() -> None:
    for n in (MAX_NAME_WORDS, 16, 40, 400):
        forms = name_forms(" ".join(f"Alpha{chr(97 + i % 26)}" for i in range(n)))
        assert len(forms.seqs) + len(forms.confirmed) + len(forms.titled) < 5000, n
