"""How far a long build got, on one terminal line rewritten in place.

A site of a few hundred notes builds in seconds and a large one in minutes; the
author should see which stage runs and how far it is, not a silent prompt. The
pipeline reports stages and steps to a :class:`Progress`; the command line gives
it a :class:`TerminalProgress` when stderr is a terminal, and everything else
(logs, pipes, tests, the live preview's rebuilds) gets :data:`QUIET`, which
draws nothing. The line is cleared before any diagnostic is printed.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

__all__ = ["QUIET", "Progress", "TerminalProgress", "for_terminal"]


class Progress:
    """Stages and steps of a build, told to nobody (the default)."""

    def stage(self, label: str, total: int = 0) -> None:
        """A new stage begins; ``total`` steps if it counts them."""

    def advance(self, steps: int = 1) -> None:
        """Steps of the current stage are done."""

    def done(self) -> None:
        """The build ended (well or not): leave the terminal as it was."""


QUIET = Progress()


class TerminalProgress(Progress):
    """One line on a terminal: ``Rendering the public pages  412/874``."""

    def __init__(self, stream: TextIO, interval: float = 0.1) -> None:
        self.stream = stream
        self.interval = interval
        self.label = ""
        self.total = 0
        self.count = 0
        self._drawn = 0
        """Width of what is on the line now (0: nothing)."""
        self._last = 0.0

    def stage(self, label: str, total: int = 0) -> None:
        self.label, self.total, self.count = label, total, 0
        self._draw()

    def advance(self, steps: int = 1) -> None:
        self.count += steps
        now = time.monotonic()
        if now - self._last >= self.interval or self.count == self.total:
            self._draw(now)

    def done(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def _draw(self, now: float | None = None) -> None:
        self._last = time.monotonic() if now is None else now
        text = f"{self.label}  {self.count}/{self.total}" if self.total else f"{self.label}…"
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        text = text[:width]
        pad = max(0, self._drawn - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._drawn = len(text)


def for_terminal(stream: TextIO | None = None) -> Progress:
    """A terminal line on ``stream`` (stderr) when it is a terminal, else QUIET."""
    stream = sys.stderr if stream is None else stream
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return TerminalProgress(stream) if tty else QUIET
