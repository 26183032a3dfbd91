"""Red team 18, R18-B01: the last build's record (ivsite.incremental.last_build)
knew the files load skips (a text file outside content/, a hidden or backup file
beside the notes, a vault's unmapped Markdown, a ``.pages`` or ``.meta.yml``) by
name alone. A person record pasted into one after a build, or a folder's settings
edited to hide it, left the old output standing with exit 0, while a cold build
refused. The record now knows each such file by its status (and, when it changed
just now, its bytes: ivsite.load.unhashed), and by what load said of the files
(the writer's inputs). Either alone makes the rebuild refuse as a cold build
does; with both off, the old output stands: the tests can fail.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from sites import output_files, write_site

from ivsite.load import outside, stage, unhashed
from ivsite.pipeline import Result, build, driver, writers

REC = ("---\nperson:\n  name: Jane Doe\n  email: jane@acme.example\nconsent:\n"
       "  publish_name: false\n---\nNotes from our call.\n")
ABOUT = ({"title": "About"}, "Last week I had coffee with Jane Doe from Acme Corp.\n")
SALARY = ({"title": "Salary talks"}, "SALARYCANARY what they told me about pay.\n")
VAULT = ('title = "Career notes"\nauthor = "Maya Okafor"\nbase_url = "https://example.org/"\n'
         '[content]\n"People/Interviews" = "interviews"\n"Pages" = "pages"\n')
CASES: dict[str, tuple[str, str, str, str, str]] = {
    # case: (file, before, after, code of the refusal, canary of the old output)
    "outside content/": ("old/jane.md", "todo: write up\n", REC, "misplaced-person", "Jane Doe"),
    "interviews/ beside content/": ("interviews/jane.md", "todo\n", REC, "misplaced-person",
                                    "Jane Doe"),
    "a text file at the top": ("notes.txt", "todo: write up\n", REC, "misplaced-person",
                               "Jane Doe"),
    "a hidden file": ("content/interviews/.jane.md", "todo\n", REC, "misplaced-person",
                      "Jane Doe"),
    "a backup": ("content/interviews/jane.md~", "todo\n", REC, "misplaced-person", "Jane Doe"),
    "a vault's daily note": ("Daily/2026-03-01.md", "met someone at the fair\n", REC,
                             "misplaced-person", "Jane Doe"),
    ".pages hide": ("content/pages/salary/.pages", "title: Salary\n", "hide: true\n",
                    "privacy-key", "SALARYCANARY"),
    ".meta.yml private": ("content/pages/salary/.meta.yml", "title: Salary\n",
                          "visibility: private\n", "privacy-key", "SALARYCANARY"),
    "same size": ("content/pages/salary/.pages", "hide: no\n", "hide: on\n",
                  "privacy-key", "SALARYCANARY"),
}


def _site(root: Path, case: str) -> Path:
    rel, before, _, _, _ = CASES[case]
    if rel.startswith("Daily/"):
        site = write_site(root, {}, VAULT, extra={
            "Pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "Pages/about.md": "---\ntitle: About\n---\n" + ABOUT[1]})
        shutil.rmtree(site / "content")
    else:
        site = write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                 "pages/about.md": ABOUT, "pages/salary/notes.md": SALARY})
    (site / rel).parent.mkdir(parents=True, exist_ok=True)
    (site / rel).write_text(before, "utf-8")
    return site


def _edit(site: Path, case: str) -> None:
    rel, before, after, _, _ = CASES[case]
    path = site / rel
    st = path.stat()
    path.write_text(after, "utf-8")
    if len(after) == len(before):  # as if in the same clock tick: only the bytes differ
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _errors(result: Result) -> set[tuple[str, str]]:
    return {(d.path, d.code) for d in result.diagnostics if d.severity == "error"}


def _cold(site: Path, tmp: Path) -> Result:
    copy = tmp / "cold"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".ivsite", "_site"))
    return build(copy, out=tmp / "cold-out")


def _rebuild(site: Path, out: Path, case: str) -> Result:
    assert build(site, out=out).status == driver.EXIT_OK
    _edit(site, case)
    return build(site, out=out)


def _keys_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The record knows a skipped file by its name alone, as before the fix."""
    monkeypatch.setattr(stage, "file_key", lambda path, now: "")
    monkeypatch.setattr(outside, "file_key", lambda path, now: "")


def _said_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """What load said of the files is not in the record's inputs."""
    monkeypatch.setattr(writers, "as_plain", lambda found: ())


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_record_knows_a_skipped_file_by_its_status(
        case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _said_off(monkeypatch)
    site, out = _site(tmp_path / "site", case), tmp_path / "out"
    result = _rebuild(site, out, case)
    rel, _, _, code, _ = CASES[case]
    assert result.status == driver.EXIT_CONTENT
    assert (rel, code) in _errors(result)
    cold = _cold(site, tmp_path)
    assert (cold.status, _errors(cold)) == (result.status, _errors(result))


@pytest.mark.parametrize("case", sorted(CASES))
def test_what_load_said_is_in_the_record_on_its_own(
        case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _keys_off(monkeypatch)
    site, out = _site(tmp_path / "site", case), tmp_path / "out"
    result = _rebuild(site, out, case)
    rel, _, _, code, _ = CASES[case]
    assert result.status == driver.EXIT_CONTENT
    assert (rel, code) in _errors(result)


@pytest.mark.parametrize("case", sorted(CASES))
def test_with_both_off_the_old_output_stands(
        case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _keys_off(monkeypatch)
    _said_off(monkeypatch)
    site, out = _site(tmp_path / "site", case), tmp_path / "out"
    assert _rebuild(site, out, case).status == driver.EXIT_OK
    canary = CASES[case][4].encode()
    assert any(canary in data for data in output_files(out).values())


PEOPLE = "People/contact.md"
PEOPLE_BEFORE = "---\ncontact_name: Ada Brightwater\nemail: ada@brightwater.example\n---\n"
PEOPLE_AFTER = "---\ncontact_name: Sam Okonkwo\nemail: sam@okonkwo.example\n---\n"


def _people_vault(root: Path) -> Path:
    """A vault's own people note (a warning, which the audit withholds from), and a
    public page that names someone not in it yet."""
    site = write_site(root, {}, VAULT, extra={
        "Pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "Pages/about.md": "---\ntitle: About\n---\nCoffee with Sam Okonkwo last week.\n",
        PEOPLE: PEOPLE_BEFORE})
    shutil.rmtree(site / "content")
    return site


def test_a_name_added_to_a_people_note_is_withheld_by_the_record_of_its_status(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Load says the same warning before and after: only the file's status tells."""
    _said_off(monkeypatch)
    site, out = _people_vault(tmp_path / "site"), tmp_path / "out"
    assert build(site, out=out).status == driver.EXIT_OK
    (site / PEOPLE).write_text(PEOPLE_AFTER, "utf-8")
    result = build(site, out=out)
    assert result.status == driver.EXIT_CONTENT
    assert PEOPLE in {h.secret.source for h in result.hits}
    assert _cold(site, tmp_path).status == driver.EXIT_CONTENT


def test_a_name_added_to_a_people_note_with_the_status_off_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _keys_off(monkeypatch)
    site, out = _people_vault(tmp_path / "site"), tmp_path / "out"
    assert build(site, out=out).status == driver.EXIT_OK
    (site / PEOPLE).write_text(PEOPLE_AFTER, "utf-8")
    assert build(site, out=out).status == driver.EXIT_OK
    assert any(b"Sam Okonkwo" in data for data in output_files(out).values())


def test_a_file_changed_just_now_is_known_by_its_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two writes in one clock tick leave the same status: the bytes tell them apart.
    An old file is known by its status alone (not read: a build that changed
    nothing stays fast); a write moves its change time, which nothing sets back."""
    path = tmp_path / ".pages"
    path.write_text("hide: no\n", "utf-8")
    st = os.stat(path, follow_symlinks=False)
    now = max(st.st_mtime_ns, st.st_ctime_ns)
    first = unhashed.file_key(path, now)
    assert first.endswith(hashlib.sha256(b"hide: no\n").hexdigest())
    path.write_text("hide: on\n", "utf-8")
    monkeypatch.setattr(unhashed.os, "stat", lambda *a, **kw: st)  # the same status
    assert unhashed.file_key(path, now) != first
    later = now + 2 * unhashed.RECENT_NS
    assert unhashed.file_key(path, later) == unhashed.file_key(path, later + 1)
    assert ":" + hashlib.sha256(b"hide: on\n").hexdigest() not in \
        unhashed.file_key(path, later)


@pytest.mark.parametrize("case", [".pages hide", "a vault's daily note"])
def test_a_site_with_skipped_files_is_answered_by_the_record_when_nothing_changed(
        case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ordinary files beside the notes (a README, a to-do list, a folder's title in
    .pages, a vault's daily note) build, and a build that changed nothing makes
    nothing. (Files written just now are known by their bytes on both builds; so
    that a slow machine does not cross that line between them, none is "just now".)"""
    monkeypatch.setattr(unhashed, "RECENT_NS", 0)
    site = _site(tmp_path / "site", case)
    (site / "README.md").write_text("# My career notes\nBuilt with ivsite.\n", "utf-8")
    (site / "todo.txt").write_text("- ask about the salary bands\n", "utf-8")
    (site / ".notes.md").write_text("scratch\n", "utf-8")
    out = tmp_path / "out"
    first = build(site, out=out)
    assert first.status == driver.EXIT_OK, [d.text() for d in first.diagnostics]

    def made(*args: object) -> Result:
        raise AssertionError("the site was made again")

    monkeypatch.setattr(driver, "_run", made)
    again = build(site, out=out)
    assert again.status == driver.EXIT_OK
    assert [d.text() for d in again.diagnostics] == [d.text() for d in first.diagnostics]


SETTINGS = "content/pages/salary/_metadata.yml"


def _same_status_edit(tmp_path: Path) -> tuple[Path, Path]:
    """A built site whose folder settings file (an asset, known by its bytes' hash)
    is then rewritten with as many bytes and its old modification time."""
    site = _site(tmp_path / "site", ".pages hide")
    (site / SETTINGS).write_text("visibility: public\n", "utf-8")
    out = tmp_path / "out"
    assert build(site, out=out).status == driver.EXIT_OK
    st = (site / SETTINGS).stat()
    (site / SETTINGS).write_text("visibility: mentor\n", "utf-8")
    os.utime(site / SETTINGS, ns=(st.st_atime_ns, st.st_mtime_ns))
    return site, out


def test_an_asset_rewritten_in_one_process_with_the_same_size_and_time_is_hashed_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hashes load keeps in a process (the preview's, or two builds by the API)
    are known by the file's change time and inode too, not its size and
    modification time alone, which ``cp -p`` or unzip set back."""
    _said_off(monkeypatch)
    site, out = _same_status_edit(tmp_path)
    result = build(site, out=out)
    assert (SETTINGS, "privacy-key") in _errors(result)
    assert result.status == _cold(site, tmp_path).status == driver.EXIT_CONTENT


def test_an_asset_hash_kept_by_size_and_time_alone_leaves_the_old_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _said_off(monkeypatch)
    real, kept = stage.file_digest, {}

    def by_size_and_time(path: Path, st: os.stat_result) -> object:
        key = (str(path), st.st_size, st.st_mtime_ns)
        if key not in kept:
            kept[key] = real(path, st)
        return kept[key]

    monkeypatch.setattr(stage, "file_digest", by_size_and_time)
    site, out = _same_status_edit(tmp_path)
    assert build(site, out=out).status == driver.EXIT_OK
    assert any(b"SALARYCANARY" in data for data in output_files(out).values())
