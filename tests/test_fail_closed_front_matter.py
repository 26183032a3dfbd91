"""Red-team F9 and F19, with the protection switched off: the note is published.

tests/test_frontmatter_table.py holds the exact diagnostics (``yaml-merge-key``,
``privacy-tag``); these show that each check is what keeps the note out, by
building a site with it switched off and finding the note's text in the output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audit import visibility as auditvisibility
from ivsite.markdown import frontmatter
from ivsite.pipeline import build
from ivsite.validate import note as validate

MERGED = """\
---
title: m
date: 2026-01-03
<<: [{visibility: private}, {visibility: public}]
---
Mergecanary text.
"""
TAGGED = """\
---
title: P
tags: [private]
---
Tagcanary words.
"""


def built(tmp_path: Path, rel: str, text: str) -> tuple[int, str]:
    site = write_site(tmp_path / "s", {"content/pages/index.md": "---\ntitle: Home\n---\nHi.\n",
                                       rel: text})
    out = tmp_path / "out"
    result = build(site, out=out)
    published = "".join(p.read_text("utf-8", "replace") for p in out.rglob("*.html")) \
        if out.exists() else ""
    return result.status, published


@pytest.mark.parametrize(("rel", "text", "canary"), [
    ("content/reflections/m.md", MERGED, "Mergecanary"),
    ("content/pages/p.md", TAGGED, "Tagcanary"),
], ids=["merge-key", "privacy-tag"])
def test_refused(tmp_path: Path, rel: str, text: str, canary: str) -> None:
    status, published = built(tmp_path, rel, text)
    assert status == 1
    assert canary not in published


def test_merge_keys_unchecked_publish_the_note(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frontmatter, "_merge_keys", lambda path, node: [])
    # The audit reads the merged 'visibility: private' on its own (red team 9,
    # ivsite.audit.saidsettings) and refuses the build; switched off too, it publishes.
    assert built(tmp_path / "audit", "content/reflections/m.md", MERGED)[0] == 1
    monkeypatch.setattr(auditvisibility, "said_level", lambda note: None)
    status, published = built(tmp_path, "content/reflections/m.md", MERGED)
    assert status == 0
    assert "Mergecanary" in published


def test_privacy_tags_unchecked_publish_the_note(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "privacy_tags", lambda *args: False)
    status, published = built(tmp_path, "content/pages/p.md", TAGGED)
    assert status == 0
    assert "Tagcanary" in published
