"""The pages made from notes: the home page, each collection's list and each
note's own page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..audience.viewnote import ViewNote
from ..core.slugs import slugify
from ..graph.stage import COLLECTION_TITLES
from . import rolepage
from .bodyhtml import without_title
from .labels import FORMAT_LABELS, follow_up
from .page import VISIBILITY_BADGES, Page, cards
from .toc import table_of_contents

if TYPE_CHECKING:
    from .emitter import Emitter

RECENT = 5
"""How many recent interviews and reflections the home page shows."""
NOTE_TEMPLATES = {"interviews": "interview.html", "reflections": "reflection.html",
                  "roles": "role.html"}


def pages(em: Emitter) -> list[Page]:
    """The home page, then each collection's list and notes, then the other pages."""
    cols = em.g.collections
    out = [_home(em)]
    for name in ("interviews", "reflections", "roles"):
        if em.sections[name]:
            out.append(_collection_list(em, name))
        out += [_note_page(em, n) for n in cols[name]]
    out += [_note_page(em, n) for n in cols["pages"]]
    return out


def _home(em: Emitter) -> Page:
    g = em.g
    home = g.home
    cols = g.collections
    roles = [
        {"note": r.card(), "interviews": len(g.role_interviews.get(r.id, [])),
         "reflections": len(g.role_reflections.get(r.id, []))}
        for r in cols["roles"]
    ]
    title = home.title if home else em.config.title
    description = (home.summary if home and home.summary else "") or em.config.title
    ctx: dict[str, Any] = {
        "home": home,
        "intro": Markup(""),
        "recent_interviews": cards(cols["interviews"][:RECENT]),
        "recent_reflections": cards(cols["reflections"][:RECENT]),
        "interview_count": len(cols["interviews"]),
        "reflection_count": len(cols["reflections"]),
        "roles": roles,
        "badge": VISIBILITY_BADGES.get(home.visibility, "") if home else "",
    }
    return Page("", "home.html", title, description, "home", "home", note=home,
                context=ctx, body=("intro", home, 2) if home else None)


def _collection_list(em: Emitter, name: str) -> Page:
    g = em.g
    items = g.collections[name]
    site = em.config.title
    descriptions = {
        "interviews": f"{len(items)} informational interviews on {site}",
        "reflections": f"{len(items)} reflections on {site}",
        "roles": f"The roles researched on {site}",
    }
    ctx: dict[str, Any] = {"items": cards(items)}
    if name == "interviews":
        ctx["filters"] = _interview_filters(em, items)
        ctx["rows"] = [{"note": n.card(), "data": _filter_data(em, n)} for n in items]
        ctx["has_people"] = em.sections["people"]
    if name == "roles":
        ctx["counts"] = {
            r.id: (len(g.role_interviews.get(r.id, [])), len(g.role_reflections.get(r.id, [])))
            for r in items
        }
    return Page(f"{name}/", f"{name}.html", COLLECTION_TITLES[name], descriptions[name],
                "list", name, context=ctx)


def _filter_data(em: Emitter, n: ViewNote) -> dict[str, str]:
    """The values filter.js matches an interview on (tags: '|a|b|')."""
    role = em.g.by_id.get(n.role_id) if n.role_id else None
    tags = "".join(f"{slugify(t) or 'tag'}|" for t in n.tags)
    return {
        "role": role.slug if role else "",
        "company": n.company,
        "format": n.format,
        "tag": "|" + tags if tags else "",
        "year": str(n.date.year) if n.date else "",
    }


def _interview_filters(em: Emitter, items: list[ViewNote]) -> list[dict[str, Any]]:
    roles: dict[str, str] = {}
    companies: set[str] = set()
    formats: set[str] = set()
    tags: dict[str, str] = {}
    years: set[str] = set()
    for n in items:
        role = em.g.by_id.get(n.role_id) if n.role_id else None
        if role is not None:
            roles[role.slug] = role.title
        if n.company:
            companies.add(n.company)
        if n.format:
            formats.add(n.format)
        for t in n.tags:
            tags.setdefault(slugify(t) or "tag", t)
        if n.date:
            years.add(str(n.date.year))
    filters = [
        ("role", "Role", sorted(roles.items(), key=lambda kv: kv[1].casefold())),
        ("company", "Company", [(c, c) for c in sorted(companies, key=str.casefold)]),
        ("format", "Format", [(f, FORMAT_LABELS.get(f, f)) for f in sorted(formats)]),
        ("tag", "Tag", sorted(tags.items(), key=lambda kv: kv[1].casefold())),
        ("year", "Year", [(y, y) for y in sorted(years, reverse=True)]),
    ]
    return [{"key": k, "label": label, "options": opts} for k, label, opts in filters
            if len(opts) > 1]


def _note_page(em: Emitter, n: ViewNote) -> Page:
    g = em.g
    older, newer = g.prev_next.get(n.id, (None, None))
    ctx: dict[str, Any] = {
        "note": n,
        "body": Markup(""),
        "backlinks": cards(g.backlinks.get(n.id, [])),
        # A function of the note alone, kept under its digest (which covers its
        # tokens and title): a save reads the headings of the note it changed.
        "toc": em.keyed(("toc", n.digest), lambda: table_of_contents(
            without_title(n.tokens, n.title), 2)),
        "older": older.card() if older else None,
        "newer": newer.card() if newer else None,
        "badge": VISIBILITY_BADGES.get(n.visibility, ""),
    }
    if n.collection == "interviews":
        role = g.by_id.get(n.role_id) if n.role_id else None
        ctx["role"] = role.card() if role else None
        ctx["follow_up"] = em.keyed(("follow up", n.digest), lambda: follow_up(n))
        ctx["answers"] = [
            {"question": a.question, "anchor": a.anchor,
             "href": em.questions.answer_href[(n.id, a.anchor)]}
            for a in g.answers_by_note.get(n.id, [])] if em.questions.exists else []
    elif n.collection == "reflections":
        ctx["roles"] = cards(g.by_id[r] for r in n.role_ids if r in g.by_id)
    elif n.collection == "roles":
        ctx["interviews"] = cards(g.role_interviews.get(n.id, []))
        ctx["reflections"] = cards(g.role_reflections.get(n.id, []))
        ctx.update(rolepage.role_context(em, n))
    return Page(g.url(n), NOTE_TEMPLATES.get(n.collection, "page.html"), n.title,
                n.summary or n.title, "note", n.collection, note=n, context=ctx,
                body=("body", n, 2),
                late=rolepage.render_answers if n.collection == "roles" else None)
