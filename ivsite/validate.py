"""Stage 3 — validate: every rule of the contract, all problems at once.

Front-matter keys and types, privacy switches that are not ``visibility`` (errors:
a misspelt switch must never publish), required fields, slugs and their clashes,
links and roles (ivsite.references) and the question bank. What
passes becomes a :class:`~ivsite.notes.ValidSite`; a note with errors is left
out of it, so an error can only ever withhold, never publish.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from . import consent
from .bodyprivacy import body_privacy
from .causes import attach, rejected_names
from .config import SiteConfig
from .diagnostics import Diagnostic, Diagnostics, did_you_mean
from .fallback import fallbacks
from .frontmatter import FrontMatter, Pos
from .keyed import Keyed, compute
from .load import AssetRef, LoadedSite
from .lookalike import privacy_tag, privacy_value, privacy_word
from .models import (
    MODELS,
    NESTED,
    VISIBILITIES,
    InterviewMeta,
    NoteMeta,
    Referral,
    ReflectionMeta,
)
from .notelike import is_note_like
from .notes import Note, Question, ValidSite
from .parse import ParsedNote
from .pathprivacy import described, path_privacy
from .recordings import recording_files
from .references import reference_problems
from .slugs import RESERVED_PAGE_SLUGS, slugify

REQUIRED: dict[str, tuple[str, ...]] = {
    "interviews": ("date",),
    "reflections": ("date",),
    "roles": (),
    "pages": (),
}
"""A missing title falls back to the first '# heading' or the file name (see
ivsite.fallback); an interview's page is titled from its person."""
_A = {"interviews": "an interview", "reflections": "a reflection", "roles": "a role",
      "pages": "a page"}


def validate(
    loaded: LoadedSite, parsed: list[ParsedNote], config: SiteConfig, diags: Diagnostics,
    keyed: Keyed = compute,
) -> ValidSite:
    """All notes checked. Each note's own checks are handed out through ``keyed``
    under its path, bytes and site.toml, and its links and roles under its text
    and the site's shape (all that each reads), so a build engine can keep them."""
    config_key = hashlib.sha256(loaded.config_bytes or b"").hexdigest()
    site = ValidSite(assets=dict(loaded.assets), base=loaded.folders.base)
    for p in parsed:
        if p.diagnostics:
            diags.extend(p.diagnostics)
        if p.fm is None:
            continue
        note, found = keyed(("note", p.source.rel, p.source.digest, config_key),
                            functools.partial(_checked, functools.partial(
                                _validate_note, p, config, loaded.folders.key(p.source.rel))))
        if found:
            diags.extend(found)
        if note is not None and not any(d.severity == "error" for d in p.diagnostics):
            site.notes.append(note)
    site.notes = consent.settle(site.notes, diags, keyed)
    site.rejected = rejected_names(parsed, {n.source for n in site.notes}, loaded.folders)
    _index(site, diags)
    _withhold_recordings(site, loaded.assets)
    _withhold_note_copies(site, loaded)
    if loaded.questions is not None:
        q = loaded.questions
        site.questions, found = keyed(
            ("questions", q.rel, q.digest),
            functools.partial(_checked, functools.partial(_questions, q.rel, q.data)))
        diags.extend(found)
    site.shape = site_shape(site, config_key)
    roles = {n.slug for n in site.notes if n.collection == "roles"}
    if loaded.questions is not None:
        _question_roles(site, roles, loaded.questions.rel, diags)
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
    site.note_likes = frozenset(rel for rel in site.assets if is_note_like(rel))
    site.assets = {rel: ref for rel, ref in site.assets.items() if rel not in site.note_likes}


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
    for rel in sorted(site.note_likes):
        h.update(f"\0note-like\0{rel}".encode())
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
                   diags: Diagnostics) -> Note | None:
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
        if not _privacy_shaped(path, pos, key, key, data[key], diags) \
                and not _privacy_below(fm, path, (key,), data[key], diags):
            diags.warning(
                path, pos.line, pos.col, "unknown-key", f"unknown key '{key}' is ignored",
                did_you_mean(key, known),
            )
        del data[key]
    for key, sub in NESTED.items():
        if key in data and key in known and isinstance(data[key], dict):
            data[key] = _drop_unknown(fm, path, (key,), data[key], set(sub.model_fields), diags)
    if "referrals" in data and isinstance(data["referrals"], list):
        data["referrals"] = [
            _drop_unknown(fm, path, ("referrals", str(i)), r, set(Referral.model_fields), diags)
            if isinstance(r, dict) else r
            for i, r in enumerate(data["referrals"])
        ]
    for path_keys, value in _strings(fm.data):
        # Printed as text in titles, lists, feeds, tag URLs: never hidden.
        kind = _comment_kind(value)
        if kind:
            pos = fm.pos(*path_keys)
            diags.error(path, pos.line, pos.col, "comment-in-front-matter",
                        f"{kind} in the front matter would be printed as text",
                        "use a YAML comment ('# ...') or move it into the body")
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
    if _path_contradicts(path, fm, meta.visibility, diags):
        return None
    # A path that says private makes the note private (see ivsite.pathprivacy).
    visibility = "private" if path_privacy(path) else \
        meta.visibility or getattr(config.visibility, coll)
    if visibility == "public" and _privacy_tags(path, fm, meta.tags, diags):
        return None
    if body_privacy(path, fm.body_line, p.tokens, p.cut, visibility, diags):
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


def _strings(value: object) -> Iterator[tuple[tuple[str, ...], str]]:
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


def _drop_unknown(
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
        if not _privacy_shaped(path, pos, str(k), dotted, v, diags) \
                and not _privacy_below(fm, path, (*where, str(k)), v, diags):
            diags.warning(path, pos.line, pos.col, "unknown-key",
                          f"unknown key '{dotted}' is ignored", did_you_mean(str(k), known))
    return out


def _comment_kind(value: str) -> str | None:
    """Which comment a front-matter string holds: none is hidden there."""
    return ("an HTML comment" if "<!--" in value
            else "an Obsidian comment ('%%')" if "%%" in value else None)


def _privacy_below(fm: FrontMatter, path: str, where: tuple[str, ...], value: object,
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
            word = privacy_word(str(k)) if isinstance(item, dict) else None
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


def _privacy_shaped(path: str, pos: Pos, key: str, shown: str, value: object,
                    diags: Diagnostics) -> bool:
    """An unknown key that looks like a privacy switch, or says who may see the note,
    is an error: ignoring it, as other unknown keys are, would publish the note."""
    word = privacy_word(key)
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


def _path_contradicts(path: str, fm: FrontMatter, written: str | None,
                      diags: Diagnostics) -> bool:
    """Whether the path says private (see ivsite.pathprivacy) and the front matter
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


def _privacy_tags(path: str, fm: FrontMatter, tags: list[str], diags: Diagnostics) -> bool:
    """A public note tagged ``private``, ``draft``, ``do-not-publish`` … is an error:
    the tag says its author meant it for no one, and ivsite would publish it (and
    list it under tags/private/). Fail closed, as for a look-alike privacy key."""
    found = False
    for i, tag in enumerate(tags):
        if privacy_tag(tag):
            pos = fm.pos("tags", str(i))
            diags.error(path, pos.line, pos.col, "privacy-tag",
                        f"the tag '{tag}' says this note is not for the public, but it is "
                        "public; ivsite will not guess",
                        "set 'visibility: private' (or 'visibility: mentor' for your mentor "
                        "only) to keep it out, or rename the tag if the note may be published")
            found = True
    return found


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


QUESTION_KEYS = ("id", "text", "aliases", "roles")


def _question_roles(site: ValidSite, roles: set[str], path: str, diags: Diagnostics) -> None:
    """A bank question's ``roles`` name role notes (``ivsite new interview`` seeds
    a note with the questions of its role first)."""
    for q in site.questions:
        for slug in q.roles:
            if slug not in roles:
                diags.warning(path, 1, 1, "unknown-role",
                              f"question '{q.id}': role '{slug}' is not the slug of a note "
                              "in content/roles/", did_you_mean(slug, roles))


def _questions(path: str, data: bytes, diags: Diagnostics) -> list[Question]:
    try:
        raw = yaml.safe_load(data.decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        diags.error(path, (mark.line + 1) if mark else 1, (mark.column + 1) if mark else 1,
                    "questions", f"questions.yaml is not valid YAML: {exc}")
        return []
    if raw is None:
        return []
    if not isinstance(raw, list):
        diags.error(path, 1, 1, "questions", "questions.yaml must be a list of questions",
                    "- id: typical-day\n    text: What does a typical day look like?")
        return []
    out: list[Question] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            diags.error(path, 1, 1, "questions", f"question {i} needs a 'text'")
            continue
        qid = str(item.get("id") or slugify(item["text"]))
        if qid in seen:
            diags.error(path, 1, 1, "questions", f"question id '{qid}' is used twice")
            continue
        seen.add(qid)
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            diags.error(path, 1, 1, "questions",
                        f"question '{qid}': aliases must be a list of text")
            aliases = []
        roles = item.get("roles") or []
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            diags.error(path, 1, 1, "questions",
                        f"question '{qid}': roles must be a list of role slugs")
            roles = []
        unknown = set(item) - set(QUESTION_KEYS)
        for k in sorted(unknown):
            diags.warning(path, 1, 1, "unknown-key", f"question '{qid}': unknown key '{k}'",
                          did_you_mean(str(k), QUESTION_KEYS))
        out.append(Question(qid, item["text"].strip(), tuple(a.strip() for a in aliases),
                            tuple(r.strip() for r in roles)))
    return out
