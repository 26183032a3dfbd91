"""Red team 17 (docs/redteam/2026-12-02-seventeenth.md), R17-01: the recording
kept in another format too.

A private interview's ``recording_file`` names the recorder's ``call-0105.m4a``;
the author also keeps ``call-0105.mp3`` exported to share it (or ``.wav``,
``.ogg``, a transcript, subtitles), in the same folder or elsewhere under
content/. That file shares no bytes with the recording, so every recording
check passed it and a public page that linked it published it with exit 0. Now
a sound, video, transcript or subtitle file whose stem is a recording's (case,
separators and a copy's mark aside) is held as that recording: a link to it is
``recording-sibling`` and it is never copied (ivsite.validate.namesakes), and
the audit holds it withheld on its own (ivsite.pipeline.checks).

Each case: refused by the filter, by the audit alone, published with both off;
and sound files with other names, and an interview linking its own transcript
privately, still build.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sites import run_cli
from unit_helpers import write_site

import ivsite.pipeline.checks
import ivsite.validate.stage
from ivsite.pipeline import build
from ivsite.validate.namesakes import name_key

RECORDING = random.Random(1701).randbytes(40000)
EXPORT = random.Random(1702).randbytes(40000)
"""The export: a recording encoded again shares no bytes with it."""
TRANSCRIPT = b"WEBVTT\n\n00:00.000 --> 00:05.000\nWe talked about dashboards and hiring.\n"
TALK = "content/interviews/2026-01-05-call.md"
PAGE = "content/pages/media.md"

# label: (the file kept besides the recording, its bytes, the public page's body)
CASES: dict[str, tuple[str, bytes, str]] = {
    "same-folder-mp3": ("audio/call-0105.mp3", EXPORT, "[the call](../audio/call-0105.mp3)"),
    "same-folder-wav": ("audio/call-0105.wav", EXPORT, "[the call](../audio/call-0105.wav)"),
    "other-folder-ogg": ("files/call-0105.ogg", EXPORT, "[the call](../files/call-0105.ogg)"),
    "case-and-separators": ("exports/Call_0105.MP3", EXPORT,
                            "[the call](../exports/Call_0105.MP3)"),
    "copy-mark": ("audio/call-0105 (1).mp3", EXPORT, "[the call](<../audio/call-0105 (1).mp3>)"),
    "obsidian-embed": ("attachments/call-0105.webm", EXPORT, "![[call-0105.webm]]"),
    "image-syntax": ("audio/call-0105.opus", EXPORT, "![the call](../audio/call-0105.opus)"),
    "transcript": ("transcripts/call-0105.txt", TRANSCRIPT,
                   "[what was said](../transcripts/call-0105.txt)"),
    "subtitles": ("audio/call-0105.en.vtt", TRANSCRIPT, "[captions](../audio/call-0105.en.vtt)"),
}


def _site(root: Path, sibling: str, data: bytes, page: str,
          value: str = "../audio/call-0105.m4a") -> Path:
    talk = (f"---\ndate: 2026-01-05\nperson:\n  name: Zorblax Quint\n  company: Glorpco\n"
            f"alias: an analyst\nconsent:\n  publish_name: false\n  recording: true\n"
            f"recording_file: \"{value}\"\nstatus: done\nvisibility: private\n---\n\n"
            "We talked.\n")
    return write_site(root, {
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        TALK: talk,
        "content/audio/call-0105.m4a": RECORDING,
        f"content/{sibling}": data,
        PAGE: f"---\ntitle: Media\n---\n\nThings I made.\n\n{page}\n",
    })


def _published(out: Path, data: bytes) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and p.read_bytes() == data)


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.validate.stage, "recording_namesakes", lambda *args: {})


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses_a_file_that_shares_the_recordings_name(
        tmp_path: Path, case: str) -> None:
    result = build(_site(tmp_path / "s", *CASES[case]), out=tmp_path / "out")
    assert result.status == 1
    said = [d for d in result.diagnostics if d.code == "recording-sibling"]
    assert [(d.path, d.line, d.severity) for d in said] == [(PAGE, 7, "error")], \
        [d.text() for d in result.diagnostics]
    assert "content/audio/call-0105.m4a" in said[0].message and "rename" in said[0].hint
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    _filter_off(monkeypatch)
    sibling = CASES[case][0]
    result = build(_site(tmp_path / "s", *CASES[case]), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.secret.source == f"content/{sibling}" for h in result.hits), \
        [h.text() for h in result.hits] + [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", sorted(CASES))
def test_with_both_off_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(ivsite.pipeline.checks, "recording_namesakes", lambda *args: {})
    out = tmp_path / "out"
    _, data, _ = CASES[case]
    result = build(_site(tmp_path / "s", *CASES[case]), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert _published(out, data), case
    assert _published(out, RECORDING) == []


def test_an_export_of_a_recording_kept_at_a_web_address(tmp_path: Path) -> None:
    """The recording in the cloud, its export in the site: the name written is
    the recording's."""
    root = _site(tmp_path / "s", *CASES["same-folder-mp3"],
                 value="https://drive.example.org/rec/call-0105.m4a")
    (root / "content/audio/call-0105.m4a").unlink()
    result = build(root, out=tmp_path / "out")
    said = [(d.path, d.code) for d in result.diagnostics]
    assert result.status == 1 and (PAGE, "recording-sibling") in said, said


def test_the_audit_command_finds_an_export_planted_in_the_output(tmp_path: Path) -> None:
    """Unlinked, the export is not copied; put in the output by hand under another
    name, ``ivsite audit`` finds it by its hash."""
    root = _site(tmp_path / "s", "audio/call-0105.mp3", EXPORT, "Nothing here.")
    assert run_cli(root, "build").exit_code == 0
    assert _published(root / "_site", EXPORT) == []
    (root / "_site/song.mp3").write_bytes(EXPORT)
    r = run_cli(root, "audit", "_site")
    assert r.exit_code == 1 and "content/audio/call-0105.mp3" in r.stdout + r.stderr, r


@pytest.mark.parametrize("name", ["Call 0105", "call_0105", "CALL-0105 (1)", "call-0105 copy",
                                  "call-0105 - Copy", "call.0105 copy 2", "Ｃａｌｌ０１０５"])
def test_names_compare_without_case_separators_or_a_copys_mark(name: str) -> None:
    assert name_key(name) == name_key("call-0105") == "call0105"


@pytest.mark.parametrize("name", ["call-0106", "call-01050", "recall-0105", "call-0105-notes"])
def test_other_names_are_other_files(name: str) -> None:
    assert name_key(name) != name_key("call-0105")


def test_other_sound_files_and_a_private_transcript_link_still_build(tmp_path: Path) -> None:
    """A podcast episode, the next call's export and a slide deck named like the
    recording are ordinary files; the interview may link its own transcript (the
    private view alone sees the link, and the file is not copied)."""
    root = _site(tmp_path / "s", "transcripts/call-0105.txt", TRANSCRIPT,
                 "My own episode: [listen](../media/episode-1.mp3), "
                 "[the next one](../media/call-0106.mp3), [slides](../media/call-0105.png)")
    (root / "content/media").mkdir()
    (root / "content/media/episode-1.mp3").write_bytes(b"ID3 my own podcast episode")
    (root / "content/media/call-0106.mp3").write_bytes(b"ID3 another call, shared with consent")
    (root / "content/media/call-0105.png").write_bytes(b"\x89PNG\r\n\x1a\n a slide")
    talk = root / TALK
    talk.write_text(talk.read_text() + "\n[transcript](../transcripts/call-0105.txt)\n")
    out = tmp_path / "out"
    result = build(root, out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not [d for d in result.diagnostics if d.code.startswith("recording")]
    assert {"media/episode-1.mp3", "media/call-0106.mp3", "media/call-0105.png"} <= {
        p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert _published(out, TRANSCRIPT) == [] and _published(out, RECORDING) == []
