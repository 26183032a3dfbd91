"""Wiki links where ivsite does not read one (red team 11, R11-25).

In a note's body, ``[[Leaving Globex]]`` is a link: ivsite resolves it, and a link
to a note the audience may not read shows "a private note". Obsidian keeps links
in properties too, and a link's title, an image's alt text or an HTML attribute
can hold one; ivsite reads none of those as a link and prints the brackets and
the note's title or alias as written, on the page, in ``<title>``, the description,
the lists and the search index. So a wiki link in a printed front-matter field
(one the note's kind knows; an unknown key is ignored, never printed), in a link's
or an image's title, in an image's alt text, or in a raw HTML attribute, is an
error of a note an audience reads, whatever note it names: the author writes the
words meant for readers instead. The audit looks for a withheld note's name in
brackets in every output on its own (ivsite.audit.addresses.wiki_names_in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from ..core.diagnostics import Diagnostics
from ..markdown.dialect import with_lines
from ..markdown.frontmatter import FrontMatter
from ..markdown.passages import Cut
from ..markup.rawhtml import tags
from ..switches.fmchecks import strings

WIKI = re.compile(r"!?\[\[([^\[\]\n]{1,200})\]\]")
"""A wiki link or embed as written: ``[[target]]``, ``[[target|label]]``."""
_NEVER_SHOWN = frozenset({"referred_by", "referrals", "recording_file", "email", "phone",
                          "linkedin"})
"""Fields no page prints (ivsite.core.models)."""
_HINT = ("write the words you want readers to see; a link belongs in the body, where "
         "ivsite reads it (and a link to a note they may not read shows 'a private note')")


def unread_links(path: str, fm: FrontMatter, fields: frozenset[str], body_line: int,
                 tokens: list[Token], cut: Cut, visibility: str, diags: Diagnostics) -> bool:
    """Report the wiki links in the front matter's printed ``fields`` and in the
    body's titles, alt texts and raw HTML attributes of a note an audience reads;
    whether any."""
    if visibility == "private":
        return False
    found = False
    for keys, text in strings(fm.data):
        if keys[0] not in fields or _NEVER_SHOWN.intersection(keys):
            continue
        for m in WIKI.finditer(text):
            found = True
            pos = fm.pos(*keys)
            diags.error(path, pos.line, pos.col, "unread-wiki-link",
                        f"'{m.group(0)}' in '{'.'.join(keys)}' is not read as a link there: "
                        "ivsite would print it as written, with the name of the note it "
                        "links to", _HINT)
    private = {line.src for line in cut.lines if "private" in line.kinds}
    for src, what, link in _body_links(tokens):
        if src not in private:
            found = True
            diags.error(path, src + body_line, 1, "unread-wiki-link",
                        f"'{link}' in {what} is not read as a link there: ivsite would "
                        "print it as written, with the name of the note it links to", _HINT)
    return found


def _body_links(tokens: list[Token]) -> Iterator[tuple[int, str, str]]:
    """(0-based body line, where, the link) for each wiki link in a title, an alt
    text or a raw HTML attribute."""
    for tok, src in with_lines(tokens):
        if tok.type in ("link_open", "image"):
            for m in WIKI.finditer(str(tok.attrs.get("title") or "")):
                yield src, "a link's title", m.group(0)
        if tok.type == "image":  # its content is the alt text as written
            for m in WIKI.finditer(tok.content):
                yield src, "an image's alt text", m.group(0)
        if tok.type in ("html_inline", "html_block") and "[[" in tok.content:
            for tag in tags(tok.content):
                for name, value in tag.attrs:
                    for m in WIKI.finditer(value):
                        yield src, f"the attribute '{name}' of <{tag.name}>", m.group(0)
