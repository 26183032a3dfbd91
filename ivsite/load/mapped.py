"""A folder site.toml's ``[content]`` maps that is not on disk (red team 16, R16-04).

A vault's ``[content]`` names its folders by hand. Named in another case
(``"people/interviews"`` for ``People/Interviews``) or in another Unicode form
(``Gespräche`` typed NFC, made NFD by macOS), the folder is found on a Mac's
file system and not on Linux's (a CI build), and its notes, person records and
all, are then no notes at all. So a mapped folder that is missing while one that
differs only in case or normal form is there is an error (``content-folder``),
naming the folder as it is on disk; one that is missing outright is a warning
(a folder mapped before its first note).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.folders import Folders


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def near_folder(root: Path, folder: str) -> str | None:
    """The folder on disk that ``folder`` names but for case and Unicode form, or None."""
    here, found = root, []
    for part in folder.strip("/").split("/"):
        try:
            names = sorted(e.name for e in os.scandir(here) if e.is_dir(follow_symlinks=False))
        except OSError:
            return None
        match = next((n for n in names if n == part), None) or \
            next((n for n in names if _key(n) == _key(part)), None)
        if match is None:
            return None
        found.append(match)
        here = here / match
    return "/".join(found)


def check_mapped(root: Path, folders: Folders, diags: Diagnostics) -> None:
    """Report each ``[content]`` folder that is not on disk (see the module)."""
    if not folders.vault:
        return
    for folder, kind in folders.mapped:
        name = folder.rstrip("/")
        if (root / name).is_dir():
            continue
        near = near_folder(root, name)
        if near is not None and near != name:
            diags.error(
                "site.toml", 0, 0, "content-folder",
                f"[content] maps '{name}' to {kind}, but the folder on disk is '{near}' "
                "(another case or Unicode form): found on macOS, not on Linux or in CI, "
                "so its notes and their person records would not be read",
                f"write it exactly as on disk: \"{near}\" = \"{kind}\"",
            )
        else:
            diags.warning(
                "site.toml", 0, 0, "content-folder",
                f"[content] maps '{name}' to {kind}, but there is no such folder",
                "check its spelling, or create the folder",
            )
