"""The audit's own reading of a folder's privacy stated in a file beside its notes
(red team 16, R16-07).

Load refuses a settings file or a marker that says a folder of notes is private
(ivsite.load.foldersettings: ``privacy-key``, ``folder-marker``), since ivsite
reads no folder settings. The audit must not depend on that: it reads the files
of the content again by rules of its own, narrower than load's (so that it never
refuses what load lets through), and every note in a folder one of them marks,
or below it, is withheld (ivsite.audit.secrets):

* a hidden or empty file named ``private``, ``nopublish``, ``donotpublish``,
  ``draft``, ``secret``, ``hidden``, ``unpublished`` (any case, ``-`` or ``_``),
  or ``.ivsiteignore``; a short text named ``DO-NOT-PUBLISH.txt`` or ``NOT-PUBLIC``;
* a ``.json``, ``.yml``/``.yaml``, ``.toml``, ``.pages`` or ``*.11tydata.*`` file
  (not ``package.json``) whose top level sets ``visibility`` to ``private`` or
  ``mentor``, ``draft``/``private``/``hidden``/``unlisted``/``hide`` true,
  ``publish``/``published`` or ``permalink`` false, or a key with ``exclude`` in
  it true.
"""

from __future__ import annotations

import json
import posixpath
import tomllib
from collections.abc import Iterable

import yaml

from ..core.sourcefiles import SiteFiles
from ..switches.lookalike import normalise

_MARKERS = frozenset({"private", "nopublish", "donotpublish", "dontpublish", "draft",
                      "secret", "hidden", "unpublished", "notpublic", "ivsiteignore"})
_SAYS_NOT = frozenset({"donotpublish", "dontpublish", "nopublish", "notpublic"})
"""Names that say so even on a short text (``DO-NOT-PUBLISH.txt``)."""
_IF_YES = frozenset({"draft", "private", "hidden", "unlisted", "hide", "noindex"})
_IF_NO = frozenset({"publish", "published", "permalink", "listed", "visible"})
_OTHER_TOOLS = frozenset({"package.json", "package-lock.json", "composer.json", "tsconfig.json",
                      "_config.yml", "_config.yaml", "mkdocs.yml", "mkdocs.yaml", "netlify.toml",
                      "vercel.json", "hugo.toml", "hugo.yaml", "hugo.json", "zola.toml"})
_SIZE = 1 << 16


def said_private(files: SiteFiles, rels: Iterable[tuple[str, int | None]]) -> frozenset[str]:
    """The folders (``"content/pages/x/"``; ``""`` for a vault's root) that a file
    among ``rels`` (path, and size where the loader knows it) says are private,
    by the rules of the module."""
    out: set[str] = set()
    for rel, known in rels:
        folder, name = posixpath.split(rel)
        size = known if known is not None else files.size(rel)
        if size is not None and (_marker(name, size) or _settings(files, rel, name, size)):
            out.add(folder + "/" if folder else "")
    return frozenset(out)


def in_said(source: str, folders: frozenset[str]) -> bool:
    """Whether a note's path is in, or below, one of ``folders``."""
    return any(source.startswith(f) for f in folders)


def _marker(name: str, size: int) -> bool:
    stem = normalise(name.lstrip(".").removesuffix(".txt").removesuffix(".TXT"))
    return ((name.startswith(".") or size == 0) and stem in _MARKERS) or (
        size <= 1024 and stem in _SAYS_NOT)


def _settings(files: SiteFiles, rel: str, name: str, size: int) -> bool:
    lower = name.lower()
    if lower in _OTHER_TOOLS or size > _SIZE or not (
            lower.endswith((".json", ".yml", ".yaml", ".toml")) or lower == ".pages"
            or ".11tydata." in lower):
        return False
    raw = files.head(rel, _SIZE + 1)
    if raw is None:
        return False
    text = raw.decode("utf-8-sig", "replace")
    try:
        data = json.loads(text) if lower.endswith(".json") else tomllib.loads(text) \
            if lower.endswith(".toml") else next(iter(yaml.safe_load_all(text)), None)
    except (ValueError, yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError):
        return False
    return isinstance(data, dict) and any(_says(str(k), v) for k, v in data.items())


def _says(key: str, value: object) -> bool:
    name = normalise(key)
    said = normalise(str(value)) if isinstance(value, str | bool) else ""
    if name == "visibility":
        return said in ("private", "mentor")
    yes, no = said in ("true", "yes", "on"), said in ("false", "no", "off")
    return (name in _IF_YES and yes) or (name in _IF_NO and no) or ("exclude" in name and yes)
