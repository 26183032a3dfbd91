"""Red team 11, R11-10 (docs/redteam/2026-12-01-eleventh.md): privacy words known
in one place and not another. ``sensitive: true`` and ``restricted: true`` were
privacy keys, ``local_only`` and ``for_my_eyes_only`` "do not publish" keys, but
as a folder or a tag each meant nothing; ``classified: true``, ``just_for_me:
true``, ``exclude_from_site: true`` and ``show: false`` were only warnings.

Now ivsite.switches.lookalike's ``WITHHELD`` is the one list read by folders,
file names, tags, keys, values, callouts and labels, and those words are in it.
Its ``LEAVE_OUT`` verbs (``exclude``, ``ignore``, ``skip``, ``hide``, ``offline``)
leave a folder's notes out and, set to true, make a key a ``privacy-key`` error;
its ``SHOWN`` keys set to false too (``show: false``, ``online: false``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, audit_refusals, red_team_site

from ivsite.pipeline import build
from ivsite.switches import fmchecks, lookalike, otherswitches, pathprivacy, runtogether
from ivsite.switches.lookalike import LEAVE_OUT, SHOWN, WITHHELD, privacy_tag, privacy_word
from ivsite.switches.otherswitches import not_published
from ivsite.switches.pathprivacy import path_privacy
from ivsite.validate import note as validate

NEW = ("sensitive", "restricted", "classified", "localonly", "keeplocal", "formyeyesonly",
       "justforme", "nosite", "notforsite", "notforweb", "notfortheweb", "nopub",
       "unpublishable", "donotpost", "dontpost", "keepout", "excludefromsite", "donotshow",
       "dontshow", "betweenyouandme", "inconfidence", "instrictconfidence",
       "removebeforepublishing", "removebeforepublish", "donotrepeat", "dontrepeat")
"""The words red team 11 found known in one place only, or in none."""


@pytest.mark.parametrize("word", sorted(WITHHELD))
def test_a_word_of_the_one_list_is_known_everywhere(word: str) -> None:
    assert path_privacy(f"pages/{word}/note.md") == f"{word}/"
    assert path_privacy(f"pages/x-{word}.md") == f"x-{word}.md"
    assert privacy_tag(word) and privacy_tag(f"work/{word}")
    assert privacy_word(word) is not None


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(NEW), st.sampled_from(["-", "_", " ", ""]), st.booleans())
def test_every_spelling_of_a_new_word(word: str, sep: str, upper: bool) -> None:
    spelt = {"sensitive": "sensitive", "restricted": "restricted", "classified": "classified",
             "localonly": "local|only", "keeplocal": "keep|local", "justforme": "just|for|me",
             "donotpost": "do|not|post", "keepout": "keep|out",
             "excludefromsite": "exclude|from|site"}.get(word, word).replace("|", sep)
    spelt = spelt.upper() if upper else spelt
    assert path_privacy(f"pages/{spelt}/note.md"), spelt
    assert privacy_tag(spelt.replace(" ", "-")), spelt
    assert privacy_word(spelt.replace(" ", "_")) is not None, spelt


@pytest.mark.parametrize("verb", sorted(LEAVE_OUT))
def test_a_leave_out_verb_is_a_folder_and_a_key(verb: str) -> None:
    assert path_privacy(f"pages/{verb}/note.md") == f"{verb}/"
    assert path_privacy(f"pages/{verb}-me/note.md") == f"{verb}-me/"
    assert not_published(f"{verb}_from_site", True) is not None
    assert not_published(verb, False) is None


@pytest.mark.parametrize("key", sorted(SHOWN))
def test_a_shown_key_set_to_false(key: str) -> None:
    assert not_published(key, False) is not None
    assert not_published(key, "no") is not None
    assert not_published(key, True) is None


@pytest.mark.parametrize("rel", [
    "pages/skip-level-meetings/note.md", "pages/offline-networking/note.md",
    "pages/offline.md", "pages/hide-and-seek/x.md", "pages/excluded-groups-in-tech/x.md",
    "pages/sensitivity-training/x.md"])
def test_a_topic_is_no_leave_out_folder(rel: str) -> None:
    assert path_privacy(rel) is None


@pytest.mark.parametrize("tag", ["offline", "skip-level", "hide", "ignore", "exclusion"])
def test_a_verb_is_a_topic_as_a_tag(tag: str) -> None:
    assert not privacy_tag(tag)


# ------------------------------------------------------------------- end to end

PAGES = {
    "pages/sensitive/salary.md": ({"title": "Salary history"}, "CANARY-F1 62k.\n"),
    "pages/restricted/exit.md": ({"title": "Exit plan"}, "CANARY-F2 June.\n"),
    "pages/local-only/offer.md": ({"title": "Offer notes"}, "CANARY-F3 85k.\n"),
    "pages/just-for-me/health.md": ({"title": "Health"}, "CANARY-F4 leave.\n"),
    "pages/ignore-me/plan.md": ({"title": "Plan"}, "CANARY-F5 plan.\n"),
    "pages/offline/debts.md": ({"title": "Debts"}, "CANARY-F6 debts.\n"),
}
TAGGED = {
    "pages/counter.md": ({"title": "Counter", "tags": ["sensitive"]}, "CANARY-T1 80k.\n"),
    "pages/job.md": ({"title": "Job", "tags": ["local-only"]}, "CANARY-T2 85k.\n"),
}
KEYED = {
    "pages/a.md": ({"title": "A", "classified": True}, "CANARY-K1 layoffs.\n"),
    "pages/b.md": ({"title": "B", "just_for_me": True}, "CANARY-K2 therapy.\n"),
    "pages/c.md": ({"title": "C", "exclude_from_site": True}, "CANARY-K3 lawsuit.\n"),
    "pages/d.md": ({"title": "D", "show": False}, "CANARY-K4 loan.\n"),
    "pages/e.md": ({"title": "E", "skip": True}, "CANARY-K5 plan.\n"),
    "pages/f.md": ({"title": "F", "online": False}, "CANARY-K6 plan.\n"),
}


def test_folders_withhold_tags_and_keys_refuse(tmp_path: Path) -> None:
    site = red_team_site(tmp_path / "s", PAGES)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    assert all(corpus.find(f"CANARY-F{i}") == [] for i in range(1, 7))
    result = build(red_team_site(tmp_path / "s2", {**TAGGED, **KEYED}), out=tmp_path / "out2")
    found = {(d.path.rsplit("/", 1)[-1], d.code) for d in result.diagnostics
             if d.severity == "error"}
    assert found == {("counter.md", "privacy-tag"), ("job.md", "privacy-tag"),
                     *((f"{c}.md", "privacy-key") for c in "abcdef")}, found
    assert not (tmp_path / "out2").exists()


def _old_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one list as it was before red team 11, and no leave-out or shown words."""
    old = tuple(w for w in WITHHELD if w not in NEW)
    monkeypatch.setattr(lookalike, "WITHHELD", old)
    monkeypatch.setattr(lookalike, "PRIVACY_WORDS", tuple(
        w for w in lookalike.PRIVACY_WORDS if w not in NEW))
    monkeypatch.setattr(runtogether, "INSIDE", tuple(w for w in runtogether.INSIDE
                                                     if w not in NEW))
    monkeypatch.setattr(pathprivacy, "folder_leaves_out", lambda segment: False)
    monkeypatch.setattr(otherswitches, "LEAVE_OUT", frozenset())
    monkeypatch.setattr(otherswitches, "SHOWN", frozenset())


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_withholds_the_folders(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit reads the path with the same one list, on its own: with the filter's
    reading of the path off, it refuses the build."""
    monkeypatch.setattr(validate, "path_privacy", lambda rel: None)
    monkeypatch.setattr(fmchecks, "path_privacy", lambda rel: None)
    refused = audit_refusals(red_team_site(tmp_path / "s", PAGES), tmp_path / "out")
    sources = {source for _, source in refused}
    assert {f"content/{rel}" for rel in PAGES} <= sources, sources


def test_without_the_one_list_each_is_published(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _old_lists(monkeypatch)
    site = red_team_site(tmp_path / "s", {**PAGES, **TAGGED, **KEYED})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for canary in [*(f"F{i}" for i in range(1, 7)), "T1", "T2",
                   *(f"K{i}" for i in range(1, 7))]:
        assert corpus.find(f"CANARY-{canary}") != [], canary
