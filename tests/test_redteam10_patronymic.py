"""Red team 10, R10-31 and R10-32: patronymic names.

A Malay name's own part comes before ``bin``/``binti`` ("Nurul Aini" of Nurul
Aini binti Abdullah), and is how the person is named: it is looked for as a name
of its own (ivsite.names.asidenames). The slash forms ("Rajesh Kumar s/o Muthu",
"Priya d/o Raman") read as "bin" (ivsite.names.nameparts.own_name): their letters
made the one-word form "so" of the name, which every theme script holds, so
every build of such a site was refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import OutputCorpus, day, write_site

from ivsite.names import asidenames, nameparts
from ivsite.names.nameforms import name_forms
from ivsite.pipeline import build


def _talk(name: str, alias: str) -> tuple[dict[str, Any], str]:
    return ({"visibility": "private", "date": day("2026-03-01"),
             "person": {"name": name, "company": "Acme"}, "alias": alias,
             "consent": {"publish_name": False}}, "We talked about design.\n")


def _site(root: Path, about: str, names: tuple[str, ...]) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "pages/about.md": ({"title": "About"}, about + "\n"),
        **{f"interviews/2026-03-0{i + 1}-talk.md": _talk(n, f"designer {i}")
           for i, n in enumerate(names)},
    })


SLASHED = ("Rajesh Kumar s/o Muthu", "Priya d/o Raman", "Arun a/l Subramaniam",
           "Siti a/p Ahmad")


@pytest.mark.parametrize("name", SLASHED)
def test_a_slash_connector_makes_no_short_word_of_the_name(name: str) -> None:
    short = [s for s in name_forms(name).seqs if len(s) == 1 and len(s[0]) <= 3]
    assert short == []


def test_a_site_with_slash_names_builds(tmp_path: Path) -> None:
    assert build(_site(tmp_path / "s", "Hello.", SLASHED), out=tmp_path / "out").status == 0


def test_without_the_reading_as_bin_the_theme_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameparts, "own_name", lambda name: name)
    result = build(_site(tmp_path / "s", "Hello.", SLASHED[:1]), out=tmp_path / "out")
    assert result.status == 1
    assert any("static/" in h.output for h in result.hits)


PAGE = "This year I met Nurul Aini, who was generous with her time."


def test_the_own_name_of_a_patronymic_name_is_refused(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", PAGE, ("Nurul Aini binti Abdullah",)),
                   out=tmp_path / "out")
    assert [d.code for d in result.diagnostics] == ["name-without-consent"]


def test_the_audit_alone_refuses_the_own_name(tmp_path: Path, no_filter: None) -> None:
    result = build(_site(tmp_path / "s", PAGE, ("Nurul Aini binti Abdullah",)),
                   out=tmp_path / "out")
    assert result.status == 1 and "about/index.html" in {h.output for h in result.hits}


def test_without_the_own_name_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_filter: None) -> None:
    monkeypatch.setattr(asidenames, "PARENT_OF", frozenset())
    result = build(_site(tmp_path / "s", PAGE, ("Nurul Aini binti Abdullah",)),
                   out=tmp_path / "out")
    assert result.status == 0, [h.output for h in result.hits]
    assert OutputCorpus(tmp_path / "out").find("Nurul Aini") != []


def test_near_misses_are_published(tmp_path: Path) -> None:
    about = ("Nurul from the careers office and Aini from design came. Robin Binns "
             "and the s/o column of the form, a/b testing and w/o sugar.")
    names = ("Nurul Aini binti Abdullah", "Rajesh Kumar s/o Muthu")
    assert build(_site(tmp_path / "s", about, names), out=tmp_path / "out").status == 0
