"""Files audited clean before are not read again, and that never excuses a leak.

A file's key (ivsite.audit.cache.file_key) covers its path, its bytes and everything
the audit looks for; a change to any of them means the file is audited again.
The builds here also check that the keys are kept in .ivsite/cache/ between
builds, and that Pagefind's files, made while the pages are audited, are
audited too.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import put
from unit_helpers import write_site

from ivsite.audit import cache as auditcache
from ivsite.audit import search as auditsearch
from ivsite.audit import stage as audit
from ivsite.audit.search import AssetSecret
from ivsite.audit.secrets import ADDRESS, Secret
from ivsite.audit.stage import audit_files
from ivsite.incremental import last_build
from ivsite.pipeline import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, build, checks
from ivsite.write import stage as write

NAME = Secret("unconsented name", "Jane Doe", "content/interviews/x.md", 5)
TITLE = Secret("withheld title", "Quarterly Salary Bands", "content/roles/x.md", 2)
PAGE = b"<p>Met Jane Doe about the quarterly salary bands.</p>"


def audited(files: dict[str, bytes], secrets: list[Secret], visible: str = "",
            assets: list[AssetSecret] | None = None, base_url: str = "",
            clean: audit.Audit | None = None) -> audit.Audit:
    """An audit, offered what an earlier one (``clean``) found clean."""
    known = auditcache.Known(((clean.ids, clean.clean),)) if clean else auditcache.Known()
    return audit_files(files.items(), secrets, visible, assets or [], base_url, known)


def test_a_clean_file_is_known_clean_and_one_with_a_hit_never_is() -> None:
    first = audited({"a/index.html": PAGE, "b/index.html": b"<p>hello</p>"}, [NAME])
    assert [h.output for h in first.hits] == ["a/index.html"]
    assert len(first.clean) == 1  # b only
    again = audited({"a/index.html": PAGE, "b/index.html": b"<p>hello</p>"}, [NAME],
                    clean=first)
    assert [h.output for h in again.hits] == ["a/index.html"]
    assert again.clean == first.clean


def test_a_file_found_clean_then_changed_to_hold_a_secret_is_caught() -> None:
    first = audited({"a/index.html": b"<p>Met someone.</p>"}, [NAME])
    assert not first.hits and first.clean
    then = audited({"a/index.html": PAGE}, [NAME], clean=first)
    assert [h.secret for h in then.hits] == [NAME]
    assert not then.clean


def test_the_same_bytes_with_a_new_secret_are_caught() -> None:
    first = audited({"a/index.html": PAGE}, [])
    assert not first.hits and first.clean
    then = audited({"a/index.html": PAGE}, [NAME], clean=first)
    assert [h.secret for h in then.hits] == [NAME]


@pytest.mark.parametrize("change", [
    "visible text", "kind", "scope", "path", "asset", "base_url", "source"])
def test_any_change_the_verdict_depends_on_means_auditing_again(change: str) -> None:
    """For each input: a file clean under one value and leaking under the other is
    caught when the clean keys of the first audit are offered to the second."""
    part = Secret("name part", "Quenwick", "content/interviews/q.md", 3, ("people/q/",))
    site = "https://ex.example/"
    cases: dict[str, tuple[dict[str, object], dict[str, object]]] = {
        # the audience may read the title elsewhere, then no longer
        "visible text": ({"files": {"a.html": PAGE}, "secrets": [TITLE],
                          "visible": "quarterly salary bands"},
                         {"files": {"a.html": PAGE}, "secrets": [TITLE], "visible": ""}),
        # the same words, now a name (never excused by visible text)
        "kind": ({"files": {"a.html": PAGE}, "secrets": [TITLE],
                  "visible": "quarterly salary bands"},
                 {"files": {"a.html": PAGE},
                  "secrets": [Secret("unconsented name", TITLE.text, TITLE.source, 2)],
                  "visible": "quarterly salary bands"}),
        # a part of a name counts only on its person's pages
        "scope": ({"files": {"people/q/index.html": b"Quenwick"},
                   "secrets": [Secret(part.kind, part.text, part.source, 3, ("roles/",))]},
                  {"files": {"people/q/index.html": b"Quenwick"}, "secrets": [part]}),
        "path": ({"files": {"roles/index.html": b"Quenwick"}, "secrets": [part]},
                 {"files": {"people/q/index.html": b"Quenwick"}, "secrets": [part]}),
        "asset": ({"files": {"x.png": b"PNG"}, "secrets": []},
                  {"files": {"x.png": b"PNG"}, "secrets": [], "assets": [AssetSecret(
                      hashlib.sha256(b"PNG").hexdigest(), "content/x.png")]}),
        # a withheld page's address written out under the site's address
        "base_url": ({"files": {"a.html": b"see ex.example/plans/"},
                      "secrets": [Secret(ADDRESS, "plans/", "content/pages/plans.md", 1)]},
                     {"files": {"a.html": b"see ex.example/plans/"},
                      "secrets": [Secret(ADDRESS, "plans/", "content/pages/plans.md", 1)],
                      "base_url": site}),
        # the same secret from another note is another needle set
        "source": ({"files": {"a.html": b"<p>hello</p>"}, "secrets": [NAME]},
                   {"files": {"a.html": b"<p>hello</p>"}, "secrets": [
                       Secret(NAME.kind, NAME.text, "content/interviews/y.md", 5)]}),
    }
    before, after = cases[change]
    first = audited(**before)  # type: ignore[arg-type]
    assert not first.hits and first.clean, change
    if change == "source":  # nothing to find either way: only the secret's id differs
        assert audited(**after).ids.isdisjoint(first.ids)  # type: ignore[arg-type]
        return
    assert audited(**after).hits, change  # type: ignore[arg-type]
    assert audited(**after, clean=first).hits, change  # type: ignore[arg-type]


def test_the_clean_file_holds_one_build_and_survives_nonsense(tmp_path: Path) -> None:
    path = tmp_path / "cache" / auditcache.FILE
    keys = [f"{i:064x}" for i in range(3)]
    ids = frozenset(auditcache.secret_ids([NAME, TITLE]))
    files = auditcache.CleanFiles(path)
    assert files.known == auditcache.Known()
    files.add(ids, keys[:2])
    files.add(ids, keys[1:])
    files.add(frozenset(), keys[:1])
    files.rotate()
    both = auditcache.Known(((ids, frozenset(keys)), (frozenset(), frozenset(keys[:1]))))
    assert auditcache.CleanFiles(path).known == both
    files.rotate()  # no audit since: nothing forgotten
    assert auditcache.CleanFiles(path).known == both
    files.add(ids, keys[:1])
    files.rotate()  # only what the last build saw
    one = auditcache.Known(((ids, frozenset(keys[:1])),))
    assert auditcache.CleanFiles(path).known == one
    path.write_text(path.read_text() + "not a key\n" + "A" * 64 + "\n")
    assert auditcache.CleanFiles(path).known == one
    path.write_text(path.read_text() + "secrets NOT-AN-ID\n" + keys[2] + "\n")
    assert auditcache.CleanFiles(path).known == auditcache.Known()  # damaged: nothing known
    path.write_bytes(b"\xff\xfe garbage")
    assert auditcache.CleanFiles(path).known == auditcache.Known()
    readonly = auditcache.CleanFiles(tmp_path / "other", read_only=True)
    readonly.add(ids, keys)
    readonly.rotate()
    assert readonly.known.keys() == frozenset(keys) and not (tmp_path / "other").exists()


def test_what_a_key_was_found_clean_of_decides_what_is_read_again() -> None:
    ids = frozenset(auditcache.secret_ids([NAME, TITLE]))
    name, title = auditcache.secret_ids([NAME]), auditcache.secret_ids([TITLE])
    known = auditcache.Known(((frozenset(name), frozenset({"k1", "k2"})), (ids, frozenset({"k2"}))))
    assert known.missing("k0", ids) is None
    assert known.missing("k1", ids) == frozenset(title)
    assert known.missing("k2", ids) == frozenset()
    assert known.missing("k1", frozenset(name)) == frozenset()


SECTION_TEXT = "Notes are kept under reflections/salary-talk for now.\n"


def _site(root: Path) -> Path:
    site = write_site(root, {"content/pages/about.md": "---\ntitle: About\n---\nHello.\n"})
    put(site / "content/pages/odd.md", ({"title": "Odd", "visibility": "public"}, SECTION_TEXT))
    return site


def _hidden_note(site: Path) -> None:
    put(site / "content/reflections/salary-talk.md",
        ({"title": "Salary talk", "date": "2026-01-02", "visibility": "private"}, "Numbers.\n"))


def test_a_new_withheld_note_is_caught_in_an_unchanged_output_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """odd/index.html names reflections/salary-talk from the start; only when that
    note exists (private) is the page a leak. The page's bytes do not change, so
    only the secrets it was found clean of tell the second build to read it again."""
    site = _site(tmp_path / "site")
    out = tmp_path / "out"
    assert build(site, out=out).status == EXIT_OK
    assert (site / ".ivsite" / "cache" / auditcache.FILE).is_file()
    _hidden_note(site)
    result = build(site, out=out)
    assert result.status == EXIT_CONTENT
    assert "odd/index.html" in {h.output for h in result.hits}
    assert b"reflections/salary-talk" in (out / "odd" / "index.html").read_bytes()  # the old build

    # The same build with keys known clean whatever the secrets would let the page
    # through (each build audits: none is answered by the record of the last build).
    # (The note's title is in the visible text: what is shown is in the key too.)
    monkeypatch.setattr(auditsearch, "reading_digest", lambda *args, **kw: "the same every time")
    monkeypatch.setattr(auditcache.Known, "missing", lambda self, key, ids: frozenset()
                        if any(key in keys for _, keys in self.groups) else None)
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})  # none made with the real digest
    monkeypatch.setattr(last_build, "read", lambda *args: None)
    (site / "content/reflections/salary-talk.md").unlink()
    assert build(site, out=out).status == EXIT_OK
    _hidden_note(site)
    assert build(site, out=out).status == EXIT_OK


def _files_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the audits read from now on (a file known clean is not read)."""
    read: list[str] = []
    real = auditsearch.Search.hits

    def spy(self: auditsearch.Search, rel: str, data: bytes) -> list[auditsearch.Hit]:
        read.append(rel)
        return real(self, rel, data)

    monkeypatch.setattr(auditsearch.Search, "hits", spy)
    return read


def test_a_build_that_changed_nothing_reads_only_what_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "site")
    out = tmp_path / "out"
    assert build(site, out=out).status == EXIT_OK
    total = sum(1 for p in out.rglob("*") if p.is_file())
    audited_now = _files_read(monkeypatch)
    assert build(site, out=out).status == EXIT_OK
    # Pagefind writes a few files differently each time; the pages are all known.
    assert all(rel.startswith("pagefind/") for rel in audited_now), audited_now
    assert len(audited_now) < total


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_a_build_after_one_edit_reads_only_the_files_whose_bytes_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both audits of a build (the pages while Pagefind runs, then the folder with
    Pagefind's style sheets, which hide more) skip what the last build's audits
    found clean under the same key; a page left alone is read by neither."""
    site = _site(tmp_path / "site")
    for i in range(4):
        put(site / f"content/pages/p{i}.md", ({"title": f"Page {i}"}, f"Text {i}.\n"))
    out = tmp_path / "out"
    assert build(site, out=out).status == EXIT_OK
    before = _files(out)
    audited = _files_read(monkeypatch)
    put(site / "content/pages/p2.md", ({"title": "Page 2"}, "Text 2, longer now.\n"))
    assert build(site, out=out).status == EXIT_OK
    after = _files(out)
    changed = {rel for rel, data in after.items() if before.get(rel) != data}
    assert "p2/index.html" in audited
    assert "p1/index.html" in after and "p1/index.html" not in audited
    assert set(audited) <= changed, sorted(set(audited) - changed)


Start = Callable[[list[Path]], list[tuple[Path, "subprocess.Popen[bytes]"]]]


def _fake_pagefind(leak: str) -> Start:
    """An indexer that takes its time and writes ``leak`` into its bundle."""
    code = ("import pathlib, sys, time; time.sleep(0.5); "
            "p = pathlib.Path(sys.argv[1]) / 'pagefind'; p.mkdir(); "
            f"(p / 'pagefind-entry.json').write_text({leak!r})")

    def start(folders: list[Path]) -> list[tuple[Path, subprocess.Popen[bytes]]]:
        return [(f, subprocess.Popen([sys.executable, "-c", code, str(f)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE))
                for f in folders]
    return start


def test_pagefind_files_made_while_the_pages_are_audited_are_audited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "site")
    put(site / "content/pages/odd.md", ({"title": "Odd", "visibility": "public"}, "Hi.\n"))
    _hidden_note(site)
    out = tmp_path / "out"
    monkeypatch.setattr(write, "start_pagefind",
                        _fake_pagefind('{"url": "/reflections/salary-talk/"}'))
    result = build(site, out=out)
    assert result.status == EXIT_CONTENT
    assert {h.output for h in result.hits} == {"pagefind/pagefind-entry.json"}
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folder


def test_a_failing_indexer_writes_nothing(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "site")
    out = tmp_path / "out"

    def start(folders: list[Path]) -> list[tuple[Path, subprocess.Popen[bytes]]]:
        return [(f, subprocess.Popen([sys.executable, "-c", "import sys; sys.exit('no')"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE))
                for f in folders]

    monkeypatch.setattr(write, "start_pagefind", start)
    result = build(site, out=out)
    assert result.status == EXIT_USAGE
    assert "search indexer failed" in " ".join(d.message for d in result.diagnostics)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_audits_own_code_is_part_of_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = auditcache.reading_digest((), "")
    monkeypatch.setattr(auditcache, "AUDIT_VERSION", auditcache.AUDIT_VERSION + 1)
    auditcache._code_digest.cache_clear()
    try:
        assert auditcache.reading_digest((), "") != before
    finally:
        auditcache._code_digest.cache_clear()


SAID = "We will cut the design team by half next spring."
PASSAGE = Secret("withheld passage", SAID, "content/interviews/x.md", 9)
NOTES = {"files/notes.txt": f"Minutes. {SAID}".encode()}


def test_an_edit_to_visible_text_keeps_the_keys_unless_it_changes_what_is_shown() -> None:
    """A key stands for the secrets and for which of them the audience reads anyway,
    not for the whole visible text: a sentence added anywhere leaves every key as
    it was, and taking away the visible copy of a withheld sentence makes the file
    that holds it a leak, found though its bytes did not change."""
    visible = f"A public note. {SAID}"
    first = audited(NOTES, [PASSAGE], visible)
    assert not first.hits and first.clean
    edited = audited(NOTES, [PASSAGE], visible + " And a new sentence.", clean=first)
    assert edited.clean == first.clean
    gone = audited(NOTES, [PASSAGE], "A public note. And a new sentence.", clean=first)
    assert [h.secret for h in gone.hits] == [PASSAGE]


def test_without_what_is_shown_in_the_key_the_leak_would_pass(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection above switched off: keys that leave out what the audience
    reads let the file through when its visible copy is taken away."""
    monkeypatch.setattr(auditsearch.Seen, "answers", lambda self: ())
    auditsearch._SEARCHES.clear()
    first = audited(NOTES, [PASSAGE], f"A public note. {SAID}")
    gone = audited(NOTES, [PASSAGE], "A public note. And a new sentence.", clean=first)
    assert gone.hits == []


def test_a_file_known_clean_that_became_a_withheld_file_is_caught() -> None:
    """Withheld files are found by hash in every audit, known clean or not: a note's
    source is one, and its digest changes with every edit, so it is not in the key."""
    source = b"---\ntitle: Salary\n---\nSalary talk.\n"  # (a mentor note's source, say)
    first = audited({"files/copy.txt": source}, [])
    assert not first.hits and first.clean
    withheld = AssetSecret(hashlib.sha256(source).hexdigest(), "content/reflections/x.md")
    then = audited({"files/copy.txt": source}, [], assets=[withheld], clean=first)
    assert [h.secret.kind for h in then.hits] == ["withheld file"]
    assert not then.clean


def test_a_cold_build_reads_each_page_once(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages, audited while Pagefind runs, are read with the style sheets
    Pagefind is writing (ivsite.readers.pagefind_engine.fixed_sheets): the audit of the
    whole folder then knows them clean by the same key and reads only Pagefind's
    own files. Read without those sheets, every page was read twice."""
    site = _site(tmp_path / "site")
    read = _files_read(monkeypatch)
    assert build(site, out=tmp_path / "out").status == EXIT_OK
    pages = [rel for rel in read if rel.endswith(".html")]
    assert "odd/index.html" in pages
    assert len(pages) == len(set(pages)), sorted(pages)

    monkeypatch.setattr(checks, "_pagefind_hidden", lambda plan: frozenset())
    shutil.rmtree(site / ".ivsite")  # the keys the first build found clean
    read.clear()
    assert build(site, out=tmp_path / "out2").status == EXIT_OK
    assert read.count("odd/index.html") == 2


def test_pagefind_writing_other_sheets_means_the_pages_are_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Should Pagefind write a style sheet that hides what the known ones do not,
    the keys of the pages audited without it are not the folder's: every page is
    read again, with the sheet, and what it hides is read as on screen."""
    site = _site(tmp_path / "site")
    put(site / "content/pages/hid.md", ({"title": "Hid", "visibility": "public"},
                                        '<span class="rare-thing">Text</span> here.\n'))
    real = write.start_pagefind

    def start(folders: list[Path]) -> list[tuple[Path, subprocess.Popen[bytes]]]:
        for folder in folders:
            (folder / "pagefind").mkdir()
            (folder / "pagefind" / "extra.css").write_text(".rare-thing{display:none}")
        return real(folders)

    monkeypatch.setattr(write, "start_pagefind", start)
    read = _files_read(monkeypatch)
    assert build(site, out=tmp_path / "out").status == EXIT_OK
    assert read.count("hid/index.html") == 2


_POOL = [
    NAME, TITLE, PASSAGE,
    Secret("unconsented name", "Quentin Zabrowski", "content/interviews/q.md", 4),
    Secret("contact field", "q.zabrowski@mail.example", "content/interviews/q.md", 6),
    Secret("withheld passage", "Budgets are set in March. Nobody asks twice.",
           "content/interviews/q.md", 12),
    Secret("withheld passage", "Hiring stops in June. Ask Jane Doe first.",
           "content/interviews/q.md", 14),
    Secret("withheld summary", "A frank talk about design team cuts",
           "content/interviews/x.md", 3),
    Secret("name part", "Zabrowski", "content/interviews/q.md", 4, ("people/q/",)),
    Secret(ADDRESS, "reflections/salary-talk/", "content/reflections/salary-talk.md", 1),
    *(CHAIN := [Secret("withheld passage", text, "content/pages/log.md", line)
                for text, line in (("The merger closed quietly.", 3), ("Nobody was told.", 5),
                                   ("Layoffs start in March.", 7))]),
]
_PIECES = ["Met Jane Doe.", "Doe, Jane", "QUENTIN-ZABROWSKI", "q.zabrowski (at) mail.example",
           SAID, "Budgets are set in March.", "Nobody asks twice.", "Hiring stops in June.",
           "quarterly salary bands", "see /reflections/salary-talk/", "Zabrowski",
           "a frank talk about design team cuts", "Nothing to see.", "Ask Jane Doe first.",
           "The merger closed quietly. Layoffs start in March."]


@settings(max_examples=60, deadline=None)
@given(before=st.sets(st.sampled_from(range(len(_POOL)))),
       after=st.sets(st.sampled_from(range(len(_POOL)))),
       page=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4),
       where=st.sampled_from(["a/index.html", "people/q/index.html", "files/notes.txt"]))
def test_a_file_read_again_for_the_new_secrets_alone_has_a_first_audits_verdict(
        before: set[int], after: set[int], page: list[str], where: str) -> None:
    """A file found clean of some secrets, then audited with others, is read for
    the secrets it was not found clean of (and the rest of their notes) alone: the
    verdict and the hits are those of an audit that knew nothing."""
    files = {where: " ".join(page).encode()}
    first = audited(files, [_POOL[i] for i in sorted(before)], visible="A public note.")
    now = [_POOL[i] for i in sorted(after)]
    fresh = audited(files, now, visible="A public note.")
    again = audited(files, now, visible="A public note.", clean=first)
    assert again.hits == fresh.hits
    assert again.clean == fresh.clean


def test_an_edit_to_a_withheld_note_reads_the_pages_for_its_secrets_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A withheld passage edited to say what an unchanged page says: the page is
    read again for that note's secrets alone and the build refused. Offered as
    clean whatever the secrets, the page would be published."""
    site = _site(tmp_path / "site")
    put(site / "content/pages/plain.md", ({"title": "Plain", "visibility": "public"},
                                          "The [minutes](../files/minutes.txt).\n"))
    (site / "content/files").mkdir()
    (site / "content/files/minutes.txt").write_text(f"Minutes. {SAID}\n")
    talk = site / "content/reflections/talk.md"
    put(talk, ({"title": "Talk", "date": "2026-01-02", "visibility": "private"},
               "We spoke about the budget at length.\n"))
    out = tmp_path / "out"
    assert build(site, out=out).status == EXIT_OK
    calls: list[tuple[str, bool]] = []
    real = auditsearch.Search.hits

    def spy(self: auditsearch.Search, rel: str, data: bytes,
            code: bool = True) -> list[auditsearch.Hit]:
        calls.append((rel, code))
        return real(self, rel, data, code)

    monkeypatch.setattr(auditsearch.Search, "hits", spy)
    put(talk, ({"title": "Talk", "date": "2026-01-02", "visibility": "private"}, f"{SAID}\n"))
    result = build(site, out=out)
    assert result.status == EXIT_CONTENT
    assert [d.code for d in result.diagnostics] == ["audit"]
    assert {h.output for h in result.hits} == {"files/minutes.txt"}
    assert ("about/index.html", False) in calls and ("about/index.html", True) not in calls

    monkeypatch.setattr(auditcache.Known, "missing", lambda self, key, ids: frozenset()
                        if any(key in keys for _, keys in self.groups) else None)
    monkeypatch.setattr(last_build, "read", lambda *args: None)  # every build audits
    put(talk, ({"title": "Talk", "date": "2026-01-02", "visibility": "private"},
               "We spoke about the budget at length.\n"))
    assert build(site, out=out).status == EXIT_OK
    put(talk, ({"title": "Talk", "date": "2026-01-02", "visibility": "private"}, f"{SAID}\n"))
    last = build(site, out=out)
    assert last.status == EXIT_OK, [h.output for h in last.hits]


def test_a_note_whose_other_secrets_changed_is_read_again_for_all_of_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Short withheld sentences are looked for chained with their neighbours: with
    the middle one taken away (made visible), the first and last are one run, which
    a file may hold though it held none of the old runs. A secret's id stands for
    every secret of its note, so the file is read again (red team review, 2026-12-01)."""
    first, middle, last = CHAIN
    files = {"docs/memo.txt": f"{first.text} {last.text}".encode()}
    before = audited(files, [first, middle, last], visible="hello")
    assert not before.hits and before.clean
    after = audited(files, [first, last], visible=f"hello {middle.text}", clean=before)
    assert [h.secret for h in after.hits] == [first]

    # Ids of each secret alone: the two sentences kept their ids, and the file,
    # known clean of them, was not read again.
    monkeypatch.setattr(auditsearch, "secret_ids", lambda secrets: [
        hashlib.sha256(repr(s).encode()).hexdigest()[:24] for s in secrets])
    auditsearch._SEARCHES.clear()
    before = audited(files, [first, middle, last], visible="hello")
    assert audited(files, [first, last], visible=f"hello {middle.text}", clean=before).hits == []
