"""The parse shared out over processes (ivsite.core.cores) gives exactly what the
parse in the build's own process gives: notes, audience views, diagnostics, and
what the cache keeps on disk."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from ivsite.core import cores
from ivsite.core.sourcefiles import SourceFile
from ivsite.parse import cache as parsecache
from ivsite.parse.cache import ParseCache
from ivsite.parse.stage import parse_cut, parse_note

HERE = Path(__file__).parent
SPEC = json.loads((HERE / "fixtures" / "commonmark" / "spec.json").read_text("utf-8"))

EDGES = [
    "Hello [[roles/x|a role]] and [[Some Title]].\n\n::: private\nsecret **words**\n:::\n",
    ":::: mentor\nfor the mentor[^1]\n\n::: private\ninner\n:::\n::::\n\n[^1]: a note\n",
    "| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n- [ ] todo\n- [x] done\n\nTerm\n: its definition\n",
    "![an *image* alt](pic.png \"t\")\n\n<!-- a comment -->\n\n<div>raw html</div>\n",
    "```\n::: private\n```\n\n    indented\n\n> ::: private\n> quoted secret\n> :::\n",
    "::: Private\nmisspelt\n:::\n\n:::\n\n::: private\nnever closed\n",
    "text <!-- never closed\n\n::\u034f: private\nodd fence\n::\u034f:\n",
]


def source(i: int, body: str, header: str = "---\ntitle: Note {i}\nvisibility: public\n---\n"
           ) -> SourceFile:
    data = (header.format(i=i) + body).encode("utf-8")
    return SourceFile(f"content/pages/n{i:04d}.md", "pages", data,
                      hashlib.sha256(data).hexdigest())


@pytest.fixture
def sources() -> list[SourceFile]:
    bodies = [*EDGES, *(example["markdown"] for example in SPEC)]
    out = [source(i, body) for i, body in enumerate(bodies)]
    out.append(source(len(out), "body", header="---\ntitle: [unclosed\n---\n"))
    out.append(source(len(out), "no front matter at all\n", header=""))
    return out


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every batch goes to two processes, however small and whatever else runs."""
    monkeypatch.setattr(parsecache, "processes_for", lambda jobs, size=None: 2 if jobs else 0)


@pytest.mark.usefixtures("pooled")
def test_notes_parsed_across_processes_are_those_parsed_here(
        sources: list[SourceFile], tmp_path: Path) -> None:
    cache = ParseCache(tmp_path)
    got = cache.get_many(sources)
    assert got == [parse_note(s) for s in sources]
    assert [cache.get(s) for s in sources] == got  # kept in memory
    cache.save()
    assert ParseCache(tmp_path).get_many(sources) == got  # and on disk


@pytest.mark.usefixtures("pooled")
def test_views_parsed_across_processes_are_those_parsed_here(
        sources: list[SourceFile], monkeypatch: pytest.MonkeyPatch) -> None:
    notes = [parse_note(s) for s in sources]
    cuts = [n.cut for n in notes if n.fm is not None]
    for sees in (frozenset({"public"}), frozenset({"public", "mentor"})):
        cache = ParseCache(None)
        cache.prefetch_views(cuts, sees)

        def no_parse(_: str) -> None:
            raise AssertionError("a view was not made beforehand")

        with monkeypatch.context() as m:
            m.setattr(parsecache, "parse_body", no_parse)
            views = [cache.view(cut, sees) for cut in cuts if cut.hides(sees)]
        assert views == [parse_cut(cut, sees) for cut in cuts if cut.hides(sees)]
        assert views


@pytest.mark.usefixtures("pooled")
def test_views_stay_kept_through_a_build_that_asks_for_none(
        sources: list[SourceFile], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build whose store holds every note filtered asks the cache for no view; the
    parses stay on disk all the same, so the build after it (one note edited) does
    not parse every view again."""
    cuts = [n.cut for n in (parse_note(s) for s in sources) if n.fm is not None]
    sees = frozenset({"public"})
    first = ParseCache(tmp_path)
    first.prefetch_views(cuts, sees)
    first.save()

    def no_parse(_: str) -> None:
        raise AssertionError("a view kept on disk was parsed again")

    monkeypatch.setattr(parsecache, "parse_body", no_parse)
    for _ in range(2):  # a build that asks for no view, then the next one
        cache = ParseCache(tmp_path)
        cache.prefetch_views(cuts, sees)
        cache.save()
    views = [cache.view(cut, sees) for cut in cuts if cut.hides(sees)]
    assert views
    monkeypatch.undo()
    assert views == [parse_cut(cut, sees) for cut in cuts if cut.hides(sees)]


def _failed(_: SourceFile) -> None:
    return None


@pytest.mark.usefixtures("pooled")
def test_a_worker_that_fails_leaves_the_note_to_this_process(
        sources: list[SourceFile], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsecache, "_note_job", _failed)
    assert ParseCache(None).get_many(sources[:20]) == [parse_note(s) for s in sources[:20]]


NOTE_JOB = parsecache._note_job


def _dies(source: SourceFile) -> parsecache.NoteParts | None:
    if source.rel.endswith("0005.md"):
        os._exit(1)  # as the kernel's out-of-memory killer would end it
    return NOTE_JOB(source)


@pytest.mark.usefixtures("pooled")
def test_the_notes_of_a_worker_that_died_are_parsed_here(
        sources: list[SourceFile], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsecache, "_note_job", _dies)
    assert ParseCache(None).get_many(sources[:40]) == [parse_note(s) for s in sources[:40]]


def test_few_jobs_small_jobs_or_a_threaded_process_stay_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert cores.processes_for(cores.POOL_FROM - 1) == 0
    assert cores.processes_for(10 * cores.POOL_FROM, size=cores.POOL_BYTES - 1) == 0
    monkeypatch.setattr(cores.threading, "active_count", lambda: 2)
    assert cores.processes_for(10 * cores.POOL_FROM) == 0


def test_progress_is_told_of_every_note(sources: list[SourceFile], pooled: None) -> None:
    steps: list[int] = []
    cache = ParseCache(None)
    cache.get_many(sources[:30], steps.append)
    cache.get_many(sources[:40], steps.append)  # 30 hits, 10 parsed
    assert sum(steps) == 70
