"""A small vault-style site (tests/fixtures/vault-syntax) built as a user would build it.

Every vault construct in public, mentor and private notes: callouts of several
types (plain, folded, open, inside passages), highlights, inline tags (one only
in a private passage, one only in a mentor passage), ``%%`` comments, embeds of a
public section, a private note and a mentor note, and an image by its bare name.
The public build (with the mentor share copy) and the mentor build must hold no
private canary in any byte; the public files none of the mentor ones.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from outside_checks import format_axe, format_vnu, run_axe, run_vnu, serve_directory
from sites import OutputCorpus

from ivsite.pipeline import build

FIXTURE = Path(__file__).parent / "fixtures" / "vault-syntax"
STYLE = Path(__file__).parents[1] / "themes" / "default" / "static" / "style.css"
PRIVATE = [f"CANARY-v{k}-7f3a" for k in (
    "privcomment", "privcomment2", "privcallout", "privtag", "privembed", "privtitle",
    "privbody", "privasset")]
MENTOR = [f"CANARY-v{k}-7f3a" for k in ("mentorpass", "mentortag", "mentornote")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(public output with its share copy, mentor output)."""
    root = tmp_path_factory.mktemp("vault")
    site = root / "site"
    shutil.copytree(FIXTURE, site)
    public = build(site, out=root / "public")
    assert public.status == 0, [d.text() for d in public.diagnostics]
    mentor = build(site, audience="mentor", out=root / "mentor")
    assert mentor.status == 0, [d.text() for d in mentor.diagnostics]
    return root / "public", root / "mentor"


def test_no_private_canary_in_any_byte_of_either_view(built: tuple[Path, Path]) -> None:
    public, mentor = built
    for out in (public, mentor):
        corpus = OutputCorpus(out)
        hits = {c: corpus.find(c) for c in PRIVATE}
        assert all(v == [] for v in hits.values()), (out.name, hits)
    corpus = OutputCorpus(public)
    token = next(p.name for p in (public / "share").iterdir() if p.is_dir())
    for c in MENTOR:
        hits = corpus.find(c)
        assert hits and all(h.startswith(f"share/{token}/") for h in hits), (c, hits)
        assert OutputCorpus(mentor).find(c), c


def test_the_vault_constructs_are_on_the_home_page(built: tuple[Path, Path]) -> None:
    public, mentor = built
    home = (public / "index.html").read_text()
    assert '<div class="callout callout-note" data-callout="note" role="note">' in home
    assert '<details class="callout callout-warning" data-callout="warning">' in home
    assert '<details class="callout callout-tip" data-callout="tip" open>' in home
    assert "<mark>user research</mark>" in home
    assert '<a href="tags/career-research/" class="tag">#career/research</a>' in home
    assert '<p class="embed-source"><a href="roles/ux-researcher/#methods">' in home
    assert "<mark>usability tests</mark>" in home and "a private note" in home
    assert re.search(r'<img src="assets/diagram.svg" alt="diagram.svg" width="300" ?/?>', home)
    assert "<code>%% not a comment %%</code>" in home and "<code>#notatag</code>" in home
    assert (public / "assets/diagram.svg").is_file()
    assert (public / "tags/career-research/index.html").is_file()
    assert (public / "tags/ux/index.html").is_file()  # a role's inline tag
    assert not (public / "tags/canary-vmentortag-7f3a").exists()
    assert (mentor / "tags/canary-vmentortag-7f3a/index.html").is_file()
    assert "CANARY-vmentornote-7f3a" in (mentor / "index.html").read_text()


def _contrast(a: str, b: str) -> float:
    def lum(hexa: str) -> float:
        rgb = [int(hexa[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_callout_and_highlight_colours_are_readable_light_and_dark() -> None:
    """Callout titles on their background, and text on a highlight, reach WCAG AA
    (4.5:1) in the light and the dark scheme; the theme loads no font or file
    from elsewhere."""
    css = STYLE.read_text()

    def block(opening: str) -> dict[str, str]:
        part = css.split(opening, 1)[1].split("}", 1)[0]
        return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})", part))

    light = block(":root {")
    chosen = block(':root[data-theme="dark"] {')    # the header switch's dark
    system = block(":root:not([data-theme=\"light\"]) {")  # the system's dark
    assert chosen == system, "the two dark blocks must hold the same colours"
    for scheme in (light, {**light, **chosen}):
        colours = {k: v for k, v in scheme.items() if k.startswith("callout-")}
        assert len(colours) == 8
        for name, colour in colours.items():
            assert _contrast(colour, scheme["surface-2"]) >= 4.5, name
        assert _contrast(scheme["text"], scheme["mark-bg"]) >= 4.5
    assert "@font-face" not in css and not re.search(r"url\(\s*['\"]?(?:https?:)?//", css)


@pytest.mark.external
def test_nu_html_checker_finds_no_error(built: tuple[Path, Path]) -> None:
    public, _ = built
    errors = run_vnu(public)
    assert errors == [], format_vnu(errors)


@pytest.mark.browser
def test_axe_finds_no_violation(built: tuple[Path, Path]) -> None:
    public, _ = built
    token = next(p.name for p in (public / "share").iterdir() if p.is_dir())
    with serve_directory(public) as base:
        results = run_axe(base, ["", "roles/ux-researcher/", "tags/ux/", f"share/{token}/"])
    assert all(not v for v in results.values()), format_axe(results)
