"""Problems found in a site, collected rather than raised.

Every stage reports what it finds as a :class:`Diagnostic` with the file, line and
column it concerns, so that ``ivsite check`` can print all problems at once and an
editor can jump to them. Nothing in the pipeline raises a traceback at the user.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located as precisely as the stage that found it can."""

    path: str
    """Site-relative POSIX path of the file concerned ("site.toml", "content/x.md")."""
    line: int = 0
    """1-based line; 0 when the problem concerns the whole file."""
    col: int = 0
    """1-based column; 0 when unknown."""
    severity: Severity = "error"
    code: str = ""
    message: str = ""
    hint: str = ""

    def text(self) -> str:
        """The contract's one-line-plus-hint form."""
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        out = f"{where}: {self.severity}[{self.code}]: {self.message}"
        if self.hint:
            out += f"\n  hint: {self.hint}"
        return out

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Diagnostics:
    """A collector shared by the stages of one build."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diag: Diagnostic) -> None:
        self.items.append(diag)

    def error(
        self, path: str, line: int, col: int, code: str, message: str, hint: str = ""
    ) -> None:
        self.items.append(Diagnostic(path, line, col, "error", code, message, hint))

    def warning(
        self, path: str, line: int, col: int, code: str, message: str, hint: str = ""
    ) -> None:
        self.items.append(Diagnostic(path, line, col, "warning", code, message, hint))

    def extend(self, diags: Iterable[Diagnostic]) -> None:
        self.items.extend(diags)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def has_errors(self, strict: bool = False) -> bool:
        return any(d.severity == "error" or strict for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        """Unique diagnostics, errors before warnings, each in file, line, column
        order, site.toml first (a problem that follows from another is folded into it beforehand,
        see ivsite.validate.causes, so the first error is a root cause)."""
        return sorted(set(self.items), key=lambda d: (d.severity != "error",
                                                      d.path != "site.toml", d.path, d.line,
                                                      d.col, d.code, d.message))


def format_text(diags: Iterable[Diagnostic]) -> str:
    return "\n".join(d.text() for d in diags)


def format_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_json() for d in diags], indent=2, ensure_ascii=False)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known word, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def as_plain(found: Iterable[Diagnostic]) -> tuple[tuple[str | int, ...], ...]:
    """Diagnostics as tuples of strings and numbers (kept on disk by a build
    engine: ivsite.incremental.store.Store.keeping)."""
    return tuple((d.path, d.line, d.col, d.severity, d.code, d.message, d.hint) for d in found)


def from_plain(plain: Iterable[tuple[object, ...]]) -> list[Diagnostic]:
    """What :func:`as_plain` was given; TypeError or ValueError for what it never gives."""
    out = []
    for path, line, col, severity, code, message, hint in plain:
        if not (isinstance(path, str) and isinstance(line, int) and isinstance(col, int)
                and severity in ("error", "warning") and isinstance(code, str)
                and isinstance(message, str) and isinstance(hint, str)):
            raise TypeError("not a diagnostic")
        out.append(Diagnostic(path, line, col, severity, code, message, hint))
    return out
