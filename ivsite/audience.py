"""Stage 4 — the audience filter: the one place that sees withheld material.

Given every validated note and an audience (public, mentor or private), it builds
the :class:`AudienceView` that all later stages work from: notes the audience may
see, with withheld passages, HTML comments, contact fields, referrals, recordings
and unconsented names already removed, links to withheld notes turned into plain
labels, and assets reachable only by reference from what is left. Nothing in the
view leads back to a source file. It also lists what it withheld, for the audit.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Literal
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from . import embedding
from .config import SiteConfig
from .cores import apart, processes_for
from .diagnostics import Diagnostic, Diagnostics
from .followup import FollowItem, follow_ups, for_audience
from .keyed import Keyed, compute
from .load import AssetRef
from .markdown import inline_text
from .models import InterviewMeta, ReflectionMeta, RoleMeta
from .namecheck import NameCheck, check_names, name_check
from .notes import (
    AssetTarget,
    BrokenTarget,
    Note,
    NoteTarget,
    Question,
    ValidSite,
    resolve_href,
    resolve_wiki,
)
from .parse import ParsedView, parse_cut, problem_diagnostics
from .passages import Cut
from .people import (
    meta_of,
    people,
)
from .slugs import slugify
from .syntax.inlinetags import TOKEN as INLINE_TAG
from .viewembeds import EmbedFilter, Embeds
from .viewpack import packing, unpacked
from .viewtokens import (
    asset_ref,
    link_tokens,
    note_ref,
    tag_link,
    text_token,
)

Audience = Literal["public", "mentor", "private"]
AUDIENCES: tuple[Audience, ...] = ("public", "mentor", "private")
SEES: dict[str, frozenset[str]] = {
    "public": frozenset({"public"}),
    "mentor": frozenset({"public", "mentor"}),
    "private": frozenset({"public", "mentor", "private"}),
}
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_ATTRIBUTE = re.compile(r"""(\s[\w:.-]+\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_URL_PIECES = re.compile(r"[\s,;()'\"=]+")
"""What separates addresses inside an attribute (srcset, style's url(...), a meta
refresh's content="0; url=...")."""


@dataclass(frozen=True)
class Contact:
    """Fields only the private view carries."""

    name: str
    email: str | None
    phone: str | None
    linkedin: str | None
    referred_by: str | None
    referrals: tuple[str, ...]
    recording_file: str | None
    follow_up: dict[str, str]


@dataclass(eq=False)
class NoteCard:
    """What a list, a neighbour link or a backlink shows of a note: everything but
    its body. Pages that list notes get cards, so they cannot print a body and
    need not be rendered again when only a body changed (see ivsite.pagekey)."""

    id: str
    collection: str
    slug: str
    title: str
    visibility: str
    date: dt.date | None
    summary: str
    tags: list[str]
    # Interviews
    display_name: str = ""
    name_published: bool = False
    person_role: str = ""
    company: str = ""
    industry: str = ""
    location: str = ""
    format: str = ""
    status: str = ""
    interest: int | None = None
    role_id: str | None = None
    # Reflections
    role_ids: list[str] = field(default_factory=list)
    # Roles
    role_status: str = ""
    skills: list[str] = field(default_factory=list)
    card_digest: str = ""
    """Fingerprint of the fields above (for render caches)."""


CARD_FIELDS = tuple(f.name for f in fields(NoteCard) if f.name != "card_digest")


@dataclass(eq=False)
class ViewNote(NoteCard):
    """A note as one audience may see it."""

    tokens: list[Token] = field(default_factory=list)
    env: dict[str, object] = field(default_factory=dict)
    contact: Contact | None = None
    # Derived from the filtered body
    links_to: list[str] = field(default_factory=list)
    assets: list[AssetRef] = field(default_factory=list)
    passages: list[tuple[str, str, str]] = field(default_factory=list)
    """(kind, anchor, excerpt) for every passage left in this view."""
    text: str = ""
    """Visible plain text of the body (excerpts, search, name checks)."""
    inline_tags: list[str] = field(default_factory=list)
    """The ``#tags`` in the text this audience reads (joined to ``tags``)."""
    digest: str = ""
    """Fingerprint of everything this view note was made from (for render caches)."""
    _card: NoteCard | None = field(default=None, repr=False, compare=False)
    sort_keys: tuple[tuple[object, ...], ...] = field(default=(), repr=False, compare=False)
    """(view, newest first, title) orders, made once with the card (see order_by)."""
    tag_slugs: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)
    """(slug, name) of each tag, two spellings of one slug once; made with the card."""

    def card(self) -> NoteCard:
        """This note without its body (made once; the view note is not changed after)."""
        if self._card is None:
            values = {name: getattr(self, name) for name in CARD_FIELDS}
            self._card = NoteCard(**values, card_digest=_card_digest(values))
            self.card_digest = self._card.card_digest
            day = self.date.toordinal() if self.date else 0
            title = self.title.casefold()
            self.sort_keys = ((self.collection, -day, self.id),
                              (self.date is None, -day, title), (title,), (-day, title))
            # The first spelling wins (reversed: later ones are overwritten).
            self.tag_slugs = tuple({slugify(t) or "tag": t for t in reversed(self.tags)}.items())
        return self._card


def order_by(kind: int) -> Callable[[ViewNote], tuple[object, ...]]:
    """A sort key over view notes: VIEW_ORDER, NEWEST_FIRST, BY_TITLE or TAG_ORDER
    (kept on each note, so sorting a large site calls no Python per comparison)."""
    return lambda n: n.sort_keys[kind]


VIEW_ORDER, NEWEST_FIRST, BY_TITLE, TAG_ORDER = range(4)


def _card_digest(values: dict[str, object]) -> str:
    h = hashlib.sha256()
    for name in CARD_FIELDS:
        h.update(f"\0{name}\0{values[name]!r}".encode())
    return h.hexdigest()


@dataclass
class AudienceView:
    audience: Audience
    config: SiteConfig
    notes: list[ViewNote]
    questions: list[Question]
    withheld_note_count: int = 0
    follow_ups: list[FollowItem] = field(default_factory=list)
    """What the author owes their contacts (the private view's alone: they name
    people), grouped against ``today``."""
    today: dt.date | None = None


def person_display(meta: InterviewMeta, audience: Audience) -> tuple[str, bool]:
    """The name this audience may read, and whether it is the real one."""
    if audience == "private" or meta.consent.publish_name:
        return meta.person.name, True
    if meta.alias:
        return meta.alias, False
    role, company = meta.person.role, meta.person.company
    if role and company:
        return f"a {role} at {company}", False
    if role:
        return f"a {role}", False
    return "an unnamed contact", False


def default_title(meta: InterviewMeta, display: str) -> str:
    return f"Conversation with {display}"


def unconsented_names(site: ValidSite) -> dict[str, Note]:
    """Real names of people who did not agree to be named, to the note that has them.
    Consent is per person (see ivsite.people): one note that says no is enough."""
    return {meta_of(n).person.name.strip(): n for p in people(site.notes) if not p.consents
            for n in reversed(p.notes) if meta_of(n).person.name.strip()}


ViewParser = Callable[[Cut, frozenset[str]], ParsedView]
Tables = tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str], frozenset[str]]


def build_view(
    site: ValidSite, config: SiteConfig, audience: Audience, diags: Diagnostics,
    keyed: Keyed = compute, parse_view: ViewParser = parse_cut,
    today: dt.date | None = None,
) -> AudienceView:
    """Every note this audience may see, filtered.

    Each note's filtering is handed out through ``keyed`` under the audience, the
    note's text and the site's shape (every other note's path, slug, title,
    visibility, people and consent, the files and site.toml): all that filtering
    one note reads. The id and title tables and the name matcher are made only
    when a note is filtered anew.
    """
    sees = SEES[audience]

    def make_tables() -> Tables:
        shown = [n for n in site.notes if n.visibility in sees]
        ids = {n.key: f"{n.collection}/{n.slug}" for n in shown}
        role_ids = {n.slug: ids[n.key] for n in shown if n.collection == "roles"}
        titles = {n.key: _title(n, audience) for n in shown}
        titles_by_id = {ids[k]: t for k, t in titles.items()}
        hidden = frozenset(part.casefold() for n in site.notes if n.visibility not in sees
                           for part in (n.slug, n.key.rsplit("/", 1)[-1]))
        return ids, titles, role_ids, titles_by_id, hidden

    # Both follow the shape alone, and are made only when a note is filtered anew.
    def lookups() -> Tables:
        return keyed(("tables", audience, site.shape), make_tables)

    def name_matcher() -> NameCheck | None:
        if audience == "private":
            return None
        return keyed(("names", audience, site.shape), functools.partial(name_check, site, sees))

    def view_of(note: Note, chain: tuple[str, ...], found: Diagnostics) -> ViewNote:
        """The note as this audience sees it; ``chain``: the notes embedding it."""
        if note.cut.hides(sees):  # parse only what this audience may read
            tokens, env, problems = parse_view(note.cut, sees)
            if len(chain) == 1:  # an embedded note's own view reports these
                found.extend(problem_diagnostics(note.source, note.body_line, problems))
        else:
            tokens, env = note.tokens, note.env
        embeds = Embeds(chain, found, view_of)
        return _view_note(note, site, audience, tokens, env, config.base_url, *lookups(),
                          embeds)

    def filtered(note: Note) -> tuple[ViewNote, list[Diagnostic]]:
        found = Diagnostics()
        vn = view_of(note, (note.key,), found)
        names = name_matcher()
        if names is not None:
            check_names(note, vn, names, site, found)
        return vn, list(found)

    visible = [n for n in site.notes if n.visibility in sees]
    # A cold build filters in forked processes (cores.apart) that inherit the tables
    # and name check; ``keyed`` takes their results. The preview's makes what it lacks.
    pooled = processes_for(len(visible)) > 0 and bool((lookups(), name_matcher()))
    early = apart(packing(filtered), visible) if pooled else [None] * len(visible)
    made: list[ViewNote] = []
    for note, done in zip(visible, early, strict=True):
        vn, found = keyed(("view", audience, site.shape, config.base_url, note.source,
                           note.fm.text, embedding.embedded_texts(site, note)),
                          functools.partial(filtered, note) if done is None
                          else unpacked(done))
        diags.extend(found)
        made.append(vn)
    made.sort(key=order_by(VIEW_ORDER))  # stable, as a sort is
    return AudienceView(
        audience=audience, config=config, notes=made, questions=list(site.questions),
        withheld_note_count=len(site.notes) - len(visible),
        # Made for the private view alone (for_audience gives the others none).
        follow_ups=for_audience(follow_ups(((n.source, n.meta) for n in site.notes),
                                           config.follow_up), audience)
        if audience == "private" else [],
        today=today if audience == "private" else None,
    )


def _title(note: Note, audience: Audience) -> str:
    meta = note.meta
    if isinstance(meta, InterviewMeta):
        display, _ = person_display(meta, audience)
        return meta.title or default_title(meta, display)
    return meta.title or note.slug


def _view_note(
    note: Note, site: ValidSite, audience: Audience, tokens: list[Token],
    env: dict[str, object], base_url: str, ids: dict[str, str],
    titles: dict[str, str], role_ids: dict[str, str], titles_by_id: dict[str, str],
    hidden: frozenset[str], embeds: Embeds,
) -> ViewNote:
    meta = note.meta
    vn = ViewNote(
        id=ids[note.key], collection=note.collection, slug=note.slug, title=titles[note.key],
        visibility=note.visibility, date=meta.date, summary=meta.summary or "",
        tags=sorted({t.strip() for t in meta.tags if t.strip()}, key=str.casefold),
        tokens=[], env={},
    )
    if isinstance(meta, InterviewMeta):
        vn.display_name, vn.name_published = person_display(meta, audience)
        p = meta.person
        vn.person_role, vn.company = p.role or "", p.company or ""
        vn.industry, vn.location = p.industry or "", p.location or ""
        vn.format, vn.status, vn.interest = meta.format or "", meta.status, meta.interest
        vn.role_id = role_ids.get(meta.role or "")
        if audience == "private":
            fu = meta.follow_up
            vn.contact = Contact(
                name=p.name, email=p.email, phone=p.phone, linkedin=p.linkedin,
                referred_by=meta.referred_by,
                referrals=tuple(
                    ", ".join(x for x in (r.name, r.role, r.company, r.email) if x)
                    for r in meta.referrals
                ),
                recording_file=meta.recording_file,
                follow_up={
                    k: str(v) for k, v in (fu.model_dump() if fu else {}).items()
                    if v not in (None, "none")
                },
            )
    elif isinstance(meta, ReflectionMeta):
        vn.interest = meta.interest
        vn.role_ids = [role_ids[s] for s in meta.roles if s in role_ids]
    elif isinstance(meta, RoleMeta):
        vn.role_status = meta.status or ""
        vn.skills = list(meta.skills)
    _BodyFilter(note, site, tokens, env, ids, titles, hidden, base_url, vn, embeds).run()
    if vn.inline_tags:  # the text's own tags join the front matter's
        vn.tags = sorted({*vn.tags, *vn.inline_tags}, key=str.casefold)
    h = hashlib.sha256(f"{audience}\0{note.fm.text}\0{note.visibility}\0{vn.id}".encode())
    for tid in sorted(set(vn.links_to)):
        h.update(f"\0{tid}\0{titles_by_id.get(tid, '')}".encode())
    h.update(f"\0{vn.role_id}\0{vn.role_ids}".encode())
    # What the filter made of the body: a link's target may turn from withheld to
    # missing (or back) with nothing else in this note or its links changing.
    for tok in vn.tokens:
        h.update(f"\0{tok.type}\0{tok.attrs}\0{tok.content}".encode())
        for c in tok.children or ():
            h.update(f"\1{c.type}\0{c.attrs}\0{c.content}".encode())
    # Everything a page may show of the note: its card too (a name shown or not
    # follows every note's consent, which its own text does not say).
    h.update(vn.card().card_digest.encode())
    vn.digest = h.hexdigest()
    return vn


class _BodyFilter:
    """One audience's tokens of a note, which hold nothing withheld (the passages
    were cut out before parsing): links rewritten, footnotes gathered at the end,
    comments in raw HTML dropped once more, and what the text says collected."""

    def __init__(self, note: Note, site: ValidSite, tokens: list[Token],
                 env: dict[str, object], ids: dict[str, str], titles: dict[str, str],
                 hidden: frozenset[str], base_url: str, vn: ViewNote, embeds: Embeds) -> None:
        self.note, self.site, self.ids, self.titles, self.vn = note, site, ids, titles, vn
        self.hidden = hidden
        """Slugs and file names of the notes this audience may not see."""
        self.own_host = urlsplit(base_url).netloc.casefold()
        """The site's own host: an absolute address there is a page of this site."""
        self.tokens, self.env = tokens, env
        self.texts: list[str] = []
        self.refs_seen: dict[str, list[int]] = {}
        self.embeds = EmbedFilter(site, note, ids, titles, vn.links_to, vn.assets, self.texts,
                                  embeds)

    def run(self) -> None:
        vn = self.vn
        out: list[Token] = []
        passage_n = 0
        defs: dict[str, list[Token]] = {}
        current: list[Token] | None = None
        for tok in self.tokens:
            if tok.type.startswith("container_"):
                if tok.nesting == 1:
                    passage_n += 1
                    kind = tok.type[len("container_"):].rsplit("_", 1)[0]
                    anchor = f"{kind}-passage-{passage_n}"
                    out.append(Token("passage_open", "aside", 1, attrs={"id": anchor},
                                     meta={"kind": kind}, map=tok.map, block=True))
                    vn.passages.append((kind, anchor, ""))  # excerpt filled in below
                else:
                    out.append(Token("passage_close", "aside", -1, block=True))
                continue
            if tok.type == "embed_block" and current is None:
                out.extend(self.embeds.block(tok))
                continue
            if tok.type == "footnote_reference_open":
                current = [tok]
                defs[str(tok.meta.get("label"))] = current
                continue
            if current is not None:
                current.append(tok)
                if tok.type == "footnote_reference_close":
                    current = None
                continue
            out.append(self._rewrite(tok))
        # Definitions go last, as the parser would put them.
        if defs:
            out.extend(self._footnote_block(defs))
        vn.tokens = out
        _passage_excerpts(vn)
        vn.env = {k: v for k, v in self.env.items() if k == "footnotes"}
        vn.text = " ".join(" ".join(self.texts).split())
        if not vn.summary:
            vn.summary = _excerpt(vn.text)

    def _footnote_block(self, defs: dict[str, list[Token]]) -> list[Token]:
        data = self.env.get("footnotes")
        listing = data.get("list", {}) if isinstance(data, dict) else {}
        out = [Token("footnote_block_open", "", 1)]
        for fid, info in sorted(listing.items()):
            label = str(info.get("label"))
            body = defs.get(label)
            subs = self.refs_seen.get(label)
            if body is None or not subs:
                continue  # never referred to
            out.append(Token("footnote_open", "", 1, meta={"id": fid, "label": label}))
            inner = [r for t in body[1:-1] for r in (
                self.embeds.block(t) if t.type == "embed_block" else [self._rewrite(t)])]
            last = inner.pop() if inner and inner[-1].type == "paragraph_close" else None
            out.extend(inner)
            for sub in subs:
                out.append(Token("footnote_anchor", "", 0,
                                 meta={"id": fid, "subId": sub, "label": label}))
            if last is not None:
                out.append(last)
            out.append(Token("footnote_close", "", -1))
        out.append(Token("footnote_block_close", "", -1))
        return out if len(out) > 2 else []

    def _raw_html(self, content: str) -> str:
        """Raw HTML with any link to a withheld note taken out: an address that
        resolves to one as a source path, or names one as a page address."""
        content = _COMMENT.sub("", content)
        if "=" not in content:
            return content
        return _ATTRIBUTE.sub(lambda m: "" if self._withheld_url(m) else m.group(0), content)

    def _withheld_url(self, m: re.Match[str]) -> bool:
        """Whether an attribute, any attribute, holds an address of a withheld note."""
        value = html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for url in _URL_PIECES.split(value):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if parts.netloc.casefold() != self.own_host or not self.own_host:
                    continue
                url = parts.path  # this site's own page, written out in full
            if "/" not in url and not url.casefold().endswith((".md", ".html")):
                continue  # a word (a class, an alt text), not an address
            target = resolve_href(self.site, self.note.source, url)
            if isinstance(target, NoteTarget) and target.note.key not in self.ids:
                return True
            segments = unquote(parts.path).casefold().split("/")
            for seg in segments:
                stem = seg.removesuffix(".html").removesuffix(".md")
                if stem and stem in self.hidden:
                    return True
        return False

    def _rewrite(self, tok: Token) -> Token:
        if tok.type in ("html_block", "html_inline"):
            return _copy(tok, content=self._raw_html(tok.content))
        if tok.type in ("fence", "code_block"):
            self.texts.append(tok.content)
            return tok
        if tok.type == "inline" and tok.children is not None:
            new = _copy(tok, children=self._rewrite_inline(tok.children))
            new.content = inline_text(new)  # the raw source may name what was withheld
            return new
        return tok

    def _rewrite_inline(self, children: list[Token]) -> list[Token]:
        vn, site, note, texts = self.vn, self.site, self.note, self.texts
        out: list[Token] = []
        withheld_link_depth = 0
        for child in children:
            t = child.type
            if t == "html_inline":
                out.append(_copy(child, content=self._raw_html(child.content)))
                continue
            if t == "footnote_ref":
                label = str(child.meta.get("label"))
                self.refs_seen.setdefault(label, []).append(int(child.meta.get("subId", 0)))
                out.append(child)
                continue
            if t == INLINE_TAG:
                name = str(child.meta["tag"])
                vn.inline_tags.append(name)
                texts.append(child.content)
                out += tag_link(name, child.content)
                continue
            if t == "embed":
                out.extend(self.embeds.inline(child))
                continue
            if t == "wikilink":
                target = resolve_wiki(site, str(child.meta["target"]))
                label = str(child.meta.get("label") or "")
                out.extend(link_tokens(target, label, self.ids, self.titles, vn.links_to, texts))
                continue
            if t == "link_open":
                href = str(child.attrs.get("href", ""))
                target = resolve_href(site, note.source, href)
                if isinstance(target, NoteTarget):
                    tid = self.ids.get(target.note.key)
                    if tid is None:
                        withheld_link_depth += 1
                        continue
                    vn.links_to.append(tid)
                    out.append(_copy(child, attrs={**child.attrs,
                                                   "href": note_ref(tid, target.fragment)}))
                    continue
                if isinstance(target, AssetTarget):
                    vn.assets.append(target.asset)
                    out.append(_copy(child, attrs={
                        **child.attrs, "href": asset_ref(target.asset, target.fragment)}))
                    continue
                out.append(child)
                continue
            if t == "link_close" and withheld_link_depth:
                withheld_link_depth -= 1
                continue
            if t == "image":
                src = str(child.attrs.get("src", ""))
                target = resolve_href(site, note.source, src)
                if isinstance(target, AssetTarget):
                    vn.assets.append(target.asset)
                    out.append(_copy(child, attrs={**child.attrs,
                                                   "src": asset_ref(target.asset, "")}))
                elif isinstance(target, NoteTarget | BrokenTarget):
                    out.append(text_token(child.content or ""))
                else:
                    out.append(child)
                texts.append(child.content or "")
                continue
            if t in ("text", "code_inline"):
                texts.append(child.content)
            out.append(child)
        return out


def _copy(tok: Token, **changes: object) -> Token:
    new = Token(tok.type, tok.tag, tok.nesting, attrs=dict(tok.attrs), map=tok.map,
                level=tok.level, children=tok.children, content=tok.content, markup=tok.markup,
                info=tok.info, meta=dict(tok.meta), block=tok.block, hidden=tok.hidden)
    for k, v in changes.items():
        setattr(new, k, v)
    return new


def _passage_excerpts(vn: ViewNote) -> None:
    """Each passage's excerpt, from its own filtered text (never a nested withheld one)."""
    excerpts: dict[str, str] = {}
    open_ids: list[str] = []
    for tok in vn.tokens:
        if tok.type == "passage_open":
            open_ids.append(str(tok.attrs.get("id", "")))
        elif tok.type == "passage_close":
            if open_ids:
                open_ids.pop()
        elif tok.type == "inline" and open_ids and open_ids[-1] not in excerpts:
            text = inline_text(tok)
            if text.strip():
                excerpts[open_ids[-1]] = _excerpt(text, 120)
    vn.passages = [(k, a, excerpts.get(a, "")) for k, a, _ in vn.passages]


def _excerpt(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
