"""Red team 3's raw-HTML reproducers (docs/redteam/2026-11-30-third.md).

* H3: a name shown forwards by CSS ``unicode-bidi: bidi-override`` (a style
  attribute or a class), completed by ``::before { content }``, or joined from
  blocks by ``display:inline``.
* H6: a ``<script>`` that writes the name from pieces.
* H11: a name split by ``<label>`` or a custom element in an HTML block.
* H23: a name split by tags inside an ``<iframe srcdoc>``.
* An HTML or Obsidian comment used as a privacy marker (``<!-- private -->`` …
  ``<!-- /private -->``): ivsite cuts comments, not what stands between them.

Each is an error in the filter; where the page holds the name for a reader to
see, the audit finds it on its own too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audience import namecheck
from ivsite.audience import stage as audience
from ivsite.audit import stage as audit
from ivsite.markup import rawhtml
from ivsite.names import nameforms
from ivsite.pipeline import Result, build, checks
from ivsite.readers import onscreen, readable
from ivsite.validate import bodyprivacy

PERSON = "content/interviews/iv.md"
INTERVIEW = ("---\ndate: 2026-01-01\nvisibility: public\nperson: {name: Jane Doe}\n"
             "consent: {publish_name: false}\nalias: a designer\n---\nHi.\n")


def site_with(root: Path, body: str, vis: str = "public") -> Path:
    return write_site(root / "s", {
        PERSON: INTERVIEW,
        "content/reflections/r.md": f"---\ntitle: r\ndate: 2026-01-03\nvisibility: {vis}\n"
                                    f"---\n{body}\n",
        "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})


def errors(result: Result) -> list[tuple[str, str, int]]:
    return [(d.code, d.path, d.line) for d in result.diagnostics if d.severity == "error"]


def filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "hiding", lambda content: iter(()))
    monkeypatch.setattr(bodyprivacy, "theme_hiding", lambda content, sheet: iter(()))
    monkeypatch.setattr(bodyprivacy, "reversing", lambda text: False)
    monkeypatch.setattr(audience, "check_names", lambda *args: None)


REFUSED = {  # (body, the filter's error)
    "H3 bidi style": ('Met <span style="unicode-bidi:bidi-override;direction:rtl">eoD enaJ'
                      "</span> today.", "hiding-markup"),
    "H3 bidi class": ("<style>.r{unicode-bidi:bidi-override;direction:rtl}</style>\n\n"
                      'Met <span class="r">eoD enaJ</span> today.', "hiding-markup"),
    "H3 before": ('<style>.t::before{content:"ne"}</style>\n\nI met Ja<span class="t">'
                  "</span> Doe for coffee.", "hiding-markup"),
    "H3 display inline": ('<div>I met <div style="display:inline">Ja</div><div style="display:'
                          'inline">ne D</div><div style="display:inline">oe</div> for coffee.'
                          "</div>", "name-without-consent"),
    "H6 script": ('<script>document.write("Ja"+"ne D"+"oe")</script>', "hiding-markup"),
    "H11 label": ("<div>I met Ja<label>ne</label> D<x-y>oe</x-y> for coffee.</div>",
                  "name-without-consent"),
    "H23 srcdoc": ('<iframe srcdoc="&lt;p&gt;I met Ja&lt;b&gt;&lt;/b&gt;ne D&lt;i&gt;&lt;/i'
                   '&gt;oe&lt;/p&gt;"></iframe>', "name-without-consent"),
}


@pytest.mark.parametrize(("body", "code"), list(REFUSED.values()), ids=list(REFUSED))
def test_the_filter_refuses_it(tmp_path: Path, body: str, code: str) -> None:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert (code, "content/reflections/r.md", 6) in errors(result), errors(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("body", [b for k, (b, _) in REFUSED.items() if k != "H6 script"],
                         ids=[k for k in REFUSED if k != "H6 script"])
def test_the_audit_alone_finds_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        body: str) -> None:
    filter_off(monkeypatch)
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hits = [h.text() for h in result.hits if h.secret.source == PERSON]
    assert any(h.startswith("reflections/r/index.html: unconsented name") for h in hits), hits


def published(tmp_path: Path, body: str) -> str:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    return (tmp_path / "out/reflections/r/index.html").read_text()


OLD_INLINE = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|"
    r"strong|sub|sup|time|u|var|tspan|textPath|font|wbr)\b[^>]*>", re.I)


def _not_reversed(m: pytest.MonkeyPatch) -> None:
    """The CSS reversal reading off, and the name's form written backwards too
    (ivsite.names.typoforms.backwards, red team 11 R11-09), which finds "eoD enaJ"
    as written whatever draws it."""
    m.setattr(readable, "_css_reversed", lambda text: [])
    m.setattr(nameforms, "backwards", lambda seqs: set())


@pytest.mark.parametrize(("key", "switch"), [
    ("H3 bidi class", _not_reversed),
    ("H3 display inline", lambda m: m.setattr(onscreen, "_joined", lambda *args: "")),
    ("H11 label", lambda m: m.setattr(readable, "_INLINE_TAG", OLD_INLINE)),
    ("H23 srcdoc", lambda m: m.setattr(readable, "_SRCDOC", re.compile("(?!)"))),
])
def test_without_the_audits_new_reading_the_page_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str,
        switch: Callable[[pytest.MonkeyPatch], None]) -> None:
    """Each audit reading added for red team 3 is what finds its reproducer: with it
    off (and the filter's rules off) the page goes out."""
    filter_off(monkeypatch)
    switch(monkeypatch)
    # The theme's hiding classes (red team 4, J10) make the on-screen reading read
    # the words near the theme's hidden elements, this short page's body among
    # them: off too, so that the reading tested here is the only one.
    monkeypatch.setattr(audit, "sheets_hiding", lambda sheets: {})
    monkeypatch.setattr(checks, "theme_hidden", lambda theme: frozenset())
    assert "D" in published(tmp_path, REFUSED[key][0])


def test_without_reading_srcdoc_the_filter_publishes_the_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(namecheck, "embedded_texts", rawhtml.data_texts)
    monkeypatch.setattr(rawhtml, "embedded_texts", rawhtml.data_texts)
    monkeypatch.setattr(readable, "_SRCDOC", re.compile("(?!)"))
    assert "srcdoc" in published(tmp_path, REFUSED["H23 srcdoc"][0])


FRAMED = {
    "style in srcdoc": ('<iframe srcdoc="&lt;style&gt;.x{display:none}&lt;/style&gt;Hi">'
                        "</iframe>", "hiding-markup"),
    "script in srcdoc": ("<iframe srcdoc=\"&lt;script&gt;document.write('x')&lt;/script&gt;\">"
                         "</iframe>", "hiding-markup"),
    "nested frame": ("<iframe srcdoc=\"&lt;iframe srcdoc='&amp;lt;b hidden&amp;gt;x&amp;lt;/b"
                     "&amp;gt;'&gt;&lt;/iframe&gt;\"></iframe>", "hiding-markup"),
    "private tag in srcdoc": ('<iframe srcdoc="&lt;private&gt;CANARY&lt;/private&gt;">'
                              "</iframe>", "privacy-markup"),
}


@pytest.mark.parametrize(("body", "code"), list(FRAMED.values()), ids=list(FRAMED))
def test_a_frames_document_is_checked_as_raw_html(tmp_path: Path, body: str,
                                                  code: str) -> None:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert (code, "content/reflections/r.md", 6) in errors(result), errors(result)


def test_without_reading_frames_their_markup_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rawhtml, "_FRAMES", 0)
    tags = rawhtml.tags
    monkeypatch.setattr(bodyprivacy, "tags", lambda content: tags(content, 0))
    monkeypatch.setattr(bodyprivacy, "hiding", lambda content: iter(()))
    monkeypatch.setattr(bodyprivacy, "theme_hiding", lambda content, sheet: iter(()))
    assert "srcdoc" in published(tmp_path, FRAMED["private tag in srcdoc"][0])


# ------------------------------------------------------------- comment markers

COMMENTS = {
    "html pair": ("Intro.\n\n<!-- private -->\nCANARY-CM salary.\n<!-- /private -->", 8),
    "begin/end": ("Intro.\n\n<!-- BEGIN PRIVATE -->\nCANARY-CM\n<!-- END PRIVATE -->", 8),
    "inline": ("Hi <!--private-->CANARY-CM<!--/private--> there.", 6),
    "obsidian": ("Intro.\n\n%% draft %%\nCANARY-CM\n%% end draft %%", 8),
    "mentor only": ("<!-- mentor only -->\nCANARY-CM", 6),
    "do not publish": ("<!-- do not publish -->\nCANARY-CM", 6),
}


@pytest.mark.parametrize(("body", "line"), list(COMMENTS.values()), ids=list(COMMENTS))
def test_a_comment_used_as_a_privacy_marker_is_an_error(tmp_path: Path, body: str,
                                                        line: int) -> None:
    result = build(site_with(tmp_path, body), out=tmp_path / "out")
    assert ("privacy-markup", "content/reflections/r.md", line) in errors(result), \
        errors(result)
    assert not (tmp_path / "out").exists()


def test_with_the_rule_off_the_text_between_comment_markers_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "comment_marker", lambda comment: False)
    page = published(tmp_path, COMMENTS["html pair"][0])
    assert "CANARY-CM" in page and "private" not in page


ORDINARY_COMMENTS = [
    "Hi <!-- TODO: ask about pay --> there. <!-- more -->",
    "%% private thoughts: he seemed tired of the job %%\nText.",
    "<!-- public -->\nText. <!-- keep this private from my mentor too -->",
    "::: private\n<!-- private -->\nJa<b hidden>x</b>ne\n<!-- /private -->\n:::",
    "`<!-- private -->` in code.",
]


@pytest.mark.parametrize("body", ORDINARY_COMMENTS)
def test_ordinary_comments_are_fine(tmp_path: Path, body: str) -> None:
    assert errors(build(site_with(tmp_path, body), out=tmp_path / "out")) == []


def test_a_private_note_may_mark_passages_with_comments(tmp_path: Path) -> None:
    body = COMMENTS["html pair"][0]
    assert errors(build(site_with(tmp_path, body, vis="private"), out=tmp_path / "out")) == []
