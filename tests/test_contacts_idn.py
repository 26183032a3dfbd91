"""An internationalised domain has two spellings that reach the same mailbox or
site: "bücher.example" and "xn--bcher-kva.example" (red team 7, M7). A contact
detail is looked for in both, by the filter and by the audit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import misspellings_off, write_site

from ivsite.audience import stage as audience
from ivsite.contacts import fields as contacts
from ivsite.contacts.fields import contact_pieces, other_host_form
from ivsite.pipeline import build

CASES = {
    "Unicode recorded, punycode written": ("zq@bücher.example", "zq@xn--bcher-kva.example"),
    "punycode recorded, Unicode written": ("zq@xn--bcher-kva.example", "zq@bücher.example"),
    "in a mailto link": ("zq@bücher.example", "[me](mailto:zq@xn--bcher-kva.example)"),
    "a web address": ("https://bücher.example/jane-q", "https://xn--bcher-kva.example/jane-q"),
}


def site_with(root: Path, recorded: str, written: str) -> Path:
    key = "email" if "@" in recorded else "url"
    person = {"name": "Jane Doe", key: recorded} if key == "email" else \
        {"name": "Jane Doe", "linkedin": recorded}
    private: Any = ({"date": "2026-01-01", "visibility": "private", "person": person}, "Notes.\n")
    public: Any = ({"title": "r", "date": "2026-01-03", "visibility": "public"},
                   f"Write to {written} soon.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/a.md": private, "reflections/r.md": public})


@pytest.mark.parametrize(("recorded", "written"), CASES.values(), ids=CASES.keys())
def test_the_filter_refuses_the_other_spelling(tmp_path: Path, recorded: str,
                                               written: str) -> None:
    result = build(site_with(tmp_path / "s", recorded, written), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "contact-in-text" for d in result.diagnostics), \
        [d.text() for d in result.diagnostics]


@pytest.mark.parametrize(("recorded", "written"), CASES.values(), ids=CASES.keys())
def test_the_audit_alone_refuses_the_other_spelling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded: str, written: str) -> None:
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    result = build(site_with(tmp_path / "s", recorded, written), out=tmp_path / "out")
    assert result.status == 1 and result.hits, [d.text() for d in result.diagnostics]


@pytest.mark.parametrize(("recorded", "written"), list(CASES.values())[:2],
                         ids=list(CASES.keys())[:2])
def test_without_the_other_spelling_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded: str, written: str) -> None:
    monkeypatch.setattr(contacts, "other_host_form", lambda detail: "")
    misspellings_off(monkeypatch)  # text's IDNA host names are read decoded too
    result = build(site_with(tmp_path / "s", recorded, written), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert written in (tmp_path / "out/reflections/r/index.html").read_text("utf-8")


def test_the_other_spelling() -> None:
    assert other_host_form("zq@bücher.example") == "zq@xn--bcher-kva.example"
    assert other_host_form("zq@xn--bcher-kva.example") == "zq@bücher.example"
    assert other_host_form("https://bücher.example/x?y") == "https://xn--bcher-kva.example/x?y"
    assert other_host_form("jane@example.com") == ""
    assert other_host_form("a@xn--zz.example") == ""  # not a valid label: none
    assert contact_pieces("email", "jane@example.com") == ["jane@example.com"]
