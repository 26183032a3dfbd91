"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-07: a folder's privacy
stated in a file beside its notes (Eleventy directory data, ``_metadata.yml``,
``folder.toml``, ``.pages``, a ``.private`` or ``.nopublish`` marker,
``DO-NOT-PUBLISH.txt``, ``.ivsiteignore``) was ignored without a word, and the
folder's notes were published. Load now refuses each (ivsite.load.foldersettings:
``privacy-key`` for a settings file, ``folder-marker`` for a marker); the audit
reads them on its own and holds the folder's notes withheld
(ivsite.audit.foldersaid).

Each: refused by load, by the audit alone, published with both off; files that
say nothing of the kind (npm's ``package.json``, ``.gitignore``, a ``draft.txt``
with text, a ``.pages`` with a title) still build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sites import assert_published, write_site

import ivsite.load.stage
import ivsite.pipeline.stages
from ivsite.load.foldersettings import leave_out, marker_word
from ivsite.pipeline import build

CANARY = "Kestrelpay"
FOLDER = "pages/salary-talks"
FILES = {
    "salary-talks.11tydata.json": ('{"permalink": false, '
                                   '"eleventyExcludeFromCollections": true}\n', "privacy-key"),
    "salary-talks.json": ('{"draft": true, "visibility": "private"}\n', "privacy-key"),
    "_metadata.yml": ("visibility: private\n", "privacy-key"),
    "folder.toml": ('visibility = "private"\n', "privacy-key"),
    ".pages": ("hide: true\n", "privacy-key"),
    "_data.yaml": ("cascade:\n  draft: true\n", "privacy-key"),
    ".private": ("", "folder-marker"),
    ".nopublish": ("", "folder-marker"),
    "DO-NOT-PUBLISH.txt": ("Nothing in this folder goes on the site.\n", "folder-marker"),
    ".ivsiteignore": ("*\n", "folder-marker"),
}
AUDITED = [n for n in FILES if n != "_data.yaml"]
"""The audit's reading is narrower than load's: a ``cascade`` table is load's alone."""


def _site(root: Path, name: str, text: str, where: str = FOLDER) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        f"{FOLDER}/asking.md": ({"title": "What I would ask for"},
                                f"{CANARY}: I would ask for 68k.\n"),
        f"{FOLDER}/offers.md": ({"title": "Offers so far"}, f"{CANARY} offer one: 59k.\n"),
        f"{where}/{name}": text})


def _load_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.load.stage, "check_folder_settings", lambda *args: None)


@pytest.mark.parametrize("name", FILES)
def test_load_refuses_it(tmp_path: Path, name: str) -> None:
    text, code = FILES[name]
    result = build(_site(tmp_path / "s", name, text), out=tmp_path / "out")
    assert result.status == 1
    assert (f"content/{FOLDER}/{name}", code) in {(d.path, d.code) for d in result.diagnostics}, \
        [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


def test_a_file_above_the_folder_counts(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", ".private", "", where="pages"), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "folder-marker" for d in result.diagnostics)


@pytest.mark.parametrize("name", AUDITED)
def test_the_audit_alone_refuses_it(tmp_path: Path, name: str,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _load_off(monkeypatch)
    result = build(_site(tmp_path / "s", name, FILES[name][0]), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert {h.secret.source for h in result.hits} >= {
        f"content/{FOLDER}/asking.md", f"content/{FOLDER}/offers.md"}, \
        [h.text() for h in result.hits]


@pytest.mark.parametrize("name", [".private", "_metadata.yml"])
def test_with_both_off_it_is_published(tmp_path: Path, name: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _load_off(monkeypatch)
    monkeypatch.setattr(ivsite.pipeline.stages, "said_private", lambda *args: frozenset())
    assert_published(_site(tmp_path / "s", name, FILES[name][0]), tmp_path / "out", CANARY)


@pytest.mark.parametrize(("name", "text"), [
    ("package.json", '{"name": "demo", "private": true}\n'),
    (".gitignore", "node_modules/\n"),
    ("draft.txt", "A first draft of my pitch, which the page links.\n"),
    (".pages", "title: Salary talks\nnav:\n  - asking.md\n"),
    ("_metadata.yml", "visibility: public\ntitle: Salary\n"),
    ("chart.json", '{"data": [1, 2, 3], "hidden": false}\n'),
    ("site.webmanifest", '{"name": "x"}\n'),
    ("_config.yml", "title: Blog\nunpublished: false\nexclude: [drafts]\n"),
    ("netlify.toml", '[build]\npublish = "_site"\ncommand = "ivsite build"\n'),
])
def test_files_that_say_nothing_private_build(tmp_path: Path, name: str, text: str) -> None:
    result = build(_site(tmp_path / "s", name, text), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


@given(dots=st.sampled_from(["", "."]),
       word=st.sampled_from(["private", "PRIVATE", "no-publish", "nopublish", "do_not_publish",
                             "Not-Public", "draft", "secret", "hidden", "unpublished"]),
       suffix=st.sampled_from(["", ".txt"]))
def test_markers_are_read_by_shape(dots: str, word: str, suffix: str) -> None:
    assert marker_word(dots + word + suffix, 0) is not None
    assert marker_word("public" + suffix, 0) is None


@given(key=st.sampled_from(["draft", "Draft", "private", "hidden", "unlisted", "hide",
                            "exclude", "eleventyExcludeFromCollections", "skip", "noindex"]))
def test_settings_are_read_by_shape(key: str) -> None:
    assert leave_out(key, True)
    assert not leave_out(key, False)
    assert leave_out("visibility", "mentor") and not leave_out("visibility", "public")
    assert leave_out("published", False) and leave_out("permalink", False)
