"""Red-team F8, F13, F14 and F18 (extras): raw HTML in a note.

* F8: a name split or made by markup that shows other letters than are written
  (an element hidden however deeply nested, shrunk, transparent, clipped, moved
  away; CSS generated content; scripts; bidi overrides) is a ``hiding-markup``
  error in the filter, and the audit reads each page as a browser shows it
  (ivsite.readers.onscreen), so it catches the name with the filter's rule off.
* F13: a name in a data: URI (base64 with spaces, percent-escaped SVG) is found
  by the filter's name check and by the audit, each on its own.
* F14: a link to a person's note written as ``<a href>`` ties the family name to
  them as a Markdown link does, in the filter and in the audit.
* F18 extras: ``<private>``, ``{% private %}``, ``{% comment %}``, shortcodes and
  ``[private]…[/private]`` are ``privacy-markup`` errors, never published text.
  (The audit has nothing to look for there: the text was never marked withheld
  in a way ivsite reads; the filter's error is the one line.)
"""

from __future__ import annotations

import base64
from pathlib import Path, PurePosixPath

import pytest
from unit_helpers import write_site

from ivsite.audience import notelinks
from ivsite.audience import stage as audience
from ivsite.names import people
from ivsite.pipeline import Result, build
from ivsite.readers import datauri, hiddentext, readable
from ivsite.readers.readable import readable_texts
from ivsite.validate import bodyprivacy

PERSON = "content/interviews/iv.md"
INTERVIEW = ("---\ndate: 2026-01-01\nvisibility: {vis}\nperson: {{name: Jane Doe}}\n"
             "consent: {{publish_name: false}}\nalias: a designer\n---\nHi.\n")


def site_with(root: Path, body: str, vis: str = "private") -> Path:
    return write_site(root / "s", {
        PERSON: INTERVIEW.format(vis=vis),
        "content/reflections/r.md": f"---\ntitle: r\ndate: 2026-01-03\nvisibility: public\n"
                                    f"---\n{body}\n",
        "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})


def errors(result: Result) -> list[tuple[str, str, int]]:
    return [(d.code, d.path, d.line) for d in result.diagnostics if d.severity == "error"]


def audit_hits(result: Result) -> list[str]:
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert result.hits, [d.text() for d in result.diagnostics]
    return [h.text() for h in result.hits if h.secret.source == PERSON]


SVG = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg"><text x="5" y="25">'
                       b"Jane Doe</text></svg>").decode()
HIDING = {
    "nested display:none": 'I met Ja<span style="display:none"><span>x</span>q</span>ne Doe.',
    "font-size:0": 'I met Ja<span style="font-size:0">xq</span>ne Doe.',
    "opacity": 'I met Ja<span style="opacity:0;position:absolute">xq</span>ne Doe.',
    "transparent": 'I met Ja<span style="color:transparent;position:absolute">xq</span>ne Doe.',
    "zero width": 'I met Ja<span style="display:inline-block;width:0;overflow:hidden">xq'
                  '</span>ne Doe.',
    "css escape": 'I met Ja<span style="dis\\70lay: none">xq</span>ne Doe.',
    "hidden attribute": "I met Ja<b hidden>xq</b>ne Doe.",
    "hiding class": 'I met Ja<i class="visually-hidden">xq</i>ne Doe.',
    "template": "I met Ja<template>xq</template>ne Doe.",
    "style block": '<style>.nm::before{content:"Jane "}</style>\n\nI met <span class="nm">'
                   "</span>Doe.",
    "style class": "<style>.x{display:none}</style>\n\nI met Ja<b class=\"x\">q</b>ne Doe.",
    "bidi override": "I met \u202eeoD enaJ\u202c today.",
    "bdo": 'I met <bdo dir="rtl">eoD enaJ</bdo> today.',
}


@pytest.mark.parametrize("body", list(HIDING.values()), ids=list(HIDING))
def test_markup_that_hides_letters_is_an_error(tmp_path: Path, body: str) -> None:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert result.status == 1
    assert any(code == "hiding-markup" and path == "content/reflections/r.md"
               for code, path, _ in errors(result)), errors(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("body", list(HIDING.values()), ids=list(HIDING))
def test_the_audit_alone_reads_the_page_as_a_browser_shows_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    monkeypatch.setattr(bodyprivacy, "hiding", lambda content: iter(()))
    monkeypatch.setattr(bodyprivacy, "theme_hiding", lambda content, sheet: iter(()))
    monkeypatch.setattr(bodyprivacy, "reversing", lambda text: False)
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    hits = audit_hits(build(site_with(tmp_path, body), out=tmp_path / "out"))
    assert any(h.startswith("reflections/r/index.html: unconsented name") for h in hits), hits
    assert not (tmp_path / "out").exists()


OTHER_SCRIPT = {
    "script": "I met <script>document.write('Ja'+'ne')</script> Doe.",
    "handler": 'I met <img src="x.png" onerror="this.after(\'Ja\'+\'ne\')"> Doe.',
    "noscript": "I met Ja<noscript>xq</noscript>ne Doe.",
    "stylesheet": '<link rel="stylesheet" href="files/x.css">\n\nHi.',
}


@pytest.mark.parametrize("body", list(OTHER_SCRIPT.values()), ids=list(OTHER_SCRIPT))
def test_scripts_and_style_sheets_in_a_note_are_errors(tmp_path: Path, body: str) -> None:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert ("hiding-markup", "content/reflections/r.md", 6) in errors(result), errors(result)


ORDINARY = [
    '<span style="color: red;">Red</span> and <span style="margin:0 6px;font-size:0.75em;'
    'vertical-align:top">small</span>',
    '<div align="center" style="background-color: white;padding: 1em;">\n\nBox\n\n</div>',
    '<div style="padding:8px 0 2px;text-align:center;background:rgba(240,0,0,0.1)">x</div>',
    "<details><summary>More</summary>\n\nText.\n\n</details>",
    "`<style>` and `{% private %}` in code, <kbd>Ctrl</kbd>",
    "::: private\nI met Ja<span style=\"display:none\">x</span>ne \u202eeoD\n:::",
    "Shalom \u200fשלום\u200f and {% raw %}{{ x }}{% endraw %} and [link] and [note]",
]


@pytest.mark.parametrize("body", ORDINARY)
def test_ordinary_html_and_withheld_tricks_are_fine(tmp_path: Path, body: str) -> None:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert errors(result) == [], errors(result)


def test_a_private_note_may_hold_any_markup(tmp_path: Path) -> None:
    body = '<style>.a{display:none}</style>\n\n<private>x</private> {% comment %}'
    site = write_site(tmp_path / "s", {
        "content/reflections/r.md": f"---\ntitle: r\ndate: 2026-01-03\n---\n{body}\n",
        "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})
    assert errors(build(site, out=tmp_path / "out")) == []


def test_with_the_rule_off_hiding_markup_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "hiding", lambda content: iter(()))
    monkeypatch.setattr(bodyprivacy, "theme_hiding", lambda content, sheet: iter(()))
    # The audit reads what a page does not draw on its own (red team 12, R12-10).
    monkeypatch.setattr(hiddentext, "hidden_phrases", lambda page: iter(()))
    body = 'CANARY-HIDE <span style="font-size:0">xq</span>'
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert result.status == 0, errors(result)
    assert "font-size:0" in (tmp_path / "out/reflections/r/index.html").read_text()


# --------------------------------------------------------------------------- F13

DATA = {
    "base64 with a space": f'Sig: <img alt="sig" src="data:image/svg+xml;base64,{SVG[:17]} '
                           f'{SVG[17:]}">',
    "percent-escaped": 'Sig: <img alt="sig" src="data:image/svg+xml,%3Csvg%3E%3Ctext%3EJa'
                       '%3Ctspan%3Ene%3C/tspan%3E%20Doe%3C/text%3E%3C/svg%3E">',
    "html block": f'<p>\n<img alt="s" src="data:image/svg+xml;base64,{SVG[:9]}\n{SVG[9:]}">'
                  "\n</p>",
}


@pytest.mark.parametrize("body", list(DATA.values()), ids=list(DATA))
def test_a_name_in_a_data_uri_is_found_by_the_filter(tmp_path: Path, body: str) -> None:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert ("name-without-consent", "content/reflections/r.md", 6) in errors(result), \
        errors(result)


@pytest.mark.parametrize("body", list(DATA.values()), ids=list(DATA))
def test_a_name_in_a_data_uri_is_found_by_the_audit_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    hits = audit_hits(build(site_with(tmp_path, body), out=tmp_path / "out"))
    assert any(h.startswith("reflections/r/index.html: unconsented name") for h in hits), hits


def test_the_audit_reads_a_spaced_data_uri_a_browser_would_show() -> None:
    page = f'<p><img src="data:image/svg+xml;base64,{SVG[:17]} {SVG[17:]}"></p>'.encode()
    assert any("Jane Doe" in t for t in readable_texts(PurePosixPath("a.html"), page))
    # Unquoted in running text the payload's end is not sure: the words after it
    # are never cut out of the text.
    text = b"data:image/png;base64,AAAAAAAAAAAAAAAAAAAA Jane Doe"
    assert any("Jane Doe" in t for t in readable_texts(PurePosixPath("a.txt"), text))


# --------------------------------------------------------------------------- F14

QUENNELL = ("---\ndate: 2026-01-01\nvisibility: public\nperson: {name: Alexandra Quennell}\n"
            "consent: {publish_name: false}\nalias: a product manager\n---\nHi.\n")
LINKS = ['As <a href="../../interviews/iv/">Quennell</a> said.',
         'As <a href="../interviews/iv.md">Quennell</a> said.',
         'As <a href="/interviews/iv/">Quennell</a> said.',
         '<p>As <a href="https://example.org/interviews/iv/index.html">Quennell</a> said.</p>']


def quennell_site(root: Path, body: str) -> Path:
    """(With a summary: the home page shows a note's first lines otherwise, beside
    the interview's card, where the family name alone counts anyway: R12-12.)"""
    return write_site(root / "s", {
        PERSON: QUENNELL,
        "content/reflections/r.md": f"---\ntitle: r\ndate: 2026-01-03\nvisibility: public\n"
                                    f"summary: A thought.\n---\n{body}\n",
        "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})


@pytest.mark.parametrize("body", LINKS)
def test_a_family_name_beside_an_html_link_to_the_person_is_an_error(
        tmp_path: Path, body: str) -> None:
    result = build(quennell_site(tmp_path, body), out=tmp_path / "out")
    assert ("name-without-consent", "content/reflections/r.md", 7) in errors(result), \
        errors(result)


@pytest.mark.parametrize("body", LINKS[:2])
def test_the_audit_alone_counts_an_html_link_to_the_person(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    hits = audit_hits(build(quennell_site(tmp_path, body), out=tmp_path / "out"))
    assert any(h.startswith("reflections/r/index.html: name part") for h in hits), hits


def test_with_html_links_not_read_the_family_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notelinks, "linked_notes", lambda *args: set())
    # The audit finds the page's link to the person's on its own (R12-12): off too.
    monkeypatch.setattr(people.Mentions, "carded", lambda self, site, seen: [])
    result = build(quennell_site(tmp_path, LINKS[0]), out=tmp_path / "out")
    assert result.status == 0, errors(result)
    assert "Quennell" in (tmp_path / "out/reflections/r/index.html").read_text()


def test_a_family_name_beside_an_html_link_elsewhere_is_fine(tmp_path: Path) -> None:
    body = 'As <a href="https://example.org/people/">Quennell Street</a> shows.'
    assert errors(build(quennell_site(tmp_path, body), out=tmp_path / "out")) == []


# --------------------------------------------------------------------------- F18


MARKUP = {
    "html block": ("<private>\nCANARY-PM secret words.\n</private>", 6),
    "inline html": ("Hi <private>CANARY-PM</private> there.", 6),
    "mentor tag": ("Hi <mentor>CANARY-PM</mentor> there.", 6),
    "class": ('<div class="private">\n\nCANARY-PM\n\n</div>', 6),
    "data attribute": ('Hi <span data-visibility="private">CANARY-PM</span>', 6),
    "liquid": ("Intro.\n\n{% private %}\nCANARY-PM\n{% endprivate %}", 8),
    "liquid comment": ("Intro.\n\n{% comment %}\nCANARY-PM\n{% endcomment %}", 8),
    "hugo shortcode": ("{{< private >}}\nCANARY-PM\n{{< /private >}}", 6),
    "bbcode": ("Hi [private]CANARY-PM[/private]", 6),
}


@pytest.mark.parametrize(("body", "line"), list(MARKUP.values()), ids=list(MARKUP))
def test_a_privacy_tag_of_another_tool_is_an_error(tmp_path: Path, body: str,
                                                   line: int) -> None:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert ("privacy-markup", "content/reflections/r.md", line) in errors(result), \
        errors(result)
    assert not (tmp_path / "out").exists()


def test_with_the_rule_off_a_privacy_tag_of_another_tool_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "_privacy_element", lambda tag, told: False)
    monkeypatch.setattr(bodyprivacy, "_markup", lambda inline: iter(()))
    body = "<private>CANARY-PM1</private>\n\n{% private %} CANARY-PM2 {% endprivate %}"
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert result.status == 0, errors(result)
    page = (tmp_path / "out/reflections/r/index.html").read_text()
    assert "CANARY-PM1" in page and "CANARY-PM2" in page


@pytest.mark.parametrize("body", [HIDING["font-size:0"], HIDING["style block"],
                                  DATA["base64 with a space"]])
def test_without_the_audits_readings_such_a_page_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """The on-screen reading and the quoted data: URI are what finds these: with
    them off (and the filter's rules off) the page goes out."""
    monkeypatch.setattr(bodyprivacy, "hiding", lambda content: iter(()))
    monkeypatch.setattr(bodyprivacy, "theme_hiding", lambda content, sheet: iter(()))
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    monkeypatch.setattr(readable, "on_screen", lambda page, hidden: "")
    monkeypatch.setattr(datauri, "payloads", lambda text: [])
    # The base64 runs of a file that is not a page (ivsite.readers.encodedtext, red team 9)
    # find the data: URI's payload in Pagefind's fragment on their own.
    monkeypatch.setattr(readable, "encoded_parts", lambda *args: [])
    # What a page does not draw is refused as hidden text (red team 12, R12-10).
    monkeypatch.setattr(hiddentext, "hidden_phrases", lambda page: iter(()))
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


@pytest.mark.parametrize("page", [
    '<p>I met Ja<span style="display:none"><span>x</span>q</span>ne Doe.</p>',
    "<p>I met J<i hidden>x</i>a<i hidden>y</i>ne Doe.</p>",
    "<p>I met Ja<!-- a comment -->ne Doe.</p>",
    '<p>I met Ja<div style="display:inline;font-size:0">xq</div>ne Doe.</p>',
    '<p>I met Ja<I CLASS="Visually-Hidden">q</I>ne D&#111;e.</p>',
    '<style>span.n::after{content:attr(data-a) " Doe"}</style><p>I met <span class=n '
    'data-a="Jane"></span>.</p>',
    '<style>.x { display: none }</style><p>I met Ja<b class="x">q</b>ne Doe.</p>',
    '<p>I met <span style="unicode-bidi:bidi-override;direction:rtl">eoD enaJ</span></p>',
    "<p>" + "word " * 400 + "Ja<b hidden>x</b>ne Doe" + " more" * 400 + "</p>",
])
def test_the_audit_reads_a_page_as_it_is_on_screen(page: str) -> None:
    texts = readable_texts(PurePosixPath("a.html"), page.encode())
    assert any("Jane Doe" in " ".join(t.split()) for t in texts), texts
