"""The contact skeleton (ivsite.contacts.skeleton) over generated spellings: every
way of writing a detail that the filter and the audit promise to catch is found
by the matcher both of them use (ivsite.names.people.matcher_of), and ordinary prose is
not. Red-team F3."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.contacts.fields import contact_pieces
from ivsite.contacts.skeleton import contact_skeleton, phone_key
from ivsite.names.people import matcher_of


def found(kind: str, value: str, text: str) -> bool:
    """Whether the matcher of a contact field finds it in ``text``."""
    items = [(f"contact field {kind}", piece, piece) for piece in contact_pieces(kind, value)]
    return bool(matcher_of(items).find(text))


# --------------------------------------------------------------------------- email

AT = ["@", " at ", " [at] ", "(at)", " (at) ", " {at} ", " AT ", " [@] ", " @ ", "_at_"]
DOT = [".", " dot ", " [dot] ", "(dot)", " (dot) ", " {dot} ", " DOT ", " [.] ", " . ",
       " period ", "_dot_"]
LOCAL = st.from_regex(r"[a-z][a-z0-9]{1,7}(\.[a-z][a-z0-9]{1,6})?", fullmatch=True)
DOMAIN = st.from_regex(r"[a-z]{3,8}\.(com|org|example|io)", fullmatch=True)


@st.composite
def spelt_email(draw: st.DrawFn) -> tuple[str, str]:
    """(address, a spelling of it)."""
    local, domain = draw(LOCAL), draw(DOMAIN)
    spaced = draw(st.booleans())
    at = "@" if spaced else draw(st.sampled_from(AT))
    dot = "." if spaced else draw(st.sampled_from(DOT))
    tag = draw(st.one_of(st.just(""), st.from_regex(r"\+[a-z0-9]{1,6}", fullmatch=True)))
    text = local.replace(".", dot) + tag + at + domain.replace(".", dot)
    if spaced:
        text = " ".join(text)
    case = draw(st.sampled_from([str.lower, str.upper, str.title]))
    return f"{local}@{domain}", case(text)


@given(spelt_email())
@settings(max_examples=300, deadline=None)
def test_every_spelling_of_an_email_is_found(case: tuple[str, str]) -> None:
    address, text = case
    assert found("email", address, f"Write to {text} soon."), (address, text)


# --------------------------------------------------------------------------- phone

SEPARATORS = [*" -.•·_|:/–—,;~*()[]'#=+\u00a0\u2009\u2212\u30fb\u2010\u2015x",
              " - ", " • ", ") ", " / ", "  ", " x "]
SCRIPTS = [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10, 0x1D7CE, 0x1040]
"""Where digit zero stands: ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari,
Bengali, Thai, full-width, mathematical bold, Myanmar."""
LOOKALIKES = {"0": "Oo", "1": "lI"}


@st.composite
def spelt_phone(draw: st.DrawFn) -> tuple[str, str]:
    """(number as the field holds it, a spelling of it)."""
    groups = [draw(st.from_regex(r"[2-9][0-9]{2}", fullmatch=True)),
              draw(st.from_regex(r"[2-9][0-9]{2}", fullmatch=True)),
              draw(st.from_regex(r"[0-9]{4}", fullmatch=True))]
    zero = draw(st.sampled_from(SCRIPTS))
    spelt = []
    for group in groups:
        chars = []
        for i, d in enumerate(group):
            if zero == 0x30 and d in LOOKALIKES and i > 0 and draw(st.booleans()):
                chars.append(draw(st.sampled_from(LOOKALIKES[d])))
            else:
                chars.append(chr(zero + int(d)))
        spelt.append("".join(chars))
    text = spelt[0]
    for group in spelt[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + group
    return "+1 " + " ".join(groups), text


@given(spelt_phone())
@settings(max_examples=300, deadline=None)
def test_every_spelling_of_a_phone_number_is_found(case: tuple[str, str]) -> None:
    number, text = case
    assert found("phone", number, f"Call {text} soon."), (number, text)


@given(spelt_phone(), spelt_phone())
@settings(max_examples=100, deadline=None)
def test_another_number_is_not_found(one: tuple[str, str], other: tuple[str, str]) -> None:
    # A number is found by its last seven digits anywhere in a run of digits (one
    # written with its country code or an extension is found too), so another
    # number that holds those seven digits in a row is found, on purpose; so is
    # one that holds them with its groups read in reverse order (as right-to-left
    # text shows them: "+1 222 222 2220" read "2220 222 222 1" holds 2220222).
    groups = re.findall(r"[0-9]+", other[0])
    if phone_key(one[0]) not in re.sub(r"[^0-9]", "", contact_skeleton(other[0])) \
            and phone_key(one[0]) not in "".join(reversed(groups)):
        assert not found("phone", one[0], f"Call {other[1]} soon."), (one, other)


# --------------------------------------------------------------------------- profiles

HANDLE = st.from_regex(r"[a-z]{2,6}(-[a-z]{2,5})?(-?[0-9]{2,4})?", fullmatch=True).filter(
    lambda h: len(h.replace("-", "")) >= 5)
PROFILE = ["linkedin dot com slash in slash {h}", "LinkedIn.com/in/{h}", "in/{r}",
           "linkedin (dot) com (slash) in (slash) {h}", "linkedin: {r}", "LinkedIn - {r}",
           "www.linkedin.com / in / {h}", "LINKEDIN DOT COM SLASH IN SLASH {H}"]


@given(HANDLE, st.sampled_from(PROFILE))
@settings(max_examples=200, deadline=None)
def test_every_spelling_of_a_linkedin_address_is_found(handle: str, form: str) -> None:
    text = form.format(h=handle, H=handle.upper(), r=handle.replace("-", ""))
    assert found("linkedin", f"https://www.linkedin.com/in/{handle}/?utm_source=share",
                 f"See {text} for more."), (handle, text)


def test_a_github_address_in_the_linkedin_field_is_found_spoken() -> None:
    url = "https://github.com/janedoe"
    for text in ("github: janedoe", "github dot com slash janedoe", "GitHub.com/JaneDoe"):
        assert found("linkedin", url, f"See {text}."), text


# --------------------------------------------------------------------------- prose

CONTACTS = [("email", "jane.doe@example.com"), ("email", "jd.private@secret.example"),
            ("email", "jane@acme.com"), ("email", "jane.doe@stripe.io"),
            ("phone", "+1 416 555 0199"), ("linkedin", "https://www.linkedin.com/in/jane-doe"),
            ("linkedin", "https://github.com/janedoe"),
            ("linkedin", "https://janedoe.dev/")]


@pytest.mark.parametrize("text", [
    "Meet at the cafe at noon.",
    "Dot the i's and cross the t's.",
    "In 2019 we hired 416 people; 555 applied and 199 stayed.",
    "The talk was at 4:16 on 5/5/2019, room 555, floor 1.",
    "Jane Doe / John Smith ran the panel.",
    "I found her on LinkedIn. Jane Doe is great.",
    "Jane Doe develops software at Example Corp.",
    "She works at Secret Corp, plus or minus a day, slash two jobs.",
    "Call 416 555 0100 or 416 556 0199.",
    "Version 1.0.1 (build 4165) shipped at 9:55, dot release 0.1.99.",
    "I met Jane at Acme, communications lead.",
    "Jane at Acme. Company culture came up.",
    "Jane Doe at Stripe, iOS team.",
])
def test_ordinary_prose_is_no_contact_detail(text: str) -> None:
    """Prose may hold a detail's skeleton inside a word ("Jane at Acme,
    communications" holds "jane@acmec0m"): only one that ends a word counts."""
    hits = [(kind, value) for kind, value in CONTACTS if found(kind, value, text)]
    assert hits == [], text


@pytest.mark.parametrize(("written", "skeleton"), [
    ("Jane [at] Example [dot] com", "jane@examp1ec0m"),
    ("jane+jobs at example dot com", "jane@examp1ec0m"),
    ("Call ٤١٦-٥٥٥-٠١٩٩", "ca114165550199"),
    ("416 ----- 555", "416|555"),
])
def test_the_skeleton_of_a_text(written: str, skeleton: str) -> None:
    """A long run of symbols ends a number; everything else between is dropped."""
    assert contact_skeleton(written) == skeleton


@pytest.mark.parametrize(("address", "written"), [
    ("oh@aaa.com", "o h @ a a a . c o m"),
    ("oh@aaa.com", "oh at aaa dot com"),
    ("one.two@example.org", "O N E . T W O @ E X A M P L E . O R G"),
    ("nine@example.io", "nine [at] example [dot] io"),
    ("jd4@example.com", "j d four at example dot com"),
])
def test_an_address_with_digit_words_is_found_however_spaced(address: str, written: str) -> None:
    """A digit word in an address is letters ("oh@aaa.com"); spelt letter by letter
    it is no word, so the address is looked for with its digit words as letters
    (hypothesis found "o h @ a a a . c o m" missed), and still in the skeleton with
    digit words read as digits ("j d four" for "jd4")."""
    assert found("email", address, f"Write to {written} soon."), written
