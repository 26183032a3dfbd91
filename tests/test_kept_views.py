"""Each note as an audience sees it is kept on disk (ivsite.incremental.store.Store.keeping,
ivsite.audience.viewpack): the next ``ivsite build`` filters only the notes whose
inputs changed, and what it reads back is what filtering would make."""

from __future__ import annotations

import marshal
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it.token import Token
from sites import leak_site, output_files
from test_incremental import tree

from ivsite.audience import stage as audience_stage
from ivsite.audience.viewnote import SEES
from ivsite.audience.viewpack import dump_filtered, load_filtered
from ivsite.core.diagnostics import Diagnostic, Diagnostics
from ivsite.markdown.tokendata import dump_parse
from ivsite.pipeline import Pipeline, build
from ivsite.validate import note as validate_note

EXAMPLE = Path(__file__).resolve().parent.parent


def _parse(tokens: list[Token], env: dict[str, object]) -> object:
    """A parse as plain values (marshal's bytes also say which values are shared)."""
    data = dump_parse(tokens, env)
    assert data is not None
    return marshal.loads(data)


@pytest.fixture()
def plain_patch() -> Iterator[pytest.MonkeyPatch]:
    """A plain MonkeyPatch, not the suite's (tests/conftest.py), which has the
    build forget what it kept: the patches here count work and change no result."""
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _built(tmp_path: Path) -> tuple[Path, Path]:
    """A site with notes of every audience, built once: (site, output folder)."""
    site = leak_site(tmp_path / "site")
    out = tmp_path / "out"
    assert build(site, out=out).status == 0
    return site, out


def _filtered_notes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The notes filtered anew from now on (by their sources); ``monkeypatch``: a
    plain one (see :func:`plain_patch`)."""
    made: list[str] = []
    real = audience_stage._view_note

    def counting(note, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(note.source)
        return real(note, *args, **kwargs)
    monkeypatch.setattr(audience_stage, "_view_note", counting)
    return made


@pytest.mark.parametrize("audience", ["public", "mentor", "private"])
def test_a_note_read_back_is_the_note_filtered(tmp_path: Path, audience: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(EXAMPLE / "content", site / "content")
    shutil.copy(EXAMPLE / "site.toml", site / "site.toml")
    pipe = Pipeline(site, persist_cache=False)
    diags = Diagnostics()
    prep = pipe.prepare(diags)
    assert prep is not None
    view = pipe.graph(prep, audience, diags).view  # type: ignore[arg-type]
    assert len(view.notes) > 3
    found = [Diagnostic("content/x.md", 3, 4, "warning", "some-code", "a message", "a hint")]
    for vn in view.notes:
        vn.card()
        data = dump_filtered((vn, found))
        assert data is not None
        back, back_found = load_filtered(data)
        assert back_found == found
        assert _parse(back.tokens, back.env) == _parse(vn.tokens, vn.env)
        for name in vn.__dataclass_fields__:
            if name not in ("tokens", "env", "_card"):  # a card is compared as a card
                assert getattr(back, name) == getattr(vn, name), name
        assert vars(back.card()) == vars(vn.card())


def test_a_second_build_filters_only_the_note_that_changed(
        tmp_path: Path, plain_patch: pytest.MonkeyPatch) -> None:
    monkeypatch = plain_patch
    site, out = _built(tmp_path)
    first = output_files(out)
    made = _filtered_notes(monkeypatch)
    assert build(site, out=out).status == 0  # a new Pipeline: as a new process
    assert made == [] and output_files(out) == first
    page = site / "content" / "reflections" / "flip-me.md"
    page.write_text(page.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    assert build(site, out=out).status == 0
    assert made == ["content/reflections/flip-me.md"]
    assert b"One more line." in output_files(out)["reflections/flip-me/index.html"]


def test_a_damaged_kept_note_is_filtered_again(
        tmp_path: Path, plain_patch: pytest.MonkeyPatch) -> None:
    monkeypatch = plain_patch
    site, out = _built(tmp_path)
    first_out = tmp_path / "first"
    shutil.copytree(out, first_out)
    damaged = 0
    for kept in (site / ".ivsite" / "cache").glob("pages-*/*/*"):
        try:
            load_filtered(kept.read_bytes())
        except Exception:  # a page, not a note
            continue
        kept.write_bytes(b"\x00not what was kept" + kept.read_bytes()[:10])
        damaged += 1
    assert damaged >= 5
    page = site / "content" / "reflections" / "flip-me.md"
    page.write_text(page.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    made = _filtered_notes(monkeypatch)
    assert build(site, out=out).status == 0
    assert len(made) >= damaged, "the damaged notes were filtered again"
    cold = tmp_path / "cold"
    shutil.copytree(site, cold, ignore=shutil.ignore_patterns(".ivsite"))
    assert build(cold, out=tmp_path / "cold-out").status == 0
    assert tree(out) == tree(tmp_path / "cold-out") != tree(first_out)


def test_the_view_a_preview_reads_is_the_public_one(tmp_path: Path) -> None:
    """Kept notes are keyed by audience: a public build's kept notes are not what a
    mentor build reads."""
    site = leak_site(tmp_path / "site")
    assert build(site, out=tmp_path / "out").status == 0
    pipe = Pipeline(site, pages="public")
    diags = Diagnostics()
    prep = pipe.prepare(diags)
    assert prep is not None
    mentor = pipe.graph(prep, "mentor", diags).view
    seen = {n.visibility for n in mentor.notes}
    assert "mentor" in seen and seen <= set(SEES["mentor"])


def test_a_second_build_checks_only_the_body_that_changed(
        tmp_path: Path, plain_patch: pytest.MonkeyPatch) -> None:
    monkeypatch = plain_patch
    site, out = _built(tmp_path)
    checked: list[str] = []
    real = validate_note._body_checks

    def counting(p, *args):  # type: ignore[no-untyped-def]
        checked.append(p.source.rel)
        return real(p, *args)
    monkeypatch.setattr(validate_note, "_body_checks", counting)
    page = site / "content" / "reflections" / "flip-me.md"
    page.write_text(page.read_text("utf-8") + "\n<!-- a comment -->\n", "utf-8")
    result = build(site, out=out)
    assert checked == ["content/reflections/flip-me.md"]
    assert result.status == 0 and b"a comment" not in output_files(out)[
        "reflections/flip-me/index.html"]
    # What the kept checks found is reported as when they ran: a refusal too.
    page.write_text(page.read_text("utf-8") + "\n<base href='https://elsewhere.example/'>\n",
                    "utf-8")
    assert build(site, out=out).status != 0
    refused = [d.code for d in build(site, out=out).diagnostics if d.severity == "error"]
    assert checked == ["content/reflections/flip-me.md"] * 2 and refused


def test_a_preview_after_a_build_checks_no_note_again(
        tmp_path: Path, plain_patch: pytest.MonkeyPatch) -> None:
    """The live preview starts from what the last ``ivsite build`` kept (each note's
    body checks), reads it and writes nothing there; a note saved since is checked
    again, and a save after that is built as before."""
    from ivsite.preview import reload
    from ivsite.preview.session import Preview

    site, _ = _built(tmp_path)
    kept = sorted(p.relative_to(site) for p in (site / ".ivsite").rglob("*"))
    checked: list[str] = []
    real = validate_note._body_checks

    def counting(p, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(p.source.rel)
        return real(p, *args, **kwargs)
    plain_patch.setattr(validate_note, "_body_checks", counting)
    page = site / "content" / "reflections" / "flip-me.md"
    page.write_text(page.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    preview = Preview(site, "private", reload.ReloadHub())
    try:
        assert preview.rebuild().ok
        assert checked == ["content/reflections/flip-me.md"]
        page.write_text(page.read_text("utf-8") + "\nAnd another.\n", "utf-8")
        assert preview.rebuild(["content/reflections/flip-me.md"]).ok
        assert checked[1:] == ["content/reflections/flip-me.md"]
        body = preview.read("/reflections/flip-me/")[1]
        assert body is not None and b"And another." in body
    finally:
        preview.close()
    assert sorted(p.relative_to(site) for p in (site / ".ivsite").rglob("*")) == kept
