"""Stage 6 — emit: the site graph to pages, feeds and a search index.

Everything written here comes from the :class:`~ivsite.graph.SiteGraph`, so it
can only show what the audience may see; this stage never reads content/. Every
internal link is relative to the page it is on, so one build works at the site
root, under a ``base_url`` sub-path and under ``share/<token>/`` alike (the 404
page alone uses absolute paths, as a server shows it at any address).

With ``encrypt`` (the mentor view with a passphrase) the note-specific part of
every page (its ``<main>``, title included) is encrypted, ``<title>`` and the
description are generic, and the search index is one encrypted file.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markdown_it.token import Token
from markupsafe import Markup

from .audience import NoteCard, ViewNote
from .bodyhtml import accessible, avoid_reserved_ids, balanced, headings_from, scope_ids
from .feeds import SitemapEntry, atom_feed, robots, sitemap
from .graph import COLLECTION_TITLES, Answer, SiteGraph, Tag
from .keyed import digest
from .labels import (
    FORMAT_LABELS,
    ROLE_STATUS_LABELS,
    STATUS_LABELS,
    byline,
    collection_label,
    date_label,
    follow_up,
)
from .output import OutputPlan
from .pagekey import key_text
from .render import Renderer, relative_url
from .searchindex import json_list, shard_count, shard_name, shard_of
from .slugs import slugify
from .theme import Theme

__all__ = ["EmitError", "PageStore", "emit", "render_now"]

RECENT = 5
PAGE_VERSION = "2"
"""Part of every page's key: bump it when a change to ivsite makes pages differ
from the same inputs, so pages kept by an older version are not reused."""
ANSWERS_PER_PAGE = 50
"""At most this many answers on one page of a bank question. An answer is a whole
section of an interview (a few KB of HTML), so 50 of them make a page that renders,
audits and loads quickly, while the questions of most sites fit on one page. The
one page that once held every answer to every question was 30 MB at 10,000 notes,
and any edit to an answer made all of it again; now an edit makes again only the
pages that hold that interview's answers."""
OTHER_PER_PAGE = 200
"""At most this many questions on one page of the other questions asked: each is
one line (the question and who was asked), so a page holds more of them."""
OTHER_SLUG = "other"
"""The other questions' folder under ``questions/``; no bank question takes it."""
VISIBILITY_BADGES = {"private": "Private", "mentor": "Mentor only"}
BANNER = ("Private preview — you see everything, including private and mentor passages; "
          "`ivsite build` publishes only what is public")
LOCKED_TITLE = "Mentor review"



class EmitError(Exception):
    """The graph cannot be written as a site (e.g. two pages at one address)."""


PageStore = Callable[[str, Callable[[], bytes]], bytes]
"""Where pages come from: ``pages(key, make)`` returns the page kept under ``key``
or ``make()``. The key is a digest of everything the page is made from (see
:meth:`_Emitter._page_key`), so a build engine may keep pages across builds."""


def render_now(key: str, make: Callable[[], bytes]) -> bytes:
    """No kept pages: every page is rendered."""
    return make()


def emit(
    graph: SiteGraph,
    theme: Theme,
    *,
    encrypt: Callable[[str], str] | None = None,
    feedback_email: str = "",
    share_prefix: str = "",
    lock_attrs: dict[str, str] | None = None,
    plain_assets: frozenset[str] | None = None,
    pages: PageStore = render_now,
) -> OutputPlan:
    """Every output file of one audience's site.

    ``encrypt`` turns a page's main HTML into an envelope (passphrase mode);
    ``lock_attrs`` are then the ``data-salt``/``data-iterations``/``data-check``
    attributes of the locked shell. ``share_prefix`` (``share/<token>/``) is only
    used for absolute links: the feedback link and the 404 page. ``plain_assets``
    (passphrase mode) are the hashes of the files the public may see anyway; any
    other linked file is left out of an encrypted view and the review page says so.
    Each page is asked of ``pages`` under the digest of all it is made from.
    """
    if encrypt is not None and not lock_attrs:
        raise ValueError("encrypt needs lock_attrs (data-salt, data-iterations, data-check)")
    return _Emitter(graph, theme, encrypt, feedback_email, share_prefix, lock_attrs or {},
                    plain_assets, pages).run()


@dataclass
class _Page:
    url: str
    template: str
    title: str
    description: str
    kind: str
    section: str = ""
    note: ViewNote | None = None
    context: dict[str, Any] = field(default_factory=dict)
    """All the page shows, as notes, cards, answers and plain values: its key is
    made of these (see :meth:`_Emitter._page_key`)."""
    lockable: bool = True
    body: tuple[str, ViewNote, int] | None = None
    """(context name, note, heading level): a body rendered into the context only
    when the page is made (the note's digest in the key covers it)."""


@dataclass
class _Listing:
    """One list of answers shown page by page under ``questions/<folder>/``: a bank
    question's answers, or the other questions asked. The answers keep the graph's
    order; page ``n`` holds the ``n``-th run of ``per_page`` of them."""

    folder: str
    answers: list[Answer]
    per_page: int

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.answers) // self.per_page))

    def url(self, number: int = 1) -> str:
        """The first page is the folder itself, so a link to the question stays
        put however many answers it gets."""
        return f"questions/{self.folder}/" + (f"{number}/" if number > 1 else "")

    def page(self, number: int) -> list[Answer]:
        start = (number - 1) * self.per_page
        return self.answers[start:start + self.per_page]


class _Emitter:
    def __init__(
        self, graph: SiteGraph, theme: Theme, encrypt: Callable[[str], str] | None,
        feedback_email: str, share_prefix: str, lock_attrs: dict[str, str],
        plain_assets: frozenset[str] | None = None, pages: PageStore = render_now,
    ) -> None:
        self.g = graph
        self.pages_of = pages
        self.theme = theme
        self.encrypt = encrypt
        self.feedback_email = feedback_email
        self.share_prefix = share_prefix
        self.lock_attrs = dict(sorted(lock_attrs.items()))
        self.view = graph.view
        self.config = graph.view.config
        self.audience = graph.view.audience
        self.public = self.audience == "public"
        self.locked = encrypt is not None
        linked = {ref.rel: ref for n in graph.view.notes for ref in n.assets}
        allowed = plain_assets or frozenset()
        self.assets = {rel: ref for rel, ref in linked.items()
                       if not self.locked or ref.digest in allowed}
        self.omitted_assets = sorted(rel for rel in linked if rel not in self.assets)
        published = frozenset(ref.out for ref in self.assets.values())
        self.renderer = Renderer(  # no reference back to the emitter: no cycle to collect
            note_url=graph.url_of, mark_passages=not self.public,
            asset_url=lambda path: path if path in published else None)
        # All a rendered body depends on besides its view note and page address:
        # how note and file links are written in this view.
        self.render_scope = (self.audience, self.locked, graph.url_key,
                             tuple(sorted(self.assets)) if self.locked else ())
        self.plan = OutputPlan()
        cols = graph.collections
        self.has_questions = bool(graph.other_questions) or any(e.answers for e in graph.bank)
        self.question_slugs = question_slugs([e.question.id for e in graph.bank])
        self.bank_listings = [_Listing(self._question_folder(slug), e.answers, ANSWERS_PER_PAGE)
                              for slug, e in zip(self.question_slugs, graph.bank, strict=True)]
        self.other_listing = _Listing(OTHER_SLUG, graph.other_questions, OTHER_PER_PAGE)
        # Where each answer is shown, for the links to it from its interview's page.
        self.answer_href: dict[tuple[str, str], str] = {}
        for listing in (*self.bank_listings, self.other_listing):
            for i, a in enumerate(listing.answers):
                self.answer_href[(a.note.id, a.anchor)] = (
                    listing.url(i // listing.per_page + 1) + "#" + _answer_id(a))
        # The people page lists those talked to (made only when that page is).
        has_people = any(n.status == "done" for n in cols["interviews"])
        mentor = self.audience == "mentor"  # the review page is the mentor's alone
        self.review_passages = [
            (n, anchor, excerpt)
            for n in self.view.notes if mentor and graph.url_of(n.id) is not None
            for kind, anchor, excerpt in n.passages if kind == "mentor"
        ]
        self.review_notes = [n for n in self.view.notes if mentor and n.visibility == "mentor"]
        self.has_review = self.audience == "mentor" and bool(
            self.review_passages or self.review_notes)
        self.sections: dict[str, bool] = {
            "interviews": bool(cols["interviews"]),
            "reflections": bool(cols["reflections"]),
            "roles": bool(cols["roles"]),
            "questions": self.has_questions,
            "tags": bool(graph.tags),
            "people": has_people,
            "search": True,
            "review": self.has_review,
        }
        self.feed_written = False
        self.shared_key = ""

    # ---- helpers ---------------------------------------------------------------

    def _people(self) -> list[dict[str, Any]]:
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        for n in self.g.collections["interviews"]:
            if n.status != "done":  # the people talked to, not those still to meet
                continue
            key = (n.display_name.casefold(), n.company.casefold())
            person = groups.setdefault(key, {
                "name": n.display_name, "role": n.person_role, "company": n.company,
                "industry": n.industry, "interviews": [],
            })
            person["interviews"].append(n)
        return sorted(groups.values(), key=lambda p: (p["name"].casefold(), p["company"]))

    def render_body(self, tokens: Sequence[Token], env: dict[str, Any], page_url: str,
                    base_level: int) -> Markup:
        html = self.renderer.render(headings_from(list(tokens), base_level), env, page_url)
        return Markup(accessible(avoid_reserved_ids(html)))

    def note_body(self, n: ViewNote, page_url: str, base_level: int) -> Markup:
        """A view note's body as HTML on the page at ``page_url``."""
        return self.render_body(n.tokens, n.env, page_url, base_level)

    def _absolute(self, url: str) -> str:
        return self.config.base_url + self.share_prefix + url

    # ---- page list ---------------------------------------------------------------

    def pages(self) -> list[_Page]:
        g = self.g
        cols = g.collections
        out: list[_Page] = [self._home()]
        for name in ("interviews", "reflections", "roles"):
            if self.sections[name]:
                out.append(self._collection_list(name))
            for n in cols[name]:
                out.append(self._note_page(n))
        for n in cols["pages"]:
            out.append(self._note_page(n))
        if self.sections["tags"]:
            out.append(_Page("tags/", "tags.html", "Tags",
                             f"Topics across {self.config.title}", "list", "tags",
                             context={"tags": [_card_tag(t) for t in g.tags]}))
            for tag in g.tags:
                out.append(_Page(
                    g.tag_url(tag.name), "tag.html", f"Tagged “{tag.name}”",
                    f"Notes tagged “{tag.name}” on {self.config.title}", "list", "tags",
                    context={"tag": _card_tag(tag)},
                ))
        if self.sections["questions"]:
            out += self._questions()
        if self.sections["people"]:
            out.append(_Page("people/", "people.html", "People I talked to",
                             f"The people behind the conversations on {self.config.title}",
                             "list", "interviews",
                             context={"people": [
                                 {**p, "interviews": _cards(p["interviews"])}
                                 for p in self._people()]}))
        out.append(self._search())
        if self.sections["review"]:
            out.append(self._review())
        return out

    def _home(self) -> _Page:
        g = self.g
        home = g.home
        cols = g.collections
        roles = [
            {"note": r.card(), "interviews": len(g.role_interviews.get(r.id, [])),
             "reflections": len(g.role_reflections.get(r.id, []))}
            for r in cols["roles"]
        ]
        title = home.title if home else self.config.title
        description = (home.summary if home and home.summary else "") or self.config.title
        ctx: dict[str, Any] = {
            "home": home,
            "intro": Markup(""),
            "recent_interviews": _cards(cols["interviews"][:RECENT]),
            "recent_reflections": _cards(cols["reflections"][:RECENT]),
            "interview_count": len(cols["interviews"]),
            "reflection_count": len(cols["reflections"]),
            "roles": roles,
            "badge": VISIBILITY_BADGES.get(home.visibility, "") if home else "",
        }
        return _Page("", "home.html", title, description, "home", "home", note=home,
                     context=ctx, body=("intro", home, 2) if home else None)

    def _collection_list(self, name: str) -> _Page:
        g = self.g
        items = g.collections[name]
        title = COLLECTION_TITLES[name]
        url = f"{name}/"
        descriptions = {
            "interviews": f"{len(items)} informational interviews on {self.config.title}",
            "reflections": f"{len(items)} reflections on {self.config.title}",
            "roles": f"The roles researched on {self.config.title}",
        }

        ctx: dict[str, Any] = {"items": _cards(items)}
        if name == "interviews":
            ctx["filters"] = self._interview_filters(items)
            ctx["rows"] = [{"note": n.card(), "data": self._filter_data(n)} for n in items]
            ctx["has_people"] = self.sections["people"]
        if name == "roles":
            ctx["counts"] = {
                r.id: (len(g.role_interviews.get(r.id, [])),
                       len(g.role_reflections.get(r.id, [])))
                for r in items
            }
        return _Page(url, f"{name}.html", title, descriptions[name], "list", name,
                     context=ctx)

    def _filter_data(self, n: ViewNote) -> dict[str, str]:
        """The values filter.js matches an interview on (tags: '|a|b|')."""
        role = self.g.by_id.get(n.role_id) if n.role_id else None
        tags = "".join(f"{slugify(t) or 'tag'}|" for t in n.tags)
        return {
            "role": role.slug if role else "",
            "company": n.company,
            "format": n.format,
            "tag": "|" + tags if tags else "",
            "year": str(n.date.year) if n.date else "",
        }

    def _interview_filters(self, items: list[ViewNote]) -> list[dict[str, Any]]:
        roles: dict[str, str] = {}
        companies: set[str] = set()
        formats: set[str] = set()
        tags: dict[str, str] = {}
        years: set[str] = set()
        for n in items:
            role = self.g.by_id.get(n.role_id) if n.role_id else None
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

    def _note_page(self, n: ViewNote) -> _Page:
        g = self.g
        url = g.url(n)
        older, newer = g.prev_next.get(n.id, (None, None))
        backlinks = g.backlinks.get(n.id, [])
        template = {"interviews": "interview.html", "reflections": "reflection.html",
                    "roles": "role.html"}.get(n.collection, "page.html")
        role = g.by_id.get(n.role_id) if n.collection == "interviews" and n.role_id else None
        roles = [g.by_id[r] for r in n.role_ids if r in g.by_id] \
            if n.collection == "reflections" else []
        interviews = g.role_interviews.get(n.id, []) if n.collection == "roles" else []
        reflections = g.role_reflections.get(n.id, []) if n.collection == "roles" else []

        ctx: dict[str, Any] = {
            "note": n,
            "body": Markup(""),
            "backlinks": _cards(backlinks),
            "older": older.card() if older else None,
            "newer": newer.card() if newer else None,
            "badge": VISIBILITY_BADGES.get(n.visibility, ""),
        }
        if n.collection == "interviews":
            ctx["role"] = role.card() if role else None
            ctx["follow_up"] = follow_up(n)
            ctx["answers"] = [
                {"question": a.question, "anchor": a.anchor,
                 "href": self.answer_href[(n.id, a.anchor)]}
                for a in g.answers_by_note.get(n.id, [])] if self.has_questions else []
        elif n.collection == "reflections":
            ctx["roles"] = _cards(roles)
        elif n.collection == "roles":
            ctx["interviews"] = _cards(interviews)
            ctx["reflections"] = _cards(reflections)
        description = n.summary or n.title
        return _Page(url, template, n.title, description, "note", n.collection, note=n,
                     context=ctx, body=("body", n, 2))

    def _question_folder(self, slug: str) -> str:
        """A bank question's folder: its slug, or in an encrypted view a keyed hash
        of it, as note and tag addresses are there (see ``SiteGraph.url_key``)."""
        key = self.g.url_key
        if key is None:
            return slug
        return hmac.new(key, f"question:{slug}".encode(), hashlib.sha256).hexdigest()[:16]

    def _questions(self) -> list[_Page]:
        """The questions index, then each bank question's pages and those of the
        other questions asked.

        The index holds counts and links only, and a question's page only its own
        run of answers, so an edit to one interview makes again the pages that show
        its answers (and the index only when a count changes). Answers are made into
        entries, with their bodies, only when their page is made (see
        :meth:`_render_page_now`)."""
        site = self.config.title
        other = self.other_listing
        bank = [{"id": "q-" + slug, "text": e.question.text, "count": len(e.answers),
                 "href": listing.url() if e.answers else ""}
                for slug, e, listing in zip(self.question_slugs, self.g.bank,
                                            self.bank_listings, strict=True)]
        out = [_Page("questions/", "questions.html", "Questions",
                     f"The questions I ask, each with its answers side by side, on {site}",
                     "list", "questions", context={
                         "bank": bank,
                         "other": {"count": len(other.answers), "href": other.url()}
                         if other.answers else None})]
        for slug, e, listing in zip(self.question_slugs, self.g.bank, self.bank_listings,
                                    strict=True):
            text = e.question.text
            out += self._listing_pages(listing, "question.html", text,
                                       f"Every answer to “{text}” on {site}",
                                       {"question": {"id": "q-" + slug, "text": text}})
        out += self._listing_pages(other, "other-questions.html", "Other questions asked",
                                   f"Questions asked in one conversation on {site}", {})
        return out

    def _listing_pages(self, listing: _Listing, template: str, title: str,
                       description: str, context: dict[str, Any]) -> list[_Page]:
        """A listing's pages (none when it is empty); the title of each page of a
        longer one says which page it is."""
        if not listing.answers:
            return []
        count = listing.page_count
        out = []
        for number in range(1, count + 1):
            answers = listing.page(number)
            first = (number - 1) * listing.per_page + 1
            where = f" (page {number} of {count})" if count > 1 else ""
            out.append(_Page(
                listing.url(number), template, title + where, description + where, "list",
                "questions", context={
                    **context, "answers": answers, "total": len(listing.answers),
                    "first": first, "last": first + len(answers) - 1,
                    "pager": _pager(listing, number)}))
        return out

    def _answer(self, a: Answer, page_url: str, render: bool = True) -> dict[str, Any]:
        """One answer as the questions page's partials show it."""
        target = self.g.url(a.note)
        body = self._answer_body(a, page_url, target) if render else Markup("")
        return {"id": _answer_id(a), "note": a.note.card(), "question": a.question,
                "href": target + "#" + a.anchor, "body": body}

    def _answer_body(self, a: Answer, page_url: str, target: str) -> Markup:
        html = self.renderer.render(
            headings_from(balanced(a.tokens), 3), dict(a.note.env), page_url)
        return Markup(accessible(scope_ids(html, _answer_id(a) + "-",
                                             relative_url(page_url, target))))

    def _search(self) -> _Page:
        if self.locked:
            mode, index = "encrypted", "search-index.json.enc"
        elif self.audience == "private":
            mode, index = "json", "search-index.json"
        else:
            mode, index = "pagefind", "pagefind/pagefind.js"
        return _Page("search/", "search.html", "Search",
                     f"Search the notes of {self.config.title}", "search", "search",
                     context={"mode": mode, "index": index})

    def _review(self) -> _Page:
        passages = [
            {"note": n.card(), "href": self.g.url(n) + "#" + anchor, "excerpt": excerpt}
            for n, anchor, excerpt in self.review_passages
        ]
        return _Page("review/", "review.html", "For review",
                     "Passages and notes shared for review", "list", "review",
                     context={"passages": passages, "notes": _cards(self.review_notes),
                              "omitted_assets": len(self.omitted_assets)})

    # ---- writing -----------------------------------------------------------------

    def run(self) -> OutputPlan:
        pages = self.pages()
        seen: dict[str, str] = {}
        for p in pages:
            path = _path_of(p.url)
            if path in seen:
                raise EmitError(f"two pages would be written at {path}: "
                                f"'{seen[path]}' and '{p.title}'")
            seen[path] = p.title
        self.feed_written = self.public and self._feed()
        self.shared_key = self._shared_key()
        for p in pages:  # made as the writer asks for each (see output.Files)
            self.plan.files.later(_path_of(p.url), functools.partial(self._render_page, p))
        self.plan.add("404.html", self.pages_of(
            digest("404.html", self.shared_key), lambda: self._render_404().encode("utf-8")))
        self._assets()
        self._static()
        self._machine(pages)
        self._search_index(pages)
        for rel in self.plan.assets:
            if rel in self.plan.files or rel.startswith("pagefind/"):
                raise EmitError(f"{self.plan.assets[rel].rel} would be published at "
                                f"{rel}, where ivsite writes a file of its own; rename or move it")
        self.plan.files = self.plan.files.sorted()
        self.plan.assets = dict(sorted(self.plan.assets.items()))
        return self.plan

    def _feed(self) -> bool:
        cols = self.g.collections
        entries = [(n, self.g.url(n)) for n in [*cols["interviews"], *cols["reflections"]]]
        feed = atom_feed(self.config, entries)
        if feed is None:
            return False
        self.plan.add("feed.xml", feed)
        return True

    def _nav(self, current: str, url: Callable[[str], str]) -> list[dict[str, Any]]:
        items = [("home", "Home", ""), ("interviews", "Interviews", "interviews/"),
                 ("reflections", "Reflections", "reflections/"), ("roles", "Roles", "roles/"),
                 ("questions", "Questions", "questions/"), ("tags", "Tags", "tags/"),
                 ("search", "Search", "search/"), ("review", "For review", "review/")]
        return [
            {"key": key, "label": label, "href": url(target), "current": key == current,
             "target": target}
            for key, label, target in items if key == "home" or self.sections[key]
        ]

    def _context(self, page: _Page, absolute: bool = False) -> dict[str, Any]:
        page_url = page.url
        if absolute:
            base = self.config.base_path + self.share_prefix

            def url(target: str) -> str:
                return base + target
        else:
            def url(target: str) -> str:
                return relative_url(page_url, target)

        def href(note: ViewNote) -> str:
            return url(self.g.url(note))

        def tag_href(name: str) -> str:
            return url(self.g.tag_url(name))

        def static(path: str) -> str:
            return url("static/" + path)

        locked = self.locked and page.lockable
        site_title = self.config.title
        if locked:
            head_title = f"{LOCKED_TITLE} — {site_title}"
            head_description = f"{LOCKED_TITLE} — {site_title}"
        else:
            head_title = site_title if page.kind == "home" else f"{page.title} — {site_title}"
            head_description = page.description
        scripts: list[str] = []
        if locked:
            scripts.append(static("unlock.js"))
        if page.kind == "search":
            scripts.append(static("search.js"))
        if page.template == "interviews.html":
            scripts.append(static("filter.js"))
        feedback = ""
        if self.audience == "mentor" and self.feedback_email:
            link = self._absolute(page.url)
            subject = f"Feedback on “{page.title}”"
            body = f"About this page: {link}\n\n"
            feedback = (f"mailto:{quote(self.feedback_email, safe='@')}"
                        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}")
        ctx: dict[str, Any] = {
            "site": {"title": site_title, "author": self.config.author,
                     "language": self.config.language, "base_url": self.config.base_url},
            "audience": self.audience,
            "page": {"url": page.url, "title": page.title, "description": page.description,
                     "kind": page.kind, "section": page.section},
            "head_title": head_title,
            "head_description": head_description,
            "nav": self._nav(page.section, url),
            # A locked page lists only public pages: titles are what it hides.
            "footer_pages": [
                {"title": n.title, "href": href(n)} for n in self.g.collections["pages"]
                if not self.locked or n.visibility == "public"
            ],
            "people_href": url("people/") if self.sections["people"] else "",
            "questions_href": url("questions/") if self.sections["questions"] else "",
            "feed_href": url("feed.xml") if self.feed_written else "",
            "url": url,
            "href": href,
            "tag_href": tag_href,
            "static": static,
            "date_label": date_label,
            "format_label": lambda f: FORMAT_LABELS.get(f, f),
            "status_label": lambda s: STATUS_LABELS.get(s, s),
            "role_status_label": lambda s: ROLE_STATUS_LABELS.get(s, s),
            "collection_label": collection_label,
            "byline": byline,
            "noindex": not self.public,
            "banner": BANNER if self.audience == "private" else "",
            "feedback_href": feedback,
            "scripts": scripts,
            "locked": locked,
            "lock_attrs": self.lock_attrs if locked else {},
            "cipher": "",
            "main_id": "iv-main" if locked else "main",
            "part": "page",
        }
        ctx.update(page.context)
        return ctx

    def _shared_key(self) -> str:
        """A digest of everything :meth:`_context` gives a page that is not the
        page's own: settings, sections, the footer, the theme's files, how URLs
        and bodies are made. With it and the page's own fields and context, a page
        is known."""
        return digest("shared", PAGE_VERSION, self.theme.stamp,
                      sorted(self.config.model_dump(mode="json").items()), self.audience,
                      self.locked, sorted(self.lock_attrs.items()), self.share_prefix,
                      self.feedback_email, sorted(self.sections.items()), self.feed_written,
                      self.g.url_key, self.render_scope,
                      [(n.title, self.g.url(n), n.visibility)
                       for n in self.g.collections["pages"]])

    def _page_key(self, page: _Page) -> str:
        """The digest of all a page is made from: the shared key, its template and
        own fields, and its context, where a note stands in as its digest (which
        covers its body and card), a card as its card digest and an answer as its
        note's digest and place (see ivsite.pagekey)."""
        body = (page.body[0], page.body[1].digest, page.body[2]) if page.body else None
        return digest(page.template, self.shared_key, page.url, page.title,
                      page.description, page.kind, page.section, page.lockable,
                      page.note.digest if page.note else None, body,
                      key_text(page.context))

    def _render_page(self, page: _Page) -> bytes:
        return self.pages_of(self._page_key(page), lambda: self._render_page_now(page))

    def _render_page_now(self, page: _Page) -> bytes:
        ctx = self._context(page)
        if page.body is not None:
            name, note, level = page.body
            ctx[name] = self.note_body(note, page.url, level)
        if page.template == "question.html":
            ctx["answers"] = [self._answer(a, page.url) for a in ctx["answers"]]
        elif page.template == "other-questions.html":
            ctx["answers"] = [self._answer(a, page.url, render=False) for a in ctx["answers"]]
        if ctx["locked"]:
            assert self.encrypt is not None
            main_html = self.theme.render(page.template, **{**ctx, "locked": False,
                                                              "part": "main"})
            ctx["cipher"] = self.encrypt(main_html)
            html = self.theme.render(page.template, **ctx)
            if page.note is not None:
                _check_shell(html, page, ctx)
            return html.encode("utf-8")
        return self.theme.render(page.template, **ctx).encode("utf-8")

    def _render_404(self) -> str:
        page = _Page("404.html", "404.html", "Page not found",
                     "There is no page at this address.", "error", "", lockable=False)
        return self.theme.render(page.template, **self._context(page, absolute=True))

    def _assets(self) -> None:
        for ref in self.assets.values():
            self.plan.assets[ref.out] = ref

    def _static(self) -> None:
        for rel, data in self.theme.static_files().items():
            if rel == "unlock.js" and not self.locked:
                continue
            self.plan.files["static/" + rel] = data

    def _machine(self, pages: list[_Page]) -> None:
        has_sitemap = False
        if self.public:
            entries = [
                SitemapEntry(p.url, p.note.date if p.note else None)
                for p in pages if p.kind != "search"
            ]
            text = sitemap(self.config, entries)
            if text is not None:
                self.plan.add("sitemap.xml", text)
                has_sitemap = True
        self.plan.add("robots.txt", robots(self.config, self.public, has_sitemap))

    def _search_index(self, pages: list[_Page]) -> None:
        """The JSON search index (private and encrypted views), or a note that
        Pagefind indexes the written pages (the others).

        The private view's index is split in shards by a hash of each note's
        address (:func:`shard_of`), listed in ``search-index.json``, so that a save
        changes one shard's file, not one file that holds every note's text."""
        notes = sorted(((p.url, p.note) for p in pages if p.note is not None),
                       key=lambda item: item[0])
        if self.locked:
            assert self.encrypt is not None
            text = json_list([self._search_doc(url, n) for url, n in notes]).decode("utf-8")
            encrypt = self.encrypt
            self.plan.add("search-index.json.enc", self.pages_of(
                digest("search-index.json.enc", self.shared_key, text),
                lambda: encrypt(text).encode("utf-8")))
            return
        if self.audience == "private":
            count = shard_count(len(notes))
            shards: list[list[tuple[str, str]]] = [[] for _ in range(count)]
            for url, n in notes:
                shards[shard_of(url, count)].append((url, n.id))
            for i, shard in enumerate(shards):
                self.plan.add(shard_name(i), json_list(
                    [self._search_doc(url, self.g.by_id[nid]) for url, nid in shard]))
            self.plan.add("search-index.json",
                          json.dumps({"shards": [shard_name(i) for i in range(count)]}))
            return
        self.plan.search_index = True
        self.plan.search_prefix = self.share_prefix

    def _search_doc(self, url: str, note: ViewNote) -> bytes:
        """One note's entry in the JSON search index."""
        return json.dumps({"url": url, "title": note.title, "summary": note.summary,
                           "text": note.text}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")


# ---- token and HTML helpers -------------------------------------------------------




def question_slugs(ids: Sequence[str]) -> list[str]:
    """Each bank question's folder under ``questions/``, in bank order.

    Two ids may slugify alike ('Typical day', 'typical-day'): the first keeps the
    slug and each later one takes the first free ``-2``, ``-3``, … that is neither
    another id's own slug nor 'other' (the other questions' folder). So the
    folders depend on the bank alone, and an id's own slug is never taken from it.
    """
    natural = [slugify(i) or "question" for i in ids]
    claimed = {*natural, OTHER_SLUG}
    used: set[str] = set()
    out = []
    for base in natural:
        slug, n = base, 1
        while slug in used or slug == OTHER_SLUG or (slug != base and slug in claimed):
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        out.append(slug)
    return out


def _pager(listing: _Listing, number: int) -> dict[str, Any]:
    """The links between the pages of a listing: previous, next, and by number the
    first, the last and the two on either side of this one (``number`` 0 marks a
    gap), so a question with hundreds of pages still has a short list."""
    count = listing.page_count
    shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
    links: list[dict[str, Any]] = []
    for before, n in zip([0, *shown], shown, strict=False):
        if n - before > 1:
            links.append({"number": 0, "href": ""})
        links.append({"number": n, "href": listing.url(n)})
    return {"number": number, "count": count, "links": links,
            "prev": listing.url(number - 1) if number > 1 else "",
            "next": listing.url(number + 1) if number < count else ""}


def _cards(notes: Iterable[ViewNote]) -> list[NoteCard]:
    """What a page may show of notes other than its own: no bodies."""
    return [n.card() for n in notes]


def _card_tag(tag: Tag) -> Tag:
    return Tag(tag.name, tag.slug, _cards(tag.notes))  # type: ignore[arg-type]


def _check_shell(html: str, page: _Page, ctx: dict[str, Any]) -> None:
    """A locked page must not carry what it hides: a theme that prints a note's
    title or summary outside <main> would leak it, so that fails the build."""
    start, end = html.find("<main"), html.rfind("</main>")
    outside = html[:start] + html[end:] if 0 <= start < end else html
    labels = {str(item["label"]) for item in ctx["nav"]} | {str(ctx["site"]["title"])} | {
        str(item["title"]) for item in ctx["footer_pages"]}
    for value in (page.title, page.description):
        text = re.escape(str(Markup.escape(value)))
        printed = re.search(rf'[>"]\s*{text}\s*(?:[<"]| —)', outside)
        if len(value) >= 4 and value not in labels and printed:
            raise EmitError(f"the theme's {page.template} prints '{value}' outside <main> "
                            "on a locked page")




def _path_of(url: str) -> str:
    return url if url.endswith(".html") else f"{url}index.html"


def _answer_id(a: Answer) -> str:
    return f"a-{a.note.slug}-{a.anchor}"


