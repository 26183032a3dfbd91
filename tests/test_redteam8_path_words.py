"""Red team 8, N7 and N9: the privacy words a path (and a tag) is read by.

N7: the README claims the French, Spanish and German privacy words, but only the
words for "private" and "draft" were in ivsite.switches.lookalike's list: a page kept in
``geheim/`` (German "secret") or ``no publicar/`` and a public note tagged
``geheim`` were published. Now each language's words for every English one
(secret, confidential, do not publish, unpublished, personal, internal, do not
share) are in the list.

N9: a folder name that runs a privacy word into another in one case
(``privatenotes/``, ``mydrafts/``, ``secretstuff/``) had no word to split and was
published. Now a word that holds one says private (ivsite.switches.runtogether), unless
the rest makes an ordinary English word of it (``privateer``, ``drafting``,
``secretary``).

Each is refused by the filter (``path-says-private``, ``privacy-tag``,
``private-file``) and, with the filter's reading of the path switched off, by the
build's own audit; with the new words (or the run-together reading) taken out,
the build exits 0 with the text in the output.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sites import assert_audit_refuses, assert_filter_refuses, assert_published, red_team_site

from ivsite.switches import fmchecks, lookalike, pathprivacy
from ivsite.switches.lookalike import privacy_tag
from ivsite.switches.pathprivacy import path_privacy
from ivsite.validate import note as validate

README = Path(__file__).resolve().parents[1] / "README.md"
SALARY = "Globex bietet 105k, ich will 120k."

LANGUAGES = {
    "French": ["privé", "Privée", "brouillons", "secret", "confidentiel", "confidentielle",
               "ne pas publier", "à ne pas publier", "non publié", "inédit", "inedit",
               "personnelle", "interne", "ne pas partager"],
    "Spanish": ["privado", "privada", "borradores", "secreto", "Secretos", "confidencial",
                "no publicar", "sin publicar", "inédito", "personal", "interno",
                "no compartir"],
    "German": ["privat", "Entwürfe", "Entwurf", "geheim", "Geheim", "vertraulich",
               "nicht veröffentlichen", "nicht-veroeffentlichen", "unveröffentlicht",
               "unveroffentlicht", "persönlich", "persoenlich", "nicht teilen"],
}
"""The translations of the English privacy words, written as an author would (case,
accents or none, plurals, spaces), independent of the module's list."""

ENGLISH_WORDS = ["intern", "personnel", "internet", "international", "credit", "agenda",
                 "internship", "secretary", "inedited"]
"""Ordinary English words near those: ``intern`` (German "internal") and
``personnel`` (French "personal") are left out on purpose (see ivsite.switches.lookalike)."""


def _readme_words() -> list[str]:
    """The privacy words the README's "The path can say private too" names: the
    backticked words of its list (what follows "one list:" up to "any case")."""
    text = README.read_text("utf-8")
    start = text.index("**The path can say private too.**")
    claim = text[start:text.index("any case", start)]
    claim = claim[claim.index("one list:"):]
    return [w for quoted in re.findall(r"`([^`]+)`", claim) for w in quoted.split("/")]


def test_every_word_the_readme_names_is_refused() -> None:
    said = _readme_words()
    assert {"privé", "privat", "privado", "entwurf", "brouillon", "borrador"} <= set(said)
    for word in said:
        assert path_privacy(f"pages/{word}/x.md") == f"{word}/", word
        assert privacy_tag(word), word


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_word_of_a_language_is_refused(language: str) -> None:
    module_words = getattr(lookalike, language.upper())
    for word in [*LANGUAGES[language], *module_words]:
        assert path_privacy(f"pages/{word}/x.md") == f"{word}/", word
        assert path_privacy(f"pages/x ({word}).md") == f"x ({word}).md", word
        assert privacy_tag(word), word


def test_english_words_near_them_are_not() -> None:
    for word in ENGLISH_WORDS:
        assert path_privacy(f"pages/{word}/x.md") is None, word
        assert not privacy_tag(word), word


def _site(root: Path, folder: str, front: dict[str, Any] | None = None) -> Path:
    return red_team_site(root, {f"pages/{folder}/gehalt.md": (
        {"title": "Gehalt", **(front or {})}, SALARY + "\n")})


FOLDERS = ["geheim", "no publicar", "confidentiel", "unveröffentlicht", "Secreto"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_filter_refuses_a_public_page_in_the_folder(tmp_path: Path, folder: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", folder, {"visibility": "public"}),
                          tmp_path / "out", f"content/pages/{folder}/gehalt.md",
                          "path-says-private")


@pytest.mark.parametrize("tag", ["geheim", "no-publicar", "confidentiel", "Vertraulich"])
def test_the_filter_refuses_the_tag(tmp_path: Path, tag: str) -> None:
    site = red_team_site(tmp_path / "s", {"pages/p.md": ({"title": "P", "tags": [tag]},
                                                         SALARY + "\n")})
    assert_filter_refuses(site, tmp_path / "out", "content/pages/p.md", "privacy-tag")


def test_the_filter_refuses_a_link_to_a_file_there(tmp_path: Path) -> None:
    site = red_team_site(tmp_path / "s", {
        "pages/no publicar/oferta.txt": "Oferta de Globex: 105k\n",
        "pages/about.md": ({"title": "About"}, "[oferta](<no publicar/oferta.txt>)\n")})
    assert_filter_refuses(site, tmp_path / "out", "content/pages/about.md", "private-file")


@pytest.fixture()
def path_filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's reading of the path switched off (validation and the
    contradiction check); the audit's own (ivsite.audit.secrets) is left on."""
    monkeypatch.setattr(validate, "path_privacy", lambda rel: None)
    monkeypatch.setattr(fmchecks, "path_privacy", lambda rel: None)


@pytest.mark.usefixtures("path_filter_off")
@pytest.mark.parametrize("folder", FOLDERS)
def test_the_audit_alone_refuses_a_page_in_the_folder(tmp_path: Path, folder: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", folder), tmp_path / "out",
                         f"content/pages/{folder}/gehalt.md")


ENGLISH_ONLY = tuple(w for w in lookalike.WITHHELD
                     if w not in {lookalike.normalise(x) for x in
                                  (*lookalike.FRENCH, *lookalike.SPANISH, *lookalike.GERMAN)})


def test_without_the_words_the_page_is_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookalike, "WITHHELD", ENGLISH_ONLY)
    assert_published(_site(tmp_path / "s", "geheim"), tmp_path / "out", SALARY)


# --------------------------------------------------------------------------- N9

RUN_TOGETHER = ["privatenotes", "mydrafts", "secretstuff", "keepprivate", "forprivateuse",
                "PRIVATENOTES", "hiddengems", "geheimnotizen", "misborradores",
                "confidentialmemos", "unpublishedwork"]
ORDINARY = ["privateer", "drafting", "secretary", "secretaries", "secretariat", "privately",
            "privatization", "deprivation", "overdraft", "overdrafts", "updraft", "draftsman",
            "drafty", "secretive", "secretly", "secretion", "internalize", "privacy",
            "aircraft", "confidentiality", "personality", "wiper", "agenda", "privilege"]


def test_a_word_run_into_others_says_private() -> None:
    for folder in RUN_TOGETHER:
        assert path_privacy(f"pages/{folder}/x.md") == f"{folder}/", folder
        assert path_privacy(f"pages/{folder}.md") == f"{folder}.md", folder


def test_an_ordinary_word_holding_one_says_nothing() -> None:
    for word in ORDINARY:
        assert path_privacy(f"pages/{word}/x.md") is None, word
        assert path_privacy(f"pages/{word}-tips.md") is None, word


@pytest.mark.parametrize("folder", ["privatenotes", "mydrafts", "secretstuff"])
def test_the_filter_refuses_a_public_page_run_together(tmp_path: Path, folder: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", folder, {"visibility": "public"}),
                          tmp_path / "out", f"content/pages/{folder}/gehalt.md",
                          "path-says-private")


@pytest.mark.usefixtures("path_filter_off")
@pytest.mark.parametrize("folder", ["privatenotes", "mydrafts"])
def test_the_audit_alone_refuses_a_page_run_together(tmp_path: Path, folder: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", folder), tmp_path / "out",
                         f"content/pages/{folder}/gehalt.md")


def test_without_the_run_together_reading_the_page_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pathprivacy, "hidden_privacy_word", lambda word: None)
    assert_published(_site(tmp_path / "s", "privatenotes"), tmp_path / "out", SALARY)
