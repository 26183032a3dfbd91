"""What every page has around its own content: head title and description, the
navigation, the header's search box, footer links, URL helpers and labels for the
templates, scripts, the mentor's feedback link and the lock of an encrypted view."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markupsafe import Markup

from ..audience.viewnote import ViewNote
from ..markdown.render import relative_url
from .labels import (
    FORMAT_LABELS,
    ROLE_STATUS_LABELS,
    STATUS_LABELS,
    byline,
    card_title,
    collection_label,
    date_label,
)
from .page import EmitError, Page

if TYPE_CHECKING:
    from .emitter import Emitter

BANNER = ("Private preview — you see everything, including private and mentor passages; "
          "`ivsite build` publishes only what is public")
LOCKED_TITLE = "Mentor review"
NAV = [("home", "Home", ""), ("interviews", "Interviews", "interviews/"),
       ("timeline", "Timeline", "timeline/"), ("people", "People", "people/"),
       ("companies", "Companies", "companies/"),
       ("reflections", "Reflections", "reflections/"), ("roles", "Roles", "roles/"),
       ("questions", "Questions", "questions/"), ("tags", "Tags", "tags/"),
       ("search", "Search", "search/"), ("review", "For review", "review/")]


def _nav(em: Emitter, current: str, url: Callable[[str], str]) -> list[dict[str, Any]]:
    return [{"key": key, "label": label, "href": url(target), "current": key == current,
             "target": target}
            for key, label, target in NAV if key == "home" or em.sections[key]]


def search_mode(em: Emitter) -> str:
    """How this view searches: Pagefind's index of the written pages, or a JSON
    index read by static/search.js (the private preview; encrypted in the mentor
    view with a passphrase)."""
    if em.locked:
        return "encrypted"
    return "json" if em.audience == "private" else "pagefind"


def _feedback(em: Emitter, page: Page) -> str:
    if em.audience != "mentor" or not em.feedback_email:
        return ""
    link = em.config.base_url + em.share_prefix + page.url
    subject = f"Feedback on “{page.title}”"
    body = f"About this page: {link}\n\n"
    return (f"mailto:{quote(em.feedback_email, safe='@')}"
            f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}")


def context(em: Emitter, page: Page, absolute: bool = False) -> dict[str, Any]:
    """A page's whole template context: the chrome, then the page's own context."""
    page_url = page.url
    if absolute:
        base = em.config.base_path + em.share_prefix

        def url(target: str) -> str:
            return base + target
    else:
        def url(target: str) -> str:
            return relative_url(page_url, target)

    def href(note: ViewNote) -> str:
        return url(em.g.url(note))

    def tag_href(name: str) -> str:
        return url(em.g.tag_url(name))

    def static(path: str) -> str:
        return url("static/" + path)

    locked = em.locked and page.lockable
    site_title = em.config.title
    if locked:
        head_title = head_description = f"{LOCKED_TITLE} — {site_title}"
    else:
        head_title = site_title if page.kind == "home" else f"{page.title} — {site_title}"
        head_description = page.description
    # The header's search box: Pagefind's own UI where Pagefind indexes the view,
    # else a plain form that goes to the search page (which works without JS).
    mode = search_mode(em)
    scripts: list[str] = []
    if mode == "pagefind":
        scripts += [url("pagefind/pagefind-ui.js"), static("header-search.js")]
    if locked:
        scripts.append(static("unlock.js"))
    if page.kind == "search":
        scripts.append(static("search.js"))
    if page.template == "interviews.html":
        scripts.append(static("filter.js"))
    ctx: dict[str, Any] = {
        "site": {"title": site_title, "author": em.config.author,
                 "language": em.config.language, "base_url": em.config.base_url},
        "audience": em.audience,
        "page": {"url": page.url, "title": page.title, "description": page.description,
                 "kind": page.kind, "section": page.section},
        "head_title": head_title,
        "head_description": head_description,
        "nav": _nav(em, page.section, url),
        # A locked page lists only public pages: titles are what it hides.
        "footer_pages": [
            {"title": n.title, "href": href(n)} for n in em.g.collections["pages"]
            if not em.locked or n.visibility == "public"
        ],
        "people_href": url("people/") if em.sections["people"] else "",
        "questions_href": url("questions/") if em.sections["questions"] else "",
        "feed_href": url("feed.xml") if em.feed_written else "",
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
        "card_title": card_title,
        "noindex": not em.public,
        "banner": BANNER if em.audience == "private" else "",
        "feedback_href": _feedback(em, page),
        "scripts": scripts,
        "search": {"mode": mode, "href": url("search/"), "bundle": url("pagefind/"),
                   "styles": url("pagefind/pagefind-ui.css") if mode == "pagefind" else ""},
        "locked": locked,
        "lock_attrs": em.lock_attrs if locked else {},
        "cipher": "",
        "main_id": "iv-main" if locked else "main",
        "part": "page",
    }
    ctx.update(page.context)
    return ctx


def shell_context(em: Emitter, page: Page, ctx: dict[str, Any],
                  cipher: str) -> dict[str, Any]:
    """What the clear shell around a locked page's ciphertext is made from: the
    chrome alone, from a page that holds nothing the lock hides (no note, body,
    cards, title or summary; ``ctx``, the whole page's, is not used), so that no
    theme can print any of it in the clear, in any form (red team H17: a
    ``reverse`` filter over the note's name)."""
    bare = dataclasses.replace(page, title=LOCKED_TITLE, description="", note=None,
                               context={}, body=None, late=None)
    return {**context(em, bare), "cipher": cipher}


def check_shell(html: str, page: Page, ctx: dict[str, Any]) -> None:
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
