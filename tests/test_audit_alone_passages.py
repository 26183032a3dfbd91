"""The audit alone catches each class of passage, comment and link leak.

For each class, the filter's handling is switched off (monkeypatched) and a real
build is run: the build must still fail, with an audit error that names the
source, and leave no output. The audit shares no code with the filter's
decision: it looks for what the cut found withheld (passages), what a regex finds
in the raw body (comments) and where every address in the output leads (links).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import canary, put
from unit_helpers import write_site

from ivsite.audience import viewbody
from ivsite.markdown import comments, passages
from ivsite.pipeline import EXIT_CONTENT, build

SOURCE = "content/pages/odd.md"
WORDS = "said in confidence about the team budget and the reorganisation plans"


def _sentence(kind: str) -> str:
    return f"{canary(kind)} {WORDS}"


PASSAGE_CASES = {
    "plain": f"::: private\n{_sentence('a1')}\n:::\n",
    "raw-html": f"<details>\n\n::: private\n{_sentence('a2')}\n:::\n\n</details>\n",
    "table-rows": f"| a |\n|---|\n| b |\n::: private\n| {_sentence('a3')} |\n:::\n",
    "list": f"- item\n\n  ::: private\n  {_sentence('a4')}\n  :::\n",
    "quote": f"> ::: private\n> {_sentence('a5')}\n> :::\n",
    "footnote": f"Said[^n].\n\n::: private\n[^n]: {_sentence('a6')}\n:::\n",
    "definition-title": f"See [doc][d].\n\n::: private\n[d]: https://example.org/x "
                        f"\"{_sentence('a7')}\"\n:::\n",
    "definition-url": f"See [doc][d].\n\n::: private\n[d]: https://{canary('a8')}.example/x\n"
                      ":::\n",
    "mentor-in-public": f"::: mentor\n{_sentence('a9')}\n:::\n",
}


def small_site(root: Path) -> Path:
    """A site with one public page besides the note under test (a larger one would
    stop at the filter's own name checks before the audit is reached)."""
    return write_site(root, {"content/pages/about.md": "---\ntitle: About\n---\nHello.\n"})


def _expect_audit_failure(site: Path, out: Path, source: str = SOURCE) -> None:
    result = build(site, out=out)
    audit = [d for d in result.diagnostics if d.code == "audit"]
    assert result.status == EXIT_CONTENT, [d.text() for d in result.diagnostics]
    assert audit, [d.text() for d in result.diagnostics]
    assert all(d.severity == "error" for d in audit)
    assert source in {d.path for d in audit}, [d.text() for d in audit]
    assert not out.exists()


@pytest.mark.parametrize("case", sorted(PASSAGE_CASES))
def test_passages_the_filter_lets_through_fail_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    site = small_site(tmp_path / "site")
    put(site / SOURCE, ({"title": "Odd", "visibility": "public"},
                        "Public words.\n\n" + PASSAGE_CASES[case]))
    # The filter's whole handling of passages: which lines an audience reads.
    monkeypatch.setattr(passages.Cut, "hides", lambda self, sees: False)
    _expect_audit_failure(site, tmp_path / "out")


COMMENT_CASES = {
    "empty-opener": f"x <!--> {_sentence('c1')} -->\n",
    "image-alt": f"![photo <!-- {_sentence('c2')} -->](https://example.org/a.png)\n",
    "past-blank-line": f"a <!-- {canary('c3')} said\n\n{WORDS} -->\n",
    "block": f"<!--\n{_sentence('c4')}\n-->\n",
}


@pytest.mark.parametrize("case", sorted(COMMENT_CASES))
def test_comments_the_filter_lets_through_fail_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    site = small_site(tmp_path / "site")
    put(site / SOURCE, ({"title": "Odd", "visibility": "public"},
                        "Public words.\n\n" + COMMENT_CASES[case]))
    monkeypatch.setattr(comments, "without_comments",
                        lambda raw, code, problem, said=None: list(enumerate(raw)))
    monkeypatch.setattr(viewbody, "_COMMENT", viewbody.re.compile(r"(?!x)x"))
    monkeypatch.setattr(passages, "check_tokens", lambda tokens, cut, sees: [])
    _expect_audit_failure(site, tmp_path / "out")


@pytest.mark.parametrize("link", [
    '<a href="../reflections/{stem}/">x</a>',
    '<a href="/reflections/{stem}/index.html">x</a>',
])
def test_raw_links_the_filter_lets_through_fail_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, link: str) -> None:
    site = small_site(tmp_path / "site")
    put(site / "content/reflections/salary-talk.md",
        ({"title": "Salary talk", "date": "2026-01-02", "visibility": "private"}, "Numbers.\n"))
    put(site / SOURCE, ({"title": "Odd", "visibility": "public"},
                        "Public words " + link.format(stem="salary-talk") + "\n"))
    monkeypatch.setattr(viewbody.BodyFilter, "_raw_html", lambda self, content: content)
    _expect_audit_failure(site, tmp_path / "out", "content/reflections/salary-talk.md")


def test_the_raw_link_case_is_clean_with_the_filter_on(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    put(site / "content/reflections/salary-talk.md",
        ({"title": "Salary talk", "date": "2026-01-02", "visibility": "private"}, "Numbers.\n"))
    put(site / SOURCE, ({"title": "Odd", "visibility": "public"},
                        'Public words <a href="../reflections/salary-talk/">x</a>\n'))
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
