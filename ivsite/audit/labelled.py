"""Lines a "not for publishing" label opens, as the audit reads them on its own.

A label withholds nothing the filter cuts (ivsite.validate.bodymarkers refuses
it), so before red team 15 the audit held no secret for it. For the labels that
can only say "not for publishing" (red team 15, R15-05: a journalists'
abbreviation, a note to self, "off the record", "do not publish", a lock opening
the line) the audit now holds what follows the label, to the line's end, as
withheld, with a pattern of its own. Narrower than the filter on purpose, so it
never refuses what the filter lets through: a list item's, a quote's or a
paragraph's line only (no heading, table or indented code), the label followed
by a colon (the lock by a space), code and raw HTML left to the caller, and no
word that also names a topic ("Private: 12 / Public: 4" is a count), and no term
of a glossary (ivsite.switches.glossaries) that a trade's word can be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..markdown.notes import Note
from ..markup.saidwords import attribute_words, title_words
from ..switches.glossaries import glossary_terms
from ..switches.markerwords import glossary_term
from .secret import Secret

_LABELS = (r"otr|dnp|fyeo|off[ -]the[ -]record|do[ -]not[ -]publish|don['\u2019]t[ -]publish"
           r"|not[ -]for[ -]publication|notes?[ -]to[ -]self|memos?[ -]to[ -]self"
           r"|keep[ -]to[ -]myself|self[ -]notes?|not[ -]for[ -]the[ -]blog"
           r"|for[ -]my[ -]eyes[ -]only")
_LABELLED = re.compile(
    r"^ {0,3}(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:>[ \t]*)*(?:\[[ xX]\][ \t]*)?"
    r"(?:[*_]{0,3}(?:" + _LABELS + r")[*_]{0,3}[ \t]*:[*_]{0,3}"
    r"|[\U0001F512\U0001F510\U0001F50F\U0001F92B]\ufe0f?)[ \t]+(?P<said>\S[^\n]*)$",
    re.IGNORECASE | re.MULTILINE)
"""A line that opens with such a label (after a list's, a quote's or a task's mark)."""
_MARKUP = re.compile(r"[*_`]+")


def labelled(text: str) -> Iterator[tuple[int, str]]:
    """Each labelled line's text after the label, as a reader sees it (emphasis
    and code marks taken out), of 12 characters or more: (line offset, text)."""
    for m in _LABELLED.finditer(text):
        said = " ".join(_MARKUP.sub("", m.group("said")).split())
        if len(said) >= 12:
            yield text.count("\n", 0, m.start()), said


def without_labelled(text: str) -> str:
    """``text`` without what its labels stand over: what a reader may see of it."""
    return _LABELLED.sub(" ", text)


def labelled_secrets(note: Note, sees: frozenset[str]) -> list[Secret]:
    """What a label stands over on a line of a note this audience reads (outside
    passages it may not read, code and raw HTML, where it is shown as written)."""
    shown = [line for line in note.cut.lines if set(line.kinds) <= sees and not line.fence]
    if _LABELLED.search("\n".join(line.text for line in shown)) is None:
        return []
    code = {i for tok in note.tokens if tok.type in ("fence", "code_block", "html_block")
            and tok.map for i in range(*tok.map)}
    # A glossary's term ("Off the record / : may not be used", R16-06) is defined.
    terms = {src for src, term in glossary_terms(note.tokens).items() if glossary_term(term)}
    return [Secret("labelled passage", text, note.source, line.src + note.body_line)
            for line in shown if line.src not in code and line.src not in terms
            for _, said in labelled(line.text)
            # and the words of its tags' attributes and links' titles (R16-03)
            for text in (said, *attribute_words(said), *title_words(said))]
