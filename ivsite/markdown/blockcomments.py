"""A line that starts with ``#`` inside a YAML block scalar (``summary: >`` or
``|``) is text, not a comment: YAML reads it as part of the value, which ivsite
prints in the page, its description, lists and the feed. It reads like a YAML
comment ("# note to self, do not publish: …"), so it is an error, as an HTML or
``%%`` comment in front matter is (see ivsite.switches.fmchecks.comment_kind).
"""

from __future__ import annotations

import yaml

from ..core.diagnostics import Diagnostic


def block_comments(path: str, root: yaml.Node, yaml_text: str) -> list[Diagnostic]:
    """One error per ``#`` line inside a folded or literal block scalar; ``root``
    was read from ``yaml_text`` (which starts on the file's line 2)."""
    lines = yaml_text.split("\n")
    out: list[Diagnostic] = []
    for node in _block_scalars(root):
        body = lines[node.start_mark.line + 1:node.end_mark.line + 1]
        indent = next((len(b) - len(b.lstrip(" ")) for b in body if b.strip()), 0)
        for n, line in enumerate(body, node.start_mark.line + 3):
            if line.strip().startswith("#") and len(line) - len(line.lstrip(" ")) >= indent > 0:
                out.append(Diagnostic(
                    path, n, indent + 1, "error", "comment-in-front-matter",
                    f"this '#' line is inside a '{node.style}' block, where it is text, not "
                    "a YAML comment: it would be printed as part of the value",
                    f"it is not a YAML comment inside a '{node.style}' block: move it out "
                    "of the block (a comment line before the key), or into the body's "
                    "'::: private' passage"))
    return out


def _block_scalars(root: yaml.Node) -> list[yaml.ScalarNode]:
    """Every folded or literal scalar in a document, each once (aliases)."""
    seen: set[int] = set()
    stack, out = [root], []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and node.style in (">", "|"):
            out.append(node)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return out
