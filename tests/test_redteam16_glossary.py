"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-06: a glossary refused.

A definition list or a list of bold lead-ins that defines the words of a trade
was refused (``privacy-label``) when one term was a privacy word: "NDA",
"Embargo", "Off the record", "Confidential". A glossary written as a definition
list (ivsite.switches.glossaries: three terms or more, each with its definition,
not all of them labels) defines
its terms: a privacy word among them is a ``glossary-term`` warning, and the
audit holds no definition of one withheld (ivsite.audit.labelled). A term that
tells the reader what to do ("Do not publish", "Mentor only") or is "Private"
stays a label, and so does any label outside a glossary. A list of lead-ins
("- **Embargo:** …") is left refused: it is also how interview notes are written
as fields ("- Role: … / - Off the record: …"), where the label withholds.

A false refusal, so: the glossary builds; real labels are still refused, by the
filter and (for the labels the audit knows) by the audit alone; and with the
rule switched off the glossary is refused again (so the tests can fail).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, assert_filter_refuses, body_errors, write_site

from ivsite.pipeline import Result, build
from ivsite.switches import glossaries
from ivsite.validate import note as validate

CONFIG = {"title": "Career notes", "author": "Ana Silva",
          "base_url": "https://ana.example.org/"}

GLOSSARIES = {
    "deflist-nda": "NDA\n: a non-disclosure agreement; agencies ask freelancers to sign one."
                   "\n\nRetainer\n: a monthly fee for a set amount of work.\n\n"
                   "Pitch\n: a proposal for a story or a campaign.",
    "deflist-embargo": "Embargo\n: the date and time before which a press release may not be "
                       "reported.\n\nExclusive\n: a story offered to one outlet first.\n\n"
                       "Wire\n: a service that sends releases to newsrooms.",
    "deflist-off-the-record": "On background\n: may be used, but not attributed by name.\n\n"
                              "Off the record\n: may not be used at all; ask before the "
                              "interview, not after.\n\nOn the record\n: may be quoted by name.",
    "deflist-confidential": "Public\n: anyone may read it.\n\nInternal\n: staff only.\n\n"
                            "Confidential\n: named people only; agencies label client plans "
                            "this way.",
}
FIELD_LISTS = {  # the shape of a glossary of lead-ins is the shape of fields: refused
    "bold-list": "Terms:\n\n- **Embargo:** the time before which a release may not be "
                 "reported.\n- **NDA:** a non-disclosure agreement.\n- **Retainer:** a "
                 "monthly fee.",
    "bold-off-the-record": "- **On background:** may be used, but not attributed by name.\n"
                           "- **Off the record:** may not be used at all; ask first.\n"
                           "- **On the record:** may be quoted by name.",
    "fields": "- Role: data lead.\n- Salary: 85k.\n- Off the record: she is leaving in March.",
}


SLUGS = {k: f"words-{i}" for i, k in enumerate(sorted({**GLOSSARIES, **FIELD_LISTS}))}
"""A page's file name without the privacy words of its key: a path that says
"nda" or "embargo" withholds the page (ivsite.switches.pathprivacy)."""


def _site(root: Path, bodies: dict[str, str]) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        **{f"pages/{SLUGS.get(k, k)}.md": ({"title": "PR glossary"},
                                           f"Words I kept hearing in my conversations.\n\n{b}\n")
           for k, b in bodies.items()}}, CONFIG)


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


def test_a_glossary_of_the_trade_builds(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", GLOSSARIES), out=tmp_path / "out")
    assert result.status == 0, _said(result)
    warned = {d.path for d in result.diagnostics if d.code == "glossary-term"}
    assert warned == {f"content/pages/{SLUGS[k]}.md" for k in GLOSSARIES}, _said(result)
    corpus = OutputCorpus(tmp_path / "out")
    assert corpus.find("a non-disclosure agreement") != []
    assert corpus.find("may not be used at all") != []


@pytest.mark.usefixtures("no_filter")
def test_the_audit_holds_no_glossary_definition(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", GLOSSARIES), out=tmp_path / "out")
    assert result.status == 0, _said(result)


LABELS = {  # still labels: (body, line of the error in the note)
    "two-terms": "Salary\n: 85k.\n\nOff the record\n: she is leaving in March.",
    "all-labels": "Private\n: she is leaving.\n\nSecret\n: the merger.\n\n"
                  "Confidential\n: the client list.",
    "do-not-publish": "Role\n: data lead.\n\nSalary\n: 85k.\n\n"
                      "Do not publish\n: she is leaving in March.",
    "mentor-only": "- **Role:** data lead.\n- **Salary:** 85k.\n"
                   "- **Mentor only:** she is leaving in March.",
    "private-field": "- **Role:** data lead.\n- **Salary:** 85k.\n"
                     "- **Private:** she is leaving in March.",
    "not-every-item": "- **Role:** data lead.\n- a note without a term\n"
                      "- **Off the record:** she is leaving in March.",
    "heading": "## Off the record\n\nShe is leaving in March.",
}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_a_real_label_is_still_refused(key: str) -> None:
    assert any(code == "privacy-label" for code, _ in body_errors(LABELS[key])), key


@pytest.mark.parametrize("key", sorted(FIELD_LISTS))
def test_a_list_of_lead_ins_is_refused(key: str) -> None:
    assert any(code == "privacy-label" for code, _ in body_errors(FIELD_LISTS[key])), key


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_still_refuses_a_label_outside_a_glossary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "body_privacy", lambda *args: False)  # the filter's part
    body = ("- **Role:** data lead.\n- a note without a term\n"
            "- **Off the record:** she is leaving the firm in March.")
    result = build(_site(tmp_path / "s", {"notes": body}), out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(h.secret.kind == "labelled passage" for h in result.hits), _said(result)


def test_switched_off_the_glossary_is_refused(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glossaries, "GLOSSARIES", False)
    for key, body in GLOSSARIES.items():
        site = _site(tmp_path / key, {key: body})
        assert_filter_refuses(site, tmp_path / f"{key}-out", f"content/pages/{SLUGS[key]}.md",
                              "privacy-label")


@pytest.mark.usefixtures("no_filter")
def test_switched_off_the_audit_holds_the_definition(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "body_privacy", lambda *args: False)  # the filter's part
    monkeypatch.setattr(glossaries, "GLOSSARIES", False)
    site = _site(tmp_path / "s", {"bold": FIELD_LISTS["bold-off-the-record"]})
    result = build(site, out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(h.secret.kind == "labelled passage" for h in result.hits), _said(result)


TRADE = ["Retainer", "Pitch", "Wire", "Exclusive", "Byline", "Boilerplate", "Press kit"]
PRIVACY_TERMS = ["NDA", "Embargo", "Off the record", "Confidential", "OTR", "Secret",
                 "Under embargo"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(TRADE), min_size=1, max_size=4, unique=True),
       st.lists(st.sampled_from(PRIVACY_TERMS), min_size=1, max_size=2, unique=True),
       st.randoms(use_true_random=False), st.just("deflist"))
def test_any_glossary_with_a_trade_word_builds(trade: list[str], privacy: list[str],
                                               rnd: object, shape: str) -> None:
    terms = [*trade, *privacy]
    if len(terms) < glossaries.MIN_TERMS:
        terms.append("Wire service")
    rnd.shuffle(terms)  # type: ignore[attr-defined]
    if shape == "deflist":
        body = "\n\n".join(f"{t}\n: what {t.lower()} means in an agency." for t in terms)
    else:
        lead = "**{t}:**" if shape == "bold" else "{t}:"
        body = "\n".join("- " + lead.format(t=t) + f" what {t.lower()} means." for t in terms)
    assert body_errors(body) == [], body
