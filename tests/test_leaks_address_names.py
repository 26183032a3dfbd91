"""Red-team 7 M6: a name written in another script in a page's address (its file
name, its folder, a linked file's name, a tag) is found there as in the text: the
address is read as words by the same matcher as the body (ivsite.audience.namecheck),
with the parts near the person, so whatever that matcher learns holds for
addresses too."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audience import namecheck
from ivsite.pipeline import build

PERSON = """---
visibility: public
date: 2026-02-10
person:
  name: Maria Papadopoulos
alias: a designer
{extra}---

{body}
"""
REFLECTION = "---\ntitle: Thoughts\ndate: 2026-02-11\nvisibility: public\n---\n\nSome words.\n"


def _codes(root: Path, out: Path) -> tuple[int, list[tuple[str, str]]]:
    result = build(root, out=out)
    return result.status, [(d.code, d.path) for d in result.diagnostics
                           if d.severity == "error"]


@pytest.mark.parametrize("stem", ["Мария-Пападопулос", "Μαρία Παπαδόπουλος",
                                  "Maria-Papadopoulos"])
def test_an_interview_file_name_in_another_script(tmp_path: Path, stem: str) -> None:
    root = write_site(tmp_path / "s", {
        f"content/interviews/{stem}.md": PERSON.format(extra="", body="Body.")})
    status, codes = _codes(root, tmp_path / "out")
    assert status != 0 and ("slug-names-person", f"content/interviews/{stem}.md") in codes


@pytest.mark.parametrize("stem", ["Мария-Пападопулос", "μαρία-παπαδόπουλος"])
def test_another_page_whose_address_names_the_person(tmp_path: Path, stem: str) -> None:
    root = write_site(tmp_path / "s", {
        "content/interviews/x.md": PERSON.format(extra="", body="Body."),
        f"content/reflections/{stem}.md": REFLECTION})
    status, codes = _codes(root, tmp_path / "out")
    assert status != 0 and ("name-without-consent", f"content/reflections/{stem}.md") in codes


def test_a_folder_and_a_file_name_in_another_script(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {
        "content/interviews/Мария Пападопулос/notes.md":
            PERSON.format(extra="", body="![[Мария-cv.txt]]"),
        "content/interviews/Мария Пападопулос/Мария-cv.txt": "hello\n"})
    out = tmp_path / "out"
    result = build(root, out=out)
    said = [d.message for d in result.diagnostics if d.code == "name-without-consent"]
    assert result.status != 0 and any("the address of the file" in m for m in said), said
    assert not out.exists()


def test_a_tag_in_another_script(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {"content/interviews/x.md": PERSON.format(
        extra="tags: [мария-пападопулос]\n", body="Body.")})
    status, codes = _codes(root, tmp_path / "out")
    assert status != 0 and ("name-without-consent", "content/interviews/x.md") in codes


def test_with_the_address_check_off_the_audit_alone_refuses_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(namecheck, "_addresses", lambda vn: iter(()))
    root = write_site(tmp_path / "s", {
        "content/interviews/x.md": PERSON.format(extra="", body="Body."),
        "content/reflections/Мария-Пападопулос.md": REFLECTION})
    out = tmp_path / "out"
    result = build(root, out=out)
    assert result.status != 0, [d.text() for d in result.diagnostics]
    assert not [d for d in result.diagnostics if d.code == "name-without-consent"]
    assert result.hits and not out.exists()
