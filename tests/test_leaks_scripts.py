"""Red team 4's script and address reproducers (docs/redteam/2026-11-30-fourth.md).

* J1: a ``<base href>`` in a note sends the page's own relative addresses (the
  preview's reload script, which runs with the key) to another host: an error
  in every audience, private notes and passages too.
* J10: a class the theme's style sheets hide (``skip-link``, ``menu-toggle``)
  splits a name: ``hiding-markup``, and the audit's on-screen reading leaves
  the theme's hiding classes out.
* J9: ``<script src="data:…">``, ``<object data="data:…">``, ``<embed src="data:…">``
  carry code in their address: ``hiding-markup`` as an inline script with code
  is; the audit reads a data: script's decoded text, string literals joined.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from unit_helpers import write_site

from ivsite.audience import stage as audience
from ivsite.audit import markupchecks as auditmarkup
from ivsite.audit import sheethiding
from ivsite.audit import stage as audit
from ivsite.audit.secrets import Secret
from ivsite.core.diagnostics import Diagnostics
from ivsite.pipeline import Pipeline, Result, build, checks
from ivsite.preview.reload import SCRIPT_PATH
from ivsite.readers import readable
from ivsite.text import splitwords
from ivsite.validate import bodyprivacy
from ivsite.validate import note as validate

PERSON = ("---\nvisibility: private\ndate: 2026-02-10\nperson:\n  name: Quentin Zabrowski\n"
          "  company: Acme Corp\nconsent:\n  publish_name: false\n---\nBody text.\n")


def site(root: Path, body: str, vis: str = "public") -> Path:
    return write_site(root / "s", {
        "content/interviews/i.md": PERSON,
        "content/pages/p.md": f"---\ntitle: P\nvisibility: {vis}\n---\nThanks to\n\n{body}\n",
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n"})


def errors(result: Result) -> list[tuple[str, str]]:
    return [(d.code, d.path) for d in result.diagnostics if d.severity == "error"]


BASE = '<base href="http://localhost:9877/">'


def checked(root: Path) -> list[tuple[str, str]]:
    """The errors of load, parse and validate (what every audience starts from)."""
    diags = Diagnostics()
    Pipeline(root, persist_cache=False).prepare(diags)
    return [(d.code, d.path) for d in diags.errors]


@pytest.mark.parametrize(("body", "vis"), [
    (BASE, "public"),
    (BASE, "private"),
    (f"::: private\n{BASE}\n:::", "public"),
    (f"<iframe srcdoc='{BASE}'></iframe>", "mentor"),
], ids=["public", "private note", "private passage", "in a frame"])
def test_a_base_element_is_an_error_in_every_audience(tmp_path: Path, body: str,
                                                      vis: str) -> None:
    assert ("base-element", "content/pages/p.md") in checked(site(tmp_path, body, vis))


def test_without_the_rule_the_preview_script_loads_from_the_other_host(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "base_elements", lambda *args: False)
    result = build(site(tmp_path, BASE, "mentor"), out=tmp_path / "out", audience="mentor")
    assert result.status == 0, errors(result)
    page = (tmp_path / "out/p/index.html").read_text("utf-8")
    assert BASE in page
    # The preview puts its script in with a relative address; the base resolves it.
    assert urljoin("http://localhost:9877/", SCRIPT_PATH).startswith("http://localhost:9877/")


J9 = {
    "plain": '<script src="data:text/javascript,document.write(%22Quen%22%2B%22tin%20Zab%22'
             '%2B%22rowski%22)"></script>',
    "base64": '<script src="data:text/javascript;base64,ZG9jdW1lbnQud3JpdGUoIlF1ZW4iKyJ0aW4g'
              'WmFiIisicm93c2tpIik="></script>',
    "spaced scheme": '<script src=" DaTa:text/javascript;base64,ZG9jdW1lbnQud3JpdGUoIlF1ZW4iKy'
                     'J0aW4gWmFiIisicm93c2tpIik="></script>',
    "object": '<object data="data:text/html,%3Cscript%3Edocument.write(%22Quen%22%2B%22tin'
              '%20Zab%22%2B%22rowski%22)%3C/script%3E"></object>',
    "embed": '<embed src="data:text/html,%3Cscript%3Edocument.write(%22Quen%22%2B%22tin%20'
             'Zab%22%2B%22rowski%22)%3C/script%3E">',
}


@pytest.mark.parametrize("body", list(J9.values()), ids=list(J9))
def test_a_data_url_that_carries_code_is_hiding_markup(tmp_path: Path, body: str) -> None:
    result = build(site(tmp_path, body), out=tmp_path / "out")
    assert ("hiding-markup", "content/pages/p.md") in errors(result), errors(result)


def filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "hiding", lambda content: iter(()))
    monkeypatch.setattr(bodyprivacy, "script_urls", lambda content: iter(()))  # K1's check
    monkeypatch.setattr(bodyprivacy, "script_sources", lambda content: iter(()))  # N4's
    monkeypatch.setattr(audience, "check_names", lambda *args, **kwargs: None)


@pytest.mark.parametrize("case", ["plain", "base64", "object", "embed"])
def test_the_audit_alone_reads_the_data_urls_script(tmp_path: Path, case: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    filter_off(monkeypatch)
    result = build(site(tmp_path, J9[case]), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.output == "p/index.html" for h in result.hits), [h.text() for h in result.hits]


def test_without_joining_literals_the_audit_misses_the_written_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filter_off(monkeypatch)
    monkeypatch.setattr(readable, "_CONCAT", __import__("re").compile("(?!)"))
    # (A data: script is not the theme's either: red team 8, N4's audit check.)
    monkeypatch.setattr(auditmarkup, "foreign_code", lambda *args: iter(()))
    # The pieces left ("Quen", "tin Zab", "rowski") are joined as split words too
    # (ivsite.text.splitwords, red team 8 N12): off, to show this protection alone.
    monkeypatch.setattr(splitwords.SplitWords, "reading", lambda self, joined: None)
    result = build(site(tmp_path, J9["base64"]), out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    assert "ZG9jdW1lbnQud3JpdGUo" in (tmp_path / "out/p/index.html").read_text("utf-8")


def test_an_embed_from_another_host_is_a_remote_resource(tmp_path: Path) -> None:
    """A widget's script is a request on every visit (red team 6, L7): refused."""
    result = build(site(tmp_path, '<script src="https://gist.example.com/u/abc.js"></script>'),
                   out=tmp_path / "out")
    assert ("remote-resource", "content/pages/p.md") in errors(result), errors(result)


# J10: the theme's own hiding classes.
J10 = {
    "skip-link": 'Thanks to Quen<span class="skip-link">ch</span>tin Zab<span class="skip-link">'
                 "xx</span>rowski for the help.",
    "menu-toggle": 'Thanks to Quen<span class="menu-toggle">ch</span>tin Zabrowski.',
    "toc-side": 'Thanks to Quen<span class="note toc-side">ch</span>tin Zabrowski.',
}


def test_the_default_themes_hiding_classes_are_read_from_its_style_sheet(tmp_path: Path) -> None:
    sheet = Pipeline(tmp_path, persist_cache=False).theme_sheet("default")
    assert {".skip-link", ".menu-toggle", ".toc-side", ".visually-hidden"} <= set(sheet)
    assert ".prose" not in sheet and ".site-header" not in sheet


def test_a_rule_that_hides_names_its_class() -> None:
    css = (".a{position:absolute;top:-10rem}.x .b:not(.c){display:none}"
           ".d::before{display:none}.e{font-size:0}.f{color:red}"
           "@media print{#g{clip:rect(0 0 0 0)}}")
    assert set(sheethiding.hiding_names(css)) == {".a", ".b", ".e", "#g"}


@pytest.mark.parametrize("body", list(J10.values()), ids=list(J10))
def test_a_theme_class_that_hides_is_hiding_markup(tmp_path: Path, body: str) -> None:
    result = build(site(tmp_path, body), out=tmp_path / "out")
    assert ("hiding-markup", "content/pages/p.md") in errors(result), errors(result)


def test_a_site_themes_own_hiding_class_is_read_too(tmp_path: Path) -> None:
    root = site(tmp_path, 'Thanks to Quen<span class="gone">ch</span>tin Zabrowski.')
    static = root / "themes/default/static"
    static.mkdir(parents=True)
    css = (Path(__file__).parent.parent / "themes/default/static/style.css").read_text("utf-8")
    (static / "style.css").write_text(css + "\n.gone { display: none; }\n", "utf-8")
    result = build(root, out=tmp_path / "out")
    assert ("hiding-markup", "content/pages/p.md") in errors(result), errors(result)


@pytest.mark.parametrize("case", list(J10), ids=list(J10))
def test_the_audit_alone_reads_the_theme_class_as_hidden(
        tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "theme_hiding", lambda content, sheet: iter(()))
    filter_off(monkeypatch)
    result = build(site(tmp_path, J10[case]), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.output == "p/index.html" for h in result.hits), [h.text() for h in result.hits]


def test_without_the_themes_classes_the_split_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "theme_hiding", lambda content, sheet: iter(()))
    filter_off(monkeypatch)
    monkeypatch.setattr(audit, "sheets_hiding", lambda sheets: {})
    monkeypatch.setattr(checks, "theme_hidden", lambda theme: frozenset())
    result = build(site(tmp_path, J10["skip-link"]), out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    page = (tmp_path / "out/p/index.html").read_text("utf-8")
    assert 'Quen<span class="skip-link">ch</span>tin' in page


def test_the_audit_reads_the_sheets_in_the_folder(tmp_path: Path) -> None:
    """``ivsite audit DIR``: the folder's own style sheet names the class."""
    page = b'<p>Thanks to Quen<span class="away">ch</span>tin Zabrowski.</p>'
    secret = Secret("unconsented name", "Quentin Zabrowski", "content/interviews/i.md", 1)
    files = [("p/index.html", page), ("style.css", b".away{position:fixed;left:-999px}")]
    assert [h.output for h in audit.audit_files(files, [secret], "", []).hits] == \
        ["p/index.html"]
    assert audit.audit_files(files[:1], [secret], "", []).hits == []


# J1: the mentor share (unencrypted, same origin as every mentor page).
GIST = '<script src="https://gist.example.com/u/abc.js"></script>'
SHARING = 'title = "Site"\nbase_url = "https://example.org/"\n\n[share]\nenabled = true\n'


def shared_site(root: Path, body: str) -> Path:
    return write_site(root / "s", {
        "content/pages/embed.md": f"---\ntitle: A snippet I liked\n---\nHere is the gist:\n\n"
                                  f"{body}\n",
        "content/reflections/r.md": "---\ntitle: R\ndate: 2026-01-03\nvisibility: mentor\n"
                                    "---\nFor my mentor only.\n",
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n"}, toml=SHARING)


@pytest.mark.parametrize("body", [
    GIST, f"Inline {GIST} here.", '<script src="//gist.example.com/u/abc.js"></script>',
    "<iframe srcdoc=\"<script src='https://gist.example.com/u/abc.js'></script>\"></iframe>",
    '<script type="module" src=" HTTPS://Gist.Example.com/u/abc.js"></script>',
    '<svg><script href="https://gist.example.com/u/abc.js"></script></svg>',
], ids=["block", "inline", "protocol-relative", "srcdoc", "module", "svg"])
@pytest.mark.parametrize("visibility", ["public", "mentor"])
def test_another_hosts_script_is_refused_in_every_shared_note(
        tmp_path: Path, body: str, visibility: str) -> None:
    """J1 (a script from elsewhere in the mentor's share runs beside every mentor
    page) and L7 (a request to another host on every visit): never built."""
    root = shared_site(tmp_path, body)
    page = root / "content/pages/embed.md"
    page.write_text(page.read_text("utf-8").replace(
        "title: A snippet I liked\n", f"title: A snippet I liked\nvisibility: {visibility}\n"),
        "utf-8")
    result = build(root, out=tmp_path / "out")
    assert ("remote-resource", "content/pages/embed.md") in errors(result), errors(result)
    assert not (tmp_path / "out").exists()


def test_the_sites_own_picture_stays_in_the_mentor_copy(tmp_path: Path) -> None:
    """The site's own host is no other host. (A ``<script src>`` on it is refused
    all the same since red team 8, N4: ``script-element``, tests/test_redteam8_scripts.py.)"""
    result = build(shared_site(tmp_path, '<img src="https://example.org/files/w.png" alt="w">'),
                   out=tmp_path / "out")
    [shared] = (tmp_path / "out/share").glob("*/embed/index.html")
    assert result.status == 0 and "https://example.org/files/w.png" in shared.read_text("utf-8")


def test_the_sites_own_script_is_refused(tmp_path: Path) -> None:
    result = build(shared_site(tmp_path, '<script src="https://example.org/files/w.js"></script>'),
                   out=tmp_path / "out")
    assert ("script-element", "content/pages/embed.md") in errors(result), errors(result)


def test_without_the_filters_check_the_audit_refuses_the_script(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "remote_resources", lambda *args: False)
    monkeypatch.setattr(bodyprivacy, "script_sources", lambda content: iter(()))
    result = build(shared_site(tmp_path, GIST), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.output.endswith("embed/index.html") for h in result.hits), errors(result)


def test_without_both_the_script_runs_beside_the_mentor_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "remote_resources", lambda *args: False)
    monkeypatch.setattr(bodyprivacy, "script_sources", lambda content: iter(()))
    monkeypatch.setattr(auditmarkup, "unsafe_markup", lambda page, own: [])
    result = build(shared_site(tmp_path, GIST), out=tmp_path / "out")
    assert result.status == 0, errors(result)
    [shared] = (tmp_path / "out/share").glob("*/embed/index.html")
    assert GIST in shared.read_text("utf-8")
    assert list((tmp_path / "out/share").glob("*/reflections/r/index.html"))
