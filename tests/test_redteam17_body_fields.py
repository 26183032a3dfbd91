"""Red team 17, R17-02: a person's private fields written in the body the way a
vault writes properties (``referred_by:: Sam Leeworth``, ``[email:: …]``,
``(phone:: …)``, a ``referred_by: Sam Leeworth`` line) were published with exit
0. The filter refuses them (``private-field``, ivsite.switches.inlinefields);
the audit alone holds their values withheld (ivsite.audit.unreadfields); with
both off the value is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import assert_filter_refuses, assert_published, audit_refusals, write_site

from ivsite.audit import unreadfields
from ivsite.pipeline import build
from ivsite.validate import bodyprivacy

TALK = "interviews/2026-03-01-pub.md"
CASES = {
    "dataview line": ("referred_by:: Sam Leeworth", "Sam Leeworth"),
    "dataview inline": ("Introduced by [referred_by:: Sam Leeworth] last week.", "Sam Leeworth"),
    "dataview list": ("- referred_by:: Sam Leeworth", "Sam Leeworth"),
    "email": ("email:: ana.quint@glorp.example", "ana.quint@glorp.example"),
    "phone in parentheses": ("Call (phone:: +1 416 555 0177) after six.", "416 555 0177"),
    "one colon": ("referred_by: Sam Leeworth", "Sam Leeworth"),
}


def _site(root: Path, line: str) -> Path:
    talk = ({"visibility": "public", "date": "2026-03-01", "status": "done",
             "person": {"name": "Zorblax Quint", "company": "Glorpco"},
             "consent": {"publish_name": True}},
            f"We talked about the job.\n\n{line}\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"), TALK: talk})


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", CASES[case][0]), tmp_path / "out",
                          f"content/{TALK}", "private-field")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 case: str) -> None:
    monkeypatch.setattr(bodyprivacy, "person_fields", lambda text: iter(()))
    hits = audit_refusals(_site(tmp_path / "s", CASES[case][0]), tmp_path / "out")
    assert any(source == f"content/{TALK}" for _, source in hits), hits


@pytest.mark.parametrize("case", sorted(CASES))
def test_with_both_off_it_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       case: str) -> None:
    monkeypatch.setattr(bodyprivacy, "person_fields", lambda text: iter(()))
    monkeypatch.setattr(unreadfields, "_body_fields", lambda note: {})
    line, value = CASES[case]
    assert_published(_site(tmp_path / "s", line), tmp_path / "out", value)


ORDINARY = ["Email: send it in the morning, she said.", "Phone: always ask before calling.",
            "Referred by: the careers office.", "Person: a data lead at a bank.",
            "Tip:: ask for the next person to talk to."]


@pytest.mark.parametrize("line", ORDINARY)
def test_lead_ins_that_are_advice_build(tmp_path: Path, line: str) -> None:
    result = build(_site(tmp_path / "s", line), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
