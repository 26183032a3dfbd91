"""Issue 9, class 8: recording files are never copied to any output.

However a visible note reaches a recording (the path in an interview's
``recording_file``, another path to the same file, a link inside content/, or a
copy with the same bytes), the link is an error at its line and the file is not
published. Then the audit alone: with validation's handling switched off, the
build's own audit still finds the recording in the output by hash and fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import prepare, run_in, write_site

import ivsite.names.people
import ivsite.validate.stage
from ivsite.core.diagnostics import Diagnostics
from ivsite.pipeline import EXIT_CONTENT, Pipeline, build

RECORDING = b"RIFF-recording-canary-" + bytes(range(256)) * 8
INTERVIEW = "content/interviews/2026-01-02-acme.md"


def interview(visibility: str, body: str = "Notes.\n") -> str:
    return ("---\ndate: 2026-01-02\nvisibility: " + visibility + "\nperson:\n  name: Jo Bloggs\n"
            "alias: an analyst\nrecording_file: ../audio/rec.m4a\n---\n" + body)


def site(tmp_path: Path, files: dict[str, str | bytes], *, share: bool = False) -> Path:
    toml = 'title = "T"\n' + ("[share]\nenabled = true\n" if share else "")
    return write_site(tmp_path / "site", {
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/audio/rec.m4a": RECORDING,
        **files,
    }, toml)


def holds_recording(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and p.read_bytes() == RECORDING]


HREFS = {
    "path": "../audio/rec.m4a",
    "dot-segments": "../interviews/../audio/./rec.m4a",
    "escaped": "..%2Faudio%2Frec.m4a",
    "fragment": "../audio/rec.m4a#t=10",
    "copy": "../audio/copy-of-rec.m4a",
    "other-name": "../media/renamed.bin",
    "symlink": "../media/link.m4a",
}


@pytest.mark.parametrize("kind", ["link", "image"])
@pytest.mark.parametrize("how", sorted(HREFS))
@pytest.mark.parametrize("where", ["own-note", "other-page"])
def test_a_visible_link_to_a_recording_is_an_error_at_its_line(
        tmp_path: Path, kind: str, how: str, where: str) -> None:
    href = HREFS[how]
    link = f"[listen]({href})" if kind == "link" else f"![listen]({href})"
    if where == "own-note":
        files: dict[str, str | bytes] = {INTERVIEW: interview("public", f"Notes.\n\n{link}\n")}
        path, line = INTERVIEW, 11
    else:  # a public page links the recording of a private interview
        files = {INTERVIEW: interview("private"),
                 "content/pages/about.md": f"---\ntitle: About\n---\nMe.\n\n{link}\n"}
        path, line = "content/pages/about.md", 6
        href = href.replace("../interviews/", "../pages/")
    files["content/audio/copy-of-rec.m4a"] = RECORDING
    files["content/media/renamed.bin"] = RECORDING
    root = site(tmp_path, files)
    (root / "content/media/link.m4a").symlink_to(root / "content/audio/rec.m4a")
    prep = prepare(root)
    found = [(d.path, d.line, d.code) for d in prep.diags if d.severity == "error"]
    assert found == [(path, line, "recording-link")], [d.text() for d in prep.diags]
    assert not {"content/audio/rec.m4a", "content/audio/copy-of-rec.m4a",
                "content/media/renamed.bin", "content/media/link.m4a"} & set(prep.valid.assets)
    r = run_in(root, "build")
    assert r.exit_code == 1, r.output
    assert "error[recording-link]" in r.stderr
    assert not (root / "_site").exists()


def test_a_private_note_may_link_its_recording_and_it_is_still_not_copied(
        tmp_path: Path) -> None:
    root = site(tmp_path, {INTERVIEW: interview("private", "[listen](../audio/rec.m4a)\n")},
                share=True)
    r = run_in(root, "build")
    assert r.exit_code == 0, r.output
    assert holds_recording(root / "_site") == []


@pytest.mark.parametrize("passage", ["private", "mentor"])
def test_a_private_passage_may_link_the_recording_a_mentor_one_may_not(
        tmp_path: Path, passage: str) -> None:
    body = f"Public notes.\n\n::: {passage}\n[listen](../audio/rec.m4a)\n:::\n"
    root = site(tmp_path, {INTERVIEW: interview("public", body)}, share=True)
    r = run_in(root, "build")
    if passage == "private":
        assert r.exit_code == 0, r.output
        assert holds_recording(root / "_site") == []
    else:
        assert r.exit_code == 1 and "error[recording-link]" in r.stderr


def test_an_unlinked_recording_is_not_copied_to_any_view(tmp_path: Path) -> None:
    root = site(tmp_path, {INTERVIEW: interview("public")}, share=True)
    assert run_in(root, "build").exit_code == 0
    assert run_in(root, "build", "--audience", "mentor", "--out", "_mentor").exit_code == 0
    assert holds_recording(root / "_site") == holds_recording(root / "_mentor") == []


@pytest.mark.parametrize("audience", ["public", "mentor"])
def test_audit_alone_fails_a_recording_copied_anyway(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, audience: str) -> None:
    """Validation's handling switched off (the recording stays a linkable file): the
    link is published with the file, and the build's own audit fails it by hash."""
    monkeypatch.setattr(ivsite.validate.stage, "recording_files", lambda notes, assets: {})
    # (nor a file held as one by the name recording_file gives, R17-01)
    monkeypatch.setattr(ivsite.validate.stage, "recording_namesakes", lambda *args: {})
    # (and its path not looked for as a withheld detail: R15-04's check would refuse
    # the link's address first)
    monkeypatch.setattr(ivsite.names.people, "recording_pieces", lambda value: [])
    root = site(tmp_path, {
        INTERVIEW: interview("mentor", "[listen](../audio/rec.m4a)\n"),
        "content/pages/about.md": "---\ntitle: About\n---\n[a copy](../media/copy.m4a)\n",
        "content/media/copy.m4a": RECORDING,
    })
    out = tmp_path / "out"
    result = build(root, audience=audience, out=out)  # type: ignore[arg-type]
    assert result.status == EXIT_CONTENT, [d.text() for d in result.diagnostics]
    audit = [d for d in result.diagnostics if d.code == "audit"]
    assert audit and all("withheld file" in d.message for d in audit), \
        [d.text() for d in result.diagnostics]
    assert {d.path for d in audit} <= {"content/audio/rec.m4a", "content/media/copy.m4a"}
    assert not out.exists()


def test_audit_command_finds_a_planted_recording(tmp_path: Path) -> None:
    root = site(tmp_path, {INTERVIEW: interview("public")})
    assert run_in(root, "build").exit_code == 0
    (root / "_site" / "song.mp3").write_bytes(RECORDING)
    r = run_in(root, "audit", "_site")
    assert r.exit_code == 1, r.output
    assert "song.mp3" in r.output + r.stderr


# The live preview patches the last validation for a few changed notes: a save that
# adds a link to a recording, or makes a linked file a recording, is caught there too.


def _codes(pipe: Pipeline, changed: set[str] | None) -> list[tuple[str, int, str]]:
    diags = Diagnostics()
    assert pipe.prepare(diags, changed) is not None
    return sorted((d.path, d.line, d.code) for d in diags if d.severity == "error")


@pytest.mark.parametrize("save", ["link-added", "recording-named"])
def test_the_preview_finds_what_a_full_check_finds(tmp_path: Path, save: str) -> None:
    root = site(tmp_path, {
        INTERVIEW: interview("private"),
        "content/pages/about.md": "---\ntitle: About\n---\nMe.\n\n[a file](../media/f.bin)\n",
        "content/media/f.bin": b"an ordinary file",
    })
    kept = Pipeline(root, persist_cache=False)
    assert _codes(kept, None) == []
    if save == "link-added":
        changed = "content/pages/about.md"
        (root / changed).write_text("---\ntitle: About\n---\nMe, [listen](../audio/rec.m4a)\n")
        want = [(changed, 4, "recording-link")]
    else:
        changed = INTERVIEW
        (root / changed).write_text(interview("private").replace("../audio/rec.m4a",
                                                                 "../media/f.bin"))
        want = [("content/pages/about.md", 6, "recording-link")]
    assert _codes(kept, {changed}) == want
    assert _codes(Pipeline(root, persist_cache=False), None) == want
