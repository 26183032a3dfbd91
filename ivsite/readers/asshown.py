"""A text file read as the program made for its format shows it, beside the text
as written (red team 18, R18-B02 and R18-B08).

A caption file, a LaTeX source and a lightly marked-up prose file each hold
markup that a player, the typeset document or the rendered page does not show,
and that markup can stand between the words of a name shown together. Read as
plain text the name is not found; read as shown it is. Which reader reads which
file goes by its suffix: captions (ivsite.readers.captions), TeX and BibTeX
(ivsite.readers.texsource), prose with light markup (ivsite.readers.lightmarkup).
ivsite.readers.readable searches these readings as well as the file as written,
never instead of it.
"""

from __future__ import annotations

from .captions import CAPTION_SUFFIXES, caption_readings
from .lightmarkup import LIGHT_SUFFIXES, light_reading
from .texsource import TEX_SUFFIXES, tex_reading

SHOWN_SUFFIXES = (*CAPTION_SUFFIXES, *TEX_SUFFIXES, *LIGHT_SUFFIXES)


_COMPRESSED = (".gz", ".gzip", ".bz2", ".xz", ".lzma", ".z", ".zz")
"""A compressed file's suffixes: ``panel.srt.gz``, read decompressed
(ivsite.readers.streams), is a caption file."""


def as_shown(name: str, text: str) -> list[str]:
    """The readings of a file of this name (or suffix) as its format's reader shows
    it (none for a format read as written), each unlike the text as written."""
    name = name.casefold()
    if name.endswith(_COMPRESSED):
        name = name.rsplit(".", 1)[0]
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    readings = caption_readings(suffix, text) if suffix in CAPTION_SUFFIXES else \
        [tex_reading(text)] if suffix in TEX_SUFFIXES else \
        [light_reading(text)] if suffix in LIGHT_SUFFIXES else []
    return [r for r in dict.fromkeys(readings) if r.strip() and r != text]
