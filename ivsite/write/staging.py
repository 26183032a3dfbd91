"""The folders a build writes beside its output folder before the audit has read them.

``build`` writes the whole site to a new folder beside the output (and each
sub-layer, the mentor copy under ``share/<token>/``, to one of its own), audits it
there and swaps it in only when the audit found nothing (see ivsite.write.stage). Until
then these folders may hold exactly what the audit is about to refuse, and the
output's parent is often served (``/var/www/html``) or committed (the site's own
folder; red team 5, K3). So:

- a staging folder is made 0700, which only the build's own user can read, and is
  made 0755 only when it is swapped in (:func:`publish`);
- its name says whose it is, ``.<output>.ivsite-…``, which ``init``'s
  ``.gitignore`` lists (:data:`GITIGNORE`);
- a build first removes the ones an earlier build left when it was killed
  (SIGKILL, the out-of-memory killer, a power cut): :func:`remove_leftovers`. Only
  folders of this user whose names are exactly ours are touched, and never one
  that a build still running holds: each build locks (``flock``) its folders for
  as long as it uses them, and the kernel drops the lock when the process dies.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

STAGE = "ivsite"
"""The build's own folder, which becomes the output."""
LAYER = "ivsite-layer"
"""A sub-layer's folder (the mentor copy), moved into the build's folder at the end."""
OLD = "ivsite-old"
"""The previous output, for the moment the new one takes its place."""

_LEGACY = ("layer", "old")
"""The names earlier versions gave sub-layers and the previous output."""

GITIGNORE = ".*.ivsite-*/"
"""The ``.gitignore`` line that matches every staging folder, whatever the output's name."""

_PUBLISHED = 0o755


def _pattern(out: Path) -> re.Pattern[str]:
    """Exactly the names :func:`make` gives (``tempfile.mkdtemp``'s eight letters,
    digits or underscores after our prefix), for this output folder."""
    kinds = "|".join(re.escape(k) for k in (STAGE, LAYER, OLD, *_LEGACY))
    return re.compile(rf"\.{re.escape(out.name)}\.(?:{kinds})-[a-z0-9_]{{8}}")


@dataclass
class Held:
    """A staging folder and the open, locked handle that says a build is using it."""

    path: Path
    fd: int

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def make(out: Path, kind: str) -> Held:
    """A new folder beside ``out``, 0700 (as ``mkdtemp`` makes it) and locked."""
    path = Path(tempfile.mkdtemp(prefix=f".{out.name}.{kind}-", dir=out.parent))
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    with contextlib.suppress(OSError):  # a file system without locks: see _in_use
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return Held(path, fd)


def old_name(out: Path) -> Path:
    """A free name beside ``out`` to move the previous output to."""
    path = Path(tempfile.mkdtemp(prefix=f".{out.name}.{OLD}-", dir=out.parent))
    path.rmdir()
    return path


_REMOVER = """
import fcntl, os, shutil, sys
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except OSError:
    pass
shutil.rmtree(sys.argv[1], ignore_errors=True)
"""
"""The program that removes an old output: it holds the folder's lock while it
works, so that a build starting meanwhile leaves it alone (see _in_use)."""

_removing: list[subprocess.Popen[bytes]] = []


def remove_later(old: Path) -> None:
    """Remove the previous output in a process of its own, which the build does not
    wait for: on a disk that discards freed blocks, deleting a thousand pages took
    four seconds, a third of a one-note rebuild. (The caller has made it
    unreadable to others.) A removal cut short is finished by the next build
    (:func:`remove_leftovers`)."""
    try:
        _removing.append(subprocess.Popen(
            [sys.executable, "-c", _REMOVER, str(old)], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
    except OSError:
        shutil.rmtree(old, ignore_errors=True)


def wait_for_removals() -> None:
    """Wait until every old output this process handed over is gone (for tests,
    which look at the output's folder right after a build)."""
    while _removing:
        _removing.pop().wait()


def publish(folder: Path) -> None:
    """The audit found nothing: the folder may be read by everyone (a web server
    running as another user, the copy ``rsync -a`` makes)."""
    folder.chmod(_PUBLISHED)


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the staging folders of ``out`` that no running build holds; the
    folders removed."""
    try:
        entries = list(os.scandir(out.parent))
    except OSError:
        return []
    name = _pattern(out)
    removed = []
    for entry in entries:
        if not name.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            continue
        if _in_use(Path(entry.path)):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(Path(entry.path))
    return removed


def _in_use(path: Path) -> bool:
    """Whether a running build holds ``path``. Where the file system cannot lock
    (some network file systems), every folder counts as in use: a leftover stays
    rather than a live build losing its folder."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held (EWOULDBLOCK), or no locks here
        return True
    finally:
        os.close(fd)
    return False
