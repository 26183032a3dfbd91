"""What the author reads in the terminal while the preview runs.

The console is the preview's only log and its only word on the build besides
the overlay in the browser, so its lines are written in one place: which view
is served and what that means, one line per rebuild (with the time from the
save to the reload message), every warning once, and every error.
Requests are never logged.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..audience.viewnote import Audience
from ..core.diagnostics import Diagnostic
from .session import Rebuild

__all__ = ["Console", "Log", "stderr"]

Log = Callable[[str], None]

_AUDIENCE_NOTES: dict[str, str] = {
    "private": "Private view: you see everything, private notes and passages included. "
               "This is never published.",
    "public": "Public view: exactly what `ivsite build` publishes.",
    "mentor": "Mentor view: what the mentor link shows (unencrypted here).",
}


def stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Console:
    """The preview's lines, written through ``log`` (stderr unless a test listens)."""

    def __init__(self, log: Log) -> None:
        self.log = log
        self._seen_warnings: set[Diagnostic] = set()

    def serving(self, audience: Audience, title: str, url: str, folder: Path,
                root: Path) -> None:
        self.log(f"Serving the {audience} view of “{title}” at {url}")
        self.log(_AUDIENCE_NOTES[audience])
        self.log(f"Built into {folder} (private to you; removed on exit). "
                 f"Watching the notes, themes/ and site.toml in {root}; Ctrl-C to stop.")

    def rebuilt(self, r: Rebuild, *, initial: bool, serving: bool) -> None:
        """One build's lines; ``serving``: whether a good build is being served."""
        ms = r.seconds * 1000
        what = "Built" if initial else "Rebuilt"
        fresh = [w for w in r.warnings if w not in self._seen_warnings]
        self._seen_warnings = set(r.warnings)
        for d in fresh:
            self.log(d.text())
        if r.ok:
            tail = ""
            if r.save_to_reload is not None:
                tail = f"; save → reload {r.save_to_reload * 1000:.0f} ms"
            n = len(r.changed)
            self.log(f"{what} in {ms:.0f} ms: {n} file{'s' if n != 1 else ''} changed{tail}")
            return
        for d in r.errors:
            self.log(d.text())
        failed = "The first build" if initial else "The rebuild"
        self.log(f"{failed} failed in {ms:.0f} ms with {len(r.errors)} error(s); "
                 + ("still serving the last good build" if serving
                    else "the preview will appear once they are fixed"))

    def audited(self, errors: Sequence[Diagnostic]) -> None:
        """The output check's problems, if it found any."""
        if errors:
            for d in errors:
                self.log(d.text())
            self.log(f"The output check found {len(errors)} problem(s): "
                     "`ivsite build` would refuse to write this site.")
