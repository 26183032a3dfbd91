"""Red team 15 (docs/redteam/2026-12-02-fifteenth.md), names.

R15-03: a short form of the given name with the family name was found only as
"Rob Quinlan" (short form first, both capitalised), and only for the short forms
the ``nicknames`` table lists. Each other form of a given or middle name is now a
given-name variant that goes through the name's own form builder
(ivsite.names.givenforms), with short forms from the union of the tables
(ivsite.names.nicknamed); one that is an everyday word counts apart only
capitalised.

R15-06: a mark touching a word of the name ("Robert[1] Quinlan") or a lone number
between its words ("Robert 1 Quinlan") hid the whole name; both are read as a
space now (ivsite.text.asciireadings), by the filter and the audit alike.

Each leak class: the filter refuses it, the audit alone refuses it, and with the
protection switched off the build publishes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    OutputCorpus,
    assert_filter_refuses,
    assert_filter_refuses_all,
    audit_refusals,
    day,
    write_site,
)

from ivsite.names import gapforms, givenforms, nicknamed
from ivsite.names.people import matcher_of
from ivsite.pipeline import Result, build
from ivsite.text import asciireadings

CONFIG = {"title": "Career notes", "author": "Ana Silva",
          "base_url": "https://ana.example.org/"}
NAMES = {"rq": "Robert Quinlan", "km": "Katherine Morrow", "rjq": "Robert James Quinlan"}


def _talk(name: str, visibility: str = "private",
          body: str = "We talked about dashboards.\n") -> tuple[dict[str, Any], str]:
    return ({"date": day("2026-03-01"), "visibility": visibility,
             "person": {"name": name, "company": "Zenthor"}, "alias": "a data analyst",
             "consent": {"publish_name": False}}, body)


def _site(root: Path, lines: dict[str, str], name: str = "") -> Path:
    """The private interviews (with ``name``'s alone where given) and one public
    page per line, ``content/pages/<key>.md``."""
    people = {k: v for k, v in NAMES.items() if not name or v == name}
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        **{f"interviews/2026-03-01-{k}.md": _talk(v) for k, v in people.items()},
        **{f"pages/{k}.md": ({"title": "Notes"}, f"From my notebook: {line}\n")
           for k, line in lines.items()}}, CONFIG)


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


# --------------------------------------------------------------------------- R15-03

SHORT_FORMS = {
    "comma": ("Robert Quinlan", "Quinlan, Rob said dashboards rot."),
    "family-first": ("Robert Quinlan", "Quinlan Rob (Zenthor) said dashboards rot."),
    "initial": ("Robert Quinlan", "Rob Q. from Zenthor said dashboards rot."),
    "handle": ("Robert Quinlan", "I follow @rob.quinlan for SQL tips."),
    "mailbox": ("Robert Quinlan", "Write to rob.quinlan@gmail.com for the deck."),
    "profile": ("Robert Quinlan", "instagram.com/rob_quinlan has the photos."),
    "hyphen": ("Robert Quinlan", "Rob-Quinlan said dashboards rot."),
    "robbie": ("Robert Quinlan", "Robbie Quinlan said dashboards rot."),
    "robbie-lower": ("Robert Quinlan", "chatted with robbie quinlan today."),
    "katie": ("Katherine Morrow", "Katie Morrow said dashboards rot."),
    "kat": ("Katherine Morrow", "Kat Morrow said dashboards rot."),
    "kitty": ("Katherine Morrow", "Kitty Morrow said dashboards rot."),
    "jim": ("Robert James Quinlan", "Jim Quinlan said dashboards rot."),
    "jamie": ("Robert James Quinlan", "Quinlan, Jamie said dashboards rot."),
}
SOURCES = {name: f"content/interviews/2026-03-01-{k}.md" for k, name in NAMES.items()}


def test_the_filter_refuses_each_short_form(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", {k: line for k, (_, line) in SHORT_FORMS.items()})
    assert_filter_refuses_all(site, tmp_path / "out",
                              {f"content/pages/{k}.md" for k in SHORT_FORMS})


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("name", sorted(set(NAMES.values())))
def test_the_audit_alone_refuses_each_short_form(tmp_path: Path, name: str) -> None:
    lines = {k: line for k, (n, line) in SHORT_FORMS.items() if n == name}
    hits = audit_refusals(_site(tmp_path / "s", lines, name), tmp_path / "out")
    for k in lines:
        assert any(out.startswith(f"{k}/") and src == SOURCES[name] for out, src in hits), \
            (k, sorted(hits))


@pytest.mark.usefixtures("no_filter")
def test_switched_off_the_short_forms_are_published(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(givenforms, "GIVEN_VARIANTS", False)
    lines = {k: line for k, (_, line) in SHORT_FORMS.items()}
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", lines), out=out)
    assert result.status == 0, _said(result)
    corpus = OutputCorpus(out)
    for line in lines.values():
        assert corpus.find(line.split(" said")[0].split(" for")[0]) != [], line


OWN = {"walked": "Robbie walked me through his dashboards.\n",
       "katie": "Then Katie showed me the team's roadmap.\n"}


@pytest.mark.parametrize(("name", "body"), [("Robert Quinlan", OWN["walked"]),
                                            ("Katherine Morrow", OWN["katie"])])
def test_a_short_form_alone_in_the_persons_own_note_is_refused(
        tmp_path: Path, name: str, body: str) -> None:
    site = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       "interviews/2026-03-01-zenthor.md":
                                       _talk(name, "public", body)}, CONFIG)
    assert_filter_refuses(site, tmp_path / "out", "content/interviews/2026-03-01-zenthor.md")


def test_a_short_form_in_the_file_name_is_refused(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       "interviews/2026-03-01-robbie.md":
                                       _talk("Robert Quinlan", "public")}, CONFIG)
    assert_filter_refuses(site, tmp_path / "out", "content/interviews/2026-03-01-robbie.md",
                          "slug-names-person")


def test_switched_off_a_short_form_alone_is_published(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nicknamed, "SHORT_FORMS_ALONE", False)
    site = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       "interviews/2026-03-01-robbie.md":
                                       _talk("Robert Quinlan", "public", OWN["walked"])}, CONFIG)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert OutputCorpus(tmp_path / "out").find("Robbie walked me") != []


PROSE = [
    ("Robert Quinlan", "They rob Quinlan's team of an afternoon; the bill Quinlan sent was small."),
    ("Robert Quinlan", "Quinlan left early. Quinlan one day, Quinlan the next."),
    ("William Park", "I will park the car; bill park fees monthly."),
    ("Katherine Morrow", "The office kitty Morrow mentioned is empty."),
    ("Christopher Stone", "A first-aid kit stone cold in the van."),
    ("Adelaide Monte", "We ate at the villa del Monte."),  # "Del" is a particle too
]


@pytest.mark.parametrize(("name", "text"), PROSE)
def test_everyday_short_forms_in_prose_name_no_one(name: str, text: str) -> None:
    assert matcher_of([("unconsented name", name, 1)]).find(text) == [], text


def test_prose_with_everyday_short_forms_builds(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        **{f"interviews/2026-03-01-p{i}.md": _talk(n) for i, (n, _) in enumerate(PROSE)},
        **{f"pages/p{i}.md": ({"title": "Notes"}, t + "\n") for i, (_, t) in enumerate(PROSE)}},
        CONFIG)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)


FULL_NAMES = sorted(nicknamed.DIMINUTIVES)
FAMILIES = ["Quinlan", "Zabrowski", "Morrow", "Halvorsen"]
APART = ["{S} {F}", "{F}, {S}", "{F} {S}", "{S}-{F}", "{S} {I}."]
JOINED = ["{s}.{f}@gmail.com", "@{s}_{f}", "instagram.com/{s}.{f}", "{s}{f}", "{s}-{f}"]


@st.composite
def _short_forms(draw: st.DrawFn) -> tuple[str, str, str]:
    full = draw(st.sampled_from(FULL_NAMES))
    short = draw(st.sampled_from(sorted(nicknamed.short_forms(full))))
    return full, short, draw(st.sampled_from(FAMILIES))


@settings(max_examples=150, deadline=None)
@given(_short_forms(), st.sampled_from(APART + JOINED))
def test_every_short_form_is_found_in_every_form(
        found: tuple[str, str, str], form: str) -> None:
    """Any short form of the tables, with the family name as the given name is
    written: apart and capitalised, or joined as a handle in small letters."""
    full, short, family = found
    text = "Notes: " + form.format(S=short.capitalize(), F=family, I=family[0],
                                   s=short, f=family.lower()) + " and the rest."
    matcher = matcher_of([("unconsented name", f"{full.capitalize()} {family}", 1)])
    assert matcher.find(text) == [1], text


@settings(max_examples=80, deadline=None)
@given(_short_forms())
def test_a_short_form_that_is_a_word_is_not_found_in_small_letters(
        found: tuple[str, str, str]) -> None:
    full, short, family = found
    if not givenforms.capitals_only(short):
        return
    matcher = matcher_of([("unconsented name", f"{full.capitalize()} {family}", 1)])
    assert matcher.find(f"then {short} {family.lower()} said") == [], short


# --------------------------------------------------------------------------- R15-06

MARKS = {
    "square": "Robert[1] Quinlan runs the Zenthor dashboards.",
    "letter": "Robert[a] Quinlan runs the Zenthor dashboards.",
    "round": "Robert(1) Quinlan runs the Zenthor dashboards.",
    "curly": "Robert{1} Quinlan runs the Zenthor dashboards.",
    "footnote": "Robert[^a] Quinlan runs the Zenthor dashboards.",
    "number": "Robert 1 Quinlan runs the Zenthor dashboards.",
    "touching": "Robert[Bob]Quinlan runs the Zenthor dashboards.",
    "family-first": "Quinlan[2], Robert runs the Zenthor dashboards.",
}


def _marks_site(root: Path) -> Path:
    return _site(root, {f"m-{k}": line for k, line in MARKS.items()}, "Robert Quinlan")


def test_the_filter_refuses_a_touching_mark(tmp_path: Path) -> None:
    assert_filter_refuses_all(_marks_site(tmp_path / "s"), tmp_path / "out",
                              {f"content/pages/m-{k}.md" for k in MARKS})


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_touching_mark(tmp_path: Path) -> None:
    hits = audit_refusals(_marks_site(tmp_path / "s"), tmp_path / "out")
    for k in MARKS:
        assert any(out.startswith(f"m-{k}/") and src == SOURCES["Robert Quinlan"]
                   for out, src in hits), (k, sorted(hits))


@pytest.mark.usefixtures("no_filter")
def test_switched_off_a_touching_mark_is_published(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(asciireadings, "_EACH", asciireadings._EACH[:-2])
    # "Bob" of "Robert[Bob]Quinlan" is a short form: "Bob]Quinlan" is Bob Quinlan too.
    monkeypatch.setattr(givenforms, "GIVEN_VARIANTS", False)
    # "Robert[a] Quinlan", "Robert 1 Quinlan": a mark or letter read past (R18-04).
    monkeypatch.setattr(gapforms, "GAP_FORMS", False)
    out = tmp_path / "out"
    result = build(_marks_site(tmp_path / "s"), out=out)
    assert result.status == 0, _said(result)
    corpus = OutputCorpus(out)
    for line in MARKS.values():
        assert corpus.find(line.split(" runs")[0]) != [], line


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["()", "[]", "{}"]),
       st.text("0123456789abcxyz^*†", min_size=1, max_size=6),
       st.sampled_from(["{g}{m} {f}", "{g}{m}{f}", "{g} {m}{f}", "{f}{m}, {g}"]))
def test_any_short_mark_between_the_words_is_skipped(brackets: str, inside: str,
                                                     form: str) -> None:
    text = "Thanks to " + form.format(g="Robert", f="Quinlan",
                                      m=brackets[0] + inside + brackets[1]) + " for this."
    assert matcher_of([("unconsented name", "Robert Quinlan", 1)]).find(text) == [1], text


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 999), st.sampled_from(["Robert {n} Quinlan", "QUINLAN {n} ROBERT"]))
def test_a_lone_number_between_the_words_is_skipped(n: int, form: str) -> None:
    text = "Thanks to " + form.format(n=n) + " for this."
    assert matcher_of([("unconsented name", "Robert Quinlan", 1)]).find(text) == [1], text


@pytest.mark.parametrize("text", [
    "Robert(s) and Quinlan's dashboards", "Ask robert 1 quinlan-style question",
    "In 2026, 1999 and 1 Quinlan", "call(x) Quinlan", "Robert 1234 Quinlan",
])
def test_marks_that_are_not_between_the_names_words_are_no_name(text: str) -> None:
    assert matcher_of([("unconsented name", "Robert Quinlan", 1)]).find(text) == [], text
