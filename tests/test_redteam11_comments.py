"""Red team 11 (docs/redteam/2026-12-01-eleventh.md), R11-03 and R11-04: text an
author meant as a comment in a printed text outside a note's body was printed.

R11-03: a ``# note to self`` line inside a TOML multi-line string in site.toml,
or inside a ``>`` (or ``|``, or quoted) value of questions.yaml, is text, not a
comment. It is now ``comment-in-settings`` (ivsite.validate.settinglines) and
``comment-in-questions`` (ivsite.markdown.blockcomments, as in front matter), and
the audit reads such a line of a printed text as a secret (ivsite.audit.comments).

R11-04: other tools' comments (CriticMarkup ``{>> <<}``, Handlebars ``{{! }}``,
Jinja ``{# #}`` …) in front-matter strings, site.toml's title and author and
questions.yaml's entries are ``privacy-markup`` errors, as in a body
(ivsite.validate.frontmarkers), and what they say is a secret to the audit.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    audit_tool_comments_off,
    other_readings_off,
    red_team_site,
    red_team_talk,
)

from ivsite.audit import comments as auditcomments
from ivsite.core.diagnostics import Diagnostics
from ivsite.markdown.frontmatter import split
from ivsite.pipeline import checks
from ivsite.validate import config, frontmarkers, questionsfile
from ivsite.validate.frontmarkers import front_markers
from ivsite.validate.questionsfile import read_questions
from ivsite.validate.settinglines import hash_lines

TOML_TITLE = 'title = """Career research\n# CANARY-T note to self: I still work at Globex\n"""\n'
FOLDED = ("- id: typical-day\n  text: >\n    What does a typical day look like?\n"
          "    # CANARY-Y ask Bob Stone about the layoffs\n")
TALK = "## What does a typical day look like?\n\nMeetings and sketching.\n"


def _site(root: Path, toml_title: str = 'title = "Test site"\n',
          questions: str = "[]\n", about: tuple[dict[str, str], str] | None = None) -> Path:
    content: dict[str, object] = {"questions.yaml": questions}
    if about is not None:
        content["pages/about.md"] = about
    site = red_team_site(root, content, red_team_talk(TALK))  # type: ignore[arg-type]
    toml = (site / "site.toml").read_text()
    (site / "site.toml").write_text(re.sub(r'title = "Test site"\n', lambda _: toml_title, toml))
    return site


# ------------------------------------------------------------------ R11-03, TOML


def test_a_hash_line_in_a_toml_string_is_found() -> None:
    text = ("# a real comment\ntitle = '''Research\n  # inside a literal string\n'''\n"
            "author = \"\"\"A\n# inside a basic string\n\"\"\"  # a comment after it\n"
            "   # an indented real comment\n[share]\nenabled = false\n")
    assert hash_lines(text, tomllib.loads(text)) == [3, 6]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(['"""', "'''"]), st.text("abc XYZ:!,", min_size=1, max_size=20),
       st.booleans(), st.sampled_from(["", "  ", "\t"]))
def test_a_hash_line_counts_only_inside_a_string(quote: str, said: str, inside: bool,
                                                 indent: str) -> None:
    line = f"{indent}# {said}"
    text = (f"title = {quote}T\n{line}\n{quote}\n" if inside
            else f"title = {quote}T\n{quote}\n{line}\n")
    assert hash_lines(text, tomllib.loads(text)) == ([2] if inside else [])


def test_the_build_refuses_a_hash_line_in_site_toml(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s", TOML_TITLE), tmp_path / "out", "site.toml",
                          "comment-in-settings", 2)


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_hash_line_in_site_toml(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "string_comments", lambda *args: False)
    assert_audit_refuses(_site(tmp_path / "s", TOML_TITLE), tmp_path / "out", "site.toml")


# ------------------------------------------------------------------ R11-03, YAML


@pytest.mark.parametrize("text", [
    FOLDED,
    "- text: |\n    What is a typical day?\n    # CANARY-Y note to self\n",
    '- text: "What is a typical day?\n    # CANARY-Y note to self"\n',
    "- text: What is a typical day?\n  aliases:\n    - >-\n      A day?\n      # CANARY-Y x\n"])
def test_a_hash_line_in_a_question_is_an_error(text: str) -> None:
    diags = Diagnostics()
    read_questions("content/questions.yaml", text.encode(), diags)
    assert [d.code for d in diags.errors] == ["comment-in-questions"], diags.errors
    assert "CANARY-Y" in text.split("\n")[diags.errors[0].line - 1]


@pytest.mark.parametrize("text", [
    "# a comment\n- text: >\n    Issue #42 is fixed?\n# another\n",
    "- text: What is a day?  # a real comment\n",
    "- text: What is a day?\n  # a real comment on its own line\n"])
def test_real_comments_in_the_bank_are_fine(text: str) -> None:
    diags = Diagnostics()
    read_questions("content/questions.yaml", text.encode(), diags)
    assert diags.errors == []


def test_a_quoted_front_matter_value_over_lines_too() -> None:
    _, found = split("n.md", b'---\ntitle: "About\n  # CANARY note to self"\n---\nx\n')
    assert [(d.code, d.line) for d in found] == [("comment-in-front-matter", 3)]


def test_the_build_refuses_a_hash_line_in_the_bank(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s", questions=FOLDED), tmp_path / "out",
                          "content/questions.yaml", "comment-in-questions", 4)


@pytest.mark.usefixtures("no_filter")
def test_without_the_checks_the_hash_lines_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "string_comments", lambda *args: False)
    monkeypatch.setattr(questionsfile, "block_comments", lambda *args: [])
    monkeypatch.setattr(auditcomments, "_HASH_LINE", re.compile(r"(?!)"))
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", TOML_TITLE), tmp_path / "out", "CANARY-T")
    assert_published(_site(tmp_path / "s2", questions=FOLDED), tmp_path / "out2", "CANARY-Y")


# ------------------------------------------------------------------ R11-04

TOOL_COMMENTS = ["{>> CANARY-C note to self, keep Globex out <<}",
                 "{{! CANARY-C remember the 85k counter-offer }}",
                 "{# CANARY-C she said 85k, do not repeat #}",
                 "{-- CANARY-C the Globex project --}",
                 "{{!-- CANARY-C the Globex project --}}",
                 "{/* CANARY-C the Globex project */}",
                 "<%# CANARY-C the Globex project %>"]


def _front_codes(title: str, summary: str = "A summary.") -> list[str]:
    diags = Diagnostics()
    text = f"---\ntitle: {title!r}\nsummary: {summary!r}\n---\nx\n".replace("\\'", "''")
    fm, _ = split("n.md", text.encode())
    assert fm is not None
    front_markers("n.md", fm, "public", diags)
    return [d.code for d in diags.errors]


@pytest.mark.parametrize("comment", TOOL_COMMENTS)
def test_a_tool_comment_in_front_matter_is_an_error(comment: str) -> None:
    assert _front_codes(f"About me {comment}") == ["privacy-markup"]
    assert _front_codes("About me", f"How I got here {comment}") == ["privacy-markup"]


@pytest.mark.parametrize("comment", TOOL_COMMENTS)
def test_a_tool_comment_in_the_bank_is_an_error(comment: str) -> None:
    diags = Diagnostics()
    quoted = comment.replace("'", "''")
    read_questions("q.yaml", f"- text: 'What is a day? {quoted}'\n".encode(), diags)
    assert [d.code for d in diags.errors] == ["privacy-markup"]


@pytest.mark.parametrize("title", ["Notes {#about}", "C++ {and} templates", "Sets {a, b}",
                                   "Jinja: {{ name }}", "100% {done}"])
def test_braces_that_are_no_comment_build(title: str) -> None:
    assert _front_codes(title) == []


ABOUT = ({"title": "About me {>> CANARY-C note to self, keep Globex out <<}",
          "summary": "How I got here {{! CANARY-H remember the 85k counter-offer }}"},
         "I research careers in design.\n")
JINJA_BANK = ('- id: pay\n  text: "What do juniors earn? {# CANARY-J she said 85k, do not '
              'repeat #}"\n')


def test_the_build_refuses_tool_comments(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s", about=ABOUT), tmp_path / "out",
                          "content/pages/about.md", "privacy-markup")
    assert_filter_refuses(_site(tmp_path / "s2", questions=JINJA_BANK), tmp_path / "out2",
                          "content/questions.yaml", "privacy-markup")
    toml = 'title = "Career research {# CANARY-K keep Globex out #}"\n'
    assert_filter_refuses(_site(tmp_path / "s3", toml), tmp_path / "out3", "site.toml",
                          "privacy-markup")


def _markup_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frontmarkers, "tool_comments", lambda text: iter(()))


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_tool_comments(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _markup_off(monkeypatch)
    assert_audit_refuses(_site(tmp_path / "s", about=ABOUT), tmp_path / "out",
                         "content/pages/about.md")
    assert_audit_refuses(_site(tmp_path / "s2", questions=JINJA_BANK), tmp_path / "out2",
                         "questions.yaml (question 'pay')")


@pytest.mark.usefixtures("no_filter")
def test_without_the_checks_tool_comments_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _markup_off(monkeypatch)
    other_readings_off(monkeypatch)
    audit_tool_comments_off(monkeypatch)
    monkeypatch.setattr(checks, "without_comments", lambda text: text)
    assert_published(_site(tmp_path / "s", about=ABOUT), tmp_path / "out", "CANARY-C")
    assert_published(_site(tmp_path / "s2", questions=JINJA_BANK), tmp_path / "out2",
                     "CANARY-J")
