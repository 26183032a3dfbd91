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
from typing import Any, TypeVar

from pydantic import ValidationError

from ..contacts.fieldcontacts import contacts_in_fields
from ..core.diagnostics import Diagnostic, Diagnostics, did_you_mean
from ..core.keyed import Keyed, compute
from ..core.models import (
    MODELS,
    NESTED,
    VISIBILITIES,
    InterviewMeta,
    NoteMeta,
    Referral,
    ReflectionMeta,
)
from ..core.slugs import RESERVED_PAGE_SLUGS, slugify
from ..core.sourcefiles import AssetRef
from ..load.stage import LoadedSite
from ..markdown.frontmatter import Pos
from ..markdown.notelike import is_note_like
from ..markdown.notes import Note, ValidSite
from ..markup.referrers import referrer_policies
from ..markup.remoteloads import own_host, remote_resources
from ..parse.stage import ParsedNote
from ..switches.fmchecks import (
    comment_kind,
    drop_unknown,
    path_contradicts,
    privacy_below,
    privacy_shaped,
    privacy_tags,
    strings,
)
from ..switches.pathprivacy import path_privacy
from . import consent
from .bodyprivacy import base_elements, body_privacy
from .causes import attach, rejected_names
from .config import SiteConfig
from .fallback import fallbacks
from .frontmarkers import front_markers
from .publicrecorded import public_contacts
from .questionsfile import question_roles, read_questions
from .recordings import recording_files
from .references import reference_problems

REQUIRED: dict[str, tuple[str, ...]] = {
    "interviews": ("date",),
    "reflections": ("date",),
    "roles": (),
    "pages": (),
}
"""A missing title falls back to the first '# heading' or the file name (see
ivsite.validate.fallback); an interview's page is titled from its person."""
_A = {"interviews": "an interview", "reflections": "a reflection", "roles": "a role",
      "pages": "a page"}


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
                                _validate_note, p, config, loaded.folders.key(p.source.rel),
                                sheet)))
        if found:
            diags.extend(found)
        if note is not None and not any(d.severity == "error" for d in p.diagnostics):
            site.notes.append(note)
    site.notes = consent.settle(site.notes, diags, keyed)
    site.rejected = rejected_names(parsed, {n.source for n in site.notes}, loaded.folders)
    site.public_contacts = public_contacts(config, loaded.config_bytes, site.notes, diags)
    _index(site, diags)
    _withhold_recordings(site, loaded.assets)
    _withhold_note_copies(site, loaded)
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
    """Take every recording (by path or by hash) out of the files links may reach:
    a link to one is then an error, and no view can copy it."""
    site.recordings = recording_files(site.notes, assets)
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
    for rel, source in site.note_copies.items():
        h.update(f"\0note copy\0{rel}\0{source}".encode())
    for rel, says in sorted(site.note_likes.items()):
        h.update(f"\0note-like\0{rel}\0{says}".encode())
    for q in site.questions:
        h.update(repr((q.id, q.text, q.aliases, q.roles)).encode())
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


def _validate_note(p: ParsedNote, config: SiteConfig, note_key: str,
                   sheet: Mapping[str, str], diags: Diagnostics) -> Note | None:
    assert p.fm is not None
    fm, path, coll = p.fm, p.source.rel, p.source.collection
    model = MODELS[coll]
    errors_before = len(diags.errors)
    data = fallbacks(coll, note_key, fm, p.tokens, p.cut)
    # Privacy look-alikes and unknown keys.
    known = set(model.model_fields)
    for key in list(data):
        if key in known:
            continue
        pos = fm.key_pos.get(key, Pos(1, 1))
        if not privacy_shaped(path, pos, key, key, data[key], diags) \
                and not privacy_below(fm, path, (key,), data[key], diags):
            diags.warning(
                path, pos.line, pos.col, "unknown-key", f"unknown key '{key}' is ignored",
                did_you_mean(key, known),
            )
        del data[key]
    for key, sub in NESTED.items():
        if key in data and key in known and isinstance(data[key], dict):
            data[key] = drop_unknown(fm, path, (key,), data[key], set(sub.model_fields), diags)
    if "referrals" in data and isinstance(data["referrals"], list):
        data["referrals"] = [
            drop_unknown(fm, path, ("referrals", str(i)), r, set(Referral.model_fields), diags)
            if isinstance(r, dict) else r
            for i, r in enumerate(data["referrals"])
        ]
    for path_keys, value in strings(fm.data):
        # Printed as text in titles, lists, feeds, tag URLs: never hidden.
        kind = comment_kind(value)
        if kind:
            pos = fm.pos(*path_keys)
            diags.error(path, pos.line, pos.col, "comment-in-front-matter",
                        f"{kind} in the front matter would be printed as text",
                        "use a YAML comment ('# ...') or move it into the body")
    if coll == "interviews":
        contacts_in_fields(path, fm, diags)
    # Visibility is checked by hand for the hints the contract asks for.
    if "visibility" in data:
        vis = data["visibility"]
        pos = fm.pos("visibility")
        if vis not in VISIBILITIES:
            if isinstance(vis, bool):
                diags.error(
                    path, pos.line, pos.col, "visibility",
                    f"visibility reads as {str(vis).lower()}, not one of public, mentor, private",
                    "YAML reads unquoted yes/no/on/off/true/false as true or false; "
                    "write one of the three words",
                )
            elif isinstance(vis, str) and vis.strip().lower() in VISIBILITIES:
                diags.error(
                    path, pos.line, pos.col, "visibility",
                    f"'{vis}' is not one of public, mentor, private",
                    "write it in lower case" if vis.strip() == vis else "remove the spaces",
                )
            else:
                diags.error(
                    path, pos.line, pos.col, "visibility",
                    f"{vis!r} is not one of public, mentor, private",
                    did_you_mean(str(vis).lower(), VISIBILITIES),
                )
            del data["visibility"]
    for req in REQUIRED[coll]:
        if data.get(req) in (None, ""):
            if req == "date" and "date" in fm.data and fm.data["date"] is not None:
                continue  # a bad date is reported by the model below
            diags.error(
                path, 1, 1, "missing-" + req, f"{_A[coll]} needs a '{req}'",
                "for example: date: 2026-03-04, or a file name that starts with the date",
            )
    meta: NoteMeta | None = None
    try:
        meta = model.model_validate(data)
    except ValidationError as exc:
        # One value that fits none of a union's kinds (a date, or false) is one
        # mistake: one error, the date's if it is one of them.
        first: dict[tuple[str, ...], Any] = {}
        for err in exc.errors():
            loc = tuple(str(x) for x in err["loc"] if not str(x).startswith("function-"))
            loc = tuple(x for x in loc if not x.startswith(("literal[", "date", "bool")))\
                if len(loc) > 1 else loc
            if loc not in first or "date" in err["type"]:
                first[loc] = err
        for loc, err in first.items():
            pos = fm.pos(*loc)
            diags.error(path, pos.line, pos.col, "front-matter",
                        _message(loc, err, data), _hint(err))
    if meta is None or len(diags.errors) > errors_before:
        return None
    if path_contradicts(path, fm, meta.visibility, diags):
        return None
    # A path that says private makes the note private (see ivsite.switches.pathprivacy).
    visibility = "private" if path_privacy(path) else \
        meta.visibility or getattr(config.visibility, coll)
    if privacy_tags(path, fm, meta.tags, visibility, diags):
        return None
    if body_privacy(path, fm.body_line, p.tokens, p.cut, visibility, diags, sheet) \
            | front_markers(path, fm, visibility, diags) \
            | base_elements(path, fm.body_line, p.tokens, diags) \
            | referrer_policies(path, fm.body_line, p.tokens, diags) \
            | (visibility != "private" and remote_resources(
                path, fm.body_line, p.tokens, p.cut, own_host(config.base_url), diags)):
        return None
    slug = meta.slug or slugify(note_key.rsplit("/", 1)[-1]) or "note"
    if coll == "pages" and note_key.rsplit("/", 1)[-1] == "index":
        slug = "index"
    elif coll == "pages" and slug in RESERVED_PAGE_SLUGS:
        pos = fm.pos("slug") if meta.slug else Pos(1, 1)
        diags.error(path, pos.line, pos.col, "slug-reserved",
                    f"a page at '{slug}/' would take the place of ivsite's own {slug}/ section",
                    "set another 'slug:' for this page, or rename the file")
        return None
    return Note(
        source=path, collection=coll, key=note_key, meta=meta, visibility=visibility, slug=slug,
        tokens=p.tokens, env=p.env, fm=fm, body_line=fm.body_line, cut=p.cut,
    )


def _message(loc: tuple[str, ...], err: Any, data: dict[str, Any]) -> str:
    where = ".".join(loc) or "front matter"
    if err["type"] == "missing":
        return f"'{where}' is required"
    value = err.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return f"'{where}': {err['msg']} (got {shown})"


def _hint(err: Any) -> str:
    value = err.get("input")
    if isinstance(value, bool):
        return "YAML reads unquoted yes/no/on/off as true/false; put the value in quotes"
    if isinstance(value, (int, float)) and "string" in err["msg"]:
        return "put the value in quotes"
    if "date" in err["type"]:
        return "dates are written YYYY-MM-DD"
    if err["type"] == "literal_error":
        return ""
    return ""


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


