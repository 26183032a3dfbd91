"""People's names and contact details as the filter and the audit look for them.

Who a note is about, and whether they agreed, is :mod:`ivsite.names.persons`
(consent belongs to a person: one note that says no is enough). Here: the
mentions of those who did not agree, each in every spelling worth looking for
(the forms of a name: :mod:`ivsite.names.nameforms`); the given or family name
alone counts only in the person's own notes and the notes beside them (which
those are: ivsite.audience.notelinks).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from ..contacts.bodycontacts import body_contacts, front_contacts
from ..contacts.fields import (
    RECORDING,
    contact_details,
    contact_needles,
    contact_pieces,
    recording_pieces,
)
from ..contacts.keyedcontacts import KINDS as KEYED_KINDS
from ..contacts.personrecords import in_record
from ..contacts.publiccontacts import is_public
from ..core.models import InterviewMeta
from ..markdown.notes import Note, ValidSite
from ..text.normalise import SPACELESS, compact, fold, words
from ..text.textmatch import Confirmed, Matcher, Needles
from ..text.wordpairs import WordPair
from .channels import names_no_one
from .everydaywords import WORD_NAMES
from .identity import name_words, person_keys
from .inflections import part_forms
from .nameforms import name_forms
from .nameparts import looks_like_name, name_in, plain_name
from .partsounds import part_sounds
from .persons import meta_of, people
from .severalnames import persons_in, place_of
from .wordnames import everyday_alone

T = TypeVar("T")

def consented_keys(site: ValidSite) -> set[str]:
    """Names (as :func:`person_keys`) every note about whom agrees to publish: each
    person of a field that holds several (ivsite.names.severalnames), whom
    ivsite.names.persons takes for one person with the others there."""
    return {k for p in people(site.notes) if p.consents
            for n in p.notes for name in person_names(n) for k in person_keys(name)}


def person_names(note: Note) -> tuple[str, ...]:
    """The names of the people an interview's ``person.name`` holds, each as
    written (one, mostly: ivsite.names.severalnames, red team 13 R13-04)."""
    p = meta_of(note).person
    return persons_in(p.name, place_of(p.company, p.role, p.industry, p.location))


def is_consented(name: str, consented: set[str]) -> bool:
    """Whether ``name`` is one person with someone who agreed (see consented_keys)."""
    return any(k in consented for k in person_keys(name))


def consented_names(site: ValidSite, sees: Collection[str] | None = None) -> list[str]:
    """The names, as written, of the people every note about whom agrees to
    publish them (``sees``: of those with a note of one of these visibilities)."""
    return [name for p in people(site.notes) if p.consents
            and (sees is None or any(n.visibility in sees for n in p.notes))
            for n in p.notes for name in person_names(n)]


CONTACT_KINDS = ("contact field", "referral contact")
"""Mentions that are contact details: looked for in a text as written, consented
names and all ("ada-okafor" in a LinkedIn address is a contact detail, whoever
Ada is); names are looked for without the names of those who agreed."""


def unconsented_people(site: ValidSite) -> Iterator[tuple[str, str, Note, int]]:
    """(kind, name, note, line) of every person who did not agree to be named:
    interview people, and referrers and referrals whose names are not consented
    (a referrer that names no one, "LinkedIn", "the hiring manager", is no one)."""
    consented = consented_keys(site)
    for n in site.notes:
        meta = n.meta
        if not isinstance(meta, InterviewMeta):
            continue
        # Each person a field holds: "A / B", "A, B", "A (with B)" (R13-04).
        for name in person_names(n):
            if name.strip() and not is_consented(name, consented):
                yield "unconsented name", name.strip(), n, n.fm.pos("person", "name").line
        # A channel, an office or a role names no one (ivsite.names.channels).
        for name in persons_in(meta.referred_by or ""):
            if name.strip() and not names_no_one(name) and not is_consented(name, consented):
                yield "referred_by", name.strip(), n, n.fm.pos("referred_by").line
        for i, r in enumerate(meta.referrals):
            for name in persons_in(r.name, place_of(r.company, r.role)):
                if name.strip() and not names_no_one(name) \
                        and not is_consented(name, consented):
                    yield "referral", name.strip(), n, n.fm.pos("referrals", str(i)).line


REFERRED = ("referred_by", "referral")
"""Kinds of secret that are a referrer's or referral's free text (ivsite.nameparts.name_in)."""


NAME_KINDS = ("unconsented name", "referred_by", "referral", "withheld person")
"""Kinds of secret that are names of people: looked for in all their forms."""
PART_KIND = "name part"
"""A given or family name alone: looked for near the person only."""
LINK_SECRET_KIND = "mentor link"
"""What the mentor link's token or passphrase is (red team 12, R12-01), as the
kinds :data:`LINK_TOKEN_KIND` and :data:`LINK_PASSPHRASE_KIND` begin: looked for as
written, its letters and digits run together whatever stands between them
("Rt12-Token_…", "%52t12…", "violet harbour lantern 97"); one shorter than
:data:`LINK_RUN` letters and digits, as its words (a short run would be found
inside ordinary words), and one shorter than :data:`LINK_WORDS` (a weak
passphrase, "x") only as a link gives it, after "pass" (``#pass=x``): alone it
is in every page."""
LINK_TOKEN_KIND = f"{LINK_SECRET_KIND} token"
LINK_PASSPHRASE_KIND = f"{LINK_SECRET_KIND} passphrase"
LINK_RUN, LINK_WORDS = 12, 6


@dataclass(frozen=True)
class Mention:
    """Something about a person that a visible text must not say."""

    kind: str
    text: str
    note: Note
    line: int
    written: bool = False
    """A detail written in a withheld text, not a field (ivsite.bodycontacts)."""


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

    def carded(self, site: ValidSite, seen: Callable[[Note], bool]) -> list[Mention]:
        """The parts of the names of the people whose notes the audience sees
        (``seen``), each once, that count on every list of notes, where their cards
        stand beside every other (red team 12, R12-12): not one that is a word of a
        field the lists show of a note (``Morgan`` of Alex Morgan, when another
        interview's company is Morgan Stanley): that names the field there."""
        shown = card_words(site, seen)
        out: dict[str, Mention] = {}
        for key, found in self.near.items():
            if seen(site.by_key[key]):
                for m in found:
                    if not set(words(m.text)) <= shown:
                        out.setdefault(m.note.key + "\0" + m.text, m)
        return list(out.values())


def card_words(site: ValidSite, seen: Callable[[Note], bool]) -> set[str]:
    """The words of what a list shows of the notes an audience sees besides their
    titles and summaries: tags, and an interview's person's role, company,
    industry and location."""
    out: set[str] = set()
    for note in site.notes:
        if seen(note):
            fields = list(note.meta.tags)
            if isinstance(note.meta, InterviewMeta):
                p = note.meta.person
                fields += [p.role or "", p.company or "", p.industry or "", p.location or ""]
            for text in fields:
                out.update(words(text))
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
            place = place_words(note)
            out.near.setdefault(note.key, []).extend(
                Mention(PART_KIND, part, note, line) for part in name_forms(name).parts
                if part not in place)
        elif kind in REFERRED and (said := name_in(name)) is not None:
            written = name if plain_name(name) == said else said  # its asides too
            out.own.setdefault(note.key, []).extend(
                Mention(PART_KIND, part, note, line) for part in name_forms(written).parts
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
                # Each number, address or URL in the field alone, as what it is
                # whichever field holds it (ivsite.contacts.fields, R13-05).
                out.anywhere += [Mention(f"contact field {kind}", piece, note,
                                         note.fm.pos("person", key).line)
                                 for kind, piece in contact_details(key, str(value))]
        if info.recording_file and info.recording_file.strip():
            # Shown in the private view alone, as a contact field is (R15-04).
            out.anywhere += [Mention(f"contact field {RECORDING}", piece, note,
                                     note.fm.pos("recording_file").line)
                             for piece in recording_pieces(info.recording_file)]
        for i, r in enumerate(info.referrals):
            for key in ("email", "phone", "linkedin"):
                value = getattr(r, key)
                if value and value.strip():
                    out.anywhere += [Mention(f"referral contact {kind}", piece, note,
                                             note.fm.pos("referrals", str(i)).line)
                                     for kind, piece in contact_details(key, value)]
    public = site.public_contacts  # but those site.toml lists as public (R10-40)
    for note in site.notes:  # a detail written in a withheld body or passage (R9-22)
        texts = [(0, note.fm.body)] if note.visibility not in sees else [
            (w.line, w.text) for w in note.cut.withheld if not set(w.kinds).issubset(sees)]
        out.anywhere += [Mention(f"contact field {key}", piece, note, note.body_line + at + n,
                                 written=True)
                         for at, text in texts for key, value, n in body_contacts(text)
                         if not is_public(key, value, public)
                         for piece in contact_pieces(key, value)]
        # ... and in its front matter's text, or a private field's (R10-28)
        # ``written``: the hint may offer the list; never for a person's record (R18-B04)
        out.anywhere += [Mention(f"contact field {key}", piece, note, note.fm.pos(*at).line,
                                 written=not key.startswith(KEYED_KINDS)
                                 and not in_record(at, isinstance(note.meta, InterviewMeta)))
                         for at, key, value in front_contacts(
                             note.fm.data, withheld=note.visibility not in sees,
                             interview=isinstance(note.meta, InterviewMeta))
                         # a person's record is never excused by the list (R18-B04)
                         if in_record(at, isinstance(note.meta, InterviewMeta))
                         or not is_public(key, value, public)
                         for piece in contact_pieces(key, value)]
    return out


def place_words(note: Note) -> set[str]:
    """The words of an interview's ``person.location``: a part of the person's name
    that is one of them ("Victoria" of Victoria Chen, in Victoria) names the place
    in their notes, not them, and is not looked for alone (red team 11, R11-17)."""
    return set(words(meta_of(note).person.location or ""))


def needle_of(kind: str, text: str, *, in_code: bool = False) -> Needles:
    """What finds ``text`` (see textmatch.Needles); ``in_code``: for a script or
    style sheet, without the forms that need prose. A referrer's text is looked for
    whole and, when it holds a name ("Sam Lee (my old manager)"), as that name."""
    if kind.startswith(CONTACT_KINDS):
        return contact_needles(kind.rsplit(" ", 1)[-1], text)
    if kind.startswith(LINK_SECRET_KIND):
        ws = words(text)
        run = compact(ws)
        if len(run) >= LINK_RUN:
            return Needles([], [run], [], "")
        return Needles([tuple(ws) if len(run) >= LINK_WORDS else ("pass", *ws)], [], [], "")
    if kind in REFERRED:
        name = name_in(text)
        whole = tuple(words(text))
        if name is None:
            return Needles([whole], [], [], "")  # "Career centre alumni night": no parts
        # As written where it reads as a name, so that its asides are names too
        # ("Kevin Wang" for "Xiaoming (Kevin) Wang": ivsite.asidenames).
        written = text if plain_name(text) == name else name
        found = needle_of("unconsented name", written, in_code=in_code)
        return found._replace(seqs=[*found.seqs, whole])
    if kind.startswith(REFERRED) and not looks_like_name(text):
        return Needles([tuple(words(text))], [], [], "")
    if kind.startswith(NAME_KINDS):
        forms = name_forms(text)
        if in_code:  # an everyday word too: not in ivsite's own files (ivsite.audit.search)
            return Needles(list(forms.seqs), list(forms.substrings), [], "",
                           [*forms.handles, *forms.labelled], list(forms.sounds))
        seqs, alone = everyday_alone(forms.seqs)  # "Will": "I met Will", not "I will" (R13-08)
        return Needles([*seqs, *forms.titled], list(forms.substrings), [], "",
                       [*forms.confirmed, *forms.handles, *forms.labelled],
                       list(forms.sounds), [*forms.pairs, *alone])
    if kind == PART_KIND and SPACELESS.search(text):
        return Needles([], [compact(words(text))], [], "")
    if kind == PART_KIND:
        declined = part_forms(text)  # "the Zabrowskis", capitalised (R11-01)
        if fold(text) in WORD_NAMES:  # "hope", "will": capitalised only (R11-17)
            return Needles([], [], [], "", pairs=[WordPair(declined | {fold(text)}, amid=True)])
        return Needles([tuple(words(text))], [], [], "", sounds=part_sounds(text),
                       pairs=[WordPair(declined)] if declined else [])
    return Needles([tuple(words(text))], [], [], "")


def matcher_of(items: Iterable[tuple[str, str, T]]) -> Matcher[T]:
    """One matcher for (kind, text, payload) items, each in all its forms."""
    seqs: list[tuple[tuple[str, ...], T]] = []
    subs: list[tuple[str, T]] = []
    skels: list[tuple[str, T]] = []
    phones: list[tuple[str, T]] = []
    confirmed: list[tuple[Confirmed, T]] = []
    sounds: list[tuple[tuple[str, ...], T]] = []
    named: list[tuple[tuple[str, ...], T]] = []
    pairs: list[tuple[WordPair, T]] = []
    persons: list[tuple[tuple[str, ...], T]] = []
    for kind, text, payload in items:
        found = needle_of(kind, text)
        sounds += [(x, payload) for x in found.sounds]
        pairs += [(x, payload) for x in found.pairs]
        seqs += [(x, payload) for x in found.seqs if x]
        if not kind.startswith(CONTACT_KINDS):
            named += [(x, payload) for x in found.seqs if x]
        if kind.startswith(NAME_KINDS):  # not across a sentence's end (R14-01)
            persons += [(x, payload) for x in found.seqs if x]
        subs += [(x, payload) for x in found.substrings if x]
        skels += [(x, payload) for x in found.skeletons]
        confirmed += [(c, payload) for c in found.confirmed]
        if found.phone:
            phones.append((found.phone, payload))
    return Matcher(seqs, substrings=subs, skeletons=skels, phones=phones, confirmed=confirmed,
                   sounds=sounds, in_pieces=named, pairs=pairs, names=persons)
