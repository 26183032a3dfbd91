"""What an embed stands for: the file ``![[image.png]]`` names, the section
``![[note#Heading]]`` takes, and which notes' texts a view made with embeds read.

The audience filter (ivsite.audience.stage) decides what an audience sees of an embed;
these are the pieces it needs that are not about withholding: finding a file by
its bare name the way Obsidian does, cutting one heading's section out of a
note's (already filtered) tokens, and tidying those tokens so they can stand in
another page (no footnotes of their own, no clashing anchors).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from markdown_it.token import Token

from ..core.diagnostics import did_you_mean
from ..core.slugs import slugify
from ..markdown.notelike import note_like_problem
from ..markdown.notes import (
    AssetTarget,
    BrokenTarget,
    Note,
    NoteTarget,
    ValidSite,
    active_problem,
    namesake_problem,
    resolve_wiki,
)
from ..markdown.render import plain_text
from ..syntax.embeds import is_file

MAX_DEPTH = 4
"""How deep embeds in embedded notes are followed (a cycle stops sooner)."""
IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp"})
_FOOTNOTES = ("footnote_block_open", "footnote_block_close", "footnote_open",
              "footnote_close", "footnote_anchor")


def is_image(asset_rel: str) -> bool:
    return posixpath.splitext(asset_rel)[1].casefold() in IMAGES


def find_file(site: ValidSite, name: str) -> AssetTarget | BrokenTarget:
    """A file by its bare name or the end of its path, among the files the site
    knows (``site.assets``, whatever folders those come from); several that fit
    are an error that lists them, so that the author can write more of the path."""
    name = name.partition("#")[0].strip().strip("/")
    fits = sorted(rel for rel in site.assets if rel == name or rel.endswith("/" + name))
    if len(fits) == 1:
        return AssetTarget(site.assets[fits[0]], "")
    if fits:
        return BrokenTarget(
            f"'![[{name}]]' could be any of {len(fits)} files: {', '.join(fits)}",
            f"write more of its path, e.g. ![[{_shortest_unique(fits[0], fits)}]]",
            code="embed-ambiguous")
    namesake = next((recording for rel, recording in site.recording_namesakes.items()
                     if rel == name or rel.endswith("/" + name)), None)
    if namesake is not None:
        return BrokenTarget(*namesake_problem(f"![[{name}]]", namesake),
                            code="recording-sibling")
    if any(rel == name or rel.endswith("/" + name) for rel in site.recordings):
        return BrokenTarget(
            f"'![[{name}]]' is a recording; recordings are never published",
            "remove the embed; a recording may be linked from a private note only",
            code="recording-link")
    like = next((says for rel, says in site.note_likes.items()
                 if rel == name or rel.endswith("/" + name)), None)
    if like is not None:
        return BrokenTarget(*note_like_problem(f"![[{name}]]", like), code="note-like-file")
    active = next((why for rel, why in site.active_files.items()
                   if rel == name or rel.endswith("/" + name)), None)
    if active is not None:
        return active_problem(f"![[{name}]]", *active)
    names = {posixpath.basename(rel) for rel in site.assets}
    return BrokenTarget(f"'![[{name}]]' names no file in the site",
                        did_you_mean(posixpath.basename(name), names))


def _shortest_unique(rel: str, among: list[str]) -> str:
    parts = rel.split("/")
    for n in range(2, len(parts) + 1):
        tail = "/".join(parts[-n:])
        if sum(1 for other in among if other == tail or other.endswith("/" + tail)) == 1:
            return tail
    return rel


def resolve_embed(site: ValidSite, target: str) -> NoteTarget | AssetTarget | BrokenTarget:
    """An embed's target: a file (by its name) or a note (as a wiki-link finds it)."""
    if is_file(target):
        return find_file(site, target)
    found = resolve_wiki(site, target)
    if isinstance(found, NoteTarget | BrokenTarget):
        return found
    return BrokenTarget(f"'![[{target}]]' names no note")


def section(tokens: list[Token], heading: str) -> list[Token]:
    """The tokens under the heading whose words (or anchor) are ``heading``, up to
    the next heading of the same or a higher level; none when there is no such
    heading. The tokens are already an audience's, so a withheld heading is not
    among them and cannot be found."""
    want = slugify(heading)
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open" or i + 1 >= len(tokens):
            continue
        if slugify(plain_text(tokens[i + 1])) != want:
            continue
        end = next((j for j in range(i + 3, len(tokens)) if tokens[j].type == "heading_open"
                    and tokens[j].tag <= tok.tag and tokens[j].level == tok.level), len(tokens))
        return tokens[i:end]
    return []


def standalone(tokens: Iterable[Token], prefix: str) -> list[Token]:
    """Tokens of one note made fit to stand inside another: footnotes left out
    (their numbers are the other note's own), passage anchors prefixed."""
    out: list[Token] = []
    skipping = 0
    for tok in tokens:
        if tok.type == "footnote_open":
            skipping += 1
        elif tok.type == "footnote_close":
            skipping -= 1
            continue
        if skipping or tok.type in _FOOTNOTES:
            continue
        if tok.type == "passage_open":
            tok = _with(tok, attrs={**tok.attrs, "id": f"{prefix}-{tok.attrs.get('id', '')}"})
        elif tok.type == "inline" and tok.children:
            tok = _with(tok, children=[c for c in tok.children if c.type != "footnote_ref"])
        out.append(tok)
    return out


def _with(tok: Token, **changes: object) -> Token:
    new = tok.copy()
    for k, v in changes.items():
        setattr(new, k, v)
    return new


def embedded_texts(site: ValidSite, note: Note) -> tuple[str, ...]:
    """The texts of every note this note's view may take in by embeds (followed as
    deep as the filter follows them): part of that view's cache key, since an
    edit to an embedded note changes what the embedding page shows."""
    out: list[str] = []
    seen = {note.key}
    level = [note]
    for _ in range(MAX_DEPTH):
        nxt: list[Note] = []
        for n in level:
            if "![[" not in n.fm.text:
                continue
            for tok in n.tokens:
                for t in (tok, *(tok.children or ())):
                    if t.type not in ("embed", "embed_block") or is_file(str(t.meta["target"])):
                        continue
                    found = resolve_wiki(site, str(t.meta["target"]))
                    if isinstance(found, NoteTarget) and found.note.key not in seen:
                        seen.add(found.note.key)
                        out.append(f"{found.note.key}\0{found.note.fm.text}")
                        nxt.append(found.note)
        level = nxt
    return tuple(out)
