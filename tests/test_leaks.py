"""The leak suite: nothing private reaches a byte of the public or mentor output.

A fixture site (tests/sites.py: ``leak_site``) holds a unique canary in every
private place the contract names: private notes (title, file name, slug, body,
summary, tag), ``::: private`` passages at every nesting inside a public note,
HTML comments, contact fields, the unconsented name, ``referred_by``,
``referrals``, the recording, and assets linked only from withheld text or from
nothing. The site is built for the public and for the mentor, and every output
file is searched (Pagefind's gzip files decompressed, assets by hash). Positive
controls prove that the scan sees the public text where it should.

The catalogue these tests come from: ../shared/research/anchors.md §2.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sites import (
    MENTOR_ASSET,
    MENTOR_CANARIES,
    MENTOR_KINDS,
    PRIVATE_ASSET,
    PRIVATE_CANARIES,
    PRIVATE_KINDS,
    PUBLIC_ASSET,
    PUBLIC_CONTROLS,
    UNCONSENTED_NAME,
    WITHHELD_ASSETS,
    OutputCorpus,
    canary,
    leak_site,
    normalise_pagefind,
    output_files,
    put,
    run_cli,
    sha256,
)

from ivsite.incremental import last_build
from ivsite.pipeline import EXIT_CONTENT, Pipeline, Result, build

NOTE_PAGE = "interviews/public-alias/index.html"
PAGEFIND_GZ = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")
DISTINCT_WORD_KINDS = tuple(
    k for k in (*PRIVATE_KINDS, *MENTOR_KINDS)
    if k.startswith(("priv", "pass", "comment", "mentor"))
)


@dataclass
class Built:
    site: Path
    public: OutputCorpus
    mentor: OutputCorpus
    public_result: Result
    mentor_result: Result


def _ok(result: Result) -> None:
    errors = [d.text() for d in result.diagnostics if d.severity == "error"]
    assert result.status == 0 and not errors, errors


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("leaks")
    site = leak_site(base / "site")
    pub = build(site, audience="public", out=base / "public")
    _ok(pub)
    men = build(site, audience="mentor", out=base / "mentor")
    _ok(men)
    return Built(site, OutputCorpus(base / "public"), OutputCorpus(base / "mentor"), pub, men)


def _hits(corpus: OutputCorpus, needle: str) -> list[str]:
    return corpus.find(needle)


# --------------------------------------------------------------------------- canaries


@pytest.mark.parametrize("needle", PRIVATE_CANARIES)
def test_private_canary_not_in_public_output(built: Built, needle: str) -> None:
    assert _hits(built.public, needle) == []


@pytest.mark.parametrize("needle", PRIVATE_CANARIES)
def test_private_canary_not_in_mentor_output(built: Built, needle: str) -> None:
    assert _hits(built.mentor, needle) == []


@pytest.mark.parametrize("needle", MENTOR_CANARIES)
def test_mentor_canary_not_in_public_output(built: Built, needle: str) -> None:
    assert _hits(built.public, needle) == []


@pytest.mark.parametrize(
    "needle", [canary(k) for k in ("mentorpass", "mentortitle", "mentornote", "mentortag")]
)
def test_mentor_canary_in_mentor_output(built: Built, needle: str) -> None:
    assert _hits(built.mentor, needle), f"{needle} should be in the mentor view"


def test_unconsented_name_in_no_form(built: Built) -> None:
    for corpus in (built.public, built.mentor):
        for form in (UNCONSENTED_NAME, "orla-" + canary("person").lower()):
            assert corpus.find(form) == [], form
        first_name = [r for r, t in corpus.text.items() if re.search(rb"\borla\b", t)]
        assert first_name == []


@pytest.mark.parametrize("kind", DISTINCT_WORD_KINDS)
def test_search_index_has_no_withheld_word(built: Built, kind: str) -> None:
    """Pagefind stores words one by one: the distinctive middle word of a canary
    must not be in the decompressed index either."""
    assert built.public.find_word(kind) == []
    if kind not in MENTOR_KINDS:
        assert built.mentor.find_word(kind) == []


def test_pagefind_files_are_gzip_and_were_read(built: Built) -> None:
    """The scan decompresses Pagefind's files: prove there are some and they open."""
    gz = [r for r in built.public.files if r.startswith("pagefind/") and r.endswith(PAGEFIND_GZ)]
    assert any(r.endswith(".pf_fragment") for r in gz)
    assert any(r.endswith(".pf_index") for r in gz)
    assert any(r.endswith(".pf_meta") for r in gz)
    for rel in gz:
        assert built.public.files[rel][:2] == b"\x1f\x8b", rel


# --------------------------------------------------------------------------- assets


@pytest.mark.parametrize("what", sorted(WITHHELD_ASSETS))
def test_withheld_asset_not_in_public_output_by_hash(built: Built, what: str) -> None:
    digest = sha256(WITHHELD_ASSETS[what])
    assert digest not in built.public.hashes, built.public.hashes.get(digest)


@pytest.mark.parametrize("what", ["private asset", "orphan asset", "recording"])
def test_withheld_asset_not_in_mentor_output_by_hash(built: Built, what: str) -> None:
    digest = sha256(WITHHELD_ASSETS[what])
    assert digest not in built.mentor.hashes, built.mentor.hashes.get(digest)


def test_public_asset_is_published(built: Built) -> None:
    assert sha256(PUBLIC_ASSET) in built.public.hashes
    assert sha256(PUBLIC_ASSET) in built.mentor.hashes


def test_mentor_asset_only_in_mentor_output(built: Built) -> None:
    assert sha256(MENTOR_ASSET) in built.mentor.hashes
    assert sha256(MENTOR_ASSET) not in built.public.hashes
    assert sha256(PRIVATE_ASSET) not in built.mentor.hashes


def test_no_asset_file_but_the_linked_ones(built: Built) -> None:
    """Of all the files under content/ that are not notes, only the ones a visible
    note links to are copied (anchors.md L-J)."""
    sources = {
        sha256(p.read_bytes()): p.name
        for p in (built.site / "content").rglob("*")
        if p.is_file() and p.suffix != ".md"
    }
    assert {sources[h] for h in built.public.hashes if h in sources} == {"public-ok.txt"}
    assert {sources[h] for h in built.mentor.hashes if h in sources} == {
        "public-ok.txt", f"{canary('mentorasset').lower()}.txt"}


# --------------------------------------------------------------------------- positive controls


@pytest.mark.parametrize("needle", PUBLIC_CONTROLS)
def test_public_control_in_public_output(built: Built, needle: str) -> None:
    assert [r for r in built.public.find(needle) if r.endswith(".html")], needle


@pytest.mark.parametrize("needle", PUBLIC_CONTROLS)
def test_public_control_in_mentor_output(built: Built, needle: str) -> None:
    assert [r for r in built.mentor.find(needle) if r.endswith(".html")], needle


@pytest.mark.parametrize("needle", ["PUBLIC-ok-body", "PUBLIC-ok-label", "PUBLIC-ok-home"])
def test_public_control_in_search_index(built: Built, needle: str) -> None:
    hits = [r for r in built.public.find(needle) if r.endswith(".pf_fragment")]
    assert hits, f"{needle} is not in the decompressed Pagefind fragments"


def test_delinked_links_are_plain_labels(built: Built) -> None:
    """Links to a withheld note: the label the note wrote, or "a private note";
    never an <a>, never the target's title, slug or URL (anchors.md L-I)."""
    page = built.public.html(NOTE_PAGE)
    for label in ("PUBLIC-ok-label", "PUBLIC-ok-mdlabel", "PUBLIC-ok-mentorlabel"):
        assert label in page
        assert not re.search(r"<a\b[^>]*>[^<]*" + label, page), label
    assert page.count("a private note") >= 2  # the two unlabelled wiki-links


def test_links_to_mentor_note_work_in_mentor_view(built: Built) -> None:
    page = built.mentor.html(NOTE_PAGE)
    assert re.search(r'<a\b[^>]*href="[^"]*mentor-review/?"[^>]*>PUBLIC-ok-mentorlabel</a>',
                     page), "the mentor may follow a link to a mentor note"


def test_private_passage_first_paragraph_not_in_description(built: Built) -> None:
    """The excerpt and <meta> description are computed after the private passage
    at the top of the note is removed (anchors.md L-K)."""
    page = built.public.html(NOTE_PAGE)
    metas = re.findall(r'<meta\b[^>]*(?:description|og:|twitter:)[^>]*>', page)
    assert metas, "expected a description"
    assert all(canary("passfirst").lower() not in m.lower() for m in metas)
    assert any("PUBLIC-ok-body" in m for m in metas)


def test_no_dangling_footnote_reference(built: Built) -> None:
    """A public footnote reference whose definition sits in a private passage must
    not render as a numbered link to a footnote that is not there: the number and
    the dead "#fn" link tell the reader that something was removed."""
    page = built.public.html(NOTE_PAGE)
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    fragments = set(re.findall(r'href="#([^"]+)"', page))
    assert fragments - ids - {"main"} == set(), f"links to missing ids: {fragments - ids}"


def test_private_tag_and_notes_have_no_page(built: Built) -> None:
    rels = set(built.public.files)
    assert not [r for r in rels if "privtag" in r or "privstem" in r or "privslug" in r]
    assert not [r for r in rels if "mentor-review" in r or "mentortag" in r]
    assert any(r.startswith("reflections/mentor-review") for r in built.mentor.files)


def test_sitemap_and_feed_list_only_public_pages(built: Built) -> None:
    """Sitemap URLs ⊆ public pages; the mentor view carries no sitemap entry
    (anchors.md L-G, L-E)."""
    sitemap = built.public.html("sitemap.xml")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs
    pages = {r.removesuffix("index.html") for r in built.public.files if r.endswith(".html")}
    for loc in locs:
        path = loc.removeprefix("https://example.org/sub/")
        assert path in pages, loc
    for rel in ("sitemap.xml", "feed.xml"):
        text = built.public.html(rel) if rel in built.public.files else ""
        assert "mentor-review" not in text and "flip-me" in text, rel
    assert "sitemap.xml" not in built.mentor.files or \
        "<loc>" not in built.mentor.html("sitemap.xml")


def test_mentor_view_has_no_feed_or_sitemap_and_disallows_robots(built: Built) -> None:
    assert "feed.xml" not in built.mentor.files
    assert "sitemap.xml" not in built.mentor.files
    assert re.search(rb"Disallow: /\s*$", built.mentor.files["robots.txt"])


def test_mentor_view_is_noindex(built: Built) -> None:
    for rel in built.mentor.files:
        if rel.endswith(".html"):
            page = built.mentor.html(rel)
            assert re.search(r'<meta name="robots" content="[^"]*noindex', page), rel


# --------------------------------------------------------------------------- rebuilds


def _scan_all(folder: Path, needles: tuple[str, ...]) -> dict[str, list[str]]:
    corpus = OutputCorpus(folder)
    return {n: hits for n in needles if (hits := corpus.find(n))}


def test_flipping_a_public_note_to_private_removes_it(tmp_path: Path) -> None:
    """Build, make a public note private, build again into the same folder: its
    page, tag page, feed and sitemap entries and text are gone (anchors.md L-A)."""
    site = leak_site(tmp_path / "site")
    out = tmp_path / "out"
    _ok(build(site, out=out))
    first = OutputCorpus(out)
    assert "reflections/flip-me/index.html" in first.find("FLIP-7f3a")
    assert "tags/fliptagq/index.html" in first.files
    assert "flip-me" in first.html("feed.xml") and "flip-me" in first.html("sitemap.xml")
    flip = site / "content/reflections/flip-me.md"
    flip.write_text(flip.read_text().replace("visibility: public", "visibility: private"))
    _ok(build(site, out=out))
    second = OutputCorpus(out)
    assert second.find("FLIP-7f3a") == []
    assert second.find("Flip Target Note") == []
    assert second.find("fliptagq") == []
    assert not [r for r in second.files if "flip" in r]
    assert "flip-me" not in second.html("feed.xml")
    assert "flip-me" not in second.html("sitemap.xml")
    assert _scan_all(out, PRIVATE_CANARIES + MENTOR_CANARIES) == {}


def test_deleting_a_note_leaves_no_stale_file(tmp_path: Path) -> None:
    site = leak_site(tmp_path / "site")
    out = tmp_path / "out"
    _ok(build(site, out=out))
    assert "reflections/flip-me/index.html" in output_files(out)
    (site / "content/reflections/flip-me.md").unlink()
    _ok(build(site, out=out))
    files = output_files(out)
    assert not [r for r in files if "flip" in r]
    assert OutputCorpus(out).find("FLIP-7f3a") == []


def _tree_diff(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    """Differences between two output trees, byte for byte, except that Pagefind's
    filter files, .pf_meta and pagefind-entry.json are compared decoded and in a
    canonical order: Pagefind writes filter values in hash-map order, so their
    bytes and hashed names change from run to run over identical HTML (see
    sites.normalise_pagefind). Everything else, the fragments and word index
    included, must be identical."""
    raw = _raw_diff(a, b)
    order_dependent = re.compile(
        r"^(only in first: |only in second: |differs: )pagefind/"
        r"(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")
    unexplained = [d for d in raw if not order_dependent.match(d)]
    return unexplained + _raw_diff(normalise_pagefind(a), normalise_pagefind(b))


def _raw_diff(a: dict[str, object], b: dict[str, object]) -> list[str]:
    out = [f"only in first: {r}" for r in sorted(set(a) - set(b))]
    out += [f"only in second: {r}" for r in sorted(set(b) - set(a))]
    out += [f"differs: {r}" for r in sorted(set(a) & set(b)) if a[r] != b[r]]
    return out


@pytest.mark.parametrize("audience", ["public", "mentor"])
def test_cold_and_warm_builds_are_byte_identical(tmp_path: Path, audience: str) -> None:
    """A build with the parse cache warm (.ivsite/cache) writes exactly the bytes of
    a cold one (the differential test of anchors.md L-A5). Nothing is excluded."""
    site = leak_site(tmp_path / "site")
    shutil.rmtree(site / ".ivsite", ignore_errors=True)
    _ok(build(site, audience=audience, out=tmp_path / "cold"))  # type: ignore[arg-type]
    assert any((site / ".ivsite" / "cache").iterdir()), "the first build saves a parse cache"
    _ok(build(site, audience=audience, out=tmp_path / "warm"))  # type: ignore[arg-type]
    cold, warm = output_files(tmp_path / "cold"), output_files(tmp_path / "warm")
    assert _tree_diff(cold, warm) == []


def test_preview_then_build_is_byte_identical(tmp_path: Path) -> None:
    """A pipeline that has just produced the private view (what ``serve`` does) and
    then builds the public site writes the same bytes as a fresh build, and
    nothing private: the shared parse cache is never changed by a view."""
    site = leak_site(tmp_path / "site")
    _ok(build(site, out=tmp_path / "fresh", pipeline=Pipeline(site, persist_cache=False)))
    pipe = Pipeline(site, persist_cache=False)
    from ivsite.core.diagnostics import Diagnostics

    diags = Diagnostics()
    prep = pipe.prepare(diags)
    assert prep is not None
    private = pipe.graph(prep, "private", diags)
    assert any(canary("passtop") in n.text for n in private.view.notes)
    _ok(build(site, out=tmp_path / "after", pipeline=pipe))
    fresh, after = output_files(tmp_path / "fresh"), output_files(tmp_path / "after")
    assert _tree_diff(fresh, after) == []
    assert _scan_all(tmp_path / "after", PRIVATE_CANARIES + MENTOR_CANARIES) == {}


def test_private_preview_then_build(tmp_path: Path) -> None:
    """``serve``'s private preview (every canary on show) writes only to its own
    temporary folder; a build afterwards is clean and byte-identical to one made
    before the preview ran (anchors.md L-B: the dev server never touches the
    publish folder)."""
    from ivsite.preview import Preview, ReloadHub

    site = leak_site(tmp_path / "site")
    _ok(build(site, out=tmp_path / "before"))
    before_site = output_files(site)
    preview = Preview(site, "private", ReloadHub())
    try:
        assert preview.rebuild().ok
        shown = OutputCorpus(preview.folder)
        assert shown.find(canary("passtop")) and shown.find(canary("privbody"))
        assert not preview.folder.resolve().is_relative_to(site.resolve())
    finally:
        preview.close()
    changed = {r for r, d in output_files(site).items() if before_site.get(r) != d}
    assert all(r.startswith(".ivsite/") for r in changed), changed
    assert not (site / "_site").exists()
    _ok(build(site, out=tmp_path / "after"))
    assert _tree_diff(output_files(tmp_path / "before"), output_files(tmp_path / "after")) == []
    assert _scan_all(tmp_path / "after", PRIVATE_CANARIES + MENTOR_CANARIES) == {}


def test_share_copy_holds_mentor_view_only_under_its_token(tmp_path: Path) -> None:
    """With [share] enabled the public build also writes the mentor view under
    share/<token>/: mentor canaries there and nowhere else; private ones nowhere."""
    site = leak_site(tmp_path / "site", share={"enabled": True,
                                               "feedback_email": "me@example.org"})
    result = build(site, out=tmp_path / "out")
    _ok(result)
    corpus = OutputCorpus(tmp_path / "out")
    shared = [r for r in corpus.files if r.startswith("share/") and r != "share/index.html"]
    assert shared
    token = shared[0].split("/")[1]
    assert result.share_url.endswith(f"share/{token}/")
    for needle in PRIVATE_CANARIES:
        assert corpus.find(needle) == [], needle
    for needle in (canary("mentorpass"), canary("mentornote")):
        hits = corpus.find(needle)
        assert hits, needle
        assert all(r.startswith(f"share/{token}/") for r in hits), (needle, hits)
    for rel in ("sitemap.xml", "feed.xml", "robots.txt"):
        if rel in corpus.files:
            assert token not in corpus.html(rel), rel
    assert sha256(MENTOR_ASSET) in corpus.hashes
    assert corpus.hashes[sha256(MENTOR_ASSET)].startswith(f"share/{token}/")


# --------------------------------------------------------------------------- the build's own audit


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


def test_unconsented_name_in_public_text_fails_the_build(tmp_path: Path) -> None:
    site = leak_site(tmp_path / "site")
    out = tmp_path / "out"
    _ok(build(site, out=out))
    before = output_files(out)
    note = site / "content/interviews/public-alias.md"
    text = note.read_text()
    note.write_text(text.replace(
        "PUBLIC-ok-after Text between passages.",
        f"PUBLIC-ok-after Text between passages. Thanks again, {UNCONSENTED_NAME}!",
    ))
    line = _line_of(note, "Thanks again")
    result = build(site, out=out)
    assert result.status == EXIT_CONTENT
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert [(d.path, d.line, d.code) for d in errors] == [
        ("content/interviews/public-alias.md", line, "name-without-consent")]
    assert output_files(out) == before, "a failed build must leave the last good output"
    cli = run_cli(site, "build", "--out", str(out))
    assert cli.exit_code == 1
    assert f"content/interviews/public-alias.md:{line}:" in cli.stderr
    assert "name-without-consent" in cli.stderr
    assert output_files(out) == before


@pytest.mark.parametrize("where", ["title", "summary", "tags"])
def test_unconsented_name_in_front_matter_fails_the_build(tmp_path: Path, where: str) -> None:
    site = leak_site(tmp_path / "site")
    note = site / "content/interviews/public-alias.md"
    text = note.read_text()
    if where == "title":
        text = text.replace("title: Talk with a data analyst",
                            f"title: Talk with {UNCONSENTED_NAME}")
    elif where == "summary":
        text = text.replace("visibility: public",
                            f"visibility: public\nsummary: Met {UNCONSENTED_NAME}")
    else:
        text = text.replace("- publictag", f"- {UNCONSENTED_NAME}")
    note.write_text(text)
    line = _line_of(note, UNCONSENTED_NAME)
    result = build(site, out=tmp_path / "out")
    assert result.status == EXIT_CONTENT
    codes = {(d.code, d.line) for d in result.diagnostics if d.severity == "error"}
    assert ("name-without-consent", line) in codes, codes
    assert not (tmp_path / "out").exists()


def _force(monkeypatch: pytest.MonkeyPatch, rel: str, data: bytes) -> None:
    """Make the emitter (as a buggy theme would) add one file to every plan."""
    original = Pipeline.plan

    def plan(self: Pipeline, *args: object, **kwargs: object) -> object:
        result = original(self, *args, **kwargs)  # type: ignore[arg-type]
        result.add(rel, data)
        return result

    monkeypatch.setattr(Pipeline, "plan", plan)
    # Other code makes other output: a build by it is never the last build again.
    monkeypatch.setattr(last_build, "code_digest", lambda: "patched emitter")


FORCED_LEAKS: list[tuple[str, bytes, str]] = [
    ("private note body",
     f"<p>{canary('privbody')} the body of the secret plan says that I will leave my job "
     f"in the spring.</p>".encode(),
     f"content/reflections/{canary('privstem').lower()}.md"),
    # As an emitter would render the passage: the source line break is kept.
    ("private passage",
     f"<aside><p>{canary('passtop')} A top level private passage with\n"
     f'<a href="../files/x.txt">a private handout</a>.</p></aside>'.encode(),
     "content/interviews/public-alias.md"),
    ("private passage in a quote",
     f"<blockquote><p>{canary('passquote')} inside a block quote.</p></blockquote>".encode(),
     "content/interviews/public-alias.md"),
    ("contact field", f"mail {canary('email').lower()}@example.org".encode(),
     "content/interviews/public-alias.md"),
    ("unconsented name", f"<p>{UNCONSENTED_NAME}</p>".encode(),
     "content/interviews/public-alias.md"),
    ("referral", f"Lee {canary('referral')}".encode(), "content/interviews/public-alias.md"),
    ("withheld title", f"<h1>{canary('privtitle')} Secret Plan</h1>".encode(),
     f"content/reflections/{canary('privstem').lower()}.md"),
    ("code in a private passage",
     f"<pre><code>{canary('passcode')} code inside a private passage\n</code></pre>".encode(),
     "content/interviews/public-alias.md"),
    ("summary of a private note",
     f'<meta name="description" content="{canary("privsummary")} the summary of the secret '
     f'plan">'.encode(),
     f"content/reflections/{canary('privstem').lower()}.md"),
    ("private asset", PRIVATE_ASSET, ""),
    ("recording", WITHHELD_ASSETS["recording"], ""),
]


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The leak site and its clean output, built once: each forced leak starts
    from a copy of both."""
    root = tmp_path_factory.mktemp("built")
    site, out = leak_site(root / "site"), root / "out"
    _ok(build(site, out=out))
    return site, out


@pytest.mark.parametrize(
    ("what", "data", "source"), FORCED_LEAKS, ids=[w for w, _, _ in FORCED_LEAKS],
)
def test_forced_leak_fails_the_build_and_keeps_the_old_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_once: tuple[Path, Path],
    what: str, data: bytes, source: str
) -> None:
    site, out = tmp_path / "site", tmp_path / "out"
    shutil.copytree(built_once[0], site)
    shutil.copytree(built_once[1], out)
    before = output_files(out)
    _force(monkeypatch, "leak/index.html", data)
    result = build(site, out=out)
    assert result.status == EXIT_CONTENT, what
    audit = [d for d in result.diagnostics if d.code == "audit"]
    assert audit, [d.text() for d in result.diagnostics]
    assert all(d.severity == "error" for d in audit)
    assert any("leak/index.html" in d.message for d in audit)
    if source:
        assert source in {d.path for d in audit}
    assert output_files(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")], "temp folder left"


def test_audit_command_finds_a_planted_leak(tmp_path: Path) -> None:
    site = leak_site(tmp_path / "site")
    out = tmp_path / "out"
    _ok(build(site, out=out))
    clean = run_cli(site, "audit", str(out))
    assert clean.exit_code == 0, clean.stderr
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    put(copy / "deep/inside/x.json", f'{{"note": "{canary("passquote")} inside a block quote."}}')
    put(copy / "img.bin", PRIVATE_ASSET)
    dirty = run_cli(site, "audit", str(copy))
    assert dirty.exit_code == 1, dirty.stderr
    assert "deep/inside/x.json" in dirty.stderr and "img.bin" in dirty.stderr


# ------------------------------------------------- comments Markdown reads as text

COMMENT_CASES = {
    # name: body whose comment Markdown alone would print as text
    "paragraph-past-blank-line":
        f"Before <!-- {canary('cspan')} runs on\n\n{canary('cspan2')} past a blank -->\n",
    "list-item": f"- item <!-- {canary('clist')}\n\n  {canary('clist2')} -->\n",
    "block-quote": f"> quote <!-- {canary('cquote')}\n>\n> {canary('cquote2')} -->\n",
    "table-cell": f"| a |\n|---|\n| <!-- {canary('ccell')} --> |\n",
    "html-block-past-blank-line":
        f"<div>\n<!-- {canary('cdiv')}\n\n{canary('cdiv2')} -->\n</div>\n",
    "empty-comment-opener": f"x <!--> {canary('cempty')} -->\n",
    "dash-comment-opener": f"<!---> {canary('cdash')} -->\n",
    "image-alt": f"![photo <!-- {canary('calt')} -->](https://example.org/a.png)\n",
    "link-title": f'[x](https://example.org "t <!-- {canary("ctitle")} -->")\n',
}


@pytest.mark.parametrize("case", sorted(COMMENT_CASES))
def test_comment_is_cut_whatever_markdown_makes_of_it(tmp_path: Path, case: str) -> None:
    """An HTML comment is taken out of the source before Markdown reads it, so it is
    withheld even where Markdown would print it as text (past a blank line, in alt
    text, in a link title) or a browser would end it early (``<!-->``)."""
    site = leak_site(tmp_path / "site")
    put(site / "content/pages/commented.md", ({"title": "Commented", "visibility": "public"},
                                              "Visible start.\n\n" + COMMENT_CASES[case]))
    _ok(build(site, out=tmp_path / "out"))
    corpus = OutputCorpus(tmp_path / "out")
    assert "Visible start." in corpus.html("commented/index.html")
    for word in re.findall(r"CANARY-\w+-7f3a", COMMENT_CASES[case]):
        assert corpus.find(word) == [], (case, word)


def test_comment_never_closed_fails_closed(tmp_path: Path) -> None:
    site = leak_site(tmp_path / "site")
    put(site / "content/pages/commented.md", ({"title": "Commented", "visibility": "public"},
                                              f"Text.\n\nThe end <!-- {canary('copen')}\n"))
    result = build(site, out=tmp_path / "out")
    errors = [(d.path, d.line, d.code) for d in result.diagnostics if d.severity == "error"]
    assert errors == [("content/pages/commented.md", 4 + 3, "comment-unclosed")]
    assert result.status == EXIT_CONTENT
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("Code `<!-- literal` in a span.\n", "&lt;!-- literal"),
        ("An escaped \\<!-- literal marker.\n", "&lt;!-- literal marker"),
        ("```\n<!-- literal in a fence\n```\n", "&lt;!-- literal in a fence"),
        (f"Closed <!-- {canary('cok')} --> inline.\n", "Closed  inline."),
        (f"<!-- {canary('cblock')}\n\nstill the comment block\n-->\n\nAfter.\n", "After."),
    ],
    ids=["code-span", "escaped", "fence", "closed-inline", "block-past-blank"],
)
def test_comment_that_markdown_reads_as_html_or_code_is_fine(tmp_path: Path, body: str,
                                                             shown: str) -> None:
    site = leak_site(tmp_path / "site")
    put(site / "content/pages/commented.md", ({"title": "Commented", "visibility": "public"},
                                              body))
    _ok(build(site, out=tmp_path / "out"))
    corpus = OutputCorpus(tmp_path / "out")
    page = corpus.html("commented/index.html")
    assert shown in page
    for kind in ("cok", "cblock", "cend"):
        assert corpus.find(canary(kind)) == []
    assert corpus.find("still the comment block") == [] and corpus.find("of the note") == []
