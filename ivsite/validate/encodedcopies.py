"""A recording carried as text, or cut: in a note's body or in a file a note may
link (red team 15, R15-02; red team 16, R16-13).

A recording is never published, and a link to it or to a copy of it is an
error (``recording-link``, ivsite.validate.recordings). Written out as a
``data:`` URI in an ``<audio>``, as a base64 or hex dump, or packed in a zip,
it is the same bytes: the filter decodes what a reader could
(ivsite.readers.encodedbytes) and compares it with every recording, by hash
and by its windows (ivsite.core.nearcopy), and with every note's source (which
no view publishes as written). A body that carries one is an error
(``encoded-recording``) unless the note or the passage is private (the private
view alone sees it, as it may link the recording); a file that carries one is
a recording for the links (``recording-link``), as is a file that holds a clip
cut out of one, byte for byte (R16-13). The audit looks for the same on its own
(ivsite.audit.search).

Only a site with recordings is decoded, and only runs long enough to hold a
recording's window: a site without them pays nothing.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import PurePosixPath

from ..core.diagnostics import Diagnostics
from ..core.keyed import Keyed, compute
from ..core.nearcopy import Windows, holds, windows_by
from ..core.sourcefiles import AssetRef
from ..load.stage import AssetStore, LoadedSite
from ..markdown.notes import ValidSite
from ..readers.encodedbytes import encoded_copy
from ..readers.packed import MAX_UNPACKED

_RECORDING = "the recording of"
_NOTE = "the file of the note"


def _windows(store: AssetStore, ref: AssetRef) -> Windows | None:
    """A recording's windows (ivsite.core.nearcopy), read through the loader's store."""
    try:
        return windows_by(ref.digest, lambda: store.read(ref))
    except OSError:  # gone since it was listed
        return None


def withhold_encoded(site: ValidSite, loaded: LoadedSite, diags: Diagnostics,
                     keyed: Keyed = compute) -> None:
    """Refuse every public body that carries a recording or a note's source, and
    take every file that does out of the files links may reach (as a recording).
    What a file carries is handed out through ``keyed`` under its hash and the
    withheld files' (a preview saves again and again); its bytes are read through
    the loader's store, the one reader of the site's files."""
    if not site.recordings:
        return
    withheld = {src.digest: (_NOTE, src.rel) for src in loaded.notes if src.data}
    withheld.update({loaded.assets[rel].digest: (_RECORDING, source)
                     for rel, source in site.recordings.items() if rel in loaded.assets})
    store = loaded.store
    recordings = [(windows, (_RECORDING, site.recordings[rel]))
                  for rel, ref in loaded.assets.items() if rel in site.recordings
                  and (windows := _windows(store, ref))]
    key = hashlib.sha256(repr((sorted(withheld.items()), recordings)).encode()).hexdigest()
    for note in site.notes:
        if note.visibility == "private":
            continue
        body = note.fm.body.encode("utf-8", "surrogatepass")
        found = encoded_copy(PurePosixPath(note.source), body, withheld, recordings)
        if found is None:
            continue
        at, (kind, source) = found
        n = body.count(b"\n", 0, at)
        if any(line.src == n and "private" in line.kinds for line in note.cut.lines):
            continue
        diags.error(note.source, note.body_line + n, 1, "encoded-recording",
                    f"this text decodes to {kind} {source}, which is never published, however "
                    "it is written (base64, hex, a data: URI, packed)",
                    "take it out, or keep it in a private note or a '::: private' passage")
    if store is None:  # no file was loaded to be read: the audit reads what is written
        return

    def carried(ref: AssetRef) -> tuple[str, str] | None:
        assert store is not None
        try:
            data = store.read(ref)
        except OSError:  # gone since it was listed: its link is broken
            return None
        # A clip cut out of a recording as it is (R16-13), or one carried encoded.
        clip = next((which for windows, which in recordings if holds(data, windows)), None)
        found = encoded_copy(PurePosixPath(ref.rel), data, withheld, recordings)
        return clip or (found[1] if found is not None else None)

    for rel, ref in list(site.assets.items()):
        if ref.size > MAX_UNPACKED:  # the audit reads it, as it reads every output file
            continue
        got = keyed(("encoded copy", rel, ref.digest, key), functools.partial(carried, ref))
        if got is not None:
            kind, source = got
            (site.recordings if kind == _RECORDING else site.note_copies)[rel] = source
            del site.assets[rel]
