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


FILE_CALLS = frozenset({"read_bytes", "read_text", "iterdir", "rglob", "glob", "stat", "lstat",
                        "open", "walk", "scandir", "listdir"})
"""Calls that open or list files (a Path's, os's, the built-in open)."""
READS_OTHER_FILES = {
    "audit/cache.py": "ivsite's own source (the audit's code digest) and its record in .ivsite/",
    "audit/stage.py": "an output folder (`ivsite audit`)",
    "commands/cli.py": "site.toml's folder map for `ivsite schema --out` (no build runs)",
    "commands/scaffold.py": "the scaffold a new site is made from",
    "commands/terminal.py": "/dev/null, for standard output once its reader has gone",
    "emit/theme.py": "the theme's templates and static files (themes/ or ivsite's own)",
    "incremental/last_build.py": "ivsite's own source and the last build's record in .ivsite/",
    "incremental/store.py": "the store's folder in .ivsite/cache/",
    "mentor/share.py": "the mentor link's state in .ivsite/",
    "parse/cache.py": "the parse cache in .ivsite/cache/",
    "pipeline/checks.py": "the output folder's share/ copies",
    "pipeline/stages.py": "the names of themes/' folders, for a hint",
    "preview/session.py": "the preview's output folder, to serve it",
    "preview/watch.py": "site.toml's folder map and file times, to know what to watch",
    "readers/encodedtext.py": "nothing: walks a parsed structure",
    "readers/packed.py": "nothing: the members of an archive held in memory",
    "readers/pagefind_engine.py": "Pagefind's own program and its output",
    "readers/pdf/crypt.py": "nothing: walks a parsed PDF",
    "readers/pdf/objects.py": "nothing: walks a parsed PDF",
    "readers/streams.py": "nothing: an archive held in memory",
    "text/lookalike_letters.py": "ivsite's own data file",
    "write/stage.py": "the output folder",
    "write/staging.py": "the output folder",
}
"""The modules outside load that open or list files, and what they read: never the
site's notes or content files, which load alone reads (its reader,
ivsite.core.sourcefiles.SiteFiles, serves every later read: the writer's copies,
the audit's reading of stray and unread files and folder settings)."""


def _file_calls(module: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text("utf-8"))):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(
                f, ast.Name) else ""
            if name in FILE_CALLS:
                found.add(name)
    return found


def test_only_load_reads_the_sites_files() -> None:
    readers = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
               if not p.relative_to(PACKAGE).as_posix().startswith("load/") and _file_calls(p)}
    assert readers == set(READS_OTHER_FILES), (
        "a module outside ivsite/load reads files: read the site's files through "
        "LoadedSite.store (ivsite.core.sourcefiles.SiteFiles), or say here what else it reads",
        sorted(readers ^ set(READS_OTHER_FILES)))


def test_the_file_check_sees_a_read(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f(root):\n    return (root / 'content' / 'x.md').read_bytes()\n")
    assert _file_calls(module) == {"read_bytes"}
