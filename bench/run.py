"""Benchmark ivsite against Pelican and MkDocs on generated corpora.

    python bench/run.py [--sizes 1000,10000] [--repeat 3] [--peers/--no-peers]
                        [--out bench/results/latest.json]

For each size it writes the same notes three ways into bench/work/<size>/ (see
generate.py), then times, interleaved so that a noisy spell hits every tool alike:

    ivsite_full     ivsite build after deleting .ivsite/ and _site/
    ivsite_warm     ivsite build with the cache a build left, the output deleted
    ivsite_same     ivsite build again, nothing changed
    ivsite_changed  ivsite build after appending a sentence to one public note
    pelican         pelican content -s pelicanconf.py -o output (output/ deleted first)
    mkdocs          mkdocs build -q (site/ deleted first)

Peers come from bench/.venv, created and filled from PyPI on first use. Wall time is
time.perf_counter() around the child; peak memory is the child's ru_maxrss from
os.wait4 (the largest single process in its tree) plus a sampled sum of RSS over the
whole process tree (for multi-process builds). Medians are reported.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generate import FLAVOURS, make_corpus, write_ivsite, write_mkdocs, write_pelican

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "work"
PEER_VENV = BENCH / ".venv"
PEER_REQUIREMENTS = ("pelican[markdown]>=4.12,<4.13", "mkdocs>=1.6,<1.7")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
APPENDED = "\n\nAdded later: they answered my thank-you note within a day.\n"

MEASURES = ("ivsite_full", "ivsite_warm", "ivsite_same", "ivsite_changed", "pelican",
            "mkdocs")
OWN = MEASURES[:4]
LABELS = {
    "ivsite_full": "ivsite full build",
    "ivsite_warm": "ivsite warm (no output)",
    "ivsite_same": "ivsite no change",
    "ivsite_changed": "ivsite one note changed",
    "pelican": "Pelican full build",
    "mkdocs": "MkDocs full build",
}
LEGEND = """\
median/min/max s: wall-clock seconds over the runs; CPU s: median user+system seconds of the
build's processes; RSS MB: peak RSS of the largest single process (wait4 ru_maxrss);
tree MB: sampled peak of the summed RSS of all the build's processes; pages: .html files
written; Pelican × / MkDocs ×: that peer's median full build divided by the median on this
row (above 1: ivsite is faster)."""


# --------------------------------------------------------------------------- running


@dataclass
class Sample:
    seconds: float
    cpu_seconds: float  # user + system time of the child and its descendants
    returncode: int
    maxrss_mb: float  # ru_maxrss of the child (largest process in its tree), from wait4
    tree_rss_mb: float  # peak of the sampled RSS sum over the child's process tree
    load_before: float  # 1-minute load average just before the run
    stdout_tail: str
    stderr_tail: str


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except (OSError, ValueError):
        pass
    return out


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and all its descendants."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            total, todo, seen = 0, [self.pid], set()
            while todo:
                pid = todo.pop()
                if pid in seen:
                    continue
                seen.add(pid)
                total += _rss_bytes(pid)
                todo.extend(_children(pid))
            self.peak = max(self.peak, total)
            self.stop.wait(self.interval)


def _tail(raw: bytes, lines: int = 30) -> str:
    return "\n".join(raw.decode("utf-8", "replace").rstrip().splitlines()[-lines:])


def measure(cmd: Sequence[str | Path], cwd: Path, timeout: float) -> Sample:
    """Run `cmd` in `cwd`; wall time, exit status and peak memory of its tree."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [str(c) for c in cmd],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,  # so that a timeout can end the whole tree
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        timer = threading.Timer(timeout, _kill_tree, (proc.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            elapsed = time.perf_counter() - start
            timer.cancel()
            sampler.stop.set()
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Sample(
            seconds=elapsed,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            returncode=proc.returncode,
            maxrss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
            # the sampler can miss a short peak: never report less than one process
            tree_rss_mb=max(sampler.peak / 2**20, usage.ru_maxrss / 1024),
            load_before=load,
            stdout_tail=_tail(out.read()),
            stderr_tail=_tail(err.read()),
        )


def _kill_tree(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def _rm(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def _count_html(path: Path) -> int:
    return sum(1 for _ in path.rglob("*.html")) if path.is_dir() else 0


def _du_mb(path: Path) -> float:
    if not path.is_dir():
        return 0.0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


# --------------------------------------------------------------------------- results


@dataclass
class Result:
    ok: bool = True
    error: str | None = None
    runs: list[Sample] = field(default_factory=list)
    pages: int = 0
    output_mb: float = 0.0

    def add(self, sample: Sample) -> bool:
        self.runs.append(sample)
        if sample.returncode != 0:
            self.ok = False
            self.error = f"exit status {sample.returncode}"
        return sample.returncode == 0

    def fail(self, message: str) -> None:
        self.ok = False
        self.error = message

    @property
    def good(self) -> list[Sample]:
        return [r for r in self.runs if r.returncode == 0]

    @property
    def median(self) -> float | None:
        good = self.good
        return statistics.median(r.seconds for r in good) if good else None

    def summary(self) -> dict[str, Any]:
        good = self.good
        secs = [r.seconds for r in good]
        return {
            "ok": self.ok,
            "error": self.error,
            "median_s": _round(statistics.median(secs) if secs else None),
            "min_s": _round(min(secs, default=None)),
            "max_s": _round(max(secs, default=None)),
            "median_cpu_s": _round(
                statistics.median(r.cpu_seconds for r in good) if good else None
            ),
            "runs_s": [_round(r.seconds) for r in self.runs],
            "runs_cpu_s": [_round(r.cpu_seconds) for r in self.runs],
            "peak_rss_mb": _round(max((r.maxrss_mb for r in good), default=None), 1),
            "tree_rss_mb": _round(max((r.tree_rss_mb for r in good), default=None), 1),
            "load_before": [_round(r.load_before, 2) for r in self.runs],
            "pages": self.pages,
            "output_mb": _round(self.output_mb, 1),
            "stderr_tail": self.runs[-1].stderr_tail if self.runs and not self.ok else None,
        }


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _report_failure(label: str, sample: Sample) -> None:
    print(f"  !! {label} failed (exit {sample.returncode}); stderr tail:", flush=True)
    for line in (sample.stderr_tail or sample.stdout_tail or "(no output)").splitlines():
        print(f"     | {line}", flush=True)


# --------------------------------------------------------------------------- peers


def ensure_peer_venv() -> dict[str, str]:
    """Create bench/.venv with Pelican and MkDocs if missing; return their versions."""
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {PEER_VENV.relative_to(REPO)} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
    if not all((PEER_VENV / "bin" / tool).exists() for tool in ("pelican", "mkdocs")):
        print(f"installing {', '.join(PEER_REQUIREMENTS)} from PyPI ...", flush=True)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *PEER_REQUIREMENTS],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print(done.stdout[-3000:] + done.stderr[-3000:], file=sys.stderr)
            raise subprocess.CalledProcessError(done.returncode, done.args)
    return _versions(python, ("pelican", "mkdocs", "markdown", "jinja2"))


def _versions(python: Path, dists: Sequence[str]) -> dict[str, str]:
    code = (
        "import importlib.metadata as m, json, sys\n"
        "out = {}\n"
        "for d in sys.argv[1:]:\n"
        "    try: out[d] = m.version(d)\n"
        "    except m.PackageNotFoundError: pass\n"
        "print(json.dumps(out))\n"
    )
    try:
        done = subprocess.run(
            [str(python), "-c", code, *dists], capture_output=True, text=True, check=True
        )
        return dict(json.loads(done.stdout))
    except (OSError, subprocess.CalledProcessError, ValueError):
        return {}


def calibrate() -> float:
    """Seconds for a fixed pure-Python loop (best of 3): how fast this machine is now.

    Compare it between result files before comparing their times: the VM's speed and
    the load from other work change from one session to the next.
    """
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i * i
        best = min(best, time.perf_counter() - start)
    return round(best, 3)


def _git_revision() -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


# --------------------------------------------------------------------------- one size


def bench_size(n: int, args: argparse.Namespace, ivsite: Path, peers: bool) -> dict[str, Any]:
    root = WORK / str(n)
    dirs = {flavour: root / flavour for flavour in FLAVOURS}
    print(f"\n== {n} notes: generating corpora in {root.relative_to(REPO)}", flush=True)
    gen_times: dict[str, float] = {}
    start = time.perf_counter()
    corpus = make_corpus(n, args.seed, all_public=args.all_public)
    gen_times["make"] = time.perf_counter() - start
    writers = {"ivsite": write_ivsite, "pelican": write_pelican, "mkdocs": write_mkdocs}
    for flavour, writer in writers.items():
        if flavour != "ivsite" and not peers:
            continue
        start = time.perf_counter()
        writer(corpus, dirs[flavour])
        gen_times[flavour] = time.perf_counter() - start
    visibility = Counter(note.visibility or "default (private)" for note in corpus.notes)
    public = [note for note in corpus.notes if note.visibility == "public"]
    changed = dirs["ivsite"] / "content" / "interviews" / f"{public[len(public) // 2].stem}.md"

    results = {name: Result() for name in MEASURES}
    site = dirs["ivsite"]
    run_ivsite = not args.skip_ivsite and ivsite.exists()
    if args.skip_ivsite:
        for name in OWN:
            results[name].fail("not run (--skip-ivsite)")
    elif not run_ivsite:
        for name in OWN:
            results[name].fail(f"{ivsite} not found")
        print(f"  !! {ivsite} not found: skipping ivsite", flush=True)
    run_peers = peers
    if not peers:
        results["pelican"].fail("not run (--no-peers)")
        results["mkdocs"].fail("not run (--no-peers)")

    for rep in range(1, args.repeat + 1):
        print(f"-- run {rep}/{args.repeat}", flush=True)
        if run_ivsite:
            run_ivsite = _ivsite_round(ivsite, site, changed, results, args.timeout)
        if run_peers:
            pel, mk = results["pelican"], results["mkdocs"]
            if pel.ok:
                _rm(dirs["pelican"] / "output")
                _peer_run(
                    "pelican",
                    [
                        PEER_VENV / "bin" / "pelican",
                        "content",
                        "-s",
                        "pelicanconf.py",
                        "-o",
                        "output",
                    ],
                    dirs["pelican"],
                    pel,
                    args.timeout,
                )
            if mk.ok:
                _rm(dirs["mkdocs"] / "site")
                _peer_run(
                    "mkdocs",
                    [PEER_VENV / "bin" / "mkdocs", "build", "-q"],
                    dirs["mkdocs"],
                    mk,
                    args.timeout,
                )
            run_peers = pel.ok or mk.ok

    outputs = {
        "ivsite_full": site / "_site",
        "pelican": dirs["pelican"] / "output",
        "mkdocs": dirs["mkdocs"] / "site",
    }
    for name, path in outputs.items():
        results[name].pages = _count_html(path)
        results[name].output_mb = _du_mb(path)
    for name in OWN[1:]:
        results[name].pages = results["ivsite_full"].pages

    summary = {name: result.summary() for name, result in results.items()}
    ratios: dict[str, float | None] = {}
    cpu_ratios: dict[str, float | None] = {}
    for peer in ("pelican", "mkdocs"):
        for own in OWN:
            a, b = results[peer].median, results[own].median
            ratios[f"{peer}/{own}"] = round(a / b, 2) if a and b else None
            a, b = summary[peer]["median_cpu_s"], summary[own]["median_cpu_s"]
            cpu_ratios[f"{peer}/{own}"] = round(a / b, 2) if a and b else None
    return {
        "notes": n,
        "visibility": dict(visibility),
        "generate_s": {k: round(v, 3) for k, v in gen_times.items()},
        "changed_note": str(changed.relative_to(site)),
        "results": summary,
        "ratios": ratios,  # of median wall-clock times
        "cpu_ratios": cpu_ratios,  # of median CPU times
    }


def _ivsite_round(
    ivsite: Path, site: Path, changed: Path, results: dict[str, Result], timeout: float
) -> bool:
    """One full, warm, unchanged and changed build; False once ivsite has failed."""
    _rm(site / ".ivsite")
    _rm(site / "_site")
    cmd: list[str | Path] = [ivsite, "build"]
    sample = measure(cmd, site, timeout)
    _progress("ivsite full", sample)
    if not results["ivsite_full"].add(sample):
        _report_failure("ivsite build (full)", sample)
        for name in OWN[1:]:
            results[name].fail("full build failed")
        return False
    _rm(site / "_site")
    sample = measure(cmd, site, timeout)
    _progress("ivsite warm", sample)
    if not results["ivsite_warm"].add(sample):
        _report_failure("ivsite build (warm)", sample)
    sample = measure(cmd, site, timeout)
    _progress("ivsite same", sample)
    if not results["ivsite_same"].add(sample):
        _report_failure("ivsite build (no change)", sample)
    original = changed.read_bytes()
    changed.write_bytes(original + APPENDED.encode())
    try:
        sample = measure(cmd, site, timeout)
    finally:
        changed.write_bytes(original)
    _progress("ivsite changed", sample)
    if not results["ivsite_changed"].add(sample):
        _report_failure("ivsite build (one note changed)", sample)
    return True


def _peer_run(
    label: str, cmd: Sequence[str | Path], cwd: Path, result: Result, timeout: float
) -> None:
    sample = measure(cmd, cwd, timeout)
    _progress(label, sample)
    if not result.add(sample):
        _report_failure(label, sample)


def _progress(label: str, sample: Sample) -> None:
    status = "ok" if sample.returncode == 0 else f"exit {sample.returncode}"
    print(
        f"   {label:<15} {sample.seconds:8.2f} s  {sample.cpu_seconds:7.2f} s CPU"
        f"  {sample.maxrss_mb:6.0f} MB max RSS"
        f"  {sample.tree_rss_mb:7.0f} MB tree  load {sample.load_before:4.1f}  {status}",
        flush=True,
    )


# --------------------------------------------------------------------------- report


def _fmt(value: float | None, spec: str) -> str:
    """`value` formatted with `spec` ("9.2f"), or a dash of the same width."""
    return format(value, spec) if value is not None else format("-", ">" + spec.split(".")[0])


def print_table(sizes: list[dict[str, Any]]) -> None:
    head = (
        f"{'notes':>6}  {'measure':<25} {'median s':>9} {'min s':>8} {'max s':>8} "
        f"{'CPU s':>7} {'RSS MB':>7} {'tree MB':>8} {'pages':>6}  {'Pelican ×':>9} {'MkDocs ×':>9}"
    )
    print("\n" + head)
    print("-" * len(head))
    for size in sizes:
        res = size["results"]
        for i, name in enumerate(MEASURES):
            r = res[name]
            ratio_p = size["ratios"].get(f"pelican/{name}")
            ratio_m = size["ratios"].get(f"mkdocs/{name}")
            note = "" if r["ok"] else f"  ({r['error']})"
            print(
                f"{size['notes'] if i == 0 else '':>6}  {LABELS[name]:<25} "
                f"{_fmt(r['median_s'], '9.2f')} {_fmt(r['min_s'], '8.2f')} "
                f"{_fmt(r['max_s'], '8.2f')} {_fmt(r['median_cpu_s'], '7.2f')} "
                f"{_fmt(r['peak_rss_mb'], '7.0f')} "
                f"{_fmt(r['tree_rss_mb'], '8.0f')} {r['pages']:>6}  "
                f"{_fmt(ratio_p, '8.2f') + '×' if ratio_p else '':>9} "
                f"{_fmt(ratio_m, '8.2f') + '×' if ratio_m else '':>9}{note}"
            )
        print("-" * len(head))
    print(LEGEND)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=[1000, 10000], help="e.g. 1000,10000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median)")
    parser.add_argument(
        "--peers",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time Pelican and MkDocs (installs them into bench/.venv if missing)",
    )
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "latest.json")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed")
    parser.add_argument(
        "--all-public",
        action="store_true",
        help="make every interview public, so ivsite publishes as many notes as the peers",
    )
    parser.add_argument(
        "--ivsite",
        type=Path,
        default=REPO / ".venv" / "bin" / "ivsite",
        help="the ivsite executable (default: the repo's .venv)",
    )
    parser.add_argument("--skip-ivsite", action="store_true", help="time the peers only")
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds before one build is killed"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    peer_versions: dict[str, str] = {}
    peers = bool(args.peers)
    if peers:
        try:
            peer_versions = ensure_peer_venv()
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"!! could not set up {PEER_VENV}: {exc}; continuing without peers")
            peers = False
    ivsite = args.ivsite if args.ivsite.is_absolute() else Path.cwd() / args.ivsite
    ivsite_python = ivsite.parent / "python"
    report: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_at_start": [round(x, 2) for x in os.getloadavg()],
            "calibration_s_at_start": calibrate(),
        },
        "versions": {
            "ivsite_git": _git_revision(),
            "ivsite": _versions(ivsite_python, ("ivsite",)).get("ivsite"),
            **peer_versions,
        },
        "settings": {
            "sizes": args.sizes,
            "repeat": args.repeat,
            "peers": peers,
            "seed": args.seed,
            "all_public": args.all_public,
            "skip_ivsite": args.skip_ivsite,
            "ivsite": str(ivsite),
        },
        "sizes": [],
    }
    for n in args.sizes:
        report["sizes"].append(bench_size(n, args, ivsite, peers))
        _write_report(args.out, report)  # after every size, so a long run leaves something
    report["machine"]["calibration_s_at_end"] = calibrate()
    report["machine"]["load_at_end"] = [round(x, 2) for x in os.getloadavg()]
    _write_report(args.out, report)
    print_table(report["sizes"])
    machine = report["machine"]
    print(
        f"machine: calibration loop {machine['calibration_s_at_start']} s at start, "
        f"{machine['calibration_s_at_end']} s at end (lower is faster); 1-min load "
        f"{machine['load_at_start'][0]} at start, {machine['load_at_end'][0]} at end"
    )
    print(f"\nwrote {args.out}")
    return 0


def _write_report(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
