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
    """Output paths (prefixes) where it counts; empty: everywhere."""
