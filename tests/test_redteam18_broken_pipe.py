"""Red team 18, B07: a reader of ivsite's output that stops early (``ivsite schema
| head -1``, a pager quit, ``| grep -q``) made ivsite print "internal error … this
is a bug" and a Python traceback. The command now ends quietly with status 141
(128 + SIGPIPE, what the shell reports for a program that signal ended), with
nothing on standard error (ivsite.commands.terminal.guarded).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import GOOD
from unit_helpers import DEFAULT_TOML, write_site

from ivsite.commands.terminal import BROKEN_PIPE

SHARE = '\n[share]\nenabled = true\nfeedback_email = "maya@example.org"\n'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("pipe") / "site", GOOD, DEFAULT_TOML + SHARE)


def _run(site: Path, args: list[str], *, closed: bool) -> subprocess.CompletedProcess[bytes]:
    """Run ``ivsite ARGS`` with its standard output a pipe whose reader is already
    gone (closed) or one read to the end."""
    cmd = [sys.executable, "-m", "ivsite", *args, "-C", str(site)]
    if not closed:
        return subprocess.run(cmd, cwd=site.parent, capture_output=True, timeout=300,
                              check=False)
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(cmd, cwd=site.parent, stdout=write, stderr=subprocess.PIPE,
                              timeout=300, check=False)
    finally:
        os.close(write)


COMMANDS = [["schema"], ["todo"], ["check", "--format", "json"], ["share"],
            ["share", "--rotate"]]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_closed_output_ends_quietly(site: Path, args: list[str]) -> None:
    run = _run(site, args, closed=True)
    assert run.returncode == BROKEN_PIPE == 141, run.stderr.decode()
    assert run.stderr == b"", run.stderr.decode()


@pytest.mark.parametrize("args", [["schema"], ["check", "--format", "json"]], ids=" ".join)
def test_an_output_read_to_the_end_is_unchanged(site: Path, args: list[str]) -> None:
    run = _run(site, args, closed=False)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.strip(), "the command printed nothing"
    assert b"Traceback" not in run.stderr
