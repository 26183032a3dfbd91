"""The audit's own reading of a privacy setting a note states where ivsite reads none.

An author who writes ``visibility: private`` anywhere but the front matter's own
setting (a line swallowed by an open quote, a TOML, JSON or Org-mode line, a
comment, a ``<meta>`` element; red team 9) means the note to be withheld. The
filter refuses each (ivsite.validate.settingforms, ivsite.markdown.swallowed,
ivsite.markdown.otherfront);
the audit, a second line, reads the note's source for them by patterns of its
own and holds such a note withheld whatever validation made of it, as it does a
note whose path says private. Narrower than the filter on purpose (a few switch
words, yes/no only to the few that mean withheld), so it never refuses what the
filter lets through:
code and ``::: private`` passages are not read, and of the front matter's YAML comments
only a setting commented out and a privacy word beside a switch (red team 16).
"""

from __future__ import annotations

import re

from ..core.sizedcache import sized_cache
from ..markdown.notes import Note
from ..switches.lookalike import WITHHELD, normalise
from ..switches.yamlcomments import Comment, setting_of, yaml_comments

_SWITCHES = frozenset({"visibility", "visible", "privacy", "private", "draft", "hidden",
                       "unlisted", "publish", "published", "access", "audience"})
"""Keys (normalised) that can only name who may see the note."""
_WITHHELD_IF_YES = frozenset({"draft", "private", "hidden", "unlisted"})
_WITHHELD_IF_NO = frozenset({"publish", "published", "visible"})
"""The switches that withhold the note when set to yes (``draft: true``) or to no
(``published: false``): the whole key only (``publish_name: false`` is consent)."""
_GONE_IF_YES = frozenset({"deleted", "trashed", "trash", "archived", "expired", "retracted",
                          "withdrawn", "binned"})
"""States a note is taken off a site in (red team 15, R15-05: ``deleted: true``),
with or without ``is`` before them: the audit's own short list, read at the top
level of the front matter only (the filter reads them by shape there,
ivsite.switches.keepout, and nowhere else)."""
_NOT_READY_IF_NO = frozenset({"ready", "final", "approved", "reviewed", "complete", "completed",
                              "finished", "done", "signedoff"})
"""States a note must reach before it goes out (red team 16, R16-08: ``ready: false``),
with or without ``is`` before them, top level only (the filter reads them by shape,
ivsite.switches.notyet)."""
_UNSEARCHED_IF_NO = frozenset({"sitemap", "insitemap", "searchable", "insearch", "search",
                               "indexable", "insearchindex"})
_UNSEARCHED_IF_YES = frozenset({"noindex", "nosearch", "searchexclude", "sitemapexclude",
                                "excludefromsearch", "excludefromsitemap", "hidefromsearch"})
"""Search engines' opt-outs (``sitemap: false``, ``search_exclude: true``); and
``robots: noindex``, read in :func:`_gone`."""
_HINTS = ("visib", "privacy", "private", "draft", "hidden", "unlisted", "publish", "access",
          "audience", "delet", "trash", "archiv", "expir", "retract", "withdrawn", "binned",
          "ready", "final", "approv", "review", "complet", "finish", "done", "signed", "robots",
          "noindex", "sitemap", "search", "index")
"""A note none of these are in states no setting (most notes: not read further)."""
_Q = "\"'\u201c\u201d\u2018\u2019"
_PAIR = re.compile(
    rf"(?:^|(?<=[\s{{,;(\[]))(?:#\+)?[{_Q}]?([A-Za-z][\w.-]*)[{_Q}]?[ \t]*(?::(?!:)|=(?!=))"
    rf"[ \t]*[{_Q}]?([^\W\d_][^{_Q},;{{}}()\[\]\n]*?)[{_Q}]?[ \t]*"
    r"(?=$|[,;{}()\[\]]|[ \t]+(?:#|//))", re.M)
"""``key: value``, ``key = "value"``, ``"key": "value"``, ``#+KEY: value``, each up
to the end of its line, its piece of a one-line object or a comment after it; the
value a word (not ``published == false``, a comparison)."""
_ELEMENT = re.compile(r"<[A-Za-z][^>]*>")
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_COMMENT_MARKS = re.compile(r"<!--|-->|%%")
_CODE_SPAN = re.compile(r"(`+).*?\1")


@sized_cache(16 << 20, lambda note: len(note.fm.text),
             key=lambda note: (note.source, note.fm.text))
def said_level(note: Note) -> str | None:
    """``"private"`` or ``"mentor"`` when the note's source states that setting
    anywhere it is not read as one (the most withheld it states), else None. Kept
    by the note's path and text (all it reads: its lines, tokens and passages are
    made of them), for the audit asks it of every note several times per layer."""
    folded = note.fm.text.casefold()
    if not any(word in folded for word in _HINTS):
        return None
    head, lines = _read_lines(note)
    levels = {_level(key, value) for line in lines for key, value in _pairs(line)}
    levels |= {_commented(c) for c in yaml_comments(note.fm.text, note.body_line)} \
        if note.fm.present and "#" in note.fm.text else set()
    if any(_gone(key, value) for line in head if line[:1].isalpha()
           for key, value in _pairs(line)):
        levels.add("private")
    return "private" if "private" in levels else "mentor" if "mentor" in levels else None


def _level(key: str, value: str) -> str | None:
    name = normalise(key)
    if name not in _SWITCHES:
        return None
    said = normalise(value)
    if said == "mentor":
        return "mentor"
    if said in WITHHELD or said.removesuffix("s") in WITHHELD:
        return "private"
    yes = said in ("true", "yes", "on")
    no = said in ("false", "no", "off")
    return "private" if (yes and name in _WITHHELD_IF_YES) or (
        no and name in _WITHHELD_IF_NO) else None


def _commented(comment: Comment) -> str | None:
    """What a front-matter comment states: a setting commented out (``#
    visibility: private``), or a privacy word beside a switch (``visibility:
    public  # keep private``, red team 16); the comment's other words are not read
    (the filter reads doubts too: ivsite.validate.frontcomments)."""
    if not comment.before:
        return max((_level(k, v) or "" for k, v in _pairs(comment.text)), default="") or None
    said = setting_of(comment.before)
    if said is None or normalise(said[0]) not in _SWITCHES:
        return None
    words = re.findall(r"[^\W\d_]+", comment.text)
    spans = ("".join(words[i:j]) for i in range(len(words))
             for j in range(i + 1, min(i + 4, len(words)) + 1))
    return "private" if any(normalise(w) in WITHHELD for w in spans) else None


def _gone(key: str, value: str) -> bool:
    """``deleted: true``, ``is_archived = yes``: a state of :data:`_GONE_IF_YES` set;
    ``ready: false``, ``robots: noindex``, ``sitemap: false`` (R16-08)."""
    name, said = normalise(key), normalise(value)
    return (name.removeprefix("is") in _GONE_IF_YES and said in ("true", "yes", "on")) or \
        _not_yet(name, said)


def _not_yet(name: str, said: str) -> bool:
    """A readiness state set false, a search engine's opt-out (normalised)."""
    yes, no = said in ("true", "yes", "on"), said in ("false", "no", "off")
    return (name.removeprefix("is") in _NOT_READY_IF_NO and no) or (
        name in _UNSEARCHED_IF_NO and no) or (name in _UNSEARCHED_IF_YES and yes) or (
        name.endswith("robots") and said in ("noindex", "none"))


def _pairs(line: str) -> list[tuple[str, str]]:
    """Each (key, value) a line states, as text or as an element's attributes. (A
    line with no ``:``, ``=`` or ``<``, most prose, states none: not searched.)"""
    out = [(m.group(1), m.group(2)) for m in _PAIR.finditer(_COMMENT_MARKS.sub(" ", line))] \
        if ":" in line or "=" in line else []
    for element in _ELEMENT.findall(line) if "<" in line else ():
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
                 for m in _ATTR.finditer(element)}
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop")
        value = attrs.get("content") or attrs.get("value")
        if key and value:
            out.append((key, value))
    return out


def _read_lines(note: Note) -> tuple[list[str], list[str]]:
    """The front matter's lines but its YAML comments, and those with the body's
    lines that are read: all but its code and its ``::: private`` passages."""
    lines = note.fm.text.split("\n")
    head = note.body_line - 1 if note.fm.present else 0
    front = [line for line in lines[:head] if not line.lstrip().startswith("#")]
    out = list(front)
    code: set[int] = set()
    for tok in note.tokens:
        if tok.type in ("fence", "code_block") and tok.map is not None:
            code.update(range(*tok.map))
    kinds = {line.src: line.kinds for line in note.cut.lines}
    last: tuple[str, ...] = ()
    for i, line in enumerate(lines[head:]):
        last = kinds.get(i, last)  # a line inside a comment: as the line it opened on
        if i not in code and "private" not in last:
            out.append(_CODE_SPAN.sub(" ", line))
    return front, out
