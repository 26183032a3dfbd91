"""Which files under content/ are interview recordings.

A recording is never published, however a note reaches it: by the path in its
interview's ``recording_file``, by another path to the same file (``./``, ``../``,
a link inside content/) or by a copy with the same bytes. So recordings are
found by path and by content hash. Validation takes them out of the files that
links may reach (a link to one is an error), and the audit looks for each of
them in the output by hash, independently.

Every one of those protections starts from a file, so a ``recording_file`` that
names none (a wrong extension, a name written before the recorder chose its
own, a typo) protects nothing (red team 16, R16-02): :func:`missing_recordings`
finds those (an error for validation; for the audit, every sound or video file
is then held a recording). ``recording_file`` is read as a path relative to the
note, or as the Obsidian link a vault's file property holds (``"[[call.m4a]]"``),
which is found by name as Obsidian finds it. And a sound or video file an
interview links or embeds (a recorder's ``![[Recording 20260301101500.webm]]``)
is that conversation's recording, whatever ``recording_file`` says.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping

from ..contacts.fields import is_web_address
from ..core.diagnostics import Diagnostics
from ..core.mediafiles import is_media
from ..core.sourcefiles import AssetRef
from ..core.urlparts import browser_url, split_url, url_path
from ..markdown.notes import Note
from ..markup.rawhtml import tags

_OBSIDIAN_LINK = re.compile(r"!?\[\[([^\]]+)\]\]")


def recording_path(source: str, recording_file: str) -> str:
    """The site-relative path ``recording_file`` names, relative to its note."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), recording_file))


def _by_name(name: str, assets: Iterable[str]) -> list[str]:
    """The files a bare name or the end of a path names, as Obsidian finds a link's
    file (several that fit are all taken: any of them may be the one)."""
    name = name.split("|")[0].split("#")[0].strip().strip("/").casefold()
    if not name:
        return []
    return sorted(rel for rel in assets
                  if rel.casefold() == name or rel.casefold().endswith("/" + name))


def named_files(source: str, value: str, assets: Mapping[str, AssetRef]) -> list[str]:
    """The files an interview's ``recording_file`` names: a path relative to the
    note, or those an Obsidian link (``[[call.m4a]]``) finds by name."""
    value = value.strip()
    link = _OBSIDIAN_LINK.fullmatch(value)
    if link is not None:
        return _by_name(link.group(1), assets)
    rel = recording_path(source, value)
    return [rel] if rel in assets else []


def _targets(note: Note) -> Iterator[tuple[str, bool]]:
    """Every address a note's body links or embeds: (address, found by name)."""
    for tok in note.tokens:
        for t in (tok, *(tok.children or ())):
            if t.type in ("wikilink", "embed", "embed_block"):
                yield str(t.meta.get("target", "")), True
            elif t.type in ("link_open", "image"):
                yield str(t.attrs.get("href" if t.type == "link_open" else "src", "")), False
            elif t.type in ("html_inline", "html_block"):
                for tag in tags(t.content):
                    for _, v in tag.attrs:
                        yield v, False


def linked_media(note: Note, assets: Mapping[str, AssetRef]) -> set[str]:
    """The sound and video files of the content an interview links or embeds."""
    out: set[str] = set()
    for target, by_name in _targets(note):
        if by_name:
            # (most are links to notes: the files are searched for a media name alone)
            if is_media(target.split("|")[0].split("#")[0].strip()):
                out.update(r for r in _by_name(target, assets) if is_media(r))
            continue
        parts = split_url(browser_url(target))
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        rel = recording_path(note.source, url_path(parts))
        if rel in assets and is_media(rel):
            out.add(rel)
    return out


def missing_recordings(notes: Iterable[Note],
                       assets: Mapping[str, AssetRef]) -> Iterator[tuple[Note, str]]:
    """Each interview whose ``recording_file`` names no file of the content (not a
    web address: that one is withheld as written), with the value."""
    for note in notes:
        meta = note.interview
        value = (meta.recording_file or "").strip() if meta is not None else ""
        if value and not is_web_address(value) and not named_files(note.source, value, assets):
            yield note, value


def unplaced_recordings(notes: Iterable[Note], assets: Mapping[str, AssetRef]) -> set[str]:
    """For the audit: every sound or video file of the content when an interview's
    ``recording_file`` names none, since any of them may be the recording."""
    if next(missing_recordings(notes, assets), None) is None:
        return set()
    return {rel for rel in assets if is_media(rel)}


def report_missing(notes: Iterable[Note], assets: Mapping[str, AssetRef], base: str,
                   diags: Diagnostics) -> None:
    """An error for each ``recording_file`` that names no file (R16-02): until it
    does, ivsite cannot tell which file is the recording, so nothing withholds
    it. The hint names the sound and video files nearest to the name written."""
    media = sorted(rel for rel in assets if is_media(rel))
    for note, value in missing_recordings(notes, assets):
        joined = recording_path(note.source, value)
        if joined.startswith("../") or not joined.startswith(base):
            continue  # outside the site: ivsite.validate.references says so
        pos = note.fm.pos("recording_file")
        diags.error(note.source, pos.line, pos.col, "recording-missing",
                    f"recording_file names no file ('{value}'), so ivsite cannot tell which "
                    "file is the recording, and nothing keeps it out of the site",
                    _hint(note.source, value, media))


def _hint(source: str, value: str, media: list[str]) -> str:
    """Did you mean the sound or video file nearest to the name written, or the
    first few there are; and what to do if the recording is gone."""
    here = posixpath.dirname(source)
    shown = {posixpath.relpath(rel, here): rel for rel in media}
    name = posixpath.basename(value.strip("[]!").split("|")[0]).casefold()
    close = difflib.get_close_matches(
        name, [posixpath.basename(rel).casefold() for rel in shown], n=3, cutoff=0.5)
    near = [s for s in shown if posixpath.basename(s).casefold() in close] or list(shown)[:3]
    said = f"did you mean {' or '.join(repr(s) for s in near[:3])}? " if near else ""
    return (said + "write the recording's path relative to this note; if the recording "
            "was deleted, take recording_file out")


def recording_files(notes: Iterable[Note], assets: Mapping[str, AssetRef]) -> dict[str, str]:
    """Every file that is a recording, by site-relative path, with the interview that
    names it. An empty file matches by path only: all empty files share one hash."""
    by_digest: dict[str, str] = {}
    out: dict[str, str] = {}
    for note in notes:
        meta = note.interview
        if meta is None:
            continue
        named = named_files(note.source, meta.recording_file, assets) \
            if meta.recording_file else []
        for rel in (*named, *sorted(linked_media(note, assets))):
            out.setdefault(rel, note.source)
            ref = assets[rel]
            if ref.size > 0:
                by_digest.setdefault(ref.digest, note.source)
    for rel, ref in assets.items():
        if ref.digest in by_digest and ref.size > 0:
            out.setdefault(rel, by_digest[ref.digest])
    return out
