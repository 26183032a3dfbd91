"""Issue 9, classes 5, 6, 7 and 9: names and contact details, however spelt.

The audience filter's check (an error at the line) and validation (addresses,
consent across notes) through the one normalising matcher of ivsite.names.people.
Spellings are generated (hypothesis) as well as listed: NFD/NFC, accents
dropped, zero-width characters and soft hyphens anywhere, ``&shy;``, full-width
letters, case, separators ``_ - . %20``, camelCase, "Family, Given", the middle
name left out. The audit's side is in tests/test_names_audit.py.
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unit_helpers import Prepared, prepare, write_site

from ivsite.audience.stage import build_view, unconsented_names
from ivsite.core.diagnostics import Diagnostic, Diagnostics
from ivsite.names.nameforms import name_forms
from ivsite.names.people import matcher_of

NAMES = ("Adaeze Chioma Okafor", "José María Ramírez", "Søren Łukasz Dąbrowski")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "&shy;",
             "&#x200B;", "&#173;")


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).replace("ø", "o").replace("Ł", "L")


@st.composite
def spellings(draw: st.DrawFn, name: str) -> str:
    """One way a reader would still recognise ``name``."""
    parts = name.split()
    form = draw(st.sampled_from(["full", "first-last", "family-given", "family-given-full"]))
    given, family = parts[0], parts[-1]
    ws = {"full": parts, "first-last": [given, family], "family-given": [family, given],
          "family-given-full": [family, *parts[:-1]]}[form]
    out: list[str] = []
    for w in ws:
        w = draw(st.sampled_from([w, unicodedata.normalize("NFD", w), strip_accents(w)]))
        w = draw(st.sampled_from([w, w.upper(), w.lower(), fullwidth(w)]))
        if len(w) > 1 and draw(st.booleans()):
            at = draw(st.integers(1, len(w) - 1))
            w = w[:at] + draw(st.sampled_from(INVISIBLE)) + w[at:]
        out.append(w)
    camel = draw(st.booleans())
    if camel:
        return "".join(w[:1].upper() + w[1:] for w in out)
    if form.startswith("family-given") and draw(st.booleans()):
        return f"{out[0]}, {' '.join(out[1:])}"
    return draw(st.sampled_from([" ", "_", "-", ".", "%20", "&nbsp;"])).join(out)


# --------------------------------------------------------------------------- the matcher


@settings(max_examples=300, deadline=None)  # the first call builds the automaton
@given(data=st.data(), name=st.sampled_from(NAMES))
def test_every_spelling_of_a_name_is_found(data: st.DataObject, name: str) -> None:
    spelt = data.draw(spellings(name))
    m = matcher_of([("unconsented name", name, name)])
    assert m.find(f"We met {spelt} for coffee.") == [name], spelt
    assert m.find(f"https://example.org/{spelt}/") == [name], spelt


@pytest.mark.parametrize("text", [
    "Adaeze and Okafor", "Okafors", "adaezeokaforx", "Chioma", "a daeze okafor",
])
def test_near_misses_are_not_the_name(text: str) -> None:
    assert matcher_of([("unconsented name", NAMES[0], 1)]).find(text) == []


@pytest.mark.parametrize(("name", "text"), [
    ("山田太郎", "昨日山田太郎さんと会いました"),
    ("山田 太郎", "昨日山田太郎さんと会いました"),
    ("สมชาย ใจดี", "ฉันได้พบสมชายใจดีที่ร้านกาแฟ"),
    ("김민준", "어제김민준씨를만났다"),
])
def test_a_name_in_a_script_without_spaces_is_found_inside_running_text(
        name: str, text: str) -> None:
    assert matcher_of([("unconsented name", name, 1)]).find(text) == [1]


def test_parts_are_given_and_family_name() -> None:
    assert name_forms("Dr. Ana de la Cruz").parts == ("ana", "cruz")
    assert name_forms("Li Wu").parts == ("li", "wu")
    assert name_forms("Orla CANARY-7f3a").parts == ("orla",)  # not a part with digits


# --------------------------------------------------------------------------- the filter


def interview(name: str, body: str, front: str = "", visibility: str = "public") -> str:
    return (f"---\ndate: 2026-01-01\nvisibility: {visibility}\nperson:\n  name: {name}\n"
            f"alias: a designer\n{front}---\n{body}")


def check(p: Prepared, audience: str = "public") -> list[Diagnostic]:
    diags = Diagnostics()
    build_view(p.valid, p.config, audience, diags)  # type: ignore[arg-type]
    return [d for d in diags if d.severity == "error"]


def found_at(p: Prepared, code: str = "name-without-consent") -> list[tuple[str, int]]:
    return sorted({(d.path, d.line) for d in check(p) if d.code == code})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=st.sampled_from(NAMES))
def test_the_filter_finds_every_spelling_at_its_line(data: st.DataObject, name: str) -> None:
    spelt = data.draw(spellings(name))
    with tempfile.TemporaryDirectory() as tmp:
        write_site(Path(tmp), {
            "content/interviews/x.md": interview(name, "Hello.\n"),
            "content/pages/about.md": f"---\ntitle: About\n---\nFirst.\n\nI met {spelt}.\n",
        })
        p = prepare(Path(tmp))
        assert found_at(p) == [("content/pages/about.md", 6)], spelt


ISSUE_EXAMPLES = {
    "NFD": unicodedata.normalize("NFD", "José María Ramírez"),
    "accents dropped": "Jose Ramirez",
    "zero-width joiner": "Jos\u200dé Ramírez",
    "soft hyphen": "José Ramí\u00adrez",
    "&shy;": "José Ramí&shy;rez",
    "full-width": fullwidth("Jose Ramirez"),
    "underscore": "José_Ramírez",
    "handle": "@JoseRamirez",
    "percent-escape in a URL": "[talk](https://example.org/José%20Ramírez)",
    "family-given": "Ramírez, José",
    "middle name dropped": "José Ramírez",
    # found by the red team
    "title and family name": "Mr Ramírez",
    "title with a dot": "Dr. Ramirez",
    "initial and family name": "J. Ramírez",
    "Cyrillic look-alike letters": "Jоsé Rаmírez",
    "Greek look-alike letters": "Jose Ramirez".replace("o", "ο"),
}


@pytest.mark.parametrize("spelt", ISSUE_EXAMPLES.values(), ids=ISSUE_EXAMPLES.keys())
def test_the_issue_spellings_are_errors(tmp_path: Path, spelt: str) -> None:
    write_site(tmp_path, {
        "content/interviews/x.md": interview("José María Ramírez", "Hello.\n"),
        "content/pages/about.md": f"---\ntitle: About\n---\nI met {spelt} there.\n",
    })
    assert found_at(prepare(tmp_path)) == [("content/pages/about.md", 4)]


@pytest.mark.parametrize(("name", "spelt"), [
    ("Ana García-López", "Ana García"),            # given name and first surname
    ("Ana María García López", "María García"),    # second given name and surname
    ("Mary-Jane Kowalski", "Maryjane Kowalski"),   # a hyphenated name run together
    ("Siobhán O'Brien", "Siobhan Obrien"),          # the apostrophe dropped
    ("Tomás Herrera", r'<span title="\54 om\e1 s Herrera">x</span>'),  # a CSS escape
    ("Tomás Herrera", r'<span data-n="\u0054om\u00e1s Herrera"></span>'),  # a JS escape
])
def test_short_and_escaped_forms_of_a_name_are_errors(tmp_path: Path, name: str,
                                                       spelt: str) -> None:
    """Found by the third red team: forms people write, and escapes a browser reads."""
    write_site(tmp_path, {
        "content/interviews/x.md": interview(name, "Hello.\n"),
        "content/pages/about.md": f"---\ntitle: About\n---\nI met {spelt} there.\n",
    })
    assert found_at(prepare(tmp_path)) == [("content/pages/about.md", 4)]


def test_a_script_with_code_is_refused_whatever_it_names(tmp_path: Path) -> None:
    """A script can write any name however spelt: red-team F8 refuses its code."""
    write_site(tmp_path, {
        "content/interviews/x.md": interview("Tomás Herrera", "Hello.\n"),
        "content/pages/about.md": "---\ntitle: About\n---\nI met <script>var n = "
                                  '"\\u0054om\\u00e1s Herrera";</script> there.\n',
    })
    assert [(d.path, d.line) for d in prepare(tmp_path).diags if d.code == "hiding-markup"] \
        == [("content/pages/about.md", 4)]


def test_a_referrals_family_name_alone_in_the_note_that_lists_them(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/x.md": interview(
        "Priya Raman", "She offered to introduce me.\n\nCole has been there for years.\n",
        front="consent:\n  publish_name: true\nreferrals: [{name: Hannah Cole}]\n")})
    assert found_at(prepare(tmp_path)) == [("content/interviews/x.md", 13)]


def test_a_cjk_name_in_running_text_is_an_error(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/interviews/x.md": interview("山田 太郎", "Hello.\n"),
        "content/pages/about.md": "---\ntitle: About\n---\n昨日山田太郎さんと会いました。\n",
    })
    assert found_at(prepare(tmp_path)) == [("content/pages/about.md", 4)]


@pytest.mark.parametrize("part", ["Marcus", "Lindqvist", "MARCUS", "Márcus"])
def test_given_or_family_name_alone_in_the_own_note(tmp_path: Path, part: str) -> None:
    write_site(tmp_path, {"content/interviews/m.md": interview(
        "Marcus Lindqvist", f"Intro.\n\n{part} told me the team is hiring.\n")})
    assert found_at(prepare(tmp_path)) == [("content/interviews/m.md", 10)]


def test_first_name_in_a_note_that_links_to_theirs(tmp_path: Path) -> None:
    write_site(tmp_path, {
        # (public: a private one, which the page does not show, names no one, R12-04)
        "content/interviews/m.md": interview("Marcus Lindqvist", "Hi.\n"),
        "content/pages/about.md": "---\ntitle: About\n---\nSee [[interviews/m]].\n\n"
                                  "Marcus told me so.\n",
        "content/pages/other.md": "---\ntitle: Other\n---\nMarcus Aurelius wrote it.\n",
    })
    # the page that links to the note is an error; an unrelated Marcus is not
    assert found_at(prepare(tmp_path)) == [("content/pages/about.md", 6)]


def test_a_consented_name_is_fine_in_every_form(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/x.md": interview(
        "José Ramírez", "Jose Ramirez said so. Ramírez, José. José did.\n",
        front="consent:\n  publish_name: true\n")})
    assert check(prepare(tmp_path)) == []


# --------------------------------------------------------------------------- class 9


PHONES = ["(416) 555-0199", "416.555.0199", "+14165550199", "416-555-0199", "555 0199",
          "＋１ ４１６ ５５５ ０１９９", "416–555–0199", "416—555—0199", "416·555·0199",
          "416\u2212555\u22120199"]
LINKS = ["linkedin.com/in/ada-okafor", "http://LinkedIn.com/in/Ada-Okafor/",
         "www.linkedin.com/in/ada-okafor", "https://www.linkedin.com/in/ada-okafor"]
EMAILS = ["ADA@Okafor.example", "ada&#64;okafor.example", "ada%40okafor.example",
          "ada at okafor dot example"]
CONTACT_FRONT = ("  email: ada@okafor.example\n  phone: \"+1 416 555 0199\"\n"
                 "  linkedin: https://www.linkedin.com/in/ada-okafor\n")



@pytest.mark.parametrize("written", PHONES + LINKS + EMAILS)
def test_a_contact_detail_however_written_is_an_error(tmp_path: Path, written: str) -> None:
    text = interview("Ada Okafor", "Intro.\n", "consent:\n  publish_name: true\n")
    text = text.replace("alias:", CONTACT_FRONT.rstrip("\n") + "\nalias:", 1)
    write_site(tmp_path, {"content/interviews/x.md": text,
                          "content/pages/about.md": f"---\ntitle: A\n---\nReach: {written}\n"})
    assert found_at(prepare(tmp_path), "contact-in-text") == [("content/pages/about.md", 4)]


@pytest.mark.parametrize("written", ["find me as adaokafor77", "@AdaOkafor77 on LinkedIn"])
def test_a_profile_handle_alone_is_a_contact_detail(tmp_path: Path, written: str) -> None:
    text = interview("Ada Okafor", "Intro.\n", "consent:\n  publish_name: true\n")
    text = text.replace("alias:", "  linkedin: https://www.linkedin.com/in/adaokafor77/\n"
                        "alias:", 1)
    write_site(tmp_path, {"content/interviews/x.md": text,
                          "content/pages/about.md": f"---\ntitle: A\n---\nReach: {written}\n"})
    assert found_at(prepare(tmp_path), "contact-in-text") == [("content/pages/about.md", 4)]


def test_other_numbers_are_not_the_phone(tmp_path: Path) -> None:
    text = interview("Ada Okafor", "Intro.\n", "consent:\n  publish_name: true\n")
    text = text.replace("alias:", CONTACT_FRONT.rstrip("\n") + "\nalias:", 1)
    write_site(tmp_path, {"content/interviews/x.md": text, "content/pages/about.md":
                          "---\ntitle: A\n---\nIn 2026 we paid $55,501 for 99 seats.\n"})
    assert check(prepare(tmp_path)) == []


def test_the_referrers_given_name_in_the_interviews_own_note(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/x.md": interview(
        "Ada Okafor", "Intro.\n\nThanks to Samira for the introduction.\n",
        "referred_by: Samira Haddad\n")})
    assert found_at(prepare(tmp_path)) == [("content/interviews/x.md", 11)]


def test_a_referrer_that_is_not_a_name_has_no_parts(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/x.md": interview(
        "Ada Okafor", "Intro.\n\nThe career centre put us in touch.\n",
        "referred_by: Career centre alumni night\n")})
    assert check(prepare(tmp_path)) == []


# --------------------------------------------------------------------------- class 6


@pytest.mark.parametrize(("path", "front", "line"), [
    ("adaeze_okafor.md", "", 1),
    ("AdaezeOkafor.md", "", 1),
    ("2026-01-01-okafor.md", "", 1),
    ("x.md", "slug: adaezeokafor\n", 7),
    ("x.md", "slug: coffee-with-adaeze\n", 7),
    ("x.md", "slug: okafor-adaeze\n", 7),
])
def test_a_name_in_the_address_is_an_error(tmp_path: Path, path: str, front: str,
                                           line: int) -> None:
    write_site(tmp_path, {f"content/interviews/{path}": interview(
        "Adaeze Okafor", "Hello.\n", front)})
    p = prepare(tmp_path)
    found = [(d.line, d.severity) for d in p.diags if d.code == "slug-names-person"]
    assert found == [(line, "error")]
    assert "slug:" in next(d.hint for d in p.diags if d.code == "slug-names-person")
    [note] = p.valid.notes
    assert "adaeze" not in note.slug and "okafor" not in note.slug  # and a neutral address


@pytest.mark.parametrize(("path", "front"), [
    ("adaeze_okafor.md", "consent:\n  publish_name: true\n"),
    ("2026-01-01-agency-ux.md", ""),
    ("x.md", "slug: design-chat\n"),
])
def test_an_address_that_does_not_name_them_is_fine(tmp_path: Path, path: str,
                                                    front: str) -> None:
    write_site(tmp_path, {f"content/interviews/{path}": interview(
        "Adaeze Okafor", "Hello.\n", front)})
    assert [d for d in prepare(tmp_path).diags if d.code == "slug-names-person"] == []


# --------------------------------------------------------------------------- class 7


@pytest.mark.parametrize(("first", "second"), [
    ("name: José Ramírez", "name: Jose Ramirez"),
    ("name: José Ramírez", "name: JOSÉ RAMÍREZ"),
    ("name: José Ramírez\n  email: jr@example.org", "name: J. Ramirez\n  email: JR@example.org"),
])
def test_consent_that_contradicts_itself_withholds_the_name(
        tmp_path: Path, first: str, second: str) -> None:
    def note(person: str, consent: str) -> str:
        return (f"---\ndate: 2026-01-01\nvisibility: public\nperson:\n  {person}\n"
                f"alias: an engineer\nconsent:\n  publish_name: {consent}\n---\nHi.\n")

    write_site(tmp_path, {"content/interviews/a.md": note(first, "true"),
                          "content/interviews/b.md": note(second, "false")})
    p = prepare(tmp_path)
    warned = [d for d in p.diags if d.code == "consent-conflict"]
    assert [(d.path, d.severity) for d in warned] == [("content/interviews/a.md", "warning")]
    assert "content/interviews/b.md:" in warned[0].message
    diags = Diagnostics()
    view = build_view(p.valid, p.config, "public", diags)
    assert {n.display_name for n in view.notes} == {"an engineer"}
    assert not any(n.name_published for n in view.notes)
    assert "José Ramírez" in unconsented_names(p.valid) or \
        "Jose Ramirez" in unconsented_names(p.valid)


def test_agreeing_notes_publish_the_name(tmp_path: Path) -> None:
    body = ("---\ndate: 2026-01-01\nvisibility: public\nperson:\n  name: {}\n"
            "consent:\n  publish_name: true\n---\nHi.\n")
    write_site(tmp_path, {"content/interviews/a.md": body.format("José Ramírez"),
                          "content/interviews/b.md": body.format("Jose Ramirez")})
    p = prepare(tmp_path)
    assert [d for d in p.diags if d.code == "consent-conflict"] == []
    diags = Diagnostics()
    assert all(n.name_published for n in build_view(p.valid, p.config, "public", diags).notes)
