"""A line that starts with ``#`` inside a YAML block scalar (``summary: >`` or
``|``), or inside a quoted scalar written over several lines, is text, not a
comment: YAML reads it as part of the value, which ivsite prints in the page, its
description, lists and the feed. It reads like a YAML comment ("# note to self,
do not publish: …"), so it is an error, as an HTML or ``%%`` comment in front
matter is (see ivsite.switches.fmchecks.comment_kind). The question bank's texts
are printed as written too, so ivsite.validate.questionsfile asks the same of it
(red team 11, R11-03).
"""

from __future__ import annotations

import yaml

from ..core.diagnostics import Diagnostic

_STYLES = {">": "a '>' block", "|": "a '|' block", '"': "a value in double quotes",
           "'": "a value in single quotes"}


def block_comments(path: str, root: yaml.Node, yaml_text: str,
                   code: str = "comment-in-front-matter", first: int = 2) -> list[Diagnostic]:
    """One error (as ``code``) per ``#`` line inside a block scalar or a quoted
    scalar's later lines; ``root`` was read from ``yaml_text``, which starts on
    the file's line ``first``."""
    lines = yaml_text.split("\n")
    out: list[Diagnostic] = []
    for node in _text_scalars(root):
        body = lines[node.start_mark.line + 1:node.end_mark.line + 1]
        block = node.style in (">", "|")
        indent = next((len(b) - len(b.lstrip(" ")) for b in body if b.strip()), 0) \
            if block else 0
        if block and indent == 0:
            continue
        for n, line in enumerate(body, node.start_mark.line + 1 + first):
            if line.strip().startswith("#") and len(line) - len(line.lstrip(" ")) >= indent:
                where = _STYLES[str(node.style)]
                out.append(Diagnostic(
                    path, n, len(line) - len(line.lstrip(" ")) + 1, "error", code,
                    f"this '#' line is inside {where}, where it is text, not a YAML "
                    "comment: it would be printed as part of the value",
                    f"it is not a YAML comment inside {where}: move it out of the value "
                    "(a comment line of its own before the key), or into a private note "
                    "or a '::: private' passage"))
    return out


def _text_scalars(root: yaml.Node) -> list[yaml.ScalarNode]:
    """Every folded or literal scalar in a document, and every quoted one written
    over more than one line, each once (aliases)."""
    seen: set[int] = set()
    stack, out = [root], []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and (
                node.style in (">", "|")
                or (node.style in ('"', "'") and node.end_mark.line > node.start_mark.line)):
            out.append(node)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return out
