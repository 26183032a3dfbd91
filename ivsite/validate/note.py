"""One note against the contract: its front matter's keys, types and required
fields, the privacy switches written where ivsite does not read them, and its
slug; what passes becomes a :class:`~ivsite.markdown.notes.Note`.

Apart from the stage (:mod:`ivsite.validate.stage`), which runs this for every
note through the build's keyed store and then checks the notes against each
other (links, slugs, consent): this is the part that sees one note alone.
"""

from __future__ import annotations

import functools
import marshal
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ..contacts.fieldcontacts import contacts_in_fields
from ..core.diagnostics import Diagnostic, Diagnostics, as_plain, did_you_mean, from_plain
from ..core.keyed import Keyed, compute
from ..core.models import (
    MODELS,
    NESTED,
    VISIBILITIES,
    NoteMeta,
    Referral,
)
from ..core.slugs import RESERVED_PAGE_SLUGS, slugify
from ..markdown.frontmatter import FrontMatter, Pos
from ..markdown.notes import Note
from ..markup.referrers import referrer_policies
from ..markup.remoteloads import own_host, remote_resources
from ..parse.stage import ParsedNote
from ..switches.consentkeys import consent_shaped
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
from ..switches.personkeys import person_keys
from .baseelements import base_elements
from .bodyfields import written_fields
from .bodyprivacy import body_privacy
from .config import SiteConfig
from .consentwords import consent_contradicted
from .fallback import fallbacks
from .frontcomments import setting_comments
from .frontmarkers import front_markers
from .invisibledata import invisible_data
from .personname import long_names
from .scalartext import quoted_hint, texts_as_written
from .unreadlinks import unread_links

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


def validate_note(p: ParsedNote, config: SiteConfig, note_key: str,
                   sheet: Mapping[str, str], diags: Diagnostics, *,
                   body_checks: Keyed = compute, sheet_key: str = "") -> Note | None:
    """The note, or None when it is refused (each problem in ``diags``). Its body's
    checks are handed out through ``body_checks`` under what they read
    (``sheet_key``: a digest of ``sheet``), so that a build engine can keep them
    from one build to the next."""
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
                and not (coll == "interviews"  # anonymous: true, consent_withdrawn (R17-03)
                         and consent_shaped(fm, path, (), key, data[key], diags)) \
                and not privacy_below(fm, path, (key,), data[key], diags) \
                and not person_keys(fm, path, key, data[key], coll == "interviews", diags):
            diags.warning(
                path, pos.line, pos.col, "unknown-key", f"unknown key '{key}' is ignored",
                did_you_mean(key, known),
            )
        del data[key]
    for key, sub in NESTED.items():
        if key in data and key in known and isinstance(data[key], dict):
            data[key] = drop_unknown(fm, path, (key,), data[key], set(sub.model_fields), diags)
    if "referrals" in data:
        data["referrals"] = _referral_mappings(fm, path, data["referrals"], diags)
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
    texts_as_written(fm, data)  # title: 1984 is text (R18-06)
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
                        _message(loc, err, data),
                        quoted_hint(fm, loc) if isinstance(err.get("input"), bool)
                        and "string" in err["msg"] else _hint(err))
    if meta is None or long_names(path, fm, meta, diags) or len(diags.errors) > errors_before:
        return None
    if path_contradicts(path, fm, meta.visibility, diags):
        return None
    # A path that says private makes the note private (see ivsite.switches.pathprivacy).
    visibility = "private" if path_privacy(path) else \
        meta.visibility or getattr(config.visibility, coll)
    if privacy_tags(path, fm, meta.tags, visibility, diags) or \
            setting_comments(path, fm, visibility, diags):
        return None
    contradicted = consent_contradicted(path, fm, meta, diags)  # R18-09
    public = tuple(config.privacy.public_contacts)  # a contact table's own (R17-02)
    refused, found = body_checks(
        ("body checks", path, p.source.digest, coll, visibility, sheet_key, config.base_url,
         public),
        functools.partial(_body_checks, p, visibility, frozenset(type(meta).model_fields),
                          sheet, config.base_url, public))
    diags.extend(found)
    if refused or contradicted:
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


def _body_checks(p: ParsedNote, visibility: str, fields: frozenset[str],
                 sheet: Mapping[str, str], base_url: str,
                 public: tuple[str, ...]) -> tuple[bool, list[Diagnostic]]:
    """The checks of a note's body and of what its front matter marks in it:
    whether one refuses the note, and what they found. A function of the note's
    bytes and of the arguments alone, so that a build engine can keep its result
    (the costliest part of checking a note: see validate_note's ``body_checks``)."""
    assert p.fm is not None
    fm, path, diags = p.fm, p.source.rel, Diagnostics()
    refused = body_privacy(path, fm.body_line, p.tokens, p.cut, visibility, diags, sheet,
                           public) \
        | written_fields(path, fm.body_line, p.tokens, p.cut, visibility, diags, public,
                         interview="person" in fields) \
        | front_markers(path, fm, visibility, diags) \
        | unread_links(path, fm, fields, fm.body_line, p.tokens, p.cut, visibility, diags) \
        | base_elements(path, fm.body_line, p.tokens, diags) \
        | (visibility != "private" and invisible_data(
            path, p.source.data.decode("utf-8", errors="replace"), diags)) \
        | referrer_policies(path, fm.body_line, p.tokens, diags) \
        | (visibility != "private" and remote_resources(
            path, fm.body_line, p.tokens, p.cut, own_host(base_url), diags))
    return bool(refused), list(diags)


def dump_checks(value: tuple[bool, list[Diagnostic]]) -> bytes:
    """What :func:`_body_checks` found, as bytes a build engine keeps on disk."""
    return marshal.dumps((value[0], as_plain(value[1])))


def load_checks(data: bytes) -> tuple[bool, list[Diagnostic]]:
    refused, found = marshal.loads(data)
    if not isinstance(refused, bool):
        raise TypeError("not what the body checks found")
    return refused, from_plain(found)


REFERRAL_HINT = ("write each referral as a mapping, one per line: '- name: …' (and 'role:', "
                 "'company:', 'email:' if you know them); referrals stay private either way")


def _referral_mappings(fm: FrontMatter, path: str, value: Any, diags: Diagnostics) -> Any:
    """``referrals: [Dmitri Halvorsen, …]``, a plain list of names, is what an author
    writes first; the contract asks for mappings, so it is refused, but with a hint
    instead of the validator's words (red team 14, R14-10). The name is not repeated
    in the message (the log may be shared); what is refused is left out so the
    validator does not report it again."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else None
    if items is None:
        return value
    kept: list[Any] = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            pos = fm.pos("referrals", str(i)) if isinstance(value, list) else fm.pos("referrals")
            diags.error(path, pos.line, pos.col, "referral-shape",
                        f"referral {i + 1} is a plain name, not a mapping with 'name:'",
                        REFERRAL_HINT)
        else:
            kept.append(item)
    return kept


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
