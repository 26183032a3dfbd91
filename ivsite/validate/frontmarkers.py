"""Privacy markers written in a front matter's text (red team 10, R10-11).

A note's body that writes ``::: private`` inside a line, opens a line with a
label (``Do not publish: …``, ``PRIVATE: …``, ``(off the record) …``) or uses
another tool's tag (``[private]…[/private]``, ``{% private %}``) is refused (see
ivsite.markdown.passages, ivsite.validate.bodymarkers, ivsite.validate.bodyprivacy).
A front matter's text
is printed as it is written, in the page's description, the feed, the search
index and the cards, and ivsite reads no fence or label there either: a folded
``summary: >-`` with a ``::: private`` block, or ``summary: "Do not publish:
…"``, publishes what it meant to keep back. So each of those, in any string of
the front matter of a note an audience reads, is the same error as in a body
(the same codes), as a comment there is (``comment-in-front-matter``), and so is
another tool's comment (``{>> … <<}``, ``{# … #}``, ``{{! … }}``: red team 11,
R11-04; ivsite.switches.toolcomments), which is a ``privacy-markup`` error in a body.

Folded YAML joins lines, so a label is looked for at the start of each line and
of each sentence; emphasis (``**Private:**``) is read as its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..core.diagnostics import Diagnostics
from ..markdown.frontmatter import FrontMatter
from ..markdown.passages import KINDS
from ..switches.fmchecks import strings
from ..switches.markerwords import label_marker, marker_word, phrase_marker
from ..switches.markupwords import markup
from ..switches.toolcomments import tool_comments
from .bodymarkers import comma_leads, line_labels

_FENCE = re.compile(r"(?:^|(?<=\s)):{3,}[ \t]*\{?[ \t]*\.?([^\W\d_][\w-]*)")
"""A passage fence's opening anywhere in a string (folded YAML joins its lines)."""
_SENTENCE = re.compile(r"\n|(?<=[.!?;\u3002\uff01\uff1f])[ \t]+")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
_NEVER_SHOWN = frozenset({("person", "email"), ("person", "phone"), ("person", "linkedin"),
                          ("referred_by",), ("referrals",), ("recording_file",)})
"""Fields no page prints (ivsite.core.models): a label there keeps nothing back."""
HINT = ("the front matter is printed as written (description, feed, search, cards): "
         "take the text out of it, or put it in the body in a '::: private' passage")


def front_markers(path: str, fm: FrontMatter, visibility: str, diags: Diagnostics) -> bool:
    """Report the passage fences, privacy labels and other tools' privacy tags in
    the front matter's strings of a note an audience reads; whether any."""
    if visibility == "private":
        return False
    found = False
    for keys, text in strings(fm.data):
        if keys[:2] in _NEVER_SHOWN or keys[:1] in _NEVER_SHOWN:
            continue
        pos = fm.pos(*keys)
        for code, message in text_markers(text, f"'{'.'.join(keys)}'"):
            found = True
            diags.error(path, pos.line, pos.col, code, message, HINT)
    return found


def text_markers(text: str, where: str) -> Iterator[tuple[str, str]]:
    """The passage fences, privacy labels and other tools' privacy tags in a text
    printed as written (``where`` names it for the message): (code, message)."""
    for m in _FENCE.finditer(text):
        word = m.group(1)
        if word.casefold() in KINDS or marker_word(word):
            yield ("passage-fence-placement",
                   f"'{m.group(0).strip()}' in {where} looks like a passage fence, but "
                   "ivsite reads fences only at the start of a line of a note's body")
    marked = [*filter(label_marker, labels(text)),
              *filter(phrase_marker, labels(text, comma_leads))]  # R11-11
    found = list(dict.fromkeys(marked))
    for label in found:
        if any(other != label and other.startswith(label) for other in found):
            continue  # "note to self" in "note to self, do not publish": one mistake
        yield ("privacy-label",
               f"the label '{label}' in {where} says the text with it is not for "
               "everyone, but ivsite reads no label as a switch")
    for _, word in markup(text):
        yield ("privacy-markup",
               f"'{word}' in {where} keeps text out of a page in another tool, but ivsite "
               "does not read it and would publish the text")
    for word in dict.fromkeys(w for _, w in tool_comments(text)):  # R11-04, as in a body
        yield ("privacy-markup",
               f"'{word}' in {where} marks a comment in another tool (CriticMarkup, Jinja, "
               "Handlebars …), but ivsite does not read it and would print the comment")


def labels(text: str, found: Callable[[str], Iterator[str]] = line_labels) -> list[str]:
    """The labels each line and sentence of a front-matter string opens with (with
    ``comma_leads``: the words each opens with before a comma, "Off the record, …")."""
    return [label for part in _SENTENCE.split(text) for label in found(_EMPHASIS.sub("", part))]
