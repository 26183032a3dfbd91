"""What a role page adds to help decide whether the path fits: how interest in the
role moved from one conversation to the next (see :mod:`.chart`), what the people
in the role said to each bank question, side by side, and (in the private
preview alone) the follow-ups still open with them (see ivsite.audience.followup).

Both come from the site graph, so from what the audience may see: the role's
interviews in this view and their answers as the filter left them. The answers
are only named in the page's context (its key covers them through their notes'
digests); their bodies are rendered when the page is made (:func:`render_answers`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..audience.followup import open_by_role
from ..audience.viewnote import ViewNote
from ..graph.stage import Answer
from ..markdown.render import relative_url
from .bodyhtml import accessible, balanced, headings_from, scope_ids
from .chart import chart, interest_points
from .page import Page

if TYPE_CHECKING:
    from .emitter import Emitter

ROLE_ANSWERS = 6
"""At most this many answers (the newest) to one question on a role page: the
question's own page has them all. A role page stays readable, and one edit to an
old interview does not make every role page heavier."""
ANSWER_LEVEL = 5
"""Headings inside an answer start here: the page has h2 sections, an h3 per
question and an h4 per person."""


def role_context(em: Emitter, role: ViewNote) -> dict[str, Any]:
    """The interest chart (None without a point) and, per bank question answered by
    someone in this role, those answers (newest first) and how many more there are."""
    interviews = em.g.role_interviews.get(role.id, [])
    points = interest_points(interviews)
    in_role = {n.id for n in interviews}
    groups: list[dict[str, Any]] = []
    for slug, entry, listing in zip(em.questions.slugs, em.g.bank, em.questions.bank,
                                    strict=True):
        answers = [a for a in entry.answers if a.note.id in in_role]
        if answers:
            groups.append({"id": "iv-q-" + slug, "text": entry.question.text,
                           "href": listing.url(), "answers": answers[:ROLE_ANSWERS],
                           "more": max(0, len(answers) - ROLE_ANSWERS)})
    view = em.g.view
    due = open_by_role(view.follow_ups, view.audience, view.today) if view.today else {}
    return {"interest": chart(points) if points else None, "role_answers": groups,
            "follow_ups": due.get(role.slug, [])}


def render_answers(em: Emitter, page: Page, ctx: dict[str, Any]) -> None:
    """The answers named in the context, with their bodies (a :data:`Page.late` hook)."""
    ctx["role_answers"] = [
        {**group, "answers": [_answer(em, a, page.url) for a in group["answers"]]}
        for group in ctx["role_answers"]]


def _answer(em: Emitter, a: Answer, page_url: str) -> dict[str, Any]:
    target = em.g.url(a.note)
    aid = f"iv-ra-{a.note.slug}-{a.anchor}"
    html = em.renderer.render(headings_from(balanced(a.tokens), ANSWER_LEVEL),
                              dict(a.note.env), page_url)
    body = Markup(accessible(scope_ids(html, aid + "-", relative_url(page_url, target))))
    return {"id": aid, "note": a.note.card(), "href": target + "#" + a.anchor, "body": body}
