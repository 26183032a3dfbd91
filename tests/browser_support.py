"""Helpers for the browser tests (pytest-playwright driving Debian's chromium).

A plain module, not a conftest: the lead wires these into tests/conftest.py,
for example::

    from browser_support import chromium_launch_args, serve_directory

    @pytest.fixture(scope="session")
    def browser_type_launch_args(browser_type_launch_args):
        return chromium_launch_args(browser_type_launch_args)

Playwright's own browser downloads are never used (``playwright install`` must
not be run): the tests launch ``/usr/bin/chromium`` from the Debian package.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_PATH = "/usr/bin/chromium"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_launch_args(base: dict[str, Any]) -> dict[str, Any]:
    """Return pytest-playwright's launch arguments, set to Debian's chromium."""
    return {**base, "executable_path": CHROMIUM_PATH, "args": list(CHROMIUM_ARGS)}


def chromium_available(timeout: float = 0.0) -> bool:
    """Whether /usr/bin/chromium exists, waiting up to ``timeout`` seconds for it."""
    deadline = time.monotonic() + timeout
    while True:
        if os.access(CHROMIUM_PATH, os.X_OK):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(1.0)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` over HTTP on 127.0.0.1 (a free port) in a thread.

    Yields the base URL without a trailing slash, e.g. ``http://127.0.0.1:41234``.
    The server is shut down when the block ends.
    """
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="test-http", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
