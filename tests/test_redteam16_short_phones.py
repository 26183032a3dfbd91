"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-10: a recorded phone
number whose national part has six digits (the Faroe Islands, Greenland,
Luxembourg's fixed lines), written without its country code ("call 31 45 67"),
was published: numbers were compared by their last seven digits.

Such a number is keyed by its national part (ivsite.contacts.countrycodes), and
a text's shorter runs of digits are read for it (ivsite.contacts.skeleton:
phone_windows). The filter refuses it, the audit alone refuses it, and with
the national key switched off it is published; a site that records no short
number reads no short run, and other figures still build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    withheld_contact_site,
)

from ivsite.contacts import skeleton
from ivsite.contacts.skeleton import phone_key
from ivsite.names.people import matcher_of
from ivsite.pipeline import build

TALK = "content/interviews/2026-03-01-zenthor.md"
PAGE = "content/pages/contacts.md"

CASES = {  # recorded as, written on the public page as
    "faroe": ("+298 31 45 67", "31 45 67"),
    "faroe, one run": ("+298 314567", "314567"),
    "faroe, recorded with 00": ("00298 31 45 67", "31-45-67"),
    "greenland": ("+299 32 10 54", "32 10 54"),
    "luxembourg": ("+352 26 12 34", "26 12 34"),
    "falklands, five digits": ("+500 21 345", "21345"),
    "recorded nationally": ("31 45 67", "31.45.67"),
    "backwards": ("+298 31 45 67", "76 54 13"),
}


def _site(root: Path, phone: str, said: str) -> Path:
    return withheld_contact_site(
        root, f"The data lead I met said to call {said} any weekday.\n", phone=phone)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses_a_short_number_written_nationally(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", *CASES[case]), tmp_path / "out", PAGE,
                          code="contact-in-text")


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_it(tmp_path: Path, case: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", *CASES[case]), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", ["faroe", "greenland", "luxembourg"])
def test_without_the_national_key_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    monkeypatch.setattr(skeleton, "national_part", lambda value, digits: "")
    assert_published(_site(tmp_path / "s", *CASES[case]), tmp_path / "out", CASES[case][1])


def test_other_figures_build(tmp_path: Path) -> None:
    """Figures that share no number with the recorded one, and a site whose
    numbers are all long, with five- and six-digit figures on the page."""
    said = "314 568 visitors, 2026-03-01, room 31-45, 31 45 68 and 13 45 67"
    result = build(_site(tmp_path / "s", "+298 31 45 67", said), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    said = "314567 visitors, postcode 10115, salary 85000"
    result = build(_site(tmp_path / "s2", "+1 416 555 0137", said), out=tmp_path / "out2")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_long_numbers_keep_their_last_seven_digits() -> None:
    assert phone_key("+1 416 555 0137") == "5550137"
    assert phone_key("+44 20 7946 0958") == "9460958"
    assert phone_key("+298 31 45 67") == "314567"
    assert phone_key("4567") == ""


_PLANS = st.sampled_from(["+298", "+299", "+352", "+500", "00298", "+376", "+677"])


@settings(max_examples=80, deadline=None)
@given(code=_PLANS, national=st.from_regex(r"[1-9][0-9]{4,5}", fullmatch=True),
       sep=st.sampled_from([" ", "-", ".", ""]),
       before=st.sampled_from(["call ", "tel. ", "(", "ring "]),
       after=st.sampled_from(["", ".", " today", ")"]))
def test_any_short_number_is_found_nationally(code: str, national: str, sep: str,
                                              before: str, after: str) -> None:
    """Whatever the small plan and the number, written without its country code
    in any grouping it is found, and with it."""
    recorded = f"{code} {national}"
    matcher = matcher_of([("contact field phone", recorded, recorded)])
    grouped = sep.join(national[i:i + 2] for i in range(0, len(national), 2))
    assert matcher.find(f"{before}{grouped}{after}") == [recorded]
    assert matcher.find(f"{before}{code} {grouped}{after}") == [recorded]
