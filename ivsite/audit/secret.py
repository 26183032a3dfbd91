"""What the audit looks for, as one value: kept apart so that the modules that
find secrets (ivsite.audit.secrets, ivsite.audit.comments) share it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Secret:
    """Something this audience must not see, and where it came from."""

    kind: str
    text: str
    source: str
    line: int
    scope: tuple[str, ...] = ()
    """Output paths (prefixes) where it counts, and :data:`BESIDE` a page's address:
    every page that links to that page; empty: everywhere."""


BESIDE = "beside:"
"""A scope of pages by what they show, not where they are: ``beside:interviews/x``
is every HTML page linking to ``interviews/x/`` (a list with its card, a question
page with its answer), where a person's given or family name alone counts (red
team 12, R12-12)."""
