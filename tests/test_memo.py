"""Kept work (ivsite.memo) must never change what is built.

The live preview keeps per-note work between rebuilds. These tests edit a copy of
the example site in every way a note, a file, the question bank or site.toml can
change, and after each edit compare, for every audience, the output of the
long-lived pipeline with that of a fresh one: byte for byte, file for file, with
the same diagnostics. A key that misses an input would show here as a stale page.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ivsite import emit
from ivsite.diagnostics import Diagnostics
from ivsite.memo import Memo
from ivsite.output import OutputPlan
from ivsite.pipeline import Pipeline
from ivsite.theme import Theme

REPO = Path(__file__).resolve().parent.parent
AUDIENCES = ("public", "mentor", "private")
NORTHWIND = "content/interviews/2026-02-11-northwind-ux.md"
AGENCY = "content/interviews/2026-02-25-agency-ux.md"
SALARY = "content/reflections/2026-07-05-salary-reality-check.md"
UX_ROLE = "content/roles/ux-researcher.md"


def copy_example(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site.toml", root / "site.toml")
    return root


def build_all(pipe: Pipeline, theme: Theme | None, changed: set[str] | None = None,
              ) -> tuple[dict[str, OutputPlan], list[str]]:
    diags = Diagnostics()
    prep = pipe.prepare(diags, changed)
    assert prep is not None
    theme = theme or Theme.load(prep.root, prep.config.theme)
    plans = {}
    for audience in AUDIENCES:
        graph = pipe.graph(prep, audience, diags)  # type: ignore[arg-type]
        prefix = "share/x/" if audience == "mentor" else ""
        plans[audience] = pipe.plan(prep, graph, theme, share_prefix=prefix)
    pipe.finish()
    return plans, [d.text() for d in diags.sorted()]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every watched file's bytes: what changed between two is what a watcher reports."""
    files = [p for p in (root / "content").rglob("*") if p.is_file()] + [root / "site.toml"]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def changes(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel)}


def edit(root: Path, rel: str, change: Callable[[str], str]) -> None:
    path = root / rel
    before = path.read_text("utf-8")
    after = change(before)
    assert after != before, f"the edit of {rel} changed nothing"
    path.write_text(after, "utf-8")


def sub(pattern: str, repl: str) -> Callable[[str], str]:
    return lambda text: re.sub(pattern, repl, text, count=1, flags=re.M)


EDITS: dict[str, Callable[[Path], object]] = {
    "body text": lambda r: edit(r, NORTHWIND, lambda t: t + "\nOne more public sentence.\n"),
    "an answer": lambda r: edit(r, NORTHWIND, sub(
        r"^## What does a typical day look like for you\?\n",
        "## What does a typical day look like for you?\n\nMornings are for synthesis.\n")),
    "a private passage": lambda r: edit(r, NORTHWIND, sub(
        r"^::: private\n", "::: private\nA new private aside.\n")),
    "a question's wording": lambda r: edit(r, NORTHWIND, sub(
        r"^## What skills matter most for someone starting out\?$",
        "## Which skills matter when starting out?")),
    "a question gone": lambda r: edit(r, NORTHWIND, sub(
        r"^## Which skills matter when starting out\?$", "## Skills")),
    "a footnote": lambda r: edit(r, NORTHWIND, lambda t: t + "\nA claim.[^c]\n\n[^c]: A source.\n"),
    "the home page's text": lambda r: edit(r, "content/pages/index.md",
                                          lambda t: t + "\nA new line on the home page.\n"),
    "a new link": lambda r: edit(r, NORTHWIND, lambda t: t + "\nSee [[roles/ux-researcher]].\n"),
    "a role's title": lambda r: edit(r, UX_ROLE, sub(r"^title: .*$", "title: UX Research")),
    "tags": lambda r: edit(r, SALARY, sub(r"^tags: .*$", "tags: [money, new-tag]")),
    "a summary": lambda r: edit(r, NORTHWIND, sub(r"^summary: .*$", "summary: Shorter.")),
    "visibility": lambda r: edit(r, NORTHWIND, sub(r"^visibility: public$",
                                                   "visibility: mentor")),
    "consent": lambda r: edit(r, NORTHWIND, sub(r"publish_name: true", "publish_name: false")),
    "a new note": lambda r: (r / "content/interviews/2026-11-01-new.md").write_text(
        "---\nvisibility: public\ndate: 2026-11-01\nperson: {name: Ada Quill, role: Analyst,"
        " company: Lumen}\nconsent: {publish_name: true}\nstatus: done\nrole: ux-researcher\n"
        "tags: [ux]\n---\nSee [[roles/ux-researcher]] and [Priya](2026-02-11-northwind-ux.md)."
        "\n\n## How did you get into this field?\n\nBy accident.\n", "utf-8"),
    "a deleted note": lambda r: (r / AGENCY).unlink(),
    "a file's bytes": lambda r: (r / "content/assets/persona-board.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n', "utf-8"),
    "the question bank": lambda r: edit(r, "content/questions.yaml", sub(
        r"^    - What was your path to this job\?$",
        "    - What was your path to this job?\n    - Who else should I talk to?")),
    "site.toml": lambda r: edit(r, "site.toml", sub(r'^title = .*$', 'title = "Maya: research"')),
    "a broken link": lambda r: edit(r, SALARY, lambda t: t + "\n[gone](nowhere.md)\n"),
    "the fix": lambda r: edit(r, SALARY, lambda t: t.replace("\n[gone](nowhere.md)\n", "\n")),
    "a passage in raw HTML": lambda r: edit(r, NORTHWIND, lambda t: t + (
        "\n<details>\n\n::: private\nKept out of the HTML block.\n:::\n\n</details>\n")),
    "a definition in a passage": lambda r: edit(r, NORTHWIND, lambda t: t + (
        "\nSee [the doc][d].\n\n::: private\n[d]: https://example.org/private\n:::\n")),
    "a comment past a blank line": lambda r: edit(r, NORTHWIND, lambda t: t + (
        "\nBefore <!-- a note\n\nto self --> after.\n")),
    "an odd fence": lambda r: edit(r, NORTHWIND, lambda t: t + (
        "\n\u00a0::: private\nOdd.\n:::\n")),
    "the odd fence fixed": lambda r: edit(r, NORTHWIND, lambda t: t.replace(
        "\u00a0::: private", "::: private")),
}


@pytest.mark.parametrize("shard_docs", [emit.SHARD_DOCS, 4])
def test_every_kind_of_edit_builds_what_a_fresh_pipeline_builds(
        tmp_path: Path, shard_docs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # With 4 notes a shard the private search index comes in many shards, of which
    # a body edit makes only one again.
    monkeypatch.setattr(emit, "SHARD_DOCS", shard_docs)
    root = copy_example(tmp_path)
    kept = Pipeline(root, persist_cache=False, incremental=True)
    theme = Theme.load(root, "default")
    build_all(kept, theme)
    reused: list[bool] = []
    quick: list[bool] = []
    for name, change in EDITS.items():
        before = snapshot(root)
        change(root)
        # Told what changed (as the preview's watcher tells it), load looks at those
        # paths alone. A theme object lives as long as the preview's; a fresh
        # pipeline gets its own.
        got, got_diags = build_all(kept, theme, changes(before, snapshot(root)))
        want, want_diags = build_all(Pipeline(root, persist_cache=False), None)
        assert got_diags == want_diags, name
        assert kept.load_cache is not None and kept.load_cache.patched_in_a_row > 0, \
            f"{name}: load walked content/ instead of looking at the changed paths"
        for audience in AUDIENCES:
            assert got[audience].files.keys() == want[audience].files.keys(), (name, audience)
            for path, data in want[audience].files.items():
                assert got[audience].files[path] == data, (name, audience, path)
            assert got[audience].assets == want[audience].assets, (name, audience)
        assert kept.memos is not None
        if name != "site.toml":  # which every page is made from
            assert kept.memos.pages.last_hits > 0 or kept.reused_in_a_row, \
                f"{name}: no page was kept, so the comparison proves nothing about kept pages"
        reused.append(kept.reused_in_a_row > 0)
        assert kept.memos.last_check is not None
        quick.append(kept.memos.last_check.quick_in_a_row > 0)
        views = [kept.memos.last_views[a].quick_in_a_row > 0 for a in AUDIENCES]
        if quick[-1]:  # the filter patched its views too
            assert views == [True] * 3, (name, views)
    # Edits to bodies alone (answers too) reuse the last graph and pages; the others
    # build in full.
    for body_only in ("body text", "an answer", "a private passage"):
        assert reused[list(EDITS).index(body_only)], body_only
    assert not reused[list(EDITS).index("a role's title")]
    # Validation patches the last result for edits that leave the site's shape as
    # it was, and checks everything for the others. (The role's new title breaks
    # links to its old one: every later edit starts from errors, checked in full.)
    names = list(EDITS)
    upto = names.index("a role's title")
    assert quick[:upto] == [True] * upto, list(zip(names, quick, strict=True))
    assert not any(quick[upto:]), list(zip(names, quick, strict=True))


@pytest.mark.parametrize("change", [
    sub(r"^tags: .*$", "tags: [money, new-tag]"),
    sub(r"^summary: .*$", "summary: Shorter."),
    sub(r"^date: .*$", "date: 2026-01-01"),  # the note moves in every list
    lambda t: t + "\n[[Nowhere at all]]\n",  # an error: no quick check after it
])
def test_a_quick_check_finds_what_a_full_one_finds(tmp_path: Path,
                                                   change: Callable[[str], str]) -> None:
    root = copy_example(tmp_path)
    kept = Pipeline(root, persist_cache=False, incremental=True)
    theme = Theme.load(root, "default")
    build_all(kept, theme)
    files = snapshot(root)
    edit(root, SALARY, change)
    got, got_diags = build_all(kept, theme, changes(files, snapshot(root)))
    assert kept.memos is not None and kept.memos.last_check is not None
    assert kept.memos.last_check.quick_in_a_row == 1
    want, want_diags = build_all(Pipeline(root, persist_cache=False), None)
    assert got_diags == want_diags
    for audience in AUDIENCES:
        assert got[audience].files == want[audience].files, audience


@pytest.mark.parametrize(("change", "remade"), [
    # Text outside any answer: the interview's own page, in each of the three views.
    ("body text", ["interview.html"] * 3),
    # An answer: the questions page too (it joins the kept answers around it).
    ("an answer", ["interview.html"] * 3 + ["questions.html"] * 3),
])
def test_an_edit_remakes_only_the_pages_it_touches(tmp_path: Path, change: str,
                                                    remade: list[str]) -> None:
    root = copy_example(tmp_path)
    kept = Pipeline(root, persist_cache=False, incremental=True)
    theme = Theme.load(root, "default")
    build_all(kept, theme)
    assert kept.memos is not None
    pages = kept.memos.pages
    calls: list[str] = []
    original = Memo.get

    def counting(self: Memo[object], key: object, make: Callable[[], object]) -> object:
        if self is pages:
            calls.append(f"made {key[0]}" if key not in self else "kept")  # type: ignore[index]
        return original(self, key, make)

    before, _ = build_all(kept, theme)
    files = snapshot(root)
    EDITS[change](root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Memo, "get", counting)
        after, _ = build_all(kept, theme, changes(files, snapshot(root)))
    assert sorted(c for c in calls if c != "kept") == [f"made {t}" for t in remade]
    # Every other file is the very one made before: kept, not made again.
    for audience in AUDIENCES:
        same = [p for p, data in after[audience].files.items()
                if before[audience].files.get(p) is data]
        assert len(same) > 25, (audience, len(same))


def test_memo_forgets_what_a_build_did_not_use() -> None:
    memo: Memo[int] = Memo(slack=0)
    assert memo.get("a", lambda: 1) == 1
    assert memo.get("b", lambda: 2) == 2
    memo.rotate()
    assert memo.get("a", lambda: 99) == 1  # used last build: kept
    memo.rotate()
    assert memo.get("b", lambda: 3) == 3  # not used in the last build: forgotten
    assert len(memo) == 2


def test_a_memo_ticked_forgets_at_the_next_rotate_what_that_build_did_not_use() -> None:
    memo: Memo[int] = Memo(slack=0)
    memo.get("old", lambda: 1)
    memo.rotate()
    memo.get("made while reusing", lambda: 2)
    memo.tick()  # a build that reused the last pages: nothing forgotten yet
    assert "old" in memo and "made while reusing" in memo
    memo.get("old", lambda: 99)
    memo.rotate()  # a full build that used only "old"
    assert "old" in memo and "made while reusing" not in memo


def test_a_memo_sweeps_once_its_unused_entries_are_more_than_its_slack() -> None:
    """Each save leaves one stale entry behind (the edited note's last version); the
    memo goes through all its entries only once enough have gathered, and never
    holds more than the site's entries plus a sixteenth (or the slack)."""
    memo: Memo[int] = Memo(slack=8)
    site = [f"note {i}" for i in range(100)]
    sizes = []
    for save in range(40):
        for key in site[1:]:
            memo.get(key, lambda: 0)
        memo.get(f"note 0, version {save}", lambda: 1)  # the note being edited
        memo.rotate()
        sizes.append(len(memo))
    assert max(sizes) <= 100 + 8 + 1
    assert min(sizes) == 100 and sizes.count(100) >= 3  # swept now and then
    assert sizes[:8] == list(range(100, 108))  # and not before the slack is used


def test_pages_made_again_let_their_last_version_go(tmp_path: Path) -> None:
    """Saves that reuse the last graph sweep no memo, so a page made again must drop
    its last version itself: the kept pages do not grow with the number of saves."""
    root = copy_example(tmp_path)
    kept = Pipeline(root, persist_cache=False, incremental=True)
    theme = Theme.load(root, "default")
    build_all(kept, theme)
    assert kept.memos is not None
    sizes = []
    for i in range(6):
        files = snapshot(root)
        edit(root, NORTHWIND, sub(r"^## What does a typical day look like for you\?\n",
                                  f"## What does a typical day look like for you?\n\nSave {i}.\n"))
        build_all(kept, theme, changes(files, snapshot(root)))
        assert kept.reused_in_a_row == i + 1
        sizes.append(len(kept.memos.pages))
    assert len(set(sizes)) == 1, sizes
