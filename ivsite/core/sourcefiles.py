"""What the load stage hands on of each file of the content: a note's bytes, or
another file by reference (its bytes read again only where a published page
needs them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceFile:
    """A note's raw bytes and where they came from."""

    rel: str
    """Site-relative POSIX path, e.g. ``content/interviews/2026-03-04-acme.md``."""
    collection: str
    data: bytes
    digest: str


@dataclass(frozen=True)
class AssetRef:
    """A non-note file in the content: published only if a visible note links to it."""

    rel: str
    size: int
    digest: str
    base: str = "content/"
    """The content base its published path is taken relative to (see ivsite.core.folders)."""
    says_private: str = ""
    """The line of its front matter that says it is private, if it opens with a
    note's front matter (see ivsite.load.filefront)."""
    active: tuple[str, str] | None = None
    """(code, why) when it runs code or loads from another host (ivsite.readers.activefiles),
    or hides text from its reader (ivsite.readers.hiddentext): never published."""

    @property
    def out(self) -> str:
        """Where the file is published, relative to the output folder."""
        return self.rel[len(self.base):]
