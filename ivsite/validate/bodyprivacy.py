"""Privacy switches written in a note's body, the way Obsidian users write them.

A vault marks a note or passage private with an inline tag (``#draft``), a
callout type (``> [!private]``) or a Dataview field (``visibility:: private``);
other tools with a tag of their own (``<private>``, ``{% private %}``, Liquid's
``{% comment %}``, a shortcode ``{{< private >}}`` or ``[private]…[/private]``).
ivsite reads none of them as a switch, so each one, where an audience would see
it, fails closed: an error, the same rule as the front matter's look-alikes.
So does markup that shows a reader other letters than are written (see
ivsite.markup.hidinghtml), and code written in an address or a frame's page (see
ivsite.markup.scripturls).
So does a label the body writes where a fence belongs (a heading ``## Private``,
``**Do not publish:**``, ``[//]: # (begin private)``, ``{.private}``; see
ivsite.validate.bodymarkers and ivsite.switches.markerwords).
So does a comment used as a marker (``<!-- private -->`` … ``<!-- /private -->``,
``%% draft %%``): ivsite cuts the comments, never the text between them. So do
other tools' comments, raw HTML's bogus comments and a disclosure titled private
(see ivsite.switches.toolcomments).
So does a privacy setting written anywhere but the front matter: a misplaced
line in YAML, TOML, JSON or Org-mode form, in a comment, or as an HTML element
(see ivsite.validate.settingforms).
Lines inside a ``::: private`` passage are the author's alone and do not count;
for the public's tags, neither do lines in a ``::: mentor`` passage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from markdown_it.token import Token

from ..core.diagnostics import Diagnostics
from ..markdown.dialect import with_lines
from ..markdown.passages import Cut
from ..markup.drawnhtml import DRAWN_HINT, drawing
from ..markup.hidinghtml import hiding, reversing, theme_hiding
from ..markup.rawhtml import Tag, tags
from ..markup.scripturls import script_sources, script_urls
from ..switches.blockwords import attribute_marker, info_marker
from ..switches.fmchecks import MENTOR_TAG_HINT, TAG_HINT
from ..switches.inlinefields import consent_key, person_fields
from ..switches.lookalike import privacy_callout, privacy_tag, privacy_value, privacy_word
from ..switches.markerwords import (
    abbreviation,
    comment_marker,
    glossary_term,
    label_marker,
    marker_word,
    mentor_label,
    phrase_marker,
    unfinished,
)
from ..switches.markupwords import markup
from ..switches.toolcomments import admonitions, bogus_comment, summary_titles, tool_comments
from ..syntax.inlinetags import TOKEN as TAG_TOKEN
from .bodyfields import listed
from .bodymarkers import markers
from .settingforms import comment_settings, element_setting, html_settings, statements

_FIELD = re.compile(r"(?:^|(?<=[\[(]))[ \t]*([^\W\d][\w \t-]*?)[ \t]*::", re.MULTILINE)
"""A Dataview field's key: at a line's start, or just after ``[`` or ``(``."""
_ANY_TAG = re.compile(r"<[^>]*>")
_HIDING_HINT = ("write what a reader should see as plain text, and put what they must "
                "not see in a '::: private' passage")
_SCRIPT_HINT = ("link to an https:// address instead (an <iframe src=\"https://…\"> for a "
                "widget), or write what it shows as text; ivsite publishes no code written "
                "in a note")
_PASSAGE_HINT = ("to keep it out, put it in a '::: private' passage (or '::: mentor' for "
                 "your mentor only), or set 'visibility' in the front matter")


def body_privacy(path: str, body_line: int, tokens: list[Token], cut: Cut,
                 visibility: str, diags: Diagnostics, sheet: Mapping[str, str],
                 public: tuple[str, ...] = ()) -> bool:
    """Report the body's privacy switches an audience would see; whether any was found.
    ``sheet``: the classes and ids the theme hides (ivsite.audit.sheethiding);
    ``public``: site.toml's public contacts, which a body's field may hold."""
    if visibility == "private":
        return False
    kinds = {line.src: line.kinds for line in cut.lines}
    found = False
    before: Token | None = None
    titled: tuple[int, str] | None = None  # a callout title that says private: (line, title)
    fields: set[int] = set()  # lines refused as a setting, which are no label besides
    for tok, src in with_lines(tokens):
        where = kinds.get(src, ())
        # A callout's title (its type, if a privacy word, is reported on its own).
        title = before is not None and before.type == "callout_title_open" and \
            not privacy_callout(str(before.meta["kind"]))
        before = tok
        if tok.type == "callout_close":
            titled = None  # all it held was private: the title gives nothing away
        if "private" in where:
            continue
        line = src + body_line
        told = visibility == "mentor" or "mentor" in where  # the mentor reads it
        if title and comment_marker(tok.content) and not (told and mentor_label(tok.content)):
            titled = (line, tok.content)
        elif titled is not None and tok.type == "inline" and tok.content.strip():
            found |= _private_title(path, titled[0], "the callout title", titled[1], diags)
            titled = None
        if tok.type == "callout_open" and privacy_callout(str(tok.meta["kind"])):
            found = True
            diags.error(path, line, 1, "privacy-callout",
                        f"the callout type '[!{tok.meta['kind']}]' says this passage is not "
                        "for everyone, but ivsite shows a callout to every reader of the note",
                        "use a '::: private' (or '::: mentor') passage instead of the callout")
        elif tok.type == TAG_TOKEN and privacy_tag(str(tok.meta["tag"])):
            if visibility == "public" and not where:
                found = True
                diags.error(path, line, 1, "privacy-tag",
                            f"the tag '{tok.content}' says this note is not for the public, "
                            "but it is public; ivsite will not guess", TAG_HINT)
            else:  # the mentor reads it: a mentor note, or a '::: mentor' passage
                diags.warning(path, line, 1, "privacy-tag",
                              f"the tag '{tok.content}' says this is not for others, but "
                              "your mentor will read it", MENTOR_TAG_HINT)
        elif tok.type in ("html_block", "html_inline"):
            found |= _raw_html(path, line, tok.content, diags, sheet, told)
        if tok.type in ("inline", "html_block", "fence", "code_block") and reversing(
                tok.content):
            found = True
            diags.error(path, line, 1, "hiding-markup",
                        "a right-to-left or left-to-right override character here shows "
                        "letters in another order than they are written, so what readers "
                        "see is not what ivsite checks", _HIDING_HINT)
        if tok.type == "inline":
            for finds, says in _OTHER_TOOLS:
                for offset, word in finds(tok):
                    found = True
                    diags.error(path, line + offset, 1, "privacy-markup",
                                f"'{word}' {says}, but ivsite does not read it and would "
                                "publish the text", _PASSAGE_HINT)
            for shown in summary_titles(_with_html(tok)):
                found |= _private_title(path, line, "the disclosure title", shown, diags, told)
            for offset, kind, named in admonitions(_plain(tok)):  # MkDocs (R11-15)
                found |= _admonition(path, line + offset, kind, named, diags, told)
            for offset, key, meant, value in person_fields(_plain(tok)):  # R17-02
                if listed(value, public):
                    continue
                found = True
                diags.error(path, line + offset, 1, "private-field",
                            f"'{key}' in the body reads as the property {meant}, which "
                            "ivsite withholds only in the front matter: here it would be "
                            "published as text",
                            "move it into the front matter, or into a '::: private' passage")
            for offset, field in _privacy_fields(tok):
                found = True
                fields.add(line + offset)
                diags.error(path, line + offset, 1, "privacy-field",
                            f"the line '{field}' looks like a privacy switch, but ivsite "
                            "reads settings only in the front matter (and no inline "
                            "fields), and would publish it as text", _PASSAGE_HINT)
    for src, what, text, how in markers(tokens, cut.lines):
        where = kinds.get(src, ())
        if "private" in where or src + body_line in fields or (
                (visibility == "mentor" or "mentor" in where) and mentor_label(text)):
            continue  # "For my mentor", "Mentor only" where the mentor reads it is true
        found |= _marker(path, src + body_line, what, text, how, diags)
    for src, comment in cut.said:
        where = kinds.get(src, ())
        if "private" in where:
            continue
        if comment_marker(comment) and not (
                (visibility == "mentor" or "mentor" in where) and mentor_label(comment)):
            found = True
            diags.error(path, src + body_line, 1, "privacy-markup",
                        f"the comment '{' '.join(comment.split())}' looks like it marks text "
                        "as not for everyone, but ivsite takes out only the comment and "
                        "would publish the text around it", _PASSAGE_HINT)
        found |= comment_settings(path, src + body_line, comment, diags)
    return found


_OTHER_TOOLS: tuple[tuple[Callable[[Token], Iterator[tuple[int, str]]], str], ...] = (
    (lambda tok: _tool_comments(tok), "marks a comment in another tool (kramdown, Jinja, "
     "CriticMarkup, MDX, Handlebars, Go templates, ERB, Org, Logseq, AsciiDoc, LaTeX, "
     "reStructuredText, Ulysses)"),
    (lambda tok: _markup(tok), "keeps text out of the page in another tool (Liquid, Jinja, "
     "Hugo, forum tags)"),
)
"""Other tools' ways to keep text out of a page, and what the error says of each."""


def _private_title(path: str, line: int, what: str, title: str, diags: Diagnostics,
                   told: bool = False) -> bool:
    """An error for a callout or disclosure titled as a privacy marker ("Private
    notes"); whether there was one. ``told``: the mentor alone reads it, where a
    title for the mentor ("Mentor only") is true."""
    if not comment_marker(title) or unfinished(title) or (told and mentor_label(title)):
        return False
    diags.error(path, line, 1, "privacy-callout",
                f"{what} '{title}' says this passage is not for everyone, but ivsite shows it, "
                "folded or not, to every reader of the note",
                "use a '::: private' (or '::: mentor') passage instead")
    return True


def _admonition(path: str, line: int, kind: str, title: str, diags: Diagnostics,
                told: bool) -> bool:
    """An error for an MkDocs admonition typed or titled private (``!!! private``,
    ``??? note "Private notes"``), as for a callout; whether there was one."""
    if kind and privacy_callout(kind):
        diags.error(path, line, 1, "privacy-callout",
                    f"the admonition type '{kind}' says this passage is not for everyone, "
                    "but ivsite does not read MkDocs admonitions and would publish it",
                    "use a '::: private' (or '::: mentor') passage instead of the admonition")
        return True
    return _private_title(path, line, "the admonition title", title, diags, told)


def _marker(path: str, line: int, what: str, text: str, how: str, diags: Diagnostics) -> bool:
    """An error for a label or markup ivsite.validate.bodymarkers found, where it says
    private; whether there was one."""
    if (how == "label" and label_marker(text)) or (how == "phrase" and phrase_marker(text)):
        hint = _PASSAGE_HINT if not abbreviation(text) else (
            f"{_PASSAGE_HINT}; if '{text}' names something else (a degree, a sector), "
            "write it out or add a word ('DNP degree:')")
        diags.error(path, line, 1, "privacy-label",
                    f"{what} '{text}' says the text with it is not for everyone, but ivsite "
                    "reads no label as a switch and would publish that text", hint)
        return True
    if how == "term" and label_marker(text):  # a glossary's term (R16-06)
        if not glossary_term(text):
            return _marker(path, line, what, text, "label", diags)
        diags.warning(path, line, 1, "glossary-term",
                      f"{what} '{text}' is read as a word a glossary defines, not as a label: "
                      "ivsite publishes its definition",
                      f"if '{text}' marks its text as not for everyone: {_PASSAGE_HINT}")
        return False
    if how == "info" and info_marker(text) is not None:  # ```private (R15-01)
        diags.error(path, line, 1, "privacy-markup",
                    f"{what} '{text}' says the code block is not for everyone, but ivsite "
                    "shows a code block to every reader of the note", _PASSAGE_HINT)
        return True
    if how == "name" and comment_marker(text):
        diags.error(path, line, 1, "privacy-markup",
                    f"{what} '{text}' looks like it marks text as not for everyone, but "
                    "ivsite does not read it and would publish the text", _PASSAGE_HINT)
        return True
    return False


def _raw_html(path: str, line: int, content: str, diags: Diagnostics,
              sheet: Mapping[str, str], told: bool) -> bool:
    """Errors for raw HTML that says "private", hides letters, holds text a
    browser hides but the page would publish, or runs code written in the note;
    whether any."""
    found = False
    if (bogus := bogus_comment(content)) is not None:
        found = True
        diags.error(path, line, 1, "privacy-markup",
                    f"'{bogus}' is a comment to a browser (a bogus comment), so it shows "
                    "nothing, but ivsite would publish its text in the page",
                    "write a comment as '<!-- … -->' (ivsite takes those out), or put the "
                    "text in a '::: private' passage")
    if "{" in content or "<%" in content:  # an HTML block's text
        for _, word in tool_comments(_ANY_TAG.sub(" ", content)):
            found = True
            diags.error(path, line, 1, "privacy-markup",
                        f"'{word}' marks a comment in another tool, but ivsite does not "
                        "read it and would publish the text", _PASSAGE_HINT)
    for shown in summary_titles(content):
        found |= _private_title(path, line, "the disclosure title", shown, diags, told)
    found |= html_settings(path, line, content, diags)
    for tag in tags(content):
        if not tag.closing and not element_setting(tag) and _privacy_element(tag, told):
            found = True
            diags.error(path, line, 1, "privacy-markup",
                        f"the HTML tag <{tag.name}> looks like it keeps its content "
                        "private, but browsers show it and ivsite would publish it",
                        _PASSAGE_HINT)
    for code, what in dict.fromkeys([*(("script-url", w) for w in script_urls(content)),
                                     *script_sources(content)]):
        found = True
        diags.error(path, line, 1, code, what, _SCRIPT_HINT)
    for what in dict.fromkeys(drawing(content)):
        found = True
        diags.error(path, line, 1, "drawn-markup",
                    f"{what} makes readers see letters this note does not hold, or in "
                    "another order than they are written, which ivsite cannot check for "
                    "names", DRAWN_HINT)
    for what in dict.fromkeys((*hiding(content), *theme_hiding(content, sheet))):
        found = True
        diags.error(path, line, 1, "hiding-markup",
                    f"{what} can make readers see other letters than are written here, "
                    "which ivsite cannot check for names or withheld text",
                    _HIDING_HINT)
    return found


def _privacy_element(tag: Tag, told: bool) -> bool:
    """<private>, <x-draft>, class="secret", data-visibility="private" …; where the
    mentor alone reads it (``told``), a name for the mentor (``class="mentor-only"``)
    is true, as a label is."""
    def says(word: str) -> bool:
        return not (told and mentor_label(word))
    if says(tag.name) and any(marker_word(part) for part in re.split(r"[-_:.]", tag.name)):
        return True
    for name, value in tag.attrs:
        if name in ("class", "id") and any(marker_word(v) and says(v) for v in value.split()):
            return True
        if _marker_attribute(name, value) and says(value):
            return True
        if (word := attribute_marker(name, value)) is not None and says(word):  # R15-01
            return True
        if name not in ("class", "id") and privacy_word(name.removeprefix("data-")) \
                and privacy_value(value):
            return True
    return False


def _marker_attribute(name: str, value: str) -> bool:
    """An id, class or name that marks a passage (``id="private-start"``, red team 9,
    R9-25), or a title or aria-label that labels one (``title="private"``)."""
    if name in ("class", "id", "name"):
        return any(comment_marker(v) for v in value.split())
    return name in ("title", "aria-label") and label_marker(value)


def _markup(inline: Token) -> Iterator[tuple[int, str]]:
    """Template tags, shortcodes and bracket tags with a privacy word (or Liquid's
    ``comment``) in an inline token's text, with the line offset of each."""
    return markup(_plain(inline))


def _tool_comments(inline: Token) -> Iterator[tuple[int, str]]:
    """Other tools' comment markers in an inline token's text (code is not text),
    with the line offset of each."""
    text = _plain(inline, tags=True)  # "#if 0" reads "#if" as a tag (R15-05)
    for at, word in tool_comments(text):
        yield text.count("\n", 0, at), word


def _with_html(inline: Token) -> str:
    """An inline token's text and raw HTML as written, when it holds a ``<summary>``."""
    children = inline.children or ()
    if not any(c.type == "html_inline" and c.content[:8].lower() == "<summary" for c in children):
        return ""
    return "".join(c.content for c in children if c.type in ("text", "html_inline"))


def _plain(inline: Token, tags: bool = False) -> str:
    """An inline token's text, line breaks kept (code is not text); with ``tags``,
    a tag as written (``#if``)."""
    return "".join("\n" if c.type in ("softbreak", "hardbreak") else
                   c.content if c.type == "text" or (tags and c.type == TAG_TOKEN) else " "
                   for c in inline.children or ())


def _privacy_fields(inline: Token) -> Iterator[tuple[int, str]]:
    """Dataview fields with a privacy key in an inline token's text (code is not
    text), and privacy settings stated as YAML, TOML, JSON or Org-mode write them
    (``Visibility: private``, ``draft = true``, ``"visibility": "private"``; not
    ``Mentor: Jane Smith``; see ivsite.validate.settingforms), with the line offset of each."""
    text = _plain(inline)
    for m in _FIELD.finditer(text):
        key = m.group(1)
        if privacy_word(key) is not None and not consent_key(key):  # publish_name: consent
            yield text.count("\n", 0, m.start()), key.strip() + "::"
    yield from statements(text)
