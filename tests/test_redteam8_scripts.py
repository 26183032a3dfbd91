"""Red team 8, N4 and N17 (docs/redteam/2026-12-01-eighth.md): code and loads
that no reading of a file can audit.

* N4: a note's ``<script src>`` of one of the site's own files (linked, so
  copied) writes a name reversed at run time and calls a host whose address is
  in base64; an attached HTML or SVG with a script does the same. A note's
  ``<script src>`` is a ``script-element`` error, a linked file that runs code a
  ``script-file`` error (ivsite.readers.activefiles), and the audit refuses any script
  that is not the theme's or Pagefind's (ivsite.audit.scripts).
* N17: a playlist (``.m3u8``, ``.mpd``) or an XML style sheet that loads from
  another host, and XSLT: ``remote-file`` and ``script-file`` errors, and the
  audit refuses them in the output.

Each is refused by the filter and, with the filter off, by the build's own
audit; with both off, the build exits 0 and publishes it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from sites import assert_filter_refuses, assert_published, red_team_site

from ivsite.audit import markupchecks as auditmarkup
from ivsite.audit.markupchecks import unsafe_code
from ivsite.audit.scripts import OwnScripts
from ivsite.emit.theme import builtin_theme_dir
from ivsite.pipeline import build
from ivsite.readers import activefiles
from ivsite.validate import bodyprivacy

PAGE = "content/pages/about.md"
EVIL = "evil.example"
WIDGET = ('new Image().src = atob("aHR0cHM6Ly9ldmlsLmV4YW1wbGUvcC5naWY=");\n'
          'document.querySelector("p").textContent = ["Quentin", '
          '"iksworbaZ".split("").reverse().join("")].join(" ");\n')

NOTE_SCRIPTS = {
    "local js": '<script src="../pages/widget.js"></script>',
    "a text file": '<script src="../pages/notes.txt"></script>',
    "module": '<script type="module" src="../pages/widget.mjs"></script>',
    "inline in a paragraph": 'Hi <script src="../pages/widget.js"></script> there.',
}
"""A note's raw HTML that runs one of the site's own files."""
REFUSED_AT = {"local js": "pages/widget.js", "a text file": "about/index.html",
              "module": "pages/widget.mjs", "inline in a paragraph": "pages/widget.js"}
"""Where the audit refuses each: the script file that is not the theme's, or the
page whose script is not a script file."""

FILES = {
    "a script": ("widget.js", WIDGET, "script-file"),
    "a module": ("widget.mjs", WIDGET, "script-file"),
    "html with a script": ("card.html", f"<p>Hi</p><script>{WIDGET}</script>", "script-file"),
    "html loading a script": ("card.html", '<p>Hi</p><script src="w.js"></script>',
                              "script-file"),
    "html with a handler": ("card.html", '<img src="x.png" onerror="this.alt=1">',
                            "script-file"),
    "svg with a script": ("sign.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>'
                          f"{WIDGET}</script></svg>", "script-file"),
    "svg with onload": ("sign.svg", '<svg xmlns="http://www.w3.org/2000/svg" '
                        'onload="alert(1)"/>', "script-file"),
    "xhtml script": ("p.xhtml", '<h:script xmlns:h="http://www.w3.org/1999/xhtml">x()'
                     "</h:script>", "script-file"),
    "utf-16 html": ("card.html", "\ufeff<script>x()</script>".encode("utf-16-le"),
                    "script-file"),
    "xslt": ("view.xsl", '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/'
             "XSL/Transform\"><xsl:template match=\"/\"><p><xsl:value-of select=\"concat("
             "'Quen', 'tin')\"/></p></xsl:template></xsl:stylesheet>", "script-file"),
    "xml applying xslt": ("data.xml", '<?xml version="1.0"?>\n<?xml-stylesheet '
                          'type="text/xsl" href="view.xsl"?>\n<notes/>', "script-file"),
    "hls playlist": ("clip.m3u8", "#EXTM3U\n#EXTINF:10.0,\nhttps://evil.example/seg0.ts\n",
                     "remote-file"),
    "hls key": ("clip.m3u8", '#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="//evil.example/k"\n'
                "#EXTINF:10.0,\nseg0.ts\n", "remote-file"),
    "m3u": ("list.m3u", "#EXTM3U\nhttp:evil.example/a.mp3\n", "remote-file"),
    "dash manifest": ("clip.mpd", "<MPD><BaseURL>https://evil.example/</BaseURL></MPD>",
                      "remote-file"),
    "xml style sheet": ("data.xml", '<?xml version="1.0"?>\n<?xml-stylesheet type="text/css" '
                        'href="https://evil.example/s.css"?>\n<notes/>', "remote-file"),
}
"""A linked file of the content: (name, bytes or text, the filter's code)."""

QUIET_FILES = {
    "local playlist": ("clip.m3u8", "#EXTM3U\n#EXTINF:10.0,\nseg0.ts\n#EXT-X-ENDLIST\n"),
    "plain svg": ("logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'),
    "html with a data block": ("card.html", '<p>Hi</p><script type="application/json">{}'
                               "</script>"),
    "xml with a local css": ("data.xml", '<?xml-stylesheet type="text/css" href="s.css"?><a/>'),
}
"""Files that run nothing and load nothing from elsewhere: published."""


def _note_site(root: Path, markup: str) -> Path:
    return red_team_site(root, {
        "pages/about.md": ({"title": "About"}, f"Hello there.\n\n{markup}\n"),
        "pages/widget.js": WIDGET, "pages/widget.mjs": WIDGET, "pages/notes.txt": WIDGET,
        "pages/links.md": ({"title": "Links"}, "[a](widget.js) [b](widget.mjs) [c](notes.txt)\n"),
    })


def _file_site(root: Path, name: str, data: str | bytes) -> Path:
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, f"See [it]({name}).\n"),
                                f"pages/{name}": data})


def _filter_off(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(bodyprivacy, "script_sources", lambda content: iter(()))
    mp.setattr(activefiles, "active", lambda suffix, data: None)


def _audit_off(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(auditmarkup, "foreign_code", lambda *args: iter(()))
    mp.setattr(auditmarkup, "loads_in", lambda suffix, text, own: iter(()))
    for suffix in activefiles.PLAYLIST_SUFFIXES:
        mp.setitem(auditmarkup._SHEET_OR_SCRIPT, suffix, lambda text, own: [])


def _audit_refuses(site: Path, out: Path, output: str) -> None:
    result = build(site, out=out)
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.output == output and h.secret.kind.startswith("unsafe markup")
               for h in result.hits), [h.text() for h in result.hits]
    assert not out.exists()


@pytest.mark.parametrize("markup", NOTE_SCRIPTS.values(), ids=NOTE_SCRIPTS.keys())
def test_the_filter_refuses_a_notes_script_src(tmp_path: Path, markup: str) -> None:
    assert_filter_refuses(_note_site(tmp_path / "s", markup), tmp_path / "out", PAGE,
                          code="script-element")


@pytest.mark.parametrize("case", NOTE_SCRIPTS)
def test_the_audit_alone_refuses_a_notes_script_src(
        tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    _audit_refuses(_note_site(tmp_path / "s", NOTE_SCRIPTS[case]), tmp_path / "out",
                   REFUSED_AT[case])


def test_with_both_off_the_script_is_published(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    _audit_off(monkeypatch)
    assert_published(_note_site(tmp_path / "s", NOTE_SCRIPTS["local js"]), tmp_path / "out",
                     '<script src="../pages/widget.js">')
    assert "iksworbaZ" in (tmp_path / "out/pages/widget.js").read_text("utf-8")


@pytest.mark.parametrize(("name", "data", "code"), FILES.values(), ids=FILES.keys())
def test_the_filter_refuses_a_linked_file_that_runs_or_loads(
        tmp_path: Path, name: str, data: str | bytes, code: str) -> None:
    assert_filter_refuses(_file_site(tmp_path / "s", name, data), tmp_path / "out", PAGE,
                          code=code)


def test_an_embedded_file_is_refused_too(tmp_path: Path) -> None:
    site = red_team_site(tmp_path / "s", {"pages/about.md": ({"title": "About"},
                                                             "![[sign.svg]]\n"),
                                          "pages/sign.svg": FILES["svg with onload"][1]})
    assert_filter_refuses(site, tmp_path / "out", PAGE, code="script-file")


AUDITED = {case: v for case, v in FILES.items() if case != "html loading a script"}
"""The audit lets a page's script from a ``.js`` file through (it reads that file
on its own, and there is none here): the filter refuses the page all the same."""


@pytest.mark.parametrize(("name", "data", "code"), AUDITED.values(), ids=AUDITED.keys())
def test_the_audit_alone_refuses_a_file_that_runs_or_loads(
        tmp_path: Path, name: str, data: str | bytes, code: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    _audit_refuses(_file_site(tmp_path / "s", name, data), tmp_path / "out", f"pages/{name}")


@pytest.mark.parametrize("case", ["a script", "hls playlist", "xml style sheet", "xslt"])
def test_with_both_off_the_file_is_published(tmp_path: Path, case: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    _audit_off(monkeypatch)
    name, data, _ = FILES[case]
    shown = {"a script": "iksworbaZ", "xslt": "concat("}.get(case, EVIL)
    assert_published(_file_site(tmp_path / "s", name, data), tmp_path / "out", shown)


@pytest.mark.parametrize(("name", "data"), QUIET_FILES.values(), ids=QUIET_FILES.keys())
def test_a_file_that_runs_and_loads_nothing_is_published(tmp_path: Path, name: str,
                                                         data: str) -> None:
    result = build(_file_site(tmp_path / "s", name, data), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert (tmp_path / "out/pages" / name).exists()


def test_the_themes_scripts_are_known_by_their_bytes() -> None:
    static = {p.name: p.read_bytes() for p in (builtin_theme_dir() / "static").iterdir()}
    own = OwnScripts.of(static)
    assert unsafe_code(PurePosixPath("static/theme.js"), static["theme.js"], "", own) == []
    changed = static["theme.js"] + b"\n// one more line\n"
    assert unsafe_code(PurePosixPath("static/theme.js"), changed, "", own) == \
        ["a script that is not the theme's or Pagefind's"]


PAGES = {
    "script from a text file": '<script src="../notes.txt"></script>',
    "inline code": "<script>x()</script>",
    "import map": '<script type="importmap">{"imports": {}}</script>',
    "handler": '<body onload="x()">',
    "script in a frame's page": '<iframe srcdoc="&lt;script src=&quot;a.txt&quot;&gt;'
                                '&lt;/script&gt;"></iframe>',
}


@pytest.mark.parametrize("markup", PAGES.values(), ids=PAGES.keys())
def test_the_audit_reads_a_pages_scripts(markup: str) -> None:
    page = f"<html><head></head><body>{markup}</body></html>".encode()
    assert unsafe_code(PurePosixPath("about/index.html"), page, "", OwnScripts(()))


def test_the_audit_lets_a_script_file_and_a_data_block_through() -> None:
    page = (b'<html><head><script src="../static/theme.js?v=1"></script></head><body>'
            b'<script type="application/octet-stream" id="iv-cipher">AAAA</script></body>'
            b"</html>")
    assert unsafe_code(PurePosixPath("about/index.html"), page, "", OwnScripts(())) == []
