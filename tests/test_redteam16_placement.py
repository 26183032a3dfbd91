"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-04: a person record in
a file ivsite does not load as an interview.

An interview filed where the loader reads none (``content/Interviews/``,
``content/people/``, the content root, a dot-file, an iA Writer ``.txt``, a vault
folder left out of ``[content]`` or named there in another case or Unicode form)
protected no one with its person record. Load now refuses such a file wherever
it sits (``misplaced-person``, ivsite.load.strays) and a ``[content]`` folder
named in another case or form than on disk (``content-folder``,
ivsite.load.mapped); the audit reads every such file's front matter on its own
(ivsite.audit.strayrecords).

Each place: refused by load, by the audit alone, published with both off;
ordinary files with front matter outside the kinds' folders still build.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, note, write_site

import ivsite.audit.strayrecords
import ivsite.load.outside
import ivsite.load.stage
from ivsite.load.strays import front_of, person_record
from ivsite.pipeline import build

NAME = "Quentin Zabrowski"
EMAIL = "qzab@zenthor.example"
TALK = note({"date": "2026-03-01",
             "person": {"name": NAME, "company": "Zenthor", "email": EMAIL,
                        "phone": "+1 416 555 0137"},
             "alias": "a data lead", "consent": {"publish_name": False}, "status": "done"},
            "Talked about dashboards.\n")
THANKS = note({"title": "Thanks"}, f"Thanks to {NAME} ({EMAIL}) for the chat.\n")
PLACES = ["Interviews/2026-03-01-z.md", "interview/2026-03-01-z.md", "people/2026-03-01-z.md",
          "2026-03-01-z.md", "interviews/.2026-03-01-z.md", "people/2026-03-01-z.txt",
          "interviews/2026-03-01-z.md~", "assets/notes.yaml"]


def _site(root: Path, place: str) -> Path:
    return write_site(root, {"pages/thanks.md": THANKS, place: TALK})


OUTSIDE = ["interviews/2026-03-01-z.md", "2026-03-01-z.md", "notes/people/z.txt"]
"""In the site folder, outside content/."""


def _outside(root: Path, place: str) -> Path:
    return write_site(root, {"pages/thanks.md": THANKS}, extra={place: TALK})


@pytest.mark.parametrize("place", OUTSIDE)
def test_load_refuses_a_person_record_outside_the_content(tmp_path: Path, place: str) -> None:
    result = build(_outside(tmp_path / "s", place), out=tmp_path / "out")
    assert result.status == 1
    assert (place, "misplaced-person") in _codes(result), _codes(result)


@pytest.mark.parametrize("place", OUTSIDE)
def test_the_audit_alone_refuses_one_outside_the_content(tmp_path: Path, place: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _load_off(monkeypatch)
    result = build(_outside(tmp_path / "s", place), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.secret.source == place for h in result.hits), [h.text() for h in result.hits]


def test_outside_the_content_ordinary_files_and_hidden_folders_build(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {"pages/thanks.md": note({"title": "Hi"}, "Hello.\n")},
                      extra={"README.md": "# My site\n", "notes.txt": "---\ntitle: x\n---\n",
                             ".git/x.md": TALK, "node_modules/p/README.md": TALK,
                             "themes/t/x.md": TALK, "_site/old.md": TALK})
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def _vault(root: Path, on_disk: str, mapped: str) -> Path:
    root.mkdir(parents=True)
    (root / "site.toml").write_text(
        f'title = "Notes"\n[content]\n"{mapped}" = "interviews"\n"Pages" = "pages"\n',
        encoding="utf-8")
    for rel, text in ((f"{on_disk}/2026-03-01 Zenthor.md", TALK), ("Pages/thanks.md", THANKS)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


TEMPLATE = ("---\ndate: {{date}}\nperson:\n  name: {{name}}\n  email: {{email}}\n"
            "consent:\n  publish_name: false\n---\n\n## What does a typical day look like?\n")
"""An Obsidian template of an interview (it does not parse as YAML): names no one."""
TEMPLATER = ('---\nperson:\n  name: "<% tp.file.title %>"\n  email: ""\n'
             "consent:\n  publish_name: false\n---\n")


def test_a_vault_with_an_interview_template_builds(tmp_path: Path) -> None:
    root = _vault(tmp_path / "s", "People/Interviews", "People/Interviews")
    (root / "People/Interviews/2026-03-01 Zenthor.md").write_text(
        TALK.replace("consent:\n  publish_name: false", "consent:\n  publish_name: true"),
        encoding="utf-8")
    for name, text in (("Interview.md", TEMPLATE), ("Interview (Templater).md", TEMPLATER)):
        (root / "Templates").mkdir(exist_ok=True)
        (root / "Templates" / name).write_text(text, encoding="utf-8")
    result = build(root, out=tmp_path / "out")
    assert not any(d.code == "misplaced-person" for d in result.diagnostics), \
        [d.text() for d in result.diagnostics]


VAULTS = {"unmapped": ("People/Inbox", "People/Interviews"),
          "nfd": (unicodedata.normalize("NFD", "Gespräche"), "Gespräche"),
          "case": ("People/Interviews", "people/interviews")}


def _load_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.load.stage, "check_stray", lambda *args: False)
    monkeypatch.setattr(ivsite.load.outside, "check_stray", lambda *args: False)
    monkeypatch.setattr(ivsite.load.stage, "check_mapped", lambda *args: None)


def _audit_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.audit.strayrecords, "stray_secrets", lambda *args: [])
    monkeypatch.setattr("ivsite.pipeline.checks.stray_secrets", lambda *args: [])


def _codes(result: object) -> set[tuple[str, str]]:
    return {(d.path, d.code) for d in result.diagnostics}  # type: ignore[attr-defined]


@pytest.mark.parametrize("place", PLACES)
def test_load_refuses_a_person_record_where_no_interview_is_read(tmp_path: Path,
                                                                   place: str) -> None:
    result = build(_site(tmp_path / "s", place), out=tmp_path / "out")
    assert result.status == 1
    assert (f"content/{place}", "misplaced-person") in _codes(result), _codes(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", VAULTS)
def test_load_refuses_a_vault_interview_it_does_not_read(tmp_path: Path, case: str) -> None:
    on_disk, mapped = VAULTS[case]
    result = build(_vault(tmp_path / "s", on_disk, mapped), out=tmp_path / "out")
    assert result.status == 1
    codes = {code for _, code in _codes(result)}
    assert "misplaced-person" in codes, codes
    if case != "unmapped":
        assert "content-folder" in codes, codes


@pytest.mark.parametrize("place", PLACES)
def test_the_audit_alone_refuses_it(tmp_path: Path, place: str,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _load_off(monkeypatch)
    result = build(_site(tmp_path / "s", place), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.secret.source == f"content/{place}" for h in result.hits), \
        [h.text() for h in result.hits]


@pytest.mark.parametrize("case", VAULTS)
def test_the_audit_alone_refuses_the_vault_cases(tmp_path: Path, case: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _load_off(monkeypatch)
    result = build(_vault(tmp_path / "s", *VAULTS[case]), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any("Zenthor.md" in h.secret.source for h in result.hits), \
        [h.text() for h in result.hits]


@pytest.mark.parametrize("place", ["people/2026-03-01-z.md", "interviews/.2026-03-01-z.md"])
def test_with_both_off_it_is_published(tmp_path: Path, place: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _load_off(monkeypatch)
    _audit_off(monkeypatch)
    result = build(_site(tmp_path / "s", place), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert OutputCorpus(tmp_path / "out").find(NAME)


def test_ordinary_files_with_front_matter_build(tmp_path: Path) -> None:
    """A template, a data file, a not-a-note draft and a hidden file: no person."""
    root = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "drafts/idea.md": ({"title": "An idea", "tags": ["career"]}, "Some thought.\n"),
        "data/chart.yaml": "---\ntitle: Chart\nvalues: [1, 2, 3]\n",
        "pages/.template.md": "---\ntitle: \"{{title}}\"\nauthor: Ana Silva\n---\n",
        "notes.txt": "---\nsummary: what I read\n---\nA book.\n"})
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not any(d.code in ("misplaced-person", "content-folder") for d in result.diagnostics)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(["person", "Person", "interviewee", "participants", "consent",
                            "consent_given", "email", "work-phone", "contact_email",
                            "second_person", "guest"]),
       fence=st.sampled_from(["---", "+++"]))
def test_a_person_record_is_told_by_its_shape(key: str, fence: str) -> None:
    value = f"{NAME}" if "mail" not in key and "phone" not in key else \
        (EMAIL if "mail" in key else "+1 416 555 0137")
    line = f'{key} = "{value}"' if fence == "+++" else f"{key}: {value}"
    front = front_of(f"{fence}\ntitle: x\n{line}\n{fence}\nBody.\n".encode()
                     if fence == "---" else f"{fence}\n{line}\n{fence}\n".encode())
    assert front is not None and person_record(front) == key


@pytest.mark.parametrize("text", ["---\ntitle: A\ntags: [x]\n---\n", "---\npersona: Dev\n---\n",
                                  "---\nauthor: Ana Silva\n---\n", "no front matter\n",
                                  TEMPLATE, TEMPLATER])
def test_what_is_no_person_record(text: str) -> None:
    front = front_of(text.encode())
    assert front is None or person_record(front) is None


CRM = note({"email": EMAIL, "company": "Zenthor", "tags": ["people"]},
           f"# {NAME}\n\nMet at a meetup.\n")
"""A vault's own note about a contact (Obsidian "People/" folders): not an interview."""


def _crm_vault(root: Path, page: str) -> Path:
    root.mkdir(parents=True)
    (root / "site.toml").write_text(
        'title = "Notes"\n[content]\n"Interviews" = "interviews"\n"Pages" = "pages"\n',
        encoding="utf-8")
    for rel, text in ((f"People/{NAME}.md", CRM), ("Pages/thanks.md", page)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_a_vaults_people_notes_warn_and_withhold_what_they_record(tmp_path: Path) -> None:
    """A vault's people notes are no misplaced interview: a warning, not a refusal
    of every vault that keeps them; what they record stays withheld (the audit)."""
    quiet = build(_crm_vault(tmp_path / "a", note({"title": "Thanks"}, "Thanks all.\n")),
                  out=tmp_path / "a-out")
    assert quiet.status == 0, [d.text() for d in quiet.diagnostics]
    assert any(d.code == "misplaced-person" and d.severity == "warning"
               for d in quiet.diagnostics)
    named = build(_crm_vault(tmp_path / "b", THANKS), out=tmp_path / "b-out")
    assert named.status == 1, [d.text() for d in named.diagnostics]
    assert any(h.secret.source == f"People/{NAME}.md" for h in named.hits), \
        [d.text() for d in named.diagnostics]
    assert not (tmp_path / "b-out").exists()
