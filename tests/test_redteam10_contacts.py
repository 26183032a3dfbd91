"""Red team 10, R10-12 and R10-15: the person's email and phone in forms the
contact rules did not read.

R10-12: "qz.design@gmail.com" published as "qzdesign@googlemail.com", the same
Gmail mailbox. An address is now also looked for at its provider's other domains,
without a plus-address tag and without the dots the provider ignores
(ivsite.contacts.mailboxes.alias_addresses); and one at a webmail provider said without its
top-level domain, "qz.design at g mail" (ivsite.contacts.mailboxes.webmail_skeleton).

R10-15: "+1 416 555 0142" said in French, German, Spanish, Italian or Portuguese
words ("quatre un six …", "null eins zweiundvierzig"), or written in Chinese or
Japanese numerals ("四一六五五五〇一四二", "四十二"), or Korean digit words. Now read as digits
(ivsite.contacts.otherdigits), as the English words are (ivsite.contacts.spokendigits).

Each is refused by the filter (``contact-in-text``) and, with the filter off (the
``no_filter`` fixture), by the audit; with the new reading switched off, it is
published. Prose with numbers and other addresses at the same providers is not
refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    other_readings_off,
    red_team_site,
    red_team_talk,
)

from ivsite.contacts import fields as contacts
from ivsite.contacts import otherdigits
from ivsite.contacts import skeleton as contactskeleton
from ivsite.contacts.fields import contact_pieces
from ivsite.names.people import matcher_of
from ivsite.pipeline import build
from ivsite.text.normalise import fold_cased

PHONE = "+1 416 555 0142"
EMAIL = "qz.design@gmail.com"
TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"

SAID = {
    "French digits": "Son numéro : quatre un six cinq cinq cinq zéro un quatre deux.",
    "German digits": "Seine Nummer: vier eins sechs fünf fünf fünf null eins vier zwei.",
    "Spanish digits": "Su número: cuatro uno seis cinco cinco cinco cero uno cuatro dos.",
    "Italian digits": "Il numero: quattro uno sei cinque cinque cinque zero uno quattro due.",
    "Portuguese digits": "O número: quatro um meia cinco cinco cinco zero um quatro dois.",
    "French pairs": "Son numéro : 416 555 zéro un quarante-deux.",
    "German pairs": "Nummer 416 555 null eins zweiundvierzig.",
    "Italian pairs": "Numero 416 555 zero uno quarantadue.",
    "Spanish pairs": "Número 416 555 cero uno cuarenta y dos.",
    "Chinese numerals": "电话：四一六五五五〇一四二",
    "Japanese numerals": "電話番号は四一六・五五五・零一四二です。",
    "numerals with ten": "电话 四一六 五五五 〇一 四十二",
    "Korean digit words": "전화: 사일육-오오오-공일사이",
    "full-width digits": "電話：４１６－５５５－０１４２",
    "a word among digits": "Call 416-555-01four2.",
}
BUILT = ("French digits", "German pairs", "Chinese numerals", "full-width digits")
"""The cases built whole (one build each is a second; the others through the
matcher the filter and the audit share)."""

MAILED = {
    "googlemail, no dots": "Write to qzdesign@googlemail.com for an intro.",
    "googlemail, tagged": "Write to qz.design+intro@googlemail.com for an intro.",
    "googlemail, cased": "Write to QZ.Design@GoogleMail.com for an intro.",
    "gmail, no dots": "Write to qzdesign@gmail.com for an intro.",
    "no top-level domain": "Write to qzdesign@googlemail if you want an intro.",
    "spelt out": "Write to qzdesign at googlemail dot com.",
    "spoken, no top-level domain": "Write to qz.design at g mail.",
    "spelt, no top-level domain": "Write to Q Z dot design at gmail.",
}

PROSE = """Il y a deux ans, j'ai eu trois entretiens et un stage de six mois en 2024.
Es waren vier oder fünf Leute da, null Feedback, eins zu null für uns.
Una vez, dos veces, tres veces: once people said it was due in sei days, um, otto.
Quarantadue persone, trentatré domande, venti minuti; quarenta e dois, vinte e três.
我们一起去了三个城市，花了两天，第一天见了五个人。二〇二六年三月一日，第十二章。
Chapter 7, pages 416 to 555, section 0.142.
"""
OTHER_MAIL = ("Other people: qz.design@hotmail.com, design@googlemail.com, "
              "qz.designs@googlemail.com and qz@gmail.com; qz.design at Gmailers.")


def _found(kind: str, value: str, text: str) -> bool:
    """Whether the matcher the filter and the audit share finds the field's detail."""
    matcher = matcher_of((f"contact field {kind}", piece, piece)
                         for piece in contact_pieces(kind, value))
    return bool(matcher.find(text))


def _site(root: Path, said: str, **person: str) -> Path:
    return red_team_site(root, {"pages/p.md": ({"title": "About"}, f"{said}\n")},
                         red_team_talk(**(person or {"phone": PHONE})))


@pytest.mark.parametrize("said", SAID.values(), ids=SAID.keys())
def test_the_phone_is_found(said: str) -> None:
    assert _found("phone", PHONE, said)


@pytest.mark.parametrize("said", MAILED.values(), ids=MAILED.keys())
def test_the_mailbox_is_found(said: str) -> None:
    assert _found("email", EMAIL, said)


def test_a_plain_mailbox_at_webmail_is_no_spoken_address() -> None:
    """"quentin@gmail.com" is not found in "Quentin at Gmail" (a text may say
    where someone works); a dotted one at a provider that employs people neither."""
    assert not _found("email", "quentin@gmail.com", "I met Quentin at Gmail.")
    assert not _found("email", "jane.doe@yahoo.com", "I met Jane Doe at Yahoo.")
    assert _found("email", "quentin@gmail.com", "Write to quentin@googlemail.com.")


def test_other_providers_aliases_are_found() -> None:
    assert _found("email", "qz.design@icloud.com", "mail qz.design@me.com")
    assert _found("email", "qz.design@proton.me", "mail qz.design@protonmail.com")
    assert _found("email", "qz.design@yandex.ru", "mail qz-design@ya.ru")
    assert _found("email", "jane+site@acme.example", "mail jane@acme.example")


@pytest.mark.parametrize("name", BUILT)
def test_the_filter_refuses_the_phone(tmp_path: Path, name: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", SAID[name]), tmp_path / "out", PAGE,
                          "contact-in-text")


def test_the_filter_refuses_the_mailbox(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s", MAILED["googlemail, no dots"], email=EMAIL),
                          tmp_path / "out", PAGE, "contact-in-text")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("name", BUILT)
def test_the_audit_alone_refuses_the_phone(tmp_path: Path, name: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", SAID[name]), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_mailbox(tmp_path: Path) -> None:
    assert_audit_refuses(_site(tmp_path / "s", MAILED["googlemail, no dots"], email=EMAIL),
                         tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_other_languages_the_phone_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other_readings_off(monkeypatch)
    monkeypatch.setattr(contactskeleton, "other_digits", lambda text: text)
    for name in ("French digits", "Chinese numerals"):
        assert_published(_site(tmp_path / name, SAID[name]), tmp_path / f"out-{name}",
                         SAID[name].split(" ", 1)[-1])


@pytest.mark.usefixtures("no_filter")
def test_without_the_aliases_the_mailbox_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other_readings_off(monkeypatch)
    monkeypatch.setattr(contacts, "alias_addresses", lambda address: [])
    assert_published(_site(tmp_path / "s", MAILED["googlemail, no dots"], email=EMAIL),
                     tmp_path / "out", "qzdesign@googlemail.com")


def test_prose_with_numbers_and_other_mailboxes_is_published(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", f"{PROSE}\n{OTHER_MAIL}", phone=PHONE, email=EMAIL)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_the_words_read_as_digits() -> None:
    def read(text: str) -> str:
        return otherdigits.other_digits(fold_cased(text).casefold())

    assert read("zéro six, douze, trente-quatre, soixante-dix-huit, quatre-vingt-dix-sept"
                ) == "0 6, 12, 34, 78, 97"
    assert read("vingt et un, soixante et onze, quatre-vingts") == "21, 71, 80"
    assert read("zweiundvierzig, einundzwanzig, dreißig") == "42, 21, 30"
    assert read("quarantadue ventotto ventitré; treinta y dos, veintidós; quarenta e dois"
                ) == "42 28 23; 32, 22; 42"
    assert read("四十二 十二 四十 十 幺三 两") == "42 12 40 10 13 2"
    assert read("사십이, 이 사람은 오일을 샀다") == "42, 2 사람은 오일을 샀다"
    assert read("concept, aun, tresor, dixit, zweite") == "concept, aun, tresor, dixit, zweite"


_LANGUAGES = [
    ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"],
    ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"],
    ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
    ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"],
    ["zero", "um", "dois", "três", "quatro", "cinco", "meia", "sete", "oito", "nove"],
    list("〇一二三四五六七八九"),
    list("공일이삼사오육칠팔구"),
]


@settings(max_examples=60, deadline=None)
@given(st.text("0123456789", min_size=10, max_size=10), st.sampled_from(_LANGUAGES),
       st.sampled_from([" ", ", ", "-", " - "]))
def test_any_number_said_digit_by_digit_is_found(number: str, language: list[str],
                                                 sep: str) -> None:
    """Any number, in any of the languages, is found as itself (the phone's last
    seven digits), and another number said the same way is not."""
    said = sep.join(language[int(d)] for d in number)
    assert _found("phone", number, f"Le numéro : {said}.")
    other = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert not _found("phone", other, f"Le numéro : {said}.")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted({*otherdigits.VOCABULARY, "et", "y", "e", "und", "4",
                                         "42", "-", ",", "concept", "十", "四", "사", "x"})),
                max_size=12).map(" ".join))
def test_any_run_of_words_reads_without_a_mark_left(text: str) -> None:
    """Whatever the words, the reading ends with digits and words only: no tens
    left waiting for a unit, no error."""
    assert otherdigits._TEN_MARK not in otherdigits.other_digits(text)
