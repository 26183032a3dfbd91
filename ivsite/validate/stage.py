"""Stage 3 — validate: every rule of the contract, all problems at once.

Front-matter keys and types, privacy switches that are not ``visibility`` (errors:
a misspelt switch must never publish), required fields, slugs and their clashes,
links and roles (ivsite.validate.references) and the question bank. What
passes becomes a :class:`~ivsite.markdown.notes.ValidSite`; a note with errors is left
out of it, so an error can only ever withhold, never publish.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping
from typing import TypeVar

from ..core.diagnostics import Diagnostic, Diagnostics
from ..core.keyed import Keyed, compute
from ..core.models import (
    InterviewMeta,
    ReflectionMeta,
)
from ..core.sourcefiles import AssetRef
from ..load.stage import LoadedSite
from ..markdown.notelike import is_note_like
from ..markdown.notes import Note, ValidSite
from ..parse.stage import ParsedNote
from . import consent
from .causes import attach, rejected_names
from .config import SiteConfig
from .encodedcopies import withhold_encoded
from .namesakes import recording_namesakes
from .namingfiles import naming_files
from .note import validate_note
from .publicrecorded import public_contacts
from .questionsfile import question_roles, read_questions
from .recordings import recording_files, report_missing
from .references import reference_problems
from .twinnotes import refuse_copies


def validate(
    loaded: LoadedSite, parsed: list[ParsedNote], config: SiteConfig, diags: Diagnostics,
    keyed: Keyed = compute, *, sheet: Mapping[str, str],
) -> ValidSite:
    """All notes checked. Each note's own checks are handed out through ``keyed``
    under its path, bytes, site.toml and the classes the theme hides (``sheet``,
    see ivsite.audit.sheethiding), and its links and roles under its text and the
    site's shape (all that each reads), so a build engine can keep them."""
    config_key = hashlib.sha256(loaded.config_bytes or b"").hexdigest()
    sheet_key = hashlib.sha256(repr(sorted(sheet.items())).encode()).hexdigest()
    site = ValidSite(assets=dict(loaded.assets), base=loaded.folders.base)
    for p in parsed:
        if p.diagnostics:
            diags.extend(p.diagnostics)
        if p.fm is None:
            continue
        note, found = keyed(("note", p.source.rel, p.source.digest, config_key, sheet_key),
                            functools.partial(_checked, functools.partial(
                                validate_note, p, config, loaded.folders.key(p.source.rel),
                                sheet, body_checks=keyed, sheet_key=sheet_key)))
        if found:
            diags.extend(found)
        if note is not None and not any(d.severity == "error" for d in p.diagnostics):
            site.notes.append(note)
    site.notes = consent.settle(site.notes, diags, keyed)
    site.notes = refuse_copies(site.notes, loaded.notes, diags)  # R16-09
    site.rejected = rejected_names(parsed, {n.source for n in site.notes}, loaded.folders)
    site.public_contacts = public_contacts(config, loaded.config_bytes, site.notes, diags)
    _index(site, diags)
    _withhold_recordings(site, loaded.assets)
    report_missing(site.notes, loaded.assets, site.base, diags)  # R16-02
    _withhold_note_copies(site, loaded)
    withhold_encoded(site, loaded, diags, keyed)  # R15-02
    site.naming_files = naming_files(site, loaded, keyed)  # R16-12
    if loaded.questions is not None:
        q = loaded.questions
        site.questions, found = keyed(
            ("questions", q.rel, q.digest),
            functools.partial(_checked, functools.partial(read_questions, q.rel, q.data)))
        diags.extend(found)
    site.shape = site_shape(site, config_key)
    roles = {n.slug for n in site.notes if n.collection == "roles"}
    if loaded.questions is not None:
        question_roles(site, roles, loaded.questions.rel, diags)
    for note in site.notes:
        found = keyed(("refs", site.shape, note.source, note.fm.text),
                      functools.partial(reference_problems, site, note, roles))
        if found:
            diags.extend(found)
    attach(diags)
    return site


def _withhold_recordings(site: ValidSite, assets: dict[str, AssetRef]) -> None:
    """Take every recording (by path or by hash, and each file that shares its
    name: ivsite.validate.namesakes) out of the files links may reach: a link to
    one is then an error, and no view can copy it."""
    site.recordings = recording_files(site.notes, assets)
    namesakes = recording_namesakes(site.notes, assets, site.recordings)  # R17-01
    site.recording_namesakes = {rel: recording for rel, (recording, _) in namesakes.items()}
    site.recordings.update({rel: source for rel, (_, source) in namesakes.items()})
    site.assets = {rel: ref for rel, ref in assets.items() if rel not in site.recordings}


def _withhold_note_copies(site: ValidSite, loaded: LoadedSite) -> None:
    """Take every file with the bytes of a note's source (a copy or a hard link of
    it) out of the files links may reach: linked, it would publish the note as it
    is written, front matter and withheld passages and all."""
    sources = {src.digest: src.rel for src in loaded.notes if src.data}
    site.note_copies = {rel: sources[ref.digest] for rel, ref in site.assets.items()
                        if ref.digest in sources}
    site.assets = {rel: ref for rel, ref in site.assets.items() if rel not in site.note_copies}
    site.note_likes = {rel: ref.says_private for rel, ref in site.assets.items()
                       if is_note_like(rel) or ref.says_private}
    site.assets = {rel: ref for rel, ref in site.assets.items() if rel not in site.note_likes}
    site.active_files = {rel: ref.active for rel, ref in site.assets.items() if ref.active}
    site.assets = {rel: ref for rel, ref in site.assets.items() if not ref.active}


T = TypeVar("T")


def _checked(work: Callable[[Diagnostics], T]) -> tuple[T, list[Diagnostic]]:
    """Run one note's checks into a list of their own, so they can be kept."""
    scratch = Diagnostics()
    value = work(scratch)
    return value, list(scratch)


def site_shape(site: ValidSite, config_key: str) -> str:
    """A digest of everything one note's links, roles, title and names can depend on
    in other notes: paths, slugs, titles, visibility, people and their consent,
    roles, files, questions and site.toml. Not: other notes' bodies, dates, tags or
    summaries, so editing those leaves every other note's checked work valid."""
    h = hashlib.sha256(config_key.encode())
    for note in site.notes:
        h.update(shape_part(note))
    for ref in site.assets.values():
        h.update(f"\0{ref.rel}\0{ref.digest}".encode())
    for rel, source in site.recordings.items():
        h.update(f"\0recording\0{rel}\0{source}".encode())
    for rel, recording in site.recording_namesakes.items():
        h.update(f"\0namesake\0{rel}\0{recording}".encode())
    for rel, source in site.note_copies.items():
        h.update(f"\0note copy\0{rel}\0{source}".encode())
    for rel, named in sorted(site.naming_files.items()):
        h.update(f"\0naming\0{rel}\0{named}".encode())
    for rel, says in sorted(site.note_likes.items()):
        h.update(f"\0note-like\0{rel}\0{says}".encode())
    for q in site.questions:
        h.update(repr((q.id, q.text, q.aliases, q.roles, q.withheld)).encode())
    h.update(repr(sorted(site.rejected.items())).encode())
    return h.hexdigest()


def shape_part(note: Note) -> bytes:
    """One note's part of the site shape (made once per Note object)."""
    if not note.shape_part:  # a kept note keeps its part
        meta = note.meta
        parts: list[object] = [note.source, note.key, note.collection, note.slug,
                               note.visibility, meta.title, meta.slug, meta.aliases]
        if isinstance(meta, InterviewMeta):
            p = meta.person  # what other notes' name and contact checks look for
            parts += [p.name, p.email, p.phone, p.linkedin, p.role, p.company,
                      meta.consent.publish_name, meta.alias, meta.role, meta.referred_by,
                      [(r.name, r.email) for r in meta.referrals]]
        elif isinstance(meta, ReflectionMeta):
            parts += list(meta.roles)
        note.shape_part = repr(parts).encode()
    return note.shape_part


def _index(site: ValidSite, diags: Diagnostics) -> None:
    urls: dict[tuple[str, str], Note] = {}
    titles: dict[str, list[Note]] = {}
    for note in site.notes:
        site.by_key[note.key] = note
        other = urls.get((note.collection, note.slug))
        if other is not None:
            diags.error(
                note.source, note.fm.pos("slug").line if note.meta.slug else 1, 1,
                "slug-clash",
                f"this note and {other.source} would both be published at "
                f"{note.collection}/{note.slug}/",
                "give one of them a different 'slug:'",
            )
        urls[(note.collection, note.slug)] = note
        if note.meta.title:
            titles.setdefault(note.meta.title.casefold(), []).append(note)
        site.by_name.setdefault(note.key.rsplit("/", 1)[-1].casefold(), []).append(note)
        for alias in {a.strip().casefold() for a in note.meta.aliases if a.strip()}:
            site.by_alias.setdefault(alias, []).append(note)
    for title, notes in titles.items():
        if len(notes) == 1:
            site.by_title[title] = notes[0]
