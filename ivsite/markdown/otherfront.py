"""Front matter as other tools write it, and notes with none.

TOML between ``+++`` lines, as Hugo and Zola write it, is read into the same
:class:`~ivsite.markdown.frontmatter.FrontMatter` YAML fills, so every later check
(privacy look-alikes, visibility, dates) treats both alike. tomllib
keeps no positions, so each key's line is found again in the text: top-level
keys before the first ``[table]``, and the keys of each ``[table]`` under it.

A note with no front matter at all (most of an Obsidian vault) is read as all
body; but a file that *starts like* front matter and cannot be read as such (an
opening line that is not quite ``---``, settings without their opening line) is an
error, never body text: its settings may say ``visibility: private``. So is one
that opens with front matter in a form ivsite does not read (red team 9): Hugo's
JSON object, or Org-mode's ``#+KEY: value`` lines (see :func:`foreign_front_matter`).
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from typing import Any

from ..core.diagnostics import Diagnostic
from .frontmatter import FrontMatter, Pos

_KEY = re.compile(r"""^[ \t]*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)[ \t]*=""")
_TABLE = re.compile(r"^[ \t]*\[([^\[\]]+)\][ \t]*(?:#.*)?$")


_ALMOST_OPENING = re.compile(
    r"^[ \t]*(?:-{2,}|\+{2,}|[-+][ \t]*[-+][ \t]*[-+].*|---\S.*|\+\+\+\S.*)[ \t]*$")
"""A first line that is nearly ``---`` or ``+++``: ``----``, ``--``, ``- - -``, ``---yaml``."""
_SETTING = re.compile(r"^[ \t]*[A-Za-z_][\w-]*[ \t]*(?::(?:[ \t]|$)|=)")
_CLOSING = ("---", "+++")
_DASHES = ("-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b"
           "\ufe58\ufe63\uff0d\uff3f\u2500\u2501")
"""Hyphens, dashes, minus signs and low lines, as typed, autocorrected or full-width."""
_LONG_DASHES = "\u2013\u2014\u2015\u2e3a\u2e3b"
"""En/em dashes: what smart punctuation makes of a typed ``--``/``---``."""
_PLUSES = "+\ufe62\uff0b"
_COMMENTS = re.compile(r"%%.*?%%|<!--.*?-->")
_LOOK_AHEAD = 40
_ORG_KEYWORD = re.compile(r"^[ \t]*#\+[A-Za-z][\w-]*:")
"""An Org-mode keyword line (``#+TITLE: Notes``), as ox-hugo and Org notes open."""


def foreign_front_matter(text: str) -> str | None:
    """What other tool's front matter ``text`` opens with (its first non-blank
    lines), or None: a JSON object of settings (Hugo) or Org-mode keyword lines.
    Markdown opens with neither, and their settings may say private."""
    start = text.lstrip()
    if start.startswith("{"):
        try:
            data, _ = json.JSONDecoder().raw_decode(start)
        except (ValueError, RecursionError):
            return None
        return "a JSON object of settings (Hugo's JSON front matter)" \
            if isinstance(data, dict) and data else None
    if _ORG_KEYWORD.match(start):
        return "Org-mode keyword lines ('#+KEY: value')"
    return None


def without_front_matter(path: str, text: str, lines: list[str]) -> tuple[
        FrontMatter | None, list[Diagnostic]]:
    """A file whose first line is not ``---`` or ``+++``: all body, or an error
    when it starts like front matter."""
    first = lines[0] if lines else ""
    if _ALMOST_OPENING.match(first) and first.strip() not in ("***", "___"):
        return None, [Diagnostic(
            path, 1, 1, "error", "front-matter-start",
            f"the first line {first.strip()!r} looks like the start of front matter, but "
            "only a line '---' (YAML) or '+++' (TOML) opens it; ivsite will not guess",
            "write '---' alone on the first line, or start the note with its text")]
    late = _late_fence(lines)
    if late is not None:
        n, shown = late
        return None, [Diagnostic(
            path, n, 1, "error", "front-matter-start",
            f"line {n} {shown!r} looks like the start of front matter, but front matter "
            "opens only with '---' (YAML) or '+++' (TOML) alone on the very first line; "
            "ivsite will not read it as text",
            "front matter must start on the first line with ---: remove what comes "
            "before it (blank lines, invisible characters, comments) and type plain "
            "hyphens")]
    foreign = foreign_front_matter(text)
    if foreign is not None:
        n = next(i for i, line in enumerate(lines, 1) if line.strip())
        return None, [Diagnostic(
            path, n, 1, "error", "front-matter-form",
            f"the note opens with {foreign}; ivsite reads front matter only as YAML "
            "between '---' lines (or TOML between '+++'), so it would ignore these "
            "settings (a 'visibility: private' among them) and publish them as text",
            "rewrite the settings as YAML between '---' lines at the top, for example "
            "'visibility: private'")]
    close = next((i for i, line in enumerate(lines[:_LOOK_AHEAD])
                  if line.rstrip() in _CLOSING), None)
    if close:
        before = [line for line in lines[:close] if line.strip()]
        if before and all(_SETTING.match(line) or line.startswith((" ", "\t", "-"))
                          for line in before) and _SETTING.match(before[0]):
            return None, [Diagnostic(
                path, 1, 1, "error", "front-matter-start",
                f"these lines look like settings closed by the '{lines[close].strip()}' on "
                f"line {close + 1}, but the front matter has no opening line; ivsite "
                "will not read settings as text",
                f"add a line '{lines[close].strip()}' before the first setting")]
    return FrontMatter(body=text, body_line=1, text=text, present=False), []


def _visible(line: str) -> str:
    """The line without whitespace and Unicode format characters (U+200B, BOM …)."""
    return "".join(ch for ch in line
                   if not ch.isspace() and unicodedata.category(ch) != "Cf")


def _late_fence(lines: list[str]) -> tuple[int, str] | None:
    """The line (1-based) and text of a fence-like first visible line: the first
    line that is not blank, invisible or only comments, made only of dash-like
    characters (three or more, or an en/em dash) or of ``+`` look-alikes. Line 1
    exactly ``---``/``+++`` never comes here; anything else so shaped may be front
    matter its author meant, with a ``visibility: private`` in it (fail closed)."""
    in_comment = ""
    for n, line in enumerate(lines, 1):
        seen = _visible(line)
        if in_comment:
            end = seen.find(in_comment)
            if end < 0:
                continue
            seen, in_comment = seen[end + len(in_comment):], ""
        seen = _COMMENTS.sub("", seen)
        for opener, closer in (("%%", "%%"), ("<!--", "-->")):
            if seen.startswith(opener):  # a comment that goes on over the next lines
                seen, in_comment = "", closer
        if not seen:
            continue
        dashes = all(ch in _DASHES for ch in seen) and (
            len(seen) >= 3 or any(ch in _LONG_DASHES for ch in seen))
        pluses = len(seen) >= 3 and all(ch in _PLUSES for ch in seen)
        return (n, line.strip()) if dashes or pluses else None
    return None


def split_toml(path: str, text: str, lines: list[str]) -> tuple[
        FrontMatter | None, list[Diagnostic]]:
    """A file whose first line is ``+++``."""
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "+++"), None)
    if end is None:
        return None, [Diagnostic(path, 1, 1, "error", "front-matter-unclosed",
                                 "the TOML front matter opened on line 1 is never closed",
                                 "add a line '+++' after the last setting")]
    data, where, problems = read_toml(path, lines[1:end])
    if data is None:
        return None, problems
    fm = FrontMatter(body="\n".join(lines[end + 1:]), body_line=end + 2, text=text)
    fm.data = data
    for keys, (line, col, value_col) in where.items():
        if len(keys) == 1:
            fm.key_pos[keys[0]] = Pos(line, col)
            fm.value_pos[keys[0]] = Pos(line, value_col)
        else:
            fm.nested_pos[keys] = Pos(line, value_col)
            fm.nested_key_pos[keys] = Pos(line, col)
    return fm, []


def read_toml(path: str, lines: list[str]) -> tuple[
        dict[str, Any] | None, dict[tuple[str, ...], tuple[int, int, int]], list[Diagnostic]]:
    """The settings between the ``+++`` on line 1 and the next ``+++`` (``lines``
    are those between them), each key path's (key line, key column, value column),
    and the problems. None when they cannot be read."""
    text = "\n".join(lines) + "\n"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(m.group(1)) + 1, int(m.group(2))) if m else (len(lines) + 1, 1)
        return None, {}, [Diagnostic(
            path, line, col, "error", "toml",
            f"front matter is not valid TOML: {str(exc).split(' (at')[0]}",
            "between '+++' lines the settings are TOML: key = \"value\"")]
    return data, _positions(lines), []


def _positions(lines: list[str]) -> dict[tuple[str, ...], tuple[int, int, int]]:
    out: dict[tuple[str, ...], tuple[int, int, int]] = {}
    table: tuple[str, ...] = ()
    for n, line in enumerate(lines, 2):  # line 1 is the opening +++
        t = _TABLE.match(line)
        if t:
            table = tuple(p.strip().strip("\"'") for p in t.group(1).split("."))
            out.setdefault(table, (n, 1, 1))
            continue
        k = _KEY.match(line)
        if k:
            key = (*table, *(p.strip("\"'") for p in k.group(1).split(".")))
            col = k.start(1) + 1
            out.setdefault(key, (n, col, k.end() + 2))
    return out
