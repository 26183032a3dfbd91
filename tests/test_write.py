"""Stage 7 — write: output folder checks, whole-folder swap, preview sync."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ivsite.core.diagnostics import Diagnostics
from ivsite.emit.output import OutputPlan
from ivsite.load.stage import AssetRef, AssetStore
from ivsite.write import staging
from ivsite.write.stage import (
    MARKER,
    Layer,
    Staged,
    check_output_dir,
    sync_folder,
)


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content" / "pages").mkdir(parents=True)
    (root / "site.toml").write_text('title = "T"\n')
    return root


def refused(root: Path, out: Path) -> str:
    diags = Diagnostics()
    ok = check_output_dir(root, out, diags)
    assert not ok
    [d] = diags.errors
    assert d.code == "output-dir"
    return d.message


def accepted(root: Path, out: Path) -> None:
    diags = Diagnostics()
    assert check_output_dir(root, out, diags), [d.text() for d in diags]
    assert len(diags) == 0


def test_refuses_the_site_root(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert "site's own folder" in refused(root, root)
    assert "site's own folder" in refused(root, root / "content" / "..")


def test_refuses_content_and_inside_it(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert "content" in refused(root, root / "content")
    assert "content" in refused(root, root / "content" / "pages")
    assert "content" in refused(root, root / "content" / "new-folder")


def test_refuses_a_parent_of_the_site(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert "contains the site" in refused(root, tmp_path)
    assert "contains the site" in refused(root, Path("/"))


def test_refuses_state_and_theme_folders(tmp_path: Path) -> None:
    root = site(tmp_path)
    refused(root, root / ".ivsite")
    refused(root, root / ".ivsite" / "out")
    refused(root, root / "themes" / "mine")


def test_refuses_a_non_empty_folder_without_the_marker(tmp_path: Path) -> None:
    root = site(tmp_path)
    out = tmp_path / "someone-elses"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"precious")
    assert "not empty" in refused(root, out)


def test_refuses_a_file(tmp_path: Path) -> None:
    root = site(tmp_path)
    f = tmp_path / "file"
    f.write_text("x")
    refused(root, f)


def test_refuses_a_symlink_to_content(tmp_path: Path) -> None:
    root = site(tmp_path)
    link = tmp_path / "out-link"
    link.symlink_to(root / "content", target_is_directory=True)
    refused(root, link)


def test_accepts_missing_empty_and_ivsite_made_folders(tmp_path: Path) -> None:
    root = site(tmp_path)
    accepted(root, root / "_site")  # does not exist yet
    empty = tmp_path / "empty"
    empty.mkdir()
    accepted(root, empty)
    made = tmp_path / "made"
    made.mkdir()
    (made / MARKER).write_bytes(b"x")
    (made / "index.html").write_text("old")
    accepted(root, made)


def plan(files: dict[str, bytes], assets: dict[str, AssetRef] | None = None) -> OutputPlan:
    return OutputPlan(files=dict(files), assets=dict(assets or {}))


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def asset(root: Path, rel: str, data: bytes) -> AssetRef:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return AssetRef(rel, len(data), hashlib.sha256(data).hexdigest())


def test_staged_write_and_swap_in_leave_exactly_the_new_build(tmp_path: Path) -> None:
    root = site(tmp_path)
    out = root / "_site"
    store = AssetStore(root)
    pic = asset(root, "content/pic.png", b"PNG")
    Staged.write([Layer("", plan({"index.html": b"v1", "old/index.html": b"stale"}))],
                 out, store).swap_in(out)
    assert set(tree(out)) == {MARKER, "index.html", "old/index.html"}

    layers = [
        Layer("", plan({"index.html": b"v2"}, {"assets/pic.png": pic})),
        Layer("share/tok/", plan({"index.html": b"mentor"})),
    ]
    staged = Staged.write(layers, out, store)
    second = staged.finish()
    assert sorted(second.files) == ["assets/pic.png", "index.html", "share/tok/index.html"]
    staged.swap_in(out)
    got = tree(out)
    assert set(got) == {MARKER, "index.html", "assets/pic.png", "share/tok/index.html"}
    assert got["index.html"] == b"v2" and got["assets/pic.png"] == b"PNG"
    assert "old/index.html" not in got  # stale file from the previous build is gone
    # nothing left beside the output, once the replaced one is removed (in the background)
    staging.wait_for_removals()
    assert sorted(p.name for p in root.iterdir()) == ["_site", "content", "site.toml"]
    # the marker lets the next build accept the folder
    accepted(root, out)


def test_failure_inside_a_staged_write_leaves_no_temp_and_old_output(tmp_path: Path) -> None:
    root = site(tmp_path)
    out = root / "_site"
    store = AssetStore(root)
    good = Staged.write([Layer("", plan({"index.html": b"good"}))], out, store)
    good.finish()
    good.swap_in(out)
    before = tree(out)
    missing = AssetRef("content/not-there.png", 3, "0" * 64)
    with pytest.raises(OSError):
        Staged.write([Layer("", plan({"index.html": b"bad"}, {"x.png": missing}))], out, store)
    assert tree(out) == before
    assert sorted(p.name for p in root.iterdir()) == ["_site", "content", "site.toml"]


def test_swap_in_into_a_missing_output(tmp_path: Path) -> None:
    root = site(tmp_path)
    out = tmp_path / "deep" / "out"
    w = Staged.write([Layer("", plan({"a.txt": b"a"}))], out, AssetStore(root))
    w.finish()
    w.swap_in(out)
    assert tree(out)["a.txt"] == b"a"
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]


def test_sync_folder_writes_only_changed_files_and_removes_stale(tmp_path: Path) -> None:
    root = site(tmp_path)
    store = AssetStore(root)
    pic = asset(root, "content/pic.png", b"PNG")
    folder = tmp_path / "preview"
    folder.mkdir()
    manifest, changed = sync_folder(folder, [Layer("", plan(
        {"index.html": b"home", "a/index.html": b"a1", "gone/index.html": b"x"},
        {"pic.png": pic}))], store, {})
    assert sorted(changed) == ["a/index.html", "gone/index.html", "index.html", "pic.png"]
    assert tree(folder) == {"index.html": b"home", "a/index.html": b"a1",
                            "gone/index.html": b"x", "pic.png": b"PNG"}

    # mark the unchanged file on disk: if it were rewritten, the mark would vanish
    (folder / "index.html").write_bytes(b"untouched")
    (folder / "pic.png").write_bytes(b"untouched")
    manifest, changed = sync_folder(folder, [Layer("", plan(
        {"index.html": b"home", "a/index.html": b"a2"}, {"pic.png": pic}))], store, manifest)
    assert sorted(changed) == ["a/index.html", "gone/index.html"]
    assert tree(folder) == {"index.html": b"untouched", "a/index.html": b"a2",
                            "pic.png": b"untouched"}
    assert set(manifest) == {"index.html", "a/index.html", "pic.png"}


def test_sync_folder_with_a_prefixed_layer(tmp_path: Path) -> None:
    root = site(tmp_path)
    folder = tmp_path / "preview"
    folder.mkdir()
    manifest, changed = sync_folder(
        folder, [Layer("share/t/", plan({"index.html": b"m"}))], AssetStore(root), {})
    assert changed == ["share/t/index.html"]
    assert (folder / "share" / "t" / "index.html").read_bytes() == b"m"
    _, changed = sync_folder(folder, [], AssetStore(root), manifest)
    assert changed == ["share/t/index.html"]
    assert not (folder / "share" / "t" / "index.html").exists()


def test_sync_folder_reads_a_file_again_only_when_its_hash_changed(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    photo = root / "content" / "photo.bin"
    photo.write_bytes(b"first")
    reads: list[str] = []

    class CountingStore(AssetStore):
        def read(self, ref: AssetRef) -> bytes:
            reads.append(ref.rel)
            return super().read(ref)

    store = CountingStore(root)
    folder = tmp_path / "preview"
    folder.mkdir()
    digests: dict[str, str] = {}

    def layers(digest: str) -> list[Layer]:
        out = OutputPlan()
        out.assets["photo.bin"] = AssetRef("content/photo.bin", 5, digest)
        return [Layer("", out)]

    manifest, changed = sync_folder(folder, layers("d1"), store, {}, digests)
    assert changed == ["photo.bin"] and reads == ["content/photo.bin"]
    manifest, changed = sync_folder(folder, layers("d1"), store, manifest, digests)
    assert changed == [] and reads == ["content/photo.bin"]  # same hash: not read again
    photo.write_bytes(b"second")
    manifest, changed = sync_folder(folder, layers("d2"), store, manifest, digests)
    assert changed == ["photo.bin"] and len(reads) == 2
    assert (folder / "photo.bin").read_bytes() == b"second"
    manifest, changed = sync_folder(folder, [], store, manifest, digests)
    assert changed == ["photo.bin"] and digests == {}


def test_pages_made_in_forked_processes_are_written_and_their_keys_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a few dozen pages the writer makes them in one process per core: every
    page lands, a page that fails there is made (and fails) here, and the page
    store keeps what the processes made (its clean-up keeps the keys they used)."""
    import ivsite.core.cores
    from ivsite.emit.output import Files
    from ivsite.incremental.store import Store

    monkeypatch.setattr(ivsite.core.cores, "processes_for", lambda jobs, size=None: 2)
    root = site(tmp_path)
    pages = Store(tmp_path / "cache")
    pages.begin_build()
    files = Files()
    for i in range(120):
        rel = f"p{i:03}/index.html"
        key = hashlib.sha256(rel.encode()).hexdigest()
        files.later(rel, lambda rel=rel, key=key: pages.blob(key, lambda: f"<p>{rel}</p>".encode()))
    staged = Staged.write([Layer("", OutputPlan(files))], root / "_site", AssetStore(root),
                          keys=pages)
    got = tree(staged.finish().path)
    staged.discard()
    assert len(got) == 121 and got["p042/index.html"] == b"<p>p042/index.html</p>"
    pages.end_build()
    kept = [f for f in (tmp_path / "cache").rglob("*") if f.is_file()]
    assert len(kept) == 120

    def broken() -> bytes:
        raise ValueError("a template error")

    files.later("p007/index.html", broken)
    with pytest.raises(ValueError, match="a template error"):
        Staged.write([Layer("", OutputPlan(files))], root / "_site", AssetStore(root))
