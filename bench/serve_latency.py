"""Time from a save to the live preview's reload message, and the preview's memory.

    python bench/serve_latency.py [--sizes 100,1000,10000] [--edits 30]
                                  [--memory-size 1000] [--memory-edits 500]
                                  [--where end|answer] [--audience private|public|mentor]
                                  [--out bench/results/serve_latency.json]

For each size it generates a site with ``bench/generate.py N DIR --seed S`` (into
bench/work/serve/<N>/, reused when already there), starts ``ivsite serve --port 0``
in it (the default private view), connects to the reload event stream as a
browser's EventSource would (``GET /__ivsite/events``), then appends one sentence
to one interview ``--edits`` times (``--where end``, the default: at the end of
the note, outside its answers; ``--where answer``: under its first question, so
the questions page changes too). Each time it measures the wall-clock time from
the write (just before ``write()``) to the reload message arriving on the stream,
and waits for that message before the next edit, so every edit is one rebuild.
It prints p50 and p95 per size, and the server's own rebuild times (from its
"Rebuilt in N ms" lines), so the rest (watcher, file system, message) shows too.

At ``--memory-size`` it goes on to ``--memory-edits`` edits in all and reports the
server's resident memory (VmRSS) after the first edit and after the last; the aim
is to stay within 10%.

Only the standard library is used; the server is ``<repo>/.venv/bin/ivsite``. The
edited note is put back as it was at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work" / "serve"
IVSITE = REPO / ".venv" / "bin" / "ivsite"
TARGETS_MS = {1000: 150.0, 10000: 1000.0}
QUESTION_HEADING = re.compile(rb"^#{1,6} [^\n]*\?[ \t]*\n", re.M)


@dataclass
class Server:
    proc: subprocess.Popen[str]
    port: int
    host: str = "127.0.0.1"
    """The name the preview answers at (``ivsite-<random>.localhost``)."""
    key: str = ""
    """The key printed in its address, sent as the cookie a browser gets for it."""
    lines: list[str] = field(default_factory=list)
    rebuild_ms: list[float] = field(default_factory=list)

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        return int(m.group(1)) / 1024 if m else float("nan")


class EventStream:
    """A minimal EventSource: one connection, events put on a queue as they arrive."""

    def __init__(self, port: int, host: str = "127.0.0.1", key: str = "") -> None:
        self.events: queue.Queue[tuple[str, str, float]] = queue.Queue()
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=600)
        # The preview answers only at its own name and with its key (ivsite.preview.access).
        cookie = f"Cookie: ivsite-preview-{port}={key}\r\n" if key else ""
        self.sock.sendall(
            f"GET /__ivsite/events HTTP/1.1\r\nHost: {host}:{port}\r\n{cookie}"
            "Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n".encode()
        )
        self.file = self.sock.makefile("rb", buffering=0)
        if b" 200 " not in self.file.readline():
            raise RuntimeError("the event stream did not answer 200")
        while self.file.readline() not in (b"\r\n", b"\n", b""):
            pass
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        event, data = "message", ""
        with contextlib.suppress(OSError, ValueError):
            while True:
                raw = self.file.readline()
                if not raw:
                    return
                now = time.time()
                line = raw.decode("utf-8").rstrip("\r\n")
                if not line:
                    if data:
                        self.events.put((event, data, now))
                    event, data = "message", ""
                elif line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data += line[5:].strip()

    def wait(self, names: tuple[str, ...], timeout: float) -> tuple[str, str, float]:
        deadline = time.monotonic() + timeout
        while True:
            event, data, at = self.events.get(timeout=max(0.001, deadline - time.monotonic()))
            if event in names:
                return event, data, at

    def drain(self) -> None:
        with contextlib.suppress(queue.Empty):
            while True:
                self.events.get_nowait()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()


def generate(n: int, seed: int) -> Path:
    site = WORK / str(n)
    if not (site / "site.toml").is_file():
        site.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                str(REPO / "bench" / "generate.py"),
                str(n),
                str(site),
                "--seed",
                str(seed),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return site


def start_server(site: Path, timeout: float, audience: str = "private") -> Server:
    proc = subprocess.Popen(
        [str(IVSITE), "serve", "--port", "0", "--audience", audience],
        cwd=site,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    found: queue.Queue[tuple[str, int, str]] = queue.Queue()
    server = Server(proc, 0)

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            server.lines.append(line.rstrip("\n"))
            if m := re.search(r" at http://([\w.-]+):(\d+)/(?:\?key=([\w-]+))?", line):
                found.put((m.group(1), int(m.group(2)), m.group(3) or ""))
            if m := re.match(r"Rebuilt in (\d+) ms", line):
                server.rebuild_ms.append(float(m.group(1)))

    threading.Thread(target=read, daemon=True).start()
    try:
        server.host, server.port, server.key = found.get(timeout=timeout)
    except queue.Empty:
        proc.kill()
        raise RuntimeError("the server did not start:\n" + "\n".join(server.lines[-20:])) from None
    return server


def stop_server(server: Server) -> None:
    server.proc.send_signal(2)  # Ctrl-C
    try:
        server.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.proc.kill()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def loadavg() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def run_size(n: int, args: argparse.Namespace) -> dict[str, object]:
    site = generate(n, args.seed)
    note = sorted((site / "content" / "interviews").glob("*.md"))[n // 2]
    original = note.read_bytes()
    if args.after_build:  # the preview then starts from what the build kept
        subprocess.run([str(IVSITE), "build"], cwd=site, check=True, timeout=args.timeout,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.perf_counter()
    server = start_server(site, args.timeout, args.audience)
    startup = time.perf_counter() - started
    stream = EventStream(server.port, server.host, server.key)
    result: dict[str, object] = {
        "notes": n,
        "startup_s": round(startup, 2),
        "after_build": args.after_build,
        "edited": note.relative_to(site).as_posix(),
        "where": args.where,
        "audience": args.audience,
    }
    latencies: list[float] = []
    failures = 0
    memory: dict[str, float] = {}
    total_edits = args.edits
    if n == args.memory_size:
        total_edits = max(total_edits, args.memory_edits)
    loads: list[float] = []
    try:
        stream.wait(("hello",), 30)
        for i in range(total_edits):
            stream.drain()
            loads.append(loadavg())
            sentence = f"\nEdit {i}: one more sentence typed into the note.\n".encode()
            if args.where == "end":
                with note.open("ab") as fh:
                    t0 = time.time()
                    fh.write(sentence)
            else:  # into the first answer: right under the first question heading
                text = note.read_bytes()
                m = QUESTION_HEADING.search(text)
                if m is None:
                    raise SystemExit(f"{note} has no question heading to edit under")
                changed = text[: m.end()] + sentence + text[m.end():]
                with note.open("wb") as fh:
                    t0 = time.time()
                    fh.write(changed)
            event, _, arrived = stream.wait(("reload", "css", "overlay"), args.timeout)
            if event == "overlay":
                failures += 1
            if i < args.edits:
                latencies.append((arrived - t0) * 1000)
            if i == 0:
                memory["rss_after_first_mb"] = server.rss_mb()
            if n == args.memory_size and (i + 1) % 100 == 0:
                memory[f"rss_after_{i + 1}_mb"] = server.rss_mb()
                print(
                    f"  {n} notes: {i + 1} edits, RSS {memory[f'rss_after_{i + 1}_mb']:.1f} MB",
                    flush=True,
                )
            time.sleep(args.pause)
        if n == args.memory_size:
            memory["rss_after_last_mb"] = server.rss_mb()
            memory["edits"] = total_edits
            first, last = memory["rss_after_first_mb"], memory["rss_after_last_mb"]
            memory["growth_pct"] = round((last - first) / first * 100, 1)
    finally:
        stream.close()
        stop_server(server)
        note.write_bytes(original)
    rebuilds = server.rebuild_ms[: args.edits]
    result.update(
        {
            "edits": args.edits,
            "failed_builds": failures,
            "p50_ms": round(percentile(latencies, 0.5), 1),
            "p95_ms": round(percentile(latencies, 0.95), 1),
            "min_ms": round(min(latencies), 1),
            "max_ms": round(max(latencies), 1),
            "server_rebuild_p50_ms": round(percentile(rebuilds, 0.5), 1),
            "latencies_ms": [round(x, 1) for x in latencies],
            "load_avg_median": round(statistics.median(loads), 2) if loads else None,
            "memory": memory,
        }
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--memory-size", type=int, default=1000)
    parser.add_argument("--memory-edits", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--pause",
        type=float,
        default=0.05,
        help="seconds between a reload message and the next edit",
    )
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument(
        "--where",
        choices=("end", "answer"),
        default="end",
        help="append each sentence at the end of the note (outside the answers), or "
        "type it into the note's first answer (the questions page changes too)",
    )
    parser.add_argument(
        "--audience",
        choices=("private", "public", "mentor"),
        default="private",
        help="the view served; public and mentor previews also check each build's "
        "output for withheld text (after the reload message, on another thread)",
    )
    parser.add_argument(
        "--after-build",
        action="store_true",
        help="run `ivsite build` on the site first, so that startup_s is the "
        "preview's start after a build (issue 10's target)",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "serve_latency.json"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    report: dict[str, object] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_avg_at_start": loadavg(),
        "results": [],
    }
    results: list[dict[str, object]] = []
    print(
        f"{'notes':>6} {'p50 ms':>8} {'p95 ms':>8} {'min':>7} {'max':>7} "
        f"{'rebuild p50':>11} {'target':>7} {'load':>5}",
        flush=True,
    )
    for n in sizes:
        r = run_size(n, args)
        results.append(r)
        target = TARGETS_MS.get(n)
        print(
            f"{n:>6} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['min_ms']:>7} {r['max_ms']:>7} "
            f"{r['server_rebuild_p50_ms']:>11} {target or '-':>7} {r['load_avg_median']:>5}",
            flush=True,
        )
        mem = r["memory"]
        if isinstance(mem, dict) and "growth_pct" in mem:
            print(
                f"       RSS after the first edit {mem['rss_after_first_mb']:.1f} MB, after "
                f"{mem['edits']} edits {mem['rss_after_last_mb']:.1f} MB "
                f"({mem['growth_pct']:+.1f}%, limit +10%)",
                flush=True,
            )
        report["results"] = results
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
