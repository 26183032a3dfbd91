"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-11: a recorded e-mail
address munged against harvesters with a token for the reader to take out
("qzabNOSPAM@zenthor.example", "qzab@NOSPAM.zenthor.example",
"qzab.REMOVETHIS@zenthor.example", "qzab-no-spam@zenthor.example", "qzab NOSPAM
at zenthor dot example") was published.

The contact skeleton takes such a token out of a text and of a detail alike
(ivsite.contacts.munges: by its words, or as capitals glued into an address in
small letters). The filter refuses it, the audit alone refuses it, and with the
reading switched off it is published; prose with those words, and a mailbox
that is one of them, still build.
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
    write_site,
)

from ivsite.contacts import skeleton
from ivsite.names.people import matcher_of
from ivsite.pipeline import build

TALK = "content/interviews/2026-03-01-zenthor.md"
PAGE = "content/pages/contacts.md"
EMAIL = "qzab@zenthor.example"

MUNGED = {
    "nospam in the mailbox": "qzabNOSPAM@zenthor.example",
    "nospam as a subdomain": "qzab@NOSPAM.zenthor.example",
    "removethis after a dot": "qzab.REMOVETHIS@zenthor.example",
    "no-spam with hyphens": "qzab-no-spam@zenthor.example",
    "deleteme in the domain": "qzab@zenthorDELETEME.example",
    "nospam among at/dot words": "qzab NOSPAM at zenthor dot example",
    "other capitals glued in": "qzabXYZZY@zenthor.example",
    "in small letters": "qzab_nospam@zenthor.example",
    "anti-spam spelt": "qzab (at) anti-spam zenthor (dot) example",
}


def _site(root: Path, said: str, email: str = EMAIL) -> Path:
    return withheld_contact_site(
        root, f"He is happy to get questions: {said} (take out the obvious).\n", email=email)


@pytest.mark.parametrize("case", sorted(MUNGED))
def test_the_filter_refuses_a_munged_address(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", MUNGED[case]), tmp_path / "out", PAGE,
                          code="contact-in-text")


@pytest.mark.parametrize("case", sorted(MUNGED))
@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_it(tmp_path: Path, case: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", MUNGED[case]), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", ["nospam in the mailbox", "removethis after a dot",
                                  "no-spam with hyphens", "nospam among at/dot words"])
def test_with_the_munge_reading_off_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    monkeypatch.setattr(skeleton, "without_munges", lambda cased: cased)
    assert_published(_site(tmp_path / "s", MUNGED[case]), tmp_path / "out", MUNGED[case])


def test_the_address_recorded_munged_is_found_plain(tmp_path: Path) -> None:
    """A detail is read as a text is: recorded munged, it is found as sent."""
    assert_filter_refuses(_site(tmp_path / "s", EMAIL, email="qzabNOSPAM@zenthor.example"),
                          tmp_path / "out", PAGE, code="contact-in-text")


def _body_site(root: Path, said: str) -> Path:
    """The address given munged in a private interview's text alone, no field."""
    talk = ({"visibility": "private", "date": "2026-03-01", "status": "done",
             "person": {"name": "Quentin Zabrowski", "company": "Zenthor"},
             "alias": "a data lead at a software firm", "consent": {"publish_name": False}},
            "He said to write to qzab NOSPAM at zenthor dot example.\n")
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-zenthor.md": talk,
        "pages/contacts.md": ({"title": "Contacts"}, f"Questions: {said}\n")})


def test_an_address_given_munged_in_a_withheld_text_is_found_plain(tmp_path: Path) -> None:
    assert_filter_refuses(_body_site(tmp_path / "s", EMAIL), tmp_path / "out", PAGE,
                          code="contact-in-text")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_finds_it_given_munged_in_a_withheld_text(tmp_path: Path) -> None:
    assert_audit_refuses(_body_site(tmp_path / "s", EMAIL), tmp_path / "out", TALK)


def test_prose_and_a_real_nospam_mailbox_build(tmp_path: Path) -> None:
    """Prose with the words, and other mailboxes at the host of an address whose
    mailbox is such a word, are no mention."""
    said = ("No spam, please: remove this line before sending. Write to "
            "info@zenthor.example or sales@zenthor.example; NASA@zenthor.example too.")
    result = build(_site(tmp_path / "s", said, email="nospam@zenthor.example"),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


_TOKEN = st.sampled_from(["NOSPAM", "nospam", "No-Spam", "NO_SPAM", "REMOVETHIS", "remove.this",
                          "REMOVE-ME", "DELETEME", "delete_this", "ANTISPAM", "spamfree",
                          "TAKETHISOUT"])
_LOCAL = st.from_regex(r"[a-z]{3,8}[0-9]{0,3}", fullmatch=True)
_HOST = st.from_regex(r"[a-z]{4,10}", fullmatch=True)


@settings(max_examples=80, deadline=None)
@given(local=_LOCAL, host=_HOST, token=_TOKEN,
       place=st.sampled_from(["mailbox", "mailbox-dot", "subdomain", "domain", "spelt"]))
def test_any_token_anywhere_is_taken_out(local: str, host: str, token: str, place: str) -> None:
    """Whatever the token, its case and separators, and where it is put, the
    munged address is found as the address."""
    address = f"{local}@{host}.example"
    munged = {"mailbox": f"{local}{token}@{host}.example",
              "mailbox-dot": f"{local}.{token}@{host}.example",
              "subdomain": f"{local}@{token}.{host}.example",
              "domain": f"{local}@{host}{token}.example",
              "spelt": f"{local} {token} at {host} dot example"}[place]
    matcher = matcher_of([("contact field email", address, address)])
    assert matcher.find(f"Write to {munged} today.") == [address]
