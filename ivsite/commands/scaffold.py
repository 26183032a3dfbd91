"""``ivsite init`` and ``ivsite new``: files a user starts from.

New notes are written private by default; an interview's file name never carries
the person's name (it would become a URL), only the date and company or role.
"""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources
from pathlib import Path

from ..core.folders import read_folders
from ..core.slugs import RESERVED_PAGE_SLUGS, slugify
from ..write import staging

SCAFFOLD = "scaffold/site"


def _scaffold_dir() -> Path:
    here = Path(__file__).parent / "scaffold" / "site"
    if here.is_dir():
        return here
    return Path(str(resources.files("ivsite.commands") / "scaffold" / "site"))  # pragma: no cover


def init_site(directory: Path) -> str:
    """Copy the small example site into ``directory``; returns a problem or ''."""
    if directory.exists() and any(p for p in directory.iterdir() if p.name != ".git"):
        return f"{directory} is not empty; choose a new folder"
    src = _scaffold_dir()
    directory.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if "__pycache__" in rel.parts:
            continue
        target = directory / rel
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    gitignore = directory / ".gitignore"
    existing = gitignore.read_text("utf-8") if gitignore.exists() else ""
    lines = [x for x in ("_site/", "_site-mentor/", ".ivsite/", staging.GITIGNORE)
             if x not in existing.split()]
    if lines:
        gitignore.write_text(existing + "".join(f"{x}\n" for x in lines), "utf-8")
    return ""


MAX_STEM = 80
"""Longest file name (without .md) that ``new`` makes: far below the 255 bytes file
systems allow, and the stem becomes the page's URL."""


def _short_stem(stem: str) -> str:
    """``stem`` cut to :data:`MAX_STEM` characters, at a word (hyphen) if there is one."""
    if len(stem) <= MAX_STEM:
        return stem
    cut = stem[:MAX_STEM + 1]
    head, sep, _ = cut.rpartition("-")
    return (head if sep and head else cut[:MAX_STEM]).strip("-")


def yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_note(root: Path, collection: str, title: str, *, date: str = "") -> tuple[Path | None, str]:
    """Write a new reflection, role or page and return its path, or (None, problem).
    Interviews are seeded by ivsite.commands.prepare."""
    problem = site_problem(root, title)
    if problem:
        return None, problem
    try:
        day = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        return None, f"'{date}' is not a date; write YYYY-MM-DD"
    stem = slugify(title) or "note"
    if collection == "pages" and stem in RESERVED_PAGE_SLUGS - {"index"}:
        return None, (f"a page titled '{title}' would be at '{stem}/', where ivsite puts its "
                      f"own {stem} page; choose another title (the build would refuse this "
                      "one), for example 'My " + title.strip() + "'")
    if collection in ("reflections",):
        stem = f"{day.isoformat()}-{stem}"
    lines = ["---", f"title: {yaml_str(title)}"]
    if collection == "reflections":
        lines += [f"date: {day.isoformat()}", "visibility: private", "roles: []"]
    elif collection == "roles":
        lines += ["status: exploring", "skills: []"]
    lines += ["tags: []", "---", "", ""]
    return write_new(root, collection, stem, lines)


def site_problem(root: Path, title: str) -> str:
    """Why no note can be made here, or ''."""
    if not (root / "site.toml").is_file():
        return "there is no site.toml here; run it from your site's folder"
    if not title.strip():
        return "give a name or a title"
    return ""


def write_new(root: Path, collection: str, stem: str,
              lines: list[str]) -> tuple[Path | None, str]:
    """Write ``lines`` to a new file ``<stem>.md`` in the folder of ``collection``
    (``content/<collection>/``, or the one site.toml's ``[content]`` maps; a number
    added if the name is taken); its path relative to ``root``, or (None, problem)."""
    mapped = [f for f, kind in read_folders((root / "site.toml").read_bytes()).mapped
              if kind == collection]
    if not mapped:
        return None, (f"no folder in site.toml's [content] holds {collection}; add one, "
                      f'e.g. "{collection.capitalize()}" = "{collection}"')
    folder = root / mapped[-1]  # the shortest: the kind's own folder, not a nested one
    stem = _short_stem(stem)
    path = folder / f"{stem}.md"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.md"
        n += 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as fh:  # never over a file made meanwhile
            fh.write("\n".join(lines))
    except OSError as exc:
        return None, f"cannot write {path.relative_to(root)}: {exc.strerror or exc}"
    return path.relative_to(root), ""
