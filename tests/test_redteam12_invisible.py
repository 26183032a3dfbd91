"""Red team 12 (docs/redteam/2026-12-02-twelfth.md): text a reader does not see or
does not read as written.

R12-02: a name and an e-mail spelt in Unicode tag characters, in variation
selectors used as bytes ("emoji smuggling") and in zero-width characters used as
bits were published: the filter and the audit drop characters drawn as nothing.
Validate now refuses such runs (``invisible-text``: ivsite.validate.invisibledata)
in a note's file, site.toml and questions.yaml, and the audit reads what they
spell (ivsite.text.invisibletext, through ivsite.readers.morereadings) and refuses
a long run it cannot decode. An emoji's selector, a flag, joined emoji, a
non-joiner in Persian and a soft hyphen still build.

R12-08: a name in base64 in a summary, or in hex in a body, was published. The
audit reads base64 and hex words of every text decoded (ivsite.text.encodedtokens).

R12-11: a private phone number written in keypad letters ("647-EVA-CARE") was
published. The contact skeleton reads a vanity number's capitals as the keypad's
digits (ivsite.contacts.keypad).

Each leak is refused; with the new protection switched off, it is published.
"""

from __future__ import annotations

import base64
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sites import assert_audit_refuses, assert_filter_refuses, assert_published, write_site

from ivsite.contacts import skeleton as contactskeleton
from ivsite.contacts.fields import contact_pieces
from ivsite.contacts.keypad import keypad_digits
from ivsite.names.people import matcher_of
from ivsite.pipeline import build
from ivsite.readers import morereadings
from ivsite.text import invisibletext
from ivsite.text.encodedtokens import encoded_readings
from ivsite.text.invisibletext import carried, invisible_readings, unread_runs
from ivsite.validate import note as validatenote

TALK = "content/interviews/2026-03-01-talk.md"
PAGE = "content/pages/p.md"
NAME = "Quentin Zabrowski"
MAIL = "qz@studionorth.example"


# --------------------------------------------------------------------------- encodings

def tags(text: str) -> str:
    return "".join(chr(0xE0000 + ord(c)) for c in text)


def selectors(text: str) -> str:
    """Paul Butler's scheme: one selector per UTF-8 byte."""
    return "".join(chr(0xFE00 + b) if b < 16 else chr(0xE0100 + b - 16)
                   for b in text.encode())


def nibbles(text: str) -> str:
    """Two of VS1–16 per byte, high half first."""
    return "".join(chr(0xFE00 + (b >> 4)) + chr(0xFE00 + (b & 15)) for b in text.encode())


ZW = "\u200b\u200c\u200d\u2060\ufeff"


def bits(text: str, zero: str = "\u200b", one: str = "\u200c") -> str:
    return "".join(f"{b:08b}" for b in text.encode()).replace("0", zero).replace("1", one)


def separated(text: str, zero: str, one: str, gap: str) -> str:
    """Each character's code in binary, the characters apart by a third kind."""
    return gap.join(f"{ord(c):b}".replace("0", zero).replace("1", one) for c in text)


def base4(text: str, order: str) -> str:
    def quad(b: int) -> str:
        return "".join(order[(b >> s) & 3] for s in (6, 4, 2, 0))
    return "".join(quad(b) for b in text.encode())


def spread(text: str, visible: str = "Thanks to everyone I talked to this spring") -> str:
    """Butler's selectors one after each visible letter."""
    hidden = selectors(text)
    return "".join(itertools.chain.from_iterable(
        itertools.zip_longest(visible, hidden, fillvalue="")))


ENCODINGS: dict[str, Callable[[str], str]] = {
    "tags": tags,
    "selectors": lambda t: "\U0001F600" + selectors(t),
    "nibbles": lambda t: "\U0001F600" + nibbles(t),
    "bits": bits,
    "bits swapped": lambda t: bits(t, "\u200c", "\u200b"),
    "joiner bits": lambda t: bits(t, "\u200d", "\u2060"),
    "bits with gaps": lambda t: separated(t, "\u200b", "\u200c", "\u200d"),
    "base 4": lambda t: base4(t, "\u200b\u200c\u200d\ufeff"),
    "Mongolian selectors as bits": lambda t: bits(t, "\u180b", "\u180c"),
    "Hangul fillers as bits": lambda t: bits(t, "\u3164", "\u115f"),
    "soft hyphen and word joiner as bits": lambda t: bits(t, "\u00ad", "\u2060"),
}
LEGIT = [
    "I \u2764\ufe0f this work",                      # VS16 on an emoji
    "\U0001F3F4" + tags("gbsct") + "\U000E007F Scotland",  # a flag's tag sequence
    "\U0001F469\u200d\U0001F4BB coder",              # a ZWJ sequence
    "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 family",
    "\U0001F3F3\ufe0f\u200d\U0001F308 and 1\ufe0f\u20e3",
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian with a ZWNJ
    "\u0915\u094d\u200d\u0937 and \u0d28\u0d4d\u200c",     # Devanagari, Malayalam
    "hy\u00adphen\u00ada\u00adtion",                 # soft hyphens
    "\u845b\U000E0100\u57ce",                        # an ideograph's variation selector
    "\u2264\ufe00 and a\u200b b and 0\ufe00",
    "\u182a\u180b\u1822 Mongolian",                  # a free variation selector
]


@given(st.sampled_from(sorted(ENCODINGS)), st.sampled_from([NAME, MAIL, "Zoë Ng-Ōta"]),
       st.sampled_from(["", "Thanks ", "<p>A big thank you"]),
       st.sampled_from(["", " to all.", "</p>\n"]))
@settings(max_examples=60, deadline=None)
def test_each_encoding_is_read_and_refused(kind: str, hidden: str, before: str,
                                            after: str) -> None:
    assume(kind != "tags" or hidden.isascii())  # tag characters spell ASCII alone
    text = before + ENCODINGS[kind](hidden) + after
    assert any(hidden in r for r in invisible_readings(text)), kind
    assert list(carried(text)), kind


@given(st.sampled_from([NAME, MAIL]), st.sampled_from(list(itertools.permutations(ZW, 2))))
@settings(max_examples=20, deadline=None)
def test_any_two_zero_width_characters_are_read_as_bits(hidden: str, pair: tuple[str, str]) -> None:
    assert any(hidden in r for r in invisible_readings(f"Hi {bits(hidden, *pair)}."))


def test_selectors_spread_one_per_letter_are_read_and_refused() -> None:
    text = spread(NAME)
    assert any(NAME in r for r in invisible_readings(text))
    assert list(carried(text))


def test_selector_nibbles_spread_one_per_letter_are_read_and_refused() -> None:
    hidden = iter(nibbles(NAME))
    text = "".join(c + next(hidden, "") for c in "Thanks to everyone I talked to this spring"
                   if c.isalpha())
    assert any(NAME in r for r in invisible_readings(text))
    assert list(carried(text))


def test_zero_width_characters_spread_inside_words_are_refused() -> None:
    hidden = iter(bits("Qu"))  # one between each two letters of the words
    visible = "Thanks to everyone I talked to"
    text = "".join(c + next(hidden, "") if c.isalpha() and d.isalpha() else c
                   for c, d in zip(visible, visible[1:] + "!", strict=True))
    assert sum(c in ZW for c in text) == 16
    assert list(carried(text))
    assert "Qu" in invisible_readings(text)


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_invisible_characters_pass(text: str) -> None:
    assert list(carried(text)) == []
    assert unread_runs(text) == []


@given(st.lists(st.sampled_from(LEGIT), min_size=1, max_size=6))
@settings(max_examples=30, deadline=None)
def test_legitimate_uses_together_pass(parts: list[str]) -> None:
    assert list(carried(" ".join(parts))) == []


def test_a_long_run_that_decodes_to_nothing_is_unread() -> None:
    noise = "".join("\u200b\u200c\u200d"[i * 7 % 3] for i in range(40)) + "\u2060" * 3
    assert unread_runs(f"a{noise}b")
    assert unread_runs("x" + "".join(chr(0xE0100 + b) for b in range(0xA0, 0xC0)))


# --------------------------------------------------------------------------- builds

def _site(root: Path, said: str, front: dict[str, str] | None = None, **person: str) -> Path:
    talk = ({"visibility": "private", "date": "2026-03-01", "alias": "a studio lead",
             "person": {"name": NAME, "company": "North Studio", "email": MAIL, **person}},
            "We talked.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/2026-03-01-talk.md": talk,
                             "pages/p.md": ({"title": "About", **(front or {})}, f"{said}\n")})


PAGES = {kind: f"Thanks to everyone I talked to{encode(hidden)}."
         for kind, encode in ENCODINGS.items() for hidden in (NAME,)}
PAGES["mail in tags"] = f"Email contacts welcome{tags(MAIL)}."
PAGES["spread selectors"] = spread(NAME)


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_validate_refuses_each_encoding_in_a_body(tmp_path: Path, kind: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", PAGES[kind]), tmp_path / "out", PAGE,
                          "invisible-text")


def test_validate_refuses_it_in_front_matter(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "Hello.", {"summary": f"Thanks{tags(NAME)}"})
    assert_filter_refuses(site, tmp_path / "out", PAGE, "invisible-text", line=3)


def test_validate_refuses_it_in_site_toml_and_questions(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "Hello.")
    toml = (site / "site.toml").read_text("utf-8")
    (site / "site.toml").write_text(toml.replace('title = "', f'title = "{tags(NAME)}', 1),
                                    "utf-8")
    result = build(site, out=tmp_path / "out")
    assert result.status != 0
    assert any(d.path == "site.toml" and d.code == "invisible-text" for d in result.diagnostics)
    assert not (tmp_path / "out").exists()
    site = _site(tmp_path / "s2", "Hello.")
    (site / "content" / "questions.yaml").write_text(
        f"- id: day\n  text: What is a typical day?{bits(NAME)}\n", "utf-8")
    assert_filter_refuses(site, tmp_path / "out2", "content/questions.yaml", "invisible-text")


def test_legitimate_uses_build(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "\n\n".join(LEGIT), {"summary": LEGIT[0] + LEGIT[1]})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.message for d in result.diagnostics]


def _validate_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validatenote, "invisible_data", lambda *args: False)


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_with_validate_off_the_audit_alone_refuses(tmp_path: Path, kind: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _validate_off(monkeypatch)
    assert_audit_refuses(_site(tmp_path / "s", PAGES[kind]), tmp_path / "out", TALK)


def test_with_validate_off_the_audit_refuses_a_run_it_cannot_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _validate_off(monkeypatch)
    noise = "".join("\u200b\u200c\u200d"[i * 7 % 3] for i in range(40))
    result = build(_site(tmp_path / "s", f"Hello{noise} there."), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.secret.kind.startswith("file not read whole (a run of") for h in result.hits)


@pytest.mark.parametrize("kind", ["tags", "selectors", "bits", "mail in tags"])
def test_with_both_off_it_is_published(tmp_path: Path, kind: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _validate_off(monkeypatch)
    monkeypatch.setattr(morereadings, "invisible_readings", lambda text: [])
    monkeypatch.setattr(morereadings, "unread_runs", lambda text: [])
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", PAGES[kind]), out=out)
    assert result.status == 0, [d.message for d in result.diagnostics]
    page = (out / "p" / "index.html").read_text("utf-8")
    spelt = " ".join(invisibletext.invisible_readings(page))
    assert (MAIL if "mail" in kind else NAME) in spelt


# --------------------------------------------------------------------------- R12-08

@given(st.sampled_from([NAME, "Zoë Ng-Ōta", MAIL]), st.sampled_from(["b64", "url", "hex"]),
       st.sampled_from(["", "Thanks ", "summary: "]), st.sampled_from(["", ".", " and more"]))
@settings(max_examples=40, deadline=None)
def test_base64_and_hex_words_are_read(hidden: str, how: str, before: str, after: str) -> None:
    raw = hidden.encode()
    token = {"b64": base64.b64encode(raw).decode(), "url": base64.urlsafe_b64encode(raw)
             .decode().rstrip("="), "hex": raw.hex()}[how]
    assert hidden in encoded_readings(before + token + after)


def test_hashes_and_identifiers_are_not_read() -> None:
    text = ("sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 "
            "addEventListener getElementsByClassName 2026-04-01-thanks-to-everyone")
    assert encoded_readings(text) == []


def _encoded_site(root: Path) -> Path:
    return _site(root, "Hex: 5175656e74696e205a6162726f77736b69",
                 {"summary": "Thanks UXVlbnRpbiBaYWJyb3dza2k="})


def test_the_audit_refuses_base64_and_hex(tmp_path: Path) -> None:
    assert_audit_refuses(_encoded_site(tmp_path / "s"), tmp_path / "out", TALK)


def test_without_decoding_base64_and_hex_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(morereadings, "encoded_readings", lambda text: [])
    assert_published(_encoded_site(tmp_path / "s"), tmp_path / "out",
                     "5175656e74696e205a6162726f77736b69")


# --------------------------------------------------------------------------- R12-11

PHONE = "+1 647 382 2273"


def _found(value: str, text: str) -> bool:
    matcher = matcher_of(("contact field phone", piece, piece)
                         for piece in contact_pieces("phone", value))
    return bool(matcher.find(text))


_KEY_LETTERS = {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS",
                "8": "TUV", "9": "WXYZ"}


@given(st.data())
@settings(max_examples=40, deadline=None)
def test_a_number_in_keypad_letters_is_found(data: st.DataObject) -> None:
    groups = ["647", "382", "2273"]
    spelt = []
    for i, g in enumerate(groups):
        if i and all(d in _KEY_LETTERS for d in g) and data.draw(st.booleans()):
            g = "".join(data.draw(st.sampled_from(_KEY_LETTERS[d])) for d in g)
        spelt.append(g)
    sep = data.draw(st.sampled_from(["-", ".", " ", ""]))
    said = data.draw(st.sampled_from(["Call {}.", "A mentor worth calling: {}!", "({})"]))
    assert _found(PHONE, said.format(sep.join(spelt)))


@given(st.text(st.sampled_from("abcdefgh xyz0123456789,.-"), max_size=80))
@settings(max_examples=60, deadline=None)
def test_prose_in_lower_case_is_not_read_through_the_keypad(text: str) -> None:
    assert keypad_digits(text) is text


@pytest.mark.parametrize("text", ["COVID-19 in 2020", "the NASA team", "I met her at 3 PM",
                                  "Room B12, floor 4", "ISO 8601 dates"])
def test_ordinary_capitals_stay(text: str) -> None:
    assert keypad_digits(text) == text


def test_the_filter_refuses_a_vanity_spelling(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "A mentor worth calling: 647-EVA-CARE.", phone=PHONE)
    assert_filter_refuses(site, tmp_path / "out", PAGE, "contact-in-text")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_vanity_spelling(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "A mentor worth calling: 647-EVA-CARE.", phone=PHONE)
    assert_audit_refuses(site, tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_keypad_a_vanity_spelling_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contactskeleton, "keypad_digits", lambda cased: cased)
    site = _site(tmp_path / "s", "A mentor worth calling: 647-EVA-CARE.", phone=PHONE)
    assert_published(site, tmp_path / "out", "647-EVA-CARE")
