"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), a withheld note's words.

R16-03 (leak): the audit held a withheld note's words as secrets only where
they were inline text, inline code or code blocks. Words Markdown keeps
elsewhere were no secret: a raw HTML block (``<p>``, ``<div>``, ``<table>``),
a picture's alt text, a link's title, a raw tag's attribute (``<img alt>``,
``<abbr title>``), a wiki link's label; in a ``::: private`` passage, a link's
title and a tag's attributes. A file carrying the same sentence (a journal
export linked from a public page) was published. Now the audit reads every
token for all the words it holds (ivsite.audit.notewords), and the cut keeps a
passage's attribute and title words (ivsite.markdown.passagefences with
ivsite.markup.saidwords): the build fails with ``error[audit]``.

The filter holds no line here: it compares a linked file with the notes' files
by their bytes (``note-copy``, encoded copies), never by the words of a withheld
note, whichever way they are written; the audit is the line for text. So the
"filter" test and the "audit alone" test are one build each with and without
the filter's checks, both refused by the audit; with the audit's new readings
off, the file is published.

The same blind spot elsewhere, each with its three tests below: the filter's
name check skipped a public picture's alt text (``name-without-consent`` now;
ivsite.markdown.dialect.drawn_inline_text), and the audit's own readings of a
block marked private where ivsite reads no mark (ivsite.audit.markedblocks) and
of a line a "not for publishing" label opens (ivsite.audit.labelled) dropped
attributes and titles. And two false refusals the new reading would have made
(the same link title, the same HTML sentence on a public page) are excused.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token
from sites import (
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    day,
    red_team_site,
    write_site,
)

from ivsite.audit import labelled, markedblocks, notewords, secrets
from ivsite.markdown import passagefences
from ivsite.markdown.dialect import inline_text, parse_body
from ivsite.pipeline import build
from ivsite.validate import bodymarkers, bodyprivacy

SENT = "I would leave marketing if the Kestrel offer comes through next spring for sure."
CANARY = "Kestrel offer comes through next spring"
NOTE = "reflections/2026-03-02-thoughts.md"
SOURCE = f"content/{NOTE}"
CONFIG = {"title": "Career notes", "author": "Ana Silva",
          "base_url": "https://ana.example.org/"}
PIC = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>\n'

BODIES = {
    "html-paragraph": f"<p>{SENT}</p>",
    "html-div": f"<div>\n{SENT}\n</div>",
    "html-table": f"<table><tr><td>{SENT}</td></tr></table>",
    "html-inline-tags": "<p>I would <b>leave</b> marketing if the <i>Kestrel</i> offer comes"
                        " through next spring for&nbsp;sure.</p>",
    "image-alt": f"![{SENT}](../files/pic.svg)",
    "link-title": f'Read [this](https://example.com "{SENT}") later.',
    "reference-title": f"Read [this][r] later.\n\n[r]: https://example.com '{SENT}'",
    "img-alt-attribute": f'<img src="../files/pic.svg" alt="{SENT}">',
    "abbr-title": f'Some <abbr title="{SENT}">KO</abbr> thing.',
    "wiki-label": f"[[Some Page|{SENT}]]",
}
PASSAGES = {
    "passage-link-title": f'Read [this](https://example.com "{SENT}") later.',
    "passage-img-alt": f'<img src="../files/pic.svg" alt="{SENT}">',
}
"""(A reference definition's title in a passage was read before: the cut drops only
its label and address.)"""
EXPORTS = {"txt": f"Journal export\n\n{SENT}\n",
           "csv": f'date,entry\n2026-03-02,"{SENT}"\n',
           "html": f"<!doctype html><title>Journal</title><p>{SENT}</p>\n"}


def _site(root: Path, body: str, export: str = "txt", front: str = "",
          passage: bool = False) -> Path:
    """A withheld reflection (private by default, or ``front``'s visibility) with
    ``body``, or a public one with ``body`` in a private passage, and a public
    page linking to the journal exported to a file."""
    meta: dict[str, object] = {"title": "Honest thoughts", "date": day("2026-03-02")}
    if front:
        meta["visibility"] = front
    if passage:
        meta["visibility"] = "public"
        body = f"My year in review.\n\n::: private\n{body}\n:::\n\nThe rest is public."
    name = f"journal.{export}"
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        NOTE: (meta, body + "\n"),
        "files/pic.svg": PIC,
        f"files/{name}": EXPORTS[export],
        "pages/downloads.md": ({"title": "Downloads"},
                               f"My term journal: [download](../files/{name}).\n"),
    }, CONFIG)


CASES = {**{k: (v, False) for k, v in BODIES.items()},
         **{k: (v, True) for k, v in PASSAGES.items()}}


def _old_words(tokens: list[Token]) -> Iterator[tuple[Token, int, str]]:
    """The audit's reading before R16-03: inline text and code only."""
    for tok in tokens:
        if tok.type == "inline" and (said := " ".join(inline_text(tok).split())):
            yield tok, 0, said
        elif tok.type in ("fence", "code_block"):
            yield from ((tok, n + 1, line.strip())
                        for n, line in enumerate(tok.content.split("\n")) if line.strip())


def _audit_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secrets, "note_words", _old_words)
    monkeypatch.setattr(passagefences, "attribute_words", lambda markup: iter(()))
    monkeypatch.setattr(passagefences, "title_words", lambda source: iter(()))


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_build_refuses_the_withheld_words_in_a_linked_file(tmp_path: Path,
                                                              case: str) -> None:
    body, passage = CASES[case]
    result = build(_site(tmp_path / "s", body, passage=passage), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "audit" and d.path == SOURCE for d in result.diagnostics), [
        d.text() for d in result.diagnostics]
    assert {h.output for h in result.hits if h.secret.source == SOURCE} == {"files/journal.txt"}
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_it(tmp_path: Path, case: str) -> None:
    body, passage = CASES[case]
    assert_audit_refuses(_site(tmp_path / "s", body, passage=passage), tmp_path / "out",
                         SOURCE)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.usefixtures("no_filter")
def test_with_its_reading_off_the_file_is_published(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    case: str) -> None:
    _audit_off(monkeypatch)
    body, passage = CASES[case]
    assert_published(_site(tmp_path / "s", body, passage=passage), tmp_path / "out", CANARY)


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_every_export_and_a_mentor_note(tmp_path: Path, export: str) -> None:
    """The red team's other cases: an HTML and a CSV export, and a mentor note
    (withheld from the public build) written in HTML."""
    site = _site(tmp_path / "s", BODIES["html-paragraph"], export, front="mentor")
    assert_audit_refuses(site, tmp_path / "out", SOURCE)


def test_a_table_is_read_cell_by_cell(tmp_path: Path) -> None:
    """A raw HTML table's words run on across cells with no sentence end: each
    cell is a text of its own, so a terse table's cells copied in another order
    are found (chained with their neighbours, ivsite.audit.sentences)."""
    table = ("<table>\n<tr><td>Kestrel offer</td><td>85k base</td></tr>\n"
             "<tr><td>Start</td><td>next spring</td></tr>\n</table>")
    texts = [said for _, _, said in notewords.note_words(parse_body(table)[0])]
    assert {"Kestrel offer", "85k base", "Start", "next spring"} <= set(texts)


# ----------------------------------------------------------- every spelling of the class

_ELEMENTS = st.sampled_from(["p", "div", "td", "li", "blockquote", "section", "h2", "span",
                             "figcaption", "dd", "details", "aside"])
_ATTRS = st.sampled_from(["alt", "title", "aria-label", "placeholder", "data-note", "value",
                          "aria-description", "label", "content"])
_QUOTES = st.sampled_from(['"{}"', "'{}'", "({})"])


@st.composite
def _carriers(draw: st.DrawFn) -> str:
    """The sentence, in one of the places Markdown keeps words other than text."""
    said = draw(st.sampled_from([SENT, SENT.replace(" ", "\n", 3)]))
    kind = draw(st.sampled_from(["block", "attribute", "inline-attribute", "title", "alt",
                                 "reference", "wiki", "style", "style-attribute"]))
    flat = " ".join(said.split())
    if kind == "block":
        tag = draw(_ELEMENTS)
        said = said.replace(" for sure", draw(st.sampled_from([" for sure", " for&nbsp;sure",
                                                                " for&#32;sure"])))
        return f"<div>\n<{tag}>{said}</{tag}>\n</div>" if tag in ("td", "li", "dd") else \
            f"<{tag}>{said}</{tag}>"
    if kind == "attribute":
        return f'<div {draw(_ATTRS)}="{flat}"></div>'
    if kind == "inline-attribute":
        return f'Look: <span {draw(_ATTRS)}="{flat}">here</span>.'
    if kind == "title":
        return f"Read [this](https://example.com {draw(_QUOTES).format(flat)}) later."
    if kind == "alt":
        return f"![{said}](pic.svg)"
    if kind == "style":  # generated content is drawn text
        return f'<style>\n.x::before {{ content: "{flat}"; }}\n</style>'
    if kind == "style-attribute":
        return f"<div style='color: gray; content: \"{flat}\"'></div>"
    if kind == "reference":
        return f"Read [this][r].\n\n[r]: https://example.com {draw(_QUOTES).format(flat)}"
    return f"[[Page|{flat}]]"


def _holds(texts: list[str]) -> bool:
    return any(SENT in said or CANARY in said for said in texts)


@given(_carriers())
@settings(max_examples=200, deadline=None)
def test_every_carrier_is_a_withheld_text(body: str) -> None:
    texts = [said for _, _, said in notewords.note_words(parse_body(body)[0])]
    assert _holds(texts), (body, texts)


@given(_carriers())
@settings(max_examples=200, deadline=None)
def test_every_carrier_in_a_passage_is_kept_by_the_cut(body: str) -> None:
    lines = [(n, line) for n, line in enumerate(body.split("\n"))]
    kept: list[passagefences.Withheld] = []
    passagefences._add_secrets(lines, ("private",), kept)
    assert _holds([w.text for w in kept]), (body, kept)


# ------------------------------------------------------------------ no false refusals


def test_markup_machinery_is_no_words() -> None:
    """Attributes that are the page's machinery (addresses, sizes, classes, CSS,
    single tokens) are not held as words: a public page written with the same
    markup as a private note is not refused for it."""
    markup = ('<a href="https://example.com/a b" target="_blank" rel="noopener" '
              'class="btn btn-primary" style="color: red; font-weight: bold">Go</a>'
              '<img src="x.png" srcset="x.png 1x, y.png 2x" sizes="(max-width: 600px) 480px"'
              ' width="30" loading="lazy">')
    assert [said for _, _, said in notewords.note_words(parse_body(markup)[0])] == ["Go"]


def test_a_public_page_with_the_same_markup_builds(tmp_path: Path) -> None:
    markup = ('<p class="lead text-muted small" style="margin: 0 auto; color: gray">'
              '<img src="../files/pic.svg" alt="pic" width="4"> {}</p>')
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, markup.format("Welcome to my notes.") + "\n"),
        NOTE: ({"title": "Honest thoughts", "date": day("2026-03-02")},
               markup.format("Thinking about leaving.") + "\n"),
        "files/pic.svg": PIC,
    }, CONFIG)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + [
        h.text() for h in result.hits]


# ------------------------------------- the filter's line: a name in a picture's alt text
#
# The same blind spot in the filter (ivsite.markdown.dialect.inline_text skips
# pictures): an unconsented name as a public page's picture's alt text, or an
# ``![[embed]]``'s, was refused by the audit alone. The filter's name check now
# reads each paragraph with its alt texts in place (drawn_inline_text).

ALT_CASES = {"alt": "![Quentin Zabrowski](../files/pic.svg)",  # from content/pages/
             "embed": "![[pic.svg|Quentin Zabrowski]]",
             "split": "Thanks, Quentin ![Zabrowski](../files/pic.svg), for the talk."}
THANKS = "pages/thanks.md"


def _alt_site(root: Path, body: str) -> Path:
    return red_team_site(root, {THANKS: ({"title": "Thanks"}, body + "\n"),
                                "files/pic.svg": PIC})


@pytest.mark.parametrize("case", sorted(ALT_CASES))
def test_the_filter_refuses_a_name_in_alt_text(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_alt_site(tmp_path / "s", ALT_CASES[case]), tmp_path / "out",
                          f"content/{THANKS}")


@pytest.mark.parametrize("case", sorted(ALT_CASES))
@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_name_in_alt_text(tmp_path: Path, case: str) -> None:
    assert_audit_refuses(_alt_site(tmp_path / "s", ALT_CASES[case]), tmp_path / "out",
                         f"content/{RED_TEAM_TALK}")


@pytest.mark.usefixtures("no_filter")
def test_with_both_off_the_alt_name_is_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secrets, "_people_secrets", lambda site, sees: [])
    assert_published(_alt_site(tmp_path / "s", ALT_CASES["alt"]), tmp_path / "out",
                     "Quentin Zabrowski")


# ------------------------------- a block a public note marks private (R15-01's reading)
#
# The audit's own reading of a block marked private where ivsite reads no mark
# (ivsite.audit.markedblocks) took each line's text with its tags out, so an alt
# text or a link's title there was no secret either; a line a label opens
# (ivsite.audit.labelled) was one text with the link's address in it, so its
# title's sentence was not found alone.

MARKED = {
    "attribute": (f'<div data-private>\n<img src="../files/pic.svg" alt="{SENT}">\n</div>',
                  "privacy-markup"),
    "lead-in": (f'`PRIVATE` Read [this](https://example.com "{SENT}") later.', "privacy-label"),
    "label": (f'OTR: Read [this](https://example.com "{SENT}") later.', "privacy-label"),
}
PAGE = "pages/notes.md"


def _marked_site(root: Path, body: str) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        PAGE: ({"title": "Budget notes"}, f"What I learned.\n\n{body}\n\nMore words.\n"),
        "files/pic.svg": PIC,
        "files/journal.txt": EXPORTS["txt"],
        "pages/downloads.md": ({"title": "Downloads"},
                               "My term journal: [download](../files/journal.txt).\n"),
    }, CONFIG)


def _marker_filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "info_marker", lambda info: None)
    monkeypatch.setattr(bodyprivacy, "attribute_marker", lambda name, value: None)
    monkeypatch.setattr(bodymarkers, "set_off_labels", lambda children: iter(()))
    monkeypatch.setattr(bodyprivacy, "markers", lambda tokens, lines: iter(()))


@pytest.mark.parametrize("case", sorted(MARKED))
def test_the_filter_refuses_the_marked_block(tmp_path: Path, case: str) -> None:
    body, code = MARKED[case]
    assert_filter_refuses(_marked_site(tmp_path / "s", body), tmp_path / "out",
                          f"content/{PAGE}", code)


@pytest.mark.parametrize("case", sorted(MARKED))
def test_the_audit_alone_refuses_the_marked_words(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  case: str) -> None:
    _marker_filter_off(monkeypatch)
    result = build(_marked_site(tmp_path / "s", MARKED[case][0]), out=tmp_path / "out")
    assert result.status == 1
    assert "files/journal.txt" in {h.output for h in result.hits
                                   if h.secret.source == f"content/{PAGE}"}, [
        h.text() for h in result.hits]


@pytest.mark.parametrize("case", sorted(MARKED))
def test_with_both_off_the_marked_words_are_published(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      case: str) -> None:
    _marker_filter_off(monkeypatch)
    monkeypatch.setattr(markedblocks, "attribute_words", lambda markup: iter(()))
    monkeypatch.setattr(markedblocks, "title_words", lambda source: iter(()))
    monkeypatch.setattr(labelled, "attribute_words", lambda markup: iter(()))
    monkeypatch.setattr(labelled, "title_words", lambda source: iter(()))
    assert_published(_marked_site(tmp_path / "s", MARKED[case][0]), tmp_path / "out", CANARY)


def test_a_title_a_public_page_shows_too_is_no_leak(tmp_path: Path) -> None:
    """A link with the same title in a private note and a public page: the title is
    shown by the public page, so it excuses the private note's (the audit's visible
    text keeps a link's title, though not its address)."""
    link = '[the survey](../files/pic.svg "Salary survey for the whole region in 2026")'
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, f"Read {link}.\n"),
        NOTE: ({"title": "Honest thoughts", "date": day("2026-03-02")},
               f"Thinking about {link} again.\n"),
        "files/pic.svg": PIC,
    }, CONFIG)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + [
        h.text() for h in result.hits]


def test_html_a_public_page_shows_too_is_no_leak(tmp_path: Path) -> None:
    """The same sentence in HTML in a private note and a public page: the public
    page shows it, its words not parted by the tags' names."""
    said = "<p>I would <b>leave</b> marketing for a <i>design</i> role next spring.</p>"
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, f"{said}\n"),
        NOTE: ({"title": "Honest thoughts", "date": day("2026-03-02")}, f"{said}\n"),
    }, CONFIG)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + [
        h.text() for h in result.hits]
