"""The notes a note links to: where an unconsented person's given or family
name alone counts (ivsite.names.people.Mentions.close_to), beside the full name, which
counts everywhere.

A note is close to a person when it links to or embeds a note about them, in
Markdown or in raw HTML, or links to the published page of one by its full
address as an author copies it from the browser; or when its page shows a note
about them: a note that links to it (under "Linked from") and, for a role, the
notes of that role it lists (red team 11, R11-14: "Quentin's advice" on the role
page beside Quentin Zabrowski's interview); only those the audience sees (red
team 12, R12-04). Both the audience filter's check
(ivsite.audience.namecheck) and the audit's needles (ivsite.audit.secrets) ask
here (:func:`close_keys`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.lastof import for_last
from ..core.models import InterviewMeta, ReflectionMeta
from ..core.sizedcache import sized_cache
from ..core.urlparts import browser_url, split_url, url_path
from ..markdown.notes import (
    AssetTarget,
    ExternalTarget,
    Note,
    NoteTarget,
    Target,
    ValidSite,
    resolve_href,
    resolve_wiki,
)
from ..markup.rawhtml import linked_notes
from ..syntax.embeds import is_file
from ..validate.embedding import find_file


def by_shape(site: ValidSite, note: Note) -> tuple[str, str, str] | None:
    """What a note's links resolve by: the site's shape (every note's path, slug,
    title and aliases, every file: ivsite.validate.stage.site_shape) and the
    note's own text; None for a site without a shape (one made by hand), whose
    notes' links are resolved anew each time."""
    return (site.shape, note.source, note.fm.text) if site.shape else None


@sized_cache(4 << 20, lambda site, note: 200, key=by_shape)
def linked_keys(site: ValidSite, note: Note) -> frozenset[str]:
    """Keys of the notes this note's source links to or embeds, in Markdown or in
    raw HTML (withheld text included: a link there still ties what the note says
    to the person). Kept by :func:`by_shape`: the filter's keys, its name check
    and the audit ask for every note's, and the preview again at every save."""
    out: set[str] = set()
    for tok in note.tokens:
        for child in (tok, *(tok.children or ())):
            target = None
            name = str(child.meta.get("target", "")) if child.meta else ""
            if child.type == "wikilink" or (
                    child.type in ("embed", "embed_block") and not is_file(name)):
                # (A whole note embedded puts its text, and a link to it, beside the name.)
                target = resolve_wiki(site, name)
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                target = resolve_href(site, note.source, href)
                if isinstance(target, ExternalTarget):
                    out |= _interviews_at(site, href)
            elif child.type in ("html_inline", "html_block"):
                out |= linked_notes(site, note, child.content)
            if isinstance(target, NoteTarget):
                out.add(target.note.key)
    return frozenset(out)


def linked_files(site: ValidSite, note: Note) -> set[str]:
    """Where the files this note's source links to, shows or embeds in Markdown are
    published (output paths; one linked in raw HTML alone is not published). A
    file linked from a note close to a person is as close to them: the audit looks
    for their given or family name alone in it as in the note's page (red team
    11, R11-26: a linked file is judged as a page is)."""
    out: set[str] = set()
    for tok in note.tokens:
        for child in (tok, *(tok.children or ())):
            name = str(child.meta.get("target", "")) if child.meta else ""
            if child.type in ("embed", "embed_block") and is_file(name):
                target: Target = find_file(site, name)
            elif child.type in ("link_open", "image"):
                href = child.attrs.get("href" if child.type == "link_open" else "src", "")
                target = resolve_href(site, note.source, str(href))
            else:
                continue
            if isinstance(target, AssetTarget):
                out.add(target.asset.out)
    return out


def _interviews_at(site: ValidSite, href: str) -> set[str]:
    """The interview notes whose published page a full address leads to, as an
    author copies it from the browser ("https://example.org/interviews/x/"): by its
    last two path segments, whatever the host (one that is not the site's own
    only makes a given name alone refused beside it)."""
    parts = split_url(browser_url(href))
    segments = [s for s in url_path(parts).removesuffix("index.html").split("/") if s]
    if not parts.netloc or len(segments) < 2:
        return set()
    page = "/".join(segments[-2:]).casefold()
    return {key for key in site.by_page.get(page, ())
            if isinstance(site.by_key[key].meta, InterviewMeta)}


def close_keys(site: ValidSite, note: Note, seen: Callable[[Note], bool]) -> set[str]:
    """Keys of the notes beside which ``note`` stands for an audience, which sees
    the notes ``seen`` is true of: those it links to or embeds (:func:`linked_keys`),
    those that link to it, and for a role note the notes of that role, which its
    page lists. Only notes the audience sees: a withheld one is on none of these
    pages (a link to it reads "a private note"), so a given or family name alone
    beside it names no one to that reader ("Morgan Stanley" on the role page of a
    private interview with Alex Morgan, red team 12, R12-04); the full name counts
    everywhere still."""
    near = linked_keys(site, note) | _shown_by(site).get(note.key, set())
    return {key for key in near if seen(site.by_key[key])}


@for_last  # asked for every note's, once per audience
def _shown_by(site: ValidSite) -> dict[str, set[str]]:
    """For each note key, the notes its page shows: those linking to it, and for a
    role, the interviews and reflections of that role."""
    out: dict[str, set[str]] = {}
    for other in site.notes:
        for key in linked_keys(site, other):
            out.setdefault(key, set()).add(other.key)
    roles = {n.slug: n.key for n in site.notes if n.collection == "roles"}
    for other in site.notes:
        meta = other.meta
        slugs = [meta.role or ""] if isinstance(meta, InterviewMeta) else \
            list(meta.roles) if isinstance(meta, ReflectionMeta) else []
        for slug in slugs:
            if slug in roles:
                out.setdefault(roles[slug], set()).add(other.key)
    return out
