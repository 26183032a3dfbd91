"""Issue 9, class 10: a front-matter key that looks like a privacy switch fails
closed, however it is spelt.

An unknown key is ignored with a warning, so a privacy switch that ivsite does not
recognise would publish the note. Hypothesis spells the privacy words the ways a
hand or a keyboard layout would (random case, no-break and zero-width characters,
full-width letters, one-letter typos) and every spelling must be an error; the
keys ivsite knows must never be.
"""

from __future__ import annotations

import hashlib

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.core.diagnostics import Diagnostics
from ivsite.core.models import MODELS, NESTED, Referral
from ivsite.core.sourcefiles import SourceFile
from ivsite.parse.stage import parse_note
from ivsite.switches.lookalike import PRIVACY_WORDS, distance, normalise, privacy_word
from ivsite.validate.config import SiteConfig
from ivsite.validate.note import validate_note

ISSUE_WORDS = ("visibility", "private", "draft", "publish", "published", "hidden", "unlisted",
               "secret", "access", "audience", "share", "privacy", "confidential")
KNOWN_KEYS = sorted({k for m in (*MODELS.values(), *NESTED.values(), Referral)
                     for k in m.model_fields})
INVISIBLE = ("\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "_", "-")
CONFIG = SiteConfig(title="T")
FAST = settings(max_examples=300, deadline=None, derandomize=True)


def codes(front: dict[str, object], collection: str = "pages") -> list[tuple[str, str]]:
    """(severity, code) of what validation says about a note with this front matter."""
    base: dict[str, object] = {"title": "A", "date": "2026-01-02"}
    if collection == "interviews":
        base["person"] = {"name": "Jo Bloggs"}
    text = "---\n" + yaml.safe_dump({**base, **front}, allow_unicode=True) + "---\nBody.\n"
    data = text.encode("utf-8")
    src = SourceFile(f"content/{collection}/n.md", collection, data,
                     hashlib.sha256(data).hexdigest())
    parsed = parse_note(src)
    assert parsed.fm is not None, parsed.diagnostics
    diags = Diagnostics()
    validate_note(parsed, CONFIG, f"{collection}/n", {}, diags)
    return [(d.severity, d.code) for d in diags]


@st.composite
def disguised(draw: st.DrawFn, word: str) -> str:
    """``word`` in random case, with invisible or joining characters inserted and
    some letters full-width: all of it gone once normalised."""
    out = []
    for ch in word:
        if draw(st.booleans()):
            ch = ch.upper()
        if "!" <= ch <= "~" and draw(st.integers(0, 4)) == 0:
            ch = chr(ord(ch) + 0xFEE0)  # the full-width letter (ASCII has one)
        out.append(ch)
        if draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(INVISIBLE)))
    if draw(st.booleans()):
        out.append(draw(st.sampled_from(("\u00a0", "\u200b", "\u3000"))))
    return "".join(out)


@st.composite
def typo(draw: st.DrawFn, word: str) -> str:
    """One edit away from ``word``: a letter dropped, added, replaced or swapped."""
    i = draw(st.integers(0, len(word) - 1))
    letter = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    kind = draw(st.sampled_from(("drop", "add", "replace", "swap")))
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "add":
        return word[:i] + letter + word[i:]
    if kind == "replace":
        return word[:i] + letter + word[i + 1:]
    j = min(i + 1, len(word) - 1)
    return word[:i] + word[j] + word[i] + word[j + 1:] if j > i else word


WORDS = st.sampled_from(sorted({*ISSUE_WORDS, *PRIVACY_WORDS}))


@FAST
@given(WORDS.flatmap(disguised))
def test_disguised_privacy_words_are_recognised(key: str) -> None:
    assert privacy_word(key) is not None, repr(key)


@FAST
@given(WORDS.flatmap(typo))
def test_one_letter_typos_of_privacy_words_are_recognised(key: str) -> None:
    assert privacy_word(key) is not None, repr(key)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(WORDS.flatmap(lambda w: st.one_of(disguised(w), typo(w))),
       st.sampled_from(("private", "true", "yes", "public")))
def test_a_privacy_look_alike_key_is_an_error_not_a_warning(key: str, value: str) -> None:
    if key in KNOWN_KEYS:  # e.g. the real 'visibility'
        return
    got = codes({key: value})
    assert ("error", "privacy-key") in got, (key, got)
    assert ("warning", "unknown-key") not in got


@pytest.mark.parametrize("key", ["Visibility", "visiblity", "visibilty", "privacy", "is_private",
                                 "access", "audience", "drafts", "visibility\u00a0"])
def test_the_issue_spellings_are_errors(key: str) -> None:
    assert codes({key: "private"}) == [("error", "privacy-key")]


# "persons" was here: a spelling of the private field 'person', it is an error
# now (private-field, red team 13: tests/test_redteam13_fields.py).
@pytest.mark.parametrize("key", ["tittle", "tag", "summery", "aliass", "consents",
                                 "statuss", "company", "location", "author", "description",
                                 "image", "layout", "categories", "weight", "updated", "notes"])
def test_ordinary_unknown_keys_stay_warnings(key: str) -> None:
    assert codes({key: "x"}) == [("warning", "unknown-key")]


def test_known_keys_are_never_privacy_look_alikes() -> None:
    """Every key ivsite knows, used as meant, gives no diagnostic at all."""
    front = {"tags": ["a"], "summary": "s", "slug": "s", "visibility": "public",
             "alias": "A", "consent": {"publish_name": False, "recording": True},
             "status": "done", "format": "coffee", "interest": 3, "referred_by": "x",
             "recording_file": "a.m4a", "referrals": [{"name": "R", "role": "r"}],
             "follow_up": {"thank_you": False, "keep_in_touch": True}}
    assert codes(front, "interviews") == []


@pytest.mark.parametrize("word", sorted(PRIVACY_WORDS))
def test_no_privacy_word_is_one_typo_from_a_known_key(word: str) -> None:
    """So the typo strategy above never lands on a key that is legitimately known."""
    for key in KNOWN_KEYS:
        if key not in ("visibility", "publish_name"):
            assert distance(normalise(key), word) > 1, (key, word)
