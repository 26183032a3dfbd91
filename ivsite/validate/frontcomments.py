"""A YAML comment in the front matter that takes a setting back.

``visibility: public  # NO: keep private until she replies`` reads as public
(YAML has no comments to read), and so does a note under whose ``visibility:
public`` the author left ``# visibility: private``, the usual way to switch a
setting off. ivsite cannot follow a comment, so a note whose comments doubt
what it shows, or hold a withheld setting switched off, is refused rather than
published on the setting alone (red teams 9, 15 and 16). A comment that only
explains (``publish_name: true  # agreed by email on 3 March``) is left alone.
"""

from __future__ import annotations

from ..core.diagnostics import Diagnostics
from ..markdown.frontmatter import FrontMatter
from ..switches.lookalike import normalise
from ..switches.yamlcomments import says_withheld, setting_of, yaml_comments

GRANTS = frozenset({"visibility", "publishname", "recording", "consent", "publish",
                    "published", "visible", "share", "shared", "public"})
"""Keys (normalised) whose value can show a note, a name or a recording."""
_ON = frozenset({"true", "yes", "on", "y", "1", "public", "mentor"})
_OFF = frozenset({"false", "no", "off", "n", "0"})
_OFF_KEYS = frozenset({"publish", "published", "visible", "publishname", "share", "shared",
                       "public"})
"""Keys that withhold when set off (``publish: false``)."""
_ON_KEYS = frozenset({"draft", "private", "hidden", "unlisted", "secret", "privat"})
"""Keys that withhold when set on (``draft: true``)."""


def withheld_setting(key: str, value: str) -> bool:
    """Whether ``key: value`` (a commented-out line) withholds the note or a name."""
    k, v = normalise(key), value.strip().lower()
    return (k in ("visibility", "privacy", "access", "audience") and v not in _ON
            and says_withheld(v) is not None) or \
        (k in _ON_KEYS and v in _ON) or (k in _OFF_KEYS and v in _OFF)


def setting_comments(path: str, fm: FrontMatter, visibility: str, diags: Diagnostics) -> bool:
    """Refuse a shown note's front-matter comment that doubts a setting that shows
    it (or a name, or a recording), or that is a withheld setting commented out;
    whether one was refused."""
    if visibility == "private":
        return False
    refused = False
    for c in yaml_comments(fm.text, fm.body_line):
        said = setting_of(c.before) if c.before else None
        if said is not None:
            key, value = said
            doubt = says_withheld(c.text)
            if normalise(key) in GRANTS and value.lower() in _ON and doubt:
                diags.error(path, c.line, c.col, "setting-comment",
                            f"the comment beside '{key}: {value}' says '{doubt}', and "
                            "ivsite reads no comments: the setting alone would decide",
                            f"if it is not settled, say so in the setting ('{key}: "
                            f"{'private' if normalise(key) == 'visibility' else 'false'}');"
                            " if it is, delete the comment")
                refused = True
        elif (off := setting_of(c.text)) is not None and withheld_setting(*off):
            diags.error(path, c.line, c.col, "setting-comment",
                        f"'{off[0]}: {off[1]}' is commented out in a {visibility} note",
                        "delete the line if the note is meant for its audience; "
                        "otherwise make it the setting")
            refused = True
    return refused
