"""What the audit must not refuse: words the theme prints on its own, and a visible
title that happens to be a withheld note's slug (found by the red team)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import OutputCorpus
from unit_helpers import write_site

from ivsite.pipeline import build


def test_a_month_name_that_is_a_withheld_given_name_is_no_leak(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {
        "content/interviews/2026-02-03-chat.md":
            "---\ndate: 2026-02-03\nperson:\n  name: April Jones\n---\nPrivate chat.\n",
        "content/reflections/r.md":
            "---\ntitle: First steps\ndate: 2026-04-10\nvisibility: public\n---\nThinking.\n",
    })
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find("April") != []  # the date label is there


def test_a_visible_title_beside_a_section_word_is_not_a_withheld_slug(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {
        "content/reflections/salary.md":
            "---\ntitle: Pay talk\ndate: 2026-01-02\n---\nNumbers.\n",
        "content/pages/salary.md": "---\ntitle: Salary\n---\nA public page on pay.\n",
    })
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_withheld_address_written_out_is_still_found(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {
        "content/reflections/salary.md":
            "---\ntitle: Pay talk\ndate: 2026-01-02\n---\nNumbers.\n",
        "content/pages/p.md": "---\ntitle: P\n---\nSee `reflections/salary/` for more.\n",
    })
    result = build(root, out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "audit" and d.path == "content/reflections/salary.md"
               for d in result.diagnostics)


def test_a_family_name_shared_with_an_unconsented_referrer_is_no_leak(tmp_path: Path) -> None:
    """Kemal Saarinen agreed to be named; Freya Saarinen, who introduced him, did not:
    "Saarinen" alone is Kemal's published name, not a part of Freya's."""
    root = write_site(tmp_path / "site", {
        "content/interviews/2026-01-02-kemal.md":
            "---\ndate: 2026-01-02\nvisibility: public\nperson:\n  name: Kemal Saarinen\n"
            "consent:\n  publish_name: true\nreferred_by: Freya Saarinen\n---\n"
            "Kemal Saarinen talked about writing.\n",
        "content/interviews/2026-01-03-private.md":
            "---\ndate: 2026-01-03\nperson:\n  name: Lee Saarinen\n---\nPrivate.\n",
    })
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    assert corpus.find("Kemal Saarinen") != []
    assert corpus.find("Freya") == [] and corpus.find("Lee Saarinen") == []


def test_the_authors_name_shared_with_a_withheld_person_is_no_leak(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {
        "content/interviews/2026-01-03-private.md":
            "---\ndate: 2026-01-03\nperson:\n  name: Ann Chen\n---\nPrivate.\n",
        "content/pages/about.md": "---\ntitle: About\n---\nHello.\n",
    }, 'title = "T"\nauthor = "Ann Author"\n')
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_withheld_page_address_written_out_in_full_is_found(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {
        "content/pages/secretpage.md": "---\ntitle: Secret\nvisibility: private\n---\nx\n",
        "content/pages/about.md": "---\ntitle: About\n---\nSee https://x.example/secretpage/\n",
    }, 'title = "T"\nbase_url = "https://x.example/"\n')
    result = build(root, out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "audit" and d.path == "content/pages/secretpage.md"
               for d in result.diagnostics)


def test_a_shared_compound_given_name_is_no_leak(tmp_path: Path) -> None:
    """Dong-hyun Ortega agreed to be named, Dong-hyun Horvath did not: "Dong-hyun"
    alone is a given name, not a short form of Horvath's name (the bench corpus)."""
    body = ("---\ndate: 2026-01-0{}\nvisibility: {}\nperson:\n  name: {}\n"
            "consent:\n  publish_name: {}\n---\nNotes.\n")
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": body.format(1, "public", "Dong-hyun Ortega", "true"),
        "content/interviews/b.md": body.format(2, "private", "Dong-hyun Horvath", "false"),
    })
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def _shared_initial_site(root: Path, body: str) -> Path:
    """Aiko C. Fagerlund agreed to be named; Camila G. Fagerlund did not ("C.
    Fagerlund" is a short form of her name, and inside his)."""
    return write_site(root, {
        "content/interviews/2026-01-02-aiko.md":
            "---\ndate: 2026-01-02\nvisibility: public\nperson:\n  name: Aiko C. Fagerlund\n"
            f"consent:\n  publish_name: true\n---\n{body}\n",
        "content/interviews/2026-01-03-planner.md":
            "---\ndate: 2026-01-03\nvisibility: public\nalias: a planner\nperson:\n"
            "  name: Camila G. Fagerlund\n---\nPlanning.\n",
    })


def test_a_consented_name_holding_a_short_form_of_another_is_no_leak(tmp_path: Path) -> None:
    """Found building the 10,000-note benchmark site, where shared family names and
    initials are common: the default title "Conversation with Aiko C. Fagerlund"
    was refused as naming Camila."""
    root = _shared_initial_site(tmp_path / "site", "AIKO C FAGERLUND talked about routes.")
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find("Aiko C. Fagerlund") != []


def test_the_short_form_alone_still_names_the_one_who_did_not_agree(tmp_path: Path) -> None:
    root = _shared_initial_site(tmp_path / "site",
                                "Aiko C. Fagerlund told me C. Fagerlund plans routes.")
    result = build(root, out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "name-without-consent" and "Camila" in d.message
               for d in result.diagnostics), [d.text() for d in result.diagnostics]


def test_a_consented_namesake_in_the_next_links_text_is_no_leak(tmp_path: Path) -> None:
    """Mateus Brennan did not agree to be named, Wanjiru Brennan did. Mateus's page
    links to Wanjiru's as the newer conversation; the reading of the page without
    its tags runs that link's text into the next ("Wanjiru BrennanNewer"), and the
    consented name must still be taken out of it before "Brennan" is looked for
    (a false refusal found in bench/'s 1,000-note corpus)."""
    def note(date: str, name: str, consent: bool) -> str:
        return (f"---\ndate: {date}\nvisibility: public\nperson:\n  name: {name}\n"
                f"alias: a researcher\nconsent:\n  publish_name: {str(consent).lower()}\n"
                "---\nWe talked.\n")
    root = write_site(tmp_path / "site", {
        "content/interviews/2026-01-02-a.md": note("2026-01-02", "Mateus Brennan", False),
        "content/interviews/2026-01-01-b.md": note("2026-01-01", "Wanjiru Brennan", True),
        "content/interviews/2026-01-03-c.md": note("2026-01-03", "Ines Okafor", True),
    })
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    page = (tmp_path / "out/interviews/2026-01-02-a/index.html").read_text()
    assert "Wanjiru Brennan" in page and "Mateus" not in page


def _interview(date: str, name: str, consent: bool) -> str:
    return (f"---\ndate: {date}\nvisibility: public\nperson:\n  name: {name}\n"
            f"alias: a researcher\nconsent:\n  publish_name: {str(consent).lower()}\n"
            "---\nWe talked.\n")


def test_pagefinds_index_is_read_word_by_word(tmp_path: Path) -> None:
    """Pagefind's word index is a CBOR document: read as text, a six-letter word
    runs into its header byte "f" ("fwojcik", the handle form of an unconsented
    Felix Wojcik), and words that sit side by side only because the index is in
    alphabetical order ("dlamini dmitri") read as a name. Both refused this
    1,000-note corpus of bench/ once the audit looked for handles."""
    root = write_site(tmp_path / "site", {
        "content/interviews/2026-01-01-a.md": _interview("2026-01-01", "Felix Wojcik", False),
        "content/interviews/2026-01-02-b.md": _interview("2026-01-02", "Anna Wojcik", True),
        "content/interviews/2026-01-03-c.md": _interview("2026-01-03", "Dmitri Dlamini", False),
        "content/interviews/2026-01-04-d.md": _interview("2026-01-04", "Dmitri Okafor", True),
        "content/interviews/2026-01-05-e.md": _interview("2026-01-05", "Sipho Dlamini", True),
    })
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert list((tmp_path / "out" / "pagefind" / "index").glob("*.pf_index"))


def test_a_name_in_pagefinds_index_is_still_found() -> None:
    """Decoded, each string of the index is read: a name written into one is a hit."""
    import gzip

    import cbor2

    from ivsite.readers.readable import readable_texts
    from ivsite.text.textmatch import searchable

    doc = gzip.compress(b"pagefind_dcd" + cbor2.dumps([["felix wojcik", 3], {"k": "jane"}]))
    texts = readable_texts(Path("pagefind/index/en_1.pf_index"), doc)
    assert any(" felix wojcik " in searchable(t).joined for t in texts)
    assert not any(" wojcik jane " in searchable(t).joined for t in texts)


def test_read_as_raw_bytes_the_index_refuses_the_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The decoding switched off: the same site is refused on the index alone."""
    from ivsite.readers import readable
    monkeypatch.setattr(readable, "cbor_strings", lambda data: None)
    root = write_site(tmp_path / "site", {
        "content/interviews/2026-01-01-a.md": _interview("2026-01-01", "Felix Wojcik", False),
        "content/interviews/2026-01-02-b.md": _interview("2026-01-02", "Anna Wojcik", True),
    })
    result = build(root, out=tmp_path / "out")
    assert result.status == 1
    assert {h.output.split("/")[0] for h in result.hits} == {"pagefind"}
