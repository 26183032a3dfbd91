"""What the audit reads where ivsite reads nothing (red team 13: R13-01, R13-03,
R13-06, R13-07): the values of front-matter keys no model knows, and the front
matter of a note saved under a name ivsite does not read as a note.

Validation refuses a misspelt private field (``referred-by``), a person record
under an unknown key (``second_person: {name, email}``), a ``person:`` on a page
(ivsite.switches.personkeys) and a note saved as ``.mdx`` or ``.md.txt``
(``unread-file``). The audit must not depend on that: what such a key or file
holds is withheld here, found by a reading of its own, whoever may read the
note. Names in a person's place (a ``name`` inside an unknown mapping; the value
of a key that says person, participant, referrer …) are looked for as
unconsented names, referrers as referrers; every e-mail address, phone number,
profile or handle in any unknown value as a contact detail; a path to an audio
or video file as a recording, by hash. A top-level ``name:`` or ``author:`` alone
names no one here: Jekyll and GitHub's templates write them.
"""

from __future__ import annotations

import functools
import posixpath
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import yaml

from ..contacts.bodycontacts import body_contacts
from ..contacts.fields import RECORDING, contact_pieces, recording_pieces
from ..contacts.keyedcontacts import contact_figures, keyed_contacts
from ..contacts.personrecords import record_public
from ..contacts.publiccontacts import is_public
from ..core.folders import Folders
from ..core.models import InterviewMeta, Referral
from ..core.sourcefiles import AssetRef, SiteFiles
from ..markdown.notelike import is_note_like
from ..markdown.notes import Note, ValidSite
from ..names.channels import names_no_one
from ..names.nameparts import looks_like_name, name_in
from ..names.persons import meta_of
from ..switches.fieldblocks import block_fields
from ..switches.fmchecks import strings
from ..switches.inlinefields import CONSENT, person_fields
from .secret import Secret

PERSONISH = re.compile(r"person|people|participant|interviewee|attendee|guest|contact"
                        r"|whom|with$|spouse|partner$|colleague|friend")
_REFERRER = re.compile(r"refer|introduc|recommend|connect|referal|intro(?:by)?$")
_NAMES = frozenset({"name", "fullname", "firstname", "lastname", "givenname", "familyname",
                    "surname", "displayname"})
_FIGURES = frozenset({"id", "uid", "uuid", "isbn", "issn", "doi", "zettelid", "version"})
"""Keys whose figures are identifiers, not numbers to call."""
_RECORDING = frozenset({".m4a", ".mp3", ".wav", ".ogg", ".oga", ".opus", ".aac", ".flac",
                        ".aiff", ".aif", ".caf", ".amr", ".wma", ".3gp", ".mp4", ".m4v",
                        ".mov", ".webm", ".mkv", ".avi", ".weba"})
HEAD = 1 << 16


def key_word(key: str) -> str:
    """A key as compared here: case-folded, letters and digits only."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", key).casefold() if ch.isalnum())


def unknown_fields(note: Note) -> dict[str, object]:
    """The top-level keys of a note's front matter its kind's model does not read."""
    known = set(type(note.meta).model_fields)
    return {k: v for k, v in note.fm.data.items() if str(k) not in known}


def unknown_person_fields(note: Note) -> dict[str, object]:
    """An interview's person's and referrals' keys no model reads (``person.signal``,
    ``referrals[0].address``), under their key paths as a mapping."""
    meta = note.meta
    if not isinstance(meta, InterviewMeta):
        return {}
    person, referrals = note.fm.data.get("person"), note.fm.data.get("referrals")
    out: dict[str, object] = {}
    if isinstance(person, dict):
        known = set(type(meta.person).model_fields)
        out["person"] = {k: v for k, v in person.items() if str(k) not in known}
    if isinstance(referrals, list):
        known = set(Referral.model_fields)
        out["referrals"] = [{k: v for k, v in r.items() if str(k) not in known}
                            if isinstance(r, dict) else {} for r in referrals]
    return out


def field_secrets(site: ValidSite) -> list[Secret]:
    """What every note's unknown keys hold (see the module's docstring)."""
    out: list[Secret] = []
    for note in site.notes:
        unknown = unknown_fields(note)
        # In an interview, what a key or body field ivsite does not read holds is
        # the person's: the public contacts excuse none of it (R18-B04).
        public = record_public(note, site.public_contacts)
        if unknown:
            interview = isinstance(note.meta, InterviewMeta)
            out += held_secrets(unknown, note.source, _lines(note), public,
                                name=meta_of(note).person.name if interview else "",
                                keyed=interview)
        if said := _body_fields(note):  # written in the body, as a vault does (R17-02)
            fields: dict[str, object] = {**said}
            out += held_secrets(fields, note.source, functools.partial(_at, note.body_line),
                                public)
            out += [Secret(f"contact field {RECORDING}", piece, note.source, note.body_line)
                    for value in said.get("recording_file", ())
                    for piece in recording_pieces(value)]
        if theirs := unknown_person_fields(note):  # a person's own keys (R16-01)
            out += held_secrets(theirs, note.source, _lines(note), public,
                                name=meta_of(note).person.name, names=False, keyed=True)
    return out


def _at(line: int, keys: tuple[str, ...]) -> int:
    return line


def _body_fields(note: Note) -> dict[str, list[str]]:
    """A person's private fields its body writes as properties (``referred_by::
    Sam Lee``, a ``phone: …`` line, a table's row, a ``yaml`` block: R17-02):
    their values, under the field each means."""
    out: dict[str, list[str]] = {}
    # Its text (a code span may show the syntax), as the filter reads it.
    text = "\n".join(t.content for t in note.tokens if t.type == "inline")
    for _, _, meant, value in person_fields(text):
        out.setdefault(meant.replace("person.", "person_"), []).append(value)
    for field in block_fields(note.tokens):
        if field.meant != CONSENT:  # consent: ivsite.audit.saidconsent
            out.setdefault(field.meant.replace("person.", "person_"), []).append(field.value)
    return out


def _lines(note: Note) -> Callable[[tuple[str, ...]], int]:
    """The line of a key path in ``note``'s front matter."""
    return lambda keys: note.fm.pos(*keys).line


def held_secrets(data: dict[str, object], source: str, line_of: Callable[[tuple[str, ...]], int],
                 public: Iterable[str], name: str = "", names: bool = True,
                 keyed: bool = False) -> list[Secret]:
    """The names in a person's place and the contact details in ``data``: those of
    any shape, and those its keys say are ways to reach someone (``person.signal``,
    ``address``: ivsite.contacts.keyedcontacts; ``keyed``: in a note about a person,
    ``name``: theirs). ``names`` False: contact details alone (a person's own keys
    name them, whose consent rules their name)."""
    listed = tuple(public)
    out: list[Secret] = []
    for keys, text in [*strings(data), *(contact_figures(data) if keyed else ())]:
        words = [key_word(k) for k in keys if not k.isdigit()]
        if not words or not text.strip():
            continue
        line = line_of(keys)
        if words[-1] not in _FIGURES:
            out += [Secret(f"contact field {kind}", piece, source, line)
                    for kind, value, _ in body_contacts(
                        text, " ".join(keys), theirs=keyed and keys[0] in ("person", "referrals"))
                    if not is_public(kind, value, listed)
                    for piece in contact_pieces(kind, value)]
            if keyed:
                out += [Secret(f"contact field {kind}", value, source, line)
                        for kind, value in keyed_contacts(
                            keys, text, theirs=keys[0] in ("person", "referrals"), name=name)]
        placed = names and ((len(words) >= 2 and words[-1] in _NAMES) or bool(
            PERSONISH.search(words[-1]) or _REFERRER.search(words[-1])))
        if not placed or names_no_one(text):
            continue
        if any(_REFERRER.search(w) for w in words):
            if name_in(text) is not None:
                out.append(Secret("referred_by", text.strip(), source, line))
        elif looks_like_name(text.strip()):
            out.append(Secret("unconsented name", text.strip(), source, line))
    return out


def field_recordings(notes: Iterable[Note], assets: dict[str, AssetRef]) -> set[str]:
    """The files an unknown key's path to an audio or video file names, relative to
    its note as ``recording_file`` is: recordings, whichever key said so."""
    out: set[str] = set()
    for note in notes:
        for _, text in strings(unknown_fields(note)):
            path = text.strip().split("?")[0].split("#")[0]
            if "://" in path or posixpath.splitext(path)[1].casefold() not in _RECORDING:
                continue
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(note.source), path))
            if rel in assets:
                out.add(rel)
    return out


def unread_notes(files: SiteFiles, assets: dict[str, AssetRef],
                 folders: Folders) -> Iterator[str]:
    """The files in a kind's folder that are notes ivsite does not read as notes:
    named like one (``.mdx``, ``.md.txt``) or opening with front matter."""
    for rel in assets:
        if not folders.kind(rel):
            continue
        if is_note_like(rel):
            yield rel
            continue
        head = files.head(rel, 8)
        if head is not None and head.lstrip(b"\xef\xbb\xbf \t").startswith((b"---", b"+++")):
            yield rel


def unread_file_secrets(files: SiteFiles, assets: dict[str, AssetRef], folders: Folders,
                        public: Iterable[str]) -> list[Secret]:
    """What the front matter and text of each unread note hold, all of it withheld:
    no rule of ivsite's ever read them."""
    listed = tuple(public)
    out: list[Secret] = []
    for rel in unread_notes(files, assets, folders):
        data = files.head(rel, HEAD)
        if data is None:
            continue
        text = data.decode("utf-8", "replace").lstrip("\ufeff")
        out += held_secrets(front_of_text(text), rel, lambda keys: 1, listed, keyed=True)
        out += [Secret(f"contact field {kind}", piece, rel, 1 + n)
                for kind, value, n in body_contacts(text)
                if not is_public(kind, value, listed)
                for piece in contact_pieces(kind, value)]
    return out


def front_of_text(text: str) -> dict[str, object]:
    """The front matter of a file's text, YAML or TOML, read leniently; {} if none."""
    lines = text.splitlines()
    if not lines or lines[0].strip() not in ("---", "+++"):
        return {}
    fence = lines[0].strip()
    end = next((i for i, line in enumerate(lines[1:], 1)
                if line.strip() in (fence, "...")), len(lines))
    head = "\n".join(lines[1:end])
    try:
        data = tomllib.loads(head) if fence == "+++" else yaml.safe_load(head)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError):
        return {"text": head}  # unparsed: its contact details are still looked for
    return data if isinstance(data, dict) else {}
