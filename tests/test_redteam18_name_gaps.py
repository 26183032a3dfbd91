"""Red team 18, R18-04 and R18-08: a declined full name with something between its
given and family name that a reader reads past (a nickname of several words in
quotes, a letter, a particle the record lacks, a given name in small letters, the
marks of a markup or a diagram around each name), or with its given name shortened
with a dot ("Qu.", "Quen.", "Wm.", "Chas.", "Thos."), was published with exit 0.
These are forms of the name now (ivsite.names.gapforms), which the filter and the
audit both look for.

Each part: the filter refuses it, the audit alone refuses it, and with the forms
switched off the build publishes it. Prose with the two names apart, everyday
abbreviations before a capitalised word and a consented person's name still build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import OutputCorpus, assert_filter_refuses_all, audit_refusals, day, write_site

from ivsite.names import gapforms
from ivsite.names.people import matcher_of
from ivsite.pipeline import Result, build

CONFIG = {"title": "Career notes", "author": "Ana Silva",
          "base_url": "https://ana.example.org/"}

FORMS = {  # key: (declined name, a public page's text, what of it the output shows)
    "quoted-two-words": ("Quentin Zabrowski", 'I met Quentin "the Z" Zabrowski.',
                         "Quentin the Z Zabrowski"),
    "small-letter": ("Quentin Zabrowski", "I met Quentin v Zabrowski.", "Quentin v Zabrowski"),
    "small-given-name": ("Quentin Zabrowski", "I met Quentin jay Zabrowski.",
                         "Quentin jay Zabrowski"),
    "particle-von": ("Quentin Zabrowski", "I met Quentin von Zabrowski.",
                     "Quentin von Zabrowski"),
    "particle-van": ("Anneke Berg", "I met Anneke van Berg.", "Anneke van Berg"),
    "particles-de-la": ("Maria Lindqvist", "I met Maria de la Lindqvist.",
                        "Maria de la Lindqvist"),
    "collab-x": ("Quentin Zabrowski", "A Quentin x Zabrowski collab.", "Quentin x Zabrowski"),
    "slashed": ("Quentin Zabrowski", "I met Quentin /B/ Zabrowski.", "Quentin B Zabrowski"),
    "glued-brackets": ("Quentin Zabrowski", "x[Quentin] y[Zabrowski]", "Quentin y Zabrowski"),
    "mermaid": ("Quentin Zabrowski", "```mermaid\ngraph LR\nA[Quentin] --> B[Zabrowski]\n```",
                "Quentin B Zabrowski"),
    "prefix-two": ("Quentin Zabrowski", "I met Qu. Zabrowski.", "Qu Zabrowski"),
    "prefix-four": ("Quentin Zabrowski", "I met Quen. Zabrowski.", "Quen Zabrowski"),
    "wm": ("William Whitlock", "I met Wm. Whitlock.", "Wm Whitlock"),
    "wm-short-form": ("Bill Whitlock", "Thanks to Wm. Whitlock.", "Wm Whitlock"),
    "chas": ("Charles Whitlock", "I met Chas. Whitlock.", "Chas Whitlock"),
    "thos": ("Thomas Whitlock", "I met Thos. Whitlock.", "Thos Whitlock"),
    "jas": ("James Whitlock", "Signed, Jas. Whitlock", "Jas Whitlock"),
    "robt": ("Robert Whitlock", "Robt. Whitlock wrote back.", "Robt Whitlock"),
}
NAMES = sorted({name for name, _, _ in FORMS.values()})
KEYS = {name: f"p{i}" for i, name in enumerate(NAMES)}


def _talk(name: str) -> tuple[dict[str, Any], str]:
    return ({"visibility": "private", "date": day("2026-03-01"),
             "person": {"name": name, "company": "Zenthor"},
             "alias": "a designer at an agency", "consent": {"publish_name": False},
             "status": "done"}, "x\n")


def _site(root: Path, cases: dict[str, tuple[str, str, str]]) -> Path:
    names = {name for name, _, _ in cases.values()}
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        **{f"interviews/2026-03-01-{KEYS[n]}.md": _talk(n) for n in names},
        **{f"pages/{k}.md": ({"title": "Thoughts"}, f"{text}\n")
           for k, (_, text, _) in cases.items()}}, CONFIG)


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


def test_the_filter_refuses_each_form(tmp_path: Path) -> None:
    assert_filter_refuses_all(_site(tmp_path / "s", FORMS), tmp_path / "out",
                              {f"content/pages/{k}.md" for k in FORMS})


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_each_form(tmp_path: Path) -> None:
    hits = audit_refusals(_site(tmp_path / "s", FORMS), tmp_path / "out")
    for k, (name, _, _) in FORMS.items():
        source = f"content/interviews/2026-03-01-{KEYS[name]}.md"
        assert any(out.startswith(f"{k}/") and src == source for out, src in hits), \
            (k, sorted(hits))


@pytest.mark.usefixtures("no_filter")
def test_switched_off_the_forms_are_published(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gapforms, "GAP_FORMS", False)
    result = build(_site(tmp_path / "s", FORMS), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    corpus = OutputCorpus(tmp_path / "out")
    for _, _, shown in FORMS.values():
        assert corpus.find(shown) != [], shown


@pytest.mark.parametrize("text", [
    "Quentin met Zabrowski later.",  # a verb between: two words, no name
    "Quentin and Zabrowski both spoke.",
    "Quentin, Robert, Zabrowski",  # a list
    '"Quentin" and "Zabrowski" are two of the code names.',
    "quentin v zabrowski",  # no capitals
    "Quentin\nv Zabrowski",  # a line's end between
    "I asked Quentin (twice) whether he knew the Zabrowski Gallery owner.",
])
def test_the_two_names_apart_are_no_name(text: str) -> None:
    assert matcher_of([("unconsented name", "Quentin Zabrowski", 1)]).find(text) == [], text


@pytest.mark.parametrize(("name", "text"), [
    ("Stephen James", "We met at St. James church."),
    ("Maria Hood", "We climbed Mt. Hood in March."),
    ("Alice Park", "See Smith et al. Park benches are discussed there."),
    ("Will Park", "You will a park? No."),
    ("Mark Hall", "We mark a hall as booked."),
    ("Ann Park", "Park a car near Ann's van in the park."),
    ("Quentin Zabrowski", "The queen. Zabrowski was not there."),  # no capital
])
def test_everyday_words_with_a_dot_or_between_are_no_name(name: str, text: str) -> None:
    assert matcher_of([("unconsented name", name, 1)]).find(text) == [], text


def test_ordinary_notes_with_a_consented_person_build(tmp_path: Path) -> None:
    """A consented person named with a nickname in quotes and a particle, and the
    declined person's given and family names apart in prose, build."""
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-p0.md": _talk("Quentin Zabrowski"),
        "interviews/2026-03-02-ok.md": (
            {"visibility": "public", "date": day("2026-03-02"),
             "person": {"name": "Anneke Berg", "company": "Zenthor"},
             "consent": {"publish_name": True}, "status": "done"},
            'Anneke "the planner" Berg, also written Anneke van Berg, talked about roadmaps.\n'),
        "pages/notes.md": ({"title": "Notes"},
                           "Quentin met the Zabrowski Gallery team. We went to St. James "
                           "church on Jan. 5 and climbed Mt. Hood; Dr. West came too.\n"),
    }, CONFIG)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert OutputCorpus(tmp_path / "out").find("Anneke van Berg") != []


def test_the_mentor_view_refuses_them_too(tmp_path: Path) -> None:
    """A mentor's page is as public to the mentor as any other (the red team's probe
    published "Quentin von Zabrowski" and "Quen. Zabrowski" there)."""
    cases = {k: FORMS[k] for k in ("particle-von", "prefix-four")}
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-p0.md": _talk("Quentin Zabrowski"),
        **{f"reflections/2026-03-05-{k}.md": (
            {"title": "Thoughts", "date": day("2026-03-05"), "visibility": "mentor"}, f"{text}\n")
           for k, (_, text, _) in cases.items()}}, CONFIG)
    result = build(site, audience="mentor", out=tmp_path / "out")
    assert result.status == 1, _said(result)
    refused = {d.path for d in result.diagnostics if d.code == "name-without-consent"}
    assert refused >= {f"content/reflections/2026-03-05-{k}.md" for k in cases}, _said(result)
