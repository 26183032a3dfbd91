"""Red team 13, false refusals (docs/redteam/2026-12-02-thirteenth.md):

- R13-08: a private interviewee recorded by one everyday given name ("Mark",
  "May", "Page", "Will") failed every build: the audit found the word in
  ivsite's own files (the theme's scripts and style sheet, the 404 page) and the
  filter in ordinary prose ("I will apply next year"). Such a name counts only
  where it reads as a name, as a name part that is an everyday word does
  (ivsite.names.wordnames.everyday_alone: capitalised, inside a sentence or after
  a lead word), and ivsite's own files are not read for it
  (ivsite.audit.scripts.OwnScripts.files). Written as a name on a page, in an
  author's style sheet, or in the interview's own address, it is still refused.
- R13-09: Daniel Osei agreed to be named in both notes, a public one and a
  private (or mentor) follow-up; the audit read Pagefind's fragment of the public
  page for the follow-up's ``person.name`` ("Osei Daniel", where the fragment
  runs the title into the name), which the consented-name mask could not excuse
  (the secret holds the consented name). Consent belongs to a person: the name of
  a person the audience reads named is no secret of their withheld notes
  (ivsite.audit.secrets._named). The follow-up's text, and an unconsented person
  who shares a word with him, are still found in Pagefind's files.

Each fix has a test that switches it off and sees the refusal come back.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from sites import write_site

from ivsite.audit import search as auditsearch
from ivsite.audit import secrets as auditsecrets
from ivsite.audit.scripts import OwnScripts
from ivsite.audit.secrets import Secret
from ivsite.audit.stage import audit_files
from ivsite.emit.theme import builtin_theme_dir
from ivsite.names import people
from ivsite.pipeline import Result, audit_dir, build
from ivsite.text import wordpairs
from ivsite.text.textmatch import Matcher, searchable
from ivsite.validate.consent import slug_names

REPRODUCERS = Path(__file__).parent.parent / "docs/redteam/2026-12-02-thirteenth"
CONFIG = {"title": "Career notes", "author": "Pat Author",
          "base_url": "https://pat.example.org/"}
FAIR = "interviews/2026-03-18-career-fair.md"
WORD_NAMES = ("Mark", "May", "Page", "Will")


@pytest.fixture(autouse=True)
def _fresh_needles(monkeypatch: pytest.MonkeyPatch) -> None:
    """No needles kept from a build with other switches."""
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


def _fair(name: str, about: str = "I will apply next year.\n", *,
          visibility: str = "private", slug: str = "") -> dict[str, tuple[dict[str, object], str]]:
    """R13-08's site: a private interview with ``name`` alone, and an about page."""
    front: dict[str, object] = {
        "visibility": visibility, "date": "2026-03-18",
        "person": {"name": name, "company": "Acme"},
        "consent": {"publish_name": False}, "status": "done"}
    if slug:
        front["slug"] = slug
    return {FAIR: (front, "A short chat at the career fair booth.\n"),
            "pages/about.md": ({"title": "About"}, about)}


# --------------------------------------------------------------------------- R13-08


@pytest.mark.parametrize("name", WORD_NAMES)
def test_a_private_everyday_given_name_builds(tmp_path: Path, name: str) -> None:
    root = write_site(tmp_path / "s", _fair(name), CONFIG)
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, _said(result)


@pytest.mark.parametrize("name", WORD_NAMES)
@pytest.mark.parametrize("text", ["At the fair I met {} from Acme.",
                                  "Then {} said the queue was long.",
                                  "The booth was quiet, so {} showed me the demo.",
                                  "I met Dr. {} at the booth.", "Ms {} runs the booth.",
                                  "It was busy. {} said the queue was long."])
def test_the_word_written_as_a_name_is_refused(tmp_path: Path, name: str, text: str) -> None:
    """The filter refuses it, at its line."""
    root = write_site(tmp_path / "s", _fair(name, text.format(name) + "\n"), CONFIG)
    result = build(root, out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(d.code == "name-without-consent" and d.path == "content/pages/about.md"
               for d in result.diagnostics), _said(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", WORD_NAMES)
def test_the_audit_alone_finds_the_word_written_as_a_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """With the filter off, the audit finds it in the page and in Pagefind's files."""
    from ivsite.audience import stage as audience
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    root = write_site(tmp_path / "s", _fair(name, f"At the fair I met {name} from Acme.\n"),
                      CONFIG)
    result = build(root, out=tmp_path / "out")
    assert result.status == 1, _said(result)
    found = {h.output for h in result.hits if h.secret.kind == "unconsented name"}
    assert "about/index.html" in found, _said(result)
    assert any(o.startswith("pagefind/fragment/") for o in found), found


def _page_found(said: str) -> bool:
    return bool(people.matcher_of([("unconsented name", "Page", 1)]).find_in(searchable(said)))


@pytest.mark.parametrize("text", ["I met Dr. Page at the booth.", "Ms Page runs the booth."])
def test_a_title_before_the_word_makes_it_a_name(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A title's dot ends no sentence, and a title opens none: "Dr. Page" is a name."""
    assert _page_found(text)
    monkeypatch.setattr(wordpairs, "_TITLED", re.compile("(?!)"))
    assert not _page_found(text)


@pytest.mark.parametrize("text", ["Page said the queue was long.", "Busy. Page told me so."])
def test_a_verb_of_saying_after_the_word_makes_it_a_name(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a sentence opens, the word is a name when it says or tells."""
    assert _page_found(text)
    assert not _page_found("Page not found. Page 2 of 3.")
    monkeypatch.setattr(wordpairs, "_REPORTS", re.compile("(?!)"))
    assert not _page_found(text)


def test_without_the_everyday_rule_ordinary_prose_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "everyday_alone", lambda seqs: (tuple(seqs), ()))
    result = build(write_site(tmp_path / "s", _fair("Will"), CONFIG), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "name-without-consent" for d in result.diagnostics), _said(result)


@pytest.mark.parametrize("name", ["Mark", "Page"])
def test_without_knowing_its_own_files_the_audit_refuses_the_theme(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(auditsearch, "everyday", lambda secrets, seen: [])
    result = build(write_site(tmp_path / "s", _fair(name), CONFIG), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.output.startswith("static/") for h in result.hits), _said(result)


def _theme_static() -> dict[str, bytes]:
    static = builtin_theme_dir() / "static"
    return {p.name: p.read_bytes() for p in static.iterdir() if p.is_file()}


def test_an_authors_style_sheet_is_still_read_for_the_word() -> None:
    """Only ivsite's own files, byte for byte, are not read for it: the same word in
    a style sheet of the author's content, or in a page, is a hit."""
    theme = _theme_static()
    assert b"mark" in theme["style.css"]
    secret = Secret("unconsented name", "Mark", "content/" + FAIR, 5)
    files: list[tuple[str, bytes | object]] = [
        ("static/style.css", theme["style.css"]),
        ("static/search.js", theme["search.js"]),
        ("files/notes.css", b"/* colours Mark liked */ mark { color: red }"),
        ("about/index.html", b"<html><body><p>I met Mark there.</p></body></html>"),
        ("other/index.html", b"<html><body><p>Mark my words.</p></body></html>"),
    ]
    found = audit_files(files, [secret], "", [],  # type: ignore[arg-type]
                        scripts=OwnScripts.of(theme))
    assert {h.output for h in found.hits} == {"files/notes.css", "about/index.html"}, \
        [h.text() for h in found.hits]
    # Without the theme's files known, its style sheet is refused too.
    refused = audit_files(files, [secret], "", [],  # type: ignore[arg-type]
                          scripts=OwnScripts(OwnScripts.of(theme).digests))
    assert "static/style.css" in {h.output for h in refused.hits}


def test_the_own_files_are_part_of_the_audits_key() -> None:
    theme = _theme_static()
    a = OwnScripts.of(theme)
    b = OwnScripts(a.digests)
    assert a.key() != b.key()
    assert hashlib.sha256(theme["style.css"]).hexdigest() in a.files


@pytest.mark.parametrize("name", WORD_NAMES)
def test_the_interviews_own_address_still_names_them(tmp_path: Path, name: str) -> None:
    """An address has no capitals: the word in the slug of a note about them counts."""
    assert slug_names(f"coffee-with-{name.lower()}", name)
    assert not slug_names("2026-03-18-career-fair", name)
    root = write_site(tmp_path / "s", _fair(name, visibility="public",
                                            slug=f"coffee-with-{name.lower()}"), CONFIG)
    result = build(root, out=tmp_path / "out")
    assert any(d.code == "slug-names-person" for d in result.diagnostics), _said(result)


def _lunch(root: Path, name: str) -> Path:
    """A public page whose address, and only that, says the word: no capitals there."""
    site = _fair(name, "Notes from a long lunch.\n")
    site[f"pages/lunch-with-{name.lower()}.md"] = site.pop("pages/about.md")
    return write_site(root, site, CONFIG)


@pytest.mark.parametrize("name", WORD_NAMES)
def test_another_pages_address_still_names_them(tmp_path: Path, name: str) -> None:
    result = build(_lunch(tmp_path / "s", name), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "name-without-consent" and "address" in d.message
               for d in result.diagnostics), _said(result)


def test_the_audit_alone_finds_the_word_in_an_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.audience import namecheck
    monkeypatch.setattr(namecheck, "everyday_words", lambda name: ())
    result = build(_lunch(tmp_path / "s", "Mark"), out=tmp_path / "out")
    assert result.status == 1
    assert not any(d.code == "name-without-consent" for d in result.diagnostics)
    assert any(h.output == "lunch-with-mark/index.html" for h in result.hits), _said(result)
    # With the audit's reading of addresses off too, it is published.
    made = auditsearch.Search.__init__

    def no_addresses(self: auditsearch.Search, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        self.addressed = Matcher([])

    monkeypatch.setattr(auditsearch.Search, "__init__", no_addresses)
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})
    result = build(_lunch(tmp_path / "t", "Mark"), out=tmp_path / "out2")
    assert result.status == 0, _said(result)
    assert (tmp_path / "out2/lunch-with-mark/index.html").exists()


# --------------------------------------------------------------------------- R13-09


def _osei(root: Path, visibility: str, extra: dict[str, object] | None = None) -> Path:
    shutil.copytree(REPRODUCERS / "R13-09/site", root)
    again = root / "content/interviews/2026-05-02-fernleaf-again.md"
    again.write_text(again.read_text().replace("visibility: private",
                                               f"visibility: {visibility}"))
    if extra:
        write_site(root, extra, CONFIG)  # type: ignore[arg-type]
    return root


@pytest.mark.parametrize("visibility", ["private", "mentor"])
@pytest.mark.parametrize("audience", ["public", "mentor"])
def test_a_consenting_persons_withheld_follow_up_builds(
        tmp_path: Path, visibility: str, audience: str) -> None:
    result = build(_osei(tmp_path / "s", visibility), audience=audience,  # type: ignore[arg-type]
                   out=tmp_path / "out")
    assert result.status == 0, _said(result)


def test_without_consent_across_notes_pagefind_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditsecrets, "_named", lambda site, sees: set())
    result = build(_osei(tmp_path / "s", "private"), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.secret.kind == "withheld person" and h.output.startswith("pagefind/")
               for h in result.hits), _said(result)


def _fragment(content: str) -> bytes:
    page = {"url": "/interviews/2026-03-18-fernleaf/", "content": content, "word_count": 20,
            "filters": {}, "meta": {"title": "Conversation with Daniel Osei"}, "anchors": []}
    return gzip.compress(b"pagefind_dcd" + json.dumps(page).encode())


def test_the_follow_ups_private_text_in_pagefind_is_found(tmp_path: Path) -> None:
    root = _osei(tmp_path / "s", "private")
    out = tmp_path / "out"
    assert build(root, out=out).status == 0
    (out / "pagefind/fragment/en_extra.pf_fragment").write_bytes(_fragment(
        "Conversation with Daniel Osei. Daniel Osei. A second coffee, about things "
        "I keep to myself for now."))
    result = audit_dir(root, out, "public")
    hits = {(h.output, h.secret.kind, h.secret.source) for h in result.hits}
    assert ("pagefind/fragment/en_extra.pf_fragment", "withheld note",
            "content/interviews/2026-05-02-fernleaf-again.md") in hits, hits
    assert not any(kind == "withheld person" for _, kind, _ in hits), hits


def test_an_unconsented_person_sharing_his_family_name_is_found(tmp_path: Path) -> None:
    """Amara Osei did not agree: her name is found in Pagefind's files and refused
    on a page, whatever words it shares with Daniel Osei, who did."""
    amara = ({"visibility": "private", "date": "2026-06-01",
              "person": {"name": "Amara Osei", "company": "Fernleaf Software"},
              "consent": {"publish_name": False}}, "Notes.\n")
    root = _osei(tmp_path / "s", "private", {"interviews/2026-06-01-amara.md": amara})
    out = tmp_path / "out"
    assert build(root, out=out).status == 0
    (out / "pagefind/fragment/en_extra.pf_fragment").write_bytes(_fragment(
        "Conversation with Daniel Osei. Daniel Osei. I also met Amara Osei there."))
    result = audit_dir(root, out, "public")
    assert any(h.output == "pagefind/fragment/en_extra.pf_fragment"
               and h.secret.kind in ("unconsented name", "withheld person")
               and h.secret.text == "Amara Osei" for h in result.hits), \
        [h.text() for h in result.hits]
    page = {"pages/team.md": ({"title": "Team"}, "Daniel Osei and Amara Osei run it.\n")}
    refused = build(_osei(tmp_path / "t", "private", {**page,
                                                       "interviews/2026-06-01-amara.md": amara}),
                    out=tmp_path / "out2")
    assert refused.status == 1
    assert any(d.code == "name-without-consent" and "Amara Osei" in d.message
               for d in refused.diagnostics), _said(refused)
