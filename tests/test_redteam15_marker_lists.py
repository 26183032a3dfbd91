"""Red team 15, R15-05 (docs/redteam/2026-12-02-fifteenth.md): gaps in the lists
of "do not publish" markers. Each of these published its text with exit 0:
journalists' lead-in labels (``OTR:``, ``DNP:``, ``FYEO:``, ``(OTR)``), notes to
self (``Memo to self:``, ``Keep to myself:``, ``Self-note:``, ``Not for the
blog:``) and a leading 🔒; other tools' comments (FreeMarker ``<#-- -->``, Smarty
``{* *}``, JSP ``<%-- --%>``, LaTeX ``\\iffalse … \\fi``, ``#if 0``, ``/* */``,
``(* *)``); the keys ``deleted``, ``trash``, ``expired``, ``archived`` set true;
a page in ``🔒/``, ``not-ready/``, ``scratch/``, ``tmp/``, ``inbox/``, ``to-review/``.

Now comments are read by shape (ivsite.switches.delimited), keys by the state
they name (ivsite.switches.keepout), folders by what they say of their notes,
and labels with the abbreviations, the phrases and the lock. The audit reads
the comments (ivsite.audit.comments), the keys (ivsite.audit.saidsettings) and
the folders (ivsite.switches.pathprivacy, which it asks on its own) by itself,
and the lines the unambiguous labels open (ivsite.audit.labelled: what follows
the label is withheld, a narrower reading than the filter's).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    OutputCorpus,
    assert_filter_refuses,
    assert_published,
    audit_refusals,
    body_errors,
    other_readings_off,
    red_team_site,
)

from ivsite.audit import comments as auditcomments
from ivsite.audit import labelled as auditlabelled
from ivsite.audit import saidsettings
from ivsite.audit import secrets as auditsecrets
from ivsite.pipeline import build
from ivsite.switches import fmchecks, keepout, lookalike, markerwords, pathprivacy
from ivsite.switches.delimited import delimited_comments
from ivsite.switches.otherswitches import not_published
from ivsite.switches.pathprivacy import path_privacy
from ivsite.validate import bodymarkers, bodyprivacy
from ivsite.validate import note as validate

SAID = "Kestrel marmalade quota halved for Q3, says the CFO."

# --------------------------------------------------------------------------- labels

LABELS = ["OTR: ", "DNP: ", "FYEO: ", "(OTR) ", "NFP: ", "[DNP] ", "**FYEO:** ",
          "Memo to self: ", "Note to self: ", "Keep to myself: ", "Self-note: ",
          "Not for the blog: ", "🔒 ", "🔐 ", "🔒\ufe0f ", "🤫 ", "- [ ] 🔒 ",
          "We met. 🔒 ", "🔒 Security: ", "🔒 Kestrel, the CFO says: "]


@pytest.mark.parametrize("label", LABELS)
def test_a_label_is_an_error(label: str) -> None:
    assert ("privacy-label", 3) in body_errors(f"Intro.\n\n{label}{SAID}\n")
    assert body_errors(f"Intro.\n\n::: private\n{label}{SAID}\n:::\n") == []
    assert body_errors(f"Intro.\n\n{label}{SAID}\n", "private") == []


ORDINARY_LABELS = [
    "Inbox zero is a myth, she said.", "DNP programme: three years, clinical hours.",
    "NFP sector: lower pay, better hours.", "🔓 Open roles: two in Leeds.",
    "🔑 Key takeaways: ask early.", "🚧 This page is still growing.",
    "Note: the team is hiring.", "The OTR exam is hard.", "Security 🔒 matters to them.",
]


@pytest.mark.parametrize("body", ORDINARY_LABELS)
def test_ordinary_lines_are_no_label(body: str) -> None:
    assert body_errors(f"Intro.\n\n{body}\n") == []


def test_the_message_says_how_to_keep_a_degree() -> None:
    from ivsite.core.diagnostics import Diagnostics
    diags = Diagnostics()
    assert bodyprivacy._marker("n.md", 3, "the label", "DNP", "label", diags)
    assert "write it out" in diags.errors[0].hint


LABELLED_PAGE = {"pages/notes.md": ({"title": "Notes"}, "".join(
    f"{label}{SAID.replace('Kestrel', f'QQ{i}')}\n\n"
    for i, label in enumerate(("OTR: ", "- Memo to self: ", "🔒 "))))}


def test_the_build_refuses_the_labels(tmp_path: Path) -> None:
    assert_filter_refuses(red_team_site(tmp_path / "s", LABELLED_PAGE), tmp_path / "out",
                          "content/pages/notes.md", "privacy-label")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_labels(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "markers", lambda tokens, lines: iter(()))
    refused = audit_refusals(red_team_site(tmp_path / "s", LABELLED_PAGE), tmp_path / "out")
    assert ("notes/index.html", "content/pages/notes.md") in refused, refused


@pytest.mark.parametrize(("text", "said"), [
    ("OTR: the CFO halved the budget.", "the CFO halved the budget."),
    ("> **Note to self:** ask about the Leeds office", "ask about the Leeds office"),
    ("1. [ ] DNP: she is leaving in June.", "she is leaving in June."),
    ("🔒\ufe0f the Leeds office closes", "the Leeds office closes"),
])
def test_the_audit_reads_a_label_on_its_own(text: str, said: str) -> None:
    assert [s for _, s in auditlabelled.labelled(text)] == [said]
    assert said not in auditlabelled.without_labelled(text)


@pytest.mark.parametrize("text", [
    "Private: 12 conversations", "## OTR: a heading", "    OTR: indented code line",
    "| OTR: in a table |", "The OTR: exam", "NFP: lower pay, better hours.",
])
def test_the_audit_reads_fewer_labels_than_the_filter(text: str) -> None:
    assert list(auditlabelled.labelled(text)) == []


def test_without_the_new_labels_each_is_published(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """With the new words off in the filter and the audit's reading off, the text
    is published (so the tests above can fail)."""
    new = {"memotoself", "notetoself", "keeptomyself", "selfnote", "notfortheblog"}
    monkeypatch.setattr(lookalike, "WITHHELD", tuple(w for w in lookalike.WITHHELD
                                                     if w not in new))
    monkeypatch.setattr(markerwords, "_ABBREVIATIONS", frozenset())
    monkeypatch.setattr(bodymarkers, "LEADING_SYMBOL", re.compile(r"(?!)"))
    monkeypatch.setattr(auditsecrets, "labelled_secrets", lambda note, sees: [])
    assert_published(red_team_site(tmp_path / "s", LABELLED_PAGE), tmp_path / "out",
                     "QQ0 marmalade")
    corpus = OutputCorpus(tmp_path / "out")
    assert corpus.find("QQ1 marmalade") != [] and corpus.find("QQ2 marmalade") != []


# --------------------------------------------------------------------------- comments

COMMENTS = [f"<#-- {SAID} -->", f"{{* {SAID} *}}", f"<%-- {SAID} --%>", f"/* {SAID} */",
            f"(* {SAID} *)", f"/** {SAID} */", f"[# {SAID} #]", f"Intro {{* {SAID} *}} end.",
            f"\\iffalse\n{SAID}\n\\fi", f"\\if 0\n{SAID}\n\\fi", f"#if 0\n{SAID}\n#endif",
            f"/*\n{SAID}\n*/", f"<#--\n{SAID}\n-->", f"(*\n\n{SAID}\n\n*)"]


@pytest.mark.parametrize("comment", COMMENTS)
def test_a_comment_of_any_shape_is_an_error(comment: str) -> None:
    assert ("privacy-markup", 3) in body_errors(f"Intro.\n\n{comment}\n")


@pytest.mark.parametrize("comment", COMMENTS[:-1])
def test_the_audit_reads_each_comment_on_its_own(comment: str) -> None:
    said = [s for _, s, _, _ in auditcomments.comments(comment)]
    assert any(SAID in s for s in said), said
    assert SAID not in auditcomments.without_comments(comment)


NO_COMMENTS = [
    "Salary (*) and bonus (*) both apply.", "(*see below*) the pay.", "A <-- B --> C.",
    "Use {% raw %} and {% endraw %} in Jekyll.", "<%= name %> prints a value.",
    "** bold ** text and a * b * c.", "Pandoc's {#id} and {.class} attributes.",
    "```c\n/* Kestrel budget */\nint x;\n```", "`/* a C comment */` in a span.",
    "```latex\n\\iffalse\nhidden\n\\fi\n```", "    #if 0\n    int x;\n    #endif",
    "I rated it 4/5 * stars.", "Inbox zero: 12 left.",
]


@pytest.mark.parametrize("body", NO_COMMENTS)
def test_ordinary_text_and_code_are_no_comment(body: str) -> None:
    assert body_errors(f"Intro.\n\n{body}\n") == []


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["<", "{", "{{", "(", "["]), st.sampled_from(["#", "*", "!", "#--",
                                                                        "**", "%--", "!--"]),
       st.sampled_from(["keep this to myself", "Globex pays 85k a year",
                        "ask Bob about the layoffs"]))
def test_any_bracket_and_mark_is_a_comment(bracket: str, marks: str, said: str) -> None:
    """The shape, not a list: every bracket with every comment mark, inline."""
    closing = {"<": ">", "{": "}", "{{": "}}", "(": ")", "[": "]"}[bracket]
    text = f"We met. {bracket}{marks} {said} {marks[::-1]}{closing} Then lunch."
    assert list(delimited_comments(text)), text
    assert any(said in s for _, s, _, _ in auditcomments.comments(text)), text


PAGE = {"pages/notes.md": ({"title": "Notes"}, f"What I learned.\n\n{{* {SAID} *}}\n\n"
                                               f"<#-- QQ7 she is leaving -->\n\n"
                                               f"\\iffalse\nQQ8 the Leeds office closes\n\\fi\n")}


def test_the_build_refuses_the_comments(tmp_path: Path) -> None:
    assert_filter_refuses(red_team_site(tmp_path / "s", PAGE), tmp_path / "out",
                          "content/pages/notes.md", "privacy-markup")


def _comment_filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "tool_comments", lambda text: iter(()))


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_comments(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _comment_filter_off(monkeypatch)
    refused = audit_refusals(red_team_site(tmp_path / "s", PAGE), tmp_path / "out")
    assert ("notes/index.html", "content/pages/notes.md") in refused, refused


@pytest.mark.usefixtures("no_filter")
def test_without_the_shape_the_comments_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _comment_filter_off(monkeypatch)
    other_readings_off(monkeypatch)
    old = tuple(c for c in auditcomments._SAID_IN_COMMENTS
                if c[0] not in ("comment", "LaTeX \\iffalse block", "#if 0 block"))
    pattern = re.compile("|".join(p.pattern for _, p, _, _ in old), re.S)
    monkeypatch.setattr(auditcomments, "_SAID_IN_COMMENTS", old)
    for module in (auditcomments, auditsecrets):
        monkeypatch.setattr(module, "SAID_IN_COMMENT", pattern)
    assert_published(red_team_site(tmp_path / "s", PAGE), tmp_path / "out", "Kestrel marmalade")
    corpus = OutputCorpus(tmp_path / "out")
    assert corpus.find("QQ7 she") != [] and corpus.find("QQ8 the Leeds") != []


# --------------------------------------------------------------------------- keys

@pytest.mark.parametrize(("key", "value"), [
    ("deleted", True), ("trash", True), ("expired", True), ("archived", True),
    ("trashed", "yes"), ("is_deleted", True), ("isArchived", True), ("retracted", True),
    ("deleted_at", dt.date(2026, 1, 2)), ("archived_on", "2026-01-02"),
    ("moved_to_trash", True), ("status", "trashed"), ("state", "archived"),
    ("softDeleted", 1),
])
def test_a_state_set_is_a_switch(key: str, value: object) -> None:
    assert not_published(key, value) is not None


@pytest.mark.parametrize(("key", "value"), [
    ("deleted", False), ("archived", "no"), ("rejected", True), ("cancelled", True),
    ("featured", True), ("deleted_lines", "three"), ("archive_url", "https://x.org"),
])
def test_other_keys_are_no_switch(key: str, value: object) -> None:
    assert not_published(key, value) is None


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(keepout.GONE)), st.sampled_from(["", "is_", "marked_as_"]),
       st.sampled_from(["", "_at", "On"]), st.booleans())
def test_every_form_of_a_state(state: str, before: str, after: str, upper: bool) -> None:
    key = before + (state.upper() if upper else state) + after
    assert not_published(key, True) is not None, key


KEYED = {f"pages/{key}.md": ({"title": key.title(), key: True}, f"QQ-{key} {SAID}\n")
         for key in ("deleted", "trash", "expired", "archived")}


def test_a_state_inside_an_ignored_key_is_an_error(tmp_path: Path) -> None:
    site = red_team_site(tmp_path / "s", {"pages/x.md": ({"title": "X", "extra": {
        "deleted": True}}, f"{SAID}\n")})
    assert_filter_refuses(site, tmp_path / "out", "content/pages/x.md", "privacy-key")


@pytest.mark.parametrize(("body", "visibility"), [
    ("🔒 For my mentor: accept or wait?", "mentor"),
    ("::: mentor\n🔒 For my mentor: accept or wait?\n:::", "public")])
def test_a_lock_over_a_mentor_label_is_true_where_the_mentor_reads_it(
        body: str, visibility: str) -> None:
    assert body_errors(f"Intro.\n\n{body}\n", visibility) == []
    assert body_errors(f"Intro.\n\n{body.replace('For my mentor', 'Private')}\n",
                       visibility) != []


def test_the_build_refuses_the_keys(tmp_path: Path) -> None:
    result = build(red_team_site(tmp_path / "s", KEYED), out=tmp_path / "out")
    assert result.status == 1
    found = {d.path for d in result.diagnostics if d.code == "privacy-key"}
    assert found == {f"content/{rel}" for rel in KEYED}, found
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_withholds_the_keys(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmchecks, "not_published", lambda key, value: None)
    refused = audit_refusals(red_team_site(tmp_path / "s", KEYED), tmp_path / "out")
    assert {f"content/{rel}" for rel in KEYED} <= {s for _, s in refused}, refused


def test_without_the_states_the_keys_are_published(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmchecks, "not_published", lambda key, value: None)
    monkeypatch.setattr(saidsettings, "_GONE_IF_YES", frozenset())
    assert_published(red_team_site(tmp_path / "s", KEYED), tmp_path / "out", "QQ-deleted")


# --------------------------------------------------------------------------- folders

FOLDERS = ["🔒", "not-ready", "scratch", "tmp", "inbox", "to-review", "Not Ready",
           "my-scratch-notes", "Trash", "🔐 vault", "NotYetReady"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_folder_for_unfinished_notes_is_private(folder: str) -> None:
    assert path_privacy(f"pages/{folder}/notes.md") == f"{folder}/"


@pytest.mark.parametrize("rel", ["pages/inbox.md", "pages/tmp.md", "pages/inbox-zero/x.md",
                                 "pages/archive/2024.md", "pages/reviews/book.md",
                                 "pages/temperature/x.md", "pages/scratching/x.md"])
def test_a_topic_is_no_unfinished_folder(rel: str) -> None:
    assert path_privacy(rel) is None


def test_a_lock_in_a_file_name_is_private() -> None:
    assert path_privacy("pages/🔒 salary.md") == "🔒 salary.md"


PLACED = {f"pages/{folder}/notes-{i}.md": ({"title": "Notes"}, f"QQ-{i} {SAID}\n")
          for i, folder in enumerate(("🔒", "not-ready", "scratch", "inbox"))}


def test_the_build_withholds_the_folders(tmp_path: Path) -> None:
    result = build(red_team_site(tmp_path / "s", PLACED), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find("Kestrel marmalade") == []


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_withholds_the_folders(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "path_privacy", lambda rel: None)
    monkeypatch.setattr(fmchecks, "path_privacy", lambda rel: None)
    refused = audit_refusals(red_team_site(tmp_path / "s", PLACED), tmp_path / "out")
    assert {f"content/{rel}" for rel in PLACED} <= {s for _, s in refused}, refused


def test_without_the_folder_words_the_notes_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pathprivacy, "folder_unfinished", lambda words: False)
    monkeypatch.setattr(pathprivacy, "keeps_out", lambda segment: False)
    assert_published(red_team_site(tmp_path / "s", PLACED), tmp_path / "out", "QQ-0 Kestrel")
    corpus = OutputCorpus(tmp_path / "out")
    assert all(corpus.find(f"QQ-{i} Kestrel") != [] for i in range(4))
