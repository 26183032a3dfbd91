"""Red team 14 (docs/redteam/2026-12-02-fourteenth.md), false refusals.

R14-07: ``publisher:``, ``accessibility:`` and ``audience_size:`` were refused as
privacy switches, since each holds a privacy word; an everyday word that merely
holds one is now excused (ivsite.switches.everydaykeys), but only for what it
explains, and never when set to true or false.

R14-10: ``referrals: [Dmitri Halvorsen, …]`` failed with the validator's words;
it is still refused (the contract asks for mappings) but with a hint, and the
names are not repeated in the message.

R14-01: "I got a good mark. Green energy …" was refused for an unconsented Mark
Green: a name's words are no longer found across a sentence's end where the
word before the stop is an everyday word in small letters and the next sentence
opens with a capital (ivsite.text.sentencegap); "Mark. Green" and "mark green"
still are.

Each fix has a test that the related refusal still holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import write_site

from ivsite.names import people
from ivsite.pipeline import Result, build
from ivsite.switches import everydaykeys, lookalike
from ivsite.switches.lookalike import privacy_word
from ivsite.text import textmatch
from ivsite.text.sentencegap import name_needles
from ivsite.text.textmatch import Matcher, searchable

CONFIG = {"title": "Career notes", "author": "Pat Author",
          "base_url": "https://pat.example.org/"}


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


def _role(root: Path, **front: Any) -> Path:
    """A public role note with ``front`` added to its front matter."""
    note = ({"title": "Editorial assistant", "status": "exploring", **front},
            "A role in book publishing I am looking into.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "roles/editorial-assistant.md": note}, CONFIG)


# --------------------------------------------------------------------------- R14-07

EVERYDAY = {"publisher": "Penguin Random House", "accessibility": "step-free office",
            "audience_size": 40000}


def test_everyday_keys_holding_a_privacy_word_build(tmp_path: Path) -> None:
    result = build(_role(tmp_path / "s", **EVERYDAY), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert not any(d.code == "privacy-key" for d in result.diagnostics), _said(result)


@pytest.mark.parametrize("key", ["publisher", "Publishers", "accessibility", "audience_size",
                                 "audienceSize", "Audience Size", "share_count",
                                 "publication", "mentorship"])
def test_an_everyday_key_is_no_privacy_word(key: str) -> None:
    assert privacy_word(key) is None


@pytest.mark.parametrize("key", ["publish", "published", "audience", "access", "is_private",
                                 "shared_with", "audience_level", "off_the_record",
                                 "publisher_private", "privatePublisher", "un_publisher",
                                 "access_publisher", "hidden_size", "draft_count",
                                 "visiblity", "publishd"])
def test_a_privacy_key_beside_or_around_an_everyday_word_still_counts(key: str) -> None:
    """The everyday word excuses only what it explains."""
    assert privacy_word(key) is not None


@pytest.mark.parametrize("front", [{"publisher": False}, {"publisher": True},
                                   {"publisher": "private"}, {"audience_size": "mentor"},
                                   {"accessibility": "draft"}, {"publisher_private": "x"}])
def test_an_everyday_key_that_says_a_switch_is_still_refused(
        tmp_path: Path, front: dict[str, Any]) -> None:
    """Set to true/false (``publisher: false`` may be ``published`` mistyped) or to a
    privacy value, the key is read as a switch, and the note is not published."""
    result = build(_role(tmp_path / "s", **front), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(d.code == "privacy-key" for d in result.diagnostics), _said(result)
    assert not (tmp_path / "out").exists()


def test_without_the_excuse_the_everyday_keys_are_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookalike, "excused", lambda *args: False)
    lookalike.privacy_word.cache_clear()
    result = build(_role(tmp_path / "s", **EVERYDAY), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert sum(d.code == "privacy-key" for d in result.diagnostics) == 3, _said(result)


def test_a_key_is_split_into_its_words() -> None:
    parts = everydaykeys.key_parts("audience_sizePublisher-x", lookalike.normalise)
    assert parts == ["audience", "size", "publisher", "x"]


# --------------------------------------------------------------------------- R14-10

NAMES = ("Dmitri Halvorsen", "Priya Vantongeren")


def _talk(root: Path, referrals: Any) -> Path:
    front = {"visibility": "private", "date": "2026-03-10", "status": "done",
             "person": {"name": "Robert Quinlan", "company": "Zenthor Labs"},
             "consent": {"publish_name": False}, "referrals": referrals}
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/2026-03-10-lab.md": (front, "We talked.\n")}, CONFIG)


@pytest.mark.parametrize("referrals", [list(NAMES), NAMES[0], [NAMES[0], {"name": NAMES[1]}]])
def test_plain_referral_names_get_a_hint_and_no_name(tmp_path: Path, referrals: Any) -> None:
    result = build(_talk(tmp_path / "s", referrals), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    shape = [d for d in result.diagnostics if d.code == "referral-shape"]
    assert shape and all("name:" in d.hint for d in shape), _said(result)
    assert not any(d.code == "front-matter" for d in result.diagnostics), _said(result)
    assert not any(n in d.text() for d in result.diagnostics for n in NAMES), _said(result)
    assert not (tmp_path / "out").exists()


def test_referral_mappings_still_build_and_stay_private(tmp_path: Path) -> None:
    root = _talk(tmp_path / "s", [{"name": n} for n in NAMES])
    (root / "content/pages/about.md").write_text(
        f"---\ntitle: About\n---\nI was sent to {NAMES[0]}.\n", encoding="utf-8")
    result = build(root, out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(d.code == "name-without-consent" for d in result.diagnostics), _said(result)
    (root / "content/pages/about.md").write_text("---\ntitle: About\n---\nHello.\n",
                                                 encoding="utf-8")
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, _said(result)
    published = b"".join(p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert not any(n.encode() in published for n in NAMES)


# --------------------------------------------------------------------------- R14-01

STRADDLES = ("I got a good mark. Green energy jobs are growing.",
             "I asked the same thing, as I always will. Young graduates ask me too.",
             "Tick the box with a check mark.  Green boxes are done.",
             "A good mark.\nGreen energy it is.")
NAMED = ("I met Mark Green at the fair.", "I met mark green at the fair.",
         "I met Mark. Green was his family name.", "A good mark.Green energy.",
         "A good mark. Green energy. Later mark green called.",
         "I MET MARK. GREEN SAID HELLO.", "Mark, Green.", "I met will. young people too")


def _found(text: str) -> list[str]:
    matcher = people.matcher_of([("unconsented name", "Mark Green", "Mark Green"),
                                 ("unconsented name", "Will Young", "Will Young")])
    return matcher.find_in(searchable(text))


@pytest.mark.parametrize("text", STRADDLES)
def test_an_everyday_word_ending_a_sentence_and_the_next_opening_is_no_name(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text", NAMED)
def test_the_name_written_otherwise_is_still_found(text: str) -> None:
    """Capitalised before the stop, no stop, no space after it, a plain place
    beside an excused one, no capital after the stop (``will. young``)."""
    assert _found(text), text


@pytest.mark.parametrize("text", STRADDLES)
def test_without_the_rule_the_straddle_is_found(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textmatch, "across_sentences", lambda *args: False)
    assert _found(text)


def test_a_withheld_passage_across_a_stop_is_still_found() -> None:
    """Only people's names are excused: the same words as another secret are not."""
    seqs = [(("mark", "green"), "name"), (("mark", "green"), "passage")]
    assert name_needles(seqs, [seqs[0]]) == {}
    matcher = Matcher(seqs, names=[seqs[0]])
    assert matcher.find_in(searchable(STRADDLES[0])) == ["name", "passage"]
    assert Matcher(seqs[:1], names=seqs[:1]).find_in(searchable(STRADDLES[0])) == []


def _plans(root: Path, said: str) -> Path:
    talks = {f"interviews/2026-03-1{i}-{slug}.md": (
        {"visibility": "private", "date": f"2026-03-1{i}", "status": "done",
         "person": {"name": name, "company": "Acme"}, "consent": {"publish_name": False}},
        "Private notes.\n") for i, (slug, name) in enumerate(
            (("lab", "Mark Green"), ("bank", "Will Young")))}
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "pages/plans.md": ({"title": "Plans"}, said), **talks}, CONFIG)


def test_the_reproducers_prose_builds(tmp_path: Path) -> None:
    result = build(_plans(tmp_path / "s", "\n\n".join(STRADDLES) + "\n"), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert "good mark. Green energy" in (tmp_path / "out/plans/index.html").read_text()


@pytest.mark.parametrize("said", ["I met Mark. Green was his family name.",
                                  "I met mark green at the fair."])
def test_the_name_is_refused_by_the_filter_and_by_the_audit_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: str) -> None:
    root = _plans(tmp_path / "s", said + "\n")
    result = build(root, out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(d.code == "name-without-consent" for d in result.diagnostics), _said(result)
    from ivsite.audience import stage as audience
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    result = build(root, out=tmp_path / "out2")
    assert result.status == 1, _said(result)
    assert any(h.secret.kind == "unconsented name" and h.output == "plans/index.html"
               for h in result.hits), _said(result)
    assert not (tmp_path / "out2").exists()
