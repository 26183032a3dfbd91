"""What the load stage hands on of each file of the content: a note's bytes, or
another file by reference (its bytes read again only where a published page
needs them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


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


class SiteFiles(Protocol):
    """The site's files, read after load's walk through load's reader alone
    (ivsite.load.stage.AssetStore): the writer copies assets by it, and the audit
    reads by it the files it judges by their text (a stray person record, a note
    ivsite does not read, a folder's settings), so that no later stage opens a
    file of the site by itself. Each read goes to the disk, as the audit wants:
    it judges what is there, not what the walk remembered."""

    def read(self, ref: AssetRef) -> bytes: ...

    def head(self, rel: str, size: int) -> bytes | None:
        """The first ``size`` bytes of the file at ``rel``; None when it cannot be read."""
        ...

    def size(self, rel: str) -> int | None:
        """The size of the file at ``rel``; None when it cannot be read."""
        ...
