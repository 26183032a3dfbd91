"""Stage 8 — audit: read an output back and look for anything withheld."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import zlib
from pathlib import Path

import pytest

from ivsite.audit.needles import needles
from ivsite.audit.search import AssetSecret
from ivsite.audit.secrets import Secret
from ivsite.audit.stage import audit_folder
from ivsite.readers.readable import readable_texts
from ivsite.text.textmatch import Matcher, words

NAME = Secret("unconsented name", "Jane Doe", "content/interviews/x.md", 5)
EMAIL = Secret("contact field email", "jane@acme.example", "content/interviews/x.md", 8)
REFERRAL = Secret("referral", "Lee Park", "content/interviews/x.md", 12)
PASSAGE = Secret(
    "private passage",
    "She said the team is about to be reorganised. The agency works with many clients "
    "every single week.",
    "content/interviews/x.md", 20,
)
TITLE = Secret("withheld title", "Secret Role Title", "content/roles/secret.md", 2)


def matcher(*secrets: Secret, visible: str = "") -> Matcher[Secret]:
    return needles(list(secrets), visible)


def found_in(m: Matcher[Secret], path: str, data: bytes) -> set[str]:
    return {s.text for t in readable_texts(Path(path), data) for s in m.find(t)}


def test_words_are_casefolded() -> None:
    assert words("JANE-doe, Jane_Doe!") == ["jane", "doe", "jane", "doe"]


def test_passage_is_cut_into_sentences() -> None:
    m = matcher(PASSAGE)
    # either sentence alone is found
    assert m.find("<p>she said the team is about to be REORGANISED</p>") == [PASSAGE]
    assert m.find("The agency works with many clients every single week") == [PASSAGE]
    # words from both sentences, but neither sentence whole, are not a hit
    assert m.find("she said the agency works with many clients") == []


def test_passage_sentence_that_is_also_visible_is_skipped() -> None:
    visible = "Elsewhere: the agency works with many clients every single week."
    m = matcher(PASSAGE, visible=visible)
    assert m.find("the agency works with many clients every single week") == []
    assert m.find("she said the team is about to be reorganised") == [PASSAGE]


def test_short_passage_sentences_are_skipped() -> None:
    s = Secret("private passage", "Yes. It was fine.", "x.md", 1)
    assert matcher(s).find("yes it was fine") == []


def test_withheld_title_visible_elsewhere_is_skipped() -> None:
    assert matcher(TITLE, visible="A post about the Secret Role Title.").find(
        "secret role title") == []
    assert matcher(TITLE).find("<h1>Secret Role Title</h1>") == [TITLE]


def test_names_and_contact_are_always_needles() -> None:
    m = matcher(NAME, EMAIL, REFERRAL, visible="Jane Doe jane@acme.example Lee Park")
    assert {s.text for s in m.find("jane doe, jane@acme.example, lee park")} == {
        "Jane Doe", "jane@acme.example", "Lee Park"}


def test_matcher_finds_name_in_a_slug() -> None:
    m = matcher(NAME)
    assert m.find("/interviews/jane-doe/index.html") == [NAME]
    assert m.find("JANE DOE") == [NAME]


def test_matcher_does_not_match_partial_words() -> None:
    m = matcher(NAME)
    assert m.find("janedoes") == []
    assert m.find("Jane Doerr") == []
    assert m.find("Jane and Doe") == []


def test_name_in_html_with_entities_and_tags() -> None:
    m = matcher(NAME)
    assert found_in(m, "a.html", b"<p>JANE&nbsp;DOE</p>") == {"Jane Doe"}
    assert found_in(m, "a.html", b"<b>Jane</b> <i>Doe</i>") == {"Jane Doe"}
    assert found_in(m, "a.html", b"<p>J<b>ane</b> D<span>oe</span></p>") == {"Jane Doe"}
    assert found_in(m, "a.html", b"<p>Jane&#32;Doe</p>") == {"Jane Doe"}


def test_name_inside_a_gzip_compressed_file() -> None:
    data = gzip.compress(b'{"content": "we met jane doe for coffee"}')
    assert b"jane" not in data
    assert found_in(matcher(NAME), "pagefind/fragment/en_1.pf_fragment", data) == {"Jane Doe"}


def write(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        p = folder / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


def test_audit_folder_reports_each_file_and_secret(tmp_path: Path) -> None:
    write(tmp_path, {
        "index.html": b"<h1>Conversation with a coordinator</h1>",
        "interviews/x/index.html": b"<p>Thanks, JANE&nbsp;DOE!</p>",
        "search/index.json": b'{"t": "mail jane@acme.example"}',
        "pagefind/f.pf_fragment": gzip.compress(b"the secret role title is here"),
    })
    hits = audit_folder(tmp_path, [NAME, EMAIL, TITLE], "", []).hits
    got = sorted((h.output, h.secret.kind) for h in hits)
    assert got == [
        ("interviews/x/index.html", "unconsented name"),
        ("pagefind/f.pf_fragment", "withheld title"),
        ("search/index.json", "contact field email"),
    ]
    text = next(h for h in hits if h.output == "interviews/x/index.html").text()
    assert "content/interviews/x.md:5" in text and "unconsented name" in text


def test_withheld_asset_found_by_hash(tmp_path: Path) -> None:
    secret_bytes = b"\x89PNG private sketch"
    write(tmp_path, {"img/renamed.png": secret_bytes, "img/ok.png": b"public"})
    assets = [AssetSecret(hashlib.sha256(secret_bytes).hexdigest(), "content/assets/s.png")]
    hits = audit_folder(tmp_path, [], "", assets).hits
    assert [(h.output, h.secret.kind, h.secret.source) for h in hits] == [
        ("img/renamed.png", "withheld file", "content/assets/s.png")]


def test_clean_folder_has_no_hits(tmp_path: Path) -> None:
    write(tmp_path, {
        "index.html": b"<p>Conversation with a marketing coordinator. Jane and Doe.</p>",
        "feed.xml": b"<feed><title>Career research</title></feed>",
        "pagefind/x.pf_fragment": gzip.compress(b"a coordinator at an agency"),
        "style.css": b"body { color: black }",
    })
    assets = [AssetSecret(hashlib.sha256(b"other").hexdigest(), "content/a.png")]
    assert audit_folder(tmp_path, [NAME, EMAIL, REFERRAL, PASSAGE, TITLE], "", assets).hits == []


def test_visible_passage_sentences_are_not_hits(tmp_path: Path) -> None:
    sentence = "The agency works with many clients every single week."
    write(tmp_path, {"index.html": f"<p>{sentence}</p>".encode()})
    assert audit_folder(tmp_path, [PASSAGE], sentence, []).hits == []
    assert [h.secret for h in audit_folder(tmp_path, [PASSAGE], "", []).hits] == [PASSAGE]


def test_skip_prefixes(tmp_path: Path) -> None:
    write(tmp_path, {"share/tok/index.html": b"Jane Doe", "index.html": b"ok"})
    assert audit_folder(tmp_path, [NAME], "", [], skip_prefixes=("share/tok/",)).hits == []
    assert len(audit_folder(tmp_path, [NAME], "", []).hits) == 1


def test_sequences_are_found_as_whole_words_however_many() -> None:
    """Listing pages are long and hold many needles: each is found where its words
    stand together, whole, and nowhere else."""
    seqs = [(tuple(words(n)), n) for n in ("Jane Doe", "Ana Maria Silva", "Li Wu", "Doe")]
    text = "met jane doe and ana maria silva; li went home. wu li wu " * 50
    assert sorted(Matcher(seqs).find(text)) == sorted(
        ["Jane Doe", "Ana Maria Silva", "Li Wu", "Doe"])
    assert Matcher(seqs).find("ana maria and silva, jane and doe") == ["Doe"]
    assert Matcher(seqs).find("janedoe ana marias silva li wus doer") == []
    assert Matcher(seqs).find("JaneDoe") == ["Jane Doe", "Doe"]  # camelCase split
    assert Matcher(seqs).find_words(["jane", "doe"]) == ["Jane Doe", "Doe"]


def test_an_audit_asked_to_stop_stops_before_the_next_file(tmp_path: Path) -> None:
    from ivsite.audit.stage import AuditInterrupted
    write(tmp_path, {"a.html": b"<p>JANE DOE</p>", "b.html": b"<p>hello</p>"})
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1  # let one file through, then stop

    with pytest.raises(AuditInterrupted):
        audit_folder(tmp_path, [NAME], "", [], stop=stop)
    assert audit_folder(tmp_path, [NAME], "", [], stop=lambda: False).hits


def _hits_in(rel: str, data: bytes) -> list[str]:
    from ivsite.audit.stage import audit_files

    secret = Secret("unconsented name", "Zorblat Quenwick", "content/interviews/z.md", 3)
    return [h.output for h in audit_files([(rel, data)], [secret], "", []).hits]


@pytest.mark.parametrize(("rel", "data"), [
    ("assets/d.txt", "\ufeffZorblat Quenwick says hi".encode("utf-16-le")),
    ("assets/d.txt", "Zorblat Quenwick says hi, without a mark".encode("utf-16-le")),
    ("assets/d.svg", "\ufeff<svg><text>Zorblat Quenwick</text></svg>".encode("utf-16-be")),
    ("assets/b.svg", b"<svg><text><tspan>Zor</tspan><tspan>blat</tspan> "
                     b"<tspan>Quen</tspan><tspan>wick</tspan></text></svg>"),
    ("a/index.html", b'<p><img src="data:image/svg+xml;base64,' + __import__("base64").b64encode(
        b"<svg><text>Zorblat Quenwick</text></svg>") + b'"></p>'),
    ("a/index.html", b'<p><bdo dir="rtl">kciwneuQ talbroZ</bdo></p>'),
    ("a/index.html", "<p>\u202ekciwneuQ talbroZ\u202c says hi</p>".encode()),
    ("a/index.html", b'<p>Zor<span style="display:none">qq</span>blat Quen<b hidden>x</b>wick</p>'),
], ids=["utf16-bom", "utf16-no-bom", "utf16-svg", "svg-tspans", "data-uri", "bdo-rtl",
        "rtl-override", "hidden-between-letters"])
def test_the_audit_reads_text_however_a_file_holds_it(rel: str, data: bytes) -> None:
    assert _hits_in(rel, data) == [rel]


def _nested_data_uri(inner: bytes, levels: int) -> bytes:
    import base64

    for _ in range(levels):
        inner = (b'<svg><image href="data:image/svg+xml;base64,' + base64.b64encode(inner)
                 + b'"/></svg>')
    return inner


@pytest.mark.parametrize("data", [
    b"<p>Encode it as base64, then send it.</p>",
    b'<p><img src="data:image/png;base64,"> and base64,base64, too</p>',
    b'<p><img src="data:image/svg+xml;base64,!!!!not*base64%%%AAAAAAAAAAAAAAAA"></p>',
    b'<p><img src="data:image/svg+xml;base64,QUJDRA=QUJDRA=QUJDRA=QUJDRA=QUJD"></p>',
], ids=["prose", "empty-payload", "junk-payload", "bad-padding"])
def test_text_that_only_looks_like_a_data_uri_is_read_not_recursed_on(data: bytes) -> None:
    """F12: "base64," with no payload after it once recursed for ever."""
    assert _hits_in("a/index.html", data) == []
    assert _hits_in("a/index.html", data + b"<p>Zorblat Quenwick</p>") == ["a/index.html"]


def test_nested_data_uris_are_read_to_a_bounded_depth(monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.readers import morereadings, readable

    page = _nested_data_uri(b"<svg><text>Zorblat Quenwick</text></svg>", 3)
    assert _hits_in("a/index.html", page) == ["a/index.html"]
    monkeypatch.setattr(readable, "_MAX_NESTING", 2)  # too shallow to reach it: no crash
    # (base64 words are read decoded in every text too, red team 12 R12-08: off)
    monkeypatch.setattr(morereadings, "encoded_readings", lambda text: [])
    assert _hits_in("a/index.html", page) == []


def _pagefinds_engine() -> bytes:
    """An engine as Pagefind writes it: a gzip stream inside its executable."""
    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    exe = Path(get_executable()).read_bytes()
    at = exe.find(b"\x1f\x8b\x08")
    while at >= 0:
        d = zlib.decompressobj(31)
        with contextlib.suppress(zlib.error):
            if d.decompress(exe[at:at + (1 << 20)], 16) == b"pagefind_dcd\x00asm":
                d.decompress(d.unconsumed_tail)
                return exe[at:at + (1 << 20) - len(d.unused_data)]
        at = exe.find(b"\x1f\x8b\x08", at + 1)
    raise AssertionError("no engine in the Pagefind executable")


def test_pagefinds_engine_is_not_read_as_text_but_its_index_is(tmp_path: Path) -> None:
    """Pagefind's WebAssembly engine holds digit runs ("0123456789") that a phone
    number can match by chance (red team G4: every build of a site with such a
    number was refused); it is the indexer's own code. Only that file, at the path
    Pagefind writes it, is skipped: the same bytes anywhere else, and a file that
    merely starts like it (red team 3, H20), are read."""
    phone = Secret("contact field phone", "+1 012 345 6789", "content/interviews/x.md", 6)
    engine = _pagefinds_engine()
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "wasm.en.pagefind").write_bytes(engine)
    assert audit_folder(tmp_path, [phone], "", []).hits == []
    (tmp_path / "pagefind" / "fragment").mkdir()
    (tmp_path / "pagefind" / "fragment" / "en_1.pf_fragment").write_bytes(engine)
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "wasm.en.pagefind").write_bytes(engine)
    (tmp_path / "pagefind" / "wasm.fr.pagefind").write_bytes(
        gzip.compress(b"pagefind_dcd\x00asm\x01\x00\x00\x00 10123456789 \x00"))
    found = sorted(h.output for h in audit_folder(tmp_path, [phone], "", []).hits)
    assert found == ["files/wasm.en.pagefind", "pagefind/fragment/en_1.pf_fragment",
                     "pagefind/wasm.fr.pagefind"]


def test_an_audit_shared_out_over_processes_finds_what_one_process_finds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a few dozen files the audit forks one process per core: every hit and
    every clean key comes back, in file order, as when it runs here."""
    import ivsite.core.cores as cores

    pages = {f"p{i:03}/index.html": b"<p>nothing here %d</p>" % i for i in range(150)}
    pages["p017/index.html"] = b"<p>Thanks, JANE&nbsp;DOE!</p>"
    pages["p140/index.html"] = b"<p>mail jane@acme.example</p>"
    write(tmp_path, pages)
    forked: list[int] = []
    real_spread = cores.spread

    def counting_spread(*args: object, **kwargs: object) -> object:
        forked.append(1)
        return real_spread(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cores, "spread", counting_spread)
    monkeypatch.setattr(cores, "processes_for", lambda jobs, size=None: 2)
    shared = audit_folder(tmp_path, [NAME, EMAIL], "", [])
    monkeypatch.setattr(cores, "processes_for", lambda jobs, size=None: 0)
    here = audit_folder(tmp_path, [NAME, EMAIL], "", [])
    assert forked == [1]
    assert [(h.output, h.secret) for h in shared.hits] == [
        (h.output, h.secret) for h in here.hits] == [
        ("p017/index.html", NAME), ("p140/index.html", EMAIL)]
    assert shared.clean == here.clean and len(here.clean) == 148
