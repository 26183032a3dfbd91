"""First cause first: one root error per mistake.

A note with an error is left out of the site, so every note that refers to it
(``role: ux`` in seven interviews, a ``[[link]]``) would report an error of its
own: ``visibility: Private`` in one role gave eight errors, the real cause last.
Here the names a rejected note would have answered to are kept, a reference that
only fails because its target was rejected is reported as following from it
(code ``follows-from``), and :func:`attach` folds those into the root error's
hint ("because of this, ... is not reported"). Errors come before warnings
(:meth:`ivsite.core.diagnostics.Diagnostics.sorted`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..core.diagnostics import Diagnostic, Diagnostics
from ..core.folders import Folders
from ..core.slugs import slugify
from ..parse.stage import ParsedNote

FOLLOWS = "follows-from"


def rejected_names(parsed: Iterable[ParsedNote], accepted: set[str],
                   folders: Folders) -> dict[tuple[str, str], str]:
    """(what, name) → the rejected note's path, for every note validation left out:
    ``("role", slug)``, ``("note", file name, title or alias)``, ``("key", path)``."""
    out: dict[tuple[str, str], str] = {}
    for p in parsed:
        rel = p.source.rel
        if rel in accepted or not p.source.collection:
            continue
        key = folders.key(rel)
        stem = key.rsplit("/", 1)[-1]
        data = p.fm.data if p.fm is not None else {}
        names = [stem, key]
        for field in ("title", "aliases"):
            value = data.get(field)
            names += [value] if isinstance(value, str) else \
                [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        for name in names:
            out.setdefault(("note", name.strip().casefold()), rel)
        out.setdefault(("key", key.casefold()), rel)
        if p.source.collection == "roles":
            slug = data.get("slug")
            out.setdefault(("role", slug if isinstance(slug, str) else slugify(stem)), rel)
    return out


def follows(path: str, line: int, col: int, message: str, root: str) -> Diagnostic:
    """A problem that only follows from ``root``'s error (see :func:`attach`)."""
    return Diagnostic(path, line, col, "error", FOLLOWS, message, root)


def attach(diags: Diagnostics) -> None:
    """Fold each problem that follows from a rejected note into that note's first
    error; one whose root has no error of its own (cannot happen) stays as is."""
    dependents: dict[str, list[Diagnostic]] = {}
    rest = []
    for d in diags.items:
        if d.code == FOLLOWS:
            dependents.setdefault(d.hint, []).append(d)
        else:
            rest.append(d)
    for root, deps in dependents.items():
        first = min((i for i, d in enumerate(rest) if d.path == root and d.severity == "error"),
                    key=lambda i: (rest[i].line, rest[i].col), default=None)
        if first is None:
            rest += [dataclasses.replace(d, code="broken-reference", hint=f"because of {root}")
                     for d in deps]
            continue
        where = sorted({f"{d.path}:{d.line}" for d in deps})
        shown = ", ".join(where[:5]) + (f" and {len(where) - 5} more" if len(where) > 5 else "")
        d = rest[first]
        extra = (f"because of this, {len(deps)} reference(s) to this note fail too "
                 f"({shown}); they are not reported separately")
        rest[first] = dataclasses.replace(d, hint=f"{d.hint}; {extra}" if d.hint else extra)
    diags.items[:] = rest

