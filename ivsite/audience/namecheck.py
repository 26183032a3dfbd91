"""The filter's check for people and contact details in what an audience sees.

An unconsented name (in any spelling, see ivsite.names.people and ivsite.text.normalise), the
parts of it near the person, and contact details however written are errors at
their line; the audit looks for the same things in the output, independently.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote

from markdown_it.token import Token

from ..core.diagnostics import Diagnostics
from ..markdown.dialect import drawn_inline_text, inline_text
from ..markdown.notes import Note, ValidSite
from ..markup.drawntext import drawn_readings
from ..markup.rawhtml import block_texts, data_texts, embedded_texts
from ..markup.svgtext import svg_texts
from ..names.holding import ConsentedNames
from ..names.ownednames import owned_names
from ..names.people import (
    CONTACT_KINDS,
    NAME_KINDS,
    PART_KIND,
    Mention,
    Mentions,
    consented_names,
    matcher_of,
    mentions,
)
from ..names.wordnames import everyday_words
from ..text.textmatch import Matcher, searchable
from ..text.urlpayloads import address_payloads
from ..text.urlquery import query_text
from .answerpeers import Peers, answers_in
from .consentmask import names_pattern, standing
from .notelinks import close_keys
from .viewbody import EXCERPT

if TYPE_CHECKING:
    from .viewnote import ViewNote


@dataclass
class NameCheck:
    """Unconsented names and contact details, found through one normalising matcher
    (see ivsite.names.people): everywhere, plus name parts near their person."""

    mentions: Mentions
    anywhere: Matcher[Mention]
    consented: re.Pattern[str] | None = None
    """The names of people who agreed to be named and whom the audience reads about,
    as written: taken out of a text before it is searched, so that "Aiko C.
    Fagerlund" (who agreed) is not read as "C. Fagerlund", a short form of Camila G.
    Fagerlund (who did not). On a site of thousands of interviews such shared
    initials and family names are common."""
    held: ConsentedNames = field(default_factory=lambda: ConsentedNames(()))
    """Those names: a hit on a secret that holds one of them (unconsented "Ana
    García-López" holds consented "Ana García") is never excused by masking."""
    sees: frozenset[str] = frozenset()
    """The visibilities the audience reads: a note beside which a name part counts
    is one of those (ivsite.audience.notelinks.close_keys)."""
    carded: Matcher[Mention] | None = None
    """The name parts that count in what every list shows of a note (its title and
    summary), beside the cards of the people's notes (Mentions.carded, R12-12)."""
    carded_tags: frozenset[str] = frozenset()
    """The tags of those people's notes: a tag's page lists them beside any note
    with the tag."""
    _by_peers: dict[str, Matcher[Mention]] = field(default_factory=dict)
    """The name parts of the people of the interviews answering a question, by the
    digest of those interviews (:class:`Peers`): one matcher for all the notes
    that answer it, a value derived from this check's mentions, never stale."""
    addressed: Matcher[Mention] | None = None
    """The unconsented names that are one everyday word ("Mark"), as that word in
    any case: what an address is read for, which has no capitals to show a name
    by ("lunch-with-mark"), where text counts it only where it reads as a name
    (ivsite.names.wordnames, red team 13, R13-08)."""

    def listed(self, note: Note) -> bool:
        """Whether a list shows ``note``'s card beside a person's: interviews and
        reflections are on the home page, the interviews and the timeline with
        theirs; another note only on the page of a tag it shares with one."""
        return self.carded is not None and (
            note.collection in ("interviews", "reflections")
            or any(t.casefold() in self.carded_tags for t in note.meta.tags))

    def excusable(self, m: Mention) -> bool:
        """Whether taking the consented names out of a text may excuse this hit."""
        return not self.held.held_by(m.text)

    def seen(self, note: Note) -> bool:
        """Whether the audience sees ``note``."""
        return note.visibility in self.sees

    def answers(self, site: ValidSite, note: Note, vn: ViewNote,
                peers: Mapping[str, Peers]) -> list[tuple[int, int, Matcher[Mention]]]:
        """(first line, last line, matcher) of each answer of the note's view to a
        bank question that others the audience sees answer too (``peers``, of
        :func:`~ivsite.audience.answerpeers.question_peers`): their given and family
        names alone count there (ivsite.audience.answerpeers). One matcher per
        question, the note's own person among them: their parts count in the whole
        note anyway (:meth:`near`)."""
        out = []
        for qid, first, last in answers_in(site, note, vn.tokens):
            found = peers.get(qid)
            if found is None or found.keys == (note.key,):
                continue
            matcher = self.peers_matcher(found, len(peers))
            if matcher:
                out.append((first, last, matcher))
        return out

    def peers_matcher(self, found: Peers, questions: int) -> Matcher[Mention]:
        """The name parts of the people of the interviews ``found``, made once.
        ``questions``: how many the bank has answered; a preview's saves that move
        answers leave older sets behind, dropped past a few times that many."""
        matcher = self._by_peers.get(found.digest)
        if matcher is None:
            if len(self._by_peers) > 4 * questions + 8:
                self._by_peers.clear()
            close = self.mentions.close_to("", set(found.keys))
            matcher = self._by_peers[found.digest] = matcher_of(
                (m.kind, m.text, m) for m in close)
        return matcher

    def near(self, site: ValidSite, note: Note) -> list[Matcher[Mention]]:
        """The matchers for one note: the parts of the names of the people it is
        about or links to join those that hold everywhere."""
        close = self.mentions.close_to(note.key, close_keys(site, note, self.seen))
        if not close:
            return [self.anywhere]
        return [self.anywhere, matcher_of((m.kind, m.text, m) for m in close)]


def name_check(site: ValidSite, sees: Collection[str],
               owned: tuple[str, str] = ("", "")) -> NameCheck | None:
    """The check for an audience that reads notes of the visibilities ``sees``.
    ``owned``: site.toml's author and title, the author's own, taken out of a text
    as consented names are unless one holds an unconsented name (R12-03)."""
    found = mentions(site, sees)
    if not found.anywhere and not found.near and not found.own:
        return None
    unconsented = (m.text for m in found.anywhere if m.kind.startswith(NAME_KINDS))
    names = tuple(sorted({*consented_names(site, sees), *owned_names(*owned, unconsented)}))
    check = NameCheck(found, matcher_of((m.kind, m.text, m) for m in found.anywhere),
                      names_pattern(names), ConsentedNames(names), frozenset(sees))
    everyday = [((w,), m) for m in found.anywhere if m.kind.startswith(NAME_KINDS)
                for w in everyday_words(m.text)]
    check.addressed = Matcher(everyday) if everyday else None
    carded = found.carded(site, check.seen)
    if carded:
        check.carded = matcher_of((m.kind, m.text, m) for m in carded)
        check.carded_tags = frozenset(t.casefold() for m in carded
                                      for t in site.by_key[m.note.key].meta.tags)
    return check


def _found(check: NameCheck, matchers: list[Matcher[Mention]], text: str) -> list[Mention]:
    """What ``text`` gives away: a name's parts only where the whole name is not,
    and one part per person."""
    def find(t: str) -> list[Mention]:
        folded = searchable(t)  # once for every matcher: folding costs most
        return [m for matcher in matchers for m in matcher.find_in(folded)]

    # A name found: look again without the names of those who agreed, unless the
    # name holds one of them (then masking would take it out too).
    found = standing(find(text), text, check.consented, find,
                     lambda m: not m.kind.startswith(CONTACT_KINDS) and check.excusable(m))
    whole = [m for m in found if m.kind != PART_KIND]
    if whole:
        return whole
    return list({m.note.source + m.kind: m for m in reversed(found)}.values())[::-1]


_WHAT = {"url": "profile or site address", "handle": "handle",
         "recording": "recording (recording_file)", "account": "account name",
         "postal": "postal address", "detail": "contact detail"}
"""What a contact detail written in a withheld text is called (ivsite.contacts.bodyprofiles)."""


def _said(m: Mention, where: str) -> tuple[str, str, str]:
    """(code, message, hint) for a mention found in visible text."""
    if m.kind.startswith(CONTACT_KINDS):
        what = m.kind.removeprefix("contact field ").partition(":")[0]
        return ("contact-in-text", f"the {_WHAT.get(what, what)} at {m.note.source}:{m.line} "
                f"is private, but {where} gives it (however it is written)",
                "contact details are never published: take it out, or put it in a "
                "'::: private' passage" + (
                    "; if it is an organisation's or your own public address, number or "
                    "page, and in no one's interview record, list it in site.toml under "
                    "[privacy] public_contacts (a detail a person's or a referral's record "
                    "holds, under any key, is never public)" if m.written else ""))
    name = f"'{m.text}'" if m.kind != PART_KIND else \
        f"'{m.text}', part of the name of someone who did not agree to be named,"
    return ("name-without-consent",
            f"{name} did not agree to be named, but {where} names them"
            if m.kind != PART_KIND else f"{name} is in {where} (the note about them, "
            "linking to it or shown beside it)",
            "use the alias or a description of their role instead")


def _drawn(children: list[Token]) -> list[str]:
    """What the ``<text>`` elements of an ``<svg>`` in a paragraph draw (see
    ivsite.markup.svgtext): the paragraph's text and raw HTML as written."""
    if not any(c.type == "html_inline" and c.content[:5].lower() == "<text" for c in children):
        return []
    return svg_texts("".join(c.content for c in children if c.type in ("text", "html_inline")))


def _markup(children: list[Token]) -> str:
    """A paragraph as the HTML it renders to, where it holds raw HTML or struck-out
    text (read as drawn: ivsite.markup.drawntext); empty otherwise."""
    if not any(c.type in ("html_inline", "s_open") for c in children):
        return ""
    tags = {"s_open": "<s>", "s_close": "</s>", "softbreak": " ", "hardbreak": " "}
    return "".join(c.content if c.type == "html_inline" else tags.get(c.type)
                   or html.escape(c.content) for c in children)


def check_names(note: Note, vn: ViewNote, check: NameCheck, site: ValidSite,
                diags: Diagnostics, peers: Mapping[str, Peers]) -> None:
    """An unconsented name or a contact detail in visible text fails the build, at
    its line."""
    matchers = check.near(site, note)
    listed = matchers + ([check.carded] if check.carded is not None and check.listed(note)
                         else [])
    fields = [("title", vn.title), ("summary", note.meta.summary or ""),
              ("alias", vn.display_name), ("person.role", vn.person_role),
              ("person.company", vn.company), ("person.industry", vn.industry),
              ("person.location", vn.location),
              *((f"tags.{i}", t) for i, t in enumerate(note.meta.tags))]
    for key, value in fields:
        for m in _found(check, listed if key in ("title", "summary") else matchers, value):
            pos = note.fm.pos(*key.split("."))
            diags.error(note.source, pos.line, pos.col, *_said(m, f"the {key}"))
    addressed = matchers + ([check.addressed] if check.addressed is not None else [])
    for where, value in _addresses(vn):
        for m in _found(check, addressed, value):
            diags.error(note.source, 1, 1, *_said(m, where))
    lines = list(_visible_lines(vn.tokens, note))
    beside = check.answers(site, note, vn, peers)
    if check.carded is not None and check.listed(note) and not note.meta.summary:  # on lists
        beside.append((note.body_line, _excerpt_end(lines), check.carded))
    whole = bool(_found(check, matchers, " \n ".join(text for text, _ in lines)))
    if not whole and not beside:
        return
    reported = False
    for text, line in lines:
        here = matchers + [m for first, last, m in beside if first <= line <= last]
        for m in _found(check, here, text):
            reported = True
            diags.error(note.source, line, 1, *_said(m, f"this {vn.visibility} text"))
    if whole and not reported:
        diags.error(note.source, note.body_line, 1, "name-without-consent",
                    f"the {vn.visibility} text of this note names someone who did not agree "
                    "to be named, or gives a contact detail",
                    "use the alias, or put it in a '::: private' passage")


def _excerpt_end(lines: list[tuple[str, int]]) -> int:
    """The last line of what a list shows of a note without a summary: its first
    200 characters of text (ivsite.audience.viewbody)."""
    shown = 0
    for text, line in lines:
        shown += len(" ".join(text.split())) + 1
        if shown > EXCERPT:
            return line
    return lines[-1][1] if lines else 0



def _addresses(vn: ViewNote) -> Iterator[tuple[str, str]]:
    """The addresses this view publishes, as a reader sees them (percent-decoded)
    and read as words: the page's own and the paths of
    the files it links (folder and file names). A name in another script is found
    there as in the text (red-team 7 M6); tags are checked as fields."""
    def words(path: str) -> str:
        return " ".join(_ADDRESS_GAPS.split(unquote(path)))

    yield f"its address '{vn.slug}'", words(vn.slug)
    for asset in vn.assets:
        yield f"the address of the file '{asset.out}'", words(asset.out)


_ADDRESS_GAPS = re.compile(r"[\s/_.\-]+")


def _visible_lines(tokens: list[Token], note: Note) -> Iterator[tuple[str, int]]:
    """Each piece of text an audience sees, with its line: text, raw HTML as written
    and its tags taken out, attribute values, what data: URIs and frames' srcdoc
    documents in them hold, the values of each piece's query strings
    (ivsite.text.urlquery: "?firstName=Quentin&lastName=Zabrowski") and what its
    addresses carry compressed (ivsite.text.urlpayloads: a mermaid.live diagram)."""
    for text, line in _pieces(tokens, note):
        yield text, line
        if query := query_text(text):
            yield query, line
        if carried := address_payloads(text)[0]:  # a shared diagram's (R11-19)
            yield carried, line


def _pieces(tokens: list[Token], note: Note) -> Iterator[tuple[str, int]]:
    for tok in tokens:
        line = note.line_of(tok) if tok.map else note.body_line
        if tok.type == "inline" and tok.children is not None:
            yield inline_text(tok), line
            if any(c.type == "image" for c in tok.children):  # alt text (R16-03)
                yield drawn_inline_text(tok), line
            yield from ((t, line) for t in _drawn(tok.children))
            yield from ((t, line) for t in drawn_readings(_markup(tok.children)))
            for c in tok.children:
                if c.type == "html_inline":  # raw HTML is shown as written
                    yield c.content, line
                    yield from ((t, line) for t in embedded_texts(c.content))
                for v in c.attrs.values():
                    yield str(v), line
                    yield from ((t, line) for t in data_texts(str(v)))
        elif tok.content:
            yield tok.content, line
            if tok.type == "html_block":
                yield from ((t, line) for t in block_texts(tok.content))
