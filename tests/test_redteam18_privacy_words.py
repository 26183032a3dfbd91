"""Red team 18, R18-B06: privacy words a path or a tag did not know.

``non-public`` was refused as a callout type (the loose reading finds ``public``
in it) but published as a folder, a file name or a tag; a homoglyph
``prіvate`` (Cyrillic ``і``), ``unreleased``, ``only-for-me`` and ``me-only``
were known nowhere. The one list (ivsite.switches.lookalike) now holds the
negated forms of public/published/released/shared/distributed and the "for me
only" phrases, and its normalisation reads look-alike letters as the Latin ones
(ivsite.text.lookalike_letters), so each is a privacy word as a folder, a file
name, a tag and a callout type alike. The audit reads the path with the same
list on its own (ivsite.audit.visibility). Decided: ``unreleased`` is a privacy
word everywhere, as ``unpublished`` is (see lookalike.NOT_RELEASED).
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from sites import OutputCorpus, assert_filter_refuses_all, audit_refusals, write_site

from ivsite.pipeline import build
from ivsite.switches import fmchecks, lookalike, pathprivacy, runtogether
from ivsite.switches.lookalike import privacy_callout, privacy_tag, privacy_word
from ivsite.switches.pathprivacy import path_privacy
from ivsite.validate import note as validate
from ivsite.validate import references

WORDS = ["non-public", "nonpublic", "Non Public", "pr\u0456vate", "\u03c1rivate",
         "PR\u0406VATE", "unreleased", "only-for-me", "me-only", "for-my-eyes-only",
         "not-for-sharing", "do-not-share", "personal-only", "internal-only",
         "for personal use only", "do-not-distribute", "not-released"]
"""The report's words and the class around them (the homoglyphs: a Cyrillic
``і`` and ``І``, a Greek ``ρ``)."""

WERE_PUBLISHED = {"non-public", "nonpublic", "Non Public", "pr\u0456vate", "\u03c1rivate",
                  "PR\u0406VATE", "unreleased", "only-for-me", "me-only", "do-not-distribute",
                  "not-released"}
"""The words no check knew before (``internal-only``, ``do-not-share`` … held
already, by a word of theirs)."""

NEW_WORDS = frozenset({*lookalike.NOT_RELEASED, *lookalike.ONLY_ME})


def _canary(i: int) -> str:
    return f"Privword{i}canary"


def _pages(where: str) -> dict[str, tuple[dict[str, object], str]]:
    """A page per word: in a folder so named (``folder``) or named for it (``file``)."""
    return {(f"pages/{w}/salary{i}.md" if where == "folder" else f"pages/salary{i} ({w}).md"):
            ({"title": f"Salary {i}"}, f"{_canary(i)} what they told me about pay.\n")
            for i, w in enumerate(WORDS)}


def _site(root: Path, pages: dict[str, tuple[dict[str, object], str]]) -> Path:
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"), **pages})


@pytest.mark.parametrize("word", WORDS)
def test_each_is_a_privacy_word_everywhere(word: str) -> None:
    assert path_privacy(f"content/pages/{word}/n.md") == f"{word}/"
    assert path_privacy(f"content/pages/n ({word}).md") == f"n ({word}).md"
    assert privacy_tag(word) and privacy_tag(f"work/{word}")
    assert privacy_callout(word)


def test_ordinary_words_stay_ordinary() -> None:
    for rel in ["public-speaking.md", "release-notes.md", "released/n.md", "unrelated.md",
                "sharing-tips.md", "online/n.md", "me-and-my-mentor.md", "site-for-me.md",
                "only-one-offer.md", "unrelated-roles/n.md"]:
        assert path_privacy(f"content/pages/{rel}") is None, rel
    for tag in ["release-planning", "public-speaking", "sharing", "online", "me"]:
        assert not privacy_tag(tag), tag
    for key in ["online", "released", "sharing", "release_date", "unrelated", "mine"]:
        assert privacy_word(key) is None, key


# --------------------------------------------------------------------------- filter


@pytest.mark.parametrize("where", ["folder", "file"])
def test_the_filter_holds_the_pages_back(tmp_path: Path, where: str) -> None:
    """Silently, as ``private/`` is: the page is private."""
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", _pages(where)), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    found = OutputCorpus(out)
    for i in range(len(WORDS)):
        assert found.find(_canary(i)) == [], WORDS[i]


def test_a_public_page_there_is_refused(tmp_path: Path) -> None:
    pages = {rel: ({**front, "visibility": "public"}, body)
             for rel, (front, body) in _pages("folder").items()}
    assert_filter_refuses_all(_site(tmp_path / "s", pages), tmp_path / "out",
                              {f"content/{rel}" for rel in pages}, "path-says-private")


def test_a_tag_and_a_callout_are_refused(tmp_path: Path) -> None:
    tagged = {f"pages/t{i}.md": ({"title": f"T{i}", "tags": [w]}, f"{_canary(i)}.\n")
              for i, w in enumerate(WORDS)}
    assert_filter_refuses_all(_site(tmp_path / "s", tagged), tmp_path / "out",
                              {f"content/{rel}" for rel in tagged}, "privacy-tag")
    called = {f"pages/c{i}.md": ({"title": f"C{i}"}, f"> [!{w}]\n> {_canary(i)} pay.\n")
              for i, w in enumerate(WORDS) if " " not in w}
    assert_filter_refuses_all(_site(tmp_path / "c", called), tmp_path / "out2",
                              {f"content/{rel}" for rel in called}, "privacy-callout")


# --------------------------------------------------------------------------- audit


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's reading of the path off; the audit's own stays on."""
    for module in (validate, fmchecks, references):
        monkeypatch.setattr(module, "path_privacy", lambda rel: None)


def _new_readings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one list as it was: no red team 18 words, no look-alike letters."""
    monkeypatch.setattr(lookalike, "WITHHELD",
                        tuple(w for w in lookalike.WITHHELD if w not in NEW_WORDS))
    monkeypatch.setattr(runtogether, "INSIDE",
                        tuple(w for w in runtogether.INSIDE if w not in NEW_WORDS))
    monkeypatch.setattr(lookalike, "lookalike_letters",
                        SimpleNamespace(MAY_LOOK_LATIN=re.compile("(?!)")))
    for cached in (pathprivacy.segment_says_private, pathprivacy.folder_leaves_out,
                   runtogether.hidden_privacy_word, lookalike.privacy_word,
                   lookalike._matches):
        cached.cache_clear()


@pytest.mark.parametrize("where", ["folder", "file"])
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 where: str) -> None:
    _filter_off(monkeypatch)
    pages = _pages(where)
    hits = audit_refusals(_site(tmp_path / "s", pages), tmp_path / "out")
    sources = {source for _, source in hits}
    assert {f"content/{rel}" for rel in pages} <= sources, sorted(sources)


@pytest.mark.parametrize("where", ["folder", "file"])
def test_with_both_off_the_pages_are_published(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               where: str) -> None:
    _new_readings_off(monkeypatch)
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", _pages(where)), out=out)
    assert result.status == 0, [h.text() for h in result.hits]
    found = OutputCorpus(out)
    leaked = {w for i, w in enumerate(WORDS) if found.find(_canary(i)) != []}
    assert leaked == WERE_PUBLISHED, sorted(leaked ^ WERE_PUBLISHED)


# --------------------------------------------------------------------------- ordinary


def test_ordinary_pages_build(tmp_path: Path) -> None:
    pages = {
        "pages/public-speaking.md": ({"title": "Talks", "tags": ["public-speaking", "sharing"],
                                      "online": True}, "Ordinarycanary1 my talks.\n"),
        "pages/released/launch.md": ({"title": "Launch", "tags": ["release-planning"],
                                      "released": 2024}, "Ordinarycanary2 a launch.\n"),
        "pages/me-and-my-mentor.md": ({"title": "Mentor"},
                                      "> [!note]\n> Ordinarycanary3 a mentor.\n"),
    }
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", pages), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    found = OutputCorpus(out)
    for i in (1, 2, 3):
        assert found.find(f"Ordinarycanary{i}") != [], i
