"""SIGTERM and SIGHUP stop a command the way Ctrl-C does.

Python turns Ctrl-C (SIGINT) into KeyboardInterrupt, and every clean-up ivsite
has runs on it: a build removes the folder it was writing beside the output (see
ivsite.write.staging). SIGTERM (``timeout``, ``systemctl stop``, ``docker stop``, a
cancelled CI job) and SIGHUP (a closed terminal or SSH session) would end the
process on the spot and leave that folder behind (red team 5, K3). Only the
command line's own process installs this (:func:`stop_like_ctrl_c`, from
``ivsite.commands.cli.main``): a library caller, a test or the preview's threads keep
their own handlers, and ``serve`` sets its own while it runs.
"""

from __future__ import annotations

import signal
from types import FrameType

STOPPING = (signal.SIGTERM, signal.SIGHUP)


class Terminated(KeyboardInterrupt):
    """A stop signal other than Ctrl-C; ``signum`` says which (the exit status is
    128 plus it, as the shell reports a process the signal ended)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    # A second signal must not cut the clean-up short: ignore the rest.
    for sig in STOPPING:
        signal.signal(sig, signal.SIG_IGN)
    raise Terminated(signum)


def stop_like_ctrl_c() -> None:
    """Make SIGTERM and SIGHUP raise :class:`Terminated` in this (the main) thread,
    unless this process was told to ignore them (``nohup``)."""
    for sig in STOPPING:
        if signal.getsignal(sig) is not signal.SIG_IGN:
            signal.signal(sig, _stop)
