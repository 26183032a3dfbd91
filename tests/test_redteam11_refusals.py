"""Red team 11, false refusals of the audit that failed real users' builds:

- R11-05, R11-06: Pagefind's word index holds stems ("career" for "careers",
  "doe" for "does"), which the audit read as a private note's tag or a private
  interviewee's name part. A stem that a word the audience reads begins with is
  no leak in a word index (ivsite.audit.needles.Seen.stems_shown); one that no
  visible word explains still is.
- R11-26: a linked file the author wrote (a CV) was held to more than a page: an
  everyday word that is a private interviewee's name part ("green energy"), the
  author's own past employer where a private interview took place, a private
  note's tag. A file of the author's content is judged as a page is
  (ivsite.audit.search.Search, ``authored``): a withheld name, sentence or title
  in it is still refused.
- R11-27: a photo's random bytes, decoded whole and read with look-alike
  letters and leetspeak, spelt "Kim Lee" and "IBM". A binary file is read for
  the text runs it carries (ivsite.readers.binarytext); a name written in it is
  still found.

Each protection has a test that switches it off and sees the false refusal
come back.
"""

from __future__ import annotations

import gzip
import hashlib
import random
import runpy
import shutil
import struct
import sys
import zlib
from pathlib import Path

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import write_site

from ivsite.audit import search as auditsearch
from ivsite.audit.needles import Seen
from ivsite.audit.search import Search
from ivsite.audit.secrets import Secret
from ivsite.audit.stage import audit_files
from ivsite.pipeline import Result, build
from ivsite.readers import readable
from ivsite.readers.binarytext import text_runs
from ivsite.text.textmatch import Matcher, searchable

REPRODUCERS = Path(__file__).parent.parent / "docs/redteam/2026-12-01-eleventh"


def _reproducer(root: Path, finding: str) -> Path:
    shutil.copytree(REPRODUCERS / finding / "content", root / "content")
    shutil.copy(REPRODUCERS / finding / "site.toml", root / "site.toml")
    return root


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics]


def _builds(site: Path, out: Path) -> None:
    result = build(site, out=out)
    assert result.status == 0, _said(result)


def _refused(site: Path, out: Path) -> set[tuple[str, str, str]]:
    """(output, kind, source) of each audit hit of a build that must be refused."""
    result = build(site, out=out)
    assert result.status == 1, _said(result)
    assert not out.exists()
    return {(h.output, h.secret.kind, h.secret.source) for h in result.hits}


@pytest.fixture(autouse=True)
def _fresh_needles(monkeypatch: pytest.MonkeyPatch) -> None:
    """No needles kept from a build with other switches, no file read before."""
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})
    readable._read.cache_clear()


def _interview(name: str, company: str, day: int) -> tuple[dict[str, object], str]:
    return ({"date": f"2026-03-{day:02d}", "person": {"name": name, "company": company},
             "alias": f"a person at company {day}"}, "Private notes from the conversation.\n")


# --------------------------------------------------------------- R11-05, R11-06


STEMMED = {  # a private note's tag or a private interviewee's name, and a public word
    "career": "careers", "design": "designs", "offer": "offers",
    "network": "networking", "goal": "goals",
}
NAMES = {"Jane Doe": "does", "Grant Price": "prices", "Mark Rivers": "marks",
         "Rose Banks": "roses", "Paul Walker": "walkers", "Amy Wood": "woods"}


def _stems_site(root: Path) -> Path:
    public = " ".join(f"I read about {w}." for w in (*STEMMED.values(), *NAMES.values()))
    content: dict[str, object] = {
        "pages/about.md": ({"title": "About me"}, f"What does a researcher do?\n\n{public}\n"),
        "reflections/2026-04-01-salary.md": (
            {"title": "Salary thoughts", "date": "2026-04-01", "tags": list(STEMMED)},
            "What I make of it, for me alone.\n"),
    }
    for i, name in enumerate(NAMES, start=1):
        content[f"interviews/2026-03-{i:02d}-talk.md"] = _interview(name, f"Company {i}", i)
    return write_site(root, content)  # type: ignore[arg-type]


@pytest.mark.parametrize("finding", ["R11-05", "R11-06"])
def test_the_reproducer_builds(tmp_path: Path, finding: str) -> None:
    _builds(_reproducer(tmp_path / "s", finding), tmp_path / "out")


def test_inflected_words_on_public_pages_build(tmp_path: Path) -> None:
    """Every measured pair at once: the index holds each stem, and builds."""
    _builds(_stems_site(tmp_path / "s"), tmp_path / "out")


def test_without_the_stem_rule_the_build_is_refused(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Seen, "stems_shown", lambda self, stems: set())
    refused = _refused(_stems_site(tmp_path / "s"), tmp_path / "out")
    kinds = {kind for output, kind, _ in refused if output.startswith("pagefind/")}
    assert kinds == {"withheld tag", "withheld name part"}, refused


def _index(*words: str) -> bytes:
    """A word index as Pagefind writes it: gzip, its mark, a CBOR document."""
    doc = [1, [[w, [[0, [1, 2]]]] for w in sorted(words)]]
    return gzip.compress(b"pagefind_dcd" + cbor2.dumps(doc))


def _index_hits(visible: str, *words: str, secrets: list[Secret]) -> set[str]:
    files = [("pagefind/index/en_1234567.pf_index", _index(*words))]
    return {h.secret.text for h in audit_files(files, secrets, visible, []).hits}


TAG, PART = "withheld tag", "withheld name part"


def test_a_stem_a_visible_word_begins_with_is_excused() -> None:
    secrets = [Secret(TAG, "career", "r.md", 4), Secret(PART, "Doe", "i.md", 4)]
    assert _index_hits("careers, and what does she do", "career", "doe",
                       secrets=secrets) == set()
    assert _index_hits("the happy few", "happi", secrets=[Secret(TAG, "happi", "r.md", 4)]) \
        == set()


@given(st.sampled_from(["globex", "doe", "career", "layoffs"]),
       st.sampled_from(["car", "careful", "do", "dog", "glob", "lay off", "my job"]))
@settings(max_examples=40, deadline=None)
def test_a_stem_no_visible_word_explains_is_refused(word: str, visible: str) -> None:
    """A real leak: the index holds a withheld word no word the audience reads
    begins with ("car" does not explain "career", nor "careful")."""
    for kind in (TAG, PART, "withheld company"):
        assert _index_hits(f"I wrote about {visible}.", word,
                           secrets=[Secret(kind, word, "n.md", 4)]) == {word}


def test_a_name_is_never_a_stem() -> None:
    """Only a field is excused: a whole name in the index is refused whatever the
    audience reads."""
    secret = Secret("unconsented name", "Doe", "i.md", 4)
    assert _index_hits("what does she do", "doe", secrets=[secret]) == {"Doe"}


def test_a_stem_elsewhere_than_a_word_index_is_refused() -> None:
    """A page or a file that says "doe" alone is no stem."""
    files = [("about/index.html", b"<p>a doe in the woods</p>"),
             ("files/en_1.pf_index", b"doe career")]
    secrets = [Secret(PART, "Doe", "i.md", 4)]
    assert {h.output for h in audit_files(files, secrets, "what does she do", []).hits} == \
        {"about/index.html", "files/en_1.pf_index"}


# ---------------------------------------------------------------------- R11-26


CV = ("Negotiation training, 2024. Career goal: research.\n"
      "Led a green energy project. Volunteer at the city park. Mentored young designers.\n"
      "On the dean's list. I will relocate. I hope to bring my research skills to your team.\n"
      "2022-2025: Support lead, Shopify.\n")
PRIVATE = {"Sam Green": "Company 1", "Dana Park": "Company 2", "Lee Young": "Company 3",
           "Dean Ortiz": "Company 4", "Will Ortiz": "Company 5", "Hope Lindqvist": "Company 6",
           "Quentin Zabrowski": "Shopify"}
SENTENCE = "she is leaving the company before her bonus is paid"


def _cv_site(root: Path, cv: str = CV) -> Path:
    content: dict[str, object] = {
        "pages/about.md": ({"title": "About me"}, "My [CV](../files/cv.txt).\n"),
        "reflections/2026-04-01-salary.md": (
            {"title": "Salary thoughts", "date": "2026-04-01",
             "tags": ["career", "negotiation"], "summary": "What I make of the offer."},
            "Private.\n"),
        "files/cv.txt": cv,
    }
    for i, (name, company) in enumerate(PRIVATE.items(), start=1):
        front, _ = _interview(name, company, i)
        content[f"interviews/2026-03-{i:02d}-talk.md"] = (front, f"Notes: {SENTENCE}.\n")
    return write_site(root, content, {"title": "Research notes", "author": "Maya Okafor",
                                      "base_url": "https://maya.example.org/"})  # type: ignore[arg-type]


def test_r11_26_reproducer_builds(tmp_path: Path) -> None:
    _builds(_reproducer(tmp_path / "s", "R11-26"), tmp_path / "out")


def test_everyday_words_employer_and_tags_in_the_authors_file_build(tmp_path: Path) -> None:
    _builds(_cv_site(tmp_path / "s"), tmp_path / "out")


def test_without_the_authored_rule_the_file_is_refused(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Search, "is_authored", lambda self, data: False)
    refused = _refused(_cv_site(tmp_path / "s"), tmp_path / "out")
    kinds = {kind for output, kind, _ in refused if output == "files/cv.txt"}
    assert kinds == {"withheld name part", "withheld company", "withheld tag"}, refused


@pytest.mark.parametrize("leak", [
    "References: Sam Green, Company 1.", "Green, Sam (referee).", "Ref.: S. Green.",
    "Quentin Zabrowski at Shopify.", f"Someone told me {SENTENCE}.", "Salary thoughts: ok.",
])
def test_a_withheld_name_or_sentence_in_the_authors_file_is_refused(tmp_path: Path,
                                                                    leak: str) -> None:
    """Judged as a page: a name in any of its forms and a withheld sentence are
    leaks in the author's own file, as in a page (which the filter refuses)."""
    refused = _refused(_cv_site(tmp_path / "s", CV + leak + "\n"), tmp_path / "out")
    found = {kind for output, kind, _ in refused if output == "files/cv.txt"}
    assert found - {"withheld name part", "withheld company", "withheld tag"}, refused


def test_only_the_authors_own_bytes_are_judged_as_a_page() -> None:
    """The same words in a file the site made (or one byte changed) are looked for."""
    data = b"Support lead at Shopify. Led a green energy project."
    secrets = [Secret("withheld company", "Shopify", "i.md", 5),
               Secret(PART, "Green", "i.md", 4), Secret("unconsented name", "Sam Green", "i.md", 4)]
    own = frozenset({hashlib.sha256(data).hexdigest()})

    def found(blob: bytes) -> set[str]:
        return {h.secret.text for h in audit_files([("files/cv.txt", blob)], secrets, "", [],
                                                   authored=own).hits}

    assert found(data) == set()
    assert found(data + b" ") == {"Shopify", "Green"}
    assert found(data + b" Sam Green.") == {"Shopify", "Green", "Sam Green"}
    own_with_name = frozenset({hashlib.sha256(data + b" Sam Green.").hexdigest()})
    assert {h.secret.text for h in audit_files([("files/cv.txt", data + b" Sam Green.")],
                                               secrets, "", [], authored=own_with_name).hits} \
        == {"Sam Green"}


@given(st.sampled_from(["Green", "Park", "Young", "King", "Hall", "Brown", "White", "Price",
                        "Stone"]),
       st.sampled_from(["Led a {w} project.", "{W} Street office, 2024.", "I like {w} things.",
                        "Skills: {w}, Figma, SQL."]),
       st.sampled_from(["withheld name part", "withheld company", "withheld tag"]))
@settings(max_examples=40, deadline=None)
def test_an_authors_file_says_what_a_page_may(word: str, line: str, kind: str) -> None:
    """Any everyday word that is a private person's surname, an employer or a tag,
    in any sentence of the author's own file; the same bytes not the author's
    (a file the site made) are refused."""
    data = line.format(w=word.lower(), W=word).encode()
    secrets = [Secret(kind, word, "i.md", 4), Secret("unconsented name", f"Sam {word}", "i.md", 4)]
    own = frozenset({hashlib.sha256(data).hexdigest()})
    assert audit_files([("files/cv.txt", data)], secrets, "", [], authored=own).hits == []
    assert [h.secret.kind for h in audit_files([("files/cv.txt", data)], secrets, "", []).hits] \
        == [kind]


# ---------------------------------------------------------------------- R11-27


KIM_LEE = [Secret("unconsented name", "Kim Lee", "i.md", 4),
           Secret("withheld person", "Kim Lee", "i.md", 4),
           Secret("withheld company", "IBM", "i.md", 5)]


def _photo_site(root: Path, data: bytes, name: str = "photo.jpg") -> Path:
    front, _ = _interview("Kim Lee", "IBM", 1)
    return write_site(root, {
        "pages/about.md": ({"title": "About me"}, f"Me:\n\n![Me at the meetup](../files/{name})\n"),
        "interviews/2026-03-01-talk.md": (front, "Private notes.\n"),
        f"files/{name}": data})


def _jpeg(body: bytes) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + body + \
        b"\xff\xd9"


def _png(body: bytes) -> bytes:
    """A PNG whose start has NUL bytes every other byte (its IHDR and pHYs), as if UTF-16."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 4000, 3000, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1)) + chunk(b"IDAT", body)
            + chunk(b"IEND", b""))


def _make_photo(folder: Path) -> None:
    """What make_photo.py writes (its own code, run with the folder as argument)."""
    argv = sys.argv
    try:
        sys.argv = ["make_photo.py", str(folder)]
        runpy.run_path(str(REPRODUCERS / "R11-27/make_photo.py"), run_name="__main__")
    finally:
        sys.argv = argv


def test_r11_27_reproducer_builds(tmp_path: Path) -> None:
    site = _reproducer(tmp_path / "s", "R11-27")
    (site / "content/files").mkdir(exist_ok=True)
    _make_photo(site / "content/files")
    _builds(site, tmp_path / "out")


def test_without_the_text_runs_the_photo_is_refused(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Read as every byte decoded, as before (broken bytes dropped), the
    reproducer's photo spells the name."""
    monkeypatch.setattr(readable, "text_runs", lambda text: text.replace("\ufffd", ""))
    site = _reproducer(tmp_path / "s", "R11-27")
    (site / "content/files").mkdir(exist_ok=True)
    _make_photo(site / "content/files")
    refused = _refused(site, tmp_path / "out")
    assert ("files/photo.jpg", "unconsented name",
            "content/interviews/2026-03-01-conversation.md") in refused, refused


def _names_in(path: str, data: bytes) -> set[str]:
    """What the audit finds of Kim Lee at IBM in a file."""
    search = auditsearch.search_for(KIM_LEE, "", [], "", (), frozenset(),
                                    auditsearch.OwnScripts.of({}))
    return {h.secret.text for h in search.hits(path, data, code=False)}


@given(st.integers(min_value=0), st.sampled_from(["jpg", "png"]))
@settings(max_examples=15, deadline=None)
def test_random_photo_data_spells_no_short_name(seed: int, kind: str) -> None:
    body = random.Random(seed).randbytes(200_000)
    data = _jpeg(body) if kind == "jpg" else _png(body)
    assert _names_in(f"files/photo.{kind}", data) == set()


@pytest.mark.parametrize("written", [
    b"\x00Kim Lee\x00", b"\x07Copyright 2026 Kim Lee\x00", b"\x00KimLee\x00",
    "K\0i\0m\0 \0L\0e\0e\0\0\0".encode("latin-1"), b"<dc:creator>Kim Lee</dc:creator>",
    b"\x00Lee, Kim\x00", b"\x00IBM Research\x00",
])
@pytest.mark.parametrize("kind", ["jpg", "png", "bin"])
def test_a_name_written_in_a_binary_file_is_found(written: bytes, kind: str) -> None:
    body = random.Random(7).randbytes(50_000)
    body = body[:20_000] + written + body[20_000:]
    data = _jpeg(body) if kind == "jpg" else _png(body) if kind == "png" else body
    found = _names_in(f"files/photo.{kind}", data)
    assert found & {"Kim Lee", "IBM"}, (written, kind)


def test_a_name_in_a_binary_file_fails_the_build(tmp_path: Path) -> None:
    body = random.Random(3).randbytes(100_000)
    data = b"\x00\x00\x00\x18ftypmp42" + body[:5000] + b"\x00\x00\x00\x17data\x00\x00\x00\x01" \
        b"\x00\x00\x00\x00Kim Lee" + body[5000:]
    refused = _refused(_photo_site(tmp_path / "s", data, "clip.mp4"), tmp_path / "out")
    assert ("files/clip.mp4", "unconsented name",
            "content/interviews/2026-03-01-talk.md") in refused, refused


@pytest.mark.parametrize(("noise", "read"), [
    ("x\x01L\\WU\\EZ\x02", False), ("\x01aHoErPq\x02", False), ("\x01a@n9 zz\x02", False),
    ("\x01Kim Lee\x02", True), ("\x01Jos\u00e9 Ram\u00edrez\x02", True),
    ("\x01\u738b\u5c0f\u660e \u7b80\u5386\x02", True), ("\x01qUeNtIn zaBROWski\x02", True),
])
def test_which_words_a_run_keeps(noise: str, read: bool) -> None:
    """Short words cased as no word is, of letters and digits, or between symbols
    of code are boundaries; names in any script and long words are read."""
    names = Matcher([(("kim", "lee"), "n"), (("jose", "ramirez"), "n"),
                     (("quentin", "zabrowski"), "n"), (("a", "ho"), "x"), (("l", "wu"), "x"),
                     (("a", "ng"), "x")], substrings=[("王小明", "n")])
    assert bool(names.find_in(searchable(text_runs(noise)))) == read


# ------------------------------------------- R11-26: a name part beside the person


def _beside_site(root: Path, notes: str, other: str) -> Path:
    """A public page that links Sam Green's public, alias'd interview and its own
    file, and another page with a file of its own. (Public since red team 12,
    R12-04: beside a private interview, which the page does not show, a name part
    alone names no one.)"""
    front, _ = _interview("Sam Green", "Company 1", 1)
    return write_site(root, {
        "interviews/2026-03-01-talk.md": ({**front, "visibility": "public"}, "Notes.\n"),
        "pages/follow-up.md": ({"title": "Follow-up"},
                               "After [the talk](../interviews/2026-03-01-talk.md), see "
                               "[my notes](../files/notes.txt).\n"),
        "pages/about.md": ({"title": "About me"}, "My [CV](../files/cv.txt).\n"),
        "files/notes.txt": notes, "files/cv.txt": other})


SAID = "I asked, and Green said the offer was low.\n"


@pytest.mark.parametrize("link", [
    "[my notes](../files/notes.txt)", "![my notes](../files/notes.txt)", "![[notes.txt]]",
])
def test_a_name_part_in_a_file_linked_beside_the_person_is_refused(tmp_path: Path,
                                                                   link: str) -> None:
    """As on the page that links the person's note: their family name alone."""
    site = _beside_site(tmp_path / "s", SAID, "Led a green energy project.\n")
    page = site / "content/pages/follow-up.md"
    page.write_text(page.read_text().replace("[my notes](../files/notes.txt)", link))
    refused = _refused(site, tmp_path / "out")
    assert ("files/notes.txt", "name part", "content/interviews/2026-03-01-talk.md") in refused
    assert not any(output == "files/cv.txt" for output, _, _ in refused), refused


def test_the_same_words_in_a_file_linked_elsewhere_build(tmp_path: Path) -> None:
    _builds(_beside_site(tmp_path / "s", "Thanks for the talk.\n", SAID), tmp_path / "out")


def test_without_the_linked_files_the_name_part_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.audit import secrets

    monkeypatch.setattr(secrets, "linked_files", lambda site, note: set())
    _builds(_beside_site(tmp_path / "s", SAID, "Led a green energy project.\n"), tmp_path / "out")
    assert "Green said" in (tmp_path / "out/files/notes.txt").read_text()


# ------------------------------------------------ R11-06: the example site itself


def test_the_example_site_with_a_private_jane_doe_builds(tmp_path: Path) -> None:
    """Its bank asks "What does a typical day look like?"; public index and share
    index both held the stem "doe"."""
    root = Path(__file__).parent.parent
    site = tmp_path / "s"
    shutil.copytree(root / "content", site / "content")
    shutil.copy(root / "site.toml", site / "site.toml")
    front, _ = _interview("Jane Doe", "Acme", 1)
    (site / "content/interviews/2026-05-01-designer.md").write_text(
        f"---\ndate: 2026-05-01\nperson: {{name: Jane Doe, company: Acme}}\n"
        f"alias: {front['alias']}\n---\nPrivate notes.\n")
    _builds(site, tmp_path / "out")
    assert list((tmp_path / "out/share").glob("*/pagefind/index/*.pf_index"))


@given(st.integers(min_value=0), st.integers(min_value=0, max_value=30_000),
       st.sampled_from([b"\x00Kim Lee\x00", b"\xffArtist: Kim Lee\xff", b"\x00KIM LEE\x00",
                        "\0K\0i\0m\0 \0L\0e\0e\0\0".encode("latin-1")]))
@settings(max_examples=30, deadline=None)
def test_a_name_anywhere_in_random_data_is_found(seed: int, at: int, written: bytes) -> None:
    body = random.Random(seed).randbytes(30_000)
    assert "Kim Lee" in _names_in("files/photo.jpg", _jpeg(body[:at] + written + body[at:]))
