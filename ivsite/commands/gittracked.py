"""Warn when the output folder is tracked by git.

A built site is meant to be deployed, not committed: a repository that tracks
``_site/`` publishes whatever the last build left there to anyone who can read the
repository, the mentor view under ``share/<token>/`` included, and the token is
the mentor link's only protection. ``ivsite build`` asks git (``git ls-files``)
whether any file in the output folder is tracked and warns if so. Where git is not
installed, the folder is not in a repository or git fails, it says nothing: the
warning is advice, never a reason for a build to fail.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..core.diagnostics import Diagnostic

TIMEOUT = 10.0


def tracked_files(folder: Path) -> list[str]:
    """Files under ``folder`` that git tracks ([] when git cannot tell)."""
    if not folder.is_dir():
        return []
    try:
        done = subprocess.run(["git", "ls-files", "-z", "--", "."], cwd=folder,
                              capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    return [p for p in done.stdout.decode("utf-8", "replace").split("\0") if p]


def tracked_output_warning(folder: Path, shown_as: str) -> Diagnostic | None:
    """A warning when git tracks files in the output ``folder`` (named ``shown_as``)."""
    tracked = tracked_files(folder)
    if not tracked:
        return None
    return Diagnostic(
        shown_as, 0, 0, "warning", "output-in-git",
        f"git tracks {len(tracked)} file(s) in the output folder {shown_as}; pushing the "
        "repository publishes them, the mentor view under share/<token>/ included",
        f"untrack it with `git rm -r --cached {shown_as}`, add it to .gitignore, and "
        "deploy the built folder instead (see the README, 'Publishing'); if a mentor "
        "view was ever committed, `ivsite share --rotate` makes its link stop working")
