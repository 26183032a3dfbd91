"""Interviews saved in the site folder but outside ``content/`` (red team 16, R16-04).

With the default layout ivsite reads notes from ``content/`` alone, so an
interview saved beside it (``interviews/`` at the site folder's top, as if
``content/`` were not there, or a draft next to site.toml) is never read: its
person's ``consent.publish_name: false``, e-mail and phone protect no one, and a
public page naming them is published. So the Markdown and text files of the site
folder outside ``content/`` are read for a person record here (not for anything
else, and never published): one that has one is ``misplaced-person``
(ivsite.load.strays), and each is handed to the audit as skipped. Hidden
folders, ``themes/``, ``.ivsite/``, the output folders, ``node_modules/`` and
links are not followed; a vault's whole folder is its content already.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.folders import Folders
from ..core.outfolders import top_names
from .strays import check_stray
from .unhashed import file_key

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".mdx", ".mdown", ".mkd")
_NEVER = frozenset({"themes", ".ivsite", "node_modules", "__pycache__"})
LIMIT = 20000
"""At most this many files are looked at (a site folder that is also a big
repository is not walked whole)."""
_WHY = "it is outside content/, the only folder ivsite reads notes from"


def outside_tops(root: Path, folders: Folders, config_bytes: bytes | None) -> list[str]:
    """The site folder's top-level folders whose files :func:`outside_files` reads
    (the preview's watcher watches them too)."""
    if folders.vault:
        return []
    skip = set(_NEVER) | {folders.base.strip("/")} | _outputs(config_bytes)
    try:
        names = sorted(e.name for e in os.scandir(root) if e.is_dir(follow_symlinks=False))
    except OSError:
        return []
    return [n for n in names if _walked(n) and n not in skip]


def read_outside(parts: tuple[str, ...], tops: Iterable[str]) -> bool:
    """Whether :func:`outside_files` reads the file at ``parts`` (a path in the site
    folder), given the top-level folders it walks."""
    return parts[-1].lower().endswith(TEXT_SUFFIXES) and (
        len(parts) == 1 or (parts[0] in tops and all(_walked(d) for d in parts[1:-1])))


def _walked(folder: str) -> bool:
    return not folder.startswith(".") and folder not in _NEVER


def outside_files(root: Path, folders: Folders, config_bytes: bytes | None) -> list[str]:
    """The Markdown and text files of the site folder outside the content."""
    if folders.vault:
        return []
    skip = set(_NEVER) | {folders.base.strip("/")} | _outputs(config_bytes)
    out: list[str] = []
    for here, dirs, files in os.walk(root):
        top = Path(here) == root
        dirs[:] = sorted(d for d in dirs if _walked(d) and not (top and d in skip)
                         and not os.path.islink(os.path.join(here, d)))
        for name in sorted(files):
            path = os.path.join(here, name)
            if name.lower().endswith(TEXT_SUFFIXES) and not os.path.islink(path):
                out.append(Path(path).relative_to(root).as_posix())
                if len(out) >= LIMIT:
                    return out
    return out


def check_outside(root: Path, folders: Folders, config_bytes: bytes | None,
                  diags: Diagnostics, now_ns: int) -> dict[str, str]:
    """Report each file outside the content with a person record; all the files
    read, each with its status taken before it was read (ivsite.load.unhashed)."""
    out: dict[str, str] = {}
    for rel in outside_files(root, folders, config_bytes):
        out[rel] = file_key(root / rel, now_ns)
        check_stray(root / rel, rel, _WHY, diags)
    return out


def _outputs(config_bytes: bytes | None) -> set[str]:
    """The output folders' top-level names (``_site`` unless site.toml says)."""
    try:
        out = tomllib.loads((config_bytes or b"").decode("utf-8-sig")).get("output_dir", "_site")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        out = "_site"
    return top_names(out) | {"_site"} if isinstance(out, str) else {"_site"}
