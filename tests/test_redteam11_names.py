"""Red team 11 (docs/redteam/2026-12-01-eleventh.md): how a person's name is spelt.

* R11-01: a full name in another language's case forms ("Anny Kowalskiej",
  "Иваном Петровым", "Mikko Virtasen", "ולדני כהן": ivsite.names.inflections,
  ivsite.text.wordpairs), and a family name alone declined near the person;
* R11-13: a full name with a typo in it (ivsite.names.typoforms);
* R11-17: a name part that is an everyday word counts only capitalised where no
  sentence opens (ivsite.names.wordnames), and one that is the person's place
  not at all (ivsite.names.people.place_words);
* R11-07: a later "no" under another spelling of the given name withholds the
  earlier consented name (ivsite.names.givenvariants);
* R11-09: upside down, Braille (ivsite.text.turnedtext), backwards;
* R11-23/24: LaTeX accents (ivsite.text.latexaccents), IDNA host names
  (ivsite.text.escapes);
* R11-14: a name part on a page that shows the person's note (a backlink, a
  role's list: ivsite.audience.notelinks.close_keys).

Matcher cases are unit tests (with Hypothesis over contexts); builds show the
filter refuses, the audit alone refuses, that with the protection switched off
the name is published, and that everyday words and other names still build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    OutputCorpus,
    assert_published,
    audit_refusals,
    day,
    other_readings_off,
    write_site,
)

from ivsite.audience import notelinks
from ivsite.names import nameforms, people, shortnames
from ivsite.names.givenvariants import skeleton, variant_given
from ivsite.names.people import PART_KIND, matcher_of
from ivsite.names.typoforms import slips
from ivsite.pipeline import build
from ivsite.text import escapes, normalise, wordpairs
from ivsite.text.normalise import words
from ivsite.text.wordpairs import one_edit


def _found(name: str, text: str) -> bool:
    return bool(matcher_of([("unconsented name", name, 1)]).find(text))


def _part_found(part: str, text: str) -> bool:
    return bool(matcher_of([(PART_KIND, part, 1)]).find(text))


def _talk(name: str, visibility: str = "private", consent: bool = False,
          body: str = "We talked about design.\n", **more: Any) -> tuple[dict[str, Any], str]:
    return ({"visibility": visibility, "date": day("2026-03-01"),
             "person": {"name": name, "company": "Acme"}, "alias": "a designer",
             "consent": {"publish_name": consent}} | more, body)


def _said(result: Any) -> list[str]:
    return [d.text() for d in result.diagnostics]


# --------------------------------------------------------------------------- R11-01

INFLECTED = {  # the recorded name: sentences that name them in a case form
    "Anna Kowalska": ["Spotkanie u Anny Kowalskiej było krótkie.", "Rozmawiałem z Anną Kowalską."],
    "Иван Петров": ["Я поговорил с Иваном Петровым вчера.", "Книга Ивана Петрова."],
    "Вадим Новиков": ["Я говорил с Вадимом Новиковым.", "С ВАДИМОМ НОВИКОВЫМ."],
    "Mikko Virtanen": ["Puhuin Mikko Virtasen kanssa.", "Annoin sen Mikko Virtaselle."],
    "Jana Nováková": ["Mluvil jsem s Janou Novákovou.", "Dárek pro Janu Novákovou."],
    "Nagy Péter": ["Beszéltem Nagy Péterrel tegnap.", "Nagy Péternek írtam."],
    "Jānis Bērziņš": ["Runāju ar Jāni Bērziņu vakar.", "Jāņa Bērziņa grāmata."],
    "Jonas Kazlauskas": ["Kalbėjau su Jonu Kazlausku.", "Jono Kazlausko knyga."],
    "Ahmet Yılmaz": ["Ahmet Yılmazla konuştum.", "Ahmet Yılmazın kitabı."],
    "דני כהן": ["ולדני כהן יש ספר."],
    "محمد علي": ["ولمحمد علي كتاب."],
    "Jürgen Müller": ["Jürgen Müllers Firma ist klein."],
    "Jane Doe": ["I read Jane Does portfolio."],
}
NOT_INFLECTED = [  # everyday words and other people, beside the same names
    ("Grant Price", "The grant prices were high."), ("Jane Doe", "Jane does the work."),
    ("Anna Kowalska", "anny kowalskiej"), ("Mark Rivers", "He marks rivers on maps."),
    ("Anna Kowalska", "Anny was there; Kowalskiej Street is long."),
    ("Anna Kowalska", "Anny and Kowalskiej"), ("Jane Doe", "Jane Dough and Jay Doe"),
    ("Grant Price", "grants prices"), ("Ahmet Yılmaz", "Ahmed Yilanla"),
]


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, ts in INFLECTED.items() for t in ts])
def test_a_name_in_a_case_form_is_found(name: str, text: str) -> None:
    assert _found(name, text), (name, text)


@pytest.mark.parametrize(("name", "text"), NOT_INFLECTED)
def test_everyday_words_beside_a_name_are_not(name: str, text: str) -> None:
    assert not _found(name, text), (name, text)


@pytest.mark.parametrize(("name", "text"), [(n, ts[0]) for n, ts in INFLECTED.items()
                                            if n not in ("Anna Kowalska", "Jane Doe")])
def test_without_the_case_forms_they_are_not_found(
        monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    monkeypatch.setattr(nameforms, "name_pairs", lambda given, family: ())
    # "Virtasen", "Müllers" are one letter from the name: a typo's reach too.
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    assert not _found(name, text), (name, text)


_CONTEXT = st.text(st.sampled_from("abc xyz,.;:!?()\n"), max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([(n, t) for n, ts in INFLECTED.items() for t in ts]), _CONTEXT, _CONTEXT)
def test_a_case_form_is_found_in_any_context(case: tuple[str, str], before: str,
                                             after: str) -> None:
    name, text = case
    assert _found(name, f"{before} {text} {after}"), (before, text, after)


_POLISH = st.sampled_from([("Anna", "Kowalska", "Anny", "Kowalskiej"),
                           ("Anna", "Kowalska", "Annie", "Kowalskiej"),
                           ("Piotr", "Nowak", "Piotra", "Nowaka"),
                           ("Piotr", "Nowak", "Piotrowi", "Nowakowi"),
                           ("Jan", "Kowalski", "Jana", "Kowalskiego"),
                           ("Jan", "Kowalski", "Janem", "Kowalskim"),
                           ("Tomáš", "Dvořák", "Tomášem", "Dvořákem"),
                           ("Ivan", "Horvat", "Ivanom", "Horvatom")])


@settings(max_examples=40, deadline=None)
@given(_POLISH, st.sampled_from(["{g} {f}", "{G} {F}", "{f} {g}"]))
def test_both_words_declined_are_found_either_way_round(names: tuple[str, str, str, str],
                                                        shape: str) -> None:
    g, f, gd, fd = names
    text = shape.format(g=gd, f=fd, G=gd.upper(), F=fd.upper())
    assert _found(f"{g} {f}", f"Wczoraj {text} przyszedł."), text


def test_a_family_name_alone_declined_counts_near_the_person_capitalised() -> None:
    for text in ("dinner with the Zabrowskis", "The Zabrowskiego studio is small."):
        assert _part_found("zabrowski", text), text
    assert not _part_found("zabrowski", "zabrowskis")  # a word no one capitalised
    assert not _part_found("park", "We walked in the parks.")


R11_01_NAMES = {f"interviews/2026-03-{n:02d}-talk.md": name
                for n, name in enumerate(INFLECTED, 1)}
R11_01_PAGE = "\n\n".join(ts[0] for ts in INFLECTED.values()) + "\n"


def _inflected_site(root: Path) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        **{key: _talk(name, alias=f"designer {n}")
           for n, (key, name) in enumerate(R11_01_NAMES.items())},
        "reflections/heard.md": ({"title": "What I heard", "date": day("2026-04-01"),
                                  "visibility": "public"}, R11_01_PAGE),
    })


def test_the_filter_refuses_each_case_form(tmp_path: Path) -> None:
    result = build(_inflected_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    lines = {d.line for d in result.diagnostics if d.code == "name-without-consent"
             and d.path == "content/reflections/heard.md"}
    assert len(lines) == len(INFLECTED), _said(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_each_case_form(tmp_path: Path) -> None:
    hits = audit_refusals(_inflected_site(tmp_path / "s"), tmp_path / "out")
    refused = {src for out, src in hits if out.startswith("reflections/heard/")}
    assert refused >= {f"content/{k}" for k in R11_01_NAMES}, sorted(refused)


@pytest.mark.usefixtures("no_filter")
def test_without_the_case_forms_the_names_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "name_pairs", lambda given, family: ())
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    other_readings_off(monkeypatch)
    out = tmp_path / "out"
    result = build(_inflected_site(tmp_path / "s"), out=out)
    assert result.status == 0, _said(result)
    corpus = OutputCorpus(out)
    for shown in ("Kowalskiej", "Петровым", "Virtasen", "Novákovou", "Péterrel",
                  "ולדני", "ولمحمد"):
        assert corpus.find(shown) != [], shown


# --------------------------------------------------------------------------- R11-13

TYPOS = ["Qeuntin Zabrowski", "Quentn Zabrowski", "Quentin Zabroswki", "Quentin Zabrowki",
         "Quentin Zarbowski", "Quentim Zabrowski", "Quentin Zabrowsky", "Qeuntin Zarbowski",
         "Zabrowski Qeuntin", "QUENTN ZABROWSKI"]


@pytest.mark.parametrize("text", TYPOS)
def test_a_name_with_a_typo_is_found(text: str) -> None:
    assert _found("Quentin Zabrowski", f"This year I met {text} for coffee.")


@pytest.mark.parametrize(("name", "text"), [
    ("Grant Price", "the grand prize"), ("Frank Jones", "to be frank, jokes aside"),
    ("Quentin Zabrowski", "quentn zabrowski"),  # no capitals: not written as a name
    ("Maria Lopez", "Mario Gomez"), ("Quentin Zabrowski", "Quentin met Zabrowska's aunt"),
    ("Anna Lee", "Anka Lea"),  # four letters or fewer: another name
])
def test_near_misses_are_not_typos(name: str, text: str) -> None:
    assert not _found(name, text), (name, text)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["quentin", "zabrowski"]), st.data())
def test_any_one_edit_of_one_word_is_found(which: str, data: st.DataObject) -> None:
    word = which
    i = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    edit = data.draw(st.sampled_from(["drop", "swap", "change", "add"]))
    typo = {"drop": word[:i] + word[i + 1:],
            "swap": word[:i] + word[i + 1:i + 2] + word[i] + word[i + 2:],
            "change": word[:i] + letter + word[i + 1:],
            "add": word[:i] + letter + word[i:]}[edit]
    if typo == word:
        return
    assert one_edit(typo, word)
    g, f = (typo, "zabrowski") if which == "quentin" else ("quentin", typo)
    assert _found("Quentin Zabrowski", f"I met {g.title()} {f.title()} today."), (g, f)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(slips("quentin"))), st.sampled_from(sorted(slips("zabrowski"))))
def test_a_slip_in_both_words_is_found(g: str, f: str) -> None:
    assert _found("Quentin Zabrowski", f"I met {g.title()} {f.title()} today."), (g, f)


def test_without_the_typo_forms_they_are_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    for text in TYPOS[:5]:
        assert not _found("Quentin Zabrowski", text), text


def _typo_site(root: Path) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-q.md": _talk("Quentin Zabrowski"),
        "reflections/thoughts.md": ({"title": "Thoughts", "date": day("2026-04-01"),
                                     "visibility": "public"},
                                    "\n\n".join(f"I met {t} again." for t in TYPOS[:5]) + "\n"),
    })


def test_the_filter_and_the_audit_refuse_typos(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    result = build(_typo_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert len({d.line for d in result.diagnostics if d.code == "name-without-consent"}) == 5
    from ivsite.audience import stage as audience
    from ivsite.audit import search as auditsearch
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})
    hits = audit_refusals(_typo_site(tmp_path / "s2"), tmp_path / "out2")
    assert any(out.startswith("reflections/thoughts/") for out, _ in hits), hits


@pytest.mark.usefixtures("no_filter")
def test_without_the_typo_forms_the_typos_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    other_readings_off(monkeypatch)
    result = build(_typo_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert OutputCorpus(tmp_path / "out").find("Qeuntin Zabrowski") != []


# --------------------------------------------------------------------------- R11-17

def _word_names_site(root: Path) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-acme.md": _talk(
            "Hope Diaz", "public", body="She said I will need SQL before anything else. "
            "To be frank, I hope so: I like it.\n\n## Notes\n\nHope you are well, she wrote\n\n"
            "| Topic | Frank view |\n|---|---|\n| Mark | Will |\n"),
        "interviews/2026-03-05-transit.md": (
            {**_talk("Victoria Chen", "public")[0], "alias": "a planner",
             "person": {"name": "Victoria Chen", "company": "BC Transit",
                        "location": "Victoria"}},
            "We talked about transit planning in Victoria.\n"),
        "reflections/after.md": ({"title": "After", "date": day("2026-04-01"),
                                  "visibility": "public"},
                                 "After [[2026-03-01-acme|my talk]] I hope to take a SQL "
                                 "course with grace and patience.\n"),
    })


def test_a_given_name_that_is_a_word_builds_in_lower_case(tmp_path: Path) -> None:
    assert_published(_word_names_site(tmp_path / "s"), tmp_path / "out", "I hope so")


def test_a_word_name_capitalised_mid_sentence_still_counts() -> None:
    assert _part_found("hope", "I had coffee with Hope yesterday.")
    assert _part_found("frank", "and then Frank said no.")
    assert _part_found("hope", "Thanks, Hope!")
    assert not _part_found("hope", "Notes Hope you are well")  # a heading ran into it
    assert not _part_found("hope", "I hope so.")
    assert not _part_found("hope", "Hope you are well.")  # a sentence's first word
    assert not _part_found("hope", "It went well. Hope so.")
    assert _part_found("quentin", "quentin said so")  # not a word: any case


@pytest.mark.parametrize("text", ["Then Frank said no.", "Dear Hope, thank you.",
                                  "Yesterday Hope told me.", "And Frank agreed."])
def test_a_word_name_after_a_sentences_lead_word_counts(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a word that opens sentences, a capitalised word name is the name; after
    another capitalised word ("Notes Hope you are well") a heading ran into it."""
    part = "frank" if "Frank" in text else "hope"
    assert _part_found(part, text)
    monkeypatch.setattr(wordpairs, "_LEADS", frozenset())
    monkeypatch.setattr(wordpairs, "_REPORTS", re.compile("(?!)"))  # "said" (R13-08)
    assert not _part_found(part, text)


def test_without_the_word_list_a_lower_case_word_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "WORD_NAMES", frozenset())
    monkeypatch.setattr(people, "place_words", lambda note: set())
    result = build(_word_names_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    said = {(d.path, d.message.split("'")[1]) for d in result.diagnostics
            if d.code == "name-without-consent"}
    assert ("content/interviews/2026-03-01-acme.md", "hope") in said, said
    assert ("content/interviews/2026-03-05-transit.md", "victoria") in said, said


# --------------------------------------------------------------------------- R11-07

PAIRS = [("Katherine", "Katharine", "Johnson"), ("Steven", "Stephen", "Clark"),
         ("Mohammed", "Muhammad", "Ali"), ("Aleksandr", "Alexander", "Gordeev"),
         ("Augustin", "Gus", "Kerbrat"), ("Evangeline", "Evie", "Thorsby")]


@pytest.mark.parametrize(("a", "b"), [(a, b) for a, b, _ in PAIRS])
def test_variant_given_names_may_be_one_person(a: str, b: str) -> None:
    assert variant_given(a.lower(), b.lower()) and variant_given(b.lower(), a.lower())


@pytest.mark.parametrize(("a", "b"), [("maria", "mario"), ("mary", "martin"), ("john", "jane"),
                                      ("lisa", "laura"), ("dana", "daniel"), ("tom", "tim")])
def test_other_names_are_not(a: str, b: str) -> None:
    assert not variant_given(a, b), (a, b, skeleton(a), skeleton(b))


def _consent_site(root: Path) -> Path:
    content: dict[str, Any] = {"pages/index.md": ({"title": "Home"}, "Welcome.\n")}
    for n, (yes, no, family) in enumerate(PAIRS, 1):
        content[f"interviews/2026-03-{n:02d}-first.md"] = _talk(
            f"{yes} {family}", "public", True, alias=f"person {n}")
        content[f"interviews/2026-05-{n:02d}-second.md"] = _talk(
            f"{no} {family}", "private", False, alias=f"person {n}")
    return write_site(root, content)


def test_a_later_no_under_another_spelling_withholds_the_name(tmp_path: Path) -> None:
    result = build(_consent_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    warned = {d.path for d in result.diagnostics if d.code == "consent-conflict"}
    assert len(warned) == len(PAIRS), _said(result)
    corpus = OutputCorpus(tmp_path / "out")
    for yes, _, family in PAIRS:
        assert [f for f in corpus.find(f"{yes} {family}") if not f.startswith("pagefind/pagefind")
                ] == [], yes


def test_without_the_variant_rule_the_names_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shortnames, "variant_given", lambda a, b: False)
    assert_published(_consent_site(tmp_path / "s"), tmp_path / "out", "Steven Clark")


# --------------------------------------------------------------------------- R11-09

@pytest.mark.parametrize("text", ["ǝoᗡ ǝuɐſ", "eoD enaJ", "⠚⠁⠝⠑ ⠙⠕⠑", "⠠⠚⠁⠝⠑ ⠠⠙⠕⠑",
                                  "I met ǝoᗡ ǝuɐſ today"])
def test_upside_down_backwards_and_braille_are_found(text: str) -> None:
    assert _found("Jane Doe", text), text


def test_ordinary_text_is_not_read_backwards() -> None:
    assert not _found("Noel Reed", "We saw a deer and a lion.")
    assert words("⠚⠁⠝⠑") == ["jane"]


def test_without_these_readings_they_are_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalise, "right_way_up", lambda text: [])
    monkeypatch.setattr(normalise, "_LETTERS", {
        k: v for k, v in normalise._LETTERS.items() if not 0x2800 <= k <= 0x28FF})
    monkeypatch.setattr(nameforms, "backwards", lambda seqs: set())
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    for text in ("ǝoᗡ ǝuɐſ", "eoD enaJ", "⠚⠁⠝⠑ ⠙⠕⠑"):
        assert not _found("Jane Doe", text), text


# --------------------------------------------------------------------------- R11-23, R11-24

BIB = ("@book{a,\n  author = {M{\\\"u}ller, J{\\\"u}rgen},\n"
       "  note = {with Fran{\\c{c}}ois Lef{\\`e}vre}\n}\n")


def test_latex_accents_and_idna_names_are_read() -> None:
    assert words("M{\\\"u}ller, J{\\\"u}rgen") == ["muller", "jurgen"]
    assert words("Fran{\\c{c}}ois Lef{\\`e}vre \\\"{U}ber {\\o}rsted") == [
        "francois", "lefevre", "uber", "orsted"]
    assert "jurgenmuller" in words("https://xn--jrgenmller-9dbf.de/")
    assert words("xn--ab-9999999") == ["xn", "ab", "9999999"]  # not punycode: as written
    assert words("\\d{3} \\textbf{x} \\u00e9") == ["3", "textbf", "x", "e"]


def _files_site(root: Path) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-a.md": _talk("Jürgen Müller"),
        "interviews/2026-03-02-b.md": _talk("François Lefèvre", alias="another designer"),
        "files/references.bib": BIB,
        "pages/about.md": ({"title": "About"}, "My [reading list](../files/references.bib).\n\n"
                           "A [site](https://xn--jrgenmller-9dbf.de/) and a "
                           "[blog](https://www.xn--franoislefvre-lgbv.fr/blog).\n"),
    })


@pytest.mark.usefixtures("no_filter")
def test_the_audit_refuses_latex_and_idna_names(tmp_path: Path) -> None:
    hits = audit_refusals(_files_site(tmp_path / "s"), tmp_path / "out")
    outs = {out for out, _ in hits}
    assert "files/references.bib" in outs, sorted(outs)
    assert any(o.startswith("about/") for o in outs), sorted(outs)


@pytest.mark.usefixtures("no_filter")
def test_without_decoding_them_they_are_published(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(escapes, "latex_letters", lambda text: text)
    monkeypatch.setattr(escapes, "_unpunycoded", lambda m: m.group(0))
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    other_readings_off(monkeypatch)
    result = build(_files_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    corpus = OutputCorpus(tmp_path / "out")
    assert corpus.find('J{\\"u}rgen') != [] and corpus.find("xn--jrgenmller-9dbf") != []


# --------------------------------------------------------------------------- R11-14

def _role_site(root: Path) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-q.md": _talk(
            "Quentin Zabrowski", "public", role="ux-researcher",
            body="He told me to read up on [[UX Researcher]] roles.\n"),
        "roles/ux-researcher.md": ({"title": "UX Researcher"},
                                   "Researchers research. Quentin's advice: learn SQL.\n"),
    })


def test_a_given_name_on_the_page_that_shows_the_interview_is_refused(tmp_path: Path) -> None:
    result = build(_role_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(d.path == "content/roles/ux-researcher.md" and d.code == "name-without-consent"
               for d in result.diagnostics), _said(result)


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_it_on_the_role_page(tmp_path: Path) -> None:
    hits = audit_refusals(_role_site(tmp_path / "s"), tmp_path / "out")
    assert any(out.startswith("roles/ux-researcher/") for out, _ in hits), hits


def test_without_the_pages_that_show_the_note_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notelinks, "_shown_by", lambda site: {})
    # The lists beside the person's card (red team 12, R12-12) find it on their own.
    monkeypatch.setattr(people.Mentions, "carded", lambda self, site, seen: [])
    assert_published(_role_site(tmp_path / "s"), tmp_path / "out", "Quentin's advice")


# --------------------------------------------------------------------------- no new refusals

def test_everyday_prose_and_other_names_build(tmp_path: Path) -> None:
    """Pages that say everyday words beside unconsented people's names, and
    other people's names one letter away, build."""
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-a.md": _talk("Grant Price", "public",
                                            body="The grant prices were high. I hope so.\n"),
        "interviews/2026-03-02-b.md": _talk("Anna Kowalska", alias="a tester"),
        "interviews/2026-03-03-c.md": _talk("Mark Rivers", alias="an analyst"),
        "interviews/2026-03-04-d.md": _talk("Maria Lopez", alias="a lead"),
        "interviews/2026-03-05-e.md": _talk("Mario Gomez", "public", True, alias="a chef",
                                            body="Mario Gomez cooks.\n"),
        "pages/notes.md": ({"title": "Notes"},
                           "Anny and Kowalskiej Street. "
                           "Jane does the work; the grand prize went to Mario Gomez.\n"),
    })
    assert_published(site, tmp_path / "out", "grand prize")
