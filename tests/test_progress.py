"""How far a build got: a terminal line while ``ivsite build`` runs, nothing else."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

from sites import red_team_site

from ivsite.core.progress import QUIET, Progress, TerminalProgress, for_terminal
from ivsite.pipeline import Pipeline, build

REPO = Path(__file__).resolve().parent.parent


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Recorder(Progress):
    def __init__(self) -> None:
        self.stages: list[tuple[str, int, int]] = []  # label, total, steps seen

    def stage(self, label: str, total: int = 0) -> None:
        self.stages.append((label, total, 0))

    def advance(self, steps: int = 1) -> None:
        label, total, seen = self.stages[-1]
        self.stages[-1] = (label, total, seen + steps)


def test_only_a_terminal_gets_a_line() -> None:
    assert for_terminal(io.StringIO()) is QUIET
    assert isinstance(for_terminal(_Tty()), TerminalProgress)


def test_the_line_is_drawn_in_place_and_cleared() -> None:
    out = _Tty()
    p = TerminalProgress(out, interval=0.0)
    p.stage("Reading notes", 3)
    for _ in range(3):
        p.advance()
    p.stage("Checking notes")
    p.done()
    text = out.getvalue()
    assert "\n" not in text  # one line, rewritten with carriage returns
    assert "Reading notes  3/3" in text and "Checking notes…" in text
    # A shorter label blanks what a longer one left, and done() clears the line.
    last = text.rsplit("\r", 2)
    assert last[-1] == "" and set(last[-2]) == {" "}


def test_a_build_reports_every_stage_and_counts_every_step(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site.toml", root / "site.toml")
    seen = _Recorder()
    result = build(root, pipeline=Pipeline(root, persist_cache=False, progress=seen))
    assert result.status == 0
    labels = [label for label, _, _ in seen.stages]
    for want in ("Reading content/", "Reading notes", "Checking notes",
                 "Filtering the public view", "Filtering the mentor view",
                 "Writing pages", "Checking the output for private text"):
        assert want in labels, (want, labels)
    assert labels.index("Reading notes") < labels.index("Writing pages") \
        < labels.index("Checking the output for private text")
    for label, total, steps in seen.stages:
        assert steps == total, (label, total, steps)  # a counted stage counts to its end
    counted = dict((label, total) for label, total, _ in seen.stages)
    assert counted["Reading notes"] == len(list((root / "content").rglob("*.md")))


def test_a_build_in_a_pipe_writes_no_progress(tmp_path: Path) -> None:
    root = red_team_site(tmp_path / "site", {})  # a small site: a new process builds it
    run = subprocess.run([sys.executable, "-m", "ivsite", "build"], cwd=root,
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert "\r" not in run.stderr and "Writing pages" not in run.stderr
    assert "Built the public site" in run.stderr
