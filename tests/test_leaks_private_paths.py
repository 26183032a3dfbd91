"""Red-team G10: privacy said by the path. A note kept in a ``private/`` or
``drafts/`` folder (``_drafts/``, ``Drafts/`` …, at any depth) or named ``_x.md``,
``x.private.md`` or ``x.draft.md`` is private, whatever its kind's default; a
front matter saying public or mentor contradicts it (``path-says-private``). The
audit counts such notes withheld on its own (ivsite.audit.secrets), so switching the
rule off in validation still refuses the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audit import visibility as auditvisibility
from ivsite.pipeline import build
from ivsite.switches import fmchecks
from ivsite.switches.pathprivacy import path_privacy
from ivsite.validate import note as validate

PRIVATE_PATHS = [
    "content/pages/private/d.md", "content/pages/_drafts/d.md", "content/roles/drafts/d.md",
    "content/pages/d.private.md", "content/pages/_d.md", "content/pages/d.draft.md",
    "content/pages/a/b/Private/d.md", "content/pages/DRAFTS/d.md", "content/pages/_private/d.md",
    "content/pages/draft/d.md", "content/pages/d.Drafts.md",
    # red team 4, J-path: a privacy word among a segment's words, or a leading ~
    "content/pages/Private Notes/s.md", "content/pages/PrivateNotes/s.md",
    "content/pages/my-private-stuff/s.md", "content/pages/x/s (private).md",
    "content/pages/x/s-private.md", "content/pages/x/private-s.md", "content/pages/x/s.priv.md",
    "content/pages/Privé/s.md", "content/pages/privado/s.md", "content/pages/Entwürfe/s.md",
    "content/pages/WIP/s.md", "content/pages/unshared/s.md", "content/pages/~s.md",
    "content/pages/private.d/s.md", "content/pages/x_private.md", "content/pages/private.md",
    "content/pages/Brouillons/s.md", "content/pages/borradores/s.md",
    "content/pages/x/DoNotPublish.md", "content/pages/x/s [draft].md",
]
HOME = "---\ntitle: Home\n---\nRead [[Canary Note]] and [[Canary Note|this]].\n"


def site(root: Path, rel: str, front: str = "title: Canary Note") -> Path:
    return write_site(root, {rel: f"---\n{front}\n---\nCANARY-G10 body text.\n",
                             "content/pages/home.md": HOME})


def _published(out: Path) -> list[str]:
    return [str(p.relative_to(out)) for p in out.rglob("*")
            if p.is_file() and any(s in p.read_bytes() for s in (b"CANARY-G10", b"Canary Note"))]


@pytest.mark.parametrize("rel", PRIVATE_PATHS)
def test_the_path_says_private(rel: str) -> None:
    assert path_privacy(rel) is not None


@pytest.mark.parametrize("rel", [
    "content/pages/d.md", "content/pages/privacy.md", "content/pages/privateer/d.md",
    "content/pages/drafting/d.md", "content/pages/d.v2.md", "content/pages/agenda.md",
    "content/pages/wipe-out.md", "content/pages/privileges.md", "content/pages/price.md",
    "content/interviews/2026-01-01-acme.md"])
def test_an_ordinary_path_says_nothing(rel: str) -> None:
    assert path_privacy(rel) is None


@pytest.mark.parametrize("rel", PRIVATE_PATHS)
def test_a_note_whose_path_says_private_is_withheld(tmp_path: Path, rel: str) -> None:
    out = tmp_path / "out"
    result = build(site(tmp_path / "s", rel), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert _published(out) == []
    home = (out / "home/index.html").read_text("utf-8")
    assert "Read a private note and this." in home  # a link to any withheld note


@pytest.mark.parametrize("rel", PRIVATE_PATHS[:3])
def test_also_from_the_mentor_view(tmp_path: Path, rel: str) -> None:
    out = tmp_path / "out"
    result = build(site(tmp_path / "s", rel), audience="mentor", out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert _published(out) == []


@pytest.mark.parametrize("said", ["public", "mentor"])
def test_a_front_matter_saying_otherwise_is_an_error(tmp_path: Path, said: str) -> None:
    out = tmp_path / "out"
    rel = "content/pages/drafts/d.md"
    result = build(site(tmp_path / "s", rel, f"title: Canary Note\nvisibility: {said}"), out=out)
    assert result.status == 1
    found = [d for d in result.diagnostics if d.code == "path-says-private"]
    assert len(found) == 1 and found[0].path == rel and found[0].line == 3, \
        [d.text() for d in result.diagnostics]
    assert "the folder 'drafts/'" in found[0].message and "move the file" in found[0].hint
    assert not out.exists()


def test_visibility_private_agrees_with_the_path(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(site(tmp_path / "s", "content/pages/_d.md",
                        "title: Canary Note\nvisibility: private"), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert _published(out) == []


def test_in_a_vault_drafts_folder(tmp_path: Path) -> None:
    root = write_site(tmp_path / "v", {
        "Pages/Drafts/Plan.md": "---\ntitle: Canary Note\n---\nCANARY-G10 text.\n",
        "Pages/Home.md": "---\ntitle: Home\n---\nSee [[Plan]].\n"},
        toml='title = "T"\n\n[content]\n"Pages" = "pages"\n')
    out = tmp_path / "out"
    result = build(root, out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert _published(out) == []


def test_the_audit_alone_finds_a_note_the_path_says_is_private(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "path_privacy", lambda rel: None)
    monkeypatch.setattr(fmchecks, "path_privacy", lambda rel: None)
    out = tmp_path / "out"
    result = build(site(tmp_path / "s", "content/pages/private/d.md"), out=out)
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.output.startswith("d/") and h.secret.source == "content/pages/private/d.md"
               for h in result.hits), [h.text() for h in result.hits]
    assert not out.exists()


def test_with_both_lines_off_the_note_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "path_privacy", lambda rel: None)
    monkeypatch.setattr(fmchecks, "path_privacy", lambda rel: None)
    monkeypatch.setattr(auditvisibility, "path_privacy", lambda rel: None)
    out = tmp_path / "out"
    result = build(site(tmp_path / "s", "content/pages/private/d.md"), out=out)
    assert result.status == 0, [h.text() for h in result.hits]
    assert "d/index.html" in _published(out)


# Files (assets) whose path says private: a link from where the public or the
# mentor would follow it is an error; the audit holds them withheld on its own.

PDF = b"%PDF-1.4 CANARY-G10-FILE\n"


def file_site(root: Path, body: str, front: str = "title: Home") -> Path:
    s = write_site(root, {"content/pages/home.md": f"---\n{front}\n---\n{body}\n"})
    for rel in ("content/files/private/cv.pdf", "content/files/_cv2.pdf"):
        (s / rel).parent.mkdir(parents=True, exist_ok=True)
        (s / rel).write_bytes(PDF)
    return s


def _file_published(out: Path) -> bool:
    return out.is_dir() and any(p.read_bytes() == PDF for p in out.rglob("*") if p.is_file())


@pytest.mark.parametrize(("body", "front"), [
    ("See [my CV](../files/private/cv.pdf).", "title: Home"),
    ("![[_cv2.pdf]]", "title: Home"),
    ("See [my CV](../files/private/cv.pdf).", "title: Home\nvisibility: mentor"),
    ("::: mentor\nSee [my CV](../files/private/cv.pdf).\n:::", "title: Home"),
])
def test_a_link_to_a_file_whose_path_says_private_is_an_error(
        tmp_path: Path, body: str, front: str) -> None:
    out = tmp_path / "out"
    result = build(file_site(tmp_path / "s", body, front), out=out)
    assert result.status == 1
    found = [d for d in result.diagnostics if d.code == "private-file"]
    assert len(found) == 1 and found[0].path == "content/pages/home.md", \
        [d.text() for d in result.diagnostics]
    assert "never published" in found[0].message and "move it out" in found[0].hint
    assert not out.exists()


@pytest.mark.parametrize(("body", "front"), [
    ("::: private\nSee [my CV](../files/private/cv.pdf).\n:::\nHello.", "title: Home"),
    ("See [my CV](../files/private/cv.pdf).", "title: Home\nvisibility: private"),
])
def test_a_private_note_or_passage_may_link_it(tmp_path: Path, body: str, front: str) -> None:
    out = tmp_path / "out"
    result = build(file_site(tmp_path / "s", body, front), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not _file_published(out)


def test_the_audit_alone_finds_a_file_the_path_says_is_private(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.validate import references

    monkeypatch.setattr(references, "path_privacy", lambda rel: None)
    out = tmp_path / "out"
    result = build(file_site(tmp_path / "s", "See [my CV](../files/private/cv.pdf)."), out=out)
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.output == "files/private/cv.pdf" and h.secret.kind == "withheld file"
               for h in result.hits), [h.text() for h in result.hits]
    assert not out.exists()


def test_with_both_lines_off_the_file_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.pipeline import checks
    from ivsite.validate import references

    monkeypatch.setattr(references, "path_privacy", lambda rel: None)
    monkeypatch.setattr(checks, "path_privacy", lambda rel: None)
    out = tmp_path / "out"
    result = build(file_site(tmp_path / "s", "See [my CV](../files/private/cv.pdf)."), out=out)
    assert result.status == 0, [h.text() for h in result.hits]
    assert _file_published(out)
