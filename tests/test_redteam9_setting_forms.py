"""Red team 9, R9-10, R9-11, R9-16 to R9-19, R9-24 (b, c): a note-level privacy
setting written where, or the way, ivsite does not read settings.

Each reproducer (``docs/redteam/2026-12-01-ninth/<id>/``) built with exit 0 and
published the note it meant to withhold: an unclosed quote that swallows the
``visibility: private`` line after it, Hugo's JSON front matter, a TOML-style
line, Org-mode keywords, a ``<meta>`` element, a comment (or commented-out front
matter, or an Obsidian ``%%`` comment) that holds the setting. The class: a
privacy setting stated anywhere but the front matter's own setting. The filter
refuses each (``quote-swallows-setting``, ``front-matter-form``,
``privacy-field``); with the filter's new checks switched off, the build's own
audit refuses each (ivsite.audit.saidsettings holds the note withheld); with both
switched off, the build exits 0 and the text is published. Near misses build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import OutputCorpus, write_site

from ivsite.audit import visibility as auditvisibility
from ivsite.markdown import frontmatter, otherfront, secondfront
from ivsite.markdown.frontmatter import split
from ivsite.markdown.otherfront import foreign_front_matter
from ivsite.markup.rawhtml import tags
from ivsite.pipeline import build
from ivsite.validate import bodyprivacy, settingforms
from ivsite.validate.settingforms import element_setting, statements

REPRODUCERS = Path(__file__).resolve().parents[1] / "docs/redteam/2026-12-01-ninth"
FOUND = {  # reproducer folder: the filter's code
    "R9-10-quoted-summary-swallows-visibility": "quote-swallows-setting",
    "R9-11-quoted-title-swallows-visibility": "quote-swallows-setting",
    "R9-16-json-front-matter": "front-matter-form",
    "R9-17-toml-setting-line": "privacy-field",
    "R9-18-org-mode-setting": "front-matter-form",
    "R9-19-meta-visibility": "privacy-field",
    "R9-24-comment-says-visibility-private": "privacy-field",
    "R9-24b-comment-front-matter": "privacy-field",
    "R9-24c-obsidian-comment": "privacy-field",
}
EXTRA = {  # more of the class, with the filter's code
    "roles/json-after-yaml.md": ("---\ntitle: T\n---\n{\"visibility\": \"private\"}\n\n"
                                 "Secret plans about campaigns.\n", "second-front-matter"),
    "roles/one-line-json.md": ("---\ntitle: T\n---\nIntro.\n\nSettings: {\"theme\": \"x\", "
                               "\"draft\": true}\n\nSecret plans about campaigns.\n",
                               "privacy-field"),
    "roles/org-in-body.md": ("---\ntitle: T\n---\nIntro.\n\n#+HUGO_DRAFT: true\n\n"
                             "Secret plans about campaigns.\n", "privacy-field"),
    "roles/long-comment.md": ("---\ntitle: T\n---\n<!--\n---\ntitle: Salary negotiation notes\n"
                              "summary: what they offered me and what I asked for\n"
                              "tags: [pay, negotiation]\nvisibility: mentor\n---\n-->\n\n"
                              "Secret plans about campaigns.\n", "privacy-field"),
    "roles/html-text.md": ("---\ntitle: T\n---\n<div>\nvisibility = \"private\"\n</div>\n\n"
                           "Secret plans about campaigns.\n", "privacy-field"),
    "roles/swallowed-tags.md": ("---\ntitle: T\nsummary: 'Pay talk\ntags: [draft]'\n---\n"
                                "Secret plans about campaigns.\n", "quote-swallows-setting"),
}
"""A JSON block after YAML front matter, a one-line JSON object, an ox-hugo keyword
in the body, a setting in an HTML block's text, a commented-out front matter
longer than the comments ivsite kept before, and an open quote that swallows a
``tags:`` line."""
AUDIT_BLIND = {"content/roles/org-in-body.md", "content/roles/swallowed-tags.md"}
"""What the audit alone does not read as withheld: its reading is narrower than the
filter's (ivsite.audit.saidsettings), so that it never refuses what the filter builds.
``HUGO_DRAFT`` is no switch word of its own, and a swallowed ``tags: [draft]`` is
a tag, not a setting; the filter is the line for both."""


def _site(root: Path) -> Path:
    """Every reproducer's note (one role each, its body made unique) and the extras."""
    content: dict[str, str | bytes] = {"pages/index.md": "---\ntitle: Home\n---\nWelcome.\n"}
    for n, folder in enumerate(FOUND):
        text = (REPRODUCERS / folder / "content/roles/x.md").read_text("utf-8")
        content[f"roles/r{n}.md"] = text.replace("Secret plans", f"Secret{n} plans")
    for n, (rel, (text, _)) in enumerate(EXTRA.items(), len(FOUND)):
        content[rel] = text.replace("Secret plans", f"Secret{n} plans")
    return write_site(root, content)


def _paths() -> dict[str, str]:
    """Each note's path under content/, with the filter's code for it."""
    out = {f"content/roles/r{n}.md": code for n, code in enumerate(FOUND.values())}
    out.update({f"content/{rel}": code for rel, (_, code) in EXTRA.items()})
    return out


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (bodyprivacy, settingforms):
        monkeypatch.setattr(module, "statements", lambda text: iter(()))
        monkeypatch.setattr(module, "element_setting", lambda tag: False)
    monkeypatch.setattr(otherfront, "foreign_front_matter", lambda text: None)
    monkeypatch.setattr(secondfront, "foreign_front_matter", lambda text: None)
    monkeypatch.setattr(frontmatter, "swallowed_settings", lambda *args: [])


def test_the_filter_refuses_every_form(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    found = {(d.path, d.code) for d in result.diagnostics.errors}
    assert set(_paths().items()) <= found, sorted(found)
    assert not (tmp_path / "out").exists()


def test_the_audit_refuses_every_form_alone(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    assert not {d.code for d in result.diagnostics.errors} - {"audit"}
    hit = {h.secret.source for h in result.hits}
    assert set(_paths()) - AUDIT_BLIND <= hit, sorted(hit)
    assert not (tmp_path / "out").exists()


def test_with_both_lines_off_every_form_is_published(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(auditvisibility, "said_level", lambda note: None)
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for n in range(len(FOUND) + len(EXTRA)):
        assert corpus.find(f"Secret{n} plans about campaigns"), n


NEAR_MISSES = """---
title: Near misses
# reviewed with my mentor (a commented-out withheld setting is refused since red
# team 16: tests/test_setting_comments.py)
summary: "Pay bands, and
  Note: she was candid"
---
Intro.

Visibility: good from the terrace

Access = granted after the interview

Liquify documents unless published == false (a comparison).

The draft = the first version we wrote

Settings used: {"theme": "dark", "layout": "wide"}

Write `visibility: private` in the front matter.

```yaml
visibility: private
draft = true
<meta name="visibility" content="private">
```

<!-- reminder: call back on Monday -->

%% todo: access road photo %%

<meta name="description" content="career notes">

<div>
Access: granted
</div>

::: private
visibility = "private"
%% visibility: private %%
:::

Nearmiss canary text.
"""
"""Ordinary uses of the same syntax: labels whose value says nothing of who may
see the note, code, a comment without a setting, a ``<meta>`` of another name,
the setting inside a private passage, a YAML comment (a setting switched off),
and a quoted summary over two lines whose second line is prose."""


def test_near_misses_build(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
                                       "roles/near.md": NEAR_MISSES,
                                       "pages/brace.md": "{Braces} open this page.\n",
                                       "pages/empty.md": "{}\n\nAn empty object.\n"})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for text in ("Nearmiss canary text", "good from the terrace",
                 "Braces open this page", "An empty object"):
        assert corpus.find(text), text


@pytest.mark.parametrize("text", [
    "visibility: private", 'visibility = "private"', '"visibility": "private",',
    "#+VISIBILITY: private", "'draft': true", "{ \"title\": \"x\", \"visibility\": \"mentor\" }",
    "(visibility: private)", "\u201cvisibility\u201d: \u201cprivate\u201d", "Published = false",
])
def test_statements_found(text: str) -> None:
    assert [offset for offset, _ in statements(f"Intro.\n{text}")] == [1], text


@pytest.mark.parametrize("text", [
    "Visibility: good", "Mentor: Jane Smith", "Status: draft ready", "The draft = version one",
    '{"theme": "dark"}', "Private: equity firms", "Access = granted", "Note: it is private",
])
def test_statements_near_misses(text: str) -> None:
    assert list(statements(text)) == []


def test_element_settings() -> None:
    def said(html: str) -> bool:
        return any(element_setting(t) for t in tags(html))
    assert said('<meta name="visibility" content="private">')
    assert said("<meta property='article:draft' content=true>")
    assert said('<input name="audience" value="mentor">')
    assert not said('<meta name="description" content="private equity notes">')
    assert not said('<meta name="robots" content="noindex">')


def test_foreign_front_matter() -> None:
    assert foreign_front_matter('\n{\n "title": "x"\n}\nText.') is not None
    assert foreign_front_matter("#+TITLE: Notes\nText.") is not None
    for text in ("{Braces} here.", "{}\nText.", "# Heading\n#+ not a keyword", "Text {\"a\": 1}"):
        assert foreign_front_matter(text) is None, text


def test_swallowed_setting_named_at_its_line() -> None:
    _, diags = split("x.md", b'---\ntitle: T\nsummary: "Pay talk\nvisibility: private"\n---\n')
    assert [(d.code, d.line) for d in diags] == [("quote-swallows-setting", 4)]
    for prose in (b'summary: "Pay talk,\n  and more talk"', b"title: 'A\n  Note: fine'"):
        _, diags = split("x.md", b"---\n" + prose + b"\n---\n")
        assert diags == [], prose
