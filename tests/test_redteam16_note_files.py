"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-12: an attachment that
links a withheld note by its source path (an Obsidian canvas's file node, a
JSON or CSV index of the vault, an HTML page's link to the ``.md``) published
the note's file name, its slug ("2026-03-02-quitting-acme").

A note's names as a file (its path and file name, slug, title, aliases),
followed by ``.md`` or standing as a whole path, are now read in every linked
text file: linked where an audience that may not read the note would follow
the link, it is ``file-names-note`` (ivsite.validate.namingfiles), and the
audit looks for the same names in every output on its own
(ivsite.audit.notefiles). Files that name notes the audience reads, or that
are linked from a note as private as the note, build.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, write_site

import ivsite.audit.search
import ivsite.validate.stage
from ivsite.pipeline import build
from ivsite.text.notefiles import NoteFiles, folded

SLUG = "2026-03-02-quitting-acme"
NOTE = f"content/reflections/{SLUG}.md"
PAGE = "content/pages/map.md"
ATTACHMENTS = {
    "map.canvas": '{"nodes":[{"id":"a","type":"file","file":"content/reflections/'
                  f'{SLUG}.md","x":0,"y":0,"width":400,"height":400}}],"edges":[]}}\n',
    "notes.json": f'[{{"path": "reflections/{SLUG}.md", "kind": "reflection"}}]\n',
    "notes.csv": f"path,kind\nreflections/{SLUG}.md,reflection\n",
    "map.html": f'<!doctype html><title>Map</title><p><a href="../reflections/{SLUG}.md">'
                "thoughts</a></p>\n",
    "vault.txt": "Journal: Reflections\\Honest Thoughts.md\n",
}


def _site(root: Path, files: dict[str, str], visibility: str = "private",
          linked_from: str = "public") -> Path:
    links = "".join(f"[My career map](../files/{n})\n\n" for n in files)
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        f"reflections/{SLUG}.md": ({"title": "Honest thoughts", "date": "2026-03-02",
                                    "visibility": visibility},
                                   "I plan to leave once the probation ends.\n"),
        "pages/map.md": ({"title": "Map", "visibility": linked_from}, links),
        **{f"files/{n}": t for n, t in files.items()}})


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.validate.stage, "naming_files", lambda *args: {})


def test_the_filter_refuses_a_file_naming_a_withheld_note(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", ATTACHMENTS), out=tmp_path / "out")
    assert result.status == 1
    refused = {d.message.split("'")[1] for d in result.diagnostics
               if d.code == "file-names-note" and d.path == PAGE and NOTE in d.message}
    assert refused == {f"content/files/{n}" for n in ATTACHMENTS}, \
        [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


def test_the_audit_alone_refuses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    result = build(_site(tmp_path / "s", ATTACHMENTS), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hit = {h.output for h in result.hits
           if h.secret.kind == "withheld note's file" and h.secret.source == NOTE}
    assert hit == {f"files/{n}" for n in ATTACHMENTS}, [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


def test_with_both_off_the_slug_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(ivsite.audit.search, "note_files", lambda secrets: NoteFiles({}))
    files = {n: t for n, t in ATTACHMENTS.items() if n != "vault.txt"}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert set(OutputCorpus(tmp_path / "out").find(SLUG)) >= \
        {f"files/{n}" for n in files}


@pytest.mark.parametrize(("visibility", "linked_from"), [
    ("public", "public"),  # the note is published anyway
    ("mentor", "mentor"),  # the mentor reads both
    ("private", "private"),  # the private view alone follows the link
])
def test_a_file_naming_notes_its_readers_read_builds(tmp_path: Path, visibility: str,
                                                     linked_from: str) -> None:
    result = build(_site(tmp_path / "s", ATTACHMENTS, visibility, linked_from),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]


def test_the_mentor_may_not_follow_it_to_a_private_note(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", {"map.canvas": ATTACHMENTS["map.canvas"]},
                         "private", "mentor"), out=tmp_path / "out", audience="mentor")
    assert [d.code for d in result.diagnostics if d.severity == "error"] == \
        ["file-names-note"], [d.text() for d in result.diagnostics]


def test_other_files_and_words_build(tmp_path: Path) -> None:
    """The slug's words in prose, another file of the same stem, a longer name
    that ends with it, one word's file at another site."""
    files = {"notes.txt": f"quitting acme, {SLUG} in prose, {SLUG}.pdf, "
                          f"old-{SLUG}.md, {SLUG}-draft.md, https://github.com/x/Home.md\n"}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]


_NAMES = NoteFiles({folded(SLUG): "slug", folded(f"reflections/{SLUG}"): "path",
                    folded("Journal/Honest Thoughts"): "vault path"})


@settings(max_examples=200, deadline=None)
@given(prefix=st.sampled_from(["", "content/", "../", "./", "/", "vault/content/", "C:\\vault\\"]),
       section=st.sampled_from(["reflections/", "reflections\\", "notes/", ""]),
       case=st.sampled_from([str, str.upper, str.title]),
       suffix=st.sampled_from([".md", ".MD", ".markdown"]),
       frame=st.sampled_from(['{{"file":"{}"}}', "{},kind\n", '<a href="{}">x</a>', "- {}\n",
                              "[x]({})", "'{}'"]))
def test_a_path_to_the_note_is_found_however_written(prefix: str, section: str,
                                                     case: Callable[[str], str],
                                                     suffix: str, frame: str) -> None:
    text = frame.format(prefix + section + case(SLUG) + suffix)
    assert "slug" in _NAMES.find(text), text


@settings(max_examples=200, deadline=None)
@given(before=st.sampled_from(["x", "old-", "2", "_", "."]),
       after=st.sampled_from(["-2.md", ".pdf", ".mdx", "x.md", "_draft.md", ""]),
       frame=st.sampled_from(['{{"file":"{}"}}', "{} and more", '<a href="/{}">x</a>']))
def test_a_longer_name_or_another_file_is_not(before: str, after: str, frame: str) -> None:
    text = frame.format(before + SLUG + after)
    assert _NAMES.find(text) == [], text
