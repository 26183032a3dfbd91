"""Red team 14 (docs/redteam/2026-12-02-fourteenth.md), a change of script as a
word boundary.

R14-08: a Latin-letter name written against Japanese, Chinese or Thai text with
no space ("昨日Robert Quinlanさんと会った。") was one word with the kana and han
beside it, so the name's words were never the text's words: the normaliser now
puts a word boundary where a script written without spaces meets letters or
digits of another (ivsite.text.normalise.script_edges_spaced), for the filter
and the audit alike.

R14-09: a private address or profile written between Japanese characters
("連絡先はrquin@zenthor.exampleまで。", also with a full-width "＠") was published:
its words are now found as R14-08's are, and the contact skeleton's word end
(ivsite.contacts.skeleton.ends_a_word) and a mailbox's ends without its
top-level domain (ivsite.contacts.mailboxes) take a letter of a spaceless script
as the end of the address, as they take a space.

Each is refused by the filter, by the audit alone (the ``no_filter`` fixture),
and published when its protection is switched off; a Han or kana name is still
found as a run, and Latin words with accents stay whole.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sites import assert_audit_refuses, assert_filter_refuses, assert_published, write_site

from ivsite.contacts import mailboxes, skeleton
from ivsite.contacts.fields import contact_pieces
from ivsite.names.people import matcher_of
from ivsite.text import normalise
from ivsite.text.normalise import text_words, words

NAME = "Robert Quinlan"
EMAIL = "rquin@zenthor.example"
PROFILE = "linkedin.com/in/zl-analyst-8841"
TALK = "content/interviews/2026-03-10-lab.md"
PAGE = "content/pages/memo.md"

NAMES = {
    "japanese": "昨日Robert Quinlanさんと会った。データ分析の仕事について聞いた。",
    "chinese": "我和Robert Quinlan聊了聊。",
    "thai": "เมื่อวานคุยกับRobert Quinlanเรื่องงาน",
    "honorific only": "Robert Quinlanさん",
}
CONTACTS = {
    "address": ("email", EMAIL, "連絡先はrquin@zenthor.exampleまで。"),
    "full-width at": ("email", EMAIL, "メールはrquin＠zenthor.exampleへ。"),
    "profile": ("linkedin", PROFILE, "プロフィールはlinkedin.com/in/zl-analyst-8841です。"),
}
SPELT = {  # found by the contact skeleton or a mailbox form, not by words
    "spelt out": ("email", EMAIL, "連絡先はrquin at zenthor dot exampleです"),
    "no top-level domain": ("email", EMAIL, "連絡先はrquin@zenthorまで。"),
    "full-width, no top-level domain": ("email", EMAIL, "連絡先はrquin＠zenthorまで。"),
}


def _site(root: Path, said: str, *, txt: str | None = None, **person: Any) -> Path:
    """A private interview with Robert Quinlan (no consent) and a public page."""
    talk = ({"visibility": "private", "date": "2026-03-10",
             "person": {"name": NAME, "role": "Analyst", "company": "Zenthor Labs", **person},
             "alias": "an analyst at a lab", "consent": {"publish_name": False}},
            "We talked.\n")
    body = f"{said}\n" + ("\n[メモ](files/memo.txt)\n" if txt is not None else "")
    content: dict[str, Any] = {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                               "interviews/2026-03-10-lab.md": talk,
                               "pages/memo.md": ({"title": "面談メモ"}, body)}
    if txt is not None:
        content["pages/files/memo.txt"] = txt
    return write_site(root, content)


def _found(kind: str, value: str, text: str) -> bool:
    """Whether the matcher the filter and the audit share finds the detail."""
    return bool(matcher_of((f"contact field {kind}", p, p)
                           for p in contact_pieces(kind, value)).find(text))


def _edges_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalise, "script_edges_spaced", lambda text: text)


def _old_ending(needle: str) -> re.Pattern[str]:
    marks = "[\x01\x03]*"
    return re.compile(marks.join(map(re.escape, needle)) + r"(?![^\W_])")


def _contact_ends_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(skeleton, "_ending", _old_ending)
    monkeypatch.setattr(mailboxes, "SPACELESS_CHARS", "")


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize("text", NAMES.values(), ids=list(NAMES))
def test_a_latin_name_against_spaceless_text_is_its_own_words(text: str) -> None:
    assert " robert quinlan " in text_words(text)[1]


def test_spaceless_words_and_accents_are_kept() -> None:
    assert words("佐々木さん") == ["佐々木さん"]
    assert words("José Ramírezと") == ["jose", "ramirez", "と"]
    assert words("राहुल") == ["राहुल"]
    assert words("ＡＢＣさん") == ["abc", "さん"]  # full-width letters folded first


def test_a_han_name_is_still_found_as_a_run() -> None:
    m = matcher_of([("unconsented name", "王小明", "wang")])
    assert m.find("昨天我和王小明Bob聊了聊")
    assert m.find("2026年王小明さん")


# --------------------------------------------------------------------------- R14-08


@pytest.mark.parametrize("text", NAMES.values(), ids=list(NAMES))
def test_the_filter_refuses_the_name(tmp_path: Path, text: str) -> None:
    assert_filter_refuses(_site(tmp_path / "site", text), tmp_path / "out", PAGE)


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_name_in_page_and_text_file(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", NAMES["japanese"])
    assert_audit_refuses(site, tmp_path / "out", TALK)
    site = _site(tmp_path / "site2", "メモです。", txt="メモ：Robert Quinlanさんと話した。\n")
    assert_audit_refuses(site, tmp_path / "out2", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_script_edges_the_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edges_off(monkeypatch)
    assert " robert quinlan " not in text_words(NAMES["japanese"])[1]
    assert_published(_site(tmp_path / "site", NAMES["japanese"]), tmp_path / "out", NAME)


# --------------------------------------------------------------------------- R14-09


@pytest.mark.parametrize("kind, value, text", [*CONTACTS.values(), *SPELT.values()],
                         ids=[*CONTACTS, *SPELT])
def test_the_detail_is_found(kind: str, value: str, text: str) -> None:
    assert _found(kind, value, text)


@pytest.mark.parametrize("kind, value, text", CONTACTS.values(), ids=list(CONTACTS))
def test_the_ends_alone_find_the_detail(monkeypatch: pytest.MonkeyPatch,
                                        kind: str, value: str, text: str) -> None:
    _edges_off(monkeypatch)
    assert _found(kind, value, text)


@pytest.mark.parametrize("kind, value, text", SPELT.values(), ids=list(SPELT))
def test_without_spaceless_ends_a_spelt_detail_is_missed(
        monkeypatch: pytest.MonkeyPatch, kind: str, value: str, text: str) -> None:
    _contact_ends_off(monkeypatch)
    assert not _found(kind, value, text)


def test_prose_with_at_beside_kana_is_no_address() -> None:
    assert not _found("email", EMAIL, "I met rquin at zenthor, examples")
    assert not _found("email", EMAIL, "rquin at zenthorのexamplesです")


@pytest.mark.parametrize("kind, value, text", [*CONTACTS.values(), SPELT["spelt out"],
                                               SPELT["no top-level domain"]],
                         ids=[*CONTACTS, "spelt out", "no top-level domain"])
def test_the_filter_refuses_the_detail(tmp_path: Path, kind: str, value: str,
                                       text: str) -> None:
    site = _site(tmp_path / "site", text, **{kind: value})
    assert_filter_refuses(site, tmp_path / "out", PAGE, code="contact-in-text")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("kind, value, text", [*CONTACTS.values(), SPELT["spelt out"]],
                         ids=[*CONTACTS, "spelt out"])
def test_the_audit_alone_refuses_the_detail(tmp_path: Path, kind: str, value: str,
                                            text: str) -> None:
    site = _site(tmp_path / "site", text, **{kind: value})
    assert_audit_refuses(site, tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_both_the_address_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edges_off(monkeypatch)
    _contact_ends_off(monkeypatch)
    kind, value, text = CONTACTS["address"]
    assert_published(_site(tmp_path / "site", text, **{kind: value}), tmp_path / "out", value)
