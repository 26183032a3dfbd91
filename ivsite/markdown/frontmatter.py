"""Split a note into front matter and body, and read the YAML with positions.

A note may have no front matter, or TOML front matter between ``+++`` lines
(see ivsite.markdown.otherfront). Accepts UTF-8 with or without a byte-order mark, UTF-16
with a mark, and CRLF line endings. Only a line ``---`` closes the front matter;
YAML's own ``...`` end marker inside it is an error, never the start of the
body. YAML is read with a safe loader only (the C one where present) and the
position of every top-level key is kept so that later stages can point at it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is about five times faster; fall back to pure Python if absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from yaml.constructor import ConstructorError, SafeConstructor

from ..core.diagnostics import Diagnostic
from .blockcomments import block_comments
from .swallowed import swallowed_settings
from .yamlnodes import yaml_nodes

_DOCUMENT_END = re.compile(r"\.\.\.(?:[ \t]|$)")
"""A YAML document end marker: ``...`` at the start of a line, alone or before a comment."""


class _BadValue(ConstructorError):
    """A scalar YAML recognised but could not build (e.g. the date 2026-02-30)."""


class _NoteLoader(_Loader):
    """The safe loader, but a date that does not exist is reported at its position."""


def _timestamp(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        raise _BadValue(None, None, f"'{node.value}' is not a real date ({exc})",
                        node.start_mark) from exc


_NoteLoader.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:timestamp", _timestamp
)


@dataclass(frozen=True)
class Pos:
    line: int
    col: int


@dataclass
class FrontMatter:
    """What a note's header says, and where each key and value stands."""

    data: dict[str, Any] = field(default_factory=dict)
    key_pos: dict[str, Pos] = field(default_factory=dict)
    value_pos: dict[str, Pos] = field(default_factory=dict)
    nested_pos: dict[tuple[str, ...], Pos] = field(default_factory=dict)
    """Positions of nested values, by key path (e.g. ``("person", "name")``)."""
    nested_key_pos: dict[tuple[str, ...], Pos] = field(default_factory=dict)
    """Positions of nested keys, by key path (for problems with the key itself)."""
    body: str = ""
    body_line: int = 1
    """Line of the file on which the body starts (1-based)."""
    text: str = ""
    """The whole decoded file, newlines normalised."""
    present: bool = True
    """False for a note with no front matter at all (see ivsite.markdown.otherfront)."""

    def pos(self, *path: str | int) -> Pos:
        """Best known position for a key path; falls back to its parents."""
        keys = tuple(str(p) for p in path)
        while keys:
            if len(keys) == 1:
                if keys[0] in self.value_pos:
                    return self.value_pos[keys[0]]
                if keys[0] in self.key_pos:
                    return self.key_pos[keys[0]]
            elif keys in self.nested_pos:
                return self.nested_pos[keys]
            keys = keys[:-1]
        return Pos(1, 1)


def decode(data: bytes) -> tuple[str | None, str]:
    """Decode note bytes; returns (text, encoding) or (None, reason)."""
    if data.startswith(codecs.BOM_UTF8):
        data, enc = data[3:], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    else:
        enc = "utf-8"
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        return None, f"not valid {enc.upper()} (byte {exc.start})"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, enc


def split(path: str, data: bytes) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Decode, split and parse a note's front matter; errors are diagnostics."""
    diags: list[Diagnostic] = []
    text, enc = decode(data)
    if text is None:
        diags.append(Diagnostic(path, 1, 1, "error", "encoding", f"the file is {enc}",
                                "save it as UTF-8"))
        return None, diags
    if "\x00" in text:
        diags.append(Diagnostic(path, 1, 1, "error", "encoding",
                                "the file holds NUL bytes; is it binary?"))
        return None, diags
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        from .otherfront import split_toml, without_front_matter

        if lines[0].rstrip() == "+++":
            return split_toml(path, text, lines)
        return without_front_matter(path, text, lines)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    dots = next((i for i in range(1, len(lines) if end is None else end)
                 if _DOCUMENT_END.match(lines[i])), None)
    if dots is not None:
        # YAML's document end marker: reading it as the end of the front matter would
        # turn the settings after it (a 'visibility: private') into published text.
        diags.append(Diagnostic(
            path, dots + 1, 1, "error", "front-matter-end",
            "'...' ends a YAML document, but only a line '---' closes the front matter; "
            "ivsite will not guess where the settings end",
            "remove the '...' line, or replace it with '---' if the settings end there",
        ))
        return None, diags
    if end is None:
        diags.append(Diagnostic(
            path, 1, 1, "error", "front-matter-unclosed",
            "the front matter opened on line 1 is never closed",
            "add a line '---' after the last setting",
        ))
        return None, diags
    yaml_text = "\n".join(lines[1:end])
    fm = FrontMatter(body="\n".join(lines[end + 1:]), body_line=end + 2, text=text)
    if not yaml_text.strip():
        return fm, diags
    try:
        loader = _NoteLoader(yaml_text)
        try:
            node = loader.get_single_node()
            if node is not None:
                # Before construction, which flattens merge keys in place.
                diags += _duplicates(path, node) + _merge_keys(path, node) \
                    + block_comments(path, node, yaml_text) \
                    + swallowed_settings(path, node, yaml_text)
            data_obj = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except _BadValue as exc:
        mark = exc.problem_mark
        diags.append(Diagnostic(path, (mark.line + 2) if mark else 2,
                                (mark.column + 1) if mark else 1, "error", "yaml",
                                f"front matter has a bad value: {exc.problem}",
                                "dates are written YYYY-MM-DD"))
        return None, diags
    except RecursionError:
        diags.append(Diagnostic(path, 2, 1, "error", "yaml",
                                "front matter is nested too deeply to read"))
        return None, diags
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 2) if mark else 1
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or "invalid YAML"
        if "another document" in problem:
            diags.append(Diagnostic(
                path, line, col, "error", "front-matter-end",
                "a second YAML document starts here, inside the front matter; ivsite "
                "will not guess which settings count",
                "only a line '---' on its own closes the front matter; remove the rest",
            ))
            return None, diags
        hint = ""
        if "mapping values are not allowed" in problem:
            hint = "a value containing ': ' must be quoted"
        elif "found character '\\t'" in problem:
            hint = "indent YAML with spaces, not tabs"
        elif "{" in yaml_text or "%" in yaml_text:
            hint = "template syntax such as {{ }} or {% %} is not YAML; quote it"
        diags.append(Diagnostic(path, line, col, "error", "yaml",
                                f"front matter is not valid YAML: {problem}", hint))
        return None, diags
    except yaml.YAMLError as exc:
        diags.append(Diagnostic(path, 2, 1, "error", "yaml",
                                f"front matter is not valid YAML: {exc}"))
        return None, diags
    except (ValueError, OverflowError) as exc:  # e.g. a date like 2026-02-30
        diags.append(Diagnostic(path, 2, 1, "error", "yaml", f"front matter has a bad value: {exc}",
                                "dates are written YYYY-MM-DD"))
        return None, diags
    if data_obj is None:
        return fm, diags
    if not isinstance(data_obj, dict) or not isinstance(node, yaml.MappingNode):
        diags.append(Diagnostic(path, 2, 1, "error", "front-matter-shape",
                                "front matter must be a set of 'key: value' lines",
                                "for example: title: My note"))
        return None, diags
    fm.data = {str(k): v for k, v in data_obj.items()}
    seen: set[int] = {id(node)}
    for knode, vnode in node.value:
        key = str(knode.value)
        fm.key_pos[key] = Pos(knode.start_mark.line + 2, knode.start_mark.column + 1)
        fm.value_pos[key] = Pos(vnode.start_mark.line + 2, vnode.start_mark.column + 1)
        _nested(vnode, (key,), fm, seen)
    return fm, diags


def _nested(node: yaml.Node, path: tuple[str, ...], fm: FrontMatter, seen: set[int]) -> None:
    """Record nested positions; a node reached twice (an alias) is walked once, so
    recursive or exponentially shared anchors cannot hang or crash the walk."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for knode, vnode in node.value:
            sub = (*path, str(knode.value))
            fm.nested_pos[sub] = Pos(vnode.start_mark.line + 2, vnode.start_mark.column + 1)
            fm.nested_key_pos[sub] = Pos(knode.start_mark.line + 2, knode.start_mark.column + 1)
            _nested(vnode, sub, fm, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            sub = (*path, str(i))
            fm.nested_pos[sub] = Pos(item.start_mark.line + 2, item.start_mark.column + 1)
            _nested(item, sub, fm, seen)


def _mappings(root: yaml.Node) -> Iterator[yaml.MappingNode]:
    """Every mapping in a document, each once (an alias is not walked again)."""
    return (n for n in yaml_nodes(root) if isinstance(n, yaml.MappingNode))


def _duplicates(path: str, root: yaml.Node) -> list[Diagnostic]:
    """A key given twice in one mapping is an error: YAML would silently keep the
    last value, and a second ``visibility:`` or ``publish_name:`` must never win."""
    out: list[Diagnostic] = []
    for node in _mappings(root):
        first: dict[str, yaml.Node] = {}
        for knode, _ in node.value:
            if not isinstance(knode, yaml.ScalarNode) or knode.tag.endswith(":merge"):
                continue
            key = str(knode.value)
            if key in first:
                out.append(Diagnostic(
                    path, knode.start_mark.line + 2, knode.start_mark.column + 1,
                    "error", "duplicate-key",
                    f"'{key}' is set twice (first on line "
                    f"{first[key].start_mark.line + 2}); ivsite will not guess which "
                    "one you meant",
                    "remove one of them",
                ))
            else:
                first[key] = knode
    return out


def _merge_keys(path: str, root: yaml.Node) -> list[Diagnostic]:
    """A merge key (``<<``) anywhere is an error. YAML readers disagree on which
    value wins when merged mappings share a key (the merge-key spec: the earliest;
    PyYAML: the latest), so ``<<: [{visibility: private}, {visibility: public}]``
    is private in an editor and would be public here; and a merged key is set
    without being written where the author looks for it."""
    return [Diagnostic(
        path, knode.start_mark.line + 2, knode.start_mark.column + 1,
        "error", "yaml-merge-key",
        "a YAML merge key '<<' sets keys ivsite will not guess the order of "
        "(YAML readers disagree on which merged value wins)",
        "write each setting out in full (for example 'visibility: private') and "
        "remove the '<<' line")
        for node in _mappings(root) for knode, _ in node.value
        if isinstance(knode, yaml.ScalarNode) and knode.tag.endswith(":merge")]


def is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
