"""Front-matter keys the schema does not know, read for what they might mean: a
privacy switch misspelt, nested or written as a tag, a comment that would be
printed, a path that says one thing and ``visibility`` another. Ignored as other
unknown keys are, any of these could publish what the author meant to withhold,
so each is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..core.diagnostics import Diagnostics, did_you_mean
from ..markdown.frontmatter import FrontMatter, Pos
from .consentkeys import consent_shaped
from .keepout import gone
from .lookalike import loose_privacy_word, privacy_tag, privacy_value, privacy_word
from .otherswitches import not_published
from .pathprivacy import described, path_privacy


def strings(value: object) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every string in front matter, with its key path; each list or mapping is
    visited once (YAML anchors can make cycles, and aliases a billion laughs)."""
    seen: set[int] = set()
    stack: list[tuple[tuple[str, ...], object]] = [((), value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            yield path, item
        elif isinstance(item, dict | list) and id(item) not in seen:
            seen.add(id(item))
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            stack.extend(((*path, str(k)), v) for k, v in pairs)


def drop_unknown(
    fm: FrontMatter, path: str, where: tuple[str, ...], table: dict[str, Any],
    known: set[str], diags: Diagnostics,
) -> dict[str, Any]:
    out = {}
    for k, v in table.items():
        if str(k) in known:
            out[str(k)] = v
            continue
        pos = fm.nested_key_pos.get((*where, str(k))) or fm.pos(*where, str(k))
        dotted = ".".join((*where, str(k)))
        if not privacy_shaped(path, pos, str(k), dotted, v, diags) \
                and not privacy_below(fm, path, (*where, str(k)), v, diags) \
                and not consent_shaped(fm, path, where, str(k), v, diags):  # R17-03
            diags.warning(path, pos.line, pos.col, "unknown-key",
                          f"unknown key '{dotted}' is ignored", did_you_mean(str(k), known))
    return out


def comment_kind(value: str) -> str | None:
    """Which comment a front-matter string holds: none is hidden there."""
    return ("an HTML comment" if "<!--" in value
            else "an Obsidian comment ('%%')" if "%%" in value else None)


def privacy_below(fm: FrontMatter, path: str, where: tuple[str, ...], value: object,
                   diags: Diagnostics) -> bool:
    """A privacy-looking key anywhere inside an ignored key (``extra: {visibility:
    private}``, or TOML's ``visibility`` written after an ``[extra]`` header, which
    puts it in that table) is an error: ignored with its parent, it would publish
    the note. Each list or mapping is visited once (YAML aliases can make cycles)."""
    found = False
    seen: set[int] = set()
    stack: list[tuple[tuple[str, ...], object]] = [(where, value)]
    while stack:
        keys, item = stack.pop()
        if not isinstance(item, dict | list) or id(item) in seen:
            continue
        seen.add(id(item))
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        for k, v in pairs:
            inner = (*keys, str(k))
            word = key_word(str(k), v) if isinstance(item, dict) else None
            if word is None and isinstance(item, dict) and gone(str(k), v):
                word = str(k)  # extra: {deleted: true} (R15-05)
            if word is not None:
                pos = fm.nested_key_pos.get(inner) or fm.pos(*inner)
                diags.error(path, pos.line, pos.col, "privacy-key",
                            f"'{'.'.join(inner)}' looks like a privacy switch ({word!r}) "
                            "but is not at the top level, so ivsite would ignore it",
                            "write 'visibility: ...' at the top level of the front matter "
                            "(in TOML, before the first [table]: a key after a [table] "
                            "line belongs to that table)")
                found = True
            stack.append((inner, v))
    return found


def key_word(key: str, value: object) -> str | None:
    """The privacy word a key looks like. An everyday key merely holding one
    (``publisher``, red team 14) is excused, but not when set to true or false:
    ``publisher: false`` may be ``published: false`` mistyped, a switch."""
    word = privacy_word(key)
    if word is None and isinstance(value, bool):
        return loose_privacy_word(key)
    return word


def privacy_shaped(path: str, pos: Pos, key: str, shown: str, value: object,
                    diags: Diagnostics) -> bool:
    """An unknown key that looks like a privacy switch, or says who may see the note,
    is an error: ignoring it, as other unknown keys are, would publish the note. So
    is another tool's "do not publish" (see ivsite.switches.otherswitches)."""
    tool = not_published(key, value)
    if tool is not None:
        diags.error(path, pos.line, pos.col, "privacy-key",
                    f"'{shown}' keeps the page out of the site in another tool: {tool}; "
                    "ivsite does not read it and would publish the note",
                    "to keep the note out, write 'visibility: private' (or 'visibility: "
                    f"mentor' for your mentor only) instead of '{shown}'; to publish it, "
                    f"remove '{shown}'")
        return True
    word = key_word(key, value)
    if word is None and not privacy_value(value):
        return False
    why = (f"'{shown}' looks like a privacy switch ({word!r})" if word is not None
           else f"unknown key '{shown}' says {value!r}, like a privacy switch")
    hint = ("write 'visibility: public', 'visibility: mentor' or 'visibility: private' "
            "(lower case, at the top level), or rename the key")
    if word in ("publish", "published") and isinstance(value, bool):
        # Obsidian Publish's (and Jekyll's) switch: say which visibility it meant.
        meant = "public" if value else "private"
        hint = (f"'{shown}: {str(value).lower()}' means 'visibility: {meant}' here; write "
                f"that instead (and 'visibility: mentor' for your mentor only)")
    diags.error(path, pos.line, pos.col, "privacy-key",
                f"{why}, but the only one is 'visibility'; ivsite will not guess", hint)
    return True


TAG_HINT = ("set 'visibility: private' (or 'visibility: mentor' for your mentor only) to "
            "keep it out, or rename the tag if the note may be published")
MENTOR_TAG_HINT = ("set 'visibility: private' to keep it from your mentor too, or rename the "
                   "tag if your mentor may read the note")


def path_contradicts(path: str, fm: FrontMatter, written: str | None,
                      diags: Diagnostics) -> bool:
    """Whether the path says private (see ivsite.switches.pathprivacy) and the front matter
    says public or mentor: they contradict each other, an error (the note is left
    out, never published by the one or the other)."""
    said = path_privacy(path)
    if said is None or written in (None, "private"):
        return False
    pos = fm.pos("visibility")
    diags.error(path, pos.line, pos.col, "path-says-private",
                f"'visibility: {written}' contradicts the path: {described(said)} says "
                "this note is private",
                "to publish it, move the file out of that folder or rename it; to keep it "
                "private, take out the visibility line")
    return True


def privacy_tags(path: str, fm: FrontMatter, tags: list[str], visibility: str,
                 diags: Diagnostics) -> bool:
    """A public note tagged ``private``, ``draft``, ``do-not-publish`` … is an error:
    the tag says its author meant it for no one, and ivsite would publish it (and
    list it under tags/private/). Fail closed, as for a look-alike privacy key.
    On a mentor note the same tag is a warning (an error with ``--strict``): the
    mentor view is sent to another person, whom the tag may mean to keep out (red
    team 4, J-mtag). Whether the note is left out (an error)."""
    if visibility == "private":
        return False
    found = False
    for i, tag in enumerate(tags):
        if privacy_tag(tag):
            pos = fm.pos("tags", str(i))
            if visibility == "public":
                found = True
                diags.error(path, pos.line, pos.col, "privacy-tag",
                            f"the tag '{tag}' says this note is not for the public, but it "
                            "is public; ivsite will not guess", TAG_HINT)
            else:
                diags.warning(path, pos.line, pos.col, "privacy-tag",
                              f"the tag '{tag}' says this note is not for others, but it is "
                              "a mentor note: your mentor will read it", MENTOR_TAG_HINT)
    return found
