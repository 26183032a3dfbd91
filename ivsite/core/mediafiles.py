"""Which files are sound or video: what a recording of a conversation can be.

A ``recording_file`` that names no file leaves the real recording, saved under
another name, an ordinary file (red team 16, R16-02); and a sound or video file
an interview links is that conversation's recording, whatever
``recording_file`` says. Both need to know a recording when they see one, by
its name alone (the bytes of a recording are anything at all). The name is
read by its shape, not by a list alone: the suffixes recorders and dictation
machines write, and whatever the platform's MIME table calls audio or video.
"""

from __future__ import annotations

import mimetypes
import posixpath

_SUFFIXES = frozenset({
    ".m4a", ".m4b", ".mp3", ".mp2", ".wav", ".wave", ".ogg", ".oga", ".opus", ".aac",
    ".flac", ".aiff", ".aif", ".aifc", ".caf", ".amr", ".awb", ".wma", ".weba", ".mka",
    ".au", ".snd", ".dss", ".ds2", ".vox", ".qta",
    ".3gp", ".3g2", ".mp4", ".m4v", ".mov", ".qt", ".webm", ".mkv", ".avi", ".wmv",
    ".flv", ".ogv", ".mpg", ".mpeg", ".mts", ".m2ts",
})
"""Recorders' and dictation machines' suffixes, those a MIME table may lack
(``.dss``, ``.amr``, ``.caf``) among them."""


def is_media(rel: str) -> bool:
    """Whether a file's name says it holds sound or video."""
    suffix = posixpath.splitext(rel)[1].casefold()
    if not suffix:
        return False
    if suffix in _SUFFIXES:
        return True
    kind, _ = mimetypes.guess_type("file" + suffix, strict=False)
    return kind is not None and kind.startswith(("audio/", "video/"))
