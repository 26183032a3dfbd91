"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-13: a clip cut byte
for byte out of a withheld recording (2 to 20% of it: ``dd``, ``mp3splt``) was
published. The near-copy check looked for a quarter of 16 windows spread over
the recording, so any excerpt under about a quarter of it passed.

A recording is now known by one window per block of 2 KB (less in a small one)
and a file holds a clip when three of them stand in it as far apart as in the
recording (ivsite.core.nearcopy): any clip of ``min_clip`` bytes (8 KB and 32
bytes here: half a second of a 128 kbps MP3) is found, whatever its share of the
recording. The filter makes such a file a recording for its links
(``recording-link``, ivsite.validate.encodedcopies); the audit refuses it on
its own (ivsite.audit.search). Unrelated media, with the same tags in front, go
out.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, red_team_site, red_team_talk

import ivsite.validate.stage
from ivsite.core import nearcopy
from ivsite.pipeline import build

_RNG = random.Random(16)
ID3 = b"ID3\x04\x00\x00\x00\x00\x01\x00TIT2\x00\x00\x00\x0c\x00\x00\x03Interview"
RECORDING = ID3 + _RNG.randbytes(600_000)
"""Stands for the call (compressed audio: its bytes all alike common)."""
OTHER = ID3 + _RNG.randbytes(200_000)
PAGE = "content/pages/listen.md"
CLIPS = {  # the reproducer's cuts: 2, 5, 10 and 20% of it
    "clip-2.mp3": RECORDING[240_000:252_000],
    "clip-5.mp3": RECORDING[120_000:150_000],
    "clip-10.mp3": RECORDING[300_000:360_000],
    "clip-20.mp3": RECORDING[150_000:270_000],
    "retagged.mp3": ID3 + b"TALB\x00\x00\x00\x05\x00\x00\x03Best" + RECORDING[400_000:410_000],
}


def _site(root: Path, files: dict[str, bytes]) -> Path:
    front, body = red_team_talk()
    front["recording_file"] = "../audio/call.mp3"
    links = "".join(f"The best advice, in one clip: [listen](files/{n}).\n\n" for n in files)
    return red_team_site(root, {"audio/call.mp3": RECORDING,
                                "pages/listen.md": ({"title": "Listen"}, links),
                                **{f"pages/files/{n}": d for n, d in files.items()}},
                         talk=(front, body))


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.validate.stage, "withhold_encoded", lambda *args: None)


def test_the_filter_refuses_a_clip(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", CLIPS), out=tmp_path / "out")
    assert result.status == 1
    linked = {d.message.split("'")[1] for d in result.diagnostics
              if d.code == "recording-link" and d.path == PAGE}
    assert linked == {f"files/{n}" for n in CLIPS}, [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


def test_the_audit_alone_refuses_a_clip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    result = build(_site(tmp_path / "s", CLIPS), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hit = {h.output for h in result.hits if h.secret.kind == "near copy of a recording"}
    assert hit == {f"pages/files/{n}" for n in CLIPS}, [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


def test_with_both_off_the_clip_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(nearcopy, "holds", lambda data, windows: False)
    result = build(_site(tmp_path / "s", CLIPS), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    files = OutputCorpus(tmp_path / "out").files
    assert all(files.get(f"pages/files/{n}") == d for n, d in CLIPS.items())


def test_unrelated_media_is_published(tmp_path: Path) -> None:
    """Another recording with the same tags in front, one that holds a few
    hundred bytes of the call (under a block), and a file of silence."""
    files = {"other.mp3": OTHER,
             "few.mp3": OTHER[:9000] + RECORDING[50_000:50_900] + OTHER[9000:],
             "silence.mp3": ID3 + bytes(100_000)}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]


_WINDOWS = nearcopy.windows_of(RECORDING)
_MIN = nearcopy.min_clip(len(RECORDING))


@settings(max_examples=200, deadline=None)
@given(start=st.integers(0, len(RECORDING) - _MIN), length=st.integers(_MIN, 200_000),
       before=st.binary(max_size=64), after=st.binary(max_size=64))
def test_any_clip_of_the_stated_length_is_found(start: int, length: int, before: bytes,
                                                after: bytes) -> None:
    assert _MIN <= 8 * 1024 + nearcopy.WIDTH
    assert nearcopy.holds(before + RECORDING[start:start + length] + after, _WINDOWS)


@settings(max_examples=100, deadline=None)
@given(pieces=st.lists(st.integers(0, len(RECORDING) - 600), min_size=1, max_size=40),
       seed=st.integers(0, 1 << 30))
def test_scattered_scraps_are_no_clip(pieces: list[int], seed: int) -> None:
    """Scraps of a block or less each (a window or two apiece), strewn through
    other bytes: no three stand as far apart as in the recording."""
    rng = random.Random(seed)
    data = b"".join(rng.randbytes(rng.randrange(1, 3000)) + RECORDING[at:at + 120]
                    for at in pieces)
    assert not nearcopy.holds(data, _WINDOWS)
