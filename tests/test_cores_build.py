"""A build shared out over processes (ivsite.cores: parse, filter, pages, audit)
writes exactly what a build in one process writes, and reports the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sites import leak_site, normalise_pagefind, output_files, run_cli

from ivsite import audience, cores, parsecache


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
        monkeypatch.setattr(module, "processes_for", lambda jobs: 2 if jobs else 0)
    monkeypatch.setattr(cores, "spread", spread)
    monkeypatch.setattr(parsecache, "spread", spread)
    pooled = _build(root, "_pooled")
    assert len(forks) >= 4  # the parse, the filter, the pages and the audits
    assert pooled[0] == here[0] == 0
    assert pooled[1].replace("_pooled", "_here").splitlines()[:-1] == \
        here[1].splitlines()[:-1]  # the last line gives the time taken
    assert pooled[2] == here[2]
