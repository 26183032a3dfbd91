"""A folder's privacy stated in a file beside its notes (red team 16, R16-07).

Other generators keep a whole folder out by a file in it: Eleventy's directory
data (``salary-talks.11tydata.json`` with ``permalink: false``), a
``_metadata.yml`` or ``folder.toml`` with ``visibility: private``, mkdocs-awesome-
pages' ``.pages`` with ``hide: true``; and authors guess at an ivsite
equivalent: an empty ``.private`` or ``.nopublish``, a ``DO-NOT-PUBLISH.txt``, an
``.ivsiteignore``. ivsite reads no folder settings, so each was an asset nobody
linked, and the folder's notes were published without a word. Fail closed, as
for a note's own keys (red team 4, J8): in a folder that holds notes (or above
one),

* a data or settings file (``.json``, ``.yml``/``.yaml``, ``.toml``, ``.pages``,
  ``*.11tydata.*``) whose top level, or a table for its pages' settings
  (``cascade``, ``eleventyComputed``, ``data`` …), sets a privacy key, another
  tool's "leave it out" key (ivsite.switches.otherswitches) or any key with a
  "leave it out" verb in it (``eleventyExcludeFromCollections: true``) is a
  ``privacy-key`` error;
* a marker whose name says private (``.private``, ``.nopublish``: hidden or
  empty; ``DO-NOT-PUBLISH.txt``: a short text whose name says "not") or a publishing
  ignore file (``.ivsiteignore``, ``.publishignore``) is a ``folder-marker``
  error: the folder is not private.

``package.json``'s ``private`` is npm's and says nothing of the site. The audit
reads these files on its own (ivsite.audit.foldersaid).
"""

from __future__ import annotations

import json
import posixpath
import tomllib
from collections.abc import Iterable
from pathlib import Path

import yaml

from ..core.diagnostics import Diagnostics
from ..switches.everydaykeys import key_parts
from ..switches.lookalike import LEAVE_OUT, normalise, privacy_value, privacy_word
from ..switches.otherswitches import not_published

DATA_SUFFIXES = (".json", ".yml", ".yaml", ".toml")
NOT_SITE = frozenset({"package.json", "package-lock.json", "composer.json", "tsconfig.json",
                      "_config.yml", "_config.yaml", "mkdocs.yml", "mkdocs.yaml", "netlify.toml",
                      "vercel.json", "hugo.toml", "hugo.yaml", "hugo.json", "zola.toml"})
"""Files whose keys belong to another tool (npm's ``private: true``) or set a whole
site's build (Jekyll's ``unpublished: false``), not a folder's pages."""
TABLES = frozenset({"cascade", "eleventycomputed", "build", "defaults", "data", "frontmatter",
                    "params", "extra", "meta", "metadata", "folder", "directory", "settings",
                    "options", "page", "pages"})
"""Tables whose keys are set for a folder's pages."""
SHOWN_WORDS = frozenset({"public", "publish", "published", "visible", "shown", "listed"})
SITE_WORDS = ("ivsite", "publish", "site", "web", "page", "blog", "deploy", "export", "share",
              "public", "build", "www")
"""What an ignore file's name says it keeps out of (``.ivsiteignore``); not ``.gitignore``."""
_MARKER_SIZE = 1024
_DATA_SIZE = 1 << 16
_TRUE = frozenset({"true", "yes", "on", "1", "y"})
_FALSE = frozenset({"false", "no", "off", "0", "n", "never"})


def is_settings(name: str) -> bool:
    """Whether a file's name is a data or settings file's (see the module)."""
    lower = name.lower()
    return lower not in NOT_SITE and (lower.endswith(DATA_SUFFIXES) or lower == ".pages"
                                      or ".11tydata." in lower)


def marker_word(name: str, size: int) -> str | None:
    """What a marker file's name says (``.private``: "private"), or None."""
    stem = name.lstrip(".")
    lower = stem.lower()
    if lower.endswith("ignore") and lower[:-6].strip("-_.").startswith(SITE_WORDS):
        return stem
    for suffix in (".txt", ".md", ".markdown"):
        if lower.endswith(suffix):
            stem, lower = stem[:-len(suffix)], lower[:-len(suffix)]
            break
    else:
        if "." in stem:
            return None
    norm = normalise(stem)
    if not norm or norm in SHOWN_WORDS or not privacy_value(stem):
        return None
    # A hidden or empty file is a marker whatever its word; a short text only when
    # its name says "not" (DO-NOT-PUBLISH.txt), for a draft.txt may be a draft.
    if name.startswith(".") or size == 0 or (
            size <= _MARKER_SIZE and norm.startswith(("no", "donot", "dont", "never"))):
        return stem
    return None


def leave_out(key: str, value: object) -> bool:
    """Whether a folder setting ``key: value`` keeps its pages out."""
    norm = normalise(key)
    if norm == "visibility":
        return not (isinstance(value, str) and normalise(value) == "public")
    if not_published(key, value) is not None:
        return True
    said = normalise(str(value)) if isinstance(value, str | bool | int) else ""
    word = privacy_word(key)
    if word is not None:
        return said in _FALSE if normalise(word) in SHOWN_WORDS else \
            said in _TRUE or (isinstance(value, str) and privacy_value(value))
    if isinstance(value, str) and norm in ("status", "state", "access", "audience", "privacy"):
        return privacy_value(value)
    return said in _TRUE and ("exclude" in norm or any(
        p.startswith(v) for p in key_parts(key, normalise) for v in LEAVE_OUT))


def setting_said(data: object) -> str | None:
    """The ``key: value`` of a settings file's mapping that keeps its folder out."""
    if not isinstance(data, dict):
        return None
    for key, value in data.items():
        if leave_out(str(key), value):
            return f"{key}: {json.dumps(value, default=str)}"
        if isinstance(value, dict) and normalise(str(key)) in TABLES:
            inner = next((f"{key}.{k}: {json.dumps(v, default=str)}" for k, v in value.items()
                          if leave_out(str(k), v)), None)
            if inner:
                return inner
    return None


def read_settings(data: bytes, name: str) -> object:
    """A settings file's contents (JSON, TOML or YAML, by its name), None if unread."""
    text = data.decode("utf-8-sig", "replace")
    try:
        if name.lower().endswith(".json"):
            return json.loads(text)
        if name.lower().endswith(".toml"):
            return tomllib.loads(text)
        return next(iter(yaml.safe_load_all(text)), None)
    except (ValueError, yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError):
        return None


def check_folder_settings(root: Path, files: Iterable[str], notes: Iterable[str],
                          diags: Diagnostics) -> None:
    """Report each settings or marker file beside (or above) notes that says the
    folder is private (see the module)."""
    held = {posixpath.dirname(n) for n in notes}
    above = {d for n in held for d in _and_up(n)}
    for rel in files:
        folder, name = posixpath.split(rel)
        if folder not in above:
            continue
        path = root / rel
        try:
            size = path.stat().st_size
            word = marker_word(name, size)
            said = None if word or not is_settings(name) or size > _DATA_SIZE else \
                setting_said(read_settings(path.read_bytes(), name))
        except OSError:
            continue
        shown = folder or "the site folder"
        if word:
            diags.error(rel, 0, 0, "folder-marker",
                        f"'{name}' reads as a marker that {shown}/ is {word}, but ivsite "
                        "reads no marker files: the notes beside it would be published",
                        "to keep them out, write 'visibility: private' in each note, or "
                        "move the folder into one named private/; otherwise delete the file")
        elif said:
            diags.error(rel, 0, 0, "privacy-key",
                        f"'{name}' sets '{said}' for {shown}/, as another tool reads a "
                        "folder's settings; ivsite reads none and would publish the notes "
                        "beside it",
                        "to keep them out, write 'visibility: private' in each note, or "
                        "move the folder into one named private/; otherwise remove the "
                        "setting")


def _and_up(folder: str) -> Iterable[str]:
    """A folder and each folder above it, up to the site folder ("")."""
    while folder:
        yield folder
        folder = posixpath.dirname(folder)
    yield ""
