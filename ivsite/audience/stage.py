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
from collections.abc import Callable

from markdown_it.token import Token

from ..core.cores import apart, processes_for
from ..core.diagnostics import Diagnostic, Diagnostics
from ..core.keyed import Keyed, compute, lacks
from ..core.models import InterviewMeta, ReflectionMeta, RoleMeta
from ..markdown.notes import Note, ValidSite
from ..markdown.passages import Cut
from ..names.persons import meta_of, people
from ..parse.stage import ParsedView, parse_cut, problem_diagnostics
from ..validate import embedding
from ..validate.config import SiteConfig
from . import fragments
from .answerpeers import answered, question_peers
from .followup import follow_ups, for_audience
from .namecheck import NameCheck, check_names, name_check
from .notelinks import close_keys
from .viewbody import BodyFilter
from .viewembeds import Embeds
from .viewnote import SEES, VIEW_ORDER, Audience, AudienceView, Contact, ViewNote, order_by
from .viewpack import packing, unpacked


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
    Consent is per person (see ivsite.names.people): one note that says no is enough."""
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
        return keyed(("names", audience, site.shape),
                     functools.partial(name_check, site, sees, (config.author or "", config.title)))

    shown_anchors: dict[str, frozenset[str]] = {}

    def anchors_of(note: Note) -> frozenset[str]:
        """What a link's fragment may name in ``note`` for this audience."""
        if note.key not in shown_anchors:
            tokens = parse_view(note.cut, sees)[0] if note.cut.hides(sees) else note.tokens
            shown_anchors[note.key] = fragments.anchors(tokens)
        return shown_anchors[note.key]

    def view_of(note: Note, chain: tuple[str, ...], found: Diagnostics) -> ViewNote:
        """The note as this audience sees it; ``chain``: the notes embedding it."""
        if note.cut.hides(sees):  # parse only what this audience may read
            tokens, env, problems = parse_view(note.cut, sees)
            if len(chain) == 1:  # an embedded note's own view reports these
                found.extend(problem_diagnostics(note.source, note.body_line, problems))
        else:
            tokens, env = note.tokens, note.env
        embeds = Embeds(chain, found, view_of, anchors_of)
        return _view_note(note, site, audience, tokens, env, config.base_url, *lookups(),
                          embeds)

    def filtered(note: Note) -> tuple[ViewNote, list[Diagnostic]]:
        found = Diagnostics()
        vn = view_of(note, (note.key,), found)
        names = name_matcher()
        if names is not None:
            check_names(note, vn, names, site, found, peers)
        return vn, list(found)

    visible = [n for n in site.notes if n.visibility in sees]

    def seen(other: Note) -> bool:
        return other.visibility in sees
    peers = question_peers(site, seen)
    keys = [("view", audience, site.shape, config.base_url, note.source, note.fm.text,
             embedding.embedded_texts(site, note),
            fragments.linked_texts(site, note, keyed(
                ("fragment links", note.source, note.fm.text),
                functools.partial(fragments.fragment_links, note))),
             tuple(sorted(close_keys(site, note, seen))),  # whose name parts count here
             tuple(peers[q].digest for q in answered(site, note) if q in peers))  # R12-12
            for note in visible]
    # The notes the store lacks are filtered anew: in forked processes (cores.apart)
    # that inherit the tables and name check when there are enough of them (a cold
    # build), here otherwise (a save in the preview).
    todo = [note for note, key in zip(visible, keys, strict=True) if lacks(keyed, key)]
    pooled = processes_for(len(todo)) > 0
    if pooled:  # made before the fork, so that every process inherits them
        lookups()
        check = name_matcher()
        if check is not None:
            for found in peers.values():
                check.peers_matcher(found, len(peers))
    early = dict(zip((n.key for n in todo), apart(packing(filtered), todo), strict=True)) \
        if pooled else {}
    made: list[ViewNote] = []
    for note, key in zip(visible, keys, strict=True):
        done = early.get(note.key)
        vn, found = keyed(key, functools.partial(filtered, note) if done is None
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
    BodyFilter(note, site, tokens, env, ids, titles, hidden, base_url, vn, embeds,
               audience).run()
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
