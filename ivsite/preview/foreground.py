"""``ivsite serve`` in the foreground: the preview run until Ctrl-C or SIGTERM.

What the command adds around :class:`~ivsite.preview.server.PreviewServer`: the
signals that stop it (a second Ctrl-C during clean-up is ignored, so the private
preview folder is never left behind), the browser opened on the keyed address,
and the exit status. Apart from the server, which tests and the command alike
start and stop without a terminal.
"""

from __future__ import annotations

import shutil
import signal
import threading
import webbrowser
from pathlib import Path
from types import FrameType
from typing import Any

from ..audience.viewnote import Audience
from .access import launcher
from .console import stderr
from .http import ServeError
from .server import EXIT_OK, EXIT_USAGE, PreviewServer

__all__ = ["run_server"]


class _Stop(Exception):
    pass


def run_server(
    root: Path, *, audience: Audience = "private", host: str = "127.0.0.1", port: int = 8000,
    open_browser: bool = False, allow_remote_private: bool = False,
) -> int:
    """``ivsite serve``: run until Ctrl-C or SIGTERM; returns the exit status."""
    server = PreviewServer(root, audience=audience, host=host, port=port,
                           allow_remote_private=allow_remote_private)
    in_main = threading.current_thread() is threading.main_thread()
    previous: dict[int, Any] = {}

    def on_signal(signum: int, frame: FrameType | None) -> None:
        raise _Stop()

    if in_main:
        for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is not None:
                previous[sig] = signal.signal(sig, on_signal)
    status = EXIT_OK
    opened: Path | None = None
    try:
        server.start()
        if open_browser:
            opener = launcher(server.keyed_url)
            opened = opener.parent
            threading.Thread(target=webbrowser.open, args=(opener.as_uri(),),
                             daemon=True).start()
        forever = threading.Event()
        while not forever.wait(3600):
            pass
    except ServeError as exc:
        stderr(exc.diagnostic.text())
        status = EXIT_USAGE
    except (_Stop, KeyboardInterrupt):
        stderr("Stopping the preview…")
    finally:
        # A second Ctrl-C during clean-up must not leave the private folder behind.
        if in_main:
            for sig in previous:
                signal.signal(sig, signal.SIG_IGN)
        try:
            server.stop()
            if opened is not None:
                shutil.rmtree(opened, ignore_errors=True)
        finally:
            if in_main:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)
    if status == EXIT_OK:
        stderr("Stopped; the preview folder was removed.")
    return status
