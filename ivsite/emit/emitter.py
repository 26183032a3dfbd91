"""One audience's site as pages: the page families say which pages there are, the
emitter gives each its chrome, its key and, when the writer asks, its bytes."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import pygments
from markdown_it.token import Token
from markupsafe import Markup

from ..audience.viewnote import ViewNote
from ..core.keyed import Keyed, compute, digest
from ..graph.stage import SiteGraph
from ..markdown.render import Renderer
from . import chrome, companies, lists, machine, notes, timeline
from .bodyhtml import accessible, avoid_reserved_ids, headings_from, without_title
from .chrome import check_shell, context
from .output import OutputPlan
from .page import EmitError, Page, PageStore, path_of
from .pagekey import key_text
from .questions import Questions
from .theme import Theme

PAGE_VERSION = "5"
"""Part of every page's key: bump it when a change to ivsite makes pages differ
from the same inputs, so pages kept by an older version are not reused."""


class Emitter:
    def __init__(
        self, graph: SiteGraph, theme: Theme, encrypt: Callable[[str], str] | None,
        feedback_email: str, share_prefix: str, lock_attrs: dict[str, str],
        plain_assets: frozenset[str] | None, pages: PageStore, keyed: Keyed = compute,
    ) -> None:
        self.g = graph
        self.pages_of = pages
        self.keyed = keyed
        self.theme = theme
        self.encrypt = encrypt
        self.feedback_email = feedback_email
        self.share_prefix = share_prefix
        self.lock_attrs = dict(sorted(lock_attrs.items()))
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
            note_url=graph.url_of, mark_passages=not self.public, tag_url=graph.tag_url,
            asset_url=lambda path: path if path in published else None)
        # All a rendered body depends on besides its view note and page address:
        # how note and file links are written in this view.
        self.render_scope = (self.audience, self.locked, graph.url_key,
                             tuple(sorted(self.assets)) if self.locked else ())
        self.plan = OutputPlan()
        self.questions = Questions(graph)
        cols = graph.collections
        mentor = self.audience == "mentor"  # the review page is the mentor's alone
        self.review_passages = [
            (n, anchor, excerpt)
            for n in graph.view.notes if mentor and graph.url_of(n.id) is not None
            for kind, anchor, excerpt in n.passages if kind == "mentor"
        ]
        self.review_notes = [n for n in graph.view.notes if mentor and n.visibility == "mentor"]
        self.sections: dict[str, bool] = {
            "interviews": bool(cols["interviews"]),
            "reflections": bool(cols["reflections"]),
            "roles": bool(cols["roles"]),
            "questions": self.questions.exists,
            "tags": bool(graph.tags),
            # The people page lists those talked to.
            "people": any(n.status == "done" for n in cols["interviews"]),
            "companies": any(n.company.strip() for n in cols["interviews"]),
            "timeline": any(n.date is not None for n in cols["interviews"]),
            "search": True,
            "review": bool(self.review_passages or self.review_notes),
        }
        self.feed_written = False
        self.shared_key = ""

    def pages(self) -> list[Page]:
        """Every page of the site, family by family."""
        out = notes.pages(self)
        if self.sections["tags"]:
            out += lists.tag_pages(self)
        if self.sections["questions"]:
            out += self.questions.pages(self.config.title)
        if self.sections["people"]:
            out.append(lists.people_page(self))
        if self.sections["companies"]:
            out += companies.pages(self)
        if self.sections["timeline"]:
            out.append(timeline.page(self))
        out.append(lists.search_page(self))
        if self.sections["review"]:
            out.append(lists.review_page(self))
        return out

    def run(self) -> OutputPlan:
        pages = self.pages()
        seen: dict[str, str] = {}
        for p in pages:
            path = path_of(p.url)
            if path in seen:
                raise EmitError(f"two pages would be written at {path}: "
                                f"'{seen[path]}' and '{p.title}'")
            seen[path] = p.title
        self.feed_written = self.public and machine.feed(self)
        self.shared_key = self._shared_key()
        for p in pages:  # made as the writer asks for each (see output.Files)
            self.plan.files.later(path_of(p.url), functools.partial(self._render_page, p))
        self.plan.add("404.html", self.pages_of(
            digest("404.html", self.shared_key), self._render_404))
        for ref in self.assets.values():
            self.plan.assets[ref.out] = ref
        for rel, data in self.theme.static_files().items():
            if rel != "unlock.js" or self.locked:
                self.plan.files["static/" + rel] = data
        machine.crawlers(self, pages)
        machine.search_index(self, pages)
        for rel in self.plan.assets:
            if rel in self.plan.files or rel.startswith("pagefind/"):
                raise EmitError(f"{self.plan.assets[rel].rel} would be published at "
                                f"{rel}, where ivsite writes a file of its own; rename or move it")
        self.plan.files = self.plan.files.sorted()
        self.plan.assets = dict(sorted(self.plan.assets.items()))
        return self.plan

    def render_body(self, tokens: Sequence[Token], env: dict[str, Any], page_url: str,
                    base_level: int) -> Markup:
        html = self.renderer.render(headings_from(list(tokens), base_level), env, page_url)
        return Markup(accessible(avoid_reserved_ids(html)))

    def note_body(self, n: ViewNote, page_url: str, base_level: int) -> Markup:
        """A view note's body as HTML on the page at ``page_url`` (without a first
        heading that is its title, which the page shows already)."""
        return self.render_body(without_title(n.tokens, n.title), n.env, page_url, base_level)

    def _shared_key(self) -> str:
        """A digest of everything a page's context holds that is not the page's own:
        settings, sections, the footer, the theme's files, how URLs and bodies are
        made (Pygments colours code blocks). With it and the page's own fields and
        context, a page is known."""
        return digest("shared", PAGE_VERSION, pygments.__version__, self.theme.stamp,
                      sorted(self.config.model_dump(mode="json").items()), self.audience,
                      self.locked, sorted(self.lock_attrs.items()), self.share_prefix,
                      self.feedback_email, sorted(self.sections.items()), self.feed_written,
                      self.g.url_key, self.render_scope,
                      [(n.title, self.g.url(n), n.visibility)
                       for n in self.g.collections["pages"]])

    def page_key(self, page: Page) -> str:
        """The digest of all a page is made from: the shared key, its template and
        own fields, and its context, where a note stands in as its digest (which
        covers its body and card), a card as its card digest and an answer as its
        note's digest and place (see ivsite.emit.pagekey)."""
        body = (page.body[0], page.body[1].digest, page.body[2]) if page.body else None
        return digest(page.template, self.shared_key, page.url, page.title,
                      page.description, page.kind, page.section, page.lockable,
                      page.note.digest if page.note else None, body,
                      key_text(page.context))

    def _render_page(self, page: Page) -> bytes:
        return self.pages_of(self.page_key(page), lambda: self._render_page_now(page))

    def _render_page_now(self, page: Page) -> bytes:
        ctx = context(self, page)
        if page.body is not None:
            name, note, level = page.body
            ctx[name] = self.note_body(note, page.url, level)
        if page.late is not None:
            page.late(self, page, ctx)
        if not ctx["locked"]:
            return self.theme.render(page.template, **ctx).encode("utf-8")
        assert self.encrypt is not None
        main_html = self.theme.render(page.template, **{**ctx, "locked": False,
                                                          "part": "main"})
        shell = chrome.shell_context(self, page, ctx, self.encrypt(main_html))
        html = self.theme.render(page.template, **shell)
        if page.note is not None:
            check_shell(html, page, ctx)
        return html.encode("utf-8")

    def _render_404(self) -> bytes:
        page = Page("404.html", "404.html", "Page not found",
                    "There is no page at this address.", "error", "", lockable=False)
        return self.theme.render(page.template,
                                 **context(self, page, absolute=True)).encode("utf-8")
