"""Red team 13, R13-02: an address the author wrote, read as a browser reads it
(docs/redteam/2026-12-02-thirteenth.md).

``<a href="../reflections\\quit-acme-in-may/">`` on a public page: browsers read
``\\`` as ``/`` in an http(s) address (the URL standard's special schemes), so the
link leads to the private reflection, and its slug was published. Neither the
filter (ivsite.audience.viewbody) nor the audit (ivsite.audit.addresses) read the
backslash as a slash. Now every place that reads an address an author wrote
reads it through ivsite.core.urlparts.browser_url: backslashes as slashes before
the query, tabs and newlines gone, the scheme and host in small letters; and
its path percent-decoded with ``%5C`` a slash too (url_path). Each line holds on
its own: the filter takes the link out, the audit (the filter off) refuses it,
and with both readings switched off the slug is published.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, write_site

from ivsite.audience import viewbody
from ivsite.audit import addresses as auditaddresses
from ivsite.audit import search as auditsearch
from ivsite.core.urlparts import attribute_addresses, browser_url
from ivsite.markdown import notes as mdnotes
from ivsite.markup import rawhtml
from ivsite.pipeline import Result, build
from ivsite.text.notefiles import NoteFiles

SLUG = "quit-acme-in-may"
CONFIG = {"title": "Career notes", "author": "Pat Author",
          "base_url": "https://pat.example.org/"}
PRIVATE = ({"visibility": "private", "date": "2026-03-18", "title": "Thinking aloud"},
           "I may leave my job before the summer, but nobody at work knows yet.\n")

# How an author may write the address of reflections/quit-acme-in-may/ from
# pages/about's page (about/): each reaches it in a browser.
SPELLINGS = [
    "../reflections\\quit-acme-in-may/",
    "..\\reflections\\quit-acme-in-may\\",
    "..\\reflections/quit-acme-in-may",
    "../reflections\\quit-acme-in-may\\index.html",
    "\\reflections\\quit-acme-in-may\\",
    "https:\\\\pat.example.org\\reflections\\quit-acme-in-may\\",
    "https:/\\pat.example.org/reflections/quit-acme-in-may/",
    "HTTPS://PAT.EXAMPLE.ORG\\reflections\\quit-acme-in-may\\",
    "..%5Creflections%5Cquit-acme-in-may%5C",
    "../reflections\\quit-acme-in-may/?from=about",
    "  ../reflections\\quit-acme-in-may/#top",
]
ATTRIBUTES = ['<a href="{}">a reflection</a>', '<img src="{}" alt="">',
              '<img srcset="{} 1x, pic.png 2x" alt="">', "<a href='{}'>a reflection</a>"]


def _site(root: Path, body: str) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome to my research.\n"),
        "pages/about.md": ({"title": "About"}, body),
        f"reflections/{SLUG}.md": PRIVATE}, CONFIG)


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


def _leaks(out: Path) -> list[str]:
    return OutputCorpus(out).find(SLUG)


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize(("written", "read"), [
    ("../reflections\\x/", "../reflections/x/"),
    ("..\\r\\x\\?a\\b#c\\d", "../r/x/?a\\b#c\\d"),  # not in the query or fragment
    ("HTTPS:\\\\Pat.Example.ORG\\r\\X", "https://pat.example.org/r/X"),
    (" \t../re\nflec\rtions/x/ \n", "../reflections/x/"),
    ("mailto:a\\b", "mailto:a\\b"),  # not a special scheme: as written
    ("https://Ann@HOST.example:8080/P", "https://Ann@host.example:8080/P"),
])
def test_an_address_is_read_as_a_browser_reads_it(written: str, read: str) -> None:
    assert browser_url(written) == read


def test_an_attribute_is_read_whole_and_in_pieces() -> None:
    pieces = re.compile(r"[\s,]+")
    assert "../reflections/quit-acme/" in attribute_addresses(
        "../reflections/quit-\nacme/", pieces)  # a newline a browser drops
    assert {"a/b.png", "c/d.png"} <= set(attribute_addresses("a\\b.png 1x, c\\d.png 2x", pieces))


# --------------------------------------------------------------------------- the filter


def test_the_reproducer_builds_without_the_address(tmp_path: Path) -> None:
    here = Path(__file__).parent.parent / "docs/redteam/2026-12-02-thirteenth/R13-02/site"
    site = write_site(tmp_path / "s", {
        str(p.relative_to(here / "content")): p.read_text(encoding="utf-8")
        for p in sorted((here / "content").rglob("*.md"))},
        (here / "site.toml").read_text(encoding="utf-8"))
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert _leaks(tmp_path / "out") == []


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(ATTRIBUTES), st.sampled_from(SPELLINGS)),
                min_size=1, max_size=3))
def test_the_filter_takes_out_every_spelling(tmp_path_factory: pytest.TempPathFactory,
                                             links: list[tuple[str, str]]) -> None:
    root = tmp_path_factory.mktemp("f")
    body = "Some of my thinking:\n\n" + "\n\n".join(
        a.format(s.replace("&", "&amp;")) for a, s in links) + "\n"
    result = build(_site(root / "s", body), out=root / "out")
    assert result.status == 0, _said(result)
    assert _leaks(root / "out") == []


@pytest.mark.parametrize("link", [
    "[a reflection](..\\reflections\\quit-acme-in-may.md)",
    "[[reflections\\quit-acme-in-may]]",
])
def test_markdown_and_wiki_links_read_a_backslash_as_a_slash(tmp_path: Path, link: str) -> None:
    """Both reach the private note: its link is taken out, its text stays."""
    result = build(_site(tmp_path / "s", f"Some of my thinking: {link}.\n"),
                   out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert _leaks(tmp_path / "out") == []


def test_a_markdown_page_address_with_backslashes_is_refused(tmp_path: Path) -> None:
    """As with slashes: a Markdown link to a page address is no file (broken-link)."""
    result = build(_site(tmp_path / "s", "See [it](..\\reflections\\quit-acme-in-may/).\n"),
                   out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert not (tmp_path / "out").exists()


def test_entities_for_tabs_and_newlines_are_dropped_as_a_browser_does(tmp_path: Path) -> None:
    body = ('<a href="../reflections/quit-&#10;acme-&#9;in-may/">a</a> and '
            '<a href="..&#92;reflections&#92;quit-acme-in-may&#92;">b</a>\n')
    result = build(_site(tmp_path / "s", body), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert _leaks(tmp_path / "out") == []


# --------------------------------------------------------------------------- each line alone


def _filter_reading_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's reading as before R13-02: each piece as written."""
    monkeypatch.setattr(viewbody, "attribute_addresses",
                        lambda value, between: between.split(value))
    monkeypatch.setattr(mdnotes, "browser_url", lambda url: url)


def _audit_reading_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's reading as before R13-02: pieces as written, ``\\`` no slash."""
    # (R16-12's reading of a note's path, ivsite.text.notefiles, reads it as one too.)
    monkeypatch.setattr(auditsearch, "note_files", lambda secrets: NoteFiles({}))
    monkeypatch.setattr(auditaddresses, "attribute_addresses",
                        lambda value, between: between.split(value))
    monkeypatch.setattr(auditaddresses, "url_path", lambda parts: unquote(parts.path))
    auditaddresses._local_path.cache_clear()
    old_path = auditaddresses._SECTION_PATH
    monkeypatch.setattr(auditsearch, "addresses_in", lambda text, found, own: (
        s for m in old_path.finditer(text) if (s := found.get(m.group(0))) is not None))


BODY = ('Some of my thinking: <a href="../reflections\\quit-acme-in-may/">a reflection</a>, '
        'and <img src="..\\reflections\\quit-acme-in-may\\" alt="">, and '
        '<a href="https:\\\\pat.example.org\\reflections\\quit-acme-in-may\\">again</a>\n')


def test_the_audit_alone_refuses_the_address(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(viewbody.BodyFilter, "_withheld_url", lambda self, m: False)
    result = build(_site(tmp_path / "s", BODY), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(h.secret.source.endswith(f"{SLUG}.md") for h in result.hits), _said(result)
    assert not (tmp_path / "out").exists()


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(ATTRIBUTES), st.sampled_from(SPELLINGS))
def test_the_audit_alone_refuses_every_spelling(tmp_path_factory: pytest.TempPathFactory,
                                                monkeypatch: pytest.MonkeyPatch,
                                                attribute: str, spelling: str) -> None:
    monkeypatch.setattr(viewbody.BodyFilter, "_withheld_url", lambda self, m: False)
    root = tmp_path_factory.mktemp("a")
    body = "Some of my thinking: " + attribute.format(spelling.replace("&", "&amp;")) + "\n"
    result = build(_site(root / "s", body), out=root / "out")
    assert result.status == 1, _said(result)
    assert any(h.secret.source.endswith(f"{SLUG}.md") for h in result.hits), _said(result)


def test_without_the_filters_reading_the_audit_still_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_reading_off(monkeypatch)
    result = build(_site(tmp_path / "s", BODY), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(h.secret.source.endswith(f"{SLUG}.md") for h in result.hits), _said(result)


def test_without_the_audits_reading_the_filter_still_holds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _audit_reading_off(monkeypatch)
    result = build(_site(tmp_path / "s", BODY), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert _leaks(tmp_path / "out") == []


def test_without_both_readings_the_address_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_reading_off(monkeypatch)
    _audit_reading_off(monkeypatch)
    result = build(_site(tmp_path / "s", BODY), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert _leaks(tmp_path / "out") != []  # the leak R13-02 reported


def test_raw_html_links_tie_a_page_to_the_note_they_reach() -> None:
    """ivsite.markup.rawhtml reads addresses for the notes a page links to (whose
    people's name parts count beside it): backslashes lead there too."""
    assert list(rawhtml.addresses('<a href="..\\interviews\\x\\">')) == ["../interviews/x/"]
    assert rawhtml.page_path("about/", "..\\interviews\\x\\") == "interviews/x"
