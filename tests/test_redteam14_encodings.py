"""Red team 14, R14-02 to R14-05: text in an encoding the audit did not read.

- R14-02/03: a linked text file in UTF-32 without a byte-order mark or in EBCDIC
  (cp500, cp037) was copied with the name in it, and one whose own front matter
  said ``visibility: private`` too (ivsite.readers.codepages, read by the audit
  and by the load stage's front-matter check, ivsite.load.filefront).
- R14-05: base32, uuencode and Ascii85 files and words, and octal escapes, in a
  file or a page (ivsite.text.moretokens).
- R14-04: ROT13 and Morse in a page (ivsite.text.moretokens, a text's readings only).

Each protection: the audit alone refuses it, and with the protection switched
off it is published; ordinary binary files give no reading.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sites import RED_TEAM_NAME, red_team_site, red_team_talk

from ivsite.load import filefront
from ivsite.pipeline import build
from ivsite.readers import codepages, morereadings, readable
from ivsite.text import moretokens

SENTENCE = f"Notes from my chat with {RED_TEAM_NAME}: the budget was cut."
_RAW = SENTENCE.encode()
_UU = b"begin 644 notes.txt\n" + b"".join(
    binascii.b2a_uu(_RAW[i:i + 45]) for i in range(0, len(_RAW), 45)) + b"`\nend\n"
_OCTAL = "".join(f"\\{ord(c):03o}" if c in "QZ" else c for c in RED_TEAM_NAME)
_MORSE_OF = {"Q": "--.-", "U": "..-", "E": ".", "N": "-.", "T": "-", "I": "..", "Z": "--..",
             "A": ".-", "B": "-...", "R": ".-.", "O": "---", "W": ".--", "S": "...", "K": "-.-"}
_MORSE = " / ".join(" ".join(_MORSE_OF[c] for c in w.upper()) for w in RED_TEAM_NAME.split())

FILES: dict[str, bytes] = {
    "notes-le.txt": SENTENCE.encode("utf-32-le"),
    "notes-be.txt": SENTENCE.encode("utf-32-be"),
    "notes-odd.bin": b"\x07" + SENTENCE.encode("utf-32-le"),  # misaligned, not a text file
    "notes-cp500.txt": SENTENCE.encode("cp500"),
    "notes-cp037.txt": SENTENCE.encode("cp037"),
    "notes.b32": base64.b32encode(_RAW),
    "notes.uue": _UU,
    "notes.a85": base64.a85encode(_RAW),
}
PAGES: dict[str, str] = {
    "base32": f"A puzzle: {base64.b32encode(RED_TEAM_NAME.encode()).decode()}\n",
    "octal": f"As C escapes: {_OCTAL}.\n",
    "rot13": f"A puzzle (ROT13): {moretokens.rot13(SENTENCE)}\n",
    "morse": f"In Morse: {_MORSE}\n",
}
PROTECTIONS: dict[str, tuple[set[str], Callable[[pytest.MonkeyPatch], None]]] = {
    "utf-32": ({"notes-le.txt", "notes-be.txt", "notes-odd.bin"},
               lambda m: m.setattr(codepages, "utf32_text", lambda data: "")),
    "ebcdic": ({"notes-cp500.txt", "notes-cp037.txt"},
               lambda m: m.setattr(codepages, "ebcdic_texts", lambda data: [])),
    "base32": ({"notes.b32", "base32/index.html"},
               lambda m: m.setattr(moretokens, "_base32s", lambda text: [])),
    "uuencode": ({"notes.uue"}, lambda m: m.setattr(moretokens, "_uus", lambda text: [])),
    "ascii85": ({"notes.a85"}, lambda m: m.setattr(moretokens, "_a85s", lambda text: [])),
    "octal": ({"octal/index.html"}, lambda m: m.setattr(moretokens, "_octal", lambda text: "")),
    "rot13": ({"rot13/index.html"},
              lambda m: m.setattr(moretokens, "rot13", lambda text: "")),
    "morse": ({"morse/index.html"}, lambda m: m.setattr(moretokens, "_morse", lambda text: "")),
}


def _site(root: Path) -> Path:
    readable._read.cache_clear()
    links = "".join(f"[notes]({n})\n\n" for n in FILES)
    pages = {f"pages/{k}.md": ({"title": k.title()}, body) for k, body in PAGES.items()}
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, links), **pages,
                                **{f"pages/{n}": d for n, d in FILES.items()}},
                         red_team_talk(body="The budget was cut.\n"))


def _refused(tmp_path: Path, name: str) -> set[str]:
    """The output files the audit refuses (the filter switched off): a linked
    file by its name, a page as ``name/index.html``."""
    result = build(_site(tmp_path / f"s-{name}"), out=tmp_path / f"out-{name}")
    readable._read.cache_clear()
    return {h.output if h.output.endswith("/index.html") else h.output.rsplit("/", 1)[-1]
            for h in result.hits}


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_each(tmp_path: Path) -> None:
    refused = _refused(tmp_path, "all")
    assert refused >= {f for outputs, _ in PROTECTIONS.values() for f in outputs}, refused


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("name", sorted(PROTECTIONS))
def test_with_the_reading_off_it_is_published(name: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    outputs, switch_off = PROTECTIONS[name]
    switch_off(monkeypatch)
    assert not outputs & _refused(tmp_path, name)


def _front(data: str, codec: str) -> bytes:
    return f"---\ntitle: Plan\nvisibility: private\n---\n{SENTENCE}\n".encode(codec)


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be", "cp500", "cp037"])
def test_the_front_matter_is_read_in_each(codec: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _front(SENTENCE, codec)
    assert filefront.private_front(data) == "visibility: private"
    assert filefront.opens_with_front(data[:64])
    monkeypatch.setattr(filefront, "recoded", lambda head: None)
    assert filefront.private_front(data) == ""


def test_the_filter_refuses_a_link_to_a_private_utf32_file(tmp_path: Path) -> None:
    site = red_team_site(tmp_path / "s", {
        "pages/about.md": ({"title": "About"}, "[plan](plan.txt)\n"),
        "pages/plan.txt": _front(SENTENCE, "utf-32-le")})
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "note-like-file" for d in result.diagnostics)


FIXTURES = Path(__file__).parent / "fixtures"
DOCS = Path(__file__).parent.parent / "docs/redteam"


@pytest.mark.parametrize("path", sorted(
    [*FIXTURES.rglob("*.png"), *FIXTURES.rglob("*.pdf"), *DOCS.rglob("*.jpg"),
     *DOCS.rglob("*.pdf")][:12], key=str))
def test_ordinary_binary_files_give_no_reading(path: Path) -> None:
    assert codepages.readings(path.read_bytes()) == []


@pytest.mark.parametrize("text", [
    "An ordinary page about the job, in English.", "Ünïcödé tëxt, ça va?",
    "日本語のテキストです。", "Привет, как дела?"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be", "latin-1", "cp1251"])
def test_ordinary_text_is_neither(text: str, codec: str) -> None:
    try:
        data = (text * 4).encode(codec)
    except UnicodeEncodeError:
        return
    assert codepages.readings(data) == []


def test_cjk_in_utf32_is_read() -> None:
    assert codepages.utf32_text("山田太郎さんとの面談メモ".encode("utf-32-be")) == \
        "山田太郎さんとの面談メモ"


@pytest.mark.parametrize("text", [
    "README_FILE_NAME_IN_CAPITALS", "SHA256: 3A7BD3E2360A3D29EEA436FCFB7E44C735D117C4",
    "C:\\Users\\nadia\\Documents", "a.b-c d.e - f ... g -- h", "https://example.com/x?y=1"])
def test_ordinary_words_decode_to_nothing_or_harmless(text: str) -> None:
    """Upper-case words, hashes, paths and punctuation give no text of a name."""
    for reading in moretokens.token_readings(text):
        assert RED_TEAM_NAME not in reading


def test_the_ciphers_are_cheap() -> None:
    """ROT13 and Morse of a megabyte of prose take well under a second."""
    page = "We talked about the job, the team - and the budget... " * 20000
    start = time.perf_counter()
    morereadings.more_readings([page], prose=True)
    ciphers = time.perf_counter() - start
    start = time.perf_counter()
    morereadings.more_readings([page], prose=False)
    assert ciphers < 1.0 + 2 * (time.perf_counter() - start)
