"""Which folders of a site hold which kind of note: ``content/`` or the user's own.

Without a ``[content]`` table in site.toml a site keeps today's layout: notes in
``content/interviews/``, ``reflections/``, ``roles/`` and ``pages/``, files
anywhere under ``content/``. With one, the site folder itself is the content (a
vault used in place by adding a site.toml at its root): each listed folder,
relative to the site folder, holds notes of its kind, and every other file is a
file notes may link to or embed. The output folder, ``.ivsite/``, ``themes/``,
``site.toml`` and every dot-folder (``.obsidian/``, ``.git/``, ``.trash/``) are
never content. Load reads the table before anything else (it decides what is
read); config validates it and reports its problems.
"""

from __future__ import annotations

import posixpath
import tomllib
from dataclasses import dataclass

from .outfolders import top_names

KINDS = ("interviews", "reflections", "roles", "pages")
NOTE_SUFFIXES = (".md", ".markdown")
DEFAULT_BASE = "content/"


@dataclass(frozen=True)
class Folders:
    """The site's content folders, longest first so a nested mapping wins."""

    base: str
    """What every content path starts with: ``content/``, or ``""`` for a vault."""
    mapped: tuple[tuple[str, str], ...]
    """(folder ending in '/', kind), longest folder first."""
    never: frozenset[str] = frozenset()
    """Top-level names that are never content (output folder, themes, site.toml)."""

    @property
    def vault(self) -> bool:
        return self.base == ""

    def kind(self, rel: str) -> str:
        """The kind of note a site-relative path holds, or "" outside every folder."""
        for folder, kind in self.mapped:
            if rel.startswith(folder):
                return kind
        return ""

    def key(self, rel: str) -> str:
        """Path under the content base without suffix: a wiki link's full target."""
        return rel[len(self.base):].rsplit(".", 1)[0]

    def questions(self, rel: str) -> bool:
        return rel in (self.base + "questions.yaml", self.base + "questions.yml")

    def contains(self, rel: str) -> bool:
        """Whether a site-relative path (normalised) is inside the content."""
        if rel.startswith("../") or rel == "..":
            return False
        return rel.startswith(self.base) and rel.split("/", 1)[0] not in self.never

    def dirs(self) -> tuple[str, ...]:
        """The folders that hold notes (for the output folder's check)."""
        return tuple(folder.rstrip("/") for folder, _ in self.mapped)


def default_folders() -> Folders:
    return Folders(DEFAULT_BASE, tuple((f"{DEFAULT_BASE}{k}/", k) for k in KINDS))


def folder_problem(folder: str) -> str:
    """Why a ``[content]`` key cannot be a content folder, or ""."""
    if not folder.strip() or folder.strip() in (".", "./"):
        return "is the site folder itself; name a folder inside it"
    if folder.startswith(("/", "\\")) or ":" in folder or "\\" in folder:
        return "must be a folder relative to the site folder, written with '/'"
    parts = folder.strip("/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "must not contain '.', '..' or '//'"
    if any(p.startswith(".") for p in parts):
        return "is a hidden folder, which is never content"
    if parts[0] in ("themes", ".ivsite"):
        return f"'{parts[0]}/' is never content"
    return ""


def read_folders(config_bytes: bytes | None) -> Folders:
    """The layout site.toml asks for. A site.toml that cannot be read, or a
    ``[content]`` table with a problem, gives the default layout: config reports
    the problem, and the build stops there."""
    try:
        raw = tomllib.loads((config_bytes or b"").decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return default_folders()
    table = raw.get("content")
    if not isinstance(table, dict) or not table:
        return default_folders()
    mapped = []
    for folder, kind in table.items():
        if folder_problem(folder) or kind not in KINDS:
            return default_folders()
        mapped.append((posixpath.normpath(folder.strip("/")) + "/", str(kind)))
    mapped.sort(key=lambda fk: (-len(fk[0]), fk[0]))
    out = raw.get("output_dir", "_site")
    never = {"themes", ".ivsite", "site.toml"}
    if isinstance(out, str):
        never |= top_names(out)
    return Folders("", tuple(mapped), frozenset(never))
