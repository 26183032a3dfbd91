"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-05: family-name particles.

A declined name whose particles were written shortened ("v.d. Berg", "vd",
"v/d", "v.", "d.", "t.", "b."), swapped for a sibling ("van der" for "van den",
"von" for "van"), partly dropped ("La Fontaine" for "de la Fontaine"), with a
connective put in ("García y López") or with a Gaelic prefix apart ("Mac
Allister"), also after a title ("Dr v.d. Berg"), was published. A name's
particle words are now a class (ivsite.names.particles): optional, abbreviable
and interchangeable within their kind, wherever the name's forms are made
(ivsite.names.nameforms), so the filter and the audit find the same spellings.

Each part: the filter refuses it, the audit alone refuses it, and with the
protection switched off the build publishes it.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, assert_filter_refuses_all, audit_refusals, day, write_site

from ivsite.names import gapforms, particles
from ivsite.names.people import matcher_of
from ivsite.pipeline import Result, build

CONFIG = {"title": "Career notes", "author": "Ana Silva",
          "base_url": "https://ana.example.org/"}

FORMS = {  # key: (declined name, how a public page writes it)
    "vd-dots": ("Anneke van der Berg", "Anneke v.d. Berg"),
    "vd-bare": ("Anneke van der Berg", "Anneke vd Berg"),
    "vd-slash": ("Pieter van den Broek", "Pieter v/d Broek"),
    "vd-initials": ("Pieter van den Broek", "P. v.d. Broek"),
    "v-den": ("Pieter van den Broek", "Pieter v. den Broek"),
    "der-for-den": ("Pieter van den Broek", "Pieter van der Broek"),
    "von-v": ("Ursula von Lindenau", "Ursula v. Lindenau"),
    "von-der-vd": ("Ursula von der Leyen", "Ursula v.d. Leyen"),
    "de-la-la": ("Pierre de la Fontaine", "Pierre La Fontaine"),
    "dos-d": ("João dos Santos", "João d. Santos"),
    "ter-t": ("Femke ter Horst", "Femke t. Horst"),
    "den-d": ("Pieter den Uyl", "Pieter d. Uyl"),
    "es-y": ("Ana García López", "Ana García y López"),
    "bin-b": ("Faizal bin Abdullah", "Faizal b. Abdullah"),
    "ibn-b": ("Ahmad ibn Rashid", "Ahmad b. Rashid"),
    "mac-apart": ("Siobhan McAllister", "Siobhan Mac Allister"),
    "recorded-short": ("Marloes v.d. Velde", "Marloes van de Velde"),
    "titled-vd": ("Anneke van der Berg", "Dr v.d. Berg"),
    "titled-t": ("Femke ter Horst", "Mevrouw t. Horst"),
    "titled-den-for-der": ("Ursula von der Leyen", "Frau von den Leyen"),
}
NAMES = sorted({name for name, _ in FORMS.values()})
KEYS = {name: f"p{i}" for i, name in enumerate(NAMES)}


def _talk(name: str) -> tuple[dict[str, Any], str]:
    return ({"date": day("2026-03-01"), "person": {"name": name, "company": "Zenthor"},
             "alias": "a data lead at a software firm", "consent": {"publish_name": False},
             "status": "done"}, "Talked about dashboards.\n")


def _site(root: Path, cases: dict[str, tuple[str, str]]) -> Path:
    names = {name for name, _ in cases.values()}
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        **{f"interviews/2026-03-01-{KEYS[n]}.md": _talk(n) for n in names},
        **{f"pages/{k}.md": ({"title": "Thanks"},
                             f"Many thanks to {form} for an hour of advice.\n")
           for k, (_, form) in cases.items()}}, CONFIG)


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


def test_the_filter_refuses_each_particle_spelling(tmp_path: Path) -> None:
    assert_filter_refuses_all(_site(tmp_path / "s", FORMS), tmp_path / "out",
                              {f"content/pages/{k}.md" for k in FORMS})


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_each_particle_spelling(tmp_path: Path) -> None:
    hits = audit_refusals(_site(tmp_path / "s", FORMS), tmp_path / "out")
    for k, (name, _) in FORMS.items():
        source = f"content/interviews/2026-03-01-{KEYS[name]}.md"
        assert any(out.startswith(f"{k}/") and src == source for out, src in hits), \
            (k, sorted(hits))


@pytest.mark.usefixtures("no_filter")
def test_switched_off_the_particle_spellings_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(particles, "PARTICLE_FORMS", False)
    # A particle or connective between the names is read past too (R18-04).
    monkeypatch.setattr(gapforms, "GAP_FORMS", False)
    result = build(_site(tmp_path / "s", FORMS), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    corpus = OutputCorpus(tmp_path / "out")
    for _, form in FORMS.values():
        assert corpus.find(form) != [], form


# The class: any recorded run of particles, each word written whole, as a sibling of
# its kind (in the run's language), as the initial of either, or left out; initials
# run together.
RUNS = [("van", "der"), ("van", "den"), ("von",), ("von", "der"), ("de", "la"), ("dos",),
        ("ter",), ("den",), ("bin",), ("ibn",), ("da",), ("del",), ("van", "de"), ("al",)]
GIVEN = ["Anneke", "Pieter", "Ursula", "Faizal", "Joana"]
FAMILY = ["Berg", "Broek", "Lindenau", "Santos", "Abdullah", "Horst"]


@st.composite
def _spelt(draw: st.DrawFn) -> tuple[str, str]:
    run = draw(st.sampled_from(RUNS))
    given_name, family = draw(st.sampled_from(GIVEN)), draw(st.sampled_from(FAMILY))
    said: list[str] = []
    kinds = [kind for language in particles._languages(run)  # "de" of "van de" is Dutch
             for kind in language]
    for word in run:
        kin = sorted({w for kind in kinds if word in kind for w in kind})
        how = draw(st.sampled_from(["whole", "sibling", "initial", "dotted", "out"]))
        if how == "whole":
            said.append(word)
        elif how == "sibling":
            said.append(draw(st.sampled_from(kin)))
        elif how in ("initial", "dotted"):
            said.append(draw(st.sampled_from(kin))[0] + ("." if how == "dotted" else ""))
    short = all(len(w.rstrip(".")) == 1 for w in said)  # "v.d.", "v/d", "vd"
    joiner = draw(st.sampled_from([" ", "/", ""])) if short else " "
    written = joiner.join(said)
    recorded = " ".join((given_name, *run, family))
    return recorded, " ".join(w for w in (given_name, written, family) if w)


@settings(max_examples=200, deadline=None)
@given(_spelt())
def test_every_spelling_of_the_particles_is_found(spelt: tuple[str, str]) -> None:
    recorded, written = spelt
    text = f"Many thanks to {written} for an hour of advice."
    assert matcher_of([("unconsented name", recorded, 1)]).find(text) == [1], (recorded, text)


@pytest.mark.parametrize("first,second", list(itertools.permutations(
    ["García", "López", "Pérez"], 2)))
def test_a_connective_between_two_surnames_is_found(first: str, second: str) -> None:
    for c in ("y", "e", "i"):
        text = f"Thanks to Ana {first} {c} {second}, who read my CV."
        assert matcher_of([("unconsented name", f"Ana {first} {second}", 1)]).find(text) \
            == [1], text


PROSE = [  # particles and their short forms beside the name's words, naming no one
    ("Pieter van den Broek", "The Broek family and Pieter's van were both there."),
    ("Anneke van der Berg", "Anneke drove to the Berg; a v.d. Waals force is weak."),
    ("Ana García López", "García said y is a letter; López and Ana disagreed."),
    ("Anneke van der Berg", "Dr J. Berg and Dr Smith met at the Berg."),
    ("Sol de Wit", "The sol is a unit; de wit is Dutch for the white one."),
    ("Mark ter Horst", "Mark the date: ten horses, two ponies."),
]


@pytest.mark.parametrize(("name", "text"), PROSE)
def test_prose_with_particles_names_no_one(name: str, text: str) -> None:
    assert matcher_of([("unconsented name", name, 1)]).find(text) == [], text
