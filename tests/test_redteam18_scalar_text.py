"""Red team 18, R18-06: front-matter text that YAML reads as a number or a date
(``title: 1984``, ``tags: [2026, ux]``, ``company: 1800``, ``summary:
2026-03-05``) was refused with "Input should be a valid string" and no hint. In a
text field it is its source text as written (ivsite.validate.scalartext); a
yes/no/on/off YAML reads as true or false stays an error, with a hint that shows
the value quoted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import OutputCorpus, write_site

from ivsite.pipeline import build

REFLECTION = "reflections/2026-03-05-a.md"
TALK = "interviews/2026-03-01-a.md"


def _site(root: Path, front: str, kind: str = REFLECTION) -> Path:
    if kind == REFLECTION:
        title = "" if front.startswith("title:") else "title: T\n"
        text = f"---\n{title}date: 2026-03-05\nvisibility: public\n{front}\n---\n\nbody\n"
    else:
        text = ("---\nvisibility: public\ndate: 2026-03-01\nperson:\n  name: Jane Doe\n"
                f"  company: Acme\n{front}\nalias: a designer\n---\nWe talked.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             kind: text})


TEXTS = {
    "title: 1984": ("title: 1984", "1984"),
    "octal-looking title": ("title: 0107", "0107"),
    "date summary": ("summary: 2026-03-05", "2026-03-05"),
    "number tag": ("tags: [2026, ux]", "2026"),
    "number alias": ("aliases:\n  - 1984 notes\n  - 42", "Welcome"),
    "float summary": ("summary: 3.10", "3.10"),
}


@pytest.mark.parametrize("case", sorted(TEXTS))
def test_a_number_or_date_in_a_text_field_is_its_text(tmp_path: Path, case: str) -> None:
    front, shown = TEXTS[case]
    result = build(_site(tmp_path / "s", front), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find(shown), shown


def test_a_number_company_builds(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "  role: 1800\nconsent:\n  publish_name: false", TALK)
    site_text = (site / "content" / TALK).read_text("utf-8").replace(
        "company: Acme", "company: 1800")
    (site / "content" / TALK).write_text(site_text, "utf-8")
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


@pytest.mark.parametrize(("front", "quoted"), [("summary: Yes", 'summary: "Yes"'),
                                              ("title: ON", 'title: "ON"'),
                                              ("tags: [off, ux]", 'quotes: "off"')])
def test_a_yes_or_on_is_refused_with_a_hint_to_quote_it(tmp_path: Path, front: str,
                                                        quoted: str) -> None:
    result = build(_site(tmp_path / "s", front), out=tmp_path / "out")
    assert result.status == 1
    said = [d for d in result.diagnostics if d.code == "front-matter"]
    assert said and quoted in said[0].hint, [d.text() for d in result.diagnostics]


def test_a_number_where_a_name_is_stays_an_error(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "consent:\n  publish_name: false", TALK)
    text = (site / "content" / TALK).read_text("utf-8").replace("name: Jane Doe", "name: 42")
    (site / "content" / TALK).write_text(text, "utf-8")
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "front-matter" and "quotes" in d.hint for d in result.diagnostics)
