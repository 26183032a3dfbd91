"""Red-team G6: embedding a whole interview counts as linking to it for the name
rule ("in notes that link to the person's note, the given or family name alone
counts too"): the embed puts the conversation, with a link to it, beside the name."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audience import notelinks
from ivsite.names import people
from ivsite.pipeline import build

INTERVIEW = """\
---
date: 2026-03-14
visibility: public
person: {name: Wilhelmina Thistlewood, company: Delta Org}
alias: an analyst at a nonprofit
consent: {publish_name: false}
---
# Notes
Talked about the sector.
"""


def run(root: Path, said: str, how: str) -> tuple[int, list[tuple[str, str, int]]]:
    # A summary: what lists show of the reflection beside the interview's card,
    # where the name part alone counts anyway (red team 12, R12-12).
    reflection = (f"---\ndate: 2026-03-20\nvisibility: public\nsummary: On the sector.\n---\n"
                  f"{said} was kind.\n\n{how}\n")
    s = write_site(root / "s", {"content/interviews/2026-03-14 Delta.md": INTERVIEW,
                                "content/reflections/r1.md": reflection,
                                "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})
    result = build(s, out=root / "out")
    return result.status, [(d.code, d.path, d.line) for d in result.diagnostics
                           if d.severity == "error"]


@pytest.mark.parametrize("said", ["Thistlewood", "Wilhelmina"])
@pytest.mark.parametrize("how", ["![[2026-03-14 Delta]]", "[[2026-03-14 Delta]]"])
def test_a_name_part_beside_an_embedded_interview_is_refused(
        tmp_path: Path, said: str, how: str) -> None:
    status, errors = run(tmp_path, said, how)
    assert status == 1
    assert ("name-without-consent", "content/reflections/r1.md", 6) in errors, errors
    assert not (tmp_path / "out").exists()


def test_without_the_embed_the_part_alone_is_fine(tmp_path: Path) -> None:
    assert run(tmp_path, "Thistlewood", "") == (0, [])


def test_with_embeds_not_counted_the_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notelinks, "is_file", lambda target: True)
    # The audit finds it on its own by the embed's link to the interview's page
    # (red team 12, R12-12): that switched off too.
    monkeypatch.setattr(people.Mentions, "carded", lambda self, site, seen: [])
    assert run(tmp_path, "Thistlewood", "![[2026-03-14 Delta]]") == (0, [])
    assert "Thistlewood was kind" in (tmp_path / "out/reflections/r1/index.html").read_text()
