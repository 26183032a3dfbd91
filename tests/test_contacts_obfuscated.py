"""Red-team F3: a contact detail in the spellings people use to get past harvesters
("jd.private at secret dot example", "416 • 555 • O199", Arabic-Indic digits,
"linkedin dot com slash in slash jd-zz-9876", plus-addressing …) is found, by the
filter's check and by the audit alone, through one contact skeleton
(ivsite.contacts.skeleton) that both make of the detail and of the text.

Each form class is built twice: as it is (the filter refuses it) and with the
filter's name and contact check switched off (the audit alone must find it). With
the skeleton switched off, the forms are published: that is what it protects.
Ordinary prose with "at", "dot" and numbers in it is not refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import write_site

from ivsite.audience import stage as audience
from ivsite.pipeline import build
from ivsite.text import textmatch

SOURCE = "content/interviews/a.md"
PERSON = {"name": "Jane Doe", "phone": "+1 416 555 0199", "email": "jd.private@secret.example",
          "linkedin": "https://www.linkedin.com/in/jd-zz-9876"}

FORMS = {
    "email spoken": ("email", "jd.private at secret dot example"),
    "email in brackets": ("email", "jd.private [at] secret [dot] example"),
    "email in parentheses": ("email", "jd.private(at)secret(dot)example"),
    "email in capitals": ("email", "JD.PRIVATE AT SECRET DOT EXAMPLE"),
    "email plus-addressed": ("email", "jd.private+ivsite@secret.example"),
    "email letter-spaced": ("email", "j d . p r i v a t e @ s e c r e t . e x a m p l e"),
    "phone bullets": ("phone", "416 • 555 • 0199"),
    "phone underscores": ("phone", "416_555_0199"),
    "phone x": ("phone", "416x555x0199"),
    "phone pipes": ("phone", "416|555|0199"),
    "phone letter O and I": ("phone", "4I6 555 O199"),
    "phone Arabic-Indic": ("phone", "٤١٦ ٥٥٥ ٠١٩٩"),
    "phone Devanagari": ("phone", "४१६ ५५५ ०१९९"),
    "phone full-width": ("phone", "４１６ ５５５ ０１９９"),
    "linkedin spoken": ("linkedin", "linkedin dot com slash in slash jd-zz-9876"),
    "linkedin handle without dashes": ("linkedin", "in/jdzz9876"),
    "linkedin site and handle": ("linkedin", "linkedin: jdzz9876"),
    # Red team H27: the handle with LinkedIn's own suffix, alone or behind a short link.
    "linkedin handle alone": ("linkedin", "Search LinkedIn for jd-zz-9876 instead."),
    "linkedin behind another host": ("linkedin", "or try lnkd.in/jd-zz-9876 today"),
}


def site_with(root: Path, public_text: str, consent: bool = False) -> Path:
    private: Any = ({"date": "2026-01-01", "visibility": "private", "person": PERSON,
                     "consent": {"publish_name": consent}}, "Notes.\n")
    public: Any = ({"title": "r", "date": "2026-01-03", "visibility": "public"},
                   public_text + "\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/a.md": private, "reflections/r.md": public})


@pytest.fixture()
def no_name_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's name and contact check, switched off."""
    monkeypatch.setattr(audience, "check_names", lambda *args: None)


@pytest.mark.parametrize(("key", "written"), FORMS.values(), ids=FORMS.keys())
def test_the_filter_refuses_each_spelling(tmp_path: Path, key: str, written: str) -> None:
    result = build(site_with(tmp_path / "s", f"Call {written} soon."), out=tmp_path / "out")
    assert result.status == 1
    errors = [d for d in result.diagnostics if d.code == "contact-in-text"]
    assert any(f"the {key} at {SOURCE}" in d.message for d in errors), \
        [d.text() for d in result.diagnostics]
    assert errors[0].path == "content/reflections/r.md"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("key", "written"), FORMS.values(), ids=FORMS.keys())
def test_the_audit_alone_finds_each_spelling(
        tmp_path: Path, no_name_check: None, key: str, written: str) -> None:
    result = build(site_with(tmp_path / "s", f"Call {written} soon."), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hits = [h for h in result.hits if h.secret.source == SOURCE]
    assert any(h.secret.kind == f"contact field {key}" and h.output.startswith("reflections/r/")
               for h in hits), [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("form", ["email spoken", "email plus-addressed", "phone bullets",
                                  "phone Arabic-Indic"])
def test_without_the_skeleton_the_spelling_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_name_check: None, form: str) -> None:
    """The protection switched off (no text has a skeleton): filter and audit both
    let the detail through, as before F3."""
    monkeypatch.setattr(textmatch, "marked_skeletons", lambda cased: ("", ""))
    _, written = FORMS[form]
    result = build(site_with(tmp_path / "s", f"Call {written} soon."), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert written in (tmp_path / "out/reflections/r/index.html").read_text("utf-8")


def referral_site(root: Path) -> Path:
    referral = {"name": "Priya Natarajan", "email": "pn.k77@elsewhere.example"}
    private: Any = ({"date": "2026-01-01", "visibility": "private",
                     "person": {"name": "Jane Doe"}, "referrals": [referral]}, "Notes.\n")
    public: Any = ({"title": "r", "date": "2026-01-03", "visibility": "public"},
                   "Write to pn.k77 [at] elsewhere [dot] example soon.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/a.md": private, "reflections/r.md": public})


def test_a_referrals_email_spelt_out_is_refused(tmp_path: Path) -> None:
    result = build(referral_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "contact-in-text" and d.path == "content/reflections/r.md"
               for d in result.diagnostics), [d.text() for d in result.diagnostics]


def test_the_audit_alone_finds_a_referrals_email_spelt_out(
        tmp_path: Path, no_name_check: None) -> None:
    result = build(referral_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.secret.kind == "referral contact email" and h.output.startswith("reflections/r/")
               for h in result.hits), [h.text() for h in result.hits]


PROSE = """Meet at the cafe at noon, then dot the i's and cross the t's.

In 2019 we hired 416 people; 555 applied and 199 stayed. The talk was at 4:16 on 5/5/2019.

Jane Doe / John Smith ran the panel. I found her on LinkedIn. Jane Doe is great.

She works at Secret Corp and mails from home, plus or minus a day. Call 416 555 0100.
"""


def test_ordinary_prose_is_not_refused(tmp_path: Path) -> None:
    """Jane Doe agreed to be named; her contact details are still withheld, and
    prose with "at", "dot", "slash", "plus", her name and other numbers is no leak."""
    result = build(site_with(tmp_path / "s", PROSE, consent=True), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert "dot the i" in (tmp_path / "out/reflections/r/index.html").read_text("utf-8")
