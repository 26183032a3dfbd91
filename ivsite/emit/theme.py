"""Themes: Jinja2 templates and static files, the site's own over the built-in one.

A site may carry ``themes/<name>/templates/`` and ``themes/<name>/static/``; each
file there replaces the built-in theme's file of the same name, and everything it
does not replace comes from the built-in ``default`` theme. Templates are
autoescaped and strict: an undefined variable is an error, never an empty string.
A theme is read from inside the site only (the built-in one ships in the package).
"""

from __future__ import annotations

import calendar
import hashlib
import importlib.resources
import os
import traceback
from collections import OrderedDict
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
)
from jinja2.bccache import Bucket
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..load.stage import is_editor_noise
from ..validate.config import is_theme_name

__all__ = ["Theme", "ThemeError", "builtin_theme_dir"]



class ThemeError(Exception):
    """A theme that cannot be used (missing, or a template that does not compile)."""


def builtin_theme_dir() -> Path:
    """The built-in ``default`` theme: the checkout's themes/default, else the wheel's copy."""
    checkout = Path(__file__).resolve().parents[2] / "themes" / "default"
    if (checkout / "templates").is_dir():
        return checkout
    return Path(str(importlib.resources.files("ivsite") / "themes" / "default"))


def _refuse_links_outside(site_root: Path, own: Path, name: str) -> None:
    """Raise if the theme folder, or anything in it, is a link that leads outside the
    site's folder (a template there would be rendered, a static file published)."""
    top = site_root.resolve()
    if not own.resolve().is_relative_to(top):
        raise ThemeError(f"themes/{name} links to {own.resolve()}, outside the site's folder; "
                         "a theme is never read from outside the site")
    themes = (site_root / "themes").resolve()
    for dirpath, dirnames, filenames in os.walk(own):
        for entry in (*dirnames, *filenames):
            path = Path(dirpath) / entry
            # Inside themes/ only: a template linked to a note would print it raw.
            if path.is_symlink() and not path.resolve().is_relative_to(themes):
                rel = path.relative_to(own).as_posix()
                raise ThemeError(f"themes/{name}/{rel} links to {path.resolve()}, outside "
                                 "themes/; a theme file is never read from anywhere else")


class _Compiled(BytecodeCache):
    """Templates compiled once per process, by name and source: compiling the
    theme's templates cost a small build a third of a second, and the preview, a
    test run and every build in one process use the same few templates. Kept by
    the template's name and its source's checksum, not by the file's path: a copy
    of a site, or a site's theme in another folder, is the same template. Every
    Theme's environment is made alike (see Theme.__init__), so sharing is sound."""

    _KEPT = 512
    """Sources kept (the oldest forgotten first): a preview compiles a template
    again at each save of it."""

    def __init__(self) -> None:
        self._code: OrderedDict[tuple[str, str], bytes] = OrderedDict()

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return name

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(bucket.key, bucket.checksum)] = bucket.bytecode_to_string()
        while len(self._code) > self._KEPT:
            self._code.popitem(last=False)


_COMPILED = _Compiled()


class Theme:
    """Templates and static files of one site's theme."""

    def __init__(self, template_dirs: list[Path], static_dirs: list[Path]) -> None:
        self.template_dirs = template_dirs
        """Searched in order: the site's theme first, the built-in theme last."""
        self.static_dirs = static_dirs
        """Merged file by file; an earlier folder wins."""
        # Sandboxed: a theme is shared and downloaded, so its templates are not
        # trusted code. No attribute that starts with '_' (the way from any
        # callable in the context to Python's built-ins and open()), and no
        # changing the context's lists and dicts, which are a page's cache key.
        self.env = ImmutableSandboxedEnvironment(
            loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
            bytecode_cache=_COMPILED,
        )
        self.stamp = _stamp(template_dirs)
        """A digest of the template files (names and bytes): part of every page's
        key, so a page rendered by other templates is never reused."""
        self._static: dict[str, bytes] | None = None
        self._words: str | None = None

    @classmethod
    def load(cls, site_root: Path, name: str) -> Theme:
        """The site's theme ``themes/<name>/`` over the built-in one. Every file of a
        theme is published or rendered into pages, so a theme must come from inside
        the site: a name that is a path, or a folder or file that links outside the
        site's folder, is refused before anything is read."""
        if not is_theme_name(name):
            raise ThemeError(
                f"theme {name!r} is not a theme name: write the name of a folder in "
                "themes/ (no path), or 'default'"
            )
        builtin = builtin_theme_dir()
        own = site_root / "themes" / name
        if own.exists() or own.is_symlink():
            _refuse_links_outside(site_root, own, name)
        if name != "default" and not own.is_dir():
            raise ThemeError(
                f"theme '{name}' not found: there is no folder themes/{name}/ in the site"
            )
        template_dirs: list[Path] = []
        static_dirs: list[Path] = []
        if own.is_dir() and own.resolve() != builtin.resolve():
            if (own / "templates").is_dir():
                template_dirs.append(own / "templates")
            if (own / "static").is_dir():
                static_dirs.append(own / "static")
        template_dirs.append(builtin / "templates")
        static_dirs.append(builtin / "static")
        return cls(template_dirs, static_dirs)

    def render(self, template: str, **context: Any) -> str:
        try:
            return self.env.get_template(template).render(**context)
        except TemplateError as exc:
            line = getattr(exc, "lineno", None)
            where = f" (line {line})" if line else ""
            raise ThemeError(f"template {template}{where}: {exc}") from exc
        except Exception as exc:  # a theme's own expression failed ({{ 1/0 }})
            frames = [f for f in traceback.extract_tb(exc.__traceback__)
                      if f.filename.endswith((".html", ".xml", ".txt", ".js", ".json"))]
            where = f" ({Path(frames[-1].filename).name}, line {frames[-1].lineno})" \
                if frames else ""
            raise ThemeError(f"template {template}{where} failed: {exc!r}") from exc

    def vocabulary(self) -> str:
        """The words the theme prints on its own (its templates' text, and the
        names of months and days its dates are written with): the audit does not
        count one of them, alone, as a withheld tag or name part shown."""
        if self._words is None:
            parts = [*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                     *calendar.day_abbr]
            for folder in self.template_dirs:
                parts += [p.read_text("utf-8", errors="ignore")
                          for p in sorted(folder.rglob("*")) if p.is_file()]
            self._words = "\n".join(parts)
        return self._words

    def has_template(self, template: str) -> bool:
        try:
            self.env.get_template(template)
        except TemplateError:
            return False
        return True

    def static_files(self) -> dict[str, bytes]:
        """Relative path under static/ to its bytes; the site's theme wins file by file.

        Read once per theme object (the live preview loads the theme again when
        anything under themes/ changes)."""
        if self._static is None:
            self._static = self._read_static()
        return dict(self._static)

    def forget_static(self) -> None:
        """Read the static files again when next asked: they may change while the
        templates stay the same (a theme kept across the preview's builds)."""
        self._static = None

    def _read_static(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for folder in reversed(self.static_dirs):
            if not folder.is_dir():
                continue
            top = folder.resolve()
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames[:] = sorted(d for d in dirnames if not is_editor_noise(d))
                for fname in sorted(filenames):
                    if is_editor_noise(fname):
                        continue
                    path = Path(dirpath) / fname
                    # A link that leads out of the theme folder is never read.
                    if not path.resolve().is_relative_to(top) or not path.is_file():
                        continue
                    out[path.relative_to(folder).as_posix()] = path.read_bytes()
        return dict(sorted(out.items()))


def _stamp(template_dirs: list[Path]) -> str:
    h = hashlib.blake2b(digest_size=20)
    for i, folder in enumerate(template_dirs):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                h.update(f"\0{i}\0{path.relative_to(folder).as_posix()}\0".encode())
                h.update(path.read_bytes())
    return h.hexdigest()
