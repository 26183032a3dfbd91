"""A consented name that a page's reading runs into a date ("Aaliyah G.
Jovanović2 September") is still taken out before the audit looks for the short
forms of the unconsented: "Aaliyah G." is also a short form of Aaliyah D. Gupta,
who declined. Found as a false refusal of the 10,000-note bench site, whose names
have middle initials."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import day, write_site

from ivsite.audience import consentmask
from ivsite.pipeline import build
from ivsite.text.textmatch import Matcher


def _talk(name: str, alias: str, agreed: bool, when: str) -> tuple[dict[str, object], str]:
    return ({"visibility": "public", "date": day(when),
             "person": {"name": name, "company": "Acme", "role": "Designer"},
             "alias": alias, "consent": {"publish_name": agreed}, "status": "done"},
            "We talked about the work.\n")


def _site(root: Path) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-09-02-a.md": _talk("Aaliyah G. Jovanović", "a designer", True,
                                            "2026-09-02"),
        "interviews/2026-09-03-b.md": _talk("Aaliyah D. Gupta", "an engineer at a bank",
                                            False, "2026-09-03"),
    })


def test_a_name_glued_to_a_digit_is_taken_out_whole() -> None:
    pattern = consentmask.names_pattern(["Aaliyah G. Jovanović"], glued=True)
    assert pattern is not None
    for text in ["with Aaliyah G. Jovanović2 September", "2026Aaliyah G. Jovanović"]:
        assert pattern.sub(" ", text).count("Aaliyah") == 0, text
    # Not where the name runs on into letters: "Jovanovićx" is another word.
    assert pattern.search("Aaliyah G. Jovanovićx") is None
    matcher = Matcher([(("aaliyah", "g"), "Gupta's short form")])
    text = "with Aaliyah G. Jovanović2 September 2026"
    assert consentmask.standing(matcher.find(text), text, pattern, matcher.find,
                                lambda _: True) == []


def test_the_site_with_both_builds(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "site"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    text = b"".join(p.read_bytes() for p in (tmp_path / "out").rglob("*.html"))
    assert "Aaliyah G. Jovanović".encode() in text
    assert b"Gupta" not in text


def test_without_the_digit_boundary_the_audit_refuses(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(consentmask, "_DIGIT_START", "")
    monkeypatch.setattr(consentmask, "_DIGIT_END", "")
    result = build(_site(tmp_path / "site"), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.secret.text == "Aaliyah D. Gupta" for h in result.hits)


def test_an_unconsented_short_form_beside_a_date_still_counts() -> None:
    """Only the consented name is taken out: "Aaliyah G.2 September" alone stands."""
    pattern = consentmask.names_pattern(["Aaliyah G. Jovanović"], glued=True)
    matcher = Matcher([(("aaliyah", "g"), "Gupta's short form")])
    text = "with Aaliyah G.2 September, and Aaliyah G. Jovanović3 May"
    assert consentmask.standing(matcher.find(text), text, pattern, matcher.find,
                                lambda _: True) == ["Gupta's short form"]
