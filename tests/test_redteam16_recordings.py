"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-02: a ``recording_file``
that names no file.

Every recording protection starts from the file ``recording_file`` names, so a
value that names none (the recorder saved ``.mp4``, named the file itself, a
typo, an Obsidian link to an old name) left the real recording an ordinary
file, published when a page linked it; and a public interview could embed its
own recorder's file. Now such a value is an error (``recording-missing``, with
the sound and video files nearest the name as a did-you-mean), a sound or
video file an interview links is its recording (``recording-link`` where the
view is not private), and the audit, while a ``recording_file`` names no file,
holds every sound or video file a recording (ivsite.validate.recordings).

Each: refused by the filter, by the audit alone, published with both off; an
Obsidian link that does name the file, and a site's own public audio, still build.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unit_helpers import prepare, write_site

import ivsite.pipeline.checks
import ivsite.validate.stage
from ivsite.names import people
from ivsite.pipeline import build

RECORDING = random.Random(16).randbytes(40000)
TALK = "content/interviews/2026-03-01-zenthor.md"

# label: (recording_file, where the recording is under content/, the page's body,
#         the interview's own body (then the interview is public))
CASES: dict[str, tuple[str, str, str, str]] = {
    "wrong-extension": ("../audio/qz-call.m4a", "audio/qz-call.mp4",
                        "[Audio](../audio/qz-call.mp4)", ""),
    "planned-name": ("../audio/qz-call.m4a", "attachments/Recording 20260301101500.webm",
                     "![[Recording 20260301101500.webm]]", ""),
    "obsidian-link-old-name": ("[[2026-03-01 qz call.webm]]",
                               "attachments/2026-03-01 qz call.m4a",
                               "![[2026-03-01 qz call.m4a]]", ""),
    "typo": ("../recordngs/qz-cal.m4a", "recordings/qz-call.m4a",
             "[Listen](../recordings/qz-call.m4a)", ""),
    "own-note-embed": ("../audio/qz-call.m4a", "attachments/Recording 20260301101500.webm",
                       "Nothing here.", "![[Recording 20260301101500.webm]]"),
}


def _site(root: Path, value: str, recording: str, page: str, own: str = "") -> Path:
    visibility = "public" if own else "private"
    talk = (f"---\ndate: 2026-03-01\nperson:\n  name: Quentin Zabrowski\n  company: Zenthor\n"
            f"alias: a data lead at a software firm\nconsent:\n  publish_name: false\n"
            f"  recording: true\nrecording_file: \"{value}\"\nstatus: done\n"
            f"visibility: {visibility}\n---\n\nTalked about dashboards.\n\n{own}\n")
    return write_site(root, {
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        TALK: talk,
        f"content/{recording}": RECORDING,
        "content/pages/media.md": f"---\ntitle: Media\n---\n\nThings I made.\n\n{page}\n",
    })


def _published(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and p.read_bytes() == RECORDING)


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.validate.stage, "report_missing", lambda *args: None)
    monkeypatch.setattr(ivsite.validate.stage, "recording_files", lambda notes, assets: {})
    # (nor a file held as one by the name recording_file gives, R17-01)
    monkeypatch.setattr(ivsite.validate.stage, "recording_namesakes", lambda *args: {})
    # (and its path not looked for as a withheld detail: R15-04's check)
    monkeypatch.setattr(people, "recording_pieces", lambda value: [])


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses_a_recording_file_that_names_no_file(
        tmp_path: Path, case: str) -> None:
    result = build(_site(tmp_path / "s", *CASES[case]), out=tmp_path / "out")
    assert result.status == 1
    said = [(d.path, d.code, d.line) for d in result.diagnostics]
    assert (TALK, "recording-missing", 10) in said, said
    if case == "own-note-embed":
        assert (TALK, "recording-link", 17) in said, said
    assert not (tmp_path / "out").exists()


def test_the_hint_names_the_nearest_sound_or_video_file(tmp_path: Path) -> None:
    p = prepare(_site(tmp_path / "s", *CASES["wrong-extension"]))
    [d] = [d for d in p.diags if d.code == "recording-missing"]
    assert d.severity == "error" and "'../audio/qz-call.mp4'" in d.hint, d.text()
    p = prepare(_site(tmp_path / "t", *CASES["planned-name"]))
    [d] = [d for d in p.diags if d.code == "recording-missing"]
    assert "Recording 20260301101500.webm" in d.hint, d.text()


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses_the_recording(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    _filter_off(monkeypatch)
    result = build(_site(tmp_path / "s", *CASES[case]), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    where = f"content/{CASES[case][1]}"
    assert any(h.secret.source == where for h in result.hits), \
        [h.text() for h in result.hits] + [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", sorted(CASES))
def test_with_the_protection_off_the_recording_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(ivsite.pipeline.checks, "unplaced_recordings", lambda *args: set())
    monkeypatch.setattr(ivsite.pipeline.checks, "recording_files", lambda *args: {})
    monkeypatch.setattr(ivsite.pipeline.checks, "recording_namesakes", lambda *args: {})
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", *CASES[case]), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert _published(out), case


_NAME = st.text(string.ascii_lowercase + string.digits + " -_", min_size=1, max_size=12) \
    .map(str.strip).filter(bool)
_SUFFIX = st.sampled_from([".m4a", ".mp4", ".webm", ".wav", ".mp3", ".ogg", ".dss", ".mov"])


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written=_NAME, written_suffix=_SUFFIX, real=_NAME, real_suffix=_SUFFIX,
       folder=st.sampled_from(["audio", "attachments", "recordings", "interviews"]),
       obsidian=st.booleans())
def test_any_name_that_is_not_the_file_is_an_error(
        tmp_path_factory: pytest.TempPathFactory, written: str, written_suffix: str,
        real: str, real_suffix: str, folder: str, obsidian: bool) -> None:
    """Whatever is written and whatever the recorder saved: either the value names
    the file, and it is a recording, or it does not, and the build is refused."""
    value = f"[[{written}{written_suffix}]]" if obsidian else \
        f"../audio/{written}{written_suffix}"
    rel = f"{folder}/{real}{real_suffix}"
    p = prepare(_site(tmp_path_factory.mktemp("s"), value, rel, ""))
    names = (written + written_suffix == real + real_suffix
             and (obsidian or folder == "audio"))
    missing = [d for d in p.diags if d.code == "recording-missing"]
    if names:
        assert not missing and f"content/{rel}" in p.valid.recordings
    else:
        assert missing and missing[0].severity == "error", [d.text() for d in p.diags]


def test_an_obsidian_link_that_names_the_file_is_its_recording(tmp_path: Path) -> None:
    root = _site(tmp_path / "s", "[[2026-03-01 qz call.m4a]]",
                 "attachments/2026-03-01 qz call.m4a", "![[2026-03-01 qz call.m4a]]")
    result = build(root, out=tmp_path / "out")
    said = [(d.path, d.code) for d in result.diagnostics]
    assert ("content/pages/media.md", "recording-link") in said, said
    assert not any(c == "recording-missing" for _, c in said), said


def test_ordinary_sound_files_and_a_recording_that_is_there_still_build(
        tmp_path: Path) -> None:
    """A page's own podcast episode, and an interview whose recording is where it
    says: no refusal, the recording not copied, the episode published."""
    root = _site(tmp_path / "s", "../audio/qz-call.m4a", "audio/qz-call.m4a",
                 "My own episode: [listen](../media/episode-1.mp3)")
    (root / "content/media").mkdir()
    (root / "content/media/episode-1.mp3").write_bytes(b"ID3 my own podcast episode")
    out = tmp_path / "out"
    result = build(root, out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not [d for d in result.diagnostics if d.code.startswith("recording")]
    assert (out / "media/episode-1.mp3").exists() and _published(out) == []


def test_a_deleted_recording_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    root = _site(tmp_path / "s", "../audio/qz-call.m4a", "audio/qz-call.m4a", "")
    (root / "content/audio/qz-call.m4a").unlink()
    p = prepare(root)
    [d] = [d for d in p.diags if d.code == "recording-missing"]
    assert "take recording_file out" in d.hint and "did you mean" not in d.hint, d.text()
