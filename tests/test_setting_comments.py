"""A YAML comment in the front matter that takes a setting back (red teams 9, 15
and 16: ``visibility: public  # NO: keep private until she replies`` built and
published the page). The filter refuses a comment that doubts a setting that
shows the note (ivsite.validate.frontcomments), and a withheld setting
commented out; the audit alone holds such a note withheld (its own narrower
reading: ivsite.audit.saidsettings); with both off, the page is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sites import assert_filter_refuses, assert_published, audit_refusals, write_site

from ivsite.audit import saidsettings
from ivsite.pipeline import build
from ivsite.switches.yamlcomments import says_withheld, yaml_comments
from ivsite.validate import note as validate

CANARY = "Kestrel marmalade quota halved"
PAGE = "pages/budget.md"


def _site(root: Path, header: str) -> Path:
    text = f"---\ntitle: Budget notes\n{header}\n---\n\n{CANARY} for Q3, says the CFO.\n"
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             PAGE: text})


REFUSED = {
    "doubt beside public": "visibility: public  # NO: keep private until she replies",
    "privacy word beside public": "visibility: public # private for now",
    "commented out": "visibility: public\n# visibility: private",
    "commented out draft": "visibility: public\n#draft: true",
    "commented out publish": "visibility: public\n# publish: false",
    "beside mentor": "visibility: mentor  # not yet, ask her first",
    "question": "visibility: public  # ok to share?",
}


@pytest.mark.parametrize("header", REFUSED.values(), ids=list(REFUSED))
def test_the_filter_refuses(tmp_path: Path, header: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", header), tmp_path / "out", f"content/{PAGE}",
                          "setting-comment")


BUILDS = {
    "explains": "visibility: public  # agreed by email on 3 March",
    "dated": "visibility: public # since 2026-03-01",
    "private note": "visibility: private\n# visibility: public  # not yet",
    "hash in a quote": "visibility: public\nsummary: 'Budget # 3, not yet final'",
    "hash in a block": "visibility: public\nsummary: |\n  Budget\n  # visibility: private\n",
    "hash in an address": "visibility: public\nsource: https://example.org/a#private",
}


@pytest.mark.parametrize("header", BUILDS.values(), ids=list(BUILDS))
def test_ordinary_comments_build(tmp_path: Path, header: str) -> None:
    result = build(_site(tmp_path / "s", header), out=tmp_path / "out")
    assert not any(d.code == "setting-comment" for d in result.diagnostics), \
        [d.text() for d in result.diagnostics]


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "setting_comments", lambda *args: False)


AUDITED = ["doubt beside public", "privacy word beside public", "commented out",
           "commented out draft", "commented out publish"]


@pytest.mark.parametrize("case", AUDITED)
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 case: str) -> None:
    _filter_off(monkeypatch)
    hits = audit_refusals(_site(tmp_path / "s", REFUSED[case]), tmp_path / "out")
    assert any(source == f"content/{PAGE}" for _, source in hits), hits


@pytest.mark.parametrize("case", AUDITED)
def test_with_both_off_the_page_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             case: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(saidsettings, "_commented", lambda comment: None)
    assert_published(_site(tmp_path / "s", REFUSED[case]), tmp_path / "out", CANARY)


DOUBTS = ["not yet", "TBD", "wait for her reply", "pending approval", "ask first",
          "until the offer is signed", "keep it confidential", "off the record", "draft"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(DOUBTS), st.sampled_from(["", "NB ", "NO: ", "- "]),
       st.sampled_from(["#", "# ", "  #  "]), st.booleans())
def test_any_doubt_beside_public_is_read(doubt: str, lead: str, hash_: str,
                                         upper: bool) -> None:
    said = f"{lead}{doubt.upper() if upper else doubt}"
    text = f"---\ntitle: A\nvisibility: public {hash_}{said}\n---\nBody\n"
    found = list(yaml_comments(text, 5))
    assert [c.before for c in found] == ["visibility: public"]
    assert says_withheld(found[0].text) is not None
