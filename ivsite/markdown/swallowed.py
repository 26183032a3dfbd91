"""A quoted front-matter value that runs on over the settings after it.

YAML's quoted strings may span lines, so a missing closing quote (``summary:
"Salary talk`` …) is no YAML error: the lines after it, ``visibility: private``
among them, become part of the string, the note falls back to its default
visibility and the "setting" is printed in the page (red team 9, R9-10, R9-11).
Ordinary text rarely runs a quoted value over lines at all, and never with a
line of its own that reads as one of ivsite's settings or as a privacy key; such
a line in a quoted value is an error, whatever the key (a swallowed ``tags:``
or ``person:`` is lost as surely as a ``visibility:``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import yaml

from ..core.diagnostics import Diagnostic
from ..switches.lookalike import privacy_word
from .yamlnodes import yaml_nodes

_KEY_LINE = re.compile(r"""^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_][\w-]*)["']?[ \t]*:(?:[ \t]|$)""")
"""A line that reads as a YAML setting: ``key:`` (or ``- key:``) and a space."""


@functools.cache
def _known_keys() -> frozenset[str]:
    """Every key ivsite reads in a note's front matter, at any depth."""
    from ..core import models

    kinds = (models.InterviewMeta, models.ReflectionMeta, models.RoleMeta, models.PageMeta,
             models.Person, models.Consent, models.FollowUp, models.Referral)
    return frozenset(key for kind in kinds for key in kind.model_fields)


def swallowed_settings(path: str, root: yaml.Node, yaml_text: str) -> list[Diagnostic]:
    """One error per quoted scalar that holds, on a line after its first, what reads
    as a setting; ``root`` was read from ``yaml_text`` (which starts on line 2)."""
    out: list[Diagnostic] = []
    for node in _quoted(root):
        raw = yaml_text[node.start_mark.index:node.end_mark.index].split("\n")
        for offset, line in enumerate(raw[1:], 1):
            m = _KEY_LINE.match(line)
            if m is None or not (m.group(1) in _known_keys() or privacy_word(m.group(1))):
                continue
            opened = node.start_mark.line + 2
            out.append(Diagnostic(
                path, opened + offset, 1, "error", "quote-swallows-setting",
                f"the line '{line.strip()}' is inside the {node.style}-quoted value opened "
                f"on line {opened}, so YAML reads it as text, not as a setting; ivsite "
                "would publish it and ignore the setting",
                f"close the quote ({node.style}) at the end of line {opened}"))
            break
    return out


def _quoted(root: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Every quoted scalar over more than one line, keys and values, each once."""
    return (n for n in yaml_nodes(root, keys=True) if isinstance(n, yaml.ScalarNode)
            and n.style in ('"', "'") and n.end_mark.line > n.start_mark.line)
