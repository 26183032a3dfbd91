"""What the audit looks for: everything an audience must not see, and what it may.

Kept apart from the audience filter on purpose: the audit is a second line and
must not share the filter's blind spots. Passage text comes from the cut's own
record of what each passage held, comments from a pattern of its own, and what
the audience may read (which excuses a withheld sentence said elsewhere too) from
the source, not from the filter's view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from ..audience.notelinks import close_keys
from ..audience.viewnote import SEES, Audience
from ..core.models import InterviewMeta, RoleMeta
from ..core.slugs import slugify
from ..markdown.dialect import inline_text
from ..markdown.notes import Note, ValidSite
from ..names.nameforms import name_forms
from ..names.people import Mention, consented_names, mentions
from ..switches.fmchecks import strings
from ..switches.pathprivacy import path_privacy
from ..text.normalise import fold
from .frontpassages import fenced, unfenced
from .saidsettings import said_level

ADDRESS = "withheld address"
"""The kind of secret that is a withheld page's address (looked for as a link)."""
ANCHOR = "withheld heading's anchor"
"""The kind of secret that is ``page#slug`` of a heading or block id in a withheld
passage of a page the audience sees (looked for in links' fragments alone)."""


@dataclass(frozen=True)
class Secret:
    """Something this audience must not see, and where it came from."""

    kind: str
    text: str
    source: str
    line: int
    scope: tuple[str, ...] = ()
    """Output paths (prefixes) where it counts; empty: everywhere."""


def _visibility(note: Note) -> str:
    """Who may read a note, as the audit sees it: a note whose path says private
    (see ivsite.switches.pathprivacy), or whose text states a privacy setting where ivsite
    reads none (see ivsite.audit.saidsettings), is withheld here whatever validation
    made of it."""
    if path_privacy(note.source):
        return "private"
    said = said_level(note)
    if said == "private" or (said == "mentor" and note.visibility == "public"):
        return said
    return note.visibility


def withheld(site: ValidSite, audience: Audience) -> list[Secret]:
    """Everything this audience must not see, as strings to look for in an output."""
    sees = SEES[audience]
    out = _people_secrets(site, sees)
    out += _question_secrets(site)
    shown = _shown_fields(site, sees)
    for note in site.notes:
        meta = note.meta
        if _visibility(note) not in sees:
            out.extend(_field_secrets(note, shown))
            if meta.summary and len(meta.summary.split()) >= 2:
                out.append(Secret("withheld summary", meta.summary, note.source,
                                  note.fm.pos("summary").line))
            if meta.title and len(meta.title.split()) >= 2:
                out.append(Secret("withheld title", meta.title, note.source,
                                  note.fm.pos("title").line))
            out.extend(Secret("withheld alias", alias, note.source,
                              note.fm.pos("aliases", str(i)).line)
                       for i, alias in enumerate(meta.aliases) if len(alias.split()) >= 2)
            url = f"{note.slug}/" if note.collection == "pages" else \
                f"{note.collection}/{note.slug}/"
            out.append(Secret(ADDRESS, url, note.source, 1))
            out.extend(_passage_secrets(note, note.tokens, "withheld note"))
        else:
            out.extend(_anchor_secrets(note, sees))
            out.extend(Secret(f"{kind} passage in front matter", said, note.source,
                              note.fm.pos(*keys).line)
                       for keys, text in strings(note.fm.data)
                       for kind, said in fenced(text) if kind not in sees)
        # Comments are found here by themselves, not taken from the cut: the audit
        # must not share a blind spot with the filter.
        code = _code_text(note.tokens) if _maybe_comment(note.fm.body) else ""
        for kind, said, at, whole in _comments(note.fm.body):
            if whole not in code:  # in code it is shown as is
                line = note.fm.body.count("\n", 0, at) + note.body_line
                out.append(Secret(kind, said, note.source, line))
        for w in note.cut.withheld:
            line = w.line + note.body_line
            if w.text and not set(w.kinds) <= sees:
                kind = f"{w.kinds[-1]} passage" + (" link" if w.link else "")
                out.append(Secret(kind, w.text, note.source, line))
    return out


_HEADING = re.compile(r"^[ \t>]*#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_BLOCK = re.compile(r"(?:^|\s)\^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$")


def _anchor_secrets(note: Note, sees: frozenset[str]) -> list[Secret]:
    """``page#slug`` for each heading and block id that stands in a passage this
    audience may not read and nowhere it may (red-team 7 M8): read from the cut's
    lines by a pattern of its own, not from the filter's anchors."""
    def slugs(shown: bool) -> dict[str, int]:
        out: dict[str, int] = {}
        for line in note.cut.lines:
            if (not line.kinds or set(line.kinds) <= sees) != shown or line.fence:
                continue
            for m in (_HEADING.match(line.text), _BLOCK.search(line.text)):
                if m is not None and slugify(m.group(1)):
                    out.setdefault(slugify(m.group(1)), line.src + note.body_line)
        return out

    if not note.cut.hides(sees):
        return []
    page = note.slug if note.collection == "pages" else f"{note.collection}/{note.slug}"
    seen = slugs(True)
    return [Secret(ANCHOR, f"{page}#{slug}", note.source, line)
            for slug, line in slugs(False).items() if slug not in seen]


_SAID_IN_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|%%.*?(?:%%|\Z)", re.S)
"""Comments as the audit finds them (not the filter's pattern: no shared blind spot)."""
_SAID_IN_COMMENTS = (
    ("HTML comment", re.compile(r"<!--.*?(?:-->|\Z)", re.S), "<!--", "-->"),
    ("%% comment", re.compile(r"%%.*?(?:%%|\Z)", re.S), "%%", "%%"),
)


def _maybe_comment(body: str) -> bool:
    return "<!--" in body or "%%" in body


def _comments(text: str) -> Iterator[tuple[str, str, int, str]]:
    """Each comment of 12 characters or more in ``text``: (kind, what it says,
    where it starts, the comment as written)."""
    for kind, pattern, opener, closer in _SAID_IN_COMMENTS:
        for m in pattern.finditer(text):
            said = " ".join(m.group(0)[len(opener):].removesuffix(closer).split())
            if len(said) >= 12:
                yield kind, said, m.start(), m.group(0)


def printed_comments(source: str, texts: Iterable[str]) -> list[Secret]:
    """What comments say in texts printed as written outside notes (site.toml's
    title, a question's text; red team 10, R10-30): no page may show it, whether
    or not the filter refused it."""
    return [Secret(kind, said, source, 1)
            for text in texts for kind, said, _, _ in _comments(text)]


def without_comments(text: str) -> str:
    """``text`` without its comments: what a reader may see of it."""
    return _SAID_IN_COMMENT.sub(" ", text) if _maybe_comment(text) else text
_WIKI = re.compile(r"!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_RELATIVE = re.compile(r"""\]\((?![a-zA-Z][\w+.-]*:)[^)]*\)|"""
                       r"""\s(?:href|src|srcset)\s*=\s*(?:"(?![a-zA-Z][\w+.-]*:)[^"]*"|"""
                       r"""'(?![a-zA-Z][\w+.-]*:)[^']*')""", re.I)


def _code_text(tokens: list[Token]) -> str:
    """All code in a note (blocks and spans), where a comment is literal text."""
    return "\n".join(t.content for t in tokens if t.type in ("fence", "code_block")) + \
        "\n".join(c.content for t in tokens for c in t.children or () if c.type == "code_inline")


def visible_source(site: ValidSite, audience: Audience) -> str:
    """What an audience may read, taken from the source and not from the filter's
    view: the audit excuses a withheld sentence that is also said here, so this
    must not share a blind spot with the filter. Lines come from each visible
    note's cut (those in no passage the audience may not see); link targets
    inside the site are left out, since the filter does not print them."""
    sees = SEES[audience]
    parts: list[str] = [without_comments(q.text) for q in site.questions if not q.withheld]
    for note in site.notes:
        if _visibility(note) not in sees:
            continue
        meta = note.meta
        # The title as written (or the file name): one taken from a heading is in
        # the shown lines below if it may be shown, and only then (see ivsite.validate.fallback).
        written = note.fm.data.get("title")
        front = [written if isinstance(written, str) else note.key.rsplit("/", 1)[-1],
                 meta.summary or "", *meta.tags]
        if isinstance(meta, InterviewMeta):
            p = meta.person
            front += [meta.alias or "", p.role or "", p.company or "", p.industry or "",
                      p.location or "", p.name if meta.consent.publish_name else ""]
        elif isinstance(meta, RoleMeta):
            front += list(meta.skills)
        parts += map(unfenced, front)  # a fence there holds no shown text (R10-11)
        shown = "\n".join(line.text for line in note.cut.lines
                          if set(line.kinds) <= sees and not line.fence)
        shown = _SAID_IN_COMMENT.sub(" ", shown)
        parts.append(_RELATIVE.sub(" ", _WIKI.sub(lambda m: m.group(2) or "", shown)))
    return "\n".join(parts)


def _question_secrets(site: ValidSite) -> list[Secret]:
    """The text and aliases of a bank entry with a privacy switch on it (an error,
    see ivsite.validate.questionsfile): no audience may read them, wherever they would be
    printed (a question page, its title, the search index, a feed)."""
    return [*(Secret("withheld question", said, f"questions.yaml (question '{q.id}')", 1)
              for q in site.questions if q.withheld
              for said in (q.text, *q.aliases) if len(said.split()) >= 2),
            *(secret for q in site.questions for secret in printed_comments(
                f"questions.yaml (question '{q.id}')", (q.text, *q.aliases)))]


def _passage_secrets(note: Note, tokens: list[Token], kind: str) -> list[Secret]:
    out = []
    for tok in tokens:
        if tok.type == "inline" and tok.content.strip():
            text = " ".join(inline_text(tok).split())
            if text:
                out.append(Secret(kind, text, note.source, note.line_of(tok)))
        elif tok.type in ("fence", "code_block"):
            for n, line in enumerate(tok.content.split("\n")):
                if line.strip():
                    out.append(Secret(kind, line.strip(), note.source, note.line_of(tok) + n + 1))
    return out


def _people_secrets(site: ValidSite, sees: frozenset[str]) -> list[Secret]:
    """Unconsented names and contact details, anywhere; the parts of a name on the
    pages of the notes about that person and of the notes that link to them."""
    found = mentions(site, sees)
    out = [Secret(m.kind, m.text, m.note.source, m.line) for m in found.anywhere]
    scopes: dict[Mention, list[str]] = {}
    for note in site.notes:
        if _visibility(note) in sees:
            for m in found.close_to(note.key, close_keys(site, note)):
                scopes.setdefault(m, []).append(_output_path(note))
    out += [Secret(m.kind, m.text, m.note.source, m.line, tuple(sorted(set(where))))
            for m, where in scopes.items()]
    return out


def _output_path(note: Note) -> str:
    if note.collection == "pages":
        return "index.html" if note.slug == "index" else f"{note.slug}/"
    return f"{note.collection}/{note.slug}/"


def _shown_fields(site: ValidSite, sees: frozenset[str]) -> set[str]:
    """Tags, companies and roles a visible note carries (folded): the audience may
    read these words, whichever withheld note also has them."""
    out: set[str] = set()
    for note in site.notes:
        if _visibility(note) in sees:
            meta = note.meta
            out |= {fold(t.strip()) for t in meta.tags}
            if isinstance(meta, InterviewMeta):
                out |= {fold((meta.person.company or "").strip()),
                        fold((meta.person.role or "").strip())}
    return out


def _field_secrets(note: Note, shown: set[str]) -> list[Secret]:
    """The front matter of a withheld note that withheld() does not cover: its tags,
    and for an interview the person's name, given and family name, company and
    role. A tag, company or role a visible note also carries is not a secret."""
    meta = note.meta
    fields = [("withheld tag", ("tags", str(i)), t) for i, t in enumerate(meta.tags)]
    if isinstance(meta, InterviewMeta):
        p = meta.person
        fields += [("withheld company", ("person", "company"), p.company or ""),
                   ("withheld role", ("person", "role"), p.role or "")]
        if p.name.strip():
            fields.append(("withheld person", ("person", "name"), p.name))
            fields += [("withheld name part", ("person", "name"), part)
                       for part in name_forms(p.name).parts]
    return [Secret(kind, value.strip(), note.source, note.fm.pos(*key).line)
            for kind, key, value in fields
            if value.strip() and fold(value.strip()) not in shown]


def published_names(site: ValidSite, audience: Audience) -> tuple[str, ...]:
    """The names, as written, of the people who agreed to be named and whom this
    audience may read about: they name no one else (see audit.audit_files),
    whatever short forms they hold."""
    return tuple(sorted(set(consented_names(site, SEES[audience]))))
