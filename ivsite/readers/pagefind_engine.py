"""Pagefind's own files, recognised in an output folder so the audit need not
read them as text: its search engine, and the scripts and style sheets it writes
the same for every site (:func:`is_fixed`).

Pagefind writes ``pagefind/wasm.<language>.pagefind`` into the bundle: a gzip
stream of its WebAssembly search engine, the same bytes for every site. Read as
text, compiled code holds digit runs ("0123456789") that a phone number's digits
match by chance, which refused every build of such a site (red team G4).

Only a file that is *that* engine is skipped: at the path Pagefind writes it (the
bundle folder at the top of an audited layer) and byte for byte one of the
engines shipped inside the installed Pagefind executable. Any other file — one
merely named like it, in any other ``pagefind`` folder, or with the engine's
first bytes and something else after them (red team 3, H20) — is read like every
other file.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path, PurePosixPath

from .cborstrings import cbor_strings
from .packed import Budget
from .streams import compressed

_ENGINE_NAME = re.compile(r"wasm\.[\w-]+\.pagefind")


def is_engine(path: PurePosixPath | Path, data: bytes) -> bool:
    """Whether this output file (``path`` relative to the audited layer) is
    Pagefind's engine, exactly as Pagefind ships it."""
    return (len(path.parts) == 2 and path.parts[0] == "pagefind"
            and _ENGINE_NAME.fullmatch(path.parts[1]) is not None
            and data[:2] == b"\x1f\x8b" and _shipped(data))


@functools.lru_cache(maxsize=64)
def _shipped(data: bytes) -> bool:
    """Whether these bytes are inside the Pagefind executable (which embeds every
    language's engine, compressed, as it writes them)."""
    return len(data) > 1024 and data in _executable()


@functools.cache
def _executable() -> bytes:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]

        return Path(get_executable()).read_bytes()
    except (ImportError, OSError):  # no engine to compare with: read every file
        return b""


@functools.cache
def _bundle() -> dict[str, str]:
    """File name to SHA-256 of each script and style sheet Pagefind writes into a
    bundle: the same bytes for every site (some are assembled as it writes them,
    so they are not found in the executable as the engine is). Empty without the
    executable: then no file of Pagefind's is known."""
    import hashlib

    return {name: hashlib.sha256(data).hexdigest() for name, data in _bundle_files().items()}


def fixed_sheets() -> dict[str, bytes]:
    """The style sheets Pagefind writes the same into every bundle, by file name:
    what they hide is known before Pagefind has written them (the audit of the
    pages while Pagefind runs reads them as the audit of the whole folder will)."""
    return {name: data for name, data in _bundle_files().items() if name.endswith(".css")}


@functools.cache
def _bundle_files() -> dict[str, bytes]:
    """Each script and style sheet of a bundle made once by indexing a one-page
    folder."""
    import subprocess
    import tempfile

    try:
        from pagefind_bin import get_executable

        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "index.html").write_text(
                "<html><body><main><p>text</p></main></body></html>", "utf-8")
            subprocess.run([str(get_executable()), "--site", tmp, "--silent"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            return {p.name: p.read_bytes() for p in (Path(tmp) / "pagefind").iterdir()
                    if p.suffix in (".js", ".mjs", ".css")}
    except (ImportError, OSError, subprocess.SubprocessError):
        return {}


def script_digests() -> tuple[str, ...]:
    """The SHA-256 of each script Pagefind writes into a bundle (the audit lets
    through no other script but the theme's: ivsite.audit.scripts)."""
    return tuple(sorted(d for name, d in _bundle().items() if name.endswith((".js", ".mjs"))))


def is_fixed(path: PurePosixPath | Path, data: bytes) -> bool:
    """Whether this output file is one of the scripts and style sheets Pagefind
    writes the same for every site, byte for byte and under its own name in a
    ``pagefind`` folder. Such a file holds nothing of the site's notes (its
    SHA-256 is that of a bundle made from a page with none), so the audit need
    not read it: the largest of them took more of a small site's audit than all
    its pages."""
    import hashlib

    fixed = _bundle().get(path.name)
    return (fixed is not None and path.parent.name == "pagefind"
            and hashlib.sha256(data).hexdigest() == fixed)


def is_word_index(path: PurePosixPath | Path, data: bytes) -> bool:
    """Whether this output file is a word index Pagefind wrote (``*.pf_index``, or
    ``*.pf_meta``, which names the first and last word of each part of the index;
    a gzip stream of the CBOR document ivsite.readers.cborstrings reads). Its words
    are stems, not words a page shows: Pagefind files "careers" under "career"
    and "does" under "doe" (red team 11, R11-05 and R11-06)."""
    if PurePosixPath(path).suffix not in (".pf_index", ".pf_meta"):
        return False
    plain = compressed(PurePosixPath(path), data, Budget())
    return plain is not None and cbor_strings(plain) is not None
