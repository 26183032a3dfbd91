"""A build shared out over processes (ivsite.core.cores: parse, filter, pages, audit)
writes exactly what a build in one process writes, and reports the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sites import UNCONSENTED_NAME, leak_site, normalise_pagefind, output_files, run_cli

from ivsite.audience import stage as audience
from ivsite.core import cores
from ivsite.parse import cache as parsecache


def _build(root: Path, out: str) -> tuple[int, str, dict[str, object]]:
    shutil.rmtree(root / ".ivsite" / "cache", ignore_errors=True)
    result = run_cli(root, "build", "--out", out)
    assert result.exception is None, result.exception
    return result.exit_code, result.stderr, normalise_pagefind(output_files(root / out))


def test_a_build_over_processes_writes_what_a_build_here_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = leak_site(tmp_path / "site")
    here = _build(root, "_here")
    forks: list[int] = []
    real_spread = cores.spread

    def spread(*args: object, **kwargs: object) -> object:
        forks.append(1)
        return real_spread(*args, **kwargs)  # type: ignore[arg-type]

    for module in (cores, parsecache, audience):
        monkeypatch.setattr(module, "processes_for", lambda jobs, size=None: 2 if jobs else 0)
    monkeypatch.setattr(cores, "spread", spread)
    monkeypatch.setattr(parsecache, "spread", spread)
    pooled = _build(root, "_pooled")
    assert len(forks) >= 4  # the parse, the filter, the pages and the audits
    assert pooled[0] == here[0] == 0
    assert pooled[1].replace("_pooled", "_here").splitlines()[:-1] == \
        here[1].splitlines()[:-1]  # the last line gives the time taken
    assert pooled[2] == here[2]


def test_a_check_over_processes_reports_what_a_check_here_reports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``check`` makes and audits each page in the process that audits it."""
    root = leak_site(tmp_path / "site")
    (root / "content" / "pages" / "leak.md").write_text(
        f"---\ntitle: Leak\n---\nThanks to {UNCONSENTED_NAME}.\n", "utf-8")
    here = run_cli(root, "check")
    for module in (cores, parsecache, audience):
        monkeypatch.setattr(module, "processes_for", lambda jobs, size=None: 2 if jobs else 0)
    pooled = run_cli(root, "check")
    assert pooled.exception is None and here.exception is None
    assert here.exit_code == 1 and "name-without-consent" in here.stderr + here.stdout
    assert (pooled.exit_code, pooled.stdout, pooled.stderr) == \
        (here.exit_code, here.stdout, here.stderr)
