"""Red team 6, L7 (docs/redteam/2026-11-30-sixth.md): a built page loads nothing
from another host.

* A Markdown picture on another host is shown as a link to it with its alt text,
  with a ``remote-image`` warning.
* Raw HTML that loads from another host (each loading attribute and element, CSS
  ``url()``/``@import``) is a ``remote-resource`` error; the site's own host and
  relative addresses are not.
* With the filter's checks off the audit refuses the page (or the style sheet) on
  its own; with the audit off too, the page is published loading that host.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audience import viewbody
from ivsite.audit import markupchecks as auditmarkup
from ivsite.audit import stage as audit
from ivsite.markup.remoteloads import own_host, remote_host, remote_loads
from ivsite.pipeline import Result, build
from ivsite.validate import note as validate

TOML = 'title = "Research"\nbase_url = "https://ana.example.org/"\n'
EVIL = "evil.example"


def page(body: str, vis: str = "public") -> str:
    return f"---\ntitle: About\nvisibility: {vis}\n---\n{body}\n"


def site(root: Path, body: str, files: dict[str, str | bytes] | None = None) -> Path:
    return write_site(root / "s", {"content/pages/about.md": page(body),
                                   "content/pages/index.md": page("Welcome."),
                                   **(files or {})}, toml=TOML)


def codes(result: Result, severity: str) -> list[tuple[str, str, int]]:
    return [(d.code, d.path, d.line) for d in result.diagnostics if d.severity == severity]


def built_text(out: Path) -> str:
    return "\n".join(p.read_text("utf-8", "replace") for p in out.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".xml", ".css", ".json"))


# --------------------------------------------------------------- the reproducer

def test_the_reproducers_picture_is_a_link_and_its_img_an_error(tmp_path: Path) -> None:
    root = site(tmp_path, f"![remote](https://{EVIL}/a.png)\n\n<img src=\"https://{EVIL}/b.png\">")
    result = build(root, out=tmp_path / "out")
    assert result.status == 1
    assert ("remote-resource", "content/pages/about.md", 7) in codes(result, "error")
    assert not (tmp_path / "out").exists()
    [hint] = {d.hint for d in result.diagnostics if d.code == "remote-resource"}
    assert "download" in hint and "link to it" in hint


def test_a_remote_picture_is_shown_as_a_link_with_its_alt_text(tmp_path: Path) -> None:
    root = site(tmp_path, f"See ![the office](https://{EVIL}/a.png \"t\") and "
                          "![ours](https://ana.example.org/x.png) and ![rel](//cdn.example/c.png)")
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    warned = [d for d in result.diagnostics if d.code == "remote-image"]
    assert [(d.path, d.line) for d in warned] == [("content/pages/about.md", 5)] * 2
    assert all("download the picture" in d.hint for d in warned)
    text = (tmp_path / "out/about/index.html").read_text("utf-8")
    assert f'<a href="https://{EVIL}/a.png" class="remote-picture">the office</a>' in text
    assert '<a href="//cdn.example/c.png" class="remote-picture">rel</a>' in text
    assert '<img src="https://ana.example.org/x.png" alt="ours"' in text  # the site's own host
    assert f'src="https://{EVIL}' not in built_text(tmp_path / "out")


def test_a_remote_picture_inside_a_link_is_its_alt_text(tmp_path: Path) -> None:
    root = site(tmp_path, f"[![build passing](https://{EVIL}/b.svg)](https://ci.example/)")
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    assert [d.code for d in result.diagnostics if d.severity == "warning"] == ["remote-image"]
    text = (tmp_path / "out/about/index.html").read_text("utf-8")
    assert '<a href="https://ci.example/">build passing</a>' in text
    assert EVIL not in text


def test_a_private_passage_and_a_private_note_are_not_checked(tmp_path: Path) -> None:
    img = f'<img src="https://{EVIL}/b.png">'
    root = site(tmp_path, f"::: private\n{img}\n:::\n",
                {"content/pages/mine.md": page(img, "private")})
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    assert EVIL not in built_text(tmp_path / "out")


# ------------------------------------------- every element and attribute that loads

LOADING = {
    "img src": '<img src="https://evil.example/p.png" alt="">',
    "img srcset": '<img src="p.png" srcset="p2.png 2x, https://evil.example/p3.png 3x" alt="">',
    "picture source srcset": ('<picture><source srcset="https://evil.example/p.webp">'
                              '<img src="p.png" alt=""></picture>'),
    "video poster": '<video poster="https://evil.example/p.jpg"></video>',
    "video src": '<video src="https://evil.example/v.mp4"></video>',
    "audio src": '<audio src="https://evil.example/a.mp3"></audio>',
    "source src": '<video><source src="https://evil.example/v.webm"></video>',
    "track src": '<video src="v.mp4"><track src="https://evil.example/t.vtt"></video>',
    "iframe": '<iframe src="https://evil.example/frame"></iframe>',
    "embed": '<embed src="https://evil.example/e.swf">',
    "object data": '<object data="https://evil.example/o.pdf"></object>',
    "link stylesheet": '<link rel="stylesheet" href="https://evil.example/s.css">',
    "link icon": '<link rel="icon" href="https://evil.example/i.ico">',
    "link preload": '<link rel="preload" as="image" href="https://evil.example/p.png">',
    "inline style url": '<div style="background:url(https://evil.example/bg.png)">x</div>',
    "inline style quoted, escaped": ("<div style=\"background-image:"
                                     "url('https\\3a //evil.example/b')\">x</div>"),
    "style element import": '<style>@import "https://evil.example/s.css";</style>',
    "style element image-set": ('<style>p{background:image-set('
                                '"https://evil.example/a.png" 1x)}</style>'),
    "input type=image": '<input type="image" src="https://evil.example/btn.png" alt="Go">',
    "background attribute": ('<table background="https://evil.example/t.png">'
                             "<tr><td>x</td></tr></table>"),
    "svg image": '<svg><image href="https://evil.example/s.png"/></svg>',
    "protocol-relative": '<img src="//evil.example/p.png" alt="">',
    "backslashes": '<img src="\\\\evil.example/p.png" alt="">',
    "entity-encoded": '<img src="https&#58;//evil.example/p.png" alt="">',
    "upper-case scheme, no slashes": '<img src="HTTP:evil.example/p.png" alt="">',
    "in a srcdoc page": '<iframe srcdoc="<img src=\'https://evil.example/p.png\'>"></iframe>',
}
ALLOWED = {
    "relative": '<img src="p.png" srcset="p2.png 2x" alt="">',
    "own host": '<img src="https://ana.example.org/p.png" alt="">',
    "own host, upper case": '<img src="HTTPS://ANA.EXAMPLE.ORG/p.png" alt="">',
    "data: picture": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    "a link": '<a href="https://evil.example/">a link loads nothing</a>',
    "link rel=alternate": '<link rel="alternate" href="https://evil.example/feed.xml">',
    "style with a local url": '<div style="background:url(bg.png)">x</div>',
}


@pytest.mark.parametrize("markup", LOADING.values(), ids=LOADING.keys())
def test_each_loading_attribute_is_found(markup: str) -> None:
    assert any(EVIL in what for what in remote_loads(markup, "ana.example.org")), markup


@pytest.mark.parametrize("markup", ALLOWED.values(), ids=ALLOWED.keys())
def test_what_loads_nothing_from_another_host_is_let_through(markup: str) -> None:
    assert list(remote_loads(markup, "ana.example.org")) == []


@pytest.mark.parametrize("markup", LOADING.values(), ids=LOADING.keys())
def test_the_audit_finds_each_in_a_page(markup: str) -> None:
    found = auditmarkup.unsafe_markup(f"<html><body>{markup}</body></html>", "ana.example.org")
    assert any(EVIL in what for what in found), markup


def build_notes(tmp_path: Path, refused: dict[str, str],
                allowed: dict[str, str]) -> tuple[Result, set[str]]:
    """A build with a note for each markup: content/pages/r<i>.md for the
    ``refused``, a<i>.md for the ``allowed``; the notes with a remote-resource error."""
    files = {f"content/pages/r{i}.md": page(f"Before.\n\n{markup}")
             for i, markup in enumerate(refused.values())}
    files |= {f"content/pages/a{i}.md": page(f"Before.\n\n{markup}")
              for i, markup in enumerate(allowed.values())}
    result = build(site(tmp_path, "Hi.", files), out=tmp_path / "out")
    return result, {path for code, path, _ in codes(result, "error") if code == "remote-resource"}


def test_each_is_an_error_in_a_note(tmp_path: Path) -> None:
    result, found = build_notes(tmp_path, LOADING, ALLOWED)
    assert found == {f"content/pages/r{i}.md" for i in range(len(LOADING))}
    assert [e for e in codes(result, "error") if "/a" in e[1]] == []  # the allowed


def test_remote_host_reads_addresses_as_a_browser() -> None:
    own = "ana.example.org"
    assert remote_host("https://user@Evil.Example.:8080/x", own) == "evil.example"
    assert remote_host(" //evil.example/x", own) == "evil.example"
    assert remote_host("https://ana.example.org./x", own) is None
    assert remote_host("/x.png", own) is None and remote_host("mailto:a@b.c", own) is None
    assert remote_host("https://ana.example.org/x", "") == "ana.example.org"
    assert remote_host("http://[x", own) == "[x]"
    assert remote_host("https://[::1]:8/", own) == "[::1]"
    ipv6 = own_host("http://[::1]:8000/")  # a site served on its IPv6 address
    assert ipv6 == "::1" and remote_host("http://[::1]:8000/x.png", ipv6) is None


# ------------------------------------------------- the theme loads nothing remote

def test_the_theme_loads_nothing_from_another_host(tmp_path: Path) -> None:
    root = site(tmp_path, "Hi.", {"content/interviews/2026-03-01-x.md": (
        "---\nvisibility: public\ndate: 2026-03-01\nperson: {name: Q Z, company: Acme}\n"
        "alias: an analyst\nstatus: done\n---\n## What is a day like?\n\nBusy.\n")})
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    written = [p for p in (tmp_path / "out").rglob("*") if p.suffix in (".html", ".css")]
    assert len(written) > 5
    for p in written:
        text = p.read_text("utf-8", "replace")
        found = auditmarkup.unsafe_markup(text, "ana.example.org") if p.suffix == ".html" \
            else auditmarkup.remote_in_sheet(text, "ana.example.org")
        assert found == [], p


# ------------------------------------- protection off: the filter's, then the audit's

def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "remote_resources", lambda *args: False)
    monkeypatch.setattr(viewbody, "remote_host", lambda address, own: None)


REPRODUCER = f"![remote](https://{EVIL}/a.png)\n\n<img src=\"https://{EVIL}/b.png\">"


def test_with_the_filters_checks_off_the_audit_refuses_the_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    result = build(site(tmp_path, REPRODUCER), out=tmp_path / "out")
    assert result.status == 1
    said = [h.text() for h in result.hits if h.output == "about/index.html"]
    assert any("<img> loads evil.example" in s for s in said), said
    assert not (tmp_path / "out").exists()


def test_the_audit_refuses_a_style_sheet_or_page_that_loads_another_host() -> None:
    files = [("assets/extra.css", f'@import url("https://{EVIL}/font.css");\n'.encode()),
             ("assets/ok.css", b"body{background:url(bg.png)}"),
             ("x/index.html", f'<html><body><img src="//{EVIL}/p.png"></body></html>'.encode())]
    found = audit.audit_files(files, [], "", [], "https://ana.example.org/")
    assert sorted(h.output for h in found.hits) == ["assets/extra.css", "x/index.html"]
    assert all(EVIL in h.secret.text for h in found.hits)


def test_with_the_audit_off_too_the_page_loads_another_host(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(auditmarkup, "unsafe_markup", lambda page, own: [])
    result = build(site(tmp_path, REPRODUCER), out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    text = (tmp_path / "out/about/index.html").read_text("utf-8")
    assert f'src="https://{EVIL}/a.png"' in text and f'src="https://{EVIL}/b.png"' in text
