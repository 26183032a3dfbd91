"""Red team 11 (docs/redteam/2026-12-01-eleventh.md): contact details and referrers.

R11-02: an interviewee's e-mail spelt "jane-dot-doe-at-acme-corp-dot-example", with
the Spanish "guión", or with the Dutch, Polish, Russian, Swedish, Czech, Hungarian,
Japanese or Chinese words for "@" and ".", was published. The words for the
symbols are now data in many languages, read between hyphens and underscores too
(ivsite.contacts.symbolwords), by the skeleton the filter and the audit share.

R11-12: a phone said in Dutch, Russian, Polish, Turkish or Swedish number words was
published. The number words are now data (ivsite.contacts.numberwords), with the
Nordic, Finnish, Czech, Ukrainian, Hungarian, Romanian and Greek ones too.

R11-20: a personal site, an Instagram handle, Telegram and Calendly links written
in a private interview's body were published when a public page repeated them.
They are now withheld like an e-mail written there (ivsite.contacts.bodyprofiles),
and so are a person's keys ivsite does not know (``person.instagram``); an
organisation's profile or site may be listed in ``[privacy] public_contacts``.

R11-16 (false refusal): ``referred_by: LinkedIn``, ``alumni office``, a referral
named ``Career Services`` or ``the hiring manager`` made every public mention of
them a ``name-without-consent`` error. A referrer that is a channel, an office or
a role names no one (ivsite.names.channels); ``referred_by: Sam Lee`` is still a
person.

Each leak is refused by the filter and, with the filter off (``no_filter``), by the
audit; with the new reading switched off, it is published again. Each false
refusal builds; with the new rule switched off, it is refused again.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    other_readings_off,
    write_site,
)

from ivsite.contacts import bodycontacts, mailboxes, numberwords, otherdigits, symbolwords
from ivsite.contacts import skeleton as contactskeleton
from ivsite.contacts.bodyprofiles import profiles
from ivsite.contacts.fields import contact_pieces
from ivsite.contacts.publiccontacts import kind_of
from ivsite.names import nameparts, people
from ivsite.names.channels import names_no_one
from ivsite.names.nameparts import name_in
from ivsite.names.people import matcher_of
from ivsite.pipeline import build

TALK = "content/interviews/2026-03-01-talk.md"
PAGE = "content/pages/p.md"


def _found(kind: str, value: str, text: str) -> bool:
    """Whether the matcher the filter and the audit share finds the detail."""
    matcher = matcher_of((f"contact field {kind}", piece, piece)
                         for piece in contact_pieces(kind, value))
    return bool(matcher.find(text))


def _site(root: Path, said: str, body: str = "We talked.\n", *, visibility: str = "private",
          **person: Any) -> Path:
    """An interview with Quentin Zabrowski (``person``: more of his fields) and a
    public page that says ``said``."""
    talk = ({"visibility": visibility, "date": "2026-03-01", "alias": "a studio lead",
             "person": {"name": "Quentin Zabrowski", "company": "North Studio", **person}},
            body)
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/2026-03-01-talk.md": talk,
                             "pages/p.md": ({"title": "About"}, f"{said}\n")})


def _built(result: Any) -> list[str]:
    return [d.text() for d in result.diagnostics]


# --------------------------------------------------------------------------- R11-02

JANE = "jane.doe@acme-corp.example"
NORTH = "studio.lead.north@acme-corp.example"
SPELT = {
    "hyphen-joined": (JANE, "Her address: jane-dot-doe-at-acme-corp-dot-example"),
    "Spanish, guión": (JANE, "Para escribirle: jane punto doe arroba acme guión corp punto "
                             "example"),
    "Spanish, guion": (JANE, "jane punto doe arroba acme guion corp punto example"),
    "letters hyphen-joined": (JANE, "j-a-n-e-dot-d-o-e at acme-corp dot example"),
    "underscores": (JANE, "jane_dot_doe_at_acme_dash_corp_dot_example"),
    "Dutch": (NORTH, "studio.lead.north apenstaartje acme-corp punt example;"),
    "Polish": (NORTH, "studio.lead.north małpa acme-corp kropka example;"),
    "Russian": (NORTH, "studio.lead.north собака acme-corp точка example;"),
    "Swedish": (NORTH, "studio.lead.north snabel-a acme-corp punkt example;"),
    "Czech": (NORTH, "studio.lead.north zavináč acme-corp tečka example;"),
    "Hungarian": (NORTH, "studio.lead.north kukac acme-corp pont example;"),
    "Japanese": (NORTH, "studio.lead.north アットマーク acme-corp ドット example;"),
    "Chinese": (NORTH, "studio.lead.north 艾特 acme-corp 点 example."),
    "Chinese, no spaces": (NORTH, "邮箱studio.lead.north艾特acme-corp点example"),
    "French": (NORTH, "studio point lead point north arobase acme tiret corp point example"),
    "German": (NORTH, "studio punkt lead punkt north klammeraffe acme bindestrich corp "
                      "punkt example"),
    "Italian": (NORTH, "studio.lead.north chiocciola acme trattino corp punto example"),
    "Ukrainian": (NORTH, "studio.lead.north равлик acme дефіс corp крапка example"),
    "Turkish": (NORTH, "studio nokta lead nokta north @ acme tire corp nokta example"),
    "Korean": (NORTH, "studio.lead.north 골뱅이 acme-corp 닷 example"),
    "bracketed": (NORTH, "studio.lead.north (małpa) acme-corp (kropka) example"),
}
MAIL_PAGE = ("Her address, spelt out so bots miss it: jane-dot-doe-at-acme-corp-dot-example\n\n"
             "Para escribirle: jane punto doe arroba acme guión corp punto example\n\n"
             "studio.lead.north apenstaartje acme-corp punt example\n\n"
             "studio.lead.north собака acme-corp точка example\n\n"
             "studio.lead.north 艾特 acme-corp 点 example\n")


@pytest.mark.parametrize(("address", "said"), SPELT.values(), ids=SPELT.keys())
def test_an_address_spelt_in_words_is_found(address: str, said: str) -> None:
    assert _found("email", address, said)


def test_a_mailbox_with_a_bracketed_word_for_at_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without its top-level domain, the "@" must be written (ivsite.contacts.mailboxes):
    as a sign or a bracketed word of any language, not a bare "at" ("Jane at Acme")."""
    for said in ("write jane.doe (arroba) acme-corp", "write jane.doe [собака] acme-corp",
                 "write studio.lead.north (małpa) acme-corp"):
        assert _found("email", JANE if "jane" in said else NORTH, said), said
    assert not _found("email", JANE, "I met Jane Doe at Acme Corp")
    monkeypatch.setattr(mailboxes, "_AT", r"\s*(?:[@]|[\[({<]\s*(?:at|arroba)\s*[\])}>])\s*")
    assert not _found("email", JANE, "write jane.doe [собака] acme-corp")


def _two_addresses(root: Path, said: str) -> Path:
    """Jane Doe's interview, and Quentin's (whose mailbox is no name), private."""
    site = _site(root, said, email=NORTH)
    jane = ({"visibility": "private", "date": "2026-03-02", "alias": "a designer",
             "person": {"name": "Jane Doe", "company": "Acme", "email": JANE}}, "Talked.\n")
    return write_site(site, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/2026-03-01-talk.md": (site / TALK).read_text("utf-8"),
                             "interviews/2026-03-02-second.md": jane,
                             "pages/p.md": ({"title": "About"}, said)})


def test_the_filter_refuses_each_spelling(tmp_path: Path) -> None:
    result = build(_two_addresses(tmp_path / "s", MAIL_PAGE), out=tmp_path / "out")
    assert result.status == 1, _built(result)
    refused = {d.line for d in result.diagnostics if d.path == PAGE
               and d.code == "contact-in-text"}
    assert refused == {4, 6, 8, 10, 12}, _built(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("line", MAIL_PAGE.split("\n\n"))
def test_the_audit_alone_refuses_each_spelling(tmp_path: Path, line: str) -> None:
    source = TALK if "studio" in line else "content/interviews/2026-03-02-second.md"
    assert_audit_refuses(_two_addresses(tmp_path / "s", line), tmp_path / "out", source)


_ENGLISH = {"at": "@", "arroba": "@", "dot": ".", "period": ".", "point": ".",
            "punto": ".", "punkt": ".", "slash": "/", "plus": "+", "dash": "-",
            "hyphen": "-", "minus": "-", "underscore": "-"}
_ENGLISH_WORD = re.compile("|".join(rf"{w}(?<![^\s\[({{<_]{w})(?![^\s\])}}>_])"
                                    for w in sorted(_ENGLISH, key=len, reverse=True)))
"""The reading before red team 11: these words, between spaces and brackets only."""


@pytest.mark.usefixtures("no_filter")
def test_without_the_words_and_hyphens_each_spelling_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other_readings_off(monkeypatch)
    monkeypatch.setattr(contactskeleton, "spell_symbols", lambda cased: _ENGLISH_WORD.sub(
        lambda m: f" {_ENGLISH[m.group(0)]} ", cased))
    assert_published(_two_addresses(tmp_path / "s", MAIL_PAGE), tmp_path / "out",
                     "jane-dot-doe-at-acme-corp-dot-example")
    assert_published(_two_addresses(tmp_path / "s2", MAIL_PAGE), tmp_path / "out2",
                     "studio.lead.north собака acme-corp точка example")


def test_a_spelt_address_in_a_tag_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "Hello.", visibility="public", email=NORTH)
    talk = (site / TALK).read_text("utf-8").replace(
        "alias:", "tags: [qz-at-acme-corp-dot-example]\nalias:", 1)
    (site / TALK).write_text(talk, "utf-8")
    assert_filter_refuses(site, tmp_path / "out", TALK, "contact-in-text")


_ALL_WORDS = {w.casefold() for ws in symbolwords.SYMBOL_WORDS.values() for w in ws}
_SYMBOLS = {s: [w for w in symbolwords.SYMBOL_WORDS[s] if not symbolwords.SPACELESS.search(w)]
            for s in "@.-"}


@settings(max_examples=150, deadline=None)
@given(st.from_regex(r"[a-z]{2,6}(\.[a-z]{2,6})?", fullmatch=True),
       st.from_regex(r"[a-z]{3,6}-[a-z]{2,5}", fullmatch=True),
       st.sampled_from(_SYMBOLS["@"]), st.sampled_from(_SYMBOLS["."]),
       st.sampled_from(_SYMBOLS["-"]), st.sampled_from([" ", "-", "_", " (", ") "]))
def test_any_address_in_any_languages_words_is_found(
        local: str, host: str, at: str, dot: str, dash: str, sep: str) -> None:
    """Any address, its symbols said with any language's words, joined by spaces,
    hyphens, underscores or brackets, is found; another mailbox is not. (Not one
    whose own parts are such words: "aaa-at" said "aaa dash at" is ambiguous.)"""
    assume(not {p.casefold() for p in re.split(r"[.\-]", f"{local}.{host}")} & _ALL_WORDS)
    def said(box: str) -> str:
        spoken = {"@": at, ".": dot, "-": dash}
        parts = re.split(r"([@.\-])", f"{box}@{host}.example")
        return sep.join(spoken.get(part, part) for part in parts)

    assert _found("email", f"{local}@{host}.example", f"Write to {said(local)} soon")
    assert not _found("email", f"{local}x@{host}.example", f"Write to {said(local)} soon")


PROSE = """I met Jane at Acme, a state-of-the-art studio; polka-dot ties, at-risk youth.
Het punt is dat ik een kropka zag. Собака лежала у точки. The point is moot, a dash of salt.
Het is tien over drie; 点心 and 一点 are food. Talk at 10:30-11:00, page 4-16.
"""


def test_prose_with_the_words_is_published(tmp_path: Path) -> None:
    result = build(_two_addresses(tmp_path / "s", PROSE), out=tmp_path / "out")
    assert result.status == 0, _built(result)


# --------------------------------------------------------------------------- R11-12

PHONE = "+1 416 555 0199"
SAID_PHONE = {
    "Dutch": "Bel haar: vier een zes vijf vijf vijf nul een negen negen",
    "Russian": "Позвоните: четыре один шесть пять пять пять ноль один девять девять",
    "Polish": "Zadzwoń: cztery jeden sześć pięć pięć pięć zero jeden dziewięć dziewięć",
    "Turkish": "Ara: dört bir altı beş beş beş sıfır bir dokuz dokuz",
    "Swedish": "Ring: fyra ett sex fem fem fem noll ett nio nio",
    "Danish": "Ring: fire en seks fem fem fem nul en ni ni",
    "Norwegian": "Ring: fire en seks fem fem fem null en ni ni",
    "Finnish": "Soita: neljä yksi kuusi viisi viisi viisi nolla yksi yhdeksän yhdeksän",
    "Czech": "Volejte: čtyři jedna šest pět pět pět nula jedna devět devět",
    "Ukrainian": "Дзвоніть: чотири один шість п’ять п’ять п’ять нуль один дев'ять дев'ять",
    "Hungarian": "Hívd: négy egy hat öt öt öt nulla egy kilenc kilenc",
    "Romanian": "Sună: patru unu șase cinci cinci cinci zero unu nouă nouă",
    "Greek": "Τηλέφωνο: τέσσερα ένα έξι πέντε πέντε πέντε μηδέν ένα εννέα εννέα",
    "Russian pairs": "Позвоните: 416 555 ноль один девяносто девять",
    "Polish pairs": "Numer 416 555 zero jeden dziewięćdziesiąt dziewięć",
    "Dutch glued": "Nummer 416 555 nul een negenennegentig",
    "Swedish glued": "Nummer 416 555 noll ett nittionio",
    "Turkish pairs": "Numara 416 555 sıfır bir doksan dokuz",
}
PHONE_PAGE = "\n\n".join(SAID_PHONE[k] for k in ("Dutch", "Russian", "Polish", "Turkish",
                                                  "Swedish")) + "\n"


@pytest.mark.parametrize("said", SAID_PHONE.values(), ids=SAID_PHONE.keys())
def test_the_phone_in_words_is_found(said: str) -> None:
    assert _found("phone", PHONE, said)


def test_the_filter_refuses_each_language(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", PHONE_PAGE, phone=PHONE), out=tmp_path / "out")
    assert result.status == 1, _built(result)
    refused = {d.line for d in result.diagnostics if d.path == PAGE
               and d.code == "contact-in-text"}
    assert refused == {4, 6, 8, 10, 12}, _built(result)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("language", ["Dutch", "Russian", "Turkish"])
def test_the_audit_alone_refuses(tmp_path: Path, language: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", SAID_PHONE[language], phone=PHONE),
                         tmp_path / "out", TALK)


_FIVE = ("French", "German", "Spanish", "Italian", "Portuguese")
"""The languages read before red team 11."""


@pytest.mark.usefixtures("no_filter")
def test_without_the_new_languages_the_phone_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other_readings_off(monkeypatch)
    five = {**otherdigits.words_by_value({k: numberwords.UNITS[k] for k in _FIVE}, 0),
            **otherdigits.words_by_value({k: numberwords.TEENS[k] for k in _FIVE}, 10)}
    monkeypatch.setattr(otherdigits, "_WORD", otherdigits.reader(five))
    for language in ("Dutch", "Russian", "Polish", "Turkish", "Swedish"):
        said = SAID_PHONE[language]
        assert_published(_site(tmp_path / language, said, phone=PHONE),
                         tmp_path / f"out-{language}", said.split(": ", 1)[1])


def test_a_word_two_languages_share_has_one_value() -> None:
    values: dict[str, set[str]] = {}
    for first, table, mark in ((0, numberwords.UNITS, ""), (10, numberwords.TEENS, ""),
                               (2, numberwords.TENS, "0")):
        for language, line in table.items():
            for word, value in otherdigits.words_by_value({language: line}, first).items():
                values.setdefault(word, set()).add(value + mark)
    for word, value in otherdigits.glued_words().items():
        values.setdefault(word, set()).add(value)
    assert {w: v for w, v in values.items() if len(v) > 1} == {}


def _digits(language: str) -> list[str]:
    return [slot.split("/")[0] for slot in numberwords.UNITS[language].split()]


@settings(max_examples=150, deadline=None)
@given(st.text("0123456789", min_size=10, max_size=10),
       st.sampled_from(sorted(numberwords.UNITS)), st.sampled_from([" ", ", ", "-", " - "]))
def test_any_number_in_any_language_is_found(number: str, language: str, sep: str) -> None:
    said = sep.join(_digits(language)[int(d)] for d in number)
    assert _found("phone", number, f"Nr: {said}.")
    other = number[:-1] + str((int(number[-1]) + 1) % 10)
    assume(other[-7:] not in number and other[-7:] not in number[::-1])  # read both ways
    assert not _found("phone", other, f"Nr: {said}.")


NUMBER_PROSE = """Het was een van de drie gesprekken, twee uur lang, in 2024; vier of vijf mensen.
Det var en av två intervjuer, tre timmar, fem personer och sex frågor.
Bir iki üç gün sonra, dört beş kişi; Это было два или три раза, пять человек.
Dwa lub trzy razy; pięć osób. Hat vagy hét ember, egy óra. Room 416, floor 5.
"""


def test_prose_in_those_languages_is_published(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", NUMBER_PROSE, phone=PHONE), out=tmp_path / "out")
    assert result.status == 0, _built(result)


# --------------------------------------------------------------------------- R11-20

PRIVATE_BODY = ("Private notes.\n\n"
                "His personal site is https://qz-studio.example/about, his Instagram is "
                "@qz.studio.nyc, Telegram t.me/qzstudio_nyc, Calendly "
                "calendly.com/qz-studio/30min.\n\n"
                "He recommended https://www.nngroup.com/articles/interviewing-users/ and "
                "acme.com/careers; follow @nngroup for more.\n")
REPEATED = {
    "personal site": "Designers I follow: https://qz-studio.example/about",
    "the site's host": "See qz-studio.example for his work.",
    "handle": "Follow @qz.studio.nyc on Instagram.",
    "handle as a profile": "instagram.com/qz.studio.nyc is worth a look.",
    "Telegram": "Message t.me/qzstudio_nyc.",
    "Telegram handle": "Message @qzstudio_nyc on Telegram.",
    "handle on another site": "See threads.net/@qz.studio.nyc too.",
    "Calendly": "Book a slot at calendly.com/qz-studio/30min.",
    "Calendly, other event": "Book at https://calendly.com/qz-studio/60min",
}


def test_the_profiles_in_a_body() -> None:
    found = [(kind, value) for line in PRIVATE_BODY.splitlines() for kind, value in
             profiles(line)]
    assert found == [("url", "qz-studio.example"), ("url", "t.me/qzstudio_nyc"),
                     ("handle", "@qzstudio_nyc"), ("url", "calendly.com/qz-studio"),
                     ("handle", "@qz-studio"), ("handle", "@qz.studio.nyc"),
                     ("handle", "@nngroup")]


@pytest.mark.parametrize("line", [
    "Engineer at Acme, see acme.com/about and https://example.org/jobs.",
    "Her company's website is https://acme.example/careers.",
    "Email jane@acme.example about it; node.js and e.g. vue.js.",
    "She tweets at #design; the twitter.com/explore page; instagram.com/p/xyz.",
    "We met @ the cafe, and @someone said hi.",
    "He showed me github.com/facebook/react and twitter.com/acme/status/123.",
    "Read medium.com/@jane/how-i-got-hired for tips.",
])
def test_other_addresses_are_no_profiles(line: str) -> None:
    assert list(profiles(line)) == []


def test_an_address_below_a_profile_said_to_be_theirs_is_one() -> None:
    assert list(profiles("His GitHub: github.com/qzdev/portfolio")) == [
        ("url", "github.com/qzdev"), ("handle", "@qzdev")]


@pytest.mark.parametrize("said", REPEATED.values(), ids=REPEATED.keys())
def test_the_filter_refuses_each(tmp_path: Path, said: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", said, PRIVATE_BODY), tmp_path / "out", PAGE,
                          "contact-in-text")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("name", ["personal site", "handle", "Telegram", "Calendly"])
def test_the_audit_alone_refuses_each(tmp_path: Path, name: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", REPEATED[name], PRIVATE_BODY),
                         tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_profiles_they_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other_readings_off(monkeypatch)
    monkeypatch.setattr(bodycontacts, "profiles", lambda *args, **kwargs: iter(()))
    said = " ".join(REPEATED[k] for k in ("personal site", "handle", "Telegram", "Calendly"))
    assert_published(_site(tmp_path / "s", said, PRIVATE_BODY), tmp_path / "out",
                     "t.me/qzstudio_nyc")


def test_what_else_the_private_note_cites_is_published(tmp_path: Path) -> None:
    said = ("Read https://www.nngroup.com/articles/interviewing-users/ and acme.com/careers. "
            "I met him at QZ Studio NYC. Design studios in NYC are busy. "
            "I use Calendly and Telegram; my own site is maya.example.org.")
    result = build(_site(tmp_path / "s", said, PRIVATE_BODY), out=tmp_path / "out")
    assert result.status == 0, _built(result)


@pytest.mark.parametrize("said", ["Follow @qz.studio.nyc.", "See qz-studio.example/work."])
def test_a_persons_keys_ivsite_does_not_know_are_contacts(tmp_path: Path, said: str) -> None:
    """``person: {instagram: …, website: …}`` (ignored keys) in a public interview."""
    site = _site(tmp_path / "s", said, visibility="public", instagram="@qz.studio.nyc",
                 website="https://qz-studio.example")
    assert_filter_refuses(site, tmp_path / "out", PAGE, "contact-in-text")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_persons_unknown_key(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "Follow @qz.studio.nyc.", visibility="public",
                 instagram="@qz.studio.nyc")
    assert_audit_refuses(site, tmp_path / "out", TALK)


@pytest.mark.parametrize(("handle", "text", "found"), [
    ("@qz.studio.nyc", "Follow @QZ.Studio.NYC now", True),
    ("@qz.studio.nyc", "ig: qz.studio.nyc", True),
    ("@qz.studio.nyc", "the qz studio in nyc", False),
    ("@jane.doe", "Jane Doe spoke well.", False),
    ("@jane.doe", "Ping @jane.doe there.", True),
    ("@design", "I love design and @designers.", False),
    ("@design", "Follow @design.", True),
    ("@qzstudio", "See instagram.com/qzstudio now", True),
    ("@qzstudio", "See qzstudio now", False),
])
def test_a_handle_is_found_as_written(handle: str, text: str, found: bool) -> None:
    assert _found("handle", handle, text) is found


# --------------------------------------------------------------------------- R11-16

ABOUT = ("I found most people on LinkedIn or through the alumni office, and Career "
         "Services helped with my CV.\n\nAlways send the hiring manager a short note.\n\n"
         "Her boss said hello.\n")


def _referred_site(root: Path, said: str = ABOUT, *, referrer: str = "LinkedIn") -> Path:
    def talk(name: str, day: str, **more: Any) -> tuple[dict[str, Any], str]:
        return ({"visibility": "private", "date": day, "alias": "a researcher",
                 "person": {"name": name, "company": "Acme"}, **more}, "Private.\n")

    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/a.md": talk("Pat Morgan", "2026-03-01", referred_by=referrer,
                                referrals=[{"name": "Career Services"}]),
        "interviews/b.md": talk("Sam Other", "2026-03-02", referred_by="alumni office"),
        "interviews/c.md": talk("Robin Hale", "2026-03-03", referrals=[
            {"name": "the hiring manager", "role": "Design Manager"}, {"name": "her boss"}]),
        "interviews/d.md": ({"visibility": "public", "date": "2026-03-04",
                             "alias": "an alumna", "referred_by": "the alumni office",
                             "person": {"name": "Lee Park", "company": "Beta"}},
                            "The alumni office introduced us.\n"),
        "pages/about.md": ({"title": "About"}, said)})


def test_a_channel_or_role_referrer_is_no_one(tmp_path: Path) -> None:
    result = build(_referred_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, _built(result)
    assert "Career Services" in (tmp_path / "out" / "about" / "index.html").read_text("utf-8")


def test_without_the_rule_they_are_refused(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "names_no_one", lambda text: False)
    result = build(_referred_site(tmp_path / "s"), out=tmp_path / "out")
    refused = {(d.path, d.line) for d in result.diagnostics
               if d.code == "name-without-consent"}
    assert {("content/pages/about.md", 4), ("content/pages/about.md", 6),
            ("content/pages/about.md", 8), ("content/interviews/d.md", 10)} <= refused, \
        _built(result)


@pytest.mark.parametrize(("referrer", "said"), [
    ("Sam Lee", "Sam Lee introduced me to most of them."),
    ("LinkedIn (Sam Lee)", "Sam Lee introduced me."),
    ("Sam from Career Services", "Sam from Career Services helped."),
    ("my manager sam lee", "my manager sam lee helped."),
])
def test_a_person_referrer_is_still_withheld(tmp_path: Path, referrer: str, said: str) -> None:
    assert_filter_refuses(_referred_site(tmp_path / "s", said + "\n", referrer=referrer),
                          tmp_path / "out", "content/pages/about.md")


@pytest.mark.parametrize(("text", "no_one"), [
    ("LinkedIn", True), ("alumni office", True), ("the alumni office", True),
    ("Career Services", True), ("the hiring manager", True), ("her boss", True),
    ("Career centre alumni night", True), ("a cold e-mail", True),
    ("Sam Lee", False), ("Dean", False), ("LinkedIn (Sam Lee)", False),
    ("Sam from Career Services", False), ("my manager sam lee", False), ("", False),
    ("Hope", False), ("Will Turner", False),
])
def test_which_referrers_name_no_one(text: str, no_one: bool) -> None:
    assert names_no_one(text) is no_one


def test_a_channel_is_no_name_in_a_referrers_text(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """"Sam from Career Services" is a person, looked for as written, not as the
    name "Career Services" (which every public "Career Services" would give)."""
    assert name_in("Sam from Career Services") is None
    assert name_in("my manager Sam Lee at Career Services") == "Sam Lee"
    said = "Career Services helped with my CV.\n"
    site = _referred_site(tmp_path / "s", said, referrer="Sam from Career Services")
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _built(result)
    monkeypatch.setattr(nameparts, "names_no_one", lambda text: False)
    assert_filter_refuses(site, tmp_path / "out2", "content/pages/about.md")


ORG_BODY = "Private notes.\n\nAcme's Instagram is instagram.com/acmecorp; follow @acmecorp there.\n"
ORG_SAID = "Follow instagram.com/acmecorp and @acmecorp for their news."


def _listed_site(root: Path, listed: list[str], **person: Any) -> Path:
    site = _site(root, ORG_SAID, ORG_BODY, **person)
    (site / "site.toml").write_text(
        (site / "site.toml").read_text("utf-8") + "\n[privacy]\npublic_contacts = ["
        + ", ".join(f'"{x}"' for x in listed) + "]\n", "utf-8")
    return site


def test_an_organisations_profile_can_be_declared_public(tmp_path: Path) -> None:
    assert_filter_refuses(_listed_site(tmp_path / "a", []), tmp_path / "out-a", PAGE,
                          "contact-in-text")
    result = build(_listed_site(tmp_path / "b", ["https://www.instagram.com/AcmeCorp/",
                                                 "@acmecorp"]), out=tmp_path / "out-b")
    assert result.status == 0, _built(result)


def test_a_persons_profile_cannot_be_declared_public(tmp_path: Path) -> None:
    site = _listed_site(tmp_path / "s", ["instagram.com/acmecorp", "@acmecorp",
                                         "linkedin.com/in/qzabrowski"],
                        linkedin="https://www.linkedin.com/in/qzabrowski/")
    result = build(site, out=tmp_path / "out")
    assert [d.line for d in result.diagnostics if d.code == "public-contact-recorded"] \
        == [7], _built(result)


@pytest.mark.parametrize(("entry", "kind"), [
    ("https://uni.example/careers", "url"), ("instagram.com/acmecorp", "url"),
    ("@acmecorp", "handle"), ("careers@uni.example", "email"), ("careers@uni", ""),
    ("the careers office", ""),
])
def test_what_a_listed_entry_is(entry: str, kind: str) -> None:
    assert kind_of(entry) == kind
