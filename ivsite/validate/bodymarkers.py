"""Where a note's body can label a passage without a ``::: private`` fence.

Authors mark text private the ways their other tools honour, and ivsite does
not (red team 9): a link reference definition used as a comment (``[//]: #
(begin private)``, ``[comment]: <> (private)``, ``[private]: #``), which renders
as nothing and so looks honoured in a preview; a heading over a section (``##
Private``, ``## Off the record``); a label opening a line (``**Do not
publish:**``, ``PRIVATE: …``, ``(off the record) …``, a task item ``[ ]
private: …``; red team 10: ended by a dash or an arrow, ``CONFIDENTIAL - …``,
``Private — …``, bracketed, ``[PRIVATE] …``, after an emoji, ``🔒 Private: …``,
and with the full-width colon and brackets of Chinese, Japanese and Korean,
``非公開：…``, ``【非公開】…``; red team 15, journalists' ``OTR:``, ``(DNP)`` and a
lock that opens a line, ``🔒 …``); an attribute list of Pandoc, kramdown or goldmark (``## Salary
{.private}``, ``{: .private}``, ``{#private-start}``), which ivsite prints as
text; a link's title (``[](# "private")``, an empty link no reader sees) and an
empty link to a fragment that says private (``[](#private-start)``); a footnote
labelled so (``[^private]: …``), an Obsidian block id (``… ^private``), a
definition list's term, and a heading, legend or caption in raw HTML
(``<h2>Private</h2>``).

This module only finds those places and what each says, as (body line, what it
is, its text, how it is judged): ``"label"`` for words a reader sees as a title
(ivsite.validate.bodyprivacy judges them as it judges a callout's title, leaving out the
words that also name an ordinary topic: personal, internal, mentor), ``"name"``
for a class, an id, a fragment or a comment's text (judged as a comment is). It
reads tokens and lines outside code and outside ``::: private`` passages only,
so prose about privacy (``Keep your salary private.``, ``## Private equity``) is
no label: a label holds a privacy word and words that open or close a passage,
nothing else.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from markdown_it.token import Token

from ..markdown.dialect import with_lines
from ..markdown.passages import Line
from ..switches.glossaries import glossary_terms
from ..switches.keepout import LEADING_SYMBOL
from ..switches.lookalike import privacy_value, privacy_word
from ..switches.markerwords import compared
from .setoffleads import set_off_labels

Found = tuple[int, str, str, str]
"""(0-based body line, what it is for a message, its text, ``"label"``, ``"name"``,
``"phrase"``, ``"info"`` (a code fence's info string, ivsite.switches.blockwords) or
``"sibling"``: a lead-in that marks nothing, but beside which another compares (R15-07);
``"term"``: a label that is a glossary's term (ivsite.switches.glossaries, R16-06)."""

_ASIDE = re.compile(r"[(\[]([^()\[\]\n]{1,60})[)\]]")
"""A heading's or label's words in brackets, a label of their own."""
_REFERENCE = re.compile(
    r"^ {0,3}\[(?!\^)((?:[^\]\\\n]|\\.){1,200})\]:[ \t]*(<[^>\n]*>|\S*)"
    r"(?:[ \t]+(\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$")
"""A link reference definition on one line: its label, destination and title."""
_ITEM = r"(?:[.#][^\s{}]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s{}]+))"
_ATTRIBUTES = re.compile(r"\{:?[ \t]*(" + _ITEM + r"(?:[ \t]+" + _ITEM + r")*)[ \t]*\}")
"""An attribute list: Pandoc's and goldmark's ``{.x #y k=v}``, kramdown's ``{: .x}``."""
_ITEMS = re.compile(_ITEM)
_OPEN, _CLOSE = "\x01", "\x02"
"""Where emphasis opens and closes in a line's text (see :func:`_lines`)."""
_PRE = r"^[ \t]*(?:\[[ xX]\][ \t]*)?(?:[^\w\s(\[\x01\x02]+[ \t]*)?"
"""What a label may follow at a line's start: a task item's box, and symbols or
an emoji (``🔒 Private: …``, ``⚠️ Confidential — …``, red team 10, R10-19)."""
_SEPARATOR = (r"(?:[ \t]*:(?!\S)|(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]):"
              r"|[ \t]*[\u2013\u2014\u2015\u2192\u21d2\u27f6\u00bb]"
              r"|[ \t]+(?:-{1,2}|->|=>|>>)(?=[ \t]))")
"""What ends a label at a line's start: a colon (after Chinese, Japanese or
Korean with no space), a dash, an arrow (a hyphen only between spaces:
``Off-record`` is one word)."""
_LEADS = (
    re.compile(r"^[ \t]*(?:\[[ xX]\][ \t]*)?\x01+([^\x01\x02]{1,60})\x02+[ \t]*"
               r"(?:$|[.:\u2013\u2014-])"),  # **Private** (alone), **Private** — …
    re.compile(r"\x01+([^\x01\x02]{1,60}?)[ \t]*:[ \t]*\x02+"),  # … **Do not publish:** …
    re.compile(r"\x01+([^\x01\x02]{1,60})\x02+[ \t]*:"),  # … *Private*: …
    # PRIVATE: …, [ ] private: …, CONFIDENTIAL - …, 🔒 Private: …
    re.compile(_PRE + r"([^\W\d][^:\x01\x02]{0,40}?)" + _SEPARATOR),
    # (off the record) …, [PRIVATE] …, *(not for the site)* … (R11-11)
    re.compile(_PRE + r"\x01*[(\[]([^()\[\]\x01\x02]{1,40})[)\]]"),
)
"""Labels a line can open with, or hold as an emphasised lead-in (emphasis that
opens a line and runs on, ``**Private** equity is …``, is prose)."""
_WIDE = str.maketrans({"\uff1a": ": ", "\ufe55": ": ", "\ufe13": ": ", "\ufe30": ": ",
                       "\u2236": ": ", "\uff0d": " - ", "\uff08": "(",
                       "\uff09": ")", "\uff3b": "[", "\uff3d": "]", "\u3010": "[",
                       "\u3011": "]", "\u3014": "[", "\u3015": "]", "\u3016": "[",
                       "\u3017": "]", "\u300c": "[", "\u300d": "]", "\u300e": "[",
                       "\u300f": "]"})
"""The full-width colon and brackets a Chinese, Japanese or Korean input method
types (``非公開：…``, ``【非公開】…``, red team 10, R10-29), read as their ASCII
forms; the colon as one with a space after, as those languages write it without."""


_SENTENCE_START = re.compile(r"(?<=[.!?;])[ \t]+(?=\S)")
"""Where a sentence starts inside a line: a label opens one as it opens a line."""
_COMMA_LEADS = (
    # Off the record, she said …; a sentence's start too (R11-11)
    re.compile(r"(?:" + _PRE + r"|(?<=[.!?])[ \t]+)([^\W\d][^,:;.!?\x01\x02]{0,40}?)[ \t]*,"),
    re.compile(r"(?:" + _PRE + r"|(?<=[.!?])[ \t]+)\x01+([^\x01\x02]{1,60}?)[ \t]*"
               r"(?:\x02+[ \t]*,|,[ \t]*\x02+)"),
)
"""The words a line or sentence opens with before a comma (``Off the record, …``,
``**Between us**, …``): a marker only as a phrase (ivsite.switches.markerwords.phrase_marker)."""


def comma_leads(text: str) -> Iterator[str]:
    """The words a line, or a sentence in it, opens with before a comma."""
    text = text.translate(_WIDE)
    for lead in _COMMA_LEADS:
        for m in lead.finditer(text):
            yield m.group(1).strip()


def line_labels(text: str) -> Iterator[str]:
    """The labels one line of text opens with or leads in with (emphasis marked by
    :data:`_OPEN` and :data:`_CLOSE`), and the words in brackets in each."""
    text = text.translate(_WIDE)
    if lock := LEADING_SYMBOL.match(text):  # 🔒 … (R15-05): one label, the lock's
        after = next(line_labels(text[lock.end():]), "")
        yield f"{lock.group(1)} {after}".strip()
        return
    for lead in _LEADS:
        for m in lead.finditer(text):
            label = m.group(1).strip(" \t:")
            yield label
            yield from _ASIDE.findall(label)  # "**Salary (private):**"


_CODE = ("fence", "code_block", "html_block")
_BLOCK_ID = re.compile(r"(?:^|\s)\^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$")
"""Obsidian's block id at a paragraph's end (``… ^private``), which it does not show."""
_HTML_TITLE = re.compile(r"<(h[1-6]|legend|caption)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def html_titles(content: str) -> Iterator[tuple[str, str]]:
    """Headings, legends and captions of a piece of raw HTML: (what, its text)."""
    if "<" not in content:
        return
    for m in _HTML_TITLE.finditer(content):
        yield f"the <{m.group(1).lower()}>", " ".join(html.unescape(
            _TAG.sub(" ", m.group(2))).split())


def markers(tokens: list[Token], lines: Iterable[Line]) -> Iterator[Found]:
    """Every place in a body that labels text: headings, lead-in labels, attribute
    lists, link titles and empty links' fragments (from the tokens), and link
    reference definitions (from the lines, which the parser keeps no token of).
    Lines inside a ``::: private`` passage are left to the caller."""
    code: set[int] = set()
    heading = ""
    lists: list[int] = []  # where each list the token stands in opens
    found: dict[Found, int] = {}  # what each says, by its list or paragraph (R15-07)
    for at, (tok, src) in enumerate(with_lines(tokens)):
        if tok.type in _CODE and tok.map:
            code.update(range(*tok.map))
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(at)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        if tok.type == "inline":
            found.update(dict.fromkeys(_inline(tok, src, heading), lists[-1] if lists else at))
        elif tok.type == "fence" and tok.info.strip():  # ```private (R15-01)
            yield src, "the code fence's info string", tok.info.strip(), "info"
        elif tok.type == "footnote_reference_open":  # named like a heading ("[^draft]")
            yield src, "the footnote", str(tok.meta["label"]), "label"
        elif tok.type == "html_block":
            yield from ((src, what, text, "label") for what, text in html_titles(tok.content))
        heading = {"heading_open": "the heading", "dt_open": "the term"}.get(tok.type, "")
    labels: dict[int, list[str]] = {}
    for (_, what, text, _), group in found.items():
        if what == "the label":
            labels.setdefault(group, []).append(text)
    terms = glossary_terms(tokens)  # a glossary's terms are defined, not labels (R16-06)
    yield from ((*f[:3], "term") if f[0] in terms and f[3] == "label" else f
                for f, group in found.items()
                if f[1] != "the label" or not compared(f[2], labels[group]))
    for line in lines:
        if line.src not in code and (m := _REFERENCE.match(line.text)):
            # Used as a comment ("[private]: #"), its label is a marker's name; one
            # that leads somewhere names the link ("[mentor]: https://…").
            comment = m.group(2).strip("<>") in ("", "#")
            how = "name" if comment else "label"
            yield line.src, "the link reference", m.group(1), how
            if m.group(3):
                yield line.src, "the link reference's title", m.group(3)[1:-1], how


def _inline(tok: Token, src: int, heading: str) -> Iterator[Found]:
    children = tok.children or []
    if heading:
        title = _ATTRIBUTES.sub(" ", tok.content).strip()
        yield src, heading, title, "label"
        for aside in _ASIDE.findall(title):  # "## Salary (private)"
            yield src, heading, aside, "label"
    if any(child.type == "html_inline" for child in children):
        raw = "".join(c.content for c in children if c.type in ("text", "html_inline"))
        yield from ((src, what, text, "label") for what, text in html_titles(raw))
    for child, (at, _) in zip(children, _offsets(children), strict=True):
        if child.type in ("link_open", "image") and child.attrs.get("title"):
            yield src + at, "the link title", str(child.attrs["title"]), "label"
    for i, child in enumerate(children[:-1]):
        href = str(child.attrs.get("href", ""))
        if child.type == "link_open" and children[i + 1].type == "link_close" \
                and "#" in href:
            yield src, "the empty link", href.partition("#")[2], "name"
    for at, label, marks in set_off_labels(children):  # `PRIVATE` …, <mark>private</mark> …
        yield src + at, "the label", label, "label" if marks else "sibling"  # (R15-01)
    for at, text in _lines(children):
        for sentence in _SENTENCE_START.split(text):  # "We met. Off the record: …" (R11-11)
            for label in line_labels(sentence):
                yield src + at, "the label", label, "label"
        for lead in comma_leads(text):
            yield src + at, "the opening", lead, "phrase"
        if block := _BLOCK_ID.search(text):
            yield src + at, "the block id", block.group(1), "name"
        for m in _ATTRIBUTES.finditer(text.replace(_OPEN, "").replace(_CLOSE, "")):
            for item in _ITEMS.findall(m.group(1)):
                said = _attribute(item)
                if said is not None:
                    yield src + at, "the attribute list", said, "name"


def _attribute(item: str) -> str | None:
    """What an attribute list's item says to judge: a class's or an id's name, a
    ``class=``/``id=`` value, or the value of a ``key=value`` whose key is a privacy
    word and value a level (``visibility=private``); None for any other."""
    if item[0] in ".#":
        return item[1:]
    key, _, value = item.partition("=")
    value = value.strip("\"'")
    if key in ("class", "id"):
        return value
    if privacy_word(key) is not None and privacy_value(value):
        return value
    return None


def _offsets(children: list[Token]) -> Iterator[tuple[int, Token]]:
    breaks = 0
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            breaks += 1
        yield breaks, child


def _lines(children: list[Token]) -> Iterator[tuple[int, str]]:
    """An inline token's lines as (line offset, text), emphasis opening and closing
    as :data:`_OPEN` and :data:`_CLOSE`; code, raw HTML and links' addresses are
    not text."""
    at, out = 0, list[str]()
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            yield at, "".join(out)
            at, out = at + 1, []
        elif child.type == "text":
            out.append(child.content)
        elif child.type in ("strong_open", "em_open"):
            out.append(_OPEN)
        elif child.type in ("strong_close", "em_close"):
            out.append(_CLOSE)
        elif child.type != "html_inline":
            out.append(" ")
    yield at, "".join(out)
