"""Red team 10, R10-11 (docs/redteam/2026-12-01-tenth.md): a passage fence, a
privacy label or another tool's privacy tag written in a front-matter field
(a folded ``summary: >-`` holding ``::: private`` … ``:::``, ``summary: "Do not
publish: …"``) was published in the description, feed, search index and cards.
Now each, in any string of the front matter of a note an audience reads, is the
error it is in a body (``passage-fence-placement``, ``privacy-label``,
``privacy-markup``; ivsite.validate.frontmarkers).

A fence is read by the audit too, with a pattern of its own
(ivsite.audit.frontpassages): what it holds is withheld from an audience that may not
read that kind of passage, and not excused as the note's summary. For a label
or another tool's tag the audit cannot be the second line: nothing withholds the
text such a marker stands with, so it holds no secret to look for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import OutputCorpus, assert_audit_refuses, write_site

from ivsite.audit import secrets
from ivsite.core.diagnostics import Diagnostics
from ivsite.markdown.frontmatter import split
from ivsite.pipeline import build
from ivsite.validate import note as validate
from ivsite.validate.frontmarkers import front_markers, labels

FOLDED = ("---\ntitle: About\nsummary: >-\n  My portfolio.\n  ::: private\n"
          "  CANARY-A Kroggle offered me 61k.\n  :::\n---\nHello.\n")
MARKED = {  # a summary: the code it gets
    "Do not publish: CANARY-B Blenheimer is leaving.": "privacy-label",
    "PRIVATE: CANARY-C plans.": "privacy-label",
    "(off the record) CANARY-D plans.": "privacy-label",
    "[private]CANARY-E plans.[/private]": "privacy-markup",
    "{% private %}CANARY-F plans.{% endprivate %}": "privacy-markup",
    "My plans. **Confidential:** CANARY-G numbers.": "privacy-label",
    "Intro. 非公開：CANARY-H 給与。": "privacy-label",
    "Intro; Private — CANARY-I plans.": "privacy-label",
    "Intro. ::: mentor CANARY-J plans :::": "passage-fence-placement",
}


def _codes(text: str, visibility: str = "public") -> list[str]:
    diags = Diagnostics()
    fm, _ = split("n.md", text.encode())
    assert fm is not None
    front_markers("n.md", fm, visibility, diags)
    return [d.code for d in diags.errors]


def _note(summary: str, **front: Any) -> str:
    extra = "".join(f"{k}: {v}\n" for k, v in front.items())
    quoted = summary.replace("'", "''")
    return f"---\ntitle: Plan\nsummary: '{quoted}'\n{extra}---\nMy plan.\n"


@pytest.mark.parametrize(("summary", "code"), list(MARKED.items()))
def test_a_marker_in_a_summary_is_an_error(summary: str, code: str) -> None:
    assert code in _codes(_note(summary)), _codes(_note(summary))
    assert _codes(_note(summary), "private") == []


def test_a_folded_fence_and_other_fields() -> None:
    assert "passage-fence-placement" in _codes(FOLDED)
    assert "privacy-label" in _codes("---\ntitle: 'Private: the offer'\n---\nx\n")
    nested = "---\ntitle: X\nperson:\n  role: 'Keep private: leaving in May'\n---\nx\n"
    assert "privacy-label" in _codes(nested)


ORDINARY = ["Private equity — a career path.", "Confidential computing: notes.",
            "My portfolio. Next: more roles.", "Keep your salary private.",
            "Notes on private companies: they pay less.", "Draft: v2 of my CV.",
            "See https://example.org/private: a link.", "snake_case_name: a field",
            "Ratio 3:2. Time 10:30.", "Personal: I like it."]


def test_fields_no_page_prints_are_not_read() -> None:
    front = ("---\ntitle: X\nreferred_by: 'Private: my aunt'\nperson:\n  name: A B\n"
             "  email: 'private: a@b.example'\n---\nx\n")
    assert _codes(front) == []


@pytest.mark.parametrize("summary", ORDINARY)
def test_ordinary_summaries_are_not(summary: str) -> None:
    assert _codes(_note(summary)) == []


def test_labels_of_each_sentence() -> None:
    assert labels("My plans. **Do not publish:** x\nPRIVATE: y") == ["Do not publish", "PRIVATE"]


# ------------------------------------------------------------------- end to end

def _site(root: Path) -> Path:
    notes: dict[str, str] = {"pages/about.md": FOLDED}
    for i, summary in enumerate(MARKED):
        notes[f"pages/p{i}.md"] = _note(summary)
    return write_site(root, notes)


def test_the_build_refuses_each(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    paths = {d.path for d in result.diagnostics if d.severity == "error"}
    assert paths == {"content/pages/about.md", *(f"content/pages/p{i}.md"
                                                for i in range(len(MARKED)))}, paths
    assert not (tmp_path / "out").exists()


def test_without_the_rule_each_is_published(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "front_markers", lambda *args: False)
    monkeypatch.setattr(secrets, "fenced", lambda text: iter(()))
    monkeypatch.setattr(secrets, "unfenced", lambda text: text)
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for c in "ABCDEFGHIJ":
        assert corpus.find(f"CANARY-{c}") != [], c


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_fence(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "front_markers", lambda *args: False)
    site = write_site(tmp_path / "s", {"pages/about.md": FOLDED})
    assert_audit_refuses(site, tmp_path / "out", "content/pages/about.md")
    mentor = _note("Intro. ::: mentor CANARY-J plans for the team :::")
    site = write_site(tmp_path / "s2", {"pages/p.md": mentor})
    assert_audit_refuses(site, tmp_path / "out2", "content/pages/p.md")


def test_the_audits_reading_of_a_fence() -> None:
    text = "My portfolio. ::: private Kroggle offered me 61k. ::: More."
    assert list(secrets.fenced(text)) == [("private", "Kroggle offered me 61k.")]
    assert " ".join(secrets.unfenced(text).split()) == "My portfolio. More."
    assert list(secrets.fenced("Ratio 3:2 ::: a b")) == []


def test_ordinary_summaries_build(tmp_path: Path) -> None:
    notes = {f"pages/o{i}.md": _note(f"{s} NEARMISS{i}") for i, s in enumerate(ORDINARY)}
    result = build(write_site(tmp_path / "s", notes), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    assert corpus.find("Private equity — a career path. NEARMISS0") != []
