"""A person record in a file ivsite does not read as an interview (red team 16, R16-04).

Consent, contact and referrer rules read an interview's ``person:`` only where
the loader reads interviews: ``.md`` files in the interviews folder (or the
folders site.toml's ``[content]`` maps to it). The same note filed anywhere else
(``content/Interviews/`` as Finder names folders, ``content/people/``, the
content root, a vault folder left out of ``[content]`` or named there in another
case or Unicode form, a dot-file, an iA Writer ``.txt``) kept its person to
itself: their ``consent.publish_name: false``, e-mail and phone protected no
one, and a public page naming them was published. R13-06 closed this inside a
kind's folder alone (``unread-file``).

So every file the walk meets and does not load as a note is read here for front
matter, wherever it sits, and one whose front matter holds a person record is
an error (``misplaced-person``): the build refuses the file's placement rather
than guess whose name it guards. A person record is told by its shape, as
ivsite.switches.personkeys tells one under an unknown key: a top-level key that
means ``person`` or one of its contact fields (``person``, ``interviewee``,
``email``, ``work-phone``), one that starts ``consent``, or any value that holds
a mapping with a name and contact details, an e-mail address or a phone number.
The audit reads these files again on its own (ivsite.audit.strayrecords).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from ..core.diagnostics import Diagnostics
from ..switches.lookalike import normalise
from ..switches.personkeys import held, private_field
from .filefront import HEAD, opens_with_front

_PERSON_FIELDS = frozenset({"person", "person.email", "person.phone", "person.linkedin"})
_TOP_KEY = re.compile(r"""^["']?([^\s:#"'=][^:="'#\n]*?)["']?[ \t]*[:=]""", re.M)
"""A top-level ``key:`` or ``key =`` line: what a front matter that does not parse
is read for."""
_INNER_KEY = re.compile(r"""^[ \t]*(?:-[ \t]+)?["']?[\w.-]+["']?[ \t]*[:=]""")


def front_of(data: bytes) -> dict[str, object] | None:
    """A file's front matter (YAML between ``---`` or TOML between ``+++``), None
    if it opens with none; read leniently: one that does not parse gives its
    top-level keys, each with its line as the value."""
    if not opens_with_front(data[:64]):
        return None
    text = _text(data[:HEAD])
    lines = text.splitlines()
    fence = lines[0].strip() if lines else "---"
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in (fence, "...")),
               len(lines))
    head = "\n".join(lines[1:end])
    try:
        parsed = tomllib.loads(head) if fence == "+++" else yaml.safe_load(head)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        parsed = None
    if isinstance(parsed, dict):
        return {str(k): v for k, v in parsed.items()}
    out: dict[str, object] = {}
    key = ""
    for line in lines[1:end]:  # each key with the values on its line and below it
        m = _TOP_KEY.match(line)
        if m is not None:
            key = m.group(1).strip()
            out[key] = line[m.end():].strip()
        elif key and line.strip():
            out[key] = f"{out[key]}\n{_INNER_KEY.sub('', line).strip()}"
    return out


def _text(data: bytes) -> str:
    """A file's start as text: UTF-8, or UTF-16 with or without its byte-order mark
    (Notepad's "Unicode"), as ivsite.load.filefront reads fences."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    if len(data) > 1 and data[1:2] == b"\0":
        return data.decode("utf-16-le", "replace")
    if data[:1] == b"\0":
        return data.decode("utf-16-be", "replace")
    return data.decode("utf-8", "replace").lstrip("\ufeff")


def person_record(front: dict[str, object]) -> str | None:
    """The top-level key whose value makes ``front`` a person's record, or None. A
    template's record (``person: {name: "{{name}}"}``, Templater's ``<% … %>``)
    names no one: only a value with real text in it counts; a ``consent`` key
    counts when any value of the front matter has."""
    consent = next((k for k in front if normalise(k).startswith("consent")), None)
    for key, value in front.items():
        if private_field(key) in _PERSON_FIELDS and _real(value):
            return key
        if any(what != "the path of a recording" and (
                _real(value) or not what.startswith(("a person record", "what the")))
               for _, what in held(value, key)):
            return key
    return consent if consent is not None and _real(front) else None


_NO_TEXT = frozenset({"", "true", "false", "yes", "no", "on", "off", "null", "none", "~"})
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|<%.*?%>|\$\{.*?\}|\{%.*?%\}", re.S)


def _real(value: object, depth: int = 0) -> bool:
    """Whether a value holds text that is not a template's placeholder."""
    if isinstance(value, str):
        words = _PLACEHOLDER.sub(" ", value).split()
        return any(w.strip("\"'-_[](){},:").casefold() not in _NO_TEXT and
                   any(ch.isalpha() for ch in w) for w in words)
    if depth > 8:
        return False
    if isinstance(value, dict):
        return any(_real(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return any(_real(v, depth + 1) for v in value)
    return False


def check_stray(path: Path, rel: str, why: str, diags: Diagnostics) -> bool:
    """Report a file that is not loaded as a note (``why`` says why not) whose front
    matter holds a person record; whether it did."""
    try:
        with path.open("rb") as fh:
            data = fh.read(64)
            if not opens_with_front(data):
                return False
            data += fh.read(HEAD - 64)
    except OSError:
        return False
    front = front_of(data)
    key = person_record(front) if front else None
    if key is None:
        return False
    if why == _UNMAPPED and not _interview_shaped(front or {}):
        # A vault's own people notes (a CRM: "People/Jane Doe.md" with an e-mail)
        # are not misplaced interviews; refusing them would refuse most vaults. The
        # audit holds their names and details withheld (ivsite.audit.strayrecords).
        diags.warning(
            rel, 0, 0, "misplaced-person",
            f"this note records a person ('{key}' in its front matter) in a folder "
            "ivsite does not read: their name and details are withheld from every page "
            "(a page that names them fails the build's output check)",
            "if it is an interview, move it into a folder [content] maps to interviews")
        return True
    diags.error(
        rel, 0, 0, "misplaced-person",
        f"this file records a person ('{key}' in its front matter), but ivsite does not "
        f"read it as an interview ({why}), so no consent or contact rule would keep the "
        "person's name and details out of the site",
        "move it into the interviews folder as a .md file whose name does not start "
        "with '.' (in a vault: into a folder [content] maps to interviews, named there "
        "exactly as on disk, same case and accents), or move it out of the site folder",
    )
    return True


_UNMAPPED = "its folder is not one site.toml's [content] maps to interviews"


def _interview_shaped(front: dict[str, object]) -> bool:
    """Whether a record is an interview's: a ``person`` or a ``consent`` key."""
    return any(normalise(k) in ("person", "interviewee") or normalise(k).startswith("consent")
               for k in front)


def why_not_read(rel: str, vault: bool) -> str:
    """Why a file at ``rel`` is not read as an interview, in the user's words."""
    name = rel.rsplit("/", 1)[-1]
    if name.startswith("."):
        return "its name starts with '.', a hidden file ivsite skips"
    if not name.lower().endswith((".md", ".markdown")):
        return "ivsite reads notes from .md and .markdown files alone"
    if vault:
        return _UNMAPPED
    return "it is outside content/interviews/ (folder names are case-sensitive)"
