"""Red team 10 (docs/redteam/2026-12-01-tenth.md): names the matcher did not look
for, each a class of names, through the one matcher both lines share
(ivsite.names.nameforms, ivsite.names.people):

* R10-04/05: a name an aside in the recorded name says the person goes by: a
  preferred given name in brackets or quotes ("Xiaoming (Kevin) Wang"), a
  former family name after née, geb., z d. ("Anna Kowalska (née Nowak)")
  (ivsite.names.asidenames);
* R10-07: the initials of a given name of two words ("JL Marchand");
  R10-17: any given name with a recorded initial ("Quentin Zabrowski" for
  "Q. Zabrowski") (ivsite.names.initialforms);
* R10-22: labels between the given and family name, in text and in code
  ("Quentin (last name Zabrowski)", ``first = 'Quentin' AND last =
  'Zabrowski'``) (ivsite.names.labelledforms);
* R10-08: a consented name that is a declined one written shorter ("Q
  Zabrowski" of Quentin Zabrowski) ties the notes into one person
  (ivsite.names.shortnames.initial_ties) and excuses no hit on the longer name
  (ivsite.names.identity.written_shorter).

Matcher cases are unit tests; one build shows the filter refuses every page, one
that the audit alone does, one that with the protections off the build publishes
them, and one that near misses build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    OutputCorpus,
    assert_filter_refuses_all,
    assert_published,
    audit_refusals,
    day,
    other_readings_off,
    write_site,
)

from ivsite.names import identity, labelledforms, nameforms, persons
from ivsite.names.asidenames import other_names
from ivsite.names.holding import holds_name
from ivsite.names.nameparts import plain_name
from ivsite.names.people import needle_of
from ivsite.names.shortnames import initial_ties
from ivsite.pipeline import build
from ivsite.text.textmatch import Matcher

KEVIN = "interviews/2026-03-01-one.md"
ANNA = "interviews/2026-03-02-two.md"
JL = "interviews/2026-03-03-three.md"
Q = "interviews/2026-03-04-four.md"
OSKAR = "interviews/2026-03-05-five.md"
NAMES = {KEVIN: "Xiaoming (Kevin) Wang", ANNA: "Anna Kowalska (née Nowak)",
         JL: "Jean-Luc Marchand", Q: "Q. Zabrowski", OSKAR: "Oskar Lindqvist"}

LEAKS = {  # page -> (text, whose interview)
    "kevin": ("This year I met Kevin Wang, who was generous with their time.", KEVIN),
    "anna": ("This year I met Anna Nowak, who was generous with their time.", ANNA),
    "jl": ("This year I met JL Marchand, who was generous with their time.", JL),
    "q": ("This year I met Quentin Zabrowski, who was generous with their time.", Q),
    "labelled": ("The designer I met, Oskar (last name Lindqvist), was generous.", OSKAR),
    "sql": ("```sql\nSELECT * FROM people WHERE first = 'Oskar' AND last = 'Lindqvist';\n```",
            OSKAR),
}
SHOWN = {"kevin": "Kevin Wang", "anna": "Anna Nowak", "jl": "JL Marchand",
         "q": "Quentin Zabrowski", "labelled": "Oskar (last name Lindqvist)",
         "sql": "Lindqvist"}


def _talk(name: str, visibility: str = "private", consent: bool = False,
          **more: Any) -> tuple[dict[str, Any], str]:
    return ({"visibility": visibility, "date": day("2026-03-01"),
             "person": {"name": name, "company": "Acme"}, "alias": "a designer",
             "consent": {"publish_name": consent}} | more, "We talked about design.\n")


def _site(root: Path, pages: dict[str, str]) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        **{key: _talk(name, alias=f"designer {n}") for n, (key, name) in enumerate(NAMES.items())},
        **{f"pages/{p}.md": ({"title": p.title()}, f"{text}\n") for p, text in pages.items()},
    })


def _matcher(name: str, in_code: bool = False) -> Matcher[int]:
    n = needle_of("unconsented name", name, in_code=in_code)
    return Matcher([(s, 1) for s in n.seqs], sounds=[(s, 1) for s in n.sounds],
                   confirmed=[(c, 1) for c in n.confirmed])


FOUND = [
    ("Xiaoming (Kevin) Wang", "Kevin Wang"), ("Xiaoming (Kevin) Wang", "Mr Wang and KEVIN WANG"),
    ('Wang "Kevin" Xiaoming', "Kevin Wang"), ("Xiaoming Wang (Kevin)", "Kevin Wang"),
    ("Anna Kowalska (née Nowak)", "Anna Nowak"), ("Anna Kowalska (née Nowak)", "Ms Nowak"),
    ("Anna Kowalska (née Nowak)", "Anna Kowalska"), ("Anna Kowalska, geb. Nowak", "Anna Nowak"),
    ("Anna Kowalska (z d. Nowak)", "Anna Nowak"), ("Anna Kowalska née Nowak-Lis", "Anna Nowak"),
    ("Anna Kowalska (maiden name Nowak)", "Anna Nowak"),
    ("Jean-Luc Marchand", "JL Marchand"), ("Jean-Luc Marchand", "J.-L. Marchand"),
    ("Jean-Luc Marchand", "J-L Marchand"), ("Jean-Luc Marchand", "J. L. Marchand"),
    ("Mary Ann Smith", "M.A. Smith"), ("Jean-Luc Marchand", "with Dr JL Marchand"),
    ("Q. Zabrowski", "Quentin Zabrowski"), ("Q Zabrowski", "Quincy R. Zabrowski"),
    ("J. L. Marchand", "Jean-Luc Marchand"), ("Jane D.", "Jane Doe"), ("J. Park", "James Park"),
    ("Quentin Zabrowski", "Quentin (last name Zabrowski)"),
    ("Quentin Zabrowski", "Quentin, surname Zabrowski"),
    ("Quentin Zabrowski", "Zabrowski, first name Quentin"),
    ("Quentin Zabrowski", "Quentin's family name is Zabrowski"),
    ("Quentin Zabrowski", "WHERE first = 'Quentin' AND last = 'Zabrowski'"),
    ("Quentin Zabrowski", '{"first_name": "Quentin", "last_name": "Zabrowski"}'),
    ("Quentin Zabrowski", '{"first": "Quentin", "last": "Zabrowski"}'),
    ("Quentin Zabrowski", "first: Quentin\nlast: Zabrowski"),
]
NOT_FOUND = [
    ("Xiaoming (Kevin) Wang", "Kevin Smith and Wang Fang"),
    ("Jane Doe (he/him)", "he Doe"), ("Jane Doe (Acme)", "Acme Corp"),
    ("Anna Kowalska (née Nowak)", "Anna met Nowak"),
    ("Jean-Luc Marchand", "JL Bank and Marchand Street"),
    ("Isabel Nora Smith", "We met in Smith Hall."), ("Ana María García López", "at 9 am López"),
    ("Jean-Luc Marchand", "jl marchand"), ("Jean-Luc Marchand", "AJL Marchand"),
    ("Q. Zabrowski", "quietly zabrowski"), ("Q. Zabrowski", "Ask Zabrowski"),
    ("Jane D.", "Jane did it"), ("J. Park", "We went to Jurassic Park."),
    ("Quentin Zabrowski", "Quentin and Zabrowski"), ("Quentin Zabrowski", "Quentin told Zabrowski"),
    ("Quentin Zabrowski", "Quentin; the last of many. Then a long talk with Zabrowski"),
    ("Quentin Zabrowski", "Quentin was first and Zabrowski second."),
    ("Quentin Zabrowski", "Quentin was first, Zabrowski last."),
]


@pytest.mark.parametrize(("name", "text"), FOUND)
def test_the_matcher_finds(name: str, text: str) -> None:
    assert _matcher(name).find(text) == [1], (name, text)


@pytest.mark.parametrize(("name", "text"), NOT_FOUND)
def test_the_matcher_passes(name: str, text: str) -> None:
    assert _matcher(name).find(text) == [], (name, text)


def test_labelled_names_are_found_in_code() -> None:
    sql = "SELECT * FROM people WHERE first = 'Quentin' AND last = 'Zabrowski';"
    assert _matcher("Quentin Zabrowski", in_code=True).find(sql) == [1]


def test_the_names_an_aside_gives() -> None:
    assert [o.name for o in other_names("Xiaoming (Kevin) Wang")] == [
        "kevin wang", "kevin xiaoming"]
    assert other_names("Anna Kowalska (née Nowak)")[0] == ("anna nowak", True)
    assert all(not o.parts for o in other_names("Jane Doe (Acme)"))  # "Acme" alone is no name
    for remark in ("Jane Doe (he/him)", "Sam Lee (my old manager)", "Jane Doe (Northfield Bank)",
                   "Jane Doe (formerly at Acme)", "Jane Doe (born 1980)",
                   "Sam Lee, formerly of Acme"):
        assert other_names(remark) == (), remark
    # The preferred or former name alone, in the person's own notes (as "Wang" is).
    assert {"kevin", "wang"} <= set(nameforms.name_forms("Xiaoming (Kevin) Wang").parts)
    assert {"anna", "nowak"} <= set(nameforms.name_forms("Anna Kowalska (née Nowak)").parts)
    assert "acme" not in nameforms.name_forms("Jane Doe (Acme)").parts
    assert "kevin" in nameforms.name_forms("Xiaoming Wang (Kevin)").parts  # a known given name
    # A former name, unbracketed, is no part of the compared name ("née" no surname).
    assert plain_name("Anna Kowalska, née Nowak") == "Anna Kowalska"
    assert plain_name("Anna Kowalska geb. Nowak") == "Anna Kowalska"
    assert plain_name("Max Born") == "Max Born"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["Xiaoming", "Minjun", "Oluwaseun", "Thi Lan"]),
       st.sampled_from(["Kevin", "Grace", "Sunny", "Tom"]),
       st.sampled_from(["Wang", "Kim", "Adeyemi", "Nguyen"]),
       st.sampled_from(["({p})", '"{p}"', "'{p}'", "[{p}]"]))
def test_a_preferred_name_in_the_middle_is_always_found(
        given_name: str, preferred: str, family: str, shape: str) -> None:
    name = f"{given_name} {shape.format(p=preferred)} {family}"
    assert _matcher(name).find(f"I met {preferred} {family}.") == [1], name
    assert _matcher(name).find(f"I met {given_name} {family}.") == [1], name


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([("Quentin", "Zabrowski"), ("Ana", "García López"), ("Jo", "Park")]),
       st.sampled_from(sorted(labelledforms.LABELS - labelledforms.WEAK_LABELS)),
       st.sampled_from(["{g} ({l} {f})", "{g}, {l} {f}", "{f}, {l} {g}", "{g}'s {l} is {f}",
                        "{l}='{g}' AND {l}='{f}'", '{{"{l}": "{g}", "{l}": "{f}"}}']))
def test_a_labelled_name_is_always_found(names: tuple[str, str], label: str,
                                         shape: str) -> None:
    g, f = names
    text = shape.format(g=g, f=f, l=label)
    assert _matcher(f"{g} {f}").find(text) == [1], text
    assert _matcher(f"{g} {f}", in_code=True).find(text) == [1], text


@pytest.mark.parametrize("label", sorted(labelledforms.WEAK_LABELS))
def test_a_weak_label_is_a_label_as_a_key_or_before_name(label: str) -> None:
    for text in (f"{label}='Quentin' AND {label}='Zabrowski'", f"Quentin, {label} name Zabrowski",
                 f'{{"{label}": "Quentin", "{label}": "Zabrowski"}}'):
        assert _matcher("Quentin Zabrowski").find(text) == [1], text
    assert _matcher("Quentin Zabrowski").find(f"Quentin, {label} Zabrowski") == []


def test_the_filter_refuses_each(tmp_path: Path) -> None:
    assert_filter_refuses_all(_site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()}),
                              tmp_path / "out", {f"content/pages/{p}.md" for p in LEAKS})


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_each(tmp_path: Path) -> None:
    hits = audit_refusals(_site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()}),
                          tmp_path / "out")
    for page, (_, source) in LEAKS.items():
        assert any(out.startswith(f"{page}/") and src == f"content/{source}"
                   for out, src in hits), (page, sorted(hits))


def _protections_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "other_names", lambda name: ())
    monkeypatch.setattr(nameforms, "compound_initials", lambda givens, family: ())
    monkeypatch.setattr(nameforms, "recorded_initial", lambda given, family: ())
    monkeypatch.setattr(nameforms, "labelled_forms", lambda given, family: ())


@pytest.mark.usefixtures("no_filter")
def test_without_these_forms_it_is_published(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _protections_off(monkeypatch)
    other_readings_off(monkeypatch)
    out = tmp_path / "out"
    site = _site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()})
    result = build(site, out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(out)
    for page, shown in SHOWN.items():
        assert corpus.find(shown) != [], page


def test_near_misses_are_published(tmp_path: Path) -> None:
    pages = {"a": "Kevin Smith and Wang Fang spoke; Anna met Nowak's team at JL Bank.",
             "b": "Quentin and Zabrowski are two people; Quentin told Zabrowski.",
             "c": "Oskar, the last one in, met Lindqvist's team.",
             "d": "```sql\nSELECT first, last FROM people WHERE first = 'Ada';\n```"}
    site = _site(tmp_path / "s", pages)
    assert_published(site, tmp_path / "out", "Kevin Smith and Wang Fang")


# --------------------------------------------------------------------------- R10-08

def _tie_site(root: Path, declined: dict[str, Any], consented_name: str) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-a.md": ({**_talk("Quentin Zabrowski", "public")[0], **declined},
                                       "We talked about design.\n"),
        "interviews/2026-04-01-b.md": ({**_talk(consented_name, "public", True)[0],
                                        "alias": "an engineer",
                                        "person": {"name": consented_name}}, "Coffee.\n"),
    })


@pytest.mark.parametrize("consented", ["Q Zabrowski", "Q. Zabrowski", "Quentin Zabrowski-Nowak"])
def test_a_consented_short_form_is_withheld_with_the_declined_name(
        tmp_path: Path, consented: str) -> None:
    site = _tie_site(tmp_path / "s", {}, consented)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert [d.path for d in result.diagnostics if d.code == "consent-conflict"] == [
        "content/interviews/2026-04-01-b.md"]
    assert OutputCorpus(tmp_path / "out").find(consented) == []


def test_without_the_tie_the_short_form_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(persons, "initial_ties", lambda names: [])
    monkeypatch.setattr(persons, "close_ties", lambda names: [])  # an initial too (R18-02)
    monkeypatch.setattr(identity, "written_shorter", lambda s, f: False)
    assert_published(_tie_site(tmp_path / "s", {}, "Q Zabrowski"), tmp_path / "out",
                     "Q Zabrowski")


def _referrer_site(root: Path) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-a.md": _talk("Sam Lee", referred_by="Quentin Zabrowski"),
        "interviews/2026-04-01-b.md": ({**_talk("Q Zabrowski", "public", True)[0],
                                        "alias": "an engineer",
                                        "person": {"name": "Q Zabrowski"}}, "Coffee.\n"),
    })


def test_a_consented_short_form_of_a_declined_referrer_is_refused(tmp_path: Path) -> None:
    """A referrer is no interviewee and ties to no one: the consented "Q
    Zabrowski" is published, and a hit on the referrer's name in it is not excused."""
    result = build(_referrer_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "name-without-consent" for d in result.diagnostics), [
        d.text() for d in result.diagnostics]


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_consented_short_form_of_a_declined_referrer(
        tmp_path: Path) -> None:
    result = build(_referrer_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.secret.source == "content/interviews/2026-03-01-a.md" for h in result.hits)


def test_without_the_rule_a_short_form_of_a_referrer_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(identity, "written_shorter", lambda s, f: False)
    assert_published(_referrer_site(tmp_path / "s"), tmp_path / "out", "Q Zabrowski")


def test_a_referrers_aside_is_a_name_too() -> None:
    found = needle_of("referred_by", "Xiaoming (Kevin) Wang")
    assert Matcher([(x, 1) for x in found.seqs]).find("I met Kevin Wang.") == [1]
    found = needle_of("referred_by", "Sam Lee (my old manager)")
    assert Matcher([(x, 1) for x in found.seqs]).find("I met Sam Lee.") == [1]


def test_written_shorter() -> None:
    assert holds_name("Quentin Zabrowski", ["Q Zabrowski"])
    assert holds_name("Quentin Zabrowski", ["Quentin Zabrowski-Nowak"])
    assert not holds_name("Camila G. Fagerlund", ["Aiko C. Fagerlund"])
    assert initial_ties(["Quentin Zabrowski", "Q. Zabrowski", "Jane Doe", "Jane D.",
                         "Aiko C. Fagerlund", "Camila G. Fagerlund"]) == [
        ("Q. Zabrowski", "Quentin Zabrowski"), ("Jane D.", "Jane Doe")]
