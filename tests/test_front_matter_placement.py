"""Red-team 2 G2, G1, G9: front matter its author meant but ivsite would not read.

G2: front matter that does not open on the very first line with plain ``---``
(a blank, tab or zero-width first line, a comment line before it, look-alike dashes)
would be body text, and its ``visibility: private`` ignored. G1: a privacy key one
level down (TOML keys after ``[extra]`` belong to that table; YAML ``meta: {draft:
true}``) would be dropped with its parent. G9: a ``%% comment %%`` in a value would
be printed. Each is refused, and each test with the check switched off shows the
note's text published, so the check is what keeps it out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audit import visibility as auditvisibility
from ivsite.markdown import otherfront
from ivsite.parse import stage as parse
from ivsite.pipeline import build
from ivsite.validate import bodyprivacy
from ivsite.validate import note as validate

PRIVATE = "title: Secretpage\nvisibility: private\n"
LATE = {
    "blank-line": f"\n---\n{PRIVATE}---\nCanarytext here.\n",
    "tab-line": f"\t\n---\n{PRIVATE}---\nCanarytext here.\n",
    "zero-width": f"\u200b---\n{PRIVATE}---\nCanarytext here.\n",
    "obsidian-comment": f"%% note %%\n---\n{PRIVATE}---\nCanarytext here.\n",
    "html-comment": f"<!-- x -->\n---\n{PRIVATE}---\nCanarytext here.\n",
    "multiline-comment": f"%% a\nb %%\n\n---\n{PRIVATE}---\nCanarytext here.\n",
    "hyphen-u2010": f"\u2010\u2010\u2010\n{PRIVATE}---\nCanarytext here.\n",
    "fullwidth": f"\uff0d\uff0d\uff0d\n{PRIVATE}---\nCanarytext here.\n",
    "em-dash": f"\u2014\n{PRIVATE}---\nCanarytext here.\n",
    "low-lines": f"___\n{PRIVATE}---\nCanarytext here.\n",
    "toml-late": '\n+++\ntitle = "Secretpage"\nvisibility = "private"\n+++\nCanarytext here.\n',
}
NESTED = {
    "toml-taxonomies": ('+++\ntitle = "Z"\n[taxonomies]\ntags = ["career"]\n'
                        'visibility = "private"\n+++\nCanarytext here.\n'),
    "toml-extra-draft": '+++\ntitle = "Z"\n[extra]\ndraft = true\n+++\nCanarytext here.\n',
    "yaml-meta-draft": "---\ntitle: Z\nmeta: {draft: true}\n---\nCanarytext here.\n",
    "yaml-extra-visibility": ("---\ntitle: Z\nextra:\n  visibility: private\n---\n"
                              "Canarytext here.\n"),
    "yaml-deep-list": "---\ntitle: Z\nextra:\n  - {a: {hidden: true}}\n---\nCanarytext here.\n",
}
COMMENTED = {
    "title": "---\ntitle: FM %% Canarytext %%\n---\nbody\n",
    "summary": "---\ntitle: FM\nsummary: ok %%Canarytext%%\n---\nbody\n",
    "tag": '---\ntitle: FM\ntags: ["%%Canarytext%%"]\n---\nbody\n',
}


def built(tmp_path: Path, text: str) -> tuple[int, set[str], str]:
    site = write_site(tmp_path / "s", {"content/pages/index.md": "---\ntitle: Home\n---\nHi.\n",
                                       "content/pages/w.md": text.encode()})
    out = tmp_path / "out"
    result = build(site, out=out)
    published = "".join(p.read_text("utf-8", "replace") for p in out.rglob("*")
                        if p.is_file()) if out.exists() else ""
    return result.status, {d.code for d in result.diagnostics.errors}, published


@pytest.mark.parametrize("text", LATE.values(), ids=LATE.keys())
def test_late_front_matter_refused(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, text)
    assert (status, codes) == (1, {"front-matter-start"})
    assert "Canarytext" not in published


@pytest.mark.parametrize("text", [LATE["blank-line"], LATE["em-dash"], LATE["obsidian-comment"]])
def test_late_front_matter_unchecked_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(otherfront, "_late_fence", lambda lines: None)
    # Two later lines of defence (red team 4, J2) refuse it too: a block that
    # reads as front matter at the body's top, and a 'visibility: private' line.
    monkeypatch.setattr(parse, "second_front_matter", lambda path, fm: [])
    monkeypatch.setattr(bodyprivacy, "statements", lambda text: iter(()))
    monkeypatch.setattr(auditvisibility, "said_level", lambda note: None)  # the audit's reading
    status, _, published = built(tmp_path, text)
    assert status == 0
    assert "Canarytext" in published


@pytest.mark.parametrize("text", [
    "Intro words.\n\n---\n\nCanarytext after a break.\n",
    "\n\nIntro words.\n---\nCanarytext under a setext heading.\n",
    "---\ntitle: T\n---\n\n---\n\nCanarytext after a break.\n",
    "%% note %%\nIntro.\n\n___\n\nCanarytext after a break.\n",
], ids=["break", "blank-then-text", "break-after-front-matter", "comment-then-text"])
def test_thematic_breaks_in_bodies_still_build(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, text)
    assert (status, codes) == (0, set())
    assert "Canarytext" in published


@pytest.mark.parametrize("text", NESTED.values(), ids=NESTED.keys())
def test_nested_privacy_key_refused(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, text)
    assert (status, codes) == (1, {"privacy-key"})
    assert "Canarytext" not in published


def test_nested_privacy_key_unchecked_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "privacy_below", lambda *args: False)
    monkeypatch.setattr(auditvisibility, "said_level", lambda note: None)  # the audit's reading
    status, _, published = built(tmp_path, NESTED["toml-taxonomies"])
    assert status == 0
    assert "Canarytext" in published


def test_nested_privacy_key_hint_says_top_level(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"content/pages/w.md": NESTED["toml-taxonomies"].encode()})
    result = build(site, out=tmp_path / "out")
    (diag,) = [d for d in result.diagnostics.errors if d.code == "privacy-key"]
    assert (diag.line, "taxonomies.visibility") == (5, diag.message.split("'")[1])
    assert diag.hint is not None and "top level" in diag.hint


@pytest.mark.parametrize("text", COMMENTED.values(), ids=COMMENTED.keys())
def test_obsidian_comment_in_front_matter_refused(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, text)
    assert (status, codes) == (1, {"comment-in-front-matter"})
    assert "Canarytext" not in published


def test_obsidian_comment_unchecked_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "comment_kind",
                        lambda value: "an HTML comment" if "<!--" in value else None)
    status, _, published = built(tmp_path, COMMENTED["title"])
    assert status == 0
    assert "Canarytext" in published
