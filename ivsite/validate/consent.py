"""Consent across notes, settled before anything is published.

Validation checks each note on its own; this looks at the interview notes
together (see :mod:`ivsite.names.people`), so it runs once the notes are known:

* notes about one person (a short form of the given name too: "Alex Quennell"
  and "Alexandra Quennell", ivsite.names.shortnames) that disagree on
  ``consent.publish_name`` are settled
  the safe way — every note that says ``true`` is handed on saying ``false``, so
  the alias is used everywhere — with a warning that names the notes;
* a note about someone who did not agree to be named must not name them in its
  address (file name or ``slug:``): the URL, sitemap, feed and search index all
  carry it. That is an error; the note is also handed on at a neutral address,
  so that a preview shows nothing either.
"""

from __future__ import annotations

import dataclasses
import functools

from ..core.diagnostics import Diagnostics
from ..core.keyed import Keyed, compute
from ..core.models import InterviewMeta
from ..core.slugs import slugify
from ..markdown.notes import Note
from ..names.identity import person_keys
from ..names.nameforms import name_forms
from ..names.people import PART_KIND
from ..names.people import matcher_of as _matcher_of
from ..names.persons import consented_places, grouping, identity, meta_of, people
from ..names.severalnames import persons_in
from ..text.normalise import compact, words

CODES = ("consent-conflict", "slug-names-person")


def settle(notes: list[Note], diags: Diagnostics, keyed: Keyed = compute) -> list[Note]:
    """``notes`` with disagreeing consent withheld and named addresses replaced
    (whether a slug names its person is handed out through ``keyed``)."""
    replace: dict[int, Note] = {}
    for person in people(notes, keyed):
        if not person.consents and person.disagree:
            _conflict(person.notes, diags, replace)
    interviews = [n for n in notes if isinstance(n.meta, InterviewMeta)]
    ids = tuple(identity(n) for n in interviews)
    groups = keyed(("people", ids), functools.partial(grouping, ids))  # as people() asks
    consented = keyed(("consented places", ids),
                      functools.partial(consented_places, ids, groups))
    for i, note in enumerate(interviews):
        meta = meta_of(note)
        # A private note's address is in no output (only the private preview's).
        if i not in consented and note.visibility != "private" \
                and keyed(("slug-names", note.slug, meta.person.name),
                          functools.partial(slug_names, note.slug, meta.person.name)):
            pos = note.fm.pos("slug") if meta.slug else None
            fallback = slugify(f"{meta.date or ''} {meta.alias or meta.person.role or 'chat'}")
            where = "its 'slug:'" if pos else "its file name"
            diags.error(note.source, pos.line if pos else 1, pos.col if pos else 1,
                        "slug-names-person",
                        f"{where} puts the name of someone who did not agree to be named in "
                        "the URL, the sitemap, the feed and the search index",
                        f"set a 'slug:' that does not name them, for example 'slug: {fallback}'")
            base = replace.get(id(note), note)
            replace[id(note)] = dataclasses.replace(base, slug=fallback or "conversation")
    return [replace.get(id(n), n) for n in notes]


def _conflict(notes: list[Note], diags: Diagnostics, replace: dict[int, Note]) -> None:
    def where(n: Note) -> str:
        return f"{n.source}:{_consent_line(n)}"

    def named(n: Note, o: Note) -> str:
        """``o``'s place, with its name where it is written otherwise than ``n``'s
        ("Alexandra Quennell" for "Alex Quennell": ivsite.names.shortnames)."""
        name = meta_of(o).person.name.strip()
        same = person_keys(name) == person_keys(meta_of(n).person.name)
        return where(o) if same else f"{where(o)} ('{name}', perhaps the same person)"

    yes = [n for n in notes if meta_of(n).consent.publish_name]
    no = [n for n in notes if not meta_of(n).consent.publish_name]
    for n in yes:
        meta = meta_of(n)
        line = _consent_line(n)
        others = ", ".join(named(n, o) for o in no)
        diags.warning(n.source, line, 1, "consent-conflict",
                      f"this note says publish_name: true, but {others} says false about "
                      "this person; the name is withheld everywhere",
                      "make consent.publish_name the same in every note about this person "
                      "(when in doubt, ivsite takes two spellings of a name for one person)")
        consent = meta.consent.model_copy(update={"publish_name": False})
        replace[id(n)] = dataclasses.replace(
            n, meta=meta.model_copy(update={"consent": consent}))


def _consent_line(note: Note) -> int:
    return note.fm.pos("consent", "publish_name").line


def slug_names(slug: str, name: str) -> bool:
    """Whether a URL slug says the name, a part of it, or its words run together,
    as written or romanised ("ivan-petrov" for Иван Петров, see name_forms); for
    a field of several people, any of them (ivsite.names.severalnames)."""
    return any(_slug_names(slug, each) for each in persons_in(name))


def _slug_names(slug: str, name: str) -> bool:
    forms = name_forms(name)
    found = _matcher_of([("unconsented name", name, 1),
                         *((PART_KIND, p, 1) for p in forms.parts)]).find(slug)
    run = compact(slug.split("-"))
    # An address has no capitals: a part that is an everyday word ("Robin", which
    # the text matchers take only capitalised, red team 11 R11-17) counts here too,
    # and so does a whole name of one such word ("coffee-with-mark" for Mark, R13-08).
    said = words(slug)
    return bool(found) or any(_within(words(p), said) for p in forms.parts) \
        or any(len(f) == 1 and f[0] in said for f in forms.seqs) \
        or any(len(f) == 1 and len(f[0]) >= 5 and f[0] in run for f in forms.seqs) \
        or any(s in run for s in forms.substrings)


def _within(part: list[str], said: list[str]) -> bool:
    """Whether the words ``part`` stand together among ``said``."""
    n = len(part)
    return n > 0 and any(said[i:i + n] == part for i in range(len(said) - n + 1))
