"""What every command does at the terminal: problems printed one per line with
their file, line and hint (or as JSON), ``-C DIR`` on any command, and an
unexpected exception turned into a short message and exit status 2, so that no
traceback reaches the user as the normal way a command fails. A reader that stops
early (``ivsite schema | head -1``, a pager quit, ``| grep -q``) is not a failure
of ivsite: the command ends quietly with status 141, which is what the shell
reports for a program that SIGPIPE ended (``git log | head -1`` under ``set -o
pipefail``), so a script can still tell that the output was cut short.

Apart from :mod:`ivsite.commands.cli` so that the command definitions read as
thin wrappers over the pipeline, and the wrapping they all share is in one place.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core.diagnostics import Diagnostic, Diagnostics, format_json
from .signals import Terminated

F = TypeVar("F", bound=Callable[..., Any])

BROKEN_PIPE = 128 + 13
"""Exit status when the reader of the output went away: 128 + SIGPIPE, as a
shell reports a program that signal ended (Python ignores SIGPIPE, so the write
raises BrokenPipeError instead of ending the process)."""


def reader_gone() -> None:
    """End the command quietly: the reader of standard output has closed it.

    Standard output and error are pointed at /dev/null first (either may be the
    closed pipe, as with ``2>&1 | head``), so that Python's own flush of what is
    still buffered at exit does not fail a second time and print "Exception
    ignored ... BrokenPipeError"."""
    for stream in (sys.stdout, sys.stderr):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):  # no real file behind it (a test's capture)
            pass
    sys.exit(BROKEN_PIPE)


def guarded(fn: F) -> F:
    """Turn an unexpected exception into a short message and exit status 2, and a
    closed output pipe into a quiet end (:func:`reader_gone`)."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            try:
                return fn(*args, **kwargs)
            finally:
                sys.stdout.flush()  # a write still buffered fails here, not at exit
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            reader_gone()
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (see ivsite.commands.signals)
            click.echo("stopped", err=True)
            sys.exit(128 + exc.signum if isinstance(exc, Terminated) else 130)
        except Exception as exc:  # the last line of defence, never the normal path
            click.secho(f"ivsite: internal error: {exc!r}", fg="red", err=True)
            click.echo("  hint: this is a bug in ivsite; please report it with the "
                       "trace below", err=True)
            click.echo("".join(traceback.format_exc(limit=6)), err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def in_dir(fn: F) -> F:
    """``-C DIR`` on a command: run it as if started in DIR, as ``git -C`` does."""

    @click.option("-C", "site_dir", default=None, metavar="DIR",
                  type=click.Path(exists=True, file_okay=False, path_type=Path),
                  help="Run as if ivsite was started in DIR (the site's folder).")
    @wraps(fn)
    def wrapper(*args: Any, site_dir: Path | None = None, **kwargs: Any) -> Any:
        if site_dir is None:
            return fn(*args, **kwargs)
        before = Path.cwd()
        os.chdir(site_dir)
        try:
            return fn(*args, **kwargs)
        finally:
            os.chdir(before)

    return wrapper  # type: ignore[return-value]


def print_diagnostics(diags: Diagnostics | list[Diagnostic], fmt: str = "text") -> None:
    items = diags.sorted() if isinstance(diags, Diagnostics) else diags
    if fmt == "json":
        click.echo(format_json(items))
        return
    for d in items:
        colour = "red" if d.severity == "error" else "yellow"
        where = d.path + (f":{d.line}:{d.col or 1}" if d.line else "")
        click.echo(f"{where}: " + click.style(f"{d.severity}[{d.code}]", fg=colour, bold=True)
                   + f": {d.message}", err=True)
        if d.hint:
            click.echo(f"  hint: {d.hint}", err=True)
    errors = sum(1 for d in items if d.severity == "error")
    warnings = len(items) - errors
    if items:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
