"""Red team 4, J-path: a folder or file name that says private in words (``Private
Notes/``, ``x (private).md``, ``x-draft.md``, ``Entwürfe/``, ``WIP/``, ``~x.md``) makes
the note private, as a folder named exactly ``private/`` does; a word, not a
substring (``privateer/``, ``drafting/`` say nothing). The cases of the red team's
table are in tests/test_leaks_private_paths.py; here the reproducer itself, the
word splitting, the decided false positives and the protection switched off."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.pipeline import build
from ivsite.switches import pathprivacy
from ivsite.switches.pathprivacy import path_privacy, words

INDEX = "---\ntitle: Home\n---\nWelcome.\n"
REPRO = {
    "content/pages/index.md": INDEX,
    "content/pages/Private Notes/salary.md":
        "---\ntitle: Salary\n---\nMy target salary is 97000.\n",
    "content/pages/x/offer (private).md": "---\ntitle: Offer\n---\nThe Zephyr offer: 120k.\n",
}
SECRETS = (b"97000", b"Zephyr offer")


def _published(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*")
                  if p.is_file() and any(s in p.read_bytes() for s in SECRETS))


def test_the_reproducer_is_withheld(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(write_site(tmp_path / "s", REPRO), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert (out / "index.html").is_file()
    assert _published(out) == []


def test_with_the_word_rule_off_the_audit_still_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation and the audit both read path_privacy; with the segment's words
    read as before (whole names only), the reproducer is published."""
    monkeypatch.setattr(pathprivacy, "segment_says_private", lambda segment: False)
    out = tmp_path / "out"
    result = build(write_site(tmp_path / "s", REPRO), out=out)
    assert result.status == 0, [h.text() for h in result.hits]
    assert _published(out) == ["offer-private/index.html", "salary/index.html"]


@pytest.mark.parametrize(("segment", "expected"), [
    ("Private Notes", ["Private", "Notes"]),
    ("MyPRIVATEStuff", ["My", "PRIVATE", "Stuff"]),
    ("s (private)", ["s", "private"]),
    ("s.priv", ["s", "priv"]),
    ("my_wip-draft2", ["my", "wip", "draft", "2"]),
    ("ｐｒｉｖａｔｅ", ["private"]),
    ("Entwürfe", ["Entwürfe"]),
])
def test_a_segment_is_split_into_words(segment: str, expected: list[str]) -> None:
    assert words(segment) == expected


@pytest.mark.parametrize("rel", [
    "content/pages/Off The Record/s.md", "content/pages/not-for-publication-yet/s.md",
    "content/pages/s (work in progress).md", "content/pages/Privée/s.md",
    "content/pages/x/s.wip.md", "content/pages/x/pri\u200bvate/s.md",
])
def test_a_run_of_words_or_a_hidden_spelling_says_private(rel: str) -> None:
    assert path_privacy(rel) is not None


@pytest.mark.parametrize("rel", [
    "content/pages/privateer/s.md", "content/pages/drafting-tips.md",
    "content/pages/privacy-policy.md", "content/pages/x/wiper.md",
    "content/pages/x/undrafted.md", "content/pages/x/unprivileged.md",
    "content/pages/secretary-notes/s.md",
])
def test_a_privacy_word_inside_a_longer_word_says_nothing(rel: str) -> None:
    assert path_privacy(rel) is None


@pytest.mark.parametrize("rel", [
    "content/roles/private-equity-associate.md", "content/pages/personal-statement.md",
])
def test_a_topic_named_with_a_privacy_word_is_private_too(rel: str) -> None:
    """Decided: the path cannot tell a topic from a switch, so it errs towards
    private (the README says to rename such a file to publish it)."""
    assert path_privacy(rel) is not None


def test_a_front_matter_saying_public_is_an_error_naming_the_file(tmp_path: Path) -> None:
    rel = "content/pages/x/offer (private).md"
    s = write_site(tmp_path / "s", {"content/pages/index.md": INDEX,
                                    rel: "---\ntitle: Offer\nvisibility: public\n---\nZ.\n"})
    out = tmp_path / "out"
    result = build(s, out=out)
    assert result.status == 1
    found = [d for d in result.diagnostics if d.code == "path-says-private"]
    assert len(found) == 1 and "the file name 'offer (private).md'" in found[0].message
    assert not out.exists()
