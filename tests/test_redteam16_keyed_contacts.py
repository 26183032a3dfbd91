"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-01: a way to reach a
person recorded under a key ivsite does not know (``person.address``,
``person.signal``, a referral's ``telegram``, ``address`` at an interview's top
level) was published when its value had no e-mail, phone, URL or "@" shape.

The key says what the value is (ivsite.contacts.keyedcontacts): a postal
address, or an account name looked for as written. The filter refuses a public
page that repeats one (``contact-in-text``), the audit alone refuses it (its
own reading of a person's unknown keys: ivsite.audit.unreadfields), and with
both readings switched off it is published. Prose that only shares a word with
an account name, and a consented person's name, still build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import assert_audit_refuses, assert_filter_refuses, assert_published, write_site

from ivsite.audit import unreadfields
from ivsite.contacts import bodycontacts
from ivsite.contacts.keyedcontacts import keyed_contacts
from ivsite.names.people import matcher_of
from ivsite.pipeline import build

TALK = "content/interviews/2026-03-01-zenthor.md"
PAGE = "content/pages/community.md"

# (where the key is, the key, its value, what the public page says)
CASES: dict[str, tuple[str, str, Any, str]] = {
    "home address": ("person", "address", "42 Birchmount Lane, Apt 7, Toronto M4C 2T6",
                     "The meetup is at 42 Birchmount Lane, Apt 7, Toronto M4C 2T6."),
    "street alone": ("person", "home_address", "42 Birchmount Lane, Apt 7, Toronto M4C 2T6",
                     "Drop the books at 42 Birchmount Lane."),
    "signal": ("person", "signal", "qzab.77", "Message qzab.77 on Signal for the slides."),
    "telegram": ("person", "telegram", "dashboards_q", "Ask dashboards_q on Telegram."),
    "discord": ("person", "discord", "qzab#4471", "Find qzab#4471 in the data Discord."),
    "skype": ("person", "skype", "live:.cid.9f3a2b7c1d", "Skype: live:.cid.9f3a2b7c1d"),
    "github": ("person", "github", "qz-dashboards",
               "His dashboards are on GitHub as qz-dashboards."),
    "plain word near its service": ("person", "github", "qzdash",
                                    "His dashboards are on GitHub as qzdash."),
    "an app no list names": ("person", "zorbchat_username", "qzdash",
                             "He is qzdash on ZorbChat, username and all."),
    "any key, shaped like an account": ("person", "met_via", "orchard_brand88",
                                        "Ping orchard_brand88 about it."),
    "referral address": ("referral", "address", "9 Orchard Row, Guelph ON",
                         "Drop by 9 Orchard Row, Guelph ON."),
    "referral telegram": ("referral", "telegram", "orchard_brand88",
                          "Ping orchard_brand88 on Telegram."),
    "top-level address": ("top", "address", "42 Birchmount Lane, Apt 7, Toronto M4C 2T6",
                          "The meetup is at 42 Birchmount Lane, Apt 7, Toronto M4C 2T6."),
    "top-level signal": ("top", "signal", "qzab.77", "Message qzab.77 on Signal."),
    "a list of accounts": ("person", "socials", ["qzdash", "qz_dash.77"],
                           "He posts as qzdash on his socials."),
    "a number YAML reads as one": ("person", "whatsapp", 16475550199,
                                   "WhatsApp him: +1 (647) 555-0199."),
    "an account id YAML reads as a number": ("person", "discord_id", 412345678901234567,
                                             "Discord user 412345678901234567."),
}


def _talk(where: str, key: str, value: Any, consent: bool = False,
          visibility: str = "private") -> dict[str, Any]:
    person: dict[str, Any] = {"name": "Quentin Zabrowski", "role": "Data Lead",
                              "company": "Zenthor", "email": "qzab@zenthor.example"}
    front: dict[str, Any] = {"visibility": visibility, "date": "2026-03-01", "status": "done",
                             "person": person, "alias": "a data lead at a software firm",
                             "consent": {"publish_name": consent}}
    if where == "person":
        person[key] = value
    elif where == "referral":
        front["referrals"] = [{"name": "Lee Park", "role": "Brand Manager", key: value}]
    else:
        front[key] = value
    return front


def _site(root: Path, case: str, said: str | None = None) -> Path:
    where, key, value, page = CASES[case]
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-zenthor.md": (_talk(where, key, value), "Talked.\n"),
        "pages/community.md": ({"title": "Community"},
                               f"People I keep up with.\n\n{said or page}\n")})


def _readings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (bodycontacts, unreadfields):
        monkeypatch.setattr(module, "keyed_contacts", lambda *args, **kwargs: [])


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses_a_contact_recorded_under_an_unknown_key(
        tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", case), tmp_path / "out", PAGE,
                          code="contact-in-text")


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_it(tmp_path: Path, case: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", case), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.usefixtures("no_filter")
def test_the_audits_own_reading_refuses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           case: str) -> None:
    """The reading the filter's check shares with the audit (names.people.mentions)
    switched off too: the audit reads a person's unknown keys itself."""
    monkeypatch.setattr(bodycontacts, "keyed_contacts", lambda *args, **kwargs: [])
    assert_audit_refuses(_site(tmp_path / "s", case), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", ["home address", "signal", "github", "referral telegram",
                                  "top-level address"])
def test_with_the_keyed_reading_off_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    _readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", case), tmp_path / "out", CASES[case][2].split(",")[0])


def test_prose_sharing_words_with_an_account_builds(tmp_path: Path) -> None:
    """A plain word recorded as an account is not every use of that word; a
    figure or a street name alone is not the address."""
    said = ("Dashboards matter; qzdash-like tools are common. The Birchmount Lane "
            "bakery is on Apt 7 of the list, and Toronto has M4C postcodes.")
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-zenthor.md": (
            {**_talk("person", "github", "dashboards"),
             "referrals": [{"name": "Lee Park", "address": "42 Birchmount Lane, Apt 7"}]},
            "Talked.\n"),
        "pages/community.md": ({"title": "Community"}, f"{said}\n")})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_venue_in_a_private_page_builds(tmp_path: Path) -> None:
    """A postal address is someone's in a note about a person; a private page's
    ``address`` may be a venue's, which a public page may give."""
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "pages/meetup-plan.md": ({"title": "Meetup plan", "visibility": "private",
                                  "address": "100 King Street West, Toronto"}, "Plan.\n"),
        "pages/events.md": ({"title": "Events"}, "The meetup is at 100 King Street West.\n")})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_consented_persons_name_as_their_account_builds(tmp_path: Path) -> None:
    """``signal: quentin`` of Quentin Zabrowski, who agreed to be named: his name
    on his own public page is his name, not the account."""
    front = _talk("person", "signal", "quentin", consent=True, visibility="public")
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-zenthor.md": (front, "Quentin uses Signal for everything.\n")})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_ordinary_unknown_person_keys_are_no_accounts() -> None:
    """A key of other words, whose value is prose or a figure, holds no account."""
    for key, value in (("pronouns", "she/her"), ("team", "Data Platform"),
                       ("seniority", "senior"), ("met_at", "PyCon2025"), ("timezone", "UTC-5"),
                       ("home", "Toronto"), ("account_manager", "Sam Lee")):
        assert keyed_contacts(("person", key), value, theirs=True) == [], key


_HANDLE = st.from_regex(r"[a-z]{3,8}[._#-]?[a-z0-9]{2,6}", fullmatch=True)
_SERVICE = st.sampled_from(["signal", "telegram", "discord", "skype", "wechat",
                            "threema_id", "matrixUser", "keybase", "github_handle"])


@settings(max_examples=60, deadline=None)
@given(handle=_HANDLE, key=_SERVICE,
       before=st.sampled_from(["Message ", "Ask ", "(", "he is "]),
       after=st.sampled_from(["", ".", " there", ")"]))
def test_any_account_under_a_service_key_is_found(handle: str, key: str, before: str,
                                                  after: str) -> None:
    """Whatever the account name and the service's key, the name written in a
    sentence with that service is found, as the key reads it."""
    found = keyed_contacts(("person", key), handle, theirs=True)
    assert found, (key, handle)
    kind, value = found[0]
    matcher = matcher_of([(f"contact field {kind}", value, value)])
    label = re.split(r"_|(?=[A-Z])", key)[0]
    assert matcher.find(f"{before}{handle}{after} on {label}") == [value]
