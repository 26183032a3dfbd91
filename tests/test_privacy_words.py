"""Red-team H18: "off the record", NDA, embargo, "personal", "only me" … are privacy
words in every place a switch can be written (a front-matter key or value, a tag,
an inline tag, a callout type, an inline field) and in every spelling (case,
separators, plural), because all those checks read one vocabulary
(``ivsite/switches/lookalike.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.pipeline import build
from ivsite.switches import lookalike

H18_WORDS = ("offtherecord", "offrecord", "nda", "embargo", "embargoed", "personal",
             "onlyme", "formeonly", "internalonly", "vertraulich")
TITLE_WORDS = ("betweenus", "justbetweenus")
"""Red team 10's label words, which the callout's title "Between us" is."""

REORG = """\
---
title: What Acme told me about the reorg
off_the_record: true
tags: [off-the-record]
---
Acme will close the Toronto office in March; nobody knows yet.

> [!off-the-record] Between us
> The new director starts in April.
"""


def run(root: Path, note: str) -> tuple[int, list[str], str]:
    """Build a site whose public page is ``note``: status, error codes, published text."""
    s = write_site(root / "s", {"content/pages/p.md": note,
                                "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})
    out = root / "out"
    result = build(s, out=out)
    published = "".join(p.read_text("utf-8", "replace") for p in out.rglob("*.html")) \
        if out.exists() else ""
    return (result.status, [d.code for d in result.diagnostics if d.severity == "error"],
            published)


def page(front: str = "", body: str = "") -> str:
    return f"---\ntitle: P\n{front}---\nCANARY-H18 text.\n\n{body}\n"


@pytest.mark.parametrize("key", ["off_the_record", "Off-The-Record", "offtherecord",
                                 "OFF RECORD", "nda", "NDAs", "embargo", "Embargoed",
                                 "personal", "only_me", "Vertraulich"])
def test_a_privacy_key_in_every_spelling_is_an_error(tmp_path: Path, key: str) -> None:
    status, errors, published = run(tmp_path, page(f"{key}: true\n"))
    assert status == 1 and "privacy-key" in errors, errors
    assert "CANARY-H18" not in published


@pytest.mark.parametrize("value", ["off the record", "NDA", "embargoed", "Personal"])
def test_a_privacy_value_under_an_unknown_key_is_an_error(tmp_path: Path, value: str) -> None:
    status, errors, _ = run(tmp_path, page(f"status_note: {value}\n"))
    assert status == 1 and "privacy-key" in errors, errors


@pytest.mark.parametrize("tag", ["off-the-record", "Off_The_Record", "offtherecord", "NDA",
                                 "ndas", "embargoed", "Embargoes", "personal", "internal-only",
                                 "only-me", "work/off-the-record"])
def test_a_privacy_tag_in_every_spelling_is_an_error(tmp_path: Path, tag: str) -> None:
    status, errors, published = run(tmp_path, page(f"tags: [{tag}]\n"))
    assert status == 1 and "privacy-tag" in errors, errors
    assert "CANARY-H18" not in published


@pytest.mark.parametrize("tag", ["#off-the-record", "#Off_The_Record", "#NDA", "#embargoed",
                                 "#personal", "#only-me"])
def test_an_inline_privacy_tag_is_an_error(tmp_path: Path, tag: str) -> None:
    status, errors, _ = run(tmp_path, page(body=f"Zorgsecret aside {tag}"))
    assert status == 1 and "privacy-tag" in errors, errors


@pytest.mark.parametrize("kind", ["off-the-record", "OffTheRecord", "nda", "NDAs", "embargo",
                                  "personal", "only-me", "vertraulich"])
def test_a_privacy_callout_is_an_error(tmp_path: Path, kind: str) -> None:
    status, errors, published = run(tmp_path, page(body=f"> [!{kind}] Between us\n> CO-H18"))
    assert status == 1 and "privacy-callout" in errors, errors
    assert "CO-H18" not in published


@pytest.mark.parametrize("field", ["off the record:: yes", "NDA:: true", "embargo:: 2027-01"])
def test_a_privacy_inline_field_is_an_error(tmp_path: Path, field: str) -> None:
    status, errors, _ = run(tmp_path, page(body=field))
    assert status == 1 and "privacy-field" in errors, errors


def test_the_red_team_page_is_refused(tmp_path: Path) -> None:
    status, errors, published = run(tmp_path, REORG)
    assert status == 1
    assert "privacy-key" in errors, errors
    assert "Toronto office" not in published


@pytest.mark.parametrize(("front", "body"), [
    ("agenda: x\ncalendar: y\nstandard: z\npersonality: w\n", ""),
    ("tags: [personal-finance, records, agenda]\n", "#recording and #standards"),
    ("", "> [!note] A record\n> Ok"),
])
def test_words_that_only_contain_them_are_not_privacy_words(
        tmp_path: Path, front: str, body: str) -> None:
    status, errors, published = run(tmp_path, page(front, body))
    assert (status, errors) == (0, [])
    assert "CANARY-H18" in published


def test_without_the_new_words_the_page_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Protection off: the vocabulary as it was before H18 lets the page through."""
    monkeypatch.setattr(lookalike, "WITHHELD",
                        tuple(w for w in lookalike.WITHHELD
                              if w not in (*H18_WORDS, *TITLE_WORDS)))
    monkeypatch.setattr(lookalike, "WHOLE_ONLY", frozenset())
    monkeypatch.setattr(lookalike, "PRIVACY_WORDS",
                        tuple(w for w in lookalike.PRIVACY_WORDS if w not in H18_WORDS))
    status, errors, published = run(tmp_path, REORG)
    assert (status, errors) == (0, [])
    assert "Toronto office" in published and "new director" in published
