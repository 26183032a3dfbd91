"""Red team 9 (docs/redteam/2026-12-01-ninth.md): a name in spellings the matcher
did not read, each a class of spellings, all through the one matcher both lines
share (ivsite.names.nameforms, ivsite.names.people):

* R9-01/02 stay open: a short Latin name ("Jane Doe") written in another script
  ("Джейн Доу") is not looked for by sound (ivsite.names.soundkey.MIN_KEY says why;
  the test below shows a PDF's font read as UTF-16 would be refused);
* R9-03: two letters drawn like one ("Rnoore" for Moore, "clean" for Dean):
  spelt into the name (ivsite.names.drawnpairs);
* R9-04: another form of the given name ("Bob Smith" for Robert Smith), both
  words capitalised (ivsite.names.nicknamed);
* R9-08/09/09b: the initial and family name run together in four or five letters
  ("jdoe") where the text shows a handle: a path, a file name, a host name
  (ivsite.names.nameforms.MIN_SHORT_HANDLE, ivsite.names.handles).

Matcher cases are unit tests; one build shows the filter refuses every page, one
that the audit alone does, one that with all four off the build publishes them,
and one that near misses build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import (
    OutputCorpus,
    assert_published,
    day,
    other_readings_off,
    write_site,
)

from ivsite.names import givenforms, nameforms
from ivsite.names.people import needle_of
from ivsite.pipeline import build
from ivsite.text.textmatch import Matcher

JANE = "interviews/2026-03-01-bank.md"
WILLIAM = "interviews/2026-03-02-shop.md"
ROBERT = "interviews/2026-03-03-school.md"

LEAKS = {  # page -> (text, whose interview)
    "pairs": ("Williarn Rnoore told me about campaigns.", WILLIAM),
    "nickname": ("Bob Smith told me about campaigns.", ROBERT),
    "url": ("See https://acme.example/team/jdoe for campaigns.", JANE),
    "file": ("![chart](jdoe-chart.png)", JANE),
}
SHOWN = {"pairs": "Williarn Rnoore",
         "nickname": "Bob Smith", "url": "team/jdoe", "file": "jdoe-chart.png"}


def _talk(name: str, visibility: str, company: str) -> tuple[dict[str, object], str]:
    return ({"visibility": visibility, "date": day("2026-03-01"),
             "person": {"name": name, "company": company},
             "alias": "a coordinator", "status": "done"}, "We talked about the job.\n")


def _site(root: Path, pages: dict[str, str], jane_company: str = "Acme") -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        JANE: _talk("Jane Doe", "public", jane_company),
        WILLIAM: _talk("William Moore", "private", "Acme"),
        ROBERT: _talk("Robert Smith", "private", "Acme"),
        **{f"pages/{p}.md": ({"title": p.title()}, f"{text}\n") for p, text in pages.items()},
        "pages/jdoe-chart.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
    })


def _matcher(name: str) -> Matcher[int]:
    n = needle_of("unconsented name", name)
    return Matcher([(s, 1) for s in n.seqs], sounds=[(s, 1) for s in n.sounds],
                   confirmed=[(c, 1) for c in n.confirmed])


FOUND = [
    ("William Moore", "VVilliam Rnoore"), ("William Moore", "WILLIARN MOORE"),
    ("Dana Mudd", "Dana Rnuclcl"), ("Dean Ward", "Clean VVard"),
    ("Robert Smith", "Bob Smith"), ("Robert Smith", "BOBBY SMITH"),
    ("Bob Smith", "Robert Smith"), ("William Young", "Will Young"),
    ("Jane Doe", "https://acme.example/team/jdoe"), ("Jane Doe", "jdoe-chart.png"),
    ("Jane Doe", "her studio jdoe.design"), ("Jane Doe", "@jdoe"), ("Jane Doe", "JDoe"),
]
NOT_FOUND = [
    ("Jane Doe", "Жена да"), ("Jane Doe", "jn d said"), ("Jane Doe", "Jan Do said"),
    ("William Moore", "the more the merrier in a modern moor"),
    ("Dean Ward", "a clean ward"),  # lower case, but the name spelt plainly is found
    ("Robert Smith", "will smith the metal; bob smith the boat"),
    ("Jiwoo Son", "We parse package.json and data.json files."),
    ("Jiwoo Son", "JSON in json form"), ("Jane Doe", "a jd oe"),
]


@pytest.mark.parametrize(("name", "text"), FOUND)
def test_the_matcher_finds(name: str, text: str) -> None:
    assert _matcher(name).find(text) == [1], (name, text)


@pytest.mark.parametrize(("name", "text"), NOT_FOUND)
def test_the_matcher_passes(name: str, text: str) -> None:
    found = _matcher(name).find(text)
    if name == "Dean Ward":  # "clean ward" is Dean Ward drawn: found, as "dean ward" is
        assert found == [1]
    else:
        assert found == [], (name, text)


def test_the_filter_refuses_each(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()}, "jdoe.design")
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    refused = {d.path for d in result.diagnostics if d.code == "name-without-consent"}
    assert refused >= {f"content/pages/{p}.md" for p in LEAKS} | {f"content/{JANE}"}, refused
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_each(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()}, "jdoe.design")
    result = build(site, out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hits = {(h.output, h.secret.source) for h in result.hits}
    for page, (_, source) in LEAKS.items():
        assert any(out.startswith(f"{page}/") and src == f"content/{source}"
                   for out, src in hits), (page, sorted(hits))
    assert any(out.startswith("companies/jdoe") for out, _ in hits), sorted(hits)
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
def test_without_these_readings_it_is_published(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "drawn_seqs", lambda seqs: set())
    monkeypatch.setattr(givenforms, "GIVEN_VARIANTS", False)
    monkeypatch.setattr(nameforms, "MIN_SHORT_HANDLE", nameforms.MAX_SHORT_HANDLE + 1)
    other_readings_off(monkeypatch)
    site = _site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()}, "jdoe.design")
    out = tmp_path / "out"
    result = build(site, out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(out)
    for page, shown in SHOWN.items():
        assert corpus.find(shown) != [], page
    assert (out / "companies" / "jdoe-design" / "index.html").exists()


def test_near_misses_are_published(tmp_path: Path) -> None:
    pages = {"a": "The more the merrier: a modern moor, a clean break.",
             "b": "Жена да. ジャンプ. We will smith the metal and rob smith of time.",
             "c": "We parse package.json; jd oe is no one; Jan Do said hi.",
             "d": "Take every turn; learn the corner."}
    site = _site(tmp_path / "s", pages)
    assert_published(site, tmp_path / "out", "modern moor")


def test_a_short_name_is_not_read_by_sound_in_random_letters_of_another_script() -> None:
    """Why R9-01/02 stay open: "Jane Doe" read by sound ("~jn ~d") would be found
    in Chinese "金的" ("jin de") and in a font read as UTF-16."""
    assert _matcher("Jane Doe").find("金的") == []
    assert _matcher("Jane Doe").find("Джейн Доу") == []
