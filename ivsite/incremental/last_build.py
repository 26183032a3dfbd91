"""The whole build, kept under the digest of all its inputs.

A build is a pure function of the site's files, site.toml, the theme's files,
the audience and output folder asked for, the share token, and ivsite's own
code. When all of those are what they were for the last build that succeeded,
and the output folder still holds exactly the files that build wrote (same
names, sizes and modification times), that output is already the answer: the
build reports the same result and diagnostics, and touches nothing. This is the
store's rule (a key names all a result is made from) at the coarsest grain; any
other change goes through the stages, which keep their own per-note work. "All
of those" means every file any stage reads: the notes and assets by their
bytes, the files load reads without hashing (a hidden file, a ``.pages``, a text
file outside ``content/``) by their status (ivsite.load.unhashed), and what
load said of them (red team 18, R18-B01: by name alone, a person record pasted
into one left the old output standing).

Never with a passphrase: the record would have to name it, and a digest of a
passphrase kept on disk is something to guess against.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
from dataclasses import asdict
from pathlib import Path

from ..core.diagnostics import Diagnostic

__all__ = ["code_digest", "output_listing", "read", "write"]

Listing = dict[str, list[int]]
"""Output-relative path to [size, modification time in ns]."""


_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "pygments", "jinja2", "pyyaml", "pydantic")
"""The libraries whose versions decide what a note parses, validates and renders as."""


@functools.cache
def code_digest() -> str:
    """A digest of ivsite's own source and of the versions of the libraries it reads
    notes with: a build by other code may differ."""
    package = Path(__file__).resolve().parent.parent
    h = hashlib.blake2b(digest_size=20)
    h.update(repr([_version(name) for name in _LIBRARIES]).encode())
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def output_listing(folder: Path) -> Listing:
    out: Listing = {}
    prefix = len(str(folder)) + 1
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            out[path[prefix:].replace(os.sep, "/")] = [st.st_size, st.st_mtime_ns]
    return out


def read(record: Path, inputs: str, folder: Path) -> tuple[list[Diagnostic], int, str] | None:
    """(diagnostics, file count, share link) of the last build, when its inputs
    were ``inputs`` and ``folder`` is as it left it; else None."""
    try:
        data = json.loads(record.read_text("utf-8"))
        if data["inputs"] != inputs or data["output"] != str(folder):
            return None
        if output_listing(folder) != data["listing"]:
            return None
        diags = [Diagnostic(**d) for d in data["diagnostics"]]
        return diags, int(data["files"]), str(data["share_url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(record: Path, inputs: str, folder: Path, diags: list[Diagnostic], files: int,
          share_url: str) -> None:
    record.parent.mkdir(parents=True, exist_ok=True)
    tmp = record.with_name(record.name + ".tmp")
    tmp.write_text(json.dumps({
        "inputs": inputs, "output": str(folder), "listing": output_listing(folder),
        "diagnostics": [asdict(d) for d in diags], "files": files, "share_url": share_url,
    }), "utf-8")
    tmp.replace(record)
