"""The questions pages: an index of the bank, each bank question's answers side by
side, page by page, and the other questions asked in one conversation.

The index holds counts and links only, and a question's page only its own run of
answers, so an edit to one interview makes again the pages that show its answers
(and the index only when a count changes). Answers are made into entries, with
their bodies, only when their page is made (:func:`_render_answers`)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..core.slugs import slugify
from ..graph.stage import Answer, SiteGraph
from ..markdown.render import relative_url
from .bodyhtml import accessible, balanced, headings_from, scope_ids
from .page import Page

if TYPE_CHECKING:
    from .emitter import Emitter

ANSWERS_PER_PAGE = 50
"""At most this many answers on one page of a bank question. An answer is a whole
section of an interview (a few KB of HTML), so 50 of them make a page that renders,
audits and loads quickly, while the questions of most sites fit on one page. One
page holding every answer to every question was 30 MB at 10,000 notes, and any
edit to an answer made all of it again."""
OTHER_PER_PAGE = 200
"""At most this many questions on one page of the other questions asked: each is
one line (the question and who was asked), so a page holds more of them."""
OTHER_SLUG = "other"
"""The other questions' folder under ``questions/``; no bank question takes it."""


@dataclass
class Listing:
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


class Questions:
    """Where each bank question and answer is shown in one audience's site."""

    def __init__(self, graph: SiteGraph) -> None:
        self.g = graph
        self.exists = bool(graph.other_questions) or any(e.answers for e in graph.bank)
        self.slugs = question_slugs([e.question.id for e in graph.bank])
        self.bank = [Listing(self._folder(slug), e.answers, ANSWERS_PER_PAGE)
                     for slug, e in zip(self.slugs, graph.bank, strict=True)]
        self.other = Listing(OTHER_SLUG, graph.other_questions, OTHER_PER_PAGE)
        # Where each answer is shown, for the links to it from its interview's page.
        self.answer_href: dict[tuple[str, str], str] = {}
        for listing in (*self.bank, self.other):
            for i, a in enumerate(listing.answers):
                self.answer_href[(a.note.id, a.anchor)] = (
                    listing.url(i // listing.per_page + 1) + "#" + answer_id(a))

    def _folder(self, slug: str) -> str:
        """A bank question's folder: its slug, or in an encrypted view a keyed hash
        of it, as note and tag addresses are there (see ``SiteGraph.url_key``)."""
        key = self.g.url_key
        if key is None:
            return slug
        return hmac.new(key, f"question:{slug}".encode(), hashlib.sha256).hexdigest()[:16]

    def pages(self, site: str) -> list[Page]:
        """The questions index, then each bank question's pages and those of the
        other questions asked."""
        bank = [{"id": "q-" + slug, "text": e.question.text, "count": len(e.answers),
                 "href": listing.url() if e.answers else ""}
                for slug, e, listing in zip(self.slugs, self.g.bank, self.bank, strict=True)]
        other = self.other
        out = [Page("questions/", "questions.html", "Questions",
                    f"The questions I ask, each with its answers side by side, on {site}",
                    "list", "questions", context={
                        "bank": bank,
                        "other": {"count": len(other.answers), "href": other.url()}
                        if other.answers else None})]
        for slug, e, listing in zip(self.slugs, self.g.bank, self.bank, strict=True):
            text = e.question.text
            out += _listing_pages(listing, "question.html", text,
                                  f"Every answer to “{text}” on {site}",
                                  {"question": {"id": "q-" + slug, "text": text}})
        out += _listing_pages(other, "other-questions.html", "Other questions asked",
                              f"Questions asked in one conversation on {site}", {})
        return out


def _listing_pages(listing: Listing, template: str, title: str, description: str,
                   context: dict[str, Any]) -> list[Page]:
    """A listing's pages (none when it is empty); the title of each page of a longer
    one says which page it is."""
    if not listing.answers:
        return []
    count = listing.page_count
    out = []
    for number in range(1, count + 1):
        answers = listing.page(number)
        first = (number - 1) * listing.per_page + 1
        where = f" (page {number} of {count})" if count > 1 else ""
        out.append(Page(
            listing.url(number), template, title + where, description + where, "list",
            "questions", context={
                **context, "answers": answers, "total": len(listing.answers),
                "first": first, "last": first + len(answers) - 1,
                "pager": _pager(listing, number)},
            late=_render_answers if template == "question.html" else _list_answers))
    return out


def _render_answers(em: Emitter, page: Page, ctx: dict[str, Any]) -> None:
    ctx["answers"] = [_answer(em, a, page.url, render=True) for a in ctx["answers"]]


def _list_answers(em: Emitter, page: Page, ctx: dict[str, Any]) -> None:
    ctx["answers"] = [_answer(em, a, page.url, render=False) for a in ctx["answers"]]


def _answer(em: Emitter, a: Answer, page_url: str, render: bool) -> dict[str, Any]:
    """One answer as the questions pages' partials show it."""
    target = em.g.url(a.note)
    body = Markup("")
    if render:
        html = em.renderer.render(headings_from(balanced(a.tokens), 3), dict(a.note.env),
                                  page_url)
        body = Markup(accessible(scope_ids(html, answer_id(a) + "-",
                                           relative_url(page_url, target))))
    return {"id": answer_id(a), "note": a.note.card(), "question": a.question,
            "href": target + "#" + a.anchor, "body": body}


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


def _pager(listing: Listing, number: int) -> dict[str, Any]:
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


def answer_id(a: Answer) -> str:
    return f"a-{a.note.slug}-{a.anchor}"
