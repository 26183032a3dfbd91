"""One audience's site, made and not yet written: the filter, the graph and emit
for the audience, and the mentor copy a public site shares under share/<token>/."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from ..audience.viewnote import Audience
from ..core.diagnostics import Diagnostics
from ..emit import EmitError
from ..emit.theme import Theme, ThemeError
from ..graph.stage import SiteGraph
from ..mentor import share
from ..write.stage import Layer
from .secrecy import PLAIN, Encryption
from .stages import Pipeline, Prepared


@dataclass
class Site:
    """The layers the writer puts in the output folder, and what the audit needs
    to check them."""

    prep: Prepared
    theme: Theme
    main: SiteGraph
    mentor: SiteGraph | None
    """The mentor view: the copy under share/<token>/ of a public site that shares
    (and, when asked for, the mentor view of one that does not, for its checks)."""
    layers: list[Layer]
    encrypted: bool


def make_site(pipe: Pipeline, prep: Prepared, theme: Theme, audience: Audience,
              diags: Diagnostics, enc: Encryption = PLAIN, strict: bool = False,
              mentor_too: bool = False, share_copy: bool = True) -> Site | None:
    """The site an audience is shown. ``mentor_too``: filter the mentor view of a
    public site even when it is not shared, for its diagnostics and audit (``check``
    and ``audit DIR``); ``share_copy``: False leaves a sharing site's mentor copy
    out. None, with the diagnostics, when the site has errors."""
    encrypt, lock_attrs, url_key = enc
    main = pipe.graph(prep, audience, diags, url_key=url_key if audience == "mentor" else None)
    mentor = None
    shared = audience == "public" and prep.config.share.enabled and share_copy
    if shared or (audience == "public" and mentor_too):
        mentor = pipe.graph(prep, "mentor", diags, url_key=url_key)
    if diags.has_errors(strict):
        return None
    try:
        layers = _layers(pipe, prep, theme, audience, main, mentor if shared else None,
                         encrypt, lock_attrs)
    except (ThemeError, EmitError) as exc:
        made_wrong(prep, exc, diags)
        return None
    return Site(prep, theme, main, mentor, layers, encrypt is not None)


def made_wrong(prep: Prepared, exc: ThemeError | EmitError, diags: Diagnostics) -> None:
    """A theme or page problem found while making the pages (some are found only
    when a page is rendered, which may be as it is written)."""
    if isinstance(exc, ThemeError):
        diags.error(f"themes/{prep.config.theme}", 0, 0, "theme", str(exc))
    else:
        diags.error("content", 0, 0, "output-clash", str(exc),
                    "rename the page or file so that it does not take ivsite's own path")


def _layers(
    pipe: Pipeline, prep: Prepared, theme: Theme, audience: Audience, main: SiteGraph,
    mentor: SiteGraph | None, encrypt: Callable[[str], str] | None,
    lock_attrs: dict[str, str] | None,
) -> list[Layer]:
    """The root layer for the audience built, and the mentor copy under share/<token>/."""
    if audience == "mentor":
        return [Layer("", pipe.plan(prep, main, theme, encrypt=encrypt, lock_attrs=lock_attrs))]
    layers = [Layer("", pipe.plan(prep, main, theme))]
    if mentor is not None:
        # A copy: the plan itself may be kept for the next build (see Pipeline.plan).
        root = layers[0].plan
        files = root.files.copy()
        files[share.INDEX_PATH] = share.INDEX_PAGE
        layers[0] = Layer("", dataclasses.replace(root, files=files))
        token = share.get_or_create_token(prep.root)
        prefix = f"share/{token}/"
        layers.append(Layer(prefix, pipe.plan(prep, mentor, theme, share_prefix=prefix,
                                              encrypt=encrypt, lock_attrs=lock_attrs)))
    return layers
