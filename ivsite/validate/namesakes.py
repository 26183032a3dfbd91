"""Files that share a recording's name: the same conversation in another format.

Every other recording check starts from the bytes of the file ``recording_file``
names (its path, its hash, its windows, its packed copies). A recording the
author also keeps in a second format (the recorder's ``call-0105.m4a`` and the
``call-0105.mp3`` exported to share it, or its transcript and subtitles,
``call-0105.txt``, ``call-0105.en.vtt``) shares no bytes with it, and was an
ordinary file a public note could link (red team 17, R17-01). Comparing sound is
not ivsite's job; the name is the cheap signal that fails closed: a sound,
video, transcript or subtitle file anywhere under content/ whose stem is a
recording's is held as that recording: validation takes it out of the files
links may reach (a link to it is ``recording-sibling``), and the audit, finding
the recordings from the notes again (ivsite.pipeline.checks), holds it withheld
on its own. Stems are compared case-folded, with
separators, spaces and punctuation left out and a copy's mark (``(1)``,
``copy``) taken off, and a subtitle's language tag or a kept suffix
(``call-0105.en.srt``, ``call-0105.m4a.txt``) may be left off. A different
recording that happens to share the name is renamed; that costs the author a
rename, where the other way round costs a conversation.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping

from ..contacts.fields import is_web_address
from ..core.mediafiles import is_media
from ..core.urlparts import split_url, url_path
from ..markdown.notes import Note

_TRANSCRIPTS = frozenset({
    ".txt", ".vtt", ".srt", ".sbv", ".sub", ".ssa", ".ass", ".ttml", ".dfxp", ".lrc",
    ".tsv", ".json",
})
"""What transcription tools write beside a recording, under its name: subtitles
and Whisper's outputs. Not documents (``.pdf``, ``.docx``): a recording named
after a company would hold that company's public job description too."""

_COPY_MARK = re.compile(r"(?:\s*[(\[]\d{1,3}[)\]]|(?:^|[\W_])copy(?:[\W_]*\d{1,3})?)\s*$")
"""A copy's mark at a name's end, as a browser (``(1)``), Finder (``copy 2``) or
Windows (``- Copy``) adds it."""
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,4})?", re.I)
"""A subtitle's language tag (``en``, ``eng``, ``pt-BR``)."""


def name_key(stem: str) -> str:
    """A stem as compared: case-folded, without a copy's mark, letters and digits
    only (``Call 0105 (1)`` and ``call_0105`` are one name)."""
    text = unicodedata.normalize("NFKC", stem).casefold()
    while (shorter := _COPY_MARK.sub("", text)) != text:
        text = shorter
    return "".join(re.findall(r"[^\W_]+", text))


def _kept_alongside(rel: str) -> bool:
    """Whether a file's kind is one a recording is also kept as: sound or video,
    or a transcript or subtitles of it."""
    return is_media(rel) or posixpath.splitext(rel)[1].casefold() in _TRANSCRIPTS


def _keys(rel: str) -> set[str]:
    """The names a file may share with a recording: its stem, and its stem
    without a language tag or a kept suffix (``call.en.vtt``, ``call.m4a.txt``)."""
    stem = posixpath.splitext(posixpath.basename(rel))[0]
    inner, suffix = posixpath.splitext(stem)
    stems = [stem, inner] if suffix and (is_media(stem) or _LANGUAGE.fullmatch(suffix[1:])) \
        else [stem]
    return {key for s in stems if (key := name_key(s))}


def _written(value: str) -> str:
    """The file name a ``recording_file`` value gives: a path's, an Obsidian link's,
    or a web address's when it names a sound or video file ("" when none)."""
    value = value.strip()
    if is_web_address(value):
        name = posixpath.basename(url_path(split_url(value)))
        return name if is_media(name) else ""
    return posixpath.basename(value.strip("[]!").split("|")[0].split("#")[0].strip())


def recording_namesakes(notes: Iterable[Note], assets: Iterable[str],
                        recordings: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Each sound, video, transcript or subtitle file of ``assets`` (not itself a
    recording) whose name is a recording's: by path, the recording (its path, or
    the ``recording_file`` written where that names no file) and the interview
    (``recordings`` maps a recording's path to its interview)."""
    stems: dict[str, tuple[str, str]] = {}
    for rel in sorted(recordings):
        key = name_key(posixpath.splitext(posixpath.basename(rel))[0])
        if key:
            stems.setdefault(key, (rel, recordings[rel]))
    for note in notes:
        meta = note.interview
        value = (meta.recording_file or "").strip() if meta is not None else ""
        key = name_key(posixpath.splitext(_written(value))[0])
        if key:
            stems.setdefault(key, (value, note.source))
    if not stems:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in assets:
        if rel in recordings or not _kept_alongside(rel):
            continue
        found = next((stems[k] for k in sorted(_keys(rel)) if k in stems), None)
        if found is not None:
            out[rel] = found
    return out
