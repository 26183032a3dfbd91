"""Red team 15 (docs/redteam/2026-12-02-fifteenth.md), recordings.

R15-02: an interview's recording was published byte for byte when carried as
text: a ``data:`` URI in a public page's ``<audio>``, a linked HTML player, a
base64 or hex dump. The filter now decodes what a reader could
(ivsite.readers.encodedbytes: base64 either alphabet, hex, quoted-printable,
percent-escapes, data: URIs, srcdoc, archive members) and compares it with the
recordings (hash and windows) and the notes' files: a body that carries one is
``encoded-recording``, a file that does is a recording for its links
(``recording-link``) (ivsite.validate.encodedcopies); the audit does the same on
its own, for every withheld file (ivsite.audit.search).

R15-04: a ``recording_file`` given as a web address (a share link with its
passcode) was accepted silently and published when a page repeated it. Its
value, whatever its form, is now withheld like a contact field
(``contact-in-text``), and a web address there is a ``recording-address``
warning.

Each: refused by the filter, by the audit alone, published with the protection
off; honest encoded content (another picture, other bytes) still builds.
"""

from __future__ import annotations

import base64
import io
import quopri
import random
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    RED_TEAM_TALK,
    OutputCorpus,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    red_team_site,
    red_team_talk,
    write_site,
)

import ivsite.validate.stage
from ivsite.audit.search import Search
from ivsite.names import people
from ivsite.pipeline import build
from ivsite.readers.encodedbytes import carried, worth_decoding

_RNG = random.Random(15)
RECORDING = bytes(128 + _RNG.randrange(40) for _ in range(6000))
"""Stands for audio: varied enough for windows, yet deflate compresses it (so a
zip of it holds none of its bytes as they are); no ASCII byte in it, so that
no dump of it holds a comment or a marker by chance."""
OTHER = _RNG.randbytes(6000)
B64 = base64.b64encode(RECORDING).decode()
TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/listen.md"


def _xxd(data: bytes) -> bytes:
    return b"".join(data[i:i + 30].hex().encode() + b"\n" for i in range(0, len(data), 30))


def _zipped(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    return out.getvalue()


CARRIERS: dict[str, bytes] = {
    "player.html": f'<!doctype html><audio controls src="data:audio/mp4;base64,{B64}">'
                   "</audio>\n".encode(),
    "frame.html": ('<iframe srcdoc="&lt;audio src=&quot;data:audio/mp4;base64,'
                   f'{B64}&quot;&gt;"></iframe>\n').encode(),
    "call.b64.txt": base64.encodebytes(RECORDING),
    "call.b64url.txt": base64.urlsafe_b64encode(RECORDING),
    "call.hex.txt": _xxd(RECORDING),
    "call.spaced.txt": b"\n".join(RECORDING[i:i + 16].hex(" ").encode()
                                  for i in range(0, len(RECORDING), 16)),
    "call.qp.txt": quopri.encodestring(RECORDING),
    "call.pct.html": f'<a href="data:audio/mp4,{quote_from_bytes(RECORDING)}">x</a>\n'.encode(),
    "call.zip": _zipped("call.m4a", RECORDING),
    "call.b64.zip": _zipped("call.b64.txt", base64.encodebytes(RECORDING)),
}
INLINE = f'The call:\n\n<audio controls src="data:audio/mp4;base64,{B64}"></audio>\n'


def _site(root: Path, body: str = INLINE, files: dict[str, bytes] | None = None) -> Path:
    front, text = red_team_talk()
    front["recording_file"] = "../audio/rec.m4a"
    files = CARRIERS if files is None else files
    links = "".join(f"[the call]({'files/' + n})\n\n" for n in files)
    return red_team_site(root, {"audio/rec.m4a": RECORDING,
                                "pages/listen.md": ({"title": "Listen"}, body + "\n" + links),
                                **{f"pages/files/{n}": d for n, d in files.items()}},
                         talk=(front, text))


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.validate.stage, "withhold_encoded", lambda *args: None)


# --------------------------------------------------------------------------- R15-02


def test_the_filter_refuses_the_recording_carried_as_text(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    said = [(d.path, d.code) for d in result.diagnostics]
    assert (PAGE, "encoded-recording") in said, said
    linked = [d for d in result.diagnostics if d.code == "recording-link"]
    assert {d.message.split("'")[1] for d in linked} == {f"files/{n}" for n in CARRIERS}, said
    assert not (tmp_path / "out").exists()


def test_the_audit_alone_refuses_the_recording_carried_as_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hit = {h.output for h in result.hits if h.secret.kind == "recording carried encoded"}
    assert hit == {"listen/index.html", *(f"pages/files/{n}" for n in CARRIERS)}, \
        [h.text() for h in result.hits]


def test_with_the_protection_off_the_recording_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(Search, "_encoded", lambda self, rel, data: [])
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    files = OutputCorpus(tmp_path / "out").files
    assert all(files.get(f"pages/files/{n}") == d for n, d in CARRIERS.items())
    assert B64.encode() in files["listen/index.html"]


def test_a_note_file_carried_as_text_is_a_note_copy(tmp_path: Path) -> None:
    """The withheld files the filter compares with are the notes' files too."""
    root = _site(tmp_path / "s", body="", files={})
    source = (root / TALK).read_bytes()
    (root / "content/pages/files").mkdir(parents=True)
    (root / "content/pages/files/notes.txt").write_bytes(base64.encodebytes(source))
    (root / PAGE).write_text("---\ntitle: Listen\n---\n\n[notes](files/notes.txt)\n")
    assert_filter_refuses(root, tmp_path / "out", PAGE, code="note-copy")


def test_the_audit_alone_refuses_any_withheld_file_carried_as_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A private note's attachment (no recording), base64 in a public file."""
    private = ({"visibility": "private", "date": "2026-03-02", "title": "Offer"},
               "[the offer](offer.pdf)\n")
    root = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "[dump](dump.txt)\n"),
        "reflections/offer.md": private, "reflections/offer.pdf": OTHER,
        "pages/dump.txt": base64.encodebytes(OTHER)})
    result = build(root, out=tmp_path / "out")
    assert result.status == 1
    assert [h.output for h in result.hits if h.secret.kind == "withheld file carried encoded"] \
        == ["pages/dump.txt"], [h.text() for h in result.hits]


def test_a_private_passage_may_hold_it(tmp_path: Path) -> None:
    body = f"Public.\n\n::: private\n{INLINE}\n:::\n"
    result = build(_site(tmp_path / "s", body=body, files={}), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert B64[:200].encode() not in b"".join(OutputCorpus(tmp_path / "out").files.values())


def test_honest_encoded_content_builds(tmp_path: Path) -> None:
    """Other bytes in every encoding (a picture as a data: URI, a dump of
    something else), beside the recording's site, and long addresses."""
    files = {n: d.replace(B64.encode(), base64.b64encode(OTHER)) for n, d in {
        "player.html": CARRIERS["player.html"]}.items()}
    files |= {"other.b64.txt": base64.encodebytes(OTHER), "other.hex.txt": _xxd(OTHER),
              "other.zip": _zipped("other.bin", OTHER)}
    body = (f'<img alt="logo" src="data:image/png;base64,{base64.b64encode(OTHER[:900]).decode()}">'
            "\n\nSee https://example.org/interviews/2026-03-01-a-very-long-slug-for-a-page/"
            "and-another-long-path-segment-here/ for more.\n")
    result = build(_site(tmp_path / "s", body=body, files=files), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]


_ENCODINGS = {
    "base64": lambda b: base64.encodebytes(b),
    "base64 one line": lambda b: b"x = '" + base64.b64encode(b) + b"';",
    "base64url": lambda b: base64.urlsafe_b64encode(b).rstrip(b"="),
    "hex": _xxd,
    "hex spaced": lambda b: b.hex(":").encode(),
    "quoted-printable": quopri.encodestring,
    "percent": lambda b: b"<a href='data:," + quote_from_bytes(b).encode() + b"'>",
    "data uri": lambda b: b"<img src='data:image/png;base64," + base64.b64encode(b) + b"'>",
    "zip": lambda b: _zipped("x.bin", b),
}


@settings(max_examples=80, deadline=None)
@given(data=st.binary(min_size=32, max_size=600), how=st.sampled_from(sorted(_ENCODINGS)),
       before=st.sampled_from([b"", b"Some text.\n\n", b"<p>A page</p>\n"]))
def test_every_encoding_gives_the_bytes_back(data: bytes, how: str, before: bytes) -> None:
    """Whatever the bytes (a window's length or more), each encoding the audit
    reads gives them back (whole where the file is the encoding alone: then the
    hash finds them; inside the text around them otherwise: then the windows)."""
    if how.startswith(("base64", "data")) and not worth_decoding(base64.b64encode(data)):
        return  # (a short run in one case is read as an address, not decoded)
    if how in ("quoted-printable", "percent") and sum(not 32 < b < 127 for b in data) < 16:
        return  # (mostly text: escaped less than binary data is, and in the text as it is)
    wrapped = before + _ENCODINGS[how](data) + b"\n"
    assert any(data in b for _, b in carried(PurePosixPath("x.txt"), wrapped)), how
    alone = _ENCODINGS[how](data)
    if how in ("base64", "base64url", "hex", "quoted-printable", "zip"):
        assert data in {b for _, b in carried(PurePosixPath("x.txt"), alone)}, how


# --------------------------------------------------------------------------- R15-04

URL = "https://zenthor.zoom.example/rec/share/Xq7-rq-call-8841?pwd=Hk29aa"
SAYS = {"link": f"The call is [here]({URL}) if you want to listen.",
        "text": f"Recording: {URL}",
        "path": "The file was Xq7-rq-call-8841 on the share."}


def _url_site(root: Path, said: str, recording: str = URL) -> Path:
    front, text = red_team_talk()
    front |= {"visibility": "private", "recording_file": recording}
    return red_team_site(root, {"pages/listen.md": ({"title": "Listen"}, f"{said}\n")},
                         talk=(front, text))


@pytest.mark.parametrize("case", sorted(SAYS))
def test_the_filter_refuses_the_recording_address(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_url_site(tmp_path / "s", SAYS[case]), tmp_path / "out", PAGE,
                          code="contact-in-text")


def test_the_filter_refuses_the_recording_path_in_text(tmp_path: Path) -> None:
    root = _url_site(tmp_path / "s", "It is kept as rq-call.m4a.", "../audio/rq-call.m4a")
    assert_filter_refuses(root, tmp_path / "out", PAGE, code="contact-in-text")


@pytest.mark.parametrize("case", sorted(SAYS))
@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_recording_address(tmp_path: Path, case: str) -> None:
    assert_audit_refuses(_url_site(tmp_path / "s", SAYS[case]), tmp_path / "out", TALK)


def test_with_the_protection_off_the_address_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "recording_pieces", lambda value: [])
    assert_published(_url_site(tmp_path / "s", SAYS["text"]), tmp_path / "out", "rq-call-8841")


def test_a_recording_address_is_a_warning_and_builds_when_no_page_gives_it(
        tmp_path: Path) -> None:
    result = build(_url_site(tmp_path / "s", "We talked about dashboards."),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert [(d.path, d.code) for d in result.diagnostics if d.severity == "warning"] == \
        [(TALK, "recording-address")]
