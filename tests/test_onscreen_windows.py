"""The on-screen reading's windows (ivsite.readers.onscreen) end at tags, never inside a
run of text: a window that cut "Conversation with Priya Suzuki" after "Priya"
left the given name alone, which the consented full name no longer excused, and
the audit refused a generated site of 4,000 notes for it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.readers import onscreen
from ivsite.readers.onscreen import on_screen

NAME = "Priya Suzuki"


def page(before: int, inline: str, after: int) -> str:
    return (f"<html><body><p>Ja<span hidden>xx</span>ne</p><p>{'w' * before}</p>"
            f"<nav><a><span>Newer</span> <{inline}>Conversation with "
            f"Priya <{inline}>Suzuki</{inline}></{inline}></a></nav>"
            f"<p>{'z ' * after}</p></body></html>")


@given(st.integers(0, 800), st.sampled_from(["span", "b", "em", "my-label"]),
       st.integers(0, 500))
@settings(max_examples=200, deadline=None)
def test_a_window_never_cuts_a_run_of_text(before: int, inline: str, after: int) -> None:
    text = on_screen(page(before, inline, after), frozenset())
    assert "Jane" in text  # the reading still joins what a hidden element split
    for line in text.split("\n"):
        if "Priya" in line:
            assert NAME in line, line


def test_windows_cut_at_a_fixed_width_split_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule switched off (a window of text cut at a space, as before): for some
    lengths of the text before it, the name is cut."""
    monkeypatch.setattr(onscreen, "_EDGE", " ")
    cut = [n for n in range(60, 130) if any(
        "Priya" in line and NAME not in line
        for line in on_screen(page(n, "span", 400), frozenset()).split("\n"))]
    assert cut
