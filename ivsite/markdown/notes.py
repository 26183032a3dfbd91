"""The validated note: what the audience filter receives from validation.

A ``Note`` still holds everything its author wrote, withheld parts included; only
the audience filter may turn it into something an emitter sees.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from dataclasses import dataclass, field

from markdown_it.token import Token

from ..core.models import InterviewMeta, NoteMeta, Visibility
from ..core.slugs import comparable
from ..core.sourcefiles import AssetRef
from ..core.urlparts import browser_url, split_url, url_path
from .frontmatter import FrontMatter
from .notelike import note_like_problem
from .passages import Cut


@dataclass(eq=False)
class Note:
    source: str
    """Site-relative path of the source file (never handed to emitters)."""
    collection: str
    key: str
    """Path under the content base without suffix: the wiki-link target, e.g.
    ``roles/ux-researcher`` (``People/Roles/UX researcher`` in a vault)."""
    meta: NoteMeta
    visibility: Visibility
    slug: str
    tokens: list[Token]
    env: dict[str, object]
    fm: FrontMatter
    body_line: int
    cut: Cut
    """The body's lines and the passages they stand in (see ivsite.markdown.passages)."""
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
    withheld: str = ""
    """The privacy switch written on the entry (``visibility: private``), or "": the
    bank is public, so such an entry is an error (ivsite.validate.questionsfile) and its
    text an audit secret (ivsite.audit.secrets)."""

    def match_keys(self) -> set[str]:
        return {comparable(self.text), *(comparable(a) for a in self.aliases)}


@dataclass
class ValidSite:
    """Everything validation accepted, indexed for link resolution."""

    notes: list[Note] = field(default_factory=list)
    by_key: dict[str, Note] = field(default_factory=dict)
    by_title: dict[str, Note] = field(default_factory=dict)
    by_name: dict[str, list[Note]] = field(default_factory=dict)
    """Notes by file name (case-folded, no suffix), as Obsidian resolves [[links]]."""
    by_alias: dict[str, list[Note]] = field(default_factory=dict)
    """Notes by each of their ``aliases:`` (case-folded)."""
    base: str = "content/"
    """What every content path starts with (see ivsite.core.folders)."""
    said_private: frozenset[str] = frozenset()
    """Folders a file beside their notes says are private, by the audit's own
    reading (ivsite.audit.foldersaid, red team 16, R16-07): set by the pipeline for
    the audit, never read by the filter."""
    rejected: dict[tuple[str, str], str] = field(default_factory=dict)
    """Names of the notes validation left out (see ivsite.validate.causes)."""
    assets: dict[str, AssetRef] = field(default_factory=dict)
    """The files of the content that links may reach: every file but recordings."""
    recordings: dict[str, str] = field(default_factory=dict)
    """Recording files (see ivsite.validate.recordings) by path, with the interview naming each."""
    recording_namesakes: dict[str, str] = field(default_factory=dict)
    """Sound, video and transcript files that share a recording's name (see
    ivsite.validate.namesakes), with that recording: among ``recordings`` too."""
    note_copies: dict[str, str] = field(default_factory=dict)
    """Files with the same bytes as a note's source (a copy or hard link), by path,
    with that note's source: never published, as the note's file is not."""
    note_likes: dict[str, str] = field(default_factory=dict)
    """Files named like Markdown notes (see ivsite.markdown.notelike) or whose front matter
    says private (ivsite.load.filefront), with that line ("" for a name): never published."""
    active_files: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Files that run code or load from another host (ivsite.readers.activefiles), with
    the code and the reason: never published."""
    naming_files: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Files that name notes that are not public by their files, with each such
    note's (source, visibility) (see ivsite.validate.namingfiles)."""
    questions: list[Question] = field(default_factory=list)
    public_contacts: tuple[str, ...] = ()
    """site.toml's ``[privacy] public_contacts`` but those recorded for a person
    (ivsite.contacts.publiccontacts): not withheld where a withheld text writes them."""
    shape: str = ""
    """Digest of what one note's checks and view can read of the others
    (see :func:`ivsite.validate.stage.site_shape`)."""

    @functools.cached_property
    def by_page(self) -> dict[str, set[str]]:
        """Note keys by their page's place, "collection/slug", case-folded: what a
        link by the site's full address names (made once, asked for each link)."""
        out: dict[str, set[str]] = {}
        for n in self.notes:
            out.setdefault(f"{n.collection}/{n.slug}".casefold(), set()).add(n.key)
        return out


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
    """The diagnostic's code: broken-link, outside-site, recording-link, recording-sibling,
    note-copy, note-like-file, script-file, remote-file, drawn-markup, hidden-in-file,
    embedded-source, ambiguous-link or missing-note (a note not written yet: a warning)."""
    shown: str = ""
    """For a missing note, the text that stands in place of the link."""


Target = NoteTarget | AssetTarget | ExternalTarget | BrokenTarget


def resolve_wiki(site: ValidSite, target: str) -> Target:
    """``[[roles/x]]``, ``[[x#part]]``, ``[[File name]]``, ``[[Title]]`` or
    ``[[Alias]]``, the way Obsidian resolves them: the full path under the content,
    else the file name or the end of its path (so the shortest path that is unique
    is enough), else a title, else an alias. Two notes that fit equally are an
    error naming both; no note at all is a note not written yet."""
    name, _, fragment = target.partition("#")
    # A backslash is a slash here too, as in every other address (R13-02).
    name = name.replace("\\", "/").strip().removesuffix(".md").removesuffix(".markdown").strip("/")
    note = site.by_key.get(name)
    if note is not None:
        return NoteTarget(note, fragment)
    folded = name.casefold()
    if "/" in folded:
        fits = [n for n in site.notes
                if n.key.casefold() == folded or n.key.casefold().endswith("/" + folded)]
    else:
        fits = list(site.by_name.get(folded, ()))
    if not fits:
        titled = site.by_title.get(folded)
        fits = [titled] if titled is not None else list(site.by_alias.get(folded, ()))
    if len(fits) == 1:
        return NoteTarget(fits[0], fragment)
    if fits:
        paths = ", ".join(sorted(n.source for n in fits))
        return BrokenTarget(f"'[[{target}]]' could be any of {len(fits)} notes: {paths}",
                            "write more of the path, e.g. [[" + fits[0].key + "]]",
                            code="ambiguous-link")
    return BrokenTarget(f"'[[{target}]]' names no note yet; it is shown as plain text",
                        code="missing-note", shown=name)


def resolve_href(site: ValidSite, from_source: str, href: str) -> Target:
    """A Markdown link or image: another note, an asset, or something outside."""
    written, href = href, browser_url(href)  # as a browser reads it (R13-02)
    parts = split_url(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return ExternalTarget(written)
    if not parts.path:
        return ExternalTarget(written)  # a fragment on the same page
    if parts.path.startswith("/"):
        return BrokenTarget(
            f"'{written}' is a root path; links between notes are relative to the note",
            "write a relative path such as ../roles/ux-researcher.md",
        )
    base = posixpath.dirname(from_source)
    joined = posixpath.normpath(posixpath.join(base, url_path(parts)))
    if joined.startswith("../") or joined == ".." or not joined.startswith(site.base):
        where = site.base or "the site folder"
        return BrokenTarget(
            f"'{written}' points outside {where}", f"keep linked files inside {where}",
            code="outside-site",
        )
    rel = joined
    for suffix in (".md", ".markdown"):
        if rel.endswith(suffix):
            key = rel[len(site.base):-len(suffix)]
            note = site.by_key.get(key)
            if note is None:
                return BrokenTarget(f"'{written}' links to a note that does not exist",
                                    shown=key)
            return NoteTarget(note, parts.fragment)
    asset = site.assets.get(rel)
    if asset is None and rel in site.recording_namesakes:
        return BrokenTarget(*namesake_problem(written, site.recording_namesakes[rel]),
                            code="recording-sibling")
    if asset is None and rel in site.recordings:
        return BrokenTarget(
            f"'{written}' is the recording of {site.recordings[rel]} (or a copy or a clip of "
            "it, as it is, packed or encoded as text); "
            "recordings are never published",
            "remove the link; a recording may be linked from a private note only",
            code="recording-link",
        )
    if asset is None and rel in site.note_copies:
        return BrokenTarget(
            f"'{written}' has the same bytes as the note {site.note_copies[rel]} (a copy or "
            "hard link of it, as it is, packed or encoded as text); a note's file is never "
            "published as it is written",
            "link the note itself, or remove the file",
            code="note-copy",
        )
    if asset is None and rel in site.note_likes:
        return BrokenTarget(*note_like_problem(written, site.note_likes[rel]),
                            code="note-like-file")
    if asset is None and rel in site.active_files:
        return active_problem(written, *site.active_files[rel])
    if asset is None:
        return BrokenTarget(f"'{written}' links to a file that does not exist ({rel})")
    return AssetTarget(asset, parts.fragment)


def namesake_problem(shown: str, recording: str) -> tuple[str, str]:
    """A link or embed to a file that shares a private recording's name (red team
    17, R17-01): the same conversation in another format, never published."""
    return (f"'{shown}' shares its name with the private recording at {recording}: the "
            "same conversation in another format (an export, a transcript) is never "
            "published", "remove the link; if it is a different recording, rename it")


def active_problem(shown: str, code: str, why: str) -> BrokenTarget:
    """A link or embed to a file that runs code (``script-file``) or loads from
    another host (``remote-file``), see ivsite.readers.activefiles, or that hides
    text from its reader (``hidden-in-file``, ``embedded-source``), see
    ivsite.readers.hiddentext."""
    if code == "hidden-in-file":
        return BrokenTarget(
            f"'{shown}' {why}; ivsite copies a linked file as it is written, so that "
            "would be published with it", "take it out of the file (keep notes to "
            "yourself in a note's '::: private' passage), or remove the link", code=code)
    if code == "embedded-source":
        return BrokenTarget(
            f"'{shown}' {why}; ivsite copies a linked file as it is written, and anyone "
            "who opens it in that editor reads it all",
            "export it again without the editor's copy (Excalidraw: untick 'Embed scene'; "
            "diagrams.net: untick 'Include a copy of my diagram'; PlantUML: -nometadata), "
            "or delete that text in the editor before exporting", code=code)
    if code == "drawn-markup":
        return BrokenTarget(
            f"'{shown}' {why}: a browser draws letters no check can read in the file",
            "number with decimal counters only (counter(x) or counter(x, decimal)), and "
            "write any words as text", code=code)
    if code == "script-file":
        return BrokenTarget(
            f"'{shown}' {why}: ivsite publishes no code but the theme's and Pagefind's, "
            "since code can write any name or call any host as it runs, which no check "
            "can read", "to show code, paste it into a code block in the note; "
            "or remove the link", code=code)
    return BrokenTarget(
        f"'{shown}': {why} whenever a page uses it, telling that host who reads the page",
        "download what it loads into the site and write relative addresses, or remove "
        "the link", code=code)
