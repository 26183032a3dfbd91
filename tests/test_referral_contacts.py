"""A referral's phone and profile are contact details like the person's own (red
team H26): the natural keys ``phone`` and ``linkedin`` of a referral were unknown
keys (a warning) and never looked for, so the same number or profile written in a
public note was published. Each is refused by the filter, caught by the audit
alone, and published with the protection switched off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import write_site

from ivsite.audience import stage as audience
from ivsite.names import people
from ivsite.pipeline import build

PHONE = "+1 647 555 0142"
PROFILE = "https://www.linkedin.com/in/lp-hr-toronto"
WRITTEN = {"phone": "HR contact: (647) 555-0142, any weekday.",
           "linkedin": "HR contact: linkedin.com/in/lp-hr-toronto for the team."}


def referral_site(root: Path, written: str) -> Path:
    referral = {"name": "Lee Park", "phone": PHONE, "linkedin": PROFILE}
    public_iv: Any = ({"date": "2026-01-01", "visibility": "public", "alias": "a recruiter",
                       "person": {"name": "Jane Doe"}, "referrals": [referral]}, "Notes.\n")
    page: Any = ({"title": "Contacts", "visibility": "public"}, written + "\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/a.md": public_iv, "pages/contacts.md": page})


@pytest.fixture
def no_name_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's name and contact check switched off: the audit stands alone."""
    monkeypatch.setattr(audience, "check_names", lambda *args, **kwargs: None)


@pytest.mark.parametrize("key", sorted(WRITTEN))
def test_the_filter_refuses_a_referrals_contact_detail(tmp_path: Path, key: str) -> None:
    result = build(referral_site(tmp_path / "s", WRITTEN[key]), out=tmp_path / "out")
    assert result.status == 1
    assert not any(d.code == "unknown-key" for d in result.diagnostics)
    assert any(d.code == "contact-in-text" and d.path == "content/pages/contacts.md"
               for d in result.diagnostics), [d.text() for d in result.diagnostics]


@pytest.mark.parametrize("key", sorted(WRITTEN))
def test_the_audit_alone_finds_a_referrals_contact_detail(
        tmp_path: Path, key: str, no_name_check: None) -> None:
    result = build(referral_site(tmp_path / "s", WRITTEN[key]), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.secret.kind == f"referral contact {key}" for h in result.hits), \
        [h.text() for h in result.hits]


@pytest.mark.parametrize("key", sorted(WRITTEN))
def test_without_the_referrals_contact_details_it_is_published(
        tmp_path: Path, key: str, no_name_check: None, monkeypatch: pytest.MonkeyPatch) -> None:
    real = people.mentions

    def without(*args: Any, **kwargs: Any) -> people.Mentions:
        found = real(*args, **kwargs)
        found.anywhere = [m for m in found.anywhere
                          if not m.kind.startswith("referral contact")]
        return found

    monkeypatch.setattr(people, "mentions", without)
    for module in ("audit.secrets", "audience.namecheck"):
        monkeypatch.setattr(f"ivsite.{module}.mentions", without, raising=False)
    result = build(referral_site(tmp_path / "s", WRITTEN[key]), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    page = (tmp_path / "out/contacts/index.html").read_text("utf-8")
    assert WRITTEN[key].split(": ")[1][:12] in page
