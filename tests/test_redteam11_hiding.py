"""Red team 11, R11-15 (docs/redteam/2026-12-01-eleventh.md): other tools' ways of
hiding text were published: an Org/Logseq ``#+BEGIN_COMMENT`` block, a Ulysses
``++inline comment++`` and MkDocs admonitions typed or titled private (``!!!
private``, ``??? note "Private notes"``, ``!!! warning "Do not publish"``).

Now the comments (and AsciiDoc's, LaTeX's and reStructuredText's) are
``privacy-markup`` errors and the admonitions ``privacy-callout`` errors, as the
callouts are (ivsite.switches.toolcomments, ivsite.validate.bodyprivacy); the
audit reads an Org comment block and a Ulysses comment as secrets on its own
(ivsite.audit.comments). An admonition has no secret the audit could look for:
nothing withholds its text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    assert_audit_refuses,
    assert_published,
    audit_tool_comments_off,
    body_errors,
    other_readings_off,
    red_team_site,
)

from ivsite.pipeline import build
from ivsite.switches import toolcomments
from ivsite.validate import bodyprivacy

HIDDEN = {  # body: code
    "#+BEGIN_COMMENT\nCANARY-1 the Globex offer was 85k.\n#+END_COMMENT": "privacy-markup",
    "#+begin_comment\nCANARY-1\n#+end_comment": "privacy-markup",
    "  #+BEGIN_PRIVATE\nCANARY-1\n#+END_PRIVATE": "privacy-markup",
    "My piece ++CANARY-2 note to self: Globex's project++ redesigned a flow.":
        "privacy-markup",
    "////\nCANARY-3 AsciiDoc block\n////": "privacy-markup",
    "// CANARY-3 AsciiDoc line comment": "privacy-markup",
    "\\begin{comment}\nCANARY-3 LaTeX\n\\end{comment}": "privacy-markup",
    ".. CANARY-3 reStructuredText comment": "privacy-markup",
    ".. comment:: CANARY-3 reStructuredText": "privacy-markup",
    "Text @* CANARY-3 Razor *@ more.": "privacy-markup",
    "!!! private\n    CANARY-4 I am on probation.": "privacy-callout",
    "!!! secret \"Salary\"\n    CANARY-4": "privacy-callout",
    "???+ off-the-record\n    CANARY-4": "privacy-callout",
    "??? note \"Private notes\"\n    CANARY-5 I was let go.": "privacy-callout",
    "!!! warning \"Do not publish\"\n    CANARY-6 Bob does not know.": "privacy-callout",
    "!!! note 'Not for the site'\n\n    CANARY-6 code-block form": "privacy-callout",
    "- item\n- !!! private\n  CANARY-7": "privacy-callout",
}


@pytest.mark.parametrize(("body", "code"), list(HIDDEN.items()))
def test_another_tools_hiding_is_an_error(body: str, code: str) -> None:
    found = body_errors(f"Intro.\n\n{body}\n")
    assert code in {c for c, _ in found}, found
    assert body_errors(f"Intro.\n\n{body}\n", "private") == []
    assert body_errors(f"Intro.\n\n::: private\n{body}\n:::\n") == []


ORDINARY = ["I write C++ and C++ is fine.", "Use ++ and -- in loops.", "i++ and ++i in C.",
            "See https://example.org/a // b.", "Wait... and then.", ".. note:: a directive",
            "Write to me @*home, or at work.",
            "!!! note\n    A tip for readers.", "??? question \"How did you start?\"\n    Slowly.",
            "!!! warning \"Work in progress\"\n    Drafting.", "Wow!!! That was fast.",
            "#+TITLE: my notes", "`++x++` in code", "```\n#+BEGIN_COMMENT\n// x\n```",
            "!!! tip \"Keep your salary private\"\n    Advice."]


@pytest.mark.parametrize("body", ORDINARY)
def test_what_only_looks_alike_is_fine(body: str) -> None:
    assert body_errors(f"Intro.\n\n{body}\n") == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["!!!", "???", "???+"]),
       st.sampled_from(["note", "warning", "tip", "info", "danger", "example"]),
       st.sampled_from(["Private notes", "Do not publish", "Confidential", "Off the record",
                        "For my eyes only", "Not for the site", "Secret"]),
       st.sampled_from(['"', "'"]), st.sampled_from(["", "  "]))
def test_every_admonition_titled_private(marks: str, kind: str, title: str, quote: str,
                                         indent: str) -> None:
    body = f"Intro.\n\n{indent}{marks} {kind} {quote}{title}{quote}\n    CANARY text.\n"
    assert ("privacy-callout", 3) in body_errors(body), body


# ------------------------------------------------------------------- end to end

REPRODUCER = ("I am moving into user research.\n\n#+BEGIN_COMMENT\nCANARY-A1 note to self: "
              "the Globex offer was 85k.\n#+END_COMMENT\n\nMy first piece ++CANARY-A2 note to "
              "self: Globex's project++ redesigned a flow.\n\n!!! private\n    CANARY-A3 I am "
              "on probation.\n\n??? note \"Private notes\"\n    CANARY-A4 I was let go.\n\n"
              "!!! warning \"Do not publish\"\n    CANARY-A5 Bob does not know.\n")


def _site(root: Path, body: str = REPRODUCER) -> Path:
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, body)})


def test_the_build_refuses_the_reproducer(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    found = sorted((d.code, d.line) for d in result.diagnostics
                   if d.path == "content/pages/about.md")
    assert found == [("privacy-callout", 12), ("privacy-callout", 15), ("privacy-callout", 18),
                     ("privacy-markup", 6), ("privacy-markup", 10)], found
    assert result.status == 1 and not (tmp_path / "out").exists()


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    old = re.compile(toolcomments.TOOL_COMMENT.pattern.split("|^[ \\t]*#\\+begin_")[0],
                     re.MULTILINE)
    monkeypatch.setattr(toolcomments, "TOOL_COMMENT", old)
    monkeypatch.setattr(bodyprivacy, "admonitions", lambda text: iter(()))


def test_the_old_pattern_is_the_old_one() -> None:
    old = toolcomments.TOOL_COMMENT.pattern.split("|^[ \\t]*#\\+begin_")[0]
    assert old.endswith("<%-?#")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_comments(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    body = ("Intro.\n\n#+BEGIN_COMMENT\nCANARY-A1 note to self: the Globex offer was 85k.\n"
            "#+END_COMMENT\n")
    assert_audit_refuses(_site(tmp_path / "s", body), tmp_path / "out",
                         "content/pages/about.md")
    body = "My first piece ++CANARY-A2 note to self: Globex's project++ redesigned a flow.\n"
    assert_audit_refuses(_site(tmp_path / "s2", body), tmp_path / "out2",
                         "content/pages/about.md")


@pytest.mark.usefixtures("no_filter")
def test_without_the_rules_each_is_published(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    audit_tool_comments_off(monkeypatch)
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s"), tmp_path / "out", "CANARY-A1")
    for canary in ("CANARY-A2", "CANARY-A3", "CANARY-A4", "CANARY-A5"):
        assert_published(_site(tmp_path / canary), tmp_path / f"out-{canary}", canary)
