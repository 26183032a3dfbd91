"""Diagnostics: the contract's text form, the JSON form, sorting and did-you-mean."""

from __future__ import annotations

import json

from ivsite.core.diagnostics import (
    Diagnostic,
    Diagnostics,
    did_you_mean,
    format_json,
    format_text,
)

CONTRACT_EXAMPLE = (
    "content/interviews/jane.md:4:13: error[visibility]: "
    "'Public' is not one of public, mentor, private\n"
    "  hint: write it in lower case"
)


def test_text_form_is_the_contracts_example() -> None:
    d = Diagnostic("content/interviews/jane.md", 4, 13, "error", "visibility",
                   "'Public' is not one of public, mentor, private", "write it in lower case")
    assert d.text() == CONTRACT_EXAMPLE


def test_text_without_hint_is_one_line() -> None:
    d = Diagnostic("site.toml", 2, 1, "warning", "config-unknown-key", "unknown setting 'x'")
    assert d.text() == "site.toml:2:1: warning[config-unknown-key]: unknown setting 'x'"


def test_text_of_a_whole_file_problem_has_no_position() -> None:
    d = Diagnostic("content", 0, 0, "error", "no-content", "there is no content/ folder")
    assert d.text() == "content: error[no-content]: there is no content/ folder"


def test_text_with_a_line_but_no_column_uses_column_one() -> None:
    d = Diagnostic("a.md", 7, 0, "error", "x", "m")
    assert d.text().startswith("a.md:7:1: error[x]: m")


def test_json_has_exactly_the_contract_keys() -> None:
    d = Diagnostic("content/interviews/jane.md", 4, 13, "error", "visibility", "msg", "hint")
    obj = d.as_json()
    assert set(obj) == {"path", "line", "col", "severity", "code", "message", "hint"}
    assert obj == {"path": "content/interviews/jane.md", "line": 4, "col": 13,
                   "severity": "error", "code": "visibility", "message": "msg", "hint": "hint"}


def test_format_json_parses_as_a_list_and_keeps_unicode() -> None:
    diags = [Diagnostic("a.md", 1, 2, "warning", "unknown-key", "clé inconnue 'tittle'", "h"),
             Diagnostic("b.md", 3, 4, "error", "yaml", "bad")]
    out = format_json(diags)
    assert "clé" in out  # not \u-escaped
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2
    assert data[0]["message"] == "clé inconnue 'tittle'"
    assert data[1] == {"path": "b.md", "line": 3, "col": 4, "severity": "error",
                       "code": "yaml", "message": "bad", "hint": ""}


def test_format_text_joins_one_diagnostic_per_block() -> None:
    a = Diagnostic("a.md", 1, 1, "error", "x", "first", "do this")
    b = Diagnostic("b.md", 2, 1, "warning", "y", "second")
    assert format_text([a, b]) == (
        "a.md:1:1: error[x]: first\n  hint: do this\nb.md:2:1: warning[y]: second"
    )


def test_sorted_orders_errors_first_then_by_path_line_col_and_removes_duplicates() -> None:
    """Errors before warnings (issue 11: the root cause first), each by place."""
    diags = Diagnostics()
    diags.error("b.md", 1, 1, "x", "m")
    diags.error("a.md", 10, 1, "x", "m")
    diags.error("a.md", 2, 5, "x", "m")
    diags.warning("a.md", 2, 3, "w", "m")
    diags.error("a.md", 10, 1, "x", "m")  # the same problem twice
    got = [(d.path, d.line, d.col) for d in diags.sorted()]
    assert got == [("a.md", 2, 5), ("a.md", 10, 1), ("b.md", 1, 1), ("a.md", 2, 3)]
    assert len(diags) == 5  # the collector keeps what it was given


def test_sorted_keeps_different_messages_on_the_same_line() -> None:
    diags = Diagnostics()
    diags.error("a.md", 3, 1, "x", "one")
    diags.error("a.md", 3, 1, "x", "two")
    assert [d.message for d in diags.sorted()] == ["one", "two"]


def test_errors_warnings_and_strict() -> None:
    diags = Diagnostics()
    assert not diags.has_errors() and not diags.has_errors(strict=True)
    diags.warning("a.md", 1, 1, "w", "only a warning")
    assert not diags.has_errors()
    assert diags.has_errors(strict=True)
    assert [d.code for d in diags.warnings] == ["w"] and diags.errors == []
    diags.error("a.md", 2, 1, "e", "an error")
    assert diags.has_errors()
    assert [d.code for d in diags.errors] == ["e"]


def test_extend_and_iterate() -> None:
    diags = Diagnostics()
    diags.extend([Diagnostic("a.md", 1), Diagnostic("b.md", 2)])
    diags.add(Diagnostic("c.md", 3))
    assert [d.path for d in diags] == ["a.md", "b.md", "c.md"]


def test_did_you_mean_names_the_closest_word() -> None:
    assert did_you_mean("titel", ["title", "date", "tags"]) == "did you mean 'title'?"
    assert did_you_mean("visiblity", ["visibility", "summary"]) == "did you mean 'visibility'?"


def test_did_you_mean_is_empty_when_nothing_is_close() -> None:
    assert did_you_mean("zzzzzz", ["title", "date"]) == ""
    assert did_you_mean("title", []) == ""
