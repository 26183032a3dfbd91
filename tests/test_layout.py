"""The package layout is the pipeline: a stage never imports a later stage, nor the
driver, the incremental engine or the preview that wrap the stages from outside,
and a part that several stages share (names, contacts, text, readers, …) imports
no stage at all. (An import back up the pipeline is how a stage comes to know
about caching.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ivsite"
STAGES = ("load", "parse", "validate", "audience", "graph", "emit", "write", "audit")
WRAPPERS = ("pipeline", "incremental", "preview", "commands")
PARTS = ("core", "text", "names", "contacts", "switches", "markdown", "markup", "readers",
         "syntax", "mentor")


def _imports(module: Path, depth: int = 1) -> set[str]:
    """The ivsite modules a module imports (first name after ``ivsite.``); a module
    ``depth`` folders down (in a stage's package) reaches ivsite with ``depth`` dots,
    and fewer dots name its own package's modules."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and 1 <= node.level < depth:
            continue
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ivsite."):
            found.add((node.module or "").split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names
                         if a.name.startswith("ivsite."))
    return found


def _reaches(name: str, seen: set[str] | None = None) -> set[str]:
    """Every ivsite module ``name`` imports, directly or through others."""
    seen = set() if seen is None else seen
    path = PACKAGE / f"{name}.py"
    folder = PACKAGE / name
    if name in seen or not (path.is_file() or folder.is_dir()):
        return seen
    seen.add(name)
    found = _imports(path) if path.is_file() else set().union(
        *(_imports(p, 1 + len(p.relative_to(folder).parts)) for p in folder.rglob("*.py")))
    for other in found:
        _reaches(other, seen)
    return seen


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_later_stage_and_nothing_that_wraps_it(stage: str) -> None:
    later = set(STAGES[STAGES.index(stage) + 1:])
    reached = _reaches(stage) - {stage}
    assert not reached & later, f"{stage} reaches later stages {reached & later}"
    assert not reached & set(WRAPPERS), f"{stage} reaches {reached & set(WRAPPERS)}"


@pytest.mark.parametrize("part", PARTS)
def test_a_part_imports_no_stage(part: str) -> None:
    reached = _reaches(part) - {part}
    assert not reached & (set(STAGES) | set(WRAPPERS)), f"{part} reaches {reached}"


def test_every_package_is_a_stage_a_part_or_a_wrapper() -> None:
    """A new package is placed in the layout, so the checks above cover it."""
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages == set(STAGES) | set(WRAPPERS) | set(PARTS)


def test_the_check_sees_an_import_back_up(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from .pipeline import build\nfrom . import emit\n", "utf-8")
    assert _imports(module) == {"pipeline", "emit"}


def test_the_check_sees_an_import_back_up_from_inside_a_stage_package(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from ..pipeline import build\nfrom .page import Page\n", "utf-8")
    assert _imports(module, depth=2) == {"pipeline"}
    assert "pipeline" not in _reaches("emit"), "emit must not reach the driver"
    assert {"graph", "markdown"} <= _reaches("emit"), "the package's own imports are followed"


MOST_LINES = 600
"""The aim is about 300 lines a module; this stops any module from growing far past
it."""


def test_modules_stay_small() -> None:
    """A module does one job; past a few hundred lines it is doing several."""
    sizes = {p.relative_to(PACKAGE).as_posix(): len(p.read_text("utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert not {name: n for name, n in sizes.items() if n > MOST_LINES}, sizes
