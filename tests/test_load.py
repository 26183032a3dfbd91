"""Stage 1 — load: notes, assets, editor noise, symlinks and the question bank."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.core.diagnostics import Diagnostics
from ivsite.load.cache import LoadCache
from ivsite.load.stage import LoadedSite, is_editor_noise, load_site

NOTE = "---\ntitle: A note\n---\nbody\n"


def load(root: Path) -> tuple[LoadedSite, Diagnostics]:
    diags = Diagnostics()
    return load_site(root, diags), diags


def test_only_markdown_in_collections_are_notes(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/interviews/2026-03-04-acme.md": NOTE,
        "content/reflections/r.markdown": NOTE,
        "content/roles/ux.md": NOTE,
        "content/pages/about.md": NOTE,
        "content/pages/sub/deep.md": NOTE,
        "content/assets/pic.png": b"\x89PNG fake",
        "content/interviews/notes.txt": "just text",
    })
    site, diags = load(tmp_path)
    assert [(n.rel, n.collection) for n in site.notes] == [
        ("content/interviews/2026-03-04-acme.md", "interviews"),
        ("content/pages/about.md", "pages"),
        ("content/pages/sub/deep.md", "pages"),
        ("content/reflections/r.markdown", "reflections"),
        ("content/roles/ux.md", "roles"),
    ]
    assert set(site.assets) == {"content/assets/pic.png", "content/interviews/notes.txt"}
    assert not diags.errors
    assert site.config_bytes == b'title = "Test site"\n'


def test_note_carries_its_bytes_and_sha256(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/roles/ux.md": NOTE})
    site, _ = load(tmp_path)
    [note] = site.notes
    assert note.data == NOTE.encode()
    assert note.digest == hashlib.sha256(NOTE.encode()).hexdigest()


def test_asset_has_size_and_sha256(tmp_path: Path) -> None:
    data = bytes(range(256)) * 10
    write_site(tmp_path, {"content/assets/blob.bin": data})
    site, _ = load(tmp_path)
    ref = site.assets["content/assets/blob.bin"]
    assert ref.size == len(data)
    assert ref.digest == hashlib.sha256(data).hexdigest()
    assert site.store is not None and site.store.read(ref) == data


def test_markdown_outside_the_collections_is_an_asset_with_a_warning(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/misc/readme.md": NOTE, "content/top.md": NOTE})
    site, diags = load(tmp_path)
    assert site.notes == []
    assert set(site.assets) == {"content/misc/readme.md", "content/top.md"}
    assert sorted((d.path, d.code) for d in diags.warnings) == [
        ("content/misc/readme.md", "not-a-note"), ("content/top.md", "not-a-note")]


@pytest.mark.parametrize(
    "name", [".ab.md.swp", "ab.md~", ".#ab.md", ".DS_Store", "#ab.md#", "Thumbs.db", "x.swx"]
)
def test_editor_noise_is_skipped(tmp_path: Path, name: str) -> None:
    write_site(tmp_path, {"content/interviews/ab.md": NOTE, f"content/interviews/{name}": NOTE})
    site, diags = load(tmp_path)
    assert [n.rel for n in site.notes] == ["content/interviews/ab.md"]
    assert site.assets == {}
    assert len(diags) == 0


def test_is_editor_noise() -> None:
    for name in (".swp", "a~", ".#a.md", ".DS_Store", ".hidden"):
        assert is_editor_noise(name), name
    for name in ("a.md", "photo.jpg", "questions.yaml"):
        assert not is_editor_noise(name), name


def test_symlink_to_a_file_outside_the_site_is_an_error_and_not_listed(tmp_path: Path) -> None:
    site_root = write_site(tmp_path / "site", {"content/roles/ux.md": NOTE})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("do not read me")
    (outside / "note.md").write_text(NOTE)
    os.symlink(outside / "secret.txt", site_root / "content" / "secret.txt")
    os.symlink(outside / "note.md", site_root / "content" / "roles" / "linked.md")
    site, diags = load(site_root)
    assert [n.rel for n in site.notes] == ["content/roles/ux.md"]
    assert site.assets == {}
    assert sorted((d.path, d.code) for d in diags.errors) == [
        ("content/roles/linked.md", "outside-site"),
        ("content/secret.txt", "outside-site"),
    ]


def test_symlink_to_a_file_elsewhere_in_the_site_but_outside_content_is_an_error(
    tmp_path: Path,
) -> None:
    write_site(tmp_path, {"content/roles/ux.md": NOTE})
    os.symlink(tmp_path / "site.toml", tmp_path / "content" / "settings.toml")
    site, diags = load(tmp_path)
    assert "content/settings.toml" not in site.assets
    assert [(d.path, d.code) for d in diags.errors] == [("content/settings.toml", "outside-site")]


def test_dangling_symlink_is_not_listed(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/roles/ux.md": NOTE})
    os.symlink(tmp_path / "nowhere.png", tmp_path / "content" / "gone.png")
    site, diags = load(tmp_path)
    assert "content/gone.png" not in site.assets
    assert diags.errors  # it cannot be read; it must not pass silently


def test_symlink_to_a_file_inside_content_is_read(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/assets/pic.png": b"img"})
    os.symlink("assets/pic.png", tmp_path / "content" / "roles-pic.png")
    site, diags = load(tmp_path)
    assert "content/roles-pic.png" in site.assets
    assert not diags.errors


def test_symlinked_folder_is_not_followed(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/a.md": NOTE, "content/assets/p.png": b"p"})
    os.symlink(tmp_path / "content" / "interviews", tmp_path / "content" / "pages",
               target_is_directory=True)
    site, diags = load(tmp_path)
    assert [n.rel for n in site.notes] == ["content/interviews/a.md"]
    assert set(site.assets) == {"content/assets/p.png"}
    assert [(d.path, d.code) for d in diags] == [("content/pages", "symlinked-folder")]


def test_symlinked_folder_outside_the_site_is_an_error(tmp_path: Path) -> None:
    site_root = write_site(tmp_path / "site", {"content/roles/ux.md": NOTE})
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "deep").mkdir(parents=True)
    (elsewhere / "deep" / "n.md").write_text(NOTE)
    os.symlink(elsewhere, site_root / "content" / "reflections", target_is_directory=True)
    site, diags = load(site_root)
    assert [n.rel for n in site.notes] == ["content/roles/ux.md"]
    assert [(d.path, d.code) for d in diags.errors] == [("content/reflections", "outside-site")]


@pytest.mark.parametrize("name", ["questions.yaml", "questions.yml"])
def test_question_bank_is_picked_up(tmp_path: Path, name: str) -> None:
    bank = "- id: typical-day\n  text: What does a typical day look like?\n"
    write_site(tmp_path, {f"content/{name}": bank})
    site, _ = load(tmp_path)
    assert site.questions is not None
    assert site.questions.rel == f"content/{name}"
    assert site.questions.data == bank.encode()
    assert f"content/{name}" not in site.assets


def test_questions_yaml_elsewhere_is_only_an_asset(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/pages/questions.yaml": "- text: x\n"})
    site, _ = load(tmp_path)
    assert site.questions is None
    assert "content/pages/questions.yaml" in site.assets


def test_missing_content_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text('title = "T"\n')
    site, diags = load(tmp_path)
    assert site.notes == [] and site.assets == {}
    [d] = diags.errors
    assert d.code == "no-content" and d.path == "content"


def test_missing_site_toml_is_none(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/roles/ux.md": NOTE}, toml=None)
    site, _ = load(tmp_path)
    assert site.config_bytes is None


def test_files_outside_content_are_not_read(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/roles/ux.md": NOTE, "drafts/secret.md": NOTE,
                          "notes.md": NOTE})
    site, _ = load(tmp_path)
    assert [n.rel for n in site.notes] == ["content/roles/ux.md"]
    assert site.assets == {}


def test_digest_changes_when_a_note_changes(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/roles/ux.md": NOTE, "content/a.png": b"1"})
    first, _ = load(tmp_path)
    again, _ = load(tmp_path)
    assert first.digest() == again.digest()
    (tmp_path / "content" / "roles" / "ux.md").write_text(NOTE + "more\n")
    changed, _ = load(tmp_path)
    assert changed.digest() != first.digest()


def test_load_cache_reads_a_note_again_when_its_status_changes_or_it_is_forgotten(
        tmp_path: Path) -> None:
    note = tmp_path / "content" / "pages" / "a.md"
    note.parent.mkdir(parents=True)
    note.write_text("---\ntitle: A\n---\none\n", "utf-8")
    cache = LoadCache()
    first = load_site(tmp_path, Diagnostics(), cache).notes[0]
    assert load_site(tmp_path, Diagnostics(), cache).notes[0] is first  # not read again
    # Same size, same times (as two saves inside one clock tick would leave them).
    st = note.stat()
    note.write_text("---\ntitle: A\n---\ntwo\n", "utf-8")
    os.utime(note, ns=(st.st_atime_ns, st.st_mtime_ns))
    cache.forget({"content/pages/a.md"})
    second = load_site(tmp_path, Diagnostics(), cache).notes[0]
    assert second.data.endswith(b"two\n") and second.digest != first.digest
    note.write_text("---\ntitle: A\n---\nthree, longer\n", "utf-8")  # size changed
    assert load_site(tmp_path, Diagnostics(), cache).notes[0].data.endswith(b"longer\n")
    note.unlink()
    assert load_site(tmp_path, Diagnostics(), cache).notes == []


def test_a_note_that_links_to_another_note_is_an_error(tmp_path: Path) -> None:
    """One text in two places could be two notes with two visibilities: a page's
    default is public, a reflection's private (the red team's symlinked note)."""
    from ivsite.pipeline import EXIT_CONTENT, build

    root = tmp_path / "site"
    (root / "content/reflections").mkdir(parents=True)
    (root / "content/pages").mkdir(parents=True)
    (root / "site.toml").write_text('title = "T"\n', "utf-8")
    (root / "content/reflections/comp.md").write_text(
        "---\ntitle: Comp\ndate: 2026-01-02\n---\nzqxcompsecret\n", "utf-8")
    (root / "content/pages/money.md").symlink_to(root / "content/reflections/comp.md")
    result = build(root, out=tmp_path / "out")
    assert result.status == EXIT_CONTENT
    assert [(d.path, d.code) for d in result.diagnostics.errors] == [
        ("content/pages/money.md", "note-link")]
    assert not (tmp_path / "out").exists()


def test_an_asset_that_links_to_a_note_is_an_error(tmp_path: Path) -> None:
    """The red team's notes.txt -> a private reflection: copied whole, front matter and
    all, had it been taken for an asset."""
    from ivsite.pipeline import EXIT_CONTENT, build

    root = tmp_path / "site"
    (root / "content/reflections").mkdir(parents=True)
    (root / "content/assets").mkdir(parents=True)
    (root / "content/pages").mkdir(parents=True)
    (root / "site.toml").write_text('title = "T"\n', "utf-8")
    (root / "content/reflections/salary.md").write_text(
        "---\ntitle: Salary\ndate: 2026-01-01\n---\nzqxsalary 95k.\n", "utf-8")
    (root / "content/assets/notes.txt").symlink_to(root / "content/reflections/salary.md")
    (root / "content/pages/about.md").write_text(
        "---\ntitle: About\n---\nSee [notes](../assets/notes.txt).\n", "utf-8")
    result = build(root, out=tmp_path / "out")
    assert result.status == EXIT_CONTENT
    assert ("content/assets/notes.txt", "note-link") in {
        (d.path, d.code) for d in result.diagnostics.errors}
