"""Red team 15 (docs/redteam/2026-12-02-fifteenth.md), privacy markers.

R15-01 (leak): a privacy marker where the marker reader did not look was ignored
and the text it marks published: a code fence's info string (```` ```private ````,
``~~~ do-not-publish``, ```` ```{.private} ````, ```` ```mentor ````, ```` ```text
private ````), a lead-in set off as a code span, an inline element or capitals
(`` `PRIVATE` … ``, ``<mark>private</mark> …``, ``**PRIVATE** …``), and an HTML
attribute's name (``<div data-private>``, ``data-draft="true"``). Now the filter
refuses each (``privacy-markup`` for a fence or an attribute,
ivsite.switches.blockwords; ``privacy-label`` for a lead-in,
ivsite.validate.setoffleads), and the audit, by its own reading of the source
(ivsite.audit.markedblocks), looks for the marked block's text as withheld.
Ordinary code blocks, a language keyword in a code span and emphasis that runs on
in prose still build.

R15-07 (false refusal): "- Private: 12 conversations / - Public: 4" compares
sectors; a "Private:" label beside a sector's label in the same list or paragraph
builds, a lone one (or "Secret:" beside "Public:") is still refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pygments.lexers import get_all_lexers
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    body_errors,
    write_site,
)

from ivsite.audit import secrets
from ivsite.pipeline import build
from ivsite.switches import markerwords
from ivsite.switches.blockwords import attribute_marker, info_marker
from ivsite.validate import bodymarkers, bodyprivacy

CANARY = "Kestrel marmalade quota halved for Q3, says the CFO."
PAGE = "pages/notes.md"
SOURCE = f"content/{PAGE}"
CONFIG = {"title": "Career notes", "author": "Ana Silva",
          "base_url": "https://ana.example.org/"}


def _site(root: Path, body: str, visibility: str = "public") -> Path:
    front = {"title": "Budget notes", "visibility": visibility}
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             PAGE: (front, f"What I learned.\n\n{body}\n\nMore words.\n")},
                      CONFIG)


FENCES = {
    "private": f"```private\n{CANARY}\n```",
    "do-not-publish": f"~~~ do-not-publish\n{CANARY}\n~~~",
    "pandoc-class": f"```{{.private}}\n{CANARY}\n```",
    "mentor": f"```mentor\n{CANARY}\n```",
    "second-word": f"```text private\n{CANARY}\n```",
    "phrase": f"~~~ off the record\n{CANARY}\n~~~",
    "comment": f"```comment\n{CANARY}\n```",
    "id": f"```{{#confidential-notes .text}}\n{CANARY}\n```",
    "key": f"```{{visibility=private}}\n{CANARY}\n```",
}
ATTRIBUTES = {
    "data-private": f"<div data-private>\n\n{CANARY}\n\n</div>",
    "data-draft": f'<div data-draft="true">\n\n{CANARY}\n\n</div>',
    "bare-name": f"<section confidential>\n\n{CANARY}\n\n</section>",
    "inline": f"We met. <span data-do-not-publish>{CANARY}</span>",
    "lang": f'<div lang="private">\n\n{CANARY}\n\n</div>',
    "data-value": f'<p data-kind="off-the-record">{CANARY}</p>',
}
LEADS = {
    "code-span": f"`PRIVATE` {CANARY}",
    "mark": f"<mark>private</mark> {CANARY}",
    "small": f"<small>Off the record</small> {CANARY}",
    "code-colon": f"`private`: {CANARY}",
    "shouted": f"**CONFIDENTIAL** {CANARY}",
    "list-item": f"- `SECRET` {CANARY}",
}
CASES = {**{f"fence-{k}": (v, "privacy-markup") for k, v in FENCES.items()},
         **{f"attr-{k}": (v, "privacy-markup") for k, v in ATTRIBUTES.items()},
         **{f"lead-{k}": (v, "privacy-label") for k, v in LEADS.items()}}


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's reading of fence info strings, attribute names and set-off
    lead-ins switched off."""
    monkeypatch.setattr(bodyprivacy, "info_marker", lambda info: None)
    monkeypatch.setattr(bodyprivacy, "attribute_marker", lambda name, value: None)
    monkeypatch.setattr(bodymarkers, "set_off_labels", lambda children: iter(()))


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses_a_marker_where_none_was_read(tmp_path: Path, case: str) -> None:
    body, code = CASES[case]
    assert_filter_refuses(_site(tmp_path / "s", body), tmp_path / "out", SOURCE, code)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    case: str) -> None:
    _filter_off(monkeypatch)
    assert_audit_refuses(_site(tmp_path / "s", CASES[case][0]), tmp_path / "out", SOURCE)


@pytest.mark.parametrize("case", sorted(CASES))
def test_with_both_off_the_text_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             case: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(secrets, "marked_secrets", lambda note, sees: [])
    monkeypatch.setattr(secrets, "unseen_lines", lambda note, sees: set())
    assert_published(_site(tmp_path / "s", CASES[case][0]), tmp_path / "out", CANARY)


HONEST = {
    "python": f"```python\nprint('{CANARY}')\n```",
    "text": f"```text\n{CANARY}\n```",
    "mermaid": "```mermaid\ngraph TD; Offer-->Accept\n```",
    "title": f'```python title="private.py"\n# {CANARY}\n```',
    "pandoc": f"```{{.python .numberLines}}\n# {CANARY}\n```",
    "keyword": "`private` members are visible only inside the class.",
    "versus": "`private` vs `protected` came up in the interview.",
    "abbreviation": "`NDA` signed before the on-site day.",
    "emphasis": "**Private** equity was the sector I asked about. <b>Private</b> equity again.",
    "shouted-abbreviation": "**NDA** signed with them.",
    "aria": '<span aria-hidden="true">★</span> Five stars from me.',
    "said-no": f'<div data-draft="false">\n\n{CANARY}\n\n</div>',
    "sectors-list": "- Private: 12 conversations\n- Public: 4 conversations\n"
                    "- Non-profit: 2 conversations",
    "sectors-bold": "**Private:** 12 conversations; **public:** 4; **non-profit:** 2.",
    "sectors-prose": "Private: higher pay, less security. Public: lower pay, a pension.",
    "sectors-loose": "- Private: 12 conversations\n\n- Government: 3 conversations",
    "sectors-code": "- `PRIVATE` 12 conversations\n- `PUBLIC` 4 conversations",
    "sectors-mark": "<mark>Private</mark> 12 talks. <mark>Public</mark> 4 talks.",
}


def test_honest_text_builds(tmp_path: Path) -> None:
    """One site holds every honest case (each its own page): none is refused, by the
    filter or the audit."""
    pages = {f"pages/h-{k}.md": ({"title": f"Notes {k}"}, f"Intro.\n\n{v}\n")
             for k, v in HONEST.items()}
    site = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Hi.\n"), **pages},
                      CONFIG)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + [
        h.text() for h in result.hits]


@pytest.mark.parametrize("case", sorted(FENCES))
def test_a_marked_fence_in_a_private_note_is_fine(tmp_path: Path, case: str) -> None:
    result = build(_site(tmp_path / "s", FENCES[case], "private"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_mentor_fence_where_the_mentor_reads_it_is_fine(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", FENCES["mentor"], "mentor"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    inside = f"::: mentor\n{FENCES['mentor']}\n:::"
    result = build(_site(tmp_path / "t", inside), out=tmp_path / "out2")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_no_language_name_is_a_privacy_word() -> None:
    """Every language Pygments knows, as a fence's info string, is ordinary code."""
    names = {a for name, aliases, *_ in get_all_lexers() for a in (name, *aliases)}
    assert [n for n in sorted(names) if info_marker(n) is not None] == []


WORDS = ["private", "secret", "confidential", "do-not-publish", "off-the-record", "draft",
         "hidden", "unpublished", "embargoed", "nda", "mentor", "comment", "Privat"]


@settings(max_examples=60, deadline=None)
@given(word=st.sampled_from(WORDS), lang=st.sampled_from(["", "text ", "python ", "{.x} "]),
       form=st.sampled_from(["{w}", "{{.{w}}}", "{{#{w}}}", "{w}-notes"]),
       upper=st.booleans())
def test_every_form_of_an_info_string_is_read(word: str, lang: str, form: str,
                                              upper: bool) -> None:
    said = form.format(w=word.upper() if upper else word)
    if said.endswith("-notes") and word == "comment":
        return  # "comment-notes" names no marker
    assert info_marker(lang + said) is not None, lang + said


@pytest.mark.parametrize(("name", "value", "marks"), [
    ("data-private", "", True), ("data-draft", "true", True), ("data-do-not-publish", "", True),
    ("x-secret", "1", True), ("data-mentor", "", True), ("data-draft", "false", False),
    ("aria-hidden", "true", False), ("hidden", "", False), ("data-privacy", "", False),
    ("data-secretary", "", False), ("data-visibility", "", False), ("class", "private", False),
    ("lang", "private", True), ("role", "Secret", True), ("data-kind", "draft", True),
    ("lang", "en", False), ("data-kind", "mentor", False), ("data-kind", "private equity", False)])
def test_an_attribute_name_is_read_as_words(name: str, value: str, marks: bool) -> None:
    assert (attribute_marker(name, value) is not None) is marks


@pytest.mark.parametrize("body", [
    "Private: 12 conversations so far.", "- Private: 12 conversations\n- Secret: 3",
    "Secret: higher pay. Public: a pension.", "**Private:** 12 conversations.",
    "- Private: 12 conversations\n- Pets: 4"])
def test_a_lone_private_label_is_still_refused(body: str) -> None:
    assert ("privacy-label", 3) in body_errors(f"Intro.\n\n{body}\n")


def test_without_the_comparison_rule_sectors_are_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodymarkers, "compared", lambda label, labels: False)
    for key in ("sectors-list", "sectors-bold", "sectors-prose"):
        assert any(code == "privacy-label" for code, _ in body_errors(HONEST[key])), key
    assert markerwords.compared("Private", ["Public"])


PIECES = [*FENCES.values(), *ATTRIBUTES.values(), *LEADS.values(), *HONEST.values(),
          "`Private` Sub Main()", "- `PRIVATE` 12 conversations\n\n- `GOVERNMENT` 4",
          "**DRAFT NOTES** for later.",
          "`INTERNAL ONLY` tools we used.", "```{#private-equity .text}\nfunds\n```",
          "<div data-hidden-on-mobile>\n\nA chart.\n\n</div>", "**PRIVATE EQUITY** firms.",
          "> `SECRET` in a quote", "1. <small>mentor only</small> ask about pay",
          "- [ ] `CONFIDENTIAL` follow up"]


@settings(max_examples=25, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=3),
       visibility=st.sampled_from(["public", "mentor"]))
def test_the_audit_never_refuses_what_the_filter_lets_through(
        tmp_path_factory: pytest.TempPathFactory, pieces: list[str], visibility: str) -> None:
    """The audit's reading is narrower than the filter's: a note the filter passes
    builds."""
    root = tmp_path_factory.mktemp("s")
    result = build(_site(root / "s", "\n\n".join(pieces), visibility), out=root / "out")
    if not any(d.severity == "error" for d in result.diagnostics if d.code != "audit"):
        assert result.status == 0, [h.text() for h in result.hits]
