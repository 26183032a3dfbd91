"""Every node of a parsed YAML document, each once: the front matter's checks
(duplicate keys, quoted values that swallow a setting) walk the same graph, where
an alias (``*a``) would otherwise be walked again and again (a billion laughs)."""

from __future__ import annotations

from collections.abc import Iterator

import yaml


def yaml_nodes(root: yaml.Node, keys: bool = False) -> Iterator[yaml.Node]:
    """``root`` and the nodes under it, parents first; a mapping's keys too where
    ``keys``, else its values only."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for k, v in node.value for n in ((k, v) if keys else (v,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
