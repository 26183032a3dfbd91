"""Red team 5, K3: the folders a build writes beside the output before the audit has
read them. They are readable by the build's user only until the audit found
nothing; a build removes the ones a killed build left (and nothing else); SIGTERM
cleans up as Ctrl-C does; ``init``'s ``.gitignore`` keeps them out of git."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sites import run_cli
from unit_helpers import write_site

from ivsite.commands.scaffold import init_site
from ivsite.emit.output import OutputPlan
from ivsite.load.stage import AssetStore
from ivsite.pipeline import build, writers
from ivsite.write import staging
from ivsite.write.stage import MARKER, Layer, Staged

SHARING = ('title = "T"\nbase_url = "https://x.example/"\n'
           '[share]\nenabled = true\nfeedback_email = "a@x.example"\n')
SECRET = "IVSCANARYSTAGED7d41"


def sharing_site(root: Path) -> Path:
    return write_site(root, {
        "content/pages/about.md": "---\ntitle: About\n---\nAbout me.\n",
        "content/pages/mentor.md": "---\ntitle: M\nvisibility: mentor\n---\nFor the mentor.\n",
    }, SHARING)


def beside(root: Path) -> list[str]:
    """The staging folders of the default output, by name (once the output a build
    replaced is removed: ivsite.write.staging.remove_later)."""
    staging.wait_for_removals()
    return sorted(p.name for p in root.iterdir() if p.name.startswith("._site."))


def modes_while_auditing(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Build ``root``; the mode of every staging folder beside the output (and of
    the build's folder) each time the audit looks at the written site."""
    seen: list[tuple[str, int]] = []

    def look(folder: Path | None = None) -> None:
        for p in root.iterdir():
            if p.name.startswith("._site."):
                seen.append((p.name, p.stat().st_mode & 0o777))
        if folder is not None:
            seen.append((folder.name, folder.stat().st_mode & 0o777))

    early, late = writers.audit_staged, writers.audit_checks

    def audit_staged(pipe: Any, staged: Staged, checks: Any) -> Any:
        look()
        return early(pipe, staged, checks)

    def audit_checks(pipe: Any, folder: Path, *args: Any, **kwargs: Any) -> Any:
        look(folder)
        return late(pipe, folder, *args, **kwargs)

    monkeypatch.setattr(writers, "audit_staged", audit_staged)
    monkeypatch.setattr(writers, "audit_checks", audit_checks)
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.stderr
    return seen


def test_the_staged_site_is_private_until_the_audit_passed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = sharing_site(tmp_path / "s")
    seen = modes_while_auditing(root, monkeypatch)
    names = {name for name, _ in seen}
    assert any(".ivsite-layer-" in n for n in names)  # the mentor copy's own folder
    assert any(n.startswith("._site.ivsite-") and "layer" not in n for n in names)
    assert all(mode == 0o700 for _, mode in seen), seen
    # swapped in: readable by the web server, the mentor copy too; nothing left beside
    out = root / "_site"
    assert out.stat().st_mode & 0o777 == 0o755
    [token] = [p for p in (out / "share").iterdir() if p.is_dir()]
    assert token.stat().st_mode & 0o777 == 0o755
    assert beside(root) == []


def test_staged_folders_made_readable_at_once_are_seen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection off (folders published when made, as before): the test sees it."""
    made = staging.make

    def readable_at_once(out: Path, kind: str) -> staging.Held:
        held = made(out, kind)
        staging.publish(held.path)
        return held

    monkeypatch.setattr(staging, "make", readable_at_once)
    seen = modes_while_auditing(sharing_site(tmp_path / "s"), monkeypatch)
    assert any(mode & 0o055 for _, mode in seen), seen


OURS = ["._site.ivsite-ab12cd34", "._site.ivsite-layer-zz_9aa00", "._site.ivsite-old-q1w2e3r4",
        "._site.layer-abcdefgh", "._site.old-00000000"]  # the last two: earlier versions' names
NOT_OURS = ["._site.ivsite-ab12cd345", "._site.ivsite-AB12CD34", "._site.ivsite-ab12cd3",
            "._site2.ivsite-ab12cd34", "_site.ivsite-ab12cd34", "._site.ivsite-ab12cd34.bak",
            "._site.other-ab12cd34", ".x._site.ivsite-ab12cd34"]


def leftovers(parent: Path) -> None:
    for name in OURS + NOT_OURS:
        (parent / name / "pages").mkdir(parents=True)
        (parent / name / "pages/notes.txt").write_text(SECRET)
    (parent / "._site.ivsite-f11e0000").write_text("a file, not a folder")
    target = parent / "kept-target"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    (parent / "._site.ivsite-11nk0000").symlink_to(target)


def build_once(out: Path) -> None:
    staged = Staged.write([Layer("", OutputPlan(files={"index.html": b"hi"}, assets={})),
                           Layer("share/t/", OutputPlan(files={"index.html": b"m"}, assets={}))],
                          out, AssetStore(out.parent))
    staged.finish()
    staged.swap_in(out)


def test_a_build_removes_what_a_killed_build_left_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    leftovers(tmp_path)
    live = staging.make(out, staging.STAGE)  # a build running beside this one
    build_once(out)
    left = {p.name for p in tmp_path.iterdir()}
    assert not left & set(OURS)
    assert set(NOT_OURS) <= left
    assert {"._site.ivsite-f11e0000", "._site.ivsite-11nk0000", live.path.name} <= left
    assert (tmp_path / "kept-target/keep.txt").read_text() == "mine"
    assert (out / MARKER).is_file() and (out / "share/t/index.html").read_bytes() == b"m"
    live.release()  # that build was killed: the next one removes its folder
    build_once(out)
    assert not live.path.exists()


def test_without_the_clean_up_a_killed_builds_folder_stays(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staging, "remove_leftovers", lambda out: [])
    out = tmp_path / "_site"
    leftovers(tmp_path)
    build_once(out)
    assert (tmp_path / OURS[0] / "pages/notes.txt").read_text() == SECRET


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("protected", [True, False])
def test_inits_gitignore_keeps_staging_folders_out_of_git(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, protected: bool) -> None:
    if not protected:  # init as before: no line for the staging folders
        monkeypatch.setattr(staging, "GITIGNORE", "_site/")
    root = tmp_path / "s"
    assert init_site(root) == ""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    staged = ["._site.ivsite-ab12cd34/x.html", "._site-mentor.ivsite-layer-ab12cd34/x.html",
              ".www.ivsite-old-ab12cd34/x.html"]
    others = [".notes.txt", ".my.ivsite-notes.md", "content/.a.ivsite-b.md"]
    for rel in staged + others:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x")
    check = subprocess.run(["git", "-C", str(root), "check-ignore", *staged, *others],
                           capture_output=True, text=True)
    ignored = set(check.stdout.split())
    assert ignored.isdisjoint(others)
    assert (ignored == set(staged)) is protected, check.stdout


CHILD = """
import sys, time
from ivsite.pipeline import build, writers
audit = sys.argv[1]
real = getattr(writers, audit)
def slow(*args, **kwargs):
    print("auditing", flush=True)
    time.sleep(60)
    return real(*args, **kwargs)
setattr(writers, audit, slow)
import ivsite.commands.cli
if sys.argv[2] == "unprotected":
    ivsite.commands.cli.stop_like_ctrl_c = lambda: None
sys.argv[1:] = ["build"]
ivsite.commands.cli.main()
"""
EARLY, LATE = "audit_staged", "audit_checks"
"""The audit of pages as they are written (the mentor copy still in a folder of its
own beside the output), and the last one (every layer in the build's folder)."""


def stopped_while_auditing(root: Path, sig: int, audit: str = EARLY,
                           protected: bool = True) -> int:
    """``ivsite build`` in a process of its own, sent ``sig`` while ``audit`` reads
    the staged site; its exit status."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, audit,
                             "protected" if protected else "unprotected"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "auditing\n"
        assert beside(root), "the build is staged beside the output"
        proc.send_signal(sig)
        return proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("audit", [EARLY, LATE])
def test_sigterm_cleans_up_as_ctrl_c_does(tmp_path: Path, audit: str) -> None:
    root = sharing_site(tmp_path / "s")
    assert stopped_while_auditing(root, signal.SIGTERM, audit) == 128 + signal.SIGTERM
    assert beside(root) == [] and not (root / "_site").exists()


def test_without_the_handler_sigterm_leaves_the_staged_site(tmp_path: Path) -> None:
    root = sharing_site(tmp_path / "s")
    assert stopped_while_auditing(root, signal.SIGTERM, LATE, protected=False) == -signal.SIGTERM
    assert beside(root)


def test_what_sigkill_leaves_the_next_build_removes(tmp_path: Path) -> None:
    root = sharing_site(tmp_path / "s")
    # Late, when the search indexer is done: a killed build's indexer goes on
    # writing into its folder for a moment, which a build started at once races.
    assert stopped_while_auditing(root, signal.SIGKILL, LATE) == -signal.SIGKILL
    [left] = beside(root)
    assert (root / left).stat().st_mode & 0o777 == 0o700
    assert list((root / left / "share").glob("*/index.html"))  # the mentor copy too
    assert run_cli(root, "build").exit_code == 0
    assert beside(root) == [] and (root / "_site" / MARKER).is_file()
    assert os.stat(root / "_site").st_mode & 0o777 == 0o755


def test_the_replaced_output_is_closed_at_once_and_removed_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The output a build replaces may hold pages since made private, and sits
    beside the new one: it is made unreadable to others before the new output
    goes in, removed in a process the build does not wait for, and a removal
    that never ran is finished by the next build."""
    root = write_site(tmp_path / "s", {"content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})
    assert run_cli(root, "build").exit_code == 0
    handed: list[tuple[Path, int]] = []
    monkeypatch.setattr(staging, "remove_later",
                        lambda old: handed.append((old, old.stat().st_mode & 0o777)))
    page = root / "content" / "pages" / "index.md"
    page.write_text(page.read_text("utf-8") + "Again.\n", "utf-8")
    assert build(root).status == 0
    assert handed and all(mode == 0o700 for _, mode in handed), handed
    assert all(old.is_dir() for old, _ in handed)  # not removed: the remover never ran
    monkeypatch.undo()
    page.write_text(page.read_text("utf-8") + "And again.\n", "utf-8")
    assert build(root).status == 0  # removes what an earlier build left
    staging.wait_for_removals()
    assert beside(root) == []
    assert not any(old.exists() for old, _ in handed)
