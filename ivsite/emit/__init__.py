"""Stage 6 — emit: the site graph to pages, feeds and a search index.

Everything written here comes from the :class:`~ivsite.graph.stage.SiteGraph`, so it
can only show what the audience may see; this stage never reads the site's files.
Every internal link is relative to the page it is on, so one build works at the
site root, under a ``base_url`` sub-path and under ``share/<token>/`` alike (the
404 page alone uses absolute paths, as a server shows it at any address).

With ``encrypt`` (the mentor view with a passphrase) the note-specific part of
every page (its ``<main>``, title included) is encrypted, ``<title>`` and the
description are generic, and the search index is one encrypted file.

The package: :mod:`.page` (what a page is), the page families (:mod:`.notes`,
:mod:`.lists`, :mod:`.questions`, :mod:`.machine`, :mod:`.companies`,
:mod:`.timeline`, :mod:`.rolepage`, :mod:`.chart`), :mod:`.chrome` (what every
page has around its content), :mod:`.emitter` (keys and rendering, with
:mod:`.pagekey`), the pieces of a page (:mod:`.bodyhtml`, :mod:`.toc`,
:mod:`.labels`), the files for programs (:mod:`.feeds`, :mod:`.searchindex`),
the theme (:mod:`.theme`) and what is handed to the writer (:mod:`.output`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.keyed import Keyed, compute
from ..graph.stage import SiteGraph
from .emitter import Emitter
from .output import OutputPlan
from .page import EmitError, PageStore, render_now
from .questions import ANSWERS_PER_PAGE, OTHER_PER_PAGE, question_slugs
from .theme import Theme

__all__ = ["ANSWERS_PER_PAGE", "OTHER_PER_PAGE", "EmitError", "PageStore", "emit",
           "question_slugs", "render_now"]


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
    keyed: Keyed = compute,
) -> OutputPlan:
    """Every output file of one audience's site.

    ``encrypt`` turns a page's main HTML into an envelope (passphrase mode);
    ``lock_attrs`` are then the ``data-salt``/``data-iterations``/``data-check``
    attributes of the locked shell. ``share_prefix`` (``share/<token>/``) is only
    used for absolute links: the feedback link and the 404 page. ``plain_assets``
    (passphrase mode) are the hashes of the files the public may see anyway; any
    other linked file is left out of an encrypted view and the review page says so.
    Each page is asked of ``pages`` under the digest of all it is made from, and
    a note's part of its page's context (its table of contents) of ``keyed``
    under the note's digest.
    """
    if encrypt is not None and not lock_attrs:
        raise ValueError("encrypt needs lock_attrs (data-salt, data-iterations, data-check)")
    return Emitter(graph, theme, encrypt, feedback_email, share_prefix, lock_attrs or {},
                   plain_assets, pages, keyed).run()
