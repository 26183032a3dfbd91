"""Red team 9, R9-20: a near copy of a withheld recording (its first 2,999 of
3,000 bytes) was published; only an exact copy was known, by its hash.

A recording is now known by windows of its bytes (ivsite.core.nearcopy): a file
holding a clip of it, trimmed or re-tagged (shifted), is a recording for its
links (``recording-link``, ivsite.validate.encodedcopies), and the audit refuses
it on its own. With both off the same build publishes the copies; a file
sharing only a recording's header, and another recording, are published.
(Red team 16, R16-13, clips of any length: tests/test_redteam16_clips.py.)
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sites import OutputCorpus, red_team_site, red_team_talk

import ivsite.validate.stage
from ivsite.core import nearcopy
from ivsite.pipeline import build

REPRODUCER = Path(__file__).parent.parent / "docs/redteam/2026-12-01-ninth" / \
    "R9-20-recording-near-copy"
RECORDING = (REPRODUCER / "content/audio/jane.m4a").read_bytes()
HEADER = b"\0\0\0\x20ftypM4A \0\0\0\0M4A mp42isom" + bytes(64)


def _site(root: Path, files: dict[str, bytes]) -> Path:
    front, body = red_team_talk()
    front["recording_file"] = "../audio/rec.m4a"
    links = "".join(f"[clip]({n}) about campaigns.\n\n" for n in files)
    return red_team_site(root, {"audio/rec.m4a": HEADER + RECORDING,
                                "pages/about.md": ({"title": "About"}, links),
                                **{f"pages/{n}": d for n, d in files.items()}},
                         talk=(front, body))


COPIES = {
    "clip.m4a": (HEADER + RECORDING)[:-1],  # the reproducer: the last byte gone
    "retagged.m4a": b"ID3\x04\0\0\0\0\x01\x00TIT2 new title" + RECORDING[:2000],
    "excerpt.m4a": HEADER + RECORDING[1000:1900],
}


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.validate.stage, "withhold_encoded", lambda *args: None)


def test_the_build_refuses_near_copies(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", COPIES), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    linked = {d.message.split("'")[1] for d in result.diagnostics if d.code == "recording-link"}
    assert linked == set(COPIES), [d.text() for d in result.diagnostics]


def test_the_audit_alone_refuses_near_copies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    result = build(_site(tmp_path / "s", COPIES), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hit = {h.output.rsplit("/", 1)[-1] for h in result.hits
           if h.secret.kind == "near copy of a recording"}
    assert hit == set(COPIES), [h.text() for h in result.hits]


def test_with_the_check_off_the_copies_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(nearcopy, "holds", lambda data, windows: False)
    result = build(_site(tmp_path / "s", COPIES), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    published = {p.rsplit("/", 1)[-1]: d for p, d in OutputCorpus(tmp_path / "out").files.items()}
    assert all(published.get(n) == d for n, d in COPIES.items())


def test_other_recordings_are_published(tmp_path: Path) -> None:
    """Another recording in the same container (its header the same), and a
    file holding a few windows' worth of the recording, go out."""
    other = random.Random(7).randbytes(3000)
    files = {"other.m4a": HEADER + other,
             "few.m4a": HEADER + other[:1500] + RECORDING[:240] + other[1500:]}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]


def test_windows() -> None:
    windows = nearcopy.windows_of(RECORDING)
    assert windows and len(windows.found) >= len(RECORDING) // nearcopy.stride(len(RECORDING)) - 2
    assert nearcopy.holds(b"x" + RECORDING[:800], windows)
    assert not nearcopy.holds(RECORDING[:nearcopy.stride(len(RECORDING))], windows)
    assert not nearcopy.windows_of(RECORDING[:nearcopy.MIN_SIZE - 1])
    assert not nearcopy.windows_of(bytes(5000))  # zeros: no windows
