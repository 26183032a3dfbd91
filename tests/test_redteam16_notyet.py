"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-08: a readiness state
set false (``ready: false``, ``approved: false``) or a search engine's opt-out
(``robots: noindex``, ``sitemap: false``, ``search_exclude: true``) was an
unknown-key warning, and the page was published. The filter reads both by shape
(ivsite.switches.notyet: ``privacy-key``); the audit holds such a note withheld
on its own (ivsite.audit.saidsettings, a short list of its own, top level).

Each: refused by the filter, by the audit alone, published with both off;
events a career note records (``accepted: false``, ``final_round: false``,
``sitemap_priority: 0``) still build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sites import assert_published, write_site

import ivsite.audit.saidsettings
import ivsite.switches.otherswitches
from ivsite.pipeline import build
from ivsite.switches.notyet import not_yet

CANARY = "Kestrelpay"
LINES = ["ready: false", "final: false", "approved: false", "reviewed: false",
         "complete: false", "finished: false", "done: no", "is_ready: false",
         "signed_off: false", "robots: noindex, nofollow", "robots: none", "sitemap: false",
         "search_exclude: true", "noindex: true", "searchable: false"]
PAGE = "content/pages/asking.md"


def _site(root: Path, line: str) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "pages/asking.md": f"---\ntitle: What I would ask for\n{line}\n---\n\n"
                           f"{CANARY}: I would ask for 68k and walk away under 61k.\n"})


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.switches.otherswitches, "not_yet", lambda *args: None)


@pytest.mark.parametrize("line", LINES)
def test_the_filter_refuses_it(tmp_path: Path, line: str) -> None:
    result = build(_site(tmp_path / "s", line), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.path == PAGE and d.code == "privacy-key" for d in result.diagnostics), \
        [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("line", [x for x in LINES if x != "noindex: true"])
def test_the_audit_alone_refuses_it(tmp_path: Path, line: str,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    result = build(_site(tmp_path / "s", line), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.secret.source == PAGE for h in result.hits), [h.text() for h in result.hits]


@pytest.mark.parametrize("line", ["ready: false", "robots: noindex, nofollow"])
def test_with_both_off_it_is_published(tmp_path: Path, line: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(ivsite.audit.saidsettings, "_not_yet", lambda *args: False)
    assert_published(_site(tmp_path / "s", line), tmp_path / "out", CANARY)


@pytest.mark.parametrize("line", ["ready: true", "accepted: false", "final_round: false",
                                  "sitemap_priority: 0", "robots: index, follow",
                                  "search_terms: none", "complete_profile: false",
                                  "reviewed_by: Ana"])
def test_ordinary_keys_build(tmp_path: Path, line: str) -> None:
    result = build(_site(tmp_path / "s", line), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


@given(prefix=st.sampled_from(["", "is_", "is", "marked_", "page_"]),
       word=st.sampled_from(["ready", "Final", "APPROVED", "reviewed", "complete", "finished",
                             "done", "signed-off", "proofread", "vetted"]),
       suffix=st.sampled_from(["", "_for_publishing", "-to-publish", "ForWeb"]),
       value=st.sampled_from([False, "no", "No", "off", "not yet"]))
def test_readiness_set_false_is_read_by_shape(prefix: str, word: str, suffix: str,
                                              value: object) -> None:
    assert not_yet(prefix + word + suffix, value) is not None
    assert not_yet(prefix + word + suffix, True) is None


@given(key=st.sampled_from(["robots", "meta_robots", "googlebot", "robots_meta", "seo_robots"]),
       value=st.sampled_from(["noindex", "noindex, nofollow", "NOINDEX,NOFOLLOW",
                              ["noindex", "nofollow"]]))
def test_robots_noindex_is_read_by_shape(key: str, value: object) -> None:
    assert not_yet(key, value) is not None
    assert not_yet(key, "index, follow") is None


@given(key=st.sampled_from(["search_exclude", "sitemap_exclude", "exclude_search",
                            "hide_from_search", "nosearch", "no_index", "skip_sitemap"]))
def test_search_opt_outs_are_read_by_shape(key: str) -> None:
    assert not_yet(key, True) is not None
    assert not_yet("search", {"exclude": True}) is not None
    assert not_yet(key, False) is None
