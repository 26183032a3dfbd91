"""Red team 11, R11-25 (docs/redteam/2026-12-01-eleventh.md): a wiki link where
ivsite does not read one (a front-matter ``title`` or ``summary``, a link's title,
an image's alt text, an HTML attribute) printed a private note's title or alias,
where the same link in the body reads "a private note".

Now a wiki link in a printed front-matter field, a link's or image's title, an
alt text, a raw HTML attribute, site.toml's title and a question's text is an
``unread-wiki-link`` error (ivsite.validate.unreadlinks, ivsite.validate.printedtexts),
whatever note it names; and the audit looks on its own for a withheld note's
title, alias or path inside ``[[…]]`` in every output (ivsite.audit.addresses).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, audit_refusals, red_team_site

from ivsite.audit import addresses
from ivsite.audit.secrets import WIKI_NAME, Secret, wiki_name
from ivsite.core.diagnostics import Diagnostics
from ivsite.markdown import passages
from ivsite.markdown.frontmatter import split
from ivsite.parse.stage import parse_cut
from ivsite.pipeline import build
from ivsite.validate import note as validate
from ivsite.validate import printedtexts
from ivsite.validate.unreadlinks import unread_links

PRIVATE = {
    "reflections/2026-04-01-next-move.md": ({"title": "Leaving Globex for Initech",
                                             "date": "2026-04-01", "aliases": ["Initech move"]},
                                            "Private plan.\n"),
    "reflections/2026-04-02-resignation.md": ({"title": "Resignation", "date": "2026-04-02"},
                                              "The letter.\n"),
    "files/plan.txt": "The plan.\n",
}
FRONT = {"title": "Follow-up to [[Leaving Globex for Initech]]",
         "summary": "More on [[Initech move]]"}
BODY = ('The plan, as a ![picture of [[Resignation]]](../files/plan.txt), and a '
        '[file](../files/plan.txt "[[Resignation]]"),\nand <span title="[[Resignation]]">'
        'hover here</span>.\n')


def _errors(text: str, fields: frozenset[str] = frozenset({"title", "summary"}),
            visibility: str = "public") -> list[tuple[str, int]]:
    fm, _ = split("n.md", text.encode())
    assert fm is not None
    cut = passages.cut(fm.body)
    tokens, _, _ = parse_cut(cut, passages.KINDS)
    diags = Diagnostics()
    unread_links("n.md", fm, fields, fm.body_line, tokens, cut, visibility, diags)
    return [(d.code, d.line) for d in diags.errors]


@pytest.mark.parametrize("body", [
    '[a](https://example.org "[[X]]")', "![alt [[X]]](p.png)", '![a](p.png "[[X|label]]")',
    '<span title="[[X]]">x</span>', '<abbr title="see ![[X]]">x</abbr>',
    '<div data-note="[[X#part]]">\nx\n</div>'])
def test_a_wiki_link_in_the_body_where_it_is_not_read(body: str) -> None:
    text = f"---\ntitle: T\n---\nIntro.\n\n{body}\n"
    assert _errors(text) == [("unread-wiki-link", 6)]
    assert _errors(text, visibility="private") == []
    assert _errors(f"---\ntitle: T\n---\n::: private\n{body}\n:::\n") == []


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["title", "summary"]), st.text("abc XYZ-", min_size=1, max_size=20),
       st.sampled_from(["", "|label", "#part"]), st.sampled_from(["", "!"]))
def test_a_wiki_link_in_a_printed_field(key: str, name: str, extra: str, bang: str) -> None:
    if not name.strip(" -"):
        return
    value = f"Notes on {bang}[[{name}{extra}]]".replace("'", "''")
    text = f"---\n{key}: '{value}'\n---\nBody.\n"
    assert _errors(text) == [("unread-wiki-link", 2)], text


def test_what_is_no_link_or_not_printed_is_fine() -> None:
    assert _errors("---\ntitle: A [[X]\nsummary: '[not] [a] link'\n---\n[[X]] in the body.\n") \
        == []
    assert _errors("---\ntitle: T\nup: '[[Parent]]'\n---\nx\n") == []  # an unknown key
    assert _errors("---\ntitle: T\nreferred_by: '[[Aunt]]'\n---\nx\n",
                   frozenset({"title", "referred_by"})) == []
    assert _errors('---\ntitle: T\n---\n[a](https://example.org "A title")\n`"[[X]]"`\n') == []


def test_printed_texts_outside_notes() -> None:
    diags = Diagnostics()
    assert printedtexts.printed_text("site.toml", 1, "'title'", "Research [[Resignation]]",
                                     "comment-in-settings", diags)
    assert [d.code for d in diags.errors] == ["unread-wiki-link"]


def test_the_audit_reads_names_in_brackets() -> None:
    names = {wiki_name("Leaving Globex for Initech"): Secret(WIKI_NAME, "x", "n.md", 1)}
    found = list(addresses.wiki_names_in(
        '<title>Follow-up to [[leaving  Globex for initech|the move]]</title>', names))
    assert len(found) == 1
    assert list(addresses.wiki_names_in("Leaving Globex for Initech, [[Other]]", names)) == []


# ------------------------------------------------------------------- end to end


def _site(root: Path, front: dict[str, Any] | None = None, body: str = "Hello.\n") -> Path:
    return red_team_site(root, {**PRIVATE, "pages/follow-up.md": (
        {"title": "Follow-up", **(front or {})}, body)})


def test_the_build_refuses_each(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", FRONT, BODY), out=tmp_path / "out")
    found = sorted((d.code, d.line) for d in result.diagnostics
                   if d.path == "content/pages/follow-up.md")
    assert found == [("unread-wiki-link", n) for n in (2, 3, 5, 5, 6)], found
    assert result.status == 1 and not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize(("front", "body"), [(FRONT, "Hello.\n"), ({}, BODY)])
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 front: dict[str, Any], body: str) -> None:
    monkeypatch.setattr(validate, "unread_links", lambda *args: False)
    refused = audit_refusals(_site(tmp_path / "s", front, body), tmp_path / "out")
    assert {source for _, source in refused} & {
        "content/reflections/2026-04-01-next-move.md",
        "content/reflections/2026-04-02-resignation.md"}, refused


@pytest.mark.usefixtures("no_filter")
def test_without_both_the_names_are_published(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "unread_links", lambda *args: False)
    monkeypatch.setattr(addresses, "_WIKI", re.compile(r"(?!)"))
    result = build(_site(tmp_path / "s", FRONT, BODY), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + [
        h.text() for h in result.hits]
    corpus = OutputCorpus(tmp_path / "out")
    for said in ("Leaving Globex for Initech", "Initech move", "[[Resignation]]"):
        assert corpus.find(said) != [], said
