"""Front-matter text that YAML reads as a number or a date, read as written.

``title: 1984``, ``tags: [2026, ux]``, ``company: 1800`` and ``summary:
2026-03-05`` are text to their author (Hugo, Zola and Obsidian show them so), but
YAML reads them as a number or a date and the models, strict, refused them with
"Input should be a valid string" (red team 18, R18-06). In a field that is text,
such a value is its source text as written (``010`` stays "010", not 8). A
yes/no/on/off YAML reads as true or false stays an error: it may be a switch
written in the wrong place, and its hint shows the value quoted
(:func:`quoted_hint`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from ..markdown.frontmatter import FrontMatter

TEXT_FIELDS = {"title", "summary", "alias", "tags", "aliases", "skills", "person",
               "referrals"}
"""Top-level keys whose values (or whose items' or members' values) are text."""
_NESTED_TEXT = {"role", "company", "industry", "location"}
"""Keys of ``person`` and of a referral that are text (not a name or a contact)."""


def texts_as_written(fm: FrontMatter, data: dict[str, Any]) -> None:
    """Replace, in ``data`` (a copy: nested values are copied, not changed), each
    number or date in a text field by its source text."""
    for key in TEXT_FIELDS & data.keys():
        value = data[key]
        if key == "person" and isinstance(value, dict):
            data[key] = _members(fm, (key,), value)
        elif key == "referrals" and isinstance(value, list):
            data[key] = [_members(fm, (key, str(i)), item) if isinstance(item, dict) else item
                         for i, item in enumerate(value)]
        elif isinstance(value, list):
            data[key] = [_text(fm, (key, str(i)), v) for i, v in enumerate(value)]
        else:
            data[key] = _text(fm, (key,), value)


def _members(fm: FrontMatter, path: tuple[str, ...], value: dict[str, Any]) -> dict[str, Any]:
    return {k: _text(fm, (*path, k), v) if k in _NESTED_TEXT else v for k, v in value.items()}


def _text(fm: FrontMatter, path: tuple[str, ...], value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float, dt.date)):
        return value
    return written(fm, path) or str(value)


def written(fm: FrontMatter, path: tuple[str, ...]) -> str:
    """The source text of the plain scalar at ``path`` of ``fm``'s YAML, or ""."""
    lines = fm.text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return ""  # TOML front matter, or none
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), len(lines))
    try:
        node = yaml.compose("\n".join(lines[1:end]), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return ""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if str(k.value) == step), None)
        elif isinstance(node, yaml.SequenceNode) and step.isdigit() \
                and int(step) < len(node.value):
            node = node.value[int(step)]
        else:
            return ""
    if isinstance(node, yaml.ScalarNode) and node.style is None:
        return str(node.value)
    return ""


def quoted_hint(fm: FrontMatter, path: tuple[str, ...]) -> str:
    """The hint for a yes/no/on/off that YAML read as true or false in a text field."""
    said = f"\"{written(fm, path) or '...'}\""
    return ("YAML reads unquoted yes/no/on/off/true/false as true or false; if it is "
            "text, put the value in quotes: " + (said if path[-1].isdigit() else
                                                  f"{path[-1]}: {said}"))
