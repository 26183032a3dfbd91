"""The validated note: what the audience filter receives from validation.

A ``Note`` still holds everything its author wrote, withheld parts included; only
the audience filter may turn it into something an emitter sees.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from .frontmatter import FrontMatter
from .load import AssetRef
from .models import InterviewMeta, NoteMeta, Visibility
from .passages import Cut
from .slugs import comparable


@dataclass(eq=False)
class Note:
    source: str
    """Site-relative path of the source file (never handed to emitters)."""
    collection: str
    key: str
    """Path under content/ without suffix: the wiki-link target, e.g. ``roles/ux-researcher``."""
    meta: NoteMeta
    visibility: Visibility
    slug: str
    tokens: list[Token]
    env: dict[str, object]
    fm: FrontMatter
    body_line: int
    cut: Cut
    """The body's lines and the passages they stand in (see ivsite.passages)."""
    shape_part: bytes = field(default=b"", init=False, repr=False)
    """What of this note others' checks and views can read (see validate.site_shape)."""

    @property
    def date(self) -> dt.date | None:
        return self.meta.date

    @property
    def interview(self) -> InterviewMeta | None:
        return self.meta if isinstance(self.meta, InterviewMeta) else None

    def line_of(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + self.body_line


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    """Slugs of the roles this question is for; none: a general question."""

    def match_keys(self) -> set[str]:
        return {comparable(self.text), *(comparable(a) for a in self.aliases)}


@dataclass
class ValidSite:
    """Everything validation accepted, indexed for link resolution."""

    notes: list[Note] = field(default_factory=list)
    by_key: dict[str, Note] = field(default_factory=dict)
    by_title: dict[str, Note] = field(default_factory=dict)
    assets: dict[str, AssetRef] = field(default_factory=dict)
    """The files under content/ that links may reach: every file but recordings."""
    recordings: dict[str, str] = field(default_factory=dict)
    """Recording files (see ivsite.recordings) by path, with the interview naming each."""
    questions: list[Question] = field(default_factory=list)
    shape: str = ""
    """Digest of what one note's checks and view can read of the others
    (see :func:`ivsite.validate.site_shape`)."""


@dataclass(frozen=True)
class NoteTarget:
    note: Note
    fragment: str


@dataclass(frozen=True)
class AssetTarget:
    asset: AssetRef
    fragment: str


@dataclass(frozen=True)
class ExternalTarget:
    url: str


@dataclass(frozen=True)
class BrokenTarget:
    reason: str
    hint: str = ""
    code: str = "broken-link"
    """The diagnostic's code: broken-link, outside-site or recording-link."""


Target = NoteTarget | AssetTarget | ExternalTarget | BrokenTarget


def resolve_wiki(site: ValidSite, target: str) -> Target:
    """``[[roles/x]]``, ``[[roles/x#part]]`` or ``[[Exact Title]]``."""
    name, _, fragment = target.partition("#")
    name = name.strip().removesuffix(".md")
    note = site.by_key.get(name.strip("/")) or site.by_title.get(name.casefold())
    if note is None:
        for coll in ("roles", "pages", "interviews", "reflections"):
            note = site.by_key.get(f"{coll}/{name}")
            if note:
                break
    if note is None:
        return BrokenTarget(
            f"'[[{target}]]' names no note",
            "write the path under content/ without .md (e.g. roles/ux-researcher) "
            "or a note's exact title",
        )
    return NoteTarget(note, fragment)


def resolve_href(site: ValidSite, from_source: str, href: str) -> Target:
    """A Markdown link or image: another note, an asset, or something outside."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return ExternalTarget(href)
    if not parts.path:
        return ExternalTarget(href)  # a fragment on the same page
    if parts.path.startswith("/"):
        return BrokenTarget(
            f"'{href}' is a root path; links between notes are relative to the note",
            "write a relative path such as ../roles/ux-researcher.md",
        )
    base = posixpath.dirname(from_source)
    joined = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    if not joined.startswith("content/"):
        return BrokenTarget(
            f"'{href}' points outside content/", "keep linked files inside content/",
            code="outside-site",
        )
    rel = joined
    for suffix in (".md", ".markdown"):
        if rel.endswith(suffix):
            key = rel[len("content/"):-len(suffix)]
            note = site.by_key.get(key)
            if note is None:
                return BrokenTarget(f"'{href}' links to a note that does not exist")
            return NoteTarget(note, parts.fragment)
    asset = site.assets.get(rel)
    if asset is None and rel in site.recordings:
        return BrokenTarget(
            f"'{href}' is the recording of {site.recordings[rel]} (or a copy of it); "
            "recordings are never published",
            "remove the link; a recording may be linked from a private note only",
            code="recording-link",
        )
    if asset is None:
        return BrokenTarget(f"'{href}' links to a file that does not exist ({rel})")
    return AssetTarget(asset, parts.fragment)
