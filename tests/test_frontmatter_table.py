"""Front matter, table-driven: each row is one note and the exact diagnostics
``ivsite check --format json`` must print for it, and the exit status.

Fail closed (CONTRACT.md "Front matter"; anchors.md §L): a privacy switch that is
not ``visibility``, a ``visibility`` that is not exactly one of the three words, a
duplicated key and a header that does not parse are errors, never a publish.
Then hypothesis throws random front matter at ``ivsite check``: it must always
answer with diagnostics (exit 0 or 1), never with an internal error (exit 2).
"""

from __future__ import annotations

import datetime as dt
import json
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sites import assert_no_internal_error, put, run_cli, write_site

from ivsite.commands.cli import cli

PAGE = "content/pages/note.md"
INTERVIEW = "content/interviews/note.md"
YAML_BOOL_HINT = "YAML reads unquoted yes/no/on/off/true/false"

# (line, col, severity, code, substring of message or hint)
Expected = tuple[int, int, str, str, str]


@dataclass
class Row:
    id: str
    text: str | bytes
    expected: list[Expected]
    exit: int
    path: str = PAGE
    strict_exit: int | None = None
    """Exit status with --strict (default: 1 if anything is reported, else 0)."""
    extra: dict[str, str] = field(default_factory=dict)


def page(*lines: str, body: str = "Body.\n") -> str:
    """A page whose front matter is ``title: A`` (line 2) and then ``lines`` (line 3…)."""
    return "---\ntitle: A\n" + "".join(line + "\n" for line in lines) + "---\n" + body


def interview(*lines: str, body: str = "Body.\n") -> str:
    """An interview: lines 2-4 are date, person, name; ``lines`` start on line 5."""
    head = "---\ndate: 2026-01-02\nperson:\n  name: Jo Bloggs\n"
    return head + "".join(line + "\n" for line in lines) + "---\n" + body


def _vis(word: str) -> Row:
    return Row(f"visibility-{word}", page(f"visibility: {word}"),
               [(3, 13, "error", "visibility", YAML_BOOL_HINT)], 1)


def _privacy(key: str, value: str = "true") -> Row:
    return Row(f"privacy-key-{key}-{value}", page(f"{key}: {value}"),
               [(3, 1, "error", "privacy-key", "visibility")], 1)


ROWS: list[Row] = [
    # ---- the happy path
    Row("valid-page", page("visibility: public"), [], 0),
    Row("valid-interview", interview("visibility: mentor", "consent:", "  publish_name: true"),
        [], 0, path=INTERVIEW),
    # ---- types
    # A number in a text field is its text, as written (R18-06); a name's is not.
    Row("title-number", "---\ntitle: 123\n---\n", [], 0),
    # Issue 11: Obsidian writes one tag as a plain string.
    Row("tags-string", page("tags: career"), [], 0),
    Row("tags-number", page("tags: 3"), [], 0),  # text, as written (R18-06)
    Row("tags-unquoted-yes", page("tags: [career, yes]"),
        [(3, 16, "error", "front-matter", "yes/no")], 1),
    Row("tags-block-list-no", page("tags:", "  - career", "  - no"),
        [(5, 5, "error", "front-matter", "put the value in quotes")], 1),
    Row("summary-two-lines", page("summary: |", "  one", "  two"),
        [(3, 10, "error", "front-matter", "single line")], 1),
    Row("slug-upper-case", page("slug: My-Note"), [(3, 7, "error", "front-matter", "lower-case")],
        1),
    # ---- YAML 1.1 booleans and other non-words in visibility
    *[_vis(w) for w in ("yes", "no", "on", "off", "true", "false", "Yes", "NO", "On", "OFF")],
    Row("visibility-Public", page("visibility: Public"),
        [(3, 13, "error", "visibility", "write it in lower case")], 1),
    Row("visibility-PRIVATE", page("visibility: PRIVATE"),
        [(3, 13, "error", "visibility", "lower case")], 1),
    Row("visibility-typo", page("visibility: pubic"),
        [(3, 13, "error", "visibility", "did you mean 'public'")], 1),
    Row("visibility-space", page("visibility: 'public '"),
        [(3, 13, "error", "visibility", "space")], 1),
    Row("visibility-number", page("visibility: 1"),
        [(3, 13, "error", "visibility", "not one of public, mentor, private")], 1),
    Row("visibility-quoted-ok", page("visibility: 'private'"), [], 0),
    # ---- privacy look-alikes: errors whatever their value
    *[_privacy(k) for k in ("private", "draft", "publish", "published", "hidden", "unlisted",
                            "secret")],
    _privacy("published", "false"),
    _privacy("draft", "'no'"),
    _privacy("Draft"),
    _privacy("PRIVATE"),
    # ---- issue 9 (class 10): look-alikes after normalisation and small typos are
    # errors too, not the warnings that published the note
    *[_privacy(k, "private") for k in ("Visibility", "VISIBILITY", "visiblity", "visibilty",
                                       "visibiltiy", "privacy", "is_private", "isPrivate",
                                       "access", "audience", "drafts", "shared_with",
                                       "invisible", "'visibility\u00a0'",
                                       "'visi\u200bbility'", "'Ｖｉｓｉｂｉｌｉｔｙ'")],
    _privacy("access", "mentor"),
    _privacy("level", "private"),
    _privacy("state", "draft"),
    Row("privacy-key-nested", interview("consent:", "  publishname: true"),
        [(6, 3, "error", "privacy-key", "visibility")], 1, path=INTERVIEW),
    Row("privacy-key-in-person", interview("  Visibility: private"),
        [(5, 3, "error", "privacy-key", "visibility")], 1, path=INTERVIEW),
    # ---- issue 9 (class 11): YAML's '...' does not end the front matter
    Row("dots-then-private", "---\ntitle: A\n...\nvisibility: private\n---\nBody.\n",
        [(3, 1, "error", "front-matter-end", "only a line '---' closes")], 1),
    Row("dots-then-body", "---\ntitle: A\n...\nBody.\n",
        [(3, 1, "error", "front-matter-end", "only a line '---' closes")], 1),
    Row("dots-with-comment", "---\ntitle: A\n... # end\nvisibility: private\n---\n",
        [(3, 1, "error", "front-matter-end", "'...'")], 1),
    Row("dots-crlf", b"---\r\ntitle: A\r\n...\r\nvisibility: private\r\n---\r\n",
        [(3, 1, "error", "front-matter-end", "'...'")], 1),
    Row("dots-indented-ok", page("summary: |", "  ..."), [], 0),
    Row("dots-in-body-ok", page(body="Body.\n...\nMore.\n"), [], 0),
    Row("second-document", "---\ntitle: A\n--- # two\nvisibility: private\n---\nBody.\n",
        [(3, 1, "error", "front-matter-end", "second YAML document")], 1),
    # ---- unknown keys: warnings with a did-you-mean
    Row("unknown-key-tittle", page("tittle: B"),
        [(3, 1, "warning", "unknown-key", "did you mean 'title'")], 0, strict_exit=1),
    Row("unknown-key-nested-person", interview("  emial: jo@example.org"),
        [(5, 3, "warning", "unknown-key", "did you mean 'email'")], 0, path=INTERVIEW,
        strict_exit=1),
    # ---- dates
    Row("date-not-a-day", page("date: 2026-02-30"),
        [(3, 7, "error", "yaml", "dates are written YYYY-MM-DD")], 1),
    Row("date-not-a-day-quoted", page("date: '2026-02-30'"),
        [(3, 7, "error", "front-matter", "not a real date")], 1),
    Row("date-short", page("date: 2026-2-3"),
        [(3, 7, "error", "front-matter", "YYYY-MM-DD")], 1),
    Row("date-words", page("date: March 3rd"),
        [(3, 7, "error", "front-matter", "YYYY-MM-DD")], 1),
    Row("date-quoted-ok", page('date: "2026-02-03"'), [], 0),
    Row("date-datetime-ok", page("date: 2026-02-03 10:30:00"), [], 0),
    Row("date-iso-datetime-ok", page("date: 2026-02-03T10:30:00Z"), [], 0),
    Row("interview-without-date", "---\nperson:\n  name: Jo Bloggs\n---\n",
        [(1, 1, "error", "missing-date", "date")], 1, path=INTERVIEW),
    # ---- encodings and line endings
    Row("bom-ok", b"\xef\xbb\xbf" + page("visibility: public").encode(), [], 0),
    Row("bom-error-position", b"\xef\xbb\xbf" + page("visibility: Public").encode(),
        [(3, 13, "error", "visibility", "lower case")], 1),
    Row("crlf-ok", page("visibility: public").replace("\n", "\r\n").encode(), [], 0),
    Row("crlf-error-position", page("visibility: Public").replace("\n", "\r\n").encode(),
        [(3, 13, "error", "visibility", "lower case")], 1),
    Row("bom-crlf-yaml-error", b"\xef\xbb\xbf" + page("summary: a: b").replace(
        "\n", "\r\n").encode(), [(3, 11, "error", "yaml", "must be quoted")], 1),
    Row("utf16-le-ok", ("\ufeff" + page("visibility: public")).encode("utf-16-le"), [], 0),
    Row("utf16-be-ok", ("\ufeff" + page("visibility: public")).encode("utf-16-be"), [], 0),
    Row("utf16-le-error-position", ("\ufeff" + page("visibility: Public")).encode("utf-16-le"),
        [(3, 13, "error", "visibility", "lower case")], 1),
    Row("utf16-be-error-position", ("\ufeff" + page("visibility: Public")).encode("utf-16-be"),
        [(3, 13, "error", "visibility", "lower case")], 1),
    Row("utf16-without-bom", page().encode("utf-16-le"),
        [(1, 1, "error", "encoding", "")], 1),
    Row("latin-1", page("summary: café").encode("latin-1"),
        [(1, 1, "error", "encoding", "UTF-8")], 1),
    # ---- the front matter's frame
    Row("empty-front-matter", "---\n---\n", [], 0),
    Row("empty-front-matter-interview", "---\n---\n",
        [(1, 1, "error", "front-matter", "'person' is required"),
         (1, 1, "error", "missing-date", "date")], 1, path=INTERVIEW),
    Row("unclosed-front-matter", "---\ntitle: A\nvisibility: public\n\nBody.\n",
        [(1, 1, "error", "front-matter-unclosed", "never closed")], 1),
    Row("no-front-matter", "# A note\n\nBody.\n", [], 0),
    Row("settings-without-opening", "title: A\nvisibility: private\n---\nBody.\n",
        [(1, 1, "error", "front-matter-start", "no opening line")], 1),
    Row("front-matter-not-a-mapping", "---\n- a\n- b\n---\n",
        [(2, 1, "error", "front-matter-shape", "key: value")], 1),
    Row("front-matter-python-tag", page("summary: !!python/object/apply:os.system [ls]"),
        [(3, 10, "error", "yaml", "constructor")], 1),
    # ---- YAML syntax errors, at their line and column
    Row("yaml-colon-in-value", page("visibility: public", "summary: a: b"),
        [(4, 11, "error", "yaml", "must be quoted")], 1),
    Row("yaml-tab-indent", page("\tsummary: x"), [(3, 1, "error", "yaml", "tab")], 1),
    Row("yaml-list-item-in-mapping", page("- item"),
        [(3, 1, "error", "yaml", "expected key")], 1),
    Row("yaml-liquid", page("summary: {{ page.title }}"),
        [(3, 11, "error", "yaml", "template syntax")], 1),
    # ---- duplicate keys: never silently the last one
    Row("duplicate-visibility", page("visibility: private", "visibility: public"),
        [(4, 1, "error", "duplicate-key", "twice")], 1),
    Row("duplicate-title", "---\ntitle: A\ntitle: B\nvisibility: public\n---\n",
        [(3, 1, "error", "duplicate-key", "line 2")], 1),
    Row("duplicate-nested-consent", interview("visibility: public", "consent:",
                                              "  publish_name: false", "  publish_name: true"),
        [(8, 3, "error", "duplicate-key", "publish_name")], 1, path=INTERVIEW),
    # ---- merge keys (red team F9): readers disagree on which merged value wins
    Row("merge-key-visibility-order", page("<<: [{visibility: private}, {visibility: public}]"),
        [(3, 1, "error", "yaml-merge-key", "remove the '<<' line")], 1),
    Row("merge-key-visibility", page("<<: {visibility: public}"),
        [(3, 1, "error", "yaml-merge-key", "disagree")], 1),
    Row("merge-key-nested-consent",
        interview("visibility: public", "consent:",
                  "  <<: [{publish_name: false}, {publish_name: true}]"),
        [(7, 3, "error", "yaml-merge-key", "'<<'")], 1, path=INTERVIEW),
    # ---- privacy words as tags (red team F19): fail closed on a public note
    Row("tag-private", page("visibility: public", "tags: [private]"),
        [(4, 8, "error", "privacy-tag", "visibility: private")], 1),
    Row("tag-draft-default-visibility", page("tags: [career, draft]"),
        [(3, 16, "error", "privacy-tag", "'draft'")], 1),
    Row("tag-do-not-publish", page("tags: [Do-Not-Publish]"),
        [(3, 8, "error", "privacy-tag", "not for the public")], 1),
    Row("tag-nested-confidential", page("tags: [confidential/work]"),
        [(3, 8, "error", "privacy-tag", "rename the tag")], 1),
    Row("tag-secret-string", page("tags: secret"),
        [(3, 7, "error", "privacy-tag", "visibility: private")], 1),
    Row("tag-private-on-private-note", page("visibility: private", "tags: [private]"), [], 0),
    # red team 4, J-mtag: on a mentor note a warning (an error with --strict)
    Row("tag-draft-on-mentor-note", page("visibility: mentor", "tags: [draft]"),
        [(4, 8, "warning", "privacy-tag", "visibility: private")], 0),
    Row("tag-privacy-policy-is-not-private", page("tags: [privacy, secrets-management]"),
        [], 0),
    # ---- interview fields
    Row("interest-6", interview("interest: 6"),
        [(5, 11, "error", "front-matter", "less than or equal to 5")], 1, path=INTERVIEW),
    Row("format-zoom", interview("format: zoom"),
        [(5, 9, "error", "front-matter", "'coffee'")], 1, path=INTERVIEW),
    Row("person-not-a-mapping", "---\ndate: 2026-01-02\nperson: Jo Bloggs\n---\n",
        [(3, 9, "error", "front-matter", "person")], 1, path=INTERVIEW),
    Row("publish-name-yes-string", interview("consent:", "  publish_name: 'yes'"),
        [(6, 17, "error", "front-matter", "bool")], 1, path=INTERVIEW),
    # ---- passages
    Row("container-Private", page(body="\n::: Private\nOff the record.\n:::\n"),
        [(5, 1, "error", "container-unknown", "write it in lower case: ::: private")], 1),
    Row("container-unknown-word", page(body="\n::: secret\nOff the record.\n:::\n"),
        [(5, 1, "error", "container-unknown", "::: private")], 1),
    Row("container-unclosed", page(body="Text.\n\n::: private\nOff the record.\n"),
        [(6, 1, "error", "container-unclosed", "never closed")], 1),
    # Fences are read as a stack, innermost first: ':::' in ':::' nests.
    Row("container-same-length-nested-ok",
        page(body="\n::: mentor\n::: private\nOff the record.\n:::\n:::\n"), [], 0),
    Row("container-close-mismatch",
        page(body="\n:::: mentor\nFor review.\n:::\n"),
        [(7, 1, "error", "container-close-mismatch", "as many colons")], 1),
    Row("container-stray-close", page(body="Text.\n\n:::\n\nMore text.\n"),
        [(6, 1, "error", "container-stray-close", "not open")], 1),
    Row("container-nested-ok",
        page(body="\n:::: mentor\nFor review.\n\n::: private\nOff the record.\n:::\n::::\n"),
        [], 0),
    Row("container-in-list-and-quote-ok",
        page(body="- item\n\n  ::: private\n  x\n  :::\n\n> ::: mentor\n> y\n> :::\n"), [], 0),
    # A comment is cut out of the source whatever Markdown would make of it.
    Row("comment-past-blank-line-ok", page(body="Text <!-- a reminder\n\nfor later -->\n"), [], 0),
    Row("comment-never-closed", page(body="Text.\n\nEnd <!-- a note to self\n"),
        [(6, 1, "error", "comment-unclosed", "'-->'")], 1),
    Row("comment-in-summary", page("summary: Nice <!-- not for the public -->"),
        [(3, 10, "error", "comment-in-front-matter", "YAML comment")], 1),
    Row("comment-in-a-tag", page("tags: [ok, 'x <!-- no -->']"),
        [(3, 12, "error", "comment-in-front-matter", "YAML comment")], 1),
    Row("comment-into-code", page(body="Text <!-- a note\n```\ncode\n```\n-->\n"),
        [(4, 1, "error", "comment-unclosed", "before the code block")], 1),
    Row("comment-closed-ok", page(body="Text <!-- a note --> more.\n\n<!--\nblock\n\n-->\n"),
        [], 0),
    Row("container-literal-in-code-ok",
        page(body="```\n::: Private\n:::\n```\n"), [], 0),
]


def _invoke(*args: str) -> tuple[int, str, str, BaseException | None]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    exc = result.exception if not isinstance(result.exception, SystemExit) else None
    return result.exit_code, result.stdout, result.stderr, exc


def _check(site: Path, monkeypatch: pytest.MonkeyPatch, *flags: str) -> tuple[int, list[Any]]:
    monkeypatch.chdir(site)
    code, out, err, exc = _invoke("check", "--format", "json", *flags)
    assert exc is None, repr(exc)
    assert "internal error" not in err, err
    return code, json.loads(out)


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_front_matter_row(row: Row, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content: dict[str, Any] = {row.path.removeprefix("content/"): row.text}
    if row.path == INTERVIEW:
        content["roles/analyst.md"] = "---\ntitle: Analyst\n---\n"
    write_site(tmp_path, content)
    code, diags = _check(tmp_path, monkeypatch)
    got = sorted((d["path"], d["line"], d["col"], d["severity"], d["code"]) for d in diags)
    want = sorted((row.path, line, col, sev, c) for line, col, sev, c, _ in row.expected)
    assert got == want, json.dumps(diags, indent=1)
    for line, col, sev, c, text in row.expected:
        d = next(d for d in diags if (d["line"], d["col"], d["severity"], d["code"]) ==
                 (line, col, sev, c))
        assert text in d["message"] + "\n" + d["hint"], d
        assert set(d) == {"path", "line", "col", "severity", "code", "message", "hint"}
    assert code == row.exit, (code, diags)
    strict_exit = row.strict_exit if row.strict_exit is not None else (1 if diags else 0)
    code, _ = _check(tmp_path, monkeypatch, "--strict")
    assert code == strict_exit


@pytest.mark.parametrize("row", [r for r in ROWS if r.exit == 1],
                         ids=[r.id for r in ROWS if r.exit == 1])
def test_note_with_an_error_is_never_published(row: Row, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Beside a good page, the broken note fails the build: nothing is written."""
    content: dict[str, Any] = {row.path.removeprefix("content/"): row.text,
                               "pages/index.md": "---\ntitle: Home\n---\nHome.\n"}
    if row.path == INTERVIEW:
        content["roles/analyst.md"] = "---\ntitle: Analyst\n---\n"
    write_site(tmp_path, content)
    monkeypatch.chdir(tmp_path)
    code, _, err, exc = _invoke("build")
    assert exc is None and "internal error" not in err, err
    assert code == 1, err
    assert not (tmp_path / "_site").exists()


def test_text_format_matches_the_contract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    write_site(tmp_path, {"interviews/jane.md": "---\ndate: 2026-01-02\nperson:\n  name: Jane"
                                                "\nvisibility: Public\n---\n"})
    monkeypatch.chdir(tmp_path)
    code, _out, err, _ = _invoke("check")
    assert code == 1
    assert ("content/interviews/jane.md:5:13: error[visibility]: 'Public' is not one of "
            "public, mentor, private\n  hint: write it in lower case") in err


# --------------------------------------------------------------------------- site.toml


@pytest.mark.parametrize(
    ("toml", "code", "exit"),
    [
        ('title = "T"\n', None, 0),
        ('author = "nobody"\n', "config", 2),
        ('title = 3\n', "config", 2),
        ('title = "T"\n[visibility]\ninterviews = "public "\n', "config", 2),
        ('title = "T"\ntitel = "x"\n', "config-unknown-key", 2),
        ('title = "T\n', "config", 2),
    ],
    ids=["ok", "no-title", "title-number", "bad-visibility", "unknown-key", "toml-syntax"],
)
def test_site_toml(toml: str, code: str | None, exit: int, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, {"pages/index.md": "---\ntitle: Home\n---\n"}, toml)
    status, diags = _check(tmp_path, monkeypatch)
    assert status == exit, diags
    if code is None:
        assert diags == []
    else:
        assert [d["path"] for d in diags] == ["site.toml"]
        assert diags[0]["code"].startswith(code), diags


# --------------------------------------------------------------------------- fuzzing

_KEYS = ["title", "date", "visibility", "tags", "summary", "slug", "person", "alias", "consent",
         "referred_by", "format", "status", "role", "interest", "recording_file", "referrals",
         "follow_up", "name", "email", "publish_name", "private", "draft", "thank_you", "roles",
         "skills"]
_scalars = (st.none() | st.booleans() | st.integers(-10, 10**12) | st.floats(allow_nan=True)
            | st.text(max_size=30) | st.dates() | st.datetimes()
            | st.sampled_from(["public", "mentor", "private", "Public", "yes", "no", "coffee",
                               "2026-02-30", "../../etc/passwd", "::: private", "[[x]]"]))
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_front = st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=10), _values, max_size=8)
_YAMLISH = list(":-[]{}#&*!|>'\"%@`,?~=\\/.\n\n\n  \t\ufeff\x85\u2028") + list(
    string.ascii_letters[:8] + "019") + ["---", "...", "yes", "no", "null", "!!binary",
                                         "2026-02-30", "<<: ", "&a ", "*a"]
_yamlish = st.lists(st.sampled_from(_YAMLISH), max_size=60).map("".join)

FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("fuzz"), {
        "roles/analyst.md": "---\ntitle: Analyst\n---\n",
        "pages/index.md": "---\ntitle: Home\n---\n",
    })


def _fuzz_check(site: Path, rel: str, data: bytes) -> None:
    put(site / "content" / rel, data)
    try:
        result = run_cli(site, "check", "--format", "json")
    finally:
        (site / "content" / rel).unlink()
    assert_no_internal_error(result)
    diags = result.json()
    assert all(set(d) == {"path", "line", "col", "severity", "code", "message", "hint"}
               for d in diags)
    errors = [d for d in diags if d["severity"] == "error"]
    assert (result.exit_code == 1) == bool(errors), (result.exit_code, diags)


@FUZZ
@given(text=_yamlish, where=st.sampled_from(["pages", "interviews"]))
def test_fuzz_yamlish_front_matter(fuzz_site: Path, text: str, where: str) -> None:
    _fuzz_check(fuzz_site, f"{where}/fuzz.md", f"---\n{text}\n---\nBody.\n".encode())


@FUZZ
@given(data=st.binary(max_size=400), framed=st.booleans())
def test_fuzz_random_bytes(fuzz_site: Path, data: bytes, framed: bool) -> None:
    if framed:
        data = b"---\n" + data + b"\n---\n"
    _fuzz_check(fuzz_site, "interviews/fuzz.md", data)


@FUZZ
@given(front=_front, where=st.sampled_from(["pages", "interviews", "reflections", "roles"]),
       body=st.sampled_from(["", "Body.\n", "::: private\nx\n:::\n", "::: private\n",
                             "[[nowhere]]\n", "[x](../../../etc/passwd)\n", "<!-- x\n"]))
def test_fuzz_yaml_dumped_dicts(fuzz_site: Path, front: dict[str, Any], where: str,
                                body: str) -> None:
    try:
        head = yaml.safe_dump(front, allow_unicode=True)
    except yaml.YAMLError:
        return
    _fuzz_check(fuzz_site, f"{where}/fuzz.md", f"---\n{head}---\n{body}".encode())


def test_fuzz_pathological_yaml(fuzz_site: Path) -> None:
    """Recursive anchors, exponential aliases ("billion laughs"), deep nesting."""
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    for text in ("foo: &a [*a]\n", "foo: &a {x: *a}\n", laughs, "title: " + "[" * 5000,
                 "title: " + "{a: " * 3000, "<<: {title: A}\ntitle: B\n",
                 "? [a, b]\n: 1\n", "!!set {a, b}: 1\n", "title: !!binary aGk=\n",
                 f"date: {dt.date.max}\n", "date: 0000-01-01\n", "interest: 1e400\n"):
        _fuzz_check(fuzz_site, "pages/fuzz.md", f"---\n{text}\n---\n".encode())
        _fuzz_check(fuzz_site, "interviews/fuzz.md", f"---\n{text}\n---\n".encode())
