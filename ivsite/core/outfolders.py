"""Where each audience's build goes.

The public output folder (``output_dir``, ``_site/``) is what gets uploaded. A
mentor view written there would stay there after a failed public build (which
writes nothing and leaves the previous output as it was), and be uploaded by the
next ``rsync`` or deploy. So ``build --audience mentor`` writes to a folder of its
own, ``<output_dir>-mentor`` (``_site-mentor/``) unless ``--out`` says otherwise,
and never into the public one, even when told to: the mentor view that goes with
the public site is the ``share/<token>/`` copy inside it.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

MENTOR_SUFFIX = "-mentor"


def audience_dir(output_dir: str, audience: str) -> str:
    """site.toml's ``output_dir`` for the public view; the mentor view's beside it."""
    if audience == "public":
        return output_dir
    return output_dir.rstrip("/\\") + MENTOR_SUFFIX


def output_folder(root: Path, output_dir: str, audience: str, out: Path | None) -> Path:
    """The folder a build for ``audience`` writes: ``out`` if given, else the
    audience's default in the site folder."""
    return (out or root / audience_dir(output_dir, audience)).resolve()


def public_folder_problem(root: Path, output_dir: str, audience: str, out: Path) -> str:
    """Why a build for ``audience`` may not write to ``out``, or '': only the public
    view goes into (or over) the public output folder."""
    public = (root / output_dir).resolve()
    target = out.resolve()
    if audience != "public" and (target == public or target.is_relative_to(public)
                                 or public.is_relative_to(target)):
        return (f"is the public output folder ({output_dir}/), which is published; the "
                f"{audience} view is not written there")
    return ""


def top_names(output_dir: str) -> set[str]:
    """The top-level names of every audience's default folder (never content)."""
    if not output_dir.strip() or posixpath.isabs(output_dir):
        return set()
    return {posixpath.normpath(audience_dir(output_dir, a)).split("/", 1)[0]
            for a in ("public", "mentor")}
