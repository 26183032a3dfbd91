"""Red-team F17: a contact field holding more than one detail, or a detail with an
extension or a tracking query, protects every detail in it.

Each case is checked twice: the build as it is (the filter's check refuses it),
and with the filter's name and contact check switched off (the audit alone must
find it). With the field cut into details switched off, the leak is published:
that is what the cutting protects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import write_site

from ivsite.audience import stage as audience
from ivsite.contacts.fields import contact_pieces
from ivsite.names import people
from ivsite.pipeline import build

SOURCE = "content/interviews/a.md"

CASES = {
    "extension": ("phone", "+1 416 555 0100 ext. 23", "Her desk line is (416) 555-0100."),
    "two numbers": ("phone", "416-555-0100, 416-555-0199", "Call (416) 555-0100."),
    "x extension": ("phone", "416.555.0100x23", "Call 416 555 0100 now."),
    "two emails": ("email", "jdoe@work.example, jane.d@home.example",
                   "Write to jdoe@work.example soon."),
    "utm query, url": ("linkedin",
                       "https://www.linkedin.com/in/qzjdoe77?utm_source=share&utm_medium=member",
                       "See linkedin.com/in/qzjdoe77 for more."),
    "utm query, handle": ("linkedin",
                          "https://www.linkedin.com/in/qzjdoe77?utm_source=share",
                          "Her handle is qzjdoe77 there."),
}


def site_with(root: Path, key: str, value: str, public_text: str) -> Path:
    private: Any = ({"date": "2026-01-01", "visibility": "private",
                     "person": {"name": "Jane Doe", key: value},
                     "consent": {"publish_name": False}}, "Notes.\n")
    public: Any = ({"title": "r", "date": "2026-01-03", "visibility": "public"},
                   public_text + "\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/a.md": private, "reflections/r.md": public})


@pytest.fixture()
def no_name_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's name and contact check, switched off."""
    monkeypatch.setattr(audience, "check_names", lambda *args: None)


@pytest.mark.parametrize(("key", "value", "text"), CASES.values(), ids=CASES.keys())
def test_the_build_refuses_each_detail_of_a_field(
        tmp_path: Path, key: str, value: str, text: str) -> None:
    result = build(site_with(tmp_path / "s", key, value, text), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.severity == "error" for d in result.diagnostics) or result.hits
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("key", "value", "text"), CASES.values(), ids=CASES.keys())
def test_the_audit_alone_finds_each_detail_of_a_field(
        tmp_path: Path, no_name_check: None, key: str, value: str, text: str) -> None:
    result = build(site_with(tmp_path / "s", key, value, text), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hits = [h for h in result.hits if h.secret.source == SOURCE]
    assert any(h.secret.kind == f"contact field {key}" for h in hits), \
        [h.text() for h in result.hits]


def test_without_cutting_the_field_the_number_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection switched off: the field looked for whole, as before F17."""
    monkeypatch.setattr(people, "contact_details", lambda key, value: [(key, value)])
    key, value, text = CASES["extension"]
    result = build(site_with(tmp_path / "s", key, value, text), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert "555-0100" in (tmp_path / "out/reflections/r/index.html").read_text("utf-8")


@pytest.mark.parametrize(("kind", "value", "pieces"), [
    ("phone", "+1 416 555 0100 ext. 23", ["+1 416 555 0100"]),
    ("phone", "416-555-0100, 416-555-0199", ["416-555-0100", "416-555-0199"]),
    ("phone", "+1 416 555 0100 (mobile)", ["+1 416 555 0100"]),
    ("phone", "416 555 0100 or 416 555 0199", ["416 555 0100", "416 555 0199"]),
    ("phone", "ask the front desk", ["ask the front desk"]),
    ("email", "a@x.example; b@y.example", ["a@x.example", "b@y.example"]),
    ("linkedin", "https://linkedin.com/in/jd/?trk=x#top", ["https://linkedin.com/in/jd"]),
])
def test_a_field_is_cut_into_its_details(kind: str, value: str, pieces: list[str]) -> None:
    assert contact_pieces(kind, value) == pieces
