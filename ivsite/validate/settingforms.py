"""A privacy setting written where, or the way, ivsite does not read settings.

ivsite reads a note's settings in one place only: YAML (or TOML) front matter at
the top of the file. An author who writes the setting any other way believes the
note is withheld, and ivsite would publish it with the setting as text (red team
9): a misplaced line in YAML, TOML (``visibility = "private"``), JSON
(``"visibility": "private"``, Hugo's JSON front matter) or Org-mode
(``#+VISIBILITY: private``) form; the same inside a comment (``<!--
visibility: private -->``, ``%% draft: true %%``, front matter commented out);
or an HTML element that names the setting and its value (``<meta
name="visibility" content="private">``). Each is one *statement*: a privacy key
(ivsite.switches.lookalike) and a value that says who may see the note. Found anywhere
outside code, it is an error (ivsite.validate.bodyprivacy reports it), never text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core.diagnostics import Diagnostics
from ..markup.rawhtml import Tag, tags
from ..switches.lookalike import privacy_value, privacy_word

_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_PIECES = re.compile(r"[,;{}()\[\]]")
"""Where one statement ends and another starts on a line (a JSON object, a list
of settings written on one line, a statement in brackets)."""
_STATEMENT = re.compile(
    rf"^[ \t]*(?:#\+)?[{_QUOTES}]?(?P<key>[^\W\d][\w \t.-]*?)[{_QUOTES}]?[ \t]*"
    rf"(?::(?!:)|=(?!=))[ \t]*[{_QUOTES}]?(?P<value>[^{_QUOTES}]*?)[{_QUOTES}]?[ \t]*"
    r"(?:[ \t](?:#|//).*)?$")
"""``key: value``, ``key = "value"``, ``"key": "value"``, ``#+KEY: value``, with a
comment after it or not (``visibility: private  # keep off the site``)."""
_ANY_TAG = re.compile(r"<[^>]*>")
_HINT = ("to withhold the whole note, write 'visibility: private' in its YAML front matter "
         "(between '---' lines at the top); for part of it, use a '::: private' passage")
YES_NO = frozenset({"true", "false", "yes", "no", "on", "off"})
_NAMING = frozenset({"name", "property", "itemprop", "http-equiv", "key", "field"})
"""Attributes that name a setting (``<meta name=…>``, ``<input name=…>``)."""
_VALUING = frozenset({"content", "value"})
"""Attributes that give its value."""


def says_setting(key: str, value: str) -> bool:
    """Whether ``key`` and ``value`` make a privacy setting: a privacy key and a
    value that says who may see the note (or yes/no to the key)."""
    value = value.strip()
    return privacy_word(key) is not None and (
        privacy_value(value) or value.casefold() in YES_NO)


def statements(text: str) -> Iterator[tuple[int, str]]:
    """Each privacy setting stated in ``text`` (lines of prose, a comment's text):
    (its line offset, the statement as written)."""
    for offset, line in enumerate(text.split("\n")):
        if ":" not in line and "=" not in line:
            continue
        pieces = _PIECES.split(line)
        for piece in pieces:
            m = _STATEMENT.match(piece)
            # A piece of a line split at brackets or commas states a setting by a
            # key of one word ("visibility"), not by prose ("internal transfer: yes").
            if m is not None and says_setting(m.group("key"), m.group("value")) and (
                    len(pieces) == 1 or len(m.group("key").split()) == 1):
                yield offset, " ".join(piece.split())


def element_setting(tag: Tag) -> bool:
    """Whether an HTML element names a privacy setting and gives it a value that
    says who may see the note (``<meta name="visibility" content="private">``)."""
    keys = [v for name, v in tag.attrs if name in _NAMING]
    values = [v for name, v in tag.attrs if name in _VALUING]
    return any(says_setting(k, v) for k in keys for v in values)


def comment_settings(path: str, line: int, comment: str, diags: Diagnostics) -> bool:
    """An error for each setting a comment (on ``line``) states; whether any."""
    found = False
    for offset, said in statements(comment):
        found = True
        diags.error(path, line + offset, 1, "privacy-field",
                    f"the comment says '{said}', but ivsite reads settings only in the "
                    "front matter at the top of the note (never in a comment), and would "
                    "publish the note", _HINT)
    return found


def html_settings(path: str, line: int, content: str, diags: Diagnostics) -> bool:
    """An error for each setting a piece of raw HTML states, in its text or by an
    element; whether any."""
    found = False
    for _, said in statements(_ANY_TAG.sub(" ", content)):
        found = True
        diags.error(path, line, 1, "privacy-field",
                    f"the line '{said}' in this HTML looks like a privacy switch, but ivsite "
                    "reads settings only in the front matter, and would publish it as text",
                    _HINT)
    for tag in tags(content):
        if not tag.closing and element_setting(tag):
            found = True
            diags.error(path, line, 1, "privacy-field",
                        f"the HTML element <{tag.name}> names a privacy setting, but ivsite "
                        "reads settings only in the front matter, and would publish the note "
                        "and the element", _HINT)
    return found
