"""The audit's own reading of a block a note's source marks private where ivsite reads no mark.

An author who labels a block with a code fence's info string (```` ```private ````,
``~~~ do-not-publish``, ```` ```{.private} ````, ```` ```mentor ````), with an HTML
attribute's name (``<div data-private>``) or with a lead-in set in a code span or
an inline element (`` `PRIVATE` Kestrel … ``, ``<mark>private</mark> …``) means the
block to be withheld (red team 15, R15-01). The filter refuses each
(ivsite.validate.bodymarkers, ivsite.switches.blockwords); the audit, a second
line, finds them in the source lines by patterns of its own and looks for the
block's text as it does a withheld passage's, and the block is no text the
audience reads. Narrower than the filter on purpose, so it never refuses what the
filter lets through: a fence and a lead-in at a line's start only, a lead-in in
capitals, in an element other than emphasis or code or before a colon, a topic
word ("Internal", "Mentor") or "Draft" no lead-in, "Private" beside a sector's
label (R15-07) none either, and code and ``::: private`` passages not read.
"""

from __future__ import annotations

import re

from ..core.sizedcache import sized_cache
from ..markdown.notes import Note
from ..markup.saidwords import attribute_words, title_words
from ..switches.lookalike import normalise, privacy_tag
from ..switches.markerwords import (
    FRAME_WORDS,
    SECTOR_PHRASES,
    SECTOR_WORDS,
    TOPICS,
    UNFINISHED,
)
from .secret import Secret

Marked = dict[int, tuple[str, str]]
"""Body line (0-based) to (``"private"`` or ``"mentor"``, the line's text, its markup
and all)."""

_PREFIX = r" {0,3}(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?"
_FENCE = re.compile(rf"{_PREFIX}(`{{3,}}|~{{3,}})[ \t]*(.*?)[ \t]*\Z")
_LEAD = re.compile(_PREFIX + r"(?P<strong>\*\*|__)?(?:(?P<ticks>`+)[ \t]*(?P<code>[^`]{1,40}?)"
                   r"[ \t]*(?P=ticks)|<(?P<tag>[A-Za-z][\w-]*)\b[^<>]*>(?P<inner>[^<>]{1,40})"
                   r"</(?P=tag)\s*>|(?(strong)(?P<shout>[^*_`<>\n]{1,40}?)))"
                   r"(?(strong)(?P=strong))(?P<rest>.*)\Z")
"""A lead-in at a line's start: a code span, an element, or emphasis (``**…**``)."""
_START_TAG = re.compile(r"<([A-Za-z][\w-]*)((?:\s+[^\s=<>/\"']+(?:\s*=\s*(?:\"[^\"]*\"|"
                        r"'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>")
_ATTR = re.compile(r"([^\s=<>/\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_TAG = re.compile(r"<[^>]*>")
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1")
_PLAIN = frozenset({"b", "strong", "em", "i", "code", "kbd", "samp", "tt", "var"})
_SWITCHES = frozenset({"visibility", "privacy", "access", "audience"})
"""Keys of a fence's attribute list that can only name who may see the block."""
_NOT_LEADS = TOPICS | UNFINISHED
"""Words that as a label name a topic or say unfinished (ivsite.switches.markerwords)."""
_SECTORS = "(?:" + "|".join(re.escape(p).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?")
                            for p in sorted(SECTOR_PHRASES, key=len, reverse=True)) + ")"
_SECTOR = re.compile(rf"(?<!\w){_SECTORS}[\s`*_]*(?:</\w+>)?[\s`*_]*[:\u2013\u2014]"
                     rf"|(?:`|<\w[^<>]*>)\s*{_SECTORS}\s*(?:`|</\w+>)", re.I)
"""A sector's label ("Public:", `` `PUBLIC` ``): beside one, "Private" leads a
comparison."""


def _word(word: str) -> str | None:
    """The privacy word (normalised) a word or phrase is, alone or with words that
    open or close a passage (``do-not-publish``, ``confidential-notes``)."""
    parts = [normalise(p) for p in re.split(r"[-_.\s]+", word) if normalise(p)]
    said = [p for p in parts if p not in FRAME_WORDS]
    for norm in [normalise(word), *(said if len(said) == 1 else [])]:
        if norm == "mentor" or (norm and privacy_tag(norm)):
            return norm
    return None


def _level(word: str) -> str | None:
    said = _word(word)
    return None if said is None else "mentor" if said == "mentor" else "private"


def _info_level(info: str) -> str | None:
    """What a fence's info string says: its words (``do not publish``), each word, a
    class's or an id's name (``{.private}``)."""
    items = info.replace("{", " ").replace("}", " ").split()
    words = [i.lstrip(".#") for i in items if "=" not in i]
    words += [v for i in items if i.startswith(("class=", "id="))
              for v in i.partition("=")[2].strip("\"'").split()]
    words += [i.partition("=")[2].strip("\"'") for i in items  # visibility=private
              if normalise(i.partition("=")[0]) in _SWITCHES]
    said = {_level(w) for w in (*words, " ".join(words))} | (
        {"private"} if any(normalise(w) in ("comment", "comments") for w in words) else set())
    return "private" if "private" in said else "mentor" if "mentor" in said else None


def _attr_level(line: str) -> tuple[str, str] | None:
    """What the first element on a line whose attribute names say it
    (``data-private``, ``data-draft``), or a free label's value (``lang``, ``role``,
    a ``data-`` attribute's), says, and the element's name."""
    for m in _START_TAG.finditer(line):
        levels: set[str | None] = set()
        for a in _ATTR.finditer(m.group(2)):
            name, value = a.group(1).casefold(), a.group(2) or a.group(3) or a.group(4) or ""
            if name.startswith("aria-") or name in ("hidden", "class", "id") or \
                    value.strip().casefold() in ("false", "no", "off", "0", "n"):
                continue
            parts = [p for p in re.split(r"[-_:.]", name) if p]
            if (name in ("lang", "role") or name.startswith("data-")) and privacy_tag(value):
                levels.add("private")  # lang="private", data-kind="secret"
            while parts and parts[0] in ("data", "x"):
                parts = parts[1:]
            levels |= {_level(p) for p in ("".join(parts), *parts)}
        if "private" in levels or "mentor" in levels:
            return "private" if "private" in levels else "mentor", m.group(1).lower()
    return None


def _lead_level(m: re.Match[str], sectors: bool) -> str | None:
    """What a lead-in set off at a line's start says, by the audit's narrow rule."""
    said = m.group("code") or m.group("inner") or m.group("shout") or ""
    label = said.strip(" \t:[]()")
    word = _word(label)
    if word is None or word.removesuffix("s") in _NOT_LEADS or word in _NOT_LEADS or (
            sectors and word in SECTOR_WORDS):
        return None
    plain = m.group("tag") is None or m.group("tag").lower() in _PLAIN
    shouted = label.isupper() and sum(ch.isalpha() for ch in label) >= 4
    if m.group("shout") is not None:  # emphasis: a label only in capitals
        return _level(label) if shouted else None
    colon = said.rstrip().endswith(":") or \
        re.match(r"[ \t]*(?:\Z|[:\u2013\u2014])", m.group("rest")) is not None
    return _level(label) if shouted or colon or not plain else None


@sized_cache(16 << 20, lambda note: len(note.fm.text),
             key=lambda note: (note.source, note.fm.text))
def marked_blocks(note: Note) -> Marked:
    """The lines of the blocks the note's body marks private or for the mentor where
    ivsite reads no mark, with the text to look for in each."""
    body = note.fm.body
    if "`" not in body and "~~~" not in body and "<" not in body and "**" not in body \
            and "__" not in body:
        return {}
    kinds = {line.src: line.kinds for line in note.cut.lines}
    code = {i for tok in note.tokens if tok.type == "code_block" and tok.map
            for i in range(*tok.map)}
    lines = [line.text for line in note.cut.lines]
    srcs = [line.src for line in note.cut.lines]
    sectors = _SECTOR.search(body) is not None
    out: Marked = {}
    i = 0
    while i < len(lines):
        text, src = lines[i], srcs[i]
        i += 1
        if "private" in kinds.get(src, ()) or src in code:
            continue
        fence = _FENCE.match(text)
        if fence is not None and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            close = re.compile(rf"[ \t>]*{re.escape(fence.group(1)[0])}"
                               rf"{{{len(fence.group(1))},}}[ \t]*\Z")
            level = _info_level(fence.group(2))
            while i < len(lines) and not close.match(lines[i]):
                if level is not None and lines[i].strip():
                    out[srcs[i]] = (level, lines[i].strip())
                i += 1
            i += 1
            continue
        lead = _LEAD.match(text) if "`" in text or "<" in text or "**" in text or \
            "__" in text else None
        level = _lead_level(lead, sectors) if lead is not None else None
        if lead is not None and level is not None:
            out[src] = (level, lead.group("rest"))
            while i < len(lines) and lines[i].strip():
                out[srcs[i]] = (level, lines[i])
                i += 1
        elif "<" in text and (element := _attr_level(_CODE_SPAN.sub(" ", text))) is not None:
            i = _element(lines, srcs, i - 1, element, out)
    return out


def _element(lines: list[str], srcs: list[int], at: int, element: tuple[str, str],
             out: Marked) -> int:
    """Mark the element (level, name) that opens at line ``at`` (to its closing tag,
    nested ones of its name counted); the line after it."""
    level, name = element
    depth = 0
    for j in range(at, len(lines)):
        out[srcs[j]] = (level, lines[j])
        depth += len(re.findall(rf"<{name}\b", lines[j], re.I)) - \
            len(re.findall(rf"</{name}\s*>", lines[j], re.I))
        if depth <= 0:
            return j + 1
    return len(lines)


def marked_secrets(note: Note, sees: frozenset[str]) -> list[Secret]:
    """The text of each block the note marks for more than this audience sees, as
    withheld prose (looked for sentence by sentence): each line's text, and the
    words of its tags' attributes and links' titles (red team 16, R16-03)."""
    out = []
    for src, (level, said) in marked_blocks(note).items():
        if level in sees:
            continue
        for text in (" ".join(_TAG.sub(" ", said).split()), *attribute_words(said),
                     *title_words(said)):
            if text:
                out.append(Secret(f"{level} marked passage", text, note.source,
                                  src + note.body_line))
    return out


def unseen_lines(note: Note, sees: frozenset[str]) -> set[int]:
    """The body lines of the blocks the note marks for more than this audience sees:
    no text it reads."""
    return {src for src, (level, _) in marked_blocks(note).items() if level not in sees}
