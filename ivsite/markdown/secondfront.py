"""A second front-matter block at the top of a body.

Obsidian's Templater, a "new note" template or two notes merged into one leave a
note with two front-matter blocks. Only the first is front matter; the second
would be Markdown (a rule and a heading printing ``visibility: private``), though
the author's editor may well show its settings and the author trusts them. So a
body whose first non-blank lines are a ``---`` or ``+++`` fenced block that reads
as YAML or TOML settings is an error (fail closed), never text; so is a body
that opens with another tool's front matter (a JSON object, Org-mode keywords:
ivsite.markdown.otherfront).
"""

from __future__ import annotations

import tomllib

import yaml

from ..core.diagnostics import Diagnostic
from .frontmatter import FrontMatter
from .otherfront import foreign_front_matter

_LOOK_AHEAD = 200
"""Lines searched for the closing fence (front matter is short)."""


def second_front_matter(path: str, fm: FrontMatter) -> list[Diagnostic]:
    """An error when the body opens with a block that reads as front matter."""
    lines = fm.body.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is not None and (foreign := foreign_front_matter(fm.body)) is not None:
        return [Diagnostic(
            path, fm.body_line + start, 1, "error", "second-front-matter",
            f"the body opens with {foreign}; ivsite reads only the front matter "
            "above, and would publish these settings as text",
            "merge its settings into the front matter above, as YAML")]
    if start is None or lines[start].rstrip() not in ("---", "+++"):
        return []
    fence = lines[start].rstrip()
    end = next((i for i in range(start + 1, min(len(lines), start + _LOOK_AHEAD))
                if lines[i].rstrip() == fence), None)
    if end is None or not _settings("\n".join(lines[start + 1:end]), fence):
        return []
    return [Diagnostic(
        path, fm.body_line + start, 1, "error", "second-front-matter",
        f"a second front-matter block ('{fence}' to line {fm.body_line + end}) follows "
        "the first; ivsite reads only the first, and would publish this one as text",
        "merge its settings into the first block (one front matter per note)")]


def _settings(text: str, fence: str) -> bool:
    """Whether ``text`` reads as a non-empty set of YAML (or, after ``+++``, TOML)
    settings."""
    try:
        data = tomllib.loads(text) if fence == "+++" else yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and bool(data)
