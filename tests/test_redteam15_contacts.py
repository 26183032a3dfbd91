"""Red team 15 (docs/redteam/2026-12-02-fifteenth.md), R15-08: contact details
written backwards ("elpmaxe.rohtnez@niuqr", "7310 555 614 1+",
"atad-nalniuqr/ni/moc.nideknil.www") were published, though a name written
backwards was refused.

The matcher the filter and the audit share looks for every address skeleton
and every phone key turned round too (ivsite.contacts.skeleton:
backwards_ends_a_word, phone_keys). Each is refused by the filter, by the audit
alone (the ``no_filter`` fixture), and published with the reversed reading
switched off; prose and numbers that only share digits or letters with a detail
still build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import assert_audit_refuses, assert_filter_refuses, assert_published, write_site

from ivsite.names.people import matcher_of
from ivsite.pipeline import build
from ivsite.text import textmatch

TALK = "content/interviews/2026-03-01-zenthor.md"
PAGE = "content/pages/contacts.md"
EMAIL = "rquin@zenthor.example"
PHONE = "+1 416 555 0137"
LINKEDIN = "https://www.linkedin.com/in/rquinlan-data"

BACKWARDS = {
    "email": f"Write to him (read it backwards): {EMAIL[::-1]}",
    "phone": f"His number, backwards: {PHONE[::-1]}",
    "linkedin": "Profile, backwards: " + "www.linkedin.com/in/rquinlan-data"[::-1],
    "email in capitals": f"BACKWARDS: {EMAIL[::-1].upper()}",
}


def _site(root: Path, said: str) -> Path:
    talk = ({"visibility": "private", "date": "2026-03-01", "status": "done",
             "person": {"name": "Robert Quinlan", "company": "Zenthor", "email": EMAIL,
                        "phone": PHONE, "linkedin": LINKEDIN},
             "alias": "a data analyst", "consent": {"publish_name": False}},
            "We talked about dashboards.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/2026-03-01-zenthor.md": talk,
                             "pages/contacts.md": ({"title": "Contacts"}, f"{said}\n")})


def _reversed_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textmatch, "backwards_ends_a_word", lambda needle, marked: False)
    monkeypatch.setattr(textmatch, "phone_keys", lambda digits: (digits,))


@pytest.mark.parametrize("case", sorted(BACKWARDS))
def test_the_filter_refuses_a_detail_written_backwards(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", BACKWARDS[case]), tmp_path / "out", PAGE,
                          code="contact-in-text")


@pytest.mark.parametrize("case", sorted(BACKWARDS))
@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_detail_written_backwards(tmp_path: Path, case: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", BACKWARDS[case]), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", ["email", "phone", "linkedin"])
def test_with_the_reversed_reading_off_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    _reversed_off(monkeypatch)
    assert_published(_site(tmp_path / "s", BACKWARDS[case]), tmp_path / "out",
                     BACKWARDS[case].rsplit(": ", 1)[-1])


def test_honest_text_near_the_details_builds(tmp_path: Path) -> None:
    """A reversed detail must start a word, as a detail must end one: text that
    only holds its letters or digits inside others, or its digits in another
    order, is no mention."""
    said = ("Zenthor's offices: floor 7, room 310; we met 5 times in 614 days. "
            "Call volumes rose 0137 to 7301. The example.com team were nice.")
    result = build(_site(tmp_path / "s", said), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


_LOCAL = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=4, max_size=12)
_HOST = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)


@settings(max_examples=60, deadline=None)
@given(local=_LOCAL, host=_HOST, before=st.sampled_from(["", "Write to ", "(", "mail: "]),
       after=st.sampled_from(["", ".", " today", ")"]))
def test_any_address_is_found_backwards(local: str, host: str, before: str, after: str) -> None:
    """Whatever the address, its reversal in any sentence is found (the class,
    not the reproducer's address), and only with the reversed reading."""
    address = f"{local}@{host}.example"
    matcher = matcher_of([("contact field email", address, address)])
    assert matcher.find(f"{before}{address[::-1]}{after}") == [address]


@settings(max_examples=60, deadline=None)
@given(number=st.from_regex(r"\+1 [2-9][0-9]{2} [2-9][0-9]{2} [0-9]{4}", fullmatch=True),
       sep=st.sampled_from([" ", "-", ".", ""]))
def test_any_number_is_found_backwards(number: str, sep: str) -> None:
    matcher = matcher_of([("contact field phone", number, number)])
    turned = number[::-1].replace(" ", sep)
    assert matcher.find(f"The number, backwards: {turned}") == [number]
