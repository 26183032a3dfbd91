"""The package layout is the pipeline: a stage never imports a later stage, nor the
driver, the incremental engine or the preview that wrap the stages from outside.
(An import back up the pipeline is how a stage comes to know about caching.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ivsite"
STAGES = ("load", "parse", "validate", "audience", "graph", "emit", "write", "audit")
WRAPPERS = ("pipeline", "incremental", "preview", "serve", "cli")


def _imports(module: Path) -> set[str]:
    """The ivsite modules a module imports (first name after ``ivsite.``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text("utf-8"))):
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
    if not path.is_file() or name in seen:
        return seen
    seen.add(name)
    for other in _imports(path):
        _reaches(other, seen)
    return seen


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_later_stage_and_nothing_that_wraps_it(stage: str) -> None:
    later = set(STAGES[STAGES.index(stage) + 1:])
    reached = _reaches(stage) - {stage}
    assert not reached & later, f"{stage} reaches later stages {reached & later}"
    assert not reached & set(WRAPPERS), f"{stage} reaches {reached & set(WRAPPERS)}"


def test_the_check_sees_an_import_back_up(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from .pipeline import build\nfrom . import emit\n", "utf-8")
    assert _imports(module) == {"pipeline", "emit"}


MOST_LINES = 850
"""The aim is about 300 lines a module; emit.py (830) is the one still well past
it. This stops any module from growing further while that is split."""


def test_modules_stay_small() -> None:
    """A module does one job; past a few hundred lines it is doing several."""
    sizes = {p.relative_to(PACKAGE).as_posix(): len(p.read_text("utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert not {name: n for name, n in sizes.items() if n > MOST_LINES}, sizes
