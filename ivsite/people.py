"""People: who a site's notes are about, whether they agreed to be named, and every
spelling of their names and contact details worth looking for.

Consent belongs to a person, not to a note: notes whose ``person.name`` is the
same after :func:`ivsite.identity.person_keys` (or whose ``person.email`` fields
share an address) are about one person, and the name is published only when every one of them says
``publish_name: true``. The forms of a name (:func:`name_forms`) are what the
audience filter's check and the audit look for: the name, the name without its
middle names, "Family, Given", the words run together (``adaezeokafor``, as a
URL or handle has them), the same for the name romanised (``Иван Петров`` as
"Ivan Petrov", ``王小明`` as "Wang Xiaoming", see :mod:`ivsite.romanise`), a
Chinese name in Traditional and Simplified characters (:mod:`ivsite.chinese_forms`)
and, in
the person's own notes and the notes that link to them, the given or family name
alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import unquote, urlsplit

from .chinese_forms import other_forms
from .contacts import contact_needles, contact_pieces
from .identity import name_words, person_keys
from .models import InterviewMeta
from .nameparts import HONORIFICS, PARTICLES, looks_like_name, name_in, plain_name
from .normalise import SPACELESS, compact, words
from .notes import ExternalTarget, Note, NoteTarget, ValidSite, resolve_href, resolve_wiki
from .rawhtml import linked_notes
from .romanise import romanised, romanised_seqs
from .syntax.embeds import is_file
from .textmatch import Confirmed, Matcher, Needles

T = TypeVar("T")

MIN_PART = 2
"""A name part shorter than this (an initial) is never looked for alone; nor is one
with digits in it (a handle, not a name)."""


@dataclass(frozen=True)
class Forms:
    """What to look for to find one name."""

    seqs: tuple[tuple[str, ...], ...]
    """Word sequences, anywhere: full, first + last, family-given, run together."""
    substrings: tuple[str, ...]
    """The name run together, for scripts written without spaces."""
    parts: tuple[str, ...]
    """Given and family name alone (in the person's own and linking notes only)."""
    titled: tuple[tuple[str, ...], ...] = ()
    """A title or initial with the family name ("Ms Dorrance", "J. Dorrance"): looked
    for in text, not in code, where "dr" and "a" stand beside anything."""
    confirmed: tuple[Confirmed, ...] = ()
    """Forms the text's capitals must confirm (see ivsite.textmatch.Confirmed): a
    middle name or initial the record lacks ("Quentin R. Zabrowski"), the family
    name and the initial ("Zabrowski, Q.")."""


def _core(ws: list[str]) -> list[str]:
    """The words of a name without leading titles ("Dr", "Professor")."""
    i = 0
    while i < len(ws) - 1 and ws[i] in HONORIFICS:
        i += 1
    return ws[i:]


MIN_HANDLE = 5
"""A profile's last path segment shorter than this is not looked for alone."""
MIN_INITIAL_HANDLE = 6
"""An initial and family name run together ("mkowalczyk") shorter than this is not
looked for: too many are words ("shall" for Sam Hall, "spark" for Sara Park)."""


def name_forms(name: str) -> Forms:
    """The forms of ``name`` as written and as romanised (ivsite.romanise): a
    Cyrillic or German name with all its forms, a Han or Hangul name's
    romanisations as word sequences only."""
    name = plain_name(name)  # no titles, suffixes or asides (ivsite.nameparts)
    forms = _written_forms(name)
    extra = romanised_seqs(name)
    if extra:
        forms = dataclasses.replace(forms, seqs=tuple(sorted({*forms.seqs, *extra})))
    for other in other_forms(name):  # 王晓明 as 王曉明 (ivsite.chinese_forms)
        more = _written_forms(other)
        forms = dataclasses.replace(
            forms, substrings=tuple(sorted({*forms.substrings, *more.substrings})),
            parts=tuple(sorted({*forms.parts, *more.parts})))
    if extra:
        return forms
    for latin in romanised(name):
        more = _written_forms(latin)
        forms = Forms(tuple(sorted({*forms.seqs, *more.seqs})),
                      tuple(sorted({*forms.substrings, *more.substrings})),
                      tuple(sorted({*forms.parts, *more.parts})),
                      tuple(sorted({*forms.titled, *more.titled})),
                      tuple(sorted({*forms.confirmed, *more.confirmed},
                                   key=lambda c: (c.anchor, c.pattern))))
    return forms


def _written_forms(name: str) -> Forms:
    ws = words(name)
    core = _core(ws)
    if not core:
        return Forms((), (), ())
    if SPACELESS.search(name):
        runs = {compact(ws), compact(core)}
        parts = {core[0], core[-1]} if len(core) > 1 else set()
        return Forms((), tuple(sorted(runs)),
                     tuple(sorted(p for p in parts if len(p) >= MIN_PART)))
    forms: set[tuple[str, ...]] = {tuple(ws)}
    if len(core) > 1:
        forms.add(tuple(core))
        j = len(core) - 1
        while j > 1 and core[j - 1] in PARTICLES:
            j -= 1
        given, family, middle = core[0], core[j:], core[1:j]
        forms |= {(given, *family), (*family, given), (*family, given, *middle),
                  (given, core[-1]), (core[-1], given)}
        # A word and a later surname: "Ana García" for Ana García-López, "María
        # García" for Ana María García López. A surname is in the last written word
        # (or the last two words of a longer name): "Dong hyun" alone is only the
        # given name of Dong-hyun Ortega, "José María" of José María Ramírez.
        written = name.split()
        last = len(core) - len(words(written[-1])) if len(written) > 1 else len(core) - 1
        surnames = min(last, len(core) - 2) if len(core) >= 4 else last
        named = [(i, w) for i, w in enumerate(core) if w not in PARTICLES]
        forms |= {(a, b) for n, (_, a) in enumerate(named) for j, b in named[n + 1:]
                  if j >= max(surnames, 1)}
    forms |= {(compact(list(f)),) for f in list(forms) if len(f) > 1}
    # Neighbouring words run together: "Maryjane Kowalski", "Siobhan Obrien".
    forms |= set(_merged(tuple(core)))
    titled: set[tuple[str, ...]] = set()
    confirmed: tuple[Confirmed, ...] = ()
    if len(core) > 1:
        titled = {(title, *family) for title in HONORIFICS} | {(given[0], *family)}
        # A handle: the initial and the family name run together ("qzabrowski").
        handle = given[0] + compact(list(family))
        if len(handle) >= MIN_INITIAL_HANDLE:
            forms.add((handle,))
        confirmed = _confirmed(given, tuple(family))
    parts = {core[0], core[-1]} if len(core) > 1 or len(ws) > 1 else set()
    return Forms(tuple(sorted(forms)), (),
                 tuple(sorted(p for p in parts
                              if len(p) >= MIN_PART and p.isalpha() and p not in PARTICLES)),
                 tuple(sorted(titled)), confirmed)


_IN_NAME = r"""[\s."'\u201c\u201d\u2018\u2019()]+"""
"""What stands between the words of a name with a middle word: spaces, dots,
quotes and brackets ("Quentin R. Zabrowski", 'Quentin "Bob" Zabrowski'), not the
commas and list marks between two people."""


def _confirmed(given: str, family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """A middle name or initial, one or two words, between the given and family
    name; the family name with the initial after it ("Zabrowski, Q.", "ZABROWSKI
    Q"): only where those words are capitalised, which "Quentin met Zabrowski"
    and "Park a car" are not.

    Each pattern starts with its first word and checks what stands before it
    afterwards (a look-behind over that word): a pattern that starts with a
    literal lets the regular expression engine skip ahead to where it can match,
    about three times as fast over a page as one that starts with a look-behind."""
    family_re = r"[\W_]+".join(re.escape(w) for w in family)
    middle = (rf"{_word_start(given)}{_IN_NAME}"
              rf"(?P<capital>(?:[^\W\d_]+{_IN_NAME}){{1,2}}){family_re}(?![^\W_])")
    initial = (_word_start(family[0]) + family_re[len(re.escape(family[0])):]
               + rf"[\s,]+(?P<capital>{re.escape(given[0])})(?![^\W_])")
    # In the text's words, a middle word is one or two words (more where a script
    # without spaces splits into one word per letter).
    near = (f" {given} ", f"(?:[^ ]+ ){{1,6}}{re.escape(' '.join(family))} ")
    return (Confirmed(family, middle, near), Confirmed((*family, given[0]), initial))


def _word_start(word: str) -> str:
    """``word`` where no letter or digit stands just before it."""
    return rf"{re.escape(word)}(?<![^\W_][\s\S]{{{len(word)}}})"


def _merged(ws: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The name with some neighbouring words joined ("mary jane kowalski" gives
    "maryjane kowalski", "mary janekowalski"); short names only (2^(n-1) ways)."""
    if not 2 < len(ws) <= 6:
        return
    for mask in range(1, 1 << (len(ws) - 1)):
        out, cur = [], ws[0]
        for i, w in enumerate(ws[1:]):
            if mask >> i & 1:
                cur += w
            else:
                out.append(cur)
                cur = w
        out.append(cur)
        if len(out) > 1:
            yield tuple(out)




@dataclass
class Person:
    """One person and every interview note about them."""

    name: str
    notes: list[Note] = field(default_factory=list)

    @property
    def consents(self) -> bool:
        return all(meta_of(n).consent.publish_name for n in self.notes)

    @property
    def disagree(self) -> bool:
        votes = {meta_of(n).consent.publish_name for n in self.notes}
        return len(votes) > 1


def meta_of(note: Note) -> InterviewMeta:
    assert isinstance(note.meta, InterviewMeta)
    return note.meta


def people(notes: Iterable[Note]) -> list[Person]:
    """Interview notes grouped by person: same name after normalising, or same email."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    interviews = [n for n in notes if isinstance(n.meta, InterviewMeta)]
    for n in interviews:
        p = meta_of(n).person
        keys = [f"name:{k}" for k in person_keys(p.name)] or [f"note:{n.key}"]
        if p.email and p.email.strip():
            # Each address in the field ("a@x, b@y", "Jane <jane@x>", "mailto:jane@x").
            keys += [f"email:{address.strip('.').casefold()}"
                     for address in contact_pieces("email", p.email)]
        for k in keys[1:]:
            parent[find(k)] = find(keys[0])
    groups: dict[str, Person] = {}
    for n in interviews:
        name_keys = person_keys(meta_of(n).person.name)
        root = find(f"name:{name_keys[0]}" if name_keys else f"note:{n.key}")
        groups.setdefault(root, Person(meta_of(n).person.name)).notes.append(n)
    return list(groups.values())


def consented_keys(site: ValidSite) -> set[str]:
    """Names (as :func:`person_keys`) every note about whom agrees to publish."""
    return {k for p in people(site.notes) if p.consents
            for n in p.notes for k in person_keys(meta_of(n).person.name)}


def is_consented(name: str, consented: set[str]) -> bool:
    """Whether ``name`` is one person with someone who agreed (see consented_keys)."""
    return any(k in consented for k in person_keys(name))


def consented_names(site: ValidSite, sees: Collection[str] | None = None) -> list[str]:
    """The names, as written, of the people every note about whom agrees to
    publish them (``sees``: of those with a note of one of these visibilities)."""
    return [meta_of(n).person.name for p in people(site.notes) if p.consents
            and (sees is None or any(n.visibility in sees for n in p.notes))
            for n in p.notes]


CONTACT_KINDS = ("contact field", "referral contact")
"""Mentions that are contact details: looked for in a text as written, consented
names and all ("ada-okafor" in a LinkedIn address is a contact detail, whoever
Ada is); names are looked for without the names of those who agreed."""


def linked_keys(site: ValidSite, note: Note) -> set[str]:
    """Keys of the notes this note's source links to or embeds, in Markdown or in
    raw HTML (withheld text included: a link there still ties what the note says
    to the person)."""
    out: set[str] = set()
    for tok in note.tokens:
        for child in (tok, *(tok.children or ())):
            target = None
            name = str(child.meta.get("target", "")) if child.meta else ""
            if child.type == "wikilink" or (
                    child.type in ("embed", "embed_block") and not is_file(name)):
                # (A whole note embedded puts its text, and a link to it, beside the name.)
                target = resolve_wiki(site, name)
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                target = resolve_href(site, note.source, href)
                if isinstance(target, ExternalTarget):
                    out |= _interviews_at(site, href)
            elif child.type in ("html_inline", "html_block"):
                out |= linked_notes(site, note, child.content)
            if isinstance(target, NoteTarget):
                out.add(target.note.key)
    return out


def _interviews_at(site: ValidSite, href: str) -> set[str]:
    """The interview notes whose published page a full address leads to, as an
    author copies it from the browser ("https://example.org/interviews/x/"): by its
    last two path segments, whatever the host (one that is not the site's own
    only makes a given name alone refused beside it)."""
    parts = urlsplit(href)
    segments = [s for s in unquote(parts.path).removesuffix("index.html").split("/") if s]
    if not parts.netloc or len(segments) < 2:
        return set()
    page = "/".join(segments[-2:]).casefold()
    return {key for key in site.by_page.get(page, ())
            if isinstance(site.by_key[key].meta, InterviewMeta)}


def close_to(site: ValidSite) -> dict[str, set[str]]:
    """For each note, the notes whose people it may call by first or family name:
    itself and every note it links to."""
    return {n.key: {n.key} | linked_keys(site, n) for n in site.notes}


def unconsented_people(site: ValidSite) -> Iterator[tuple[str, str, Note, int]]:
    """(kind, name, note, line) of every person who did not agree to be named:
    interview people, and referrers and referrals whose names are not consented."""
    consented = consented_keys(site)
    for n in site.notes:
        meta = n.meta
        if not isinstance(meta, InterviewMeta):
            continue
        if meta.person.name.strip() and not is_consented(meta.person.name, consented):
            yield "unconsented name", meta.person.name.strip(), n, n.fm.pos("person", "name").line
        if meta.referred_by and meta.referred_by.strip() \
                and not is_consented(meta.referred_by, consented):
            yield "referred_by", meta.referred_by.strip(), n, n.fm.pos("referred_by").line
        for i, r in enumerate(meta.referrals):
            if r.name.strip() and not is_consented(r.name, consented):
                yield "referral", r.name.strip(), n, n.fm.pos("referrals", str(i)).line


REFERRED = ("referred_by", "referral")
"""Kinds of secret that are a referrer's or referral's free text (ivsite.nameparts.name_in)."""


NAME_KINDS = ("unconsented name", "referred_by", "referral", "withheld person")
"""Kinds of secret that are names of people: looked for in all their forms."""
PART_KIND = "name part"
"""A given or family name alone: looked for near the person only."""


@dataclass(frozen=True)
class Mention:
    """Something about a person that a visible text must not say."""

    kind: str
    text: str
    note: Note
    line: int


@dataclass
class Mentions:
    """What to look for everywhere, and what only near a person."""

    anywhere: list[Mention] = field(default_factory=list)
    near: dict[str, list[Mention]] = field(default_factory=dict)
    """Parts of a person's names, by the key of a note about them (for that note and
    the notes that link to it)."""
    own: dict[str, list[Mention]] = field(default_factory=dict)
    """Parts of a referrer's name, by the key of the one note that names them."""

    def close_to(self, note_key: str, links: set[str]) -> list[Mention]:
        out = list(self.own.get(note_key, ()))
        for key in {note_key} | links:
            out += self.near.get(key, ())
        return out


def mentions(site: ValidSite, sees: Collection[str]) -> Mentions:
    """Unconsented names (with their parts) and every contact detail of the site,
    for an audience that reads notes of the visibilities ``sees``."""
    out = Mentions()
    # A part of a name this audience reads as published is no secret alone in the
    # note of a referrer (Kemal Saarinen, who agreed, was introduced by Freya
    # Saarinen, who did not). Never in the notes about an unconsented person, where
    # "Alexandra" alone is Alexandra Quennell whoever else is called Alexandra; nor
    # by a name the audience cannot read (a consented name written out in full is
    # taken out of a text before the search, see names_pattern).
    published = {part for name in consented_names(site, sees) for part in name_words(name)}
    for kind, name, note, line in unconsented_people(site):
        out.anywhere.append(Mention(kind, name, note, line))
        if kind == "unconsented name":
            out.near.setdefault(note.key, []).extend(
                Mention(PART_KIND, part, note, line) for part in name_forms(name).parts)
        elif kind in REFERRED and (said := name_in(name)) is not None:
            out.own.setdefault(note.key, []).extend(
                Mention(PART_KIND, part, note, line) for part in name_forms(said).parts
                if part not in published)
    for p in people(site.notes):  # every note about a person: parts near each of them
        parts = [m for n in p.notes for m in out.near.get(n.key, ())]
        for n in p.notes:
            if parts:
                out.near[n.key] = parts
    for note in site.notes:
        info = note.meta
        if not isinstance(info, InterviewMeta):
            continue
        for key in ("email", "phone", "linkedin"):
            value = getattr(info.person, key)
            if value and str(value).strip():
                # Each number, address or URL in the field alone (ivsite.contacts).
                out.anywhere += [Mention(f"contact field {key}", piece, note,
                                         note.fm.pos("person", key).line)
                                 for piece in contact_pieces(key, str(value))]
        for i, r in enumerate(info.referrals):
            for key in ("email", "phone", "linkedin"):
                value = getattr(r, key)
                if value and value.strip():
                    out.anywhere += [Mention(f"referral contact {key}", piece, note,
                                             note.fm.pos("referrals", str(i)).line)
                                     for piece in contact_pieces(key, value)]
    return out


def needle_of(kind: str, text: str, *, in_code: bool = False) -> Needles:
    """What finds ``text`` (see textmatch.Needles); ``in_code``: for a script or
    style sheet, without the forms that need prose. A referrer's text is looked for
    whole and, when it holds a name ("Sam Lee (my old manager)"), as that name."""
    if kind.startswith(CONTACT_KINDS):
        return contact_needles(kind.rsplit(" ", 1)[-1], text)
    if kind in REFERRED:
        name = name_in(text)
        whole = tuple(words(text))
        if name is None:
            return Needles([whole], [], [], "")  # "Career centre alumni night": no parts
        found = needle_of("unconsented name", name, in_code=in_code)
        return found._replace(seqs=[*found.seqs, whole])
    if kind.startswith(REFERRED) and not looks_like_name(text):
        return Needles([tuple(words(text))], [], [], "")
    if kind.startswith(NAME_KINDS):
        forms = name_forms(text)
        if in_code:
            return Needles(list(forms.seqs), list(forms.substrings), [], "")
        return Needles([*forms.seqs, *forms.titled], list(forms.substrings), [], "",
                       list(forms.confirmed))
    if kind == PART_KIND and SPACELESS.search(text):
        return Needles([], [compact(words(text))], [], "")
    return Needles([tuple(words(text))], [], [], "")


def matcher_of(items: Iterable[tuple[str, str, T]]) -> Matcher[T]:
    """One matcher for (kind, text, payload) items, each in all its forms."""
    seqs: list[tuple[tuple[str, ...], T]] = []
    subs: list[tuple[str, T]] = []
    skels: list[tuple[str, T]] = []
    phones: list[tuple[str, T]] = []
    confirmed: list[tuple[Confirmed, T]] = []
    for kind, text, payload in items:
        found = needle_of(kind, text)
        seqs += [(x, payload) for x in found.seqs if x]
        subs += [(x, payload) for x in found.substrings if x]
        skels += [(x, payload) for x in found.skeletons]
        confirmed += [(c, payload) for c in found.confirmed]
        if found.phone:
            phones.append((found.phone, payload))
    return Matcher(seqs, substrings=subs, skeletons=skels, phones=phones, confirmed=confirmed)
