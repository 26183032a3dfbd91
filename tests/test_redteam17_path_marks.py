"""Red team 17, R17-04: the path's "keep this out" conventions that were not read.

A file named ``_x.md`` or ``~x.md`` was private, but a folder so named was not
(``pages/_notes/notes.md``, ``a/_b/notes.md``: Jekyll renders no ``_`` folder as
pages, a vault keeps ``_inbox/`` out of sight), and of the dotted suffixes only
privacy words counted (``x.private.md``), so another tool's "leave it out"
(``x.local.md``, dotenv's and Vite's; ``x.noexport.md``, Org mode's;
``x.hide.md``, ``x.ignore.md``) published the page. Now
ivsite.switches.pathprivacy reads both: such a note is held back silently (as
``_x.md`` is), a ``visibility: public`` there is ``path-says-private``, and a file
kept there (``files/_pics/photo.jpg``, ``photo.local.jpg``) is a
``private-file`` when a public note links it. The audit asks the same rule on
its own (ivsite.audit.visibility, ivsite.pipeline.checks), so with the filter's
reading of the path off it refuses; with the new readings off, the text is
published. In a vault used in place the same holds (``Pages/_ideas/``, and
``_attachments/``: decided, the convention cannot tell a folder sorted first from
one kept out, and a wrong guess the other way publishes). Ordinary names
(``local-events.md``, ``hide-and-seek.md``, ``x.localised.md``, ``local/``,
``my_notes/``) still build and publish.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import (
    OutputCorpus,
    assert_filter_refuses,
    assert_filter_refuses_all,
    assert_published,
    audit_refusals,
    blob,
    write_site,
)

from ivsite.pipeline import build
from ivsite.switches import fmchecks, pathprivacy
from ivsite.switches.pathprivacy import path_privacy
from ivsite.validate import note as validate
from ivsite.validate import references

HELD = ["_notes/n1.md", "a/_b/n2.md", "~misc/n3.md", "n4.local.md", "n5.noexport.md",
        "n6.no-export.md", "n7.hide.md", "n8.ignore.md", "n9.excluded.md", "n10.skip.md",
        "n11.Local.md", "＿ideas/n12.md"]
"""Pages (public by default) whose path keeps them out, under content/pages/."""

ORDINARY = ["local-events.md", "hide-and-seek.md", "ignored-advice.md", "x.localised.md",
            "local/meetups.md", "my_notes/n1.md", "skip-level-meetings.md", "ignore.md",
            "notes.v2.md", "Local Notes/n2.md", "a_b/n3.md"]
"""Names that only hold the words, or hold ``_`` inside: they say nothing."""


def _canary(rel: str) -> str:
    return "Pathmark" + "".join(ch for ch in rel if ch.isdigit()) + "canary"


def _site(root: Path, rels: list[str], front: dict[str, str] | None = None) -> Path:
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"), **{
        f"pages/{rel}": ({"title": f"Notes {i}", **(front or {})},
                         f"{_canary(rel)} words about my salary plans.\n")
        for i, rel in enumerate(rels)}})


def test_the_rule_reads_the_path() -> None:
    for rel in HELD:
        assert path_privacy(f"content/pages/{rel}") is not None, rel
    for rel in ORDINARY:
        assert path_privacy(f"content/pages/{rel}") is None, rel
    assert path_privacy("content/pages/_notes/n.md") == "_notes/"
    assert path_privacy("content/pages/n.local.md") == "n.local.md"
    assert path_privacy("content/files/_pics/photo.jpg") == "_pics/"
    assert path_privacy("content/files/photo.local.jpg") == "photo.local.jpg"


# --------------------------------------------------------------------------- notes


def test_the_filter_holds_the_notes_back(tmp_path: Path) -> None:
    """Silently, as ``_x.md`` and ``x.hidden.md`` are: the page is private."""
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", HELD), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    found = OutputCorpus(out)
    assert (out / "index.html").is_file()
    for rel in HELD:
        assert found.find(_canary(rel)) == [], rel


def test_a_public_note_there_is_refused(tmp_path: Path) -> None:
    assert_filter_refuses_all(_site(tmp_path / "s", HELD, {"visibility": "public"}),
                              tmp_path / "out", {f"content/pages/{rel}" for rel in HELD},
                              "path-says-private")


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's reading of the path off (validation, the contradiction check,
    links to files); the audit's own (ivsite.audit.visibility, ivsite.pipeline.checks)
    stays on."""
    for module in (validate, fmchecks, references):
        monkeypatch.setattr(module, "path_privacy", lambda rel: None)


def _new_readings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The path rule as it was: ``_``/``~`` on a file's name only, no suffix verbs."""
    monkeypatch.setattr(pathprivacy, "marked", lambda segment: False)
    monkeypatch.setattr(pathprivacy, "suffix_leaves_out", lambda stem: False)


def test_the_audit_alone_refuses_the_notes(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    hits = audit_refusals(_site(tmp_path / "s", HELD), tmp_path / "out")
    sources = {source for _, source in hits}
    assert {f"content/pages/{rel}" for rel in HELD} <= sources, sorted(sources)


def test_with_both_off_the_notes_are_published(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _new_readings_off(monkeypatch)
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", HELD), out=out)
    assert result.status == 0, [h.text() for h in result.hits]
    found = OutputCorpus(out)
    for rel in HELD:
        assert found.find(_canary(rel)) != [], rel


def test_ordinary_names_are_published(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", ORDINARY), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    found = OutputCorpus(out)
    for rel in ORDINARY:
        assert found.find(_canary(rel)) != [], rel


# --------------------------------------------------------------------------- files

PHOTOS = ["files/_pics/photo.jpg", "files/~old/photo2.jpg", "files/photo3.local.jpg"]


def _photo_site(root: Path, photo: str, front: dict[str, str] | None = None,
                body: str | None = None) -> Path:
    link = f"![me](../{photo})"
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "pages/about.md": ({"title": "About", **(front or {})},
                           (body or "Hello.\n\n{link}\n").format(link=link)),
        photo: blob(f"R17-04 {photo}")})


@pytest.mark.parametrize("photo", PHOTOS)
def test_a_public_note_linking_a_file_kept_there_is_refused(tmp_path: Path,
                                                            photo: str) -> None:
    assert_filter_refuses(_photo_site(tmp_path / "s", photo), tmp_path / "out",
                          "content/pages/about.md", "private-file")


@pytest.mark.parametrize("photo", PHOTOS[:1])
def test_a_private_note_or_passage_may_link_it(tmp_path: Path, photo: str) -> None:
    for i, (front, body) in enumerate([({"visibility": "private"}, None),
                                       (None, "Hello.\n\n::: private\n{link}\n:::\n")]):
        out = tmp_path / f"out{i}"
        result = build(_photo_site(tmp_path / f"s{i}", photo, front, body), out=out)
        assert result.status == 0, [d.text() for d in result.diagnostics]
        assert not (out / photo).exists()


@pytest.mark.parametrize("photo", PHOTOS)
def test_the_audit_alone_refuses_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          photo: str) -> None:
    _filter_off(monkeypatch)
    hits = audit_refusals(_photo_site(tmp_path / "s", photo), tmp_path / "out")
    assert (photo, f"content/{photo}") in hits, hits


@pytest.mark.parametrize("photo", PHOTOS)
def test_with_both_off_the_file_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             photo: str) -> None:
    _new_readings_off(monkeypatch)
    out = tmp_path / "out"
    result = build(_photo_site(tmp_path / "s", photo), out=out)
    assert result.status == 0, [h.text() for h in result.hits]
    assert (out / photo).read_bytes() == blob(f"R17-04 {photo}")


def test_an_ordinary_file_name_is_published(tmp_path: Path) -> None:
    photo = "files/local_map.jpg"
    assert_published(_photo_site(tmp_path / "s", photo), tmp_path / "out", "Hello.")
    assert (tmp_path / "out" / photo).is_file()


# --------------------------------------------------------------------------- a vault

VAULT_TOML = 'title = "T"\nbase_url = "https://ana.example.org/"\n\n[content]\n"Pages" = "pages"\n'
CHART = blob("R17-04 vault chart")


def _vault(root: Path, home: str) -> Path:
    """A vault used in place: a page in ``Pages/_ideas/``, a picture in
    ``_attachments/``, and a public home page (``home``)."""
    root.mkdir(parents=True)
    (root / "site.toml").write_text(VAULT_TOML, "utf-8")
    for rel, data in {"Pages/Home.md": f"---\ntitle: Home\n---\n{home}\n".encode(),
                      "Pages/_ideas/Plan.md": b"---\ntitle: Plan\n---\nVaultplan canary.\n",
                      "_attachments/chart.png": CHART}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def test_in_a_vault_the_folder_holds_its_notes_and_files_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(_vault(tmp_path / "v", "Welcome."), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(out).find("Vaultplan") == []
    assert_filter_refuses(_vault(tmp_path / "v2", "![[chart.png]]"), tmp_path / "out2",
                          "Pages/Home.md", "private-file")


def test_in_a_vault_the_audit_alone_refuses(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    hits = audit_refusals(_vault(tmp_path / "v", "![[chart.png]]"), tmp_path / "out")
    assert {source for _, source in hits} >= {"Pages/_ideas/Plan.md",
                                              "_attachments/chart.png"}, hits


def test_in_a_vault_with_both_off_they_are_published(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _new_readings_off(monkeypatch)
    out = tmp_path / "out"
    result = build(_vault(tmp_path / "v", "![[chart.png]]"), out=out)
    assert result.status == 0, [h.text() for h in result.hits]
    assert OutputCorpus(out).find("Vaultplan") != []
    assert (out / "_attachments/chart.png").read_bytes() == CHART
