"""Red team 4, J-tools: other tools' comments, raw HTML's bogus comments and a
disclosure titled private publish text its author believes hidden
(docs/redteam/2026-11-30-fourth.md). In a public or mentor note each is an error;
with the rule off, the text is published (exit 0, the canary in the page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sites import audit_tool_comments_off
from unit_helpers import write_site

from ivsite.audience import stage as audience
from ivsite.audit import search as auditsearch
from ivsite.pipeline import build
from ivsite.readers import readable
from ivsite.switches import markerwords
from ivsite.validate import bodyprivacy

MARKED = {  # (body, code, the line of the error within the body)
    "kramdown": ("{::comment}\nCANARY-J1 merger closes on 3 March.\n{:/comment}",
                 "privacy-markup", 0),
    "jinja": ("{# Jinja: CANARY-J2 offer is 120k #}", "privacy-markup", 0),
    "jinja dash": ("{#- CANARY-J3 -#}", "privacy-markup", 0),
    "critic comment": ("{>> CriticMarkup: CANARY-J4 layoffs <<}", "privacy-markup", 0),
    "critic deletion": ("Text {-- CANARY-J5 --} more.", "privacy-markup", 0),
    "mdx": ("{/* CANARY-J6 */}", "privacy-markup", 0),
    "handlebars": ("{{!-- CANARY-J7 --}}", "privacy-markup", 0),
    "go": ("{{/* CANARY-J8 */}}", "privacy-markup", 0),
    "erb": ("<%# CANARY-J9 %>", "privacy-markup", 0),
    "processing instruction": ("<?Bogus comment: CANARY-J10?>", "privacy-markup", 0),
    "declaration": ("<!X CANARY-J11>", "privacy-markup", 0),
    "cdata": ("<![CDATA[ CANARY-J12 ]]>", "privacy-markup", 0),
    "inline bogus": ("A line <?CANARY-J13?> here.", "privacy-markup", 0),
    "in an html block": ("<div>\n{# CANARY-J14 #}\n</div>", "privacy-markup", 0),
    "callout title": ("> [!note]- Private notes\n> CANARY-J15", "privacy-callout", 0),
    "open callout title": ("> [!tip] Private, do not share\n> CANARY-J16",
                           "privacy-callout", 0),
    "summary": ("<details><summary>Private notes</summary>\nCANARY-J17\n</details>",
                "privacy-callout", 0),
    "inline summary": ("Para <details><summary>My private notes</summary> CANARY-J18 "
                       "</details> end.", "privacy-callout", 0),
}


def site(root: Path, body: str, visibility: str = "public") -> Path:
    return write_site(root / "s", {
        "content/reflections/r.md": f"---\ntitle: R\ndate: 2026-01-03\nvisibility: "
                                    f"{visibility}\n---\nPublic start.\n\n{body}\n",
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n"})


@pytest.mark.parametrize(("body", "code", "offset"), list(MARKED.values()), ids=list(MARKED))
@pytest.mark.parametrize("visibility", ["public", "mentor"])
def test_it_is_an_error(tmp_path: Path, body: str, code: str, offset: int,
                        visibility: str) -> None:
    result = build(site(tmp_path, body, visibility), out=tmp_path / "out")
    found = [(d.code, d.path, d.line) for d in result.diagnostics if d.severity == "error"]
    assert (code, "content/reflections/r.md", 8 + offset) in found, found
    assert not (tmp_path / "out").exists()


def test_a_private_note_may_hold_them(tmp_path: Path) -> None:
    body = "\n\n".join(b for b, _, _ in MARKED.values())
    result = build(site(tmp_path, body, "private"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def rules_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # The audit refuses a page's bogus comments on its own too (red team 11, R11-08).
    monkeypatch.setattr(auditsearch, "hidden_in", lambda suffix, data: None)
    monkeypatch.setattr(bodyprivacy, "tool_comments", lambda text: iter(()))
    monkeypatch.setattr(bodyprivacy, "bogus_comment", lambda content: None)
    monkeypatch.setattr(bodyprivacy, "summary_titles", lambda content: iter(()))
    monkeypatch.setattr(markerwords, "FRAME_WORDS", frozenset())
    audit_tool_comments_off(monkeypatch)  # the audit reads them too (R11-04)


@pytest.mark.parametrize("body", [b for b, _, _ in MARKED.values()], ids=list(MARKED))
def test_without_the_rule_the_text_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                body: str) -> None:
    rules_off(monkeypatch)
    monkeypatch.setattr(bodyprivacy, "comment_marker", lambda text: False)
    result = build(site(tmp_path, body), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    canary = re.search(r"CANARY-J\d+", body)
    assert canary and canary.group(0) in (tmp_path / "out/reflections/r/index.html").read_text()


KEPT = [
    "## A heading {#custom-id}", "Sets {#a, b} and {{ name }} and <%= x %>.",
    "> [!note]- Hidden costs\n> Fees.", "<details><summary>Draft questions</summary>\nQ.\n"
    "</details>", "`{# code #}` and `<?php ?>` in code.", "```\n{::comment}\n<?x?>\n```",
    "> [!warning] Off the record\n> ::: private\n> CANARY-kept\n> :::",
]


@pytest.mark.parametrize("body", KEPT)
def test_what_only_looks_alike_is_published(tmp_path: Path, body: str) -> None:
    result = build(site(tmp_path, body), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


INTERVIEW = ("---\ndate: 2026-01-01\nvisibility: public\nperson: {name: Jane Doe}\n"
             "consent: {publish_name: false}\nalias: a designer\n---\nHi.\n")
OLD_HIDDEN = re.compile(r"<!--(.*?)(?:-->|\Z)|<!\[CDATA\[(.*?)(?:\]\]>|\Z)|(?!)()", re.S)


@pytest.mark.parametrize("body", ["Met <?Jane Doe?> today.", "<!X Jane Doe>"])
def test_the_audit_reads_a_bogus_comment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         body: str) -> None:
    rules_off(monkeypatch)
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    root = site(tmp_path, body)
    (root / "content/interviews").mkdir()
    (root / "content/interviews/iv.md").write_text(INTERVIEW)
    result = build(root, out=tmp_path / "out")
    assert any(h.output == "reflections/r/index.html" and h.secret.kind == "unconsented name"
               for h in result.hits), [h.text() for h in result.hits]
    monkeypatch.setattr(readable, "_HIDDEN", OLD_HIDDEN)
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    assert "Jane Doe" in (tmp_path / "out/reflections/r/index.html").read_text()
