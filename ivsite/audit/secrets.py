"""What the audit looks for: everything an audience must not see, and what it may.

Kept apart from the audience filter on purpose: the audit is a second line and
must not share the filter's blind spots. Passage text comes from the cut's own
record of what each passage held, comments from a pattern of its own, and what
the audience may read (which excuses a withheld sentence said elsewhere too) from
the source, not from the filter's view.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from ..audience.notelinks import close_keys, linked_files
from ..audience.viewnote import SEES, Audience
from ..core.models import InterviewMeta, RoleMeta
from ..core.slugs import slugify
from ..markdown.notes import Note, ValidSite
from ..markup.saidwords import TAG, title_words
from ..names.nameforms import name_forms
from ..names.people import Mention, consented_names, mentions
from ..names.persons import people
from ..names.severalnames import persons_in, place_of
from ..switches.fmchecks import strings
from ..text.normalise import fold
from .comments import SAID_IN_COMMENT, comments, maybe_comment
from .comments import printed_comments as printed_comments
from .comments import without_comments as without_comments
from .consentsaid import consent_as_said, held_companies
from .frontpassages import fenced, unfenced
from .labelled import labelled_secrets, without_labelled
from .markedblocks import marked_secrets, unseen_lines
from .nearlinks import near_link_secrets
from .notewords import note_words
from .secret import BESIDE
from .secret import Secret as Secret
from .unreadfields import field_secrets
from .visibility import audit_visibility as _visibility

ADDRESS = "withheld address"
"""The kind of secret that is a withheld page's address (looked for as a link)."""
WIKI_NAME = "withheld note's name in a wiki link"
"""The kind of secret that is a name a wiki link reaches a withheld note by (its
title, an alias, its path), folded by :func:`wiki_name`: looked for inside
``[[…]]`` in every output (ivsite.audit.addresses.wiki_names_in), where ivsite
never prints one of its own (red team 11, R11-25)."""
ANCHOR = "withheld heading's anchor"
"""The kind of secret that is ``page#slug`` of a heading or block id in a withheld
passage of a page the audience sees (looked for in links' fragments alone)."""


def withheld(site: ValidSite, audience: Audience) -> list[Secret]:
    """Everything this audience must not see, as strings to look for in an output."""
    sees = SEES[audience]
    companies = held_companies(site)  # consent the front matter narrows (R17-03)
    site = consent_as_said(site)
    out = _people_secrets(site, sees)
    out += _question_secrets(site)
    out += _wiki_secrets(site, sees)
    out += near_link_secrets(site, sees)  # a slip for a withheld note's name (R18-07)
    out += field_secrets(site)  # what keys no model reads hold (R13-01, R13-03, R13-07)
    shown = _shown_fields(site, sees)
    out += [c for c in companies if fold(c.text) not in shown]
    named = _named(site, sees)
    for note in site.notes:
        meta = note.meta
        if _visibility(note, site) not in sees:
            out.extend(_field_secrets(note, shown, note.key in named))
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
            out.extend(marked_secrets(note, sees))  # ```private, <div data-private> (R15-01)
            out.extend(labelled_secrets(note, sees))  # OTR:, Memo to self: (R15-05)
            out.extend(Secret(f"{kind} passage in front matter", said, note.source,
                              note.fm.pos(*keys).line)
                       for keys, text in strings(note.fm.data)
                       for kind, said in fenced(text) if kind not in sees)
            # A comment in a printed field hides nothing there (R11-04).
            out.extend(Secret(f"{kind} in front matter", said, note.source,
                              note.fm.pos(*keys).line)
                       for keys, text in strings(note.fm.data)
                       for kind, said, _, _ in comments(text))
        # Comments are found here by themselves, not taken from the cut: the audit
        # must not share a blind spot with the filter.
        code = _code_text(note.tokens) if maybe_comment(note.fm.body) else ""
        for kind, said, at, whole in comments(note.fm.body):
            if whole not in code:  # in code it is shown as is
                line = note.fm.body.count("\n", 0, at) + note.body_line
                out.append(Secret(kind, said, note.source, line))
        for w in note.cut.withheld:
            line = w.line + note.body_line
            if w.text and not set(w.kinds) <= sees:
                kind = f"{w.kinds[-1]} passage" + (" link" if w.link else "")
                out.append(Secret(kind, w.text, note.source, line))
    return out


def wiki_name(target: str) -> str:
    """A wiki link's target as the audit compares it: before any ``|`` or ``#``,
    case-folded, its spaces single."""
    return " ".join(target.split("|")[0].split("#")[0].casefold().split())


def _wiki_secrets(site: ValidSite, sees: frozenset[str]) -> list[Secret]:
    """Each name a wiki link reaches a withheld note by (title, aliases, path, file
    name), less those a note the audience reads goes by too."""
    def names(note: Note) -> set[str]:
        return {wiki_name(n) for n in (note.meta.title or "", *note.meta.aliases, note.key,
                                       note.key.rsplit("/", 1)[-1]) if n.strip()}

    shown = {n for note in site.notes if _visibility(note, site) in sees for n in names(note)}
    return [Secret(WIKI_NAME, name, note.source, 1) for note in site.notes
            if _visibility(note, site) not in sees for name in sorted(names(note) - shown)]


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
    site = consent_as_said(site)
    parts: list[str] = [without_comments(q.text) for q in site.questions if not q.withheld]
    for note in site.notes:
        if _visibility(note, site) not in sees:
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
        # A fence there holds no shown text (R10-11), nor does a comment (R11-04).
        parts += (without_comments(unfenced(text)) for text in front)
        marked = unseen_lines(note, sees)
        shown = "\n".join(line.text for line in note.cut.lines
                          if set(line.kinds) <= sees and not line.fence
                          and line.src not in marked)
        if maybe_comment(shown):
            shown = SAID_IN_COMMENT.sub(" ", shown)
        shown = without_labelled(shown)
        parts.append(_RELATIVE.sub(" ", _WIKI.sub(lambda m: m.group(2) or "", shown)))
        parts.extend(title_words(shown))  # a title is shown, its link's address is not
        if "<" in shown:  # raw HTML's text, its words not parted by tag names
            parts.append(TAG.sub(" ", shown))
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
    """A withheld note's words, wherever Markdown keeps them (ivsite.audit.notewords)."""
    out: dict[tuple[int, str], Secret] = {}  # one text of a token once (an HTML block's
    for tok, n, said in note_words(tokens):  # whole text may be one element's)
        out.setdefault((id(tok), said), Secret(kind, said, note.source, note.line_of(tok) + n))
    return list(out.values())


def _people_secrets(site: ValidSite, sees: frozenset[str]) -> list[Secret]:
    """Unconsented names and contact details, anywhere; the parts of a name on the
    pages (and linked files) of the notes about that person and that link to them,
    and on every page that shows a note about them: its card in a list, its answer
    on a question page (red team 12, R12-12), found by the link each has to it."""
    found = mentions(site, sees)
    out = [Secret(m.kind, m.text, m.note.source, m.line) for m in found.anywhere]
    scopes: dict[Mention, list[str]] = {}

    def seen(other: Note) -> bool:  # beside a note the audience cannot see (R12-04)
        return _visibility(other, site) in sees
    carded = set(found.carded(site, seen))
    for note in (n for n in site.notes if seen(n)):
        if close := found.close_to(note.key, close_keys(site, note, seen)):
            where = [_output_path(note), *linked_files(site, note)]  # its files too (R11-26)
            for m in close:
                scopes.setdefault(m, []).extend(where)
        for m in found.near.get(note.key, ()):  # a page that shows this note
            if m in carded:
                scopes.setdefault(m, []).append(BESIDE + _output_path(note).strip("/"))
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
        if _visibility(note, site) in sees:
            meta = note.meta
            out |= {fold(t.strip()) for t in meta.tags}
            if isinstance(meta, InterviewMeta):
                out |= {fold((meta.person.company or "").strip()),
                        fold((meta.person.role or "").strip())}
    return out


FIELD_KINDS = ("withheld tag", "withheld company", "withheld role", "withheld name part")
"""A withheld note's short fields, which a public page may say in words of its own
(a tag, an employer, a surname that is an everyday word): no leak in a file the
author wrote, nor in a search index as a visible word's stem (ivsite.audit.search)."""


def _named(site: ValidSite, sees: frozenset[str]) -> set[str]:
    """The keys of the interviews whose person this audience reads named: one
    person (ivsite.names.persons) every note about whom agrees to be named, with
    a note the audience sees. Consent belongs to a person across notes: their
    name is no secret of a follow-up kept private or for the mentor (red team 13,
    R13-09), whose title, text and address still are. Someone who did not agree,
    whatever words their name shares with one who did, is another person, or the
    same one with a "no" that withholds every note about them."""
    return {n.key for p in people(site.notes) if p.consents
            and any(_visibility(n, site) in sees for n in p.notes) for n in p.notes}


def _field_secrets(note: Note, shown: set[str], named: bool = False) -> list[Secret]:
    """The front matter of a withheld note that withheld() does not cover: its tags,
    and for an interview the person's name, given and family name (unless the
    audience reads the person named: ``named``, see :func:`_named`), company and
    role. A tag, company or role a visible note also carries is not a secret."""
    meta = note.meta
    tag, company, role, part = FIELD_KINDS
    fields = [(tag, ("tags", str(i)), t) for i, t in enumerate(meta.tags)]
    if isinstance(meta, InterviewMeta):
        p = meta.person
        fields += [(company, ("person", "company"), p.company or ""),
                   (role, ("person", "role"), p.role or "")]
        # Each person of "A / B" (R13-04), as ivsite.names.people.person_names reads it;
        # none of a person the audience reads named (R13-09).
        for name in persons_in(p.name, place_of(p.company, p.role, p.industry, p.location)):
            if name.strip() and not named:
                fields.append(("withheld person", ("person", "name"), name))
                fields += [(part, ("person", "name"), said) for said in name_forms(name).parts]
    return [Secret(kind, value.strip(), note.source, note.fm.pos(*key).line)
            for kind, key, value in fields
            if value.strip() and fold(value.strip()) not in shown]


def published_names(site: ValidSite, audience: Audience) -> tuple[str, ...]:
    """The names, as written, of the people who agreed to be named and whom this
    audience may read about: they name no one else (see audit.audit_files),
    whatever short forms they hold."""
    return tuple(sorted(set(consented_names(consent_as_said(site), SEES[audience]))))
