"""A person's private fields, and consent, written in a note's body as a table's
row, a definition list's term or in a code block (red team 17, R17-02, R17-03).

A vault that keeps properties in the body writes them as Dataview fields
(ivsite.switches.inlinefields), but also as a properties table (``| referred_by |
Sam Lee |``) or as a YAML, TOML or JSON block copied from front matter. ivsite
reads neither, so the referrer's name, an address or a phone number would be
published as text, and a withdrawal (``consent: withdrawn``) would protect no one.
The filter refuses them (ivsite.validate.bodyfields); the audit holds their values
withheld and takes the person as not agreeing (ivsite.audit.unreadfields,
ivsite.audit.saidconsent).

What counts, so that ordinary tables and code still build:

* a table row (Markdown's or HTML's) with a cell that is exactly such a key
  (``referred_by``, ``Email``, ``Referrer``, ``consent``), in any column, and
  another cell holding what the field holds (a name for a person, a contact
  detail for a contact, a path for a recording; any value for consent). A
  header row counts only where it is not a row of column titles: the table has
  no other rows, or its key is written in small letters as front matter writes
  one, or a row below has a key in the same column (``| Person | Role | Salary
  |`` is a header);
* a definition list's term that is exactly such a key, its definition what the
  field holds (a glossary's "Consent" or "Referral" defined is a word of the
  trade; ``consent`` in small letters is a key);
* in a code block marked as data (``yaml``, ``toml``, ``json``, ``properties``,
  ``ini``, ``env``), a key that means such a field at any depth, as front matter's
  unknown keys are read, with a value other than a placeholder or a bare yes/no;
* in any other code block, a ``key: value`` line whose key is exactly such a key
  and whose value holds what the field holds (``steps:``, ``name:`` are no one's).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator
from typing import NamedTuple

import yaml
from markdown_it.token import Token

from ..contacts.bodycontacts import body_contacts
from ..names.channels import names_no_one
from ..names.nameparts import name_in
from .inlinefields import CONSENT, consent_fields, consent_key
from .lookalike import normalise
from .personkeys import FIELDS, SYNONYMS, private_field, recording_like


class Field(NamedTuple):
    """A field the body writes (in a table, a definition list, a code block; consent
    in its text too)."""

    line: int
    """Its 0-based body line."""
    key: str
    meant: str
    """The private field it means (``referred_by``, ``person.email``) or CONSENT."""
    value: str
    where: str
    """What writes it: "a table's row", "a definition list", :data:`CODE`, "the text"."""


_DATA = frozenset({"yaml", "yml", "toml", "json", "jsonc", "json5", "properties", "props",
                   "ini", "env", "dotenv", "cfg", "conf", "config", "frontmatter"})
"""A code block's languages that are settings, as front matter is."""
_ROW = "a table's row"
CODE = "a code block"
_PEOPLE = frozenset({"referred_by", "referrals", "person"})
_DECOR = " \t*_`~:"
_KEY_SHAPE = re.compile(r"[^\W\d][\w .-]{0,40}")
_LITERAL = re.compile(r"(?:true|false|yes|no|on|off|null|none|~|)", re.I)
_PLACEHOLDER = re.compile(r"\$\{|\{\{|\{%|<%|^\$\w+$|^<[^<>]*>$")
_KEYED = re.compile(r"""^[ \t]*(?:[-*+][ \t]+)?["']?(?P<key>[^\W\d][\w .-]{0,40}?)["']?[ \t]*"""
                    r"""(?P<sep>::?|=)[ \t]*(?P<value>[^\n]*?)[ \t,;]*$""", re.MULTILINE)
"""A ``key: value`` (``key = value``, ``"key": "value",``) line."""
_ROW_HTML = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</tr>|</table>|$)", re.I | re.S)
_CELL_HTML = re.compile(r"<t([dh])\b[^>]*>(.*?)(?=<t[dh]\b|</t[dh]>|</tr>|$)", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def block_fields(tokens: list[Token]) -> Iterator[Field]:
    """Each private or consent field the body's tables, definition lists and code
    blocks write."""
    rows: list[tuple[int, bool, list[str]]] = []
    head = False
    term: tuple[int, str] | None = None  # a definition list's term: (line, text)
    defining = False  # the term's definition comes next
    after = ""  # the type of the token before this one
    for tok in tokens:
        if tok.type == "inline" and after == "dt_open":
            term = ((tok.map or (0, 0))[0], tok.content)
        elif tok.type == "inline" and after in ("th_open", "td_open") and rows:
            rows[-1][2].append(tok.content)
        elif tok.type == "dd_open":
            defining = term is not None
        elif tok.type == "inline" and defining and term is not None:
            yield from _defined(*term, tok.content)
            term, defining = None, False
        elif tok.type == "dd_close":
            term, defining = None, False
        elif tok.type == "table_open":
            rows = []
        elif tok.type in ("thead_open", "tbody_open"):
            head = tok.type == "thead_open"
        elif tok.type == "tr_open":
            rows.append(((tok.map or (0, 0))[0], head, []))
        elif tok.type == "table_close":
            yield from _table(rows)
            rows = []
        elif tok.type == "html_block" and tok.map and "<t" in tok.content.lower():
            yield from _table(_html_rows(tok.content, tok.map[0]))
        elif tok.type in ("fence", "code_block") and tok.map:
            start = tok.map[0] + (tok.type == "fence")
            words = tok.info.strip().strip("{}").lstrip(".").split()
            lang = words[0].casefold() if words else ""
            if lang in _DATA:
                yield from _data(tok.content, lang, start)
            else:
                yield from _lines(tok.content, start, strict=True)
        after = tok.type


def consent_said(tokens: list[Token]) -> Iterator[Field]:
    """Each consent or anonymity field in the body: in its text (code spans too),
    tables, definition lists and code blocks."""
    for tok in tokens:
        if tok.type == "inline" and tok.map:
            for offset, key, value in consent_fields(tok.content):
                yield Field(tok.map[0] + offset, key, CONSENT, value, "the text")
    yield from (field for field in block_fields(tokens) if field.meant == CONSENT)


def _cell_key(cell: str) -> str | None:
    """What a cell that is exactly a private or consent key means (its emphasis
    and code marks aside), or None."""
    key = cell.strip(_DECOR)
    if _KEY_SHAPE.fullmatch(key) is None:
        return None
    if consent_key(key):
        return CONSENT
    named = {**FIELDS, **SYNONYMS}  # a key path's last key too: ``person.email``
    return named.get(normalise(key)) or named.get(normalise(key.rsplit(".", 1)[-1]))


def _table(rows: list[tuple[int, bool, list[str]]]) -> Iterator[Field]:
    """A table's fields (see the module's docstring)."""
    keys = [[_cell_key(c) for c in cells] for _, _, cells in rows]
    below = {i for (_, head, _), row in zip(rows, keys, strict=True) if not head
             for i, meant in enumerate(row) if meant}
    for (line, head, cells), row in zip(rows, keys, strict=True):
        values: set[int] = set()  # cells read as a value: no key then
        for i, meant in enumerate(row):
            if meant is None or i in values or (
                    head and len(rows) > 1 and i not in below
                    and cells[i].strip(_DECOR) != cells[i].strip(_DECOR).lower()):
                continue
            for j, cell in enumerate(cells):
                value = cell.strip(_DECOR)
                # Another key is a column's title, but "withdrawn" a consent's value.
                if j != i and (row[j] is None or meant == row[j] == CONSENT) \
                        and _holds(meant, value):
                    values.add(j)
                    yield Field(line, cells[i].strip(_DECOR), meant, value, _ROW)


def _html_rows(html: str, start: int) -> list[tuple[int, bool, list[str]]]:
    """An HTML table's rows, as a Markdown table's: (line, of header cells alone,
    each cell's text without its tags)."""
    rows = []
    for row in _ROW_HTML.finditer(html):
        cells = list(_CELL_HTML.finditer(row.group(1)))
        if cells:
            rows.append((start + html.count("\n", 0, row.start()),
                         all(c.group(1).lower() == "h" for c in cells),
                         [" ".join(_TAG.sub(" ", c.group(2)).split()) for c in cells]))
    return rows


def _defined(line: int, term: str, definition: str) -> Iterator[Field]:
    """A definition list's field: its term exactly a private key, its definition
    what the field holds; for consent, a term in small letters as a key is written
    ("Consent" defined in a glossary is a word of the trade)."""
    meant = _cell_key(term)
    key = term.strip(_DECOR)
    if meant is not None and (meant != CONSENT or key == key.lower()) \
            and _holds(meant, definition.strip(_DECOR)):
        yield Field(line, key, meant, definition.strip(_DECOR), "a definition list")


def _holds(meant: str, value: str) -> bool:
    """Whether a value in a table or a plain code block is what ``meant`` holds: a
    contact detail (as the body's contact checks find one: "2025-2026" is none), a
    recording's path or address, a name where the field is a person (not a role
    or an office: "Data Lead"), anything said of consent."""
    if meant == CONSENT:
        return bool(value.strip())
    if next(body_contacts(value), None) is not None:
        return True
    if meant == "recording_file":
        return recording_like(value) or "://" in value
    name = name_in(value) if meant in _PEOPLE else None
    return name is not None and not names_no_one(name)


def _lines(text: str, start: int, strict: bool) -> Iterator[Field]:
    """``key: value`` lines of a code block: ``strict``, a key exactly a private
    or consent key (``key: value`` or ``key:: value``) whose value holds what the
    field holds; else (a data block that does not parse) any key that means one,
    ``=`` too, with any value but a placeholder."""
    for m in _KEYED.finditer(text):
        key, value = m.group("key").strip(), m.group("value").strip().strip("\"'")
        if strict:
            meant = _cell_key(key) if m.group("sep") != "=" else None
            if meant is not None and _holds(meant, value):
                yield Field(start + text.count("\n", 0, m.start()), key, meant, value, CODE)
        elif (meant := _meaning(key)) is not None and _valued(meant, value):
            yield Field(start + text.count("\n", 0, m.start()), key, meant, value, CODE)


def _meaning(key: str) -> str | None:
    """What a data block's key means, read as front matter's unknown keys are."""
    return CONSENT if consent_key(key) else private_field(key)


def _valued(meant: str, value: str) -> bool:
    """A data block's value that says something: for consent, anything; for a
    private field, anything but a placeholder (``${{ secrets.EMAIL }}``) or a bare
    yes/no."""
    if meant == CONSENT:
        return bool(value.strip())
    return _LITERAL.fullmatch(value.strip()) is None and _PLACEHOLDER.search(value) is None


def _data(text: str, lang: str, start: int) -> Iterator[Field]:
    """The fields of a code block marked as data: read as its language reads it,
    each scalar under the outermost key that means a field; line by line when it
    does not parse."""
    data = _parsed(text, lang)
    if data is None:
        yield from _lines(text, start, strict=False)
        return
    for path, value in _scalars(data):
        meant, key = next(((m, k) for k in path if (m := _meaning(k)) is not None),
                          (None, ""))
        if meant is not None and _valued(meant, value):
            at = text.find(key)
            yield Field(start + text.count("\n", 0, max(at, 0)), key, meant, value, CODE)


def _parsed(text: str, lang: str) -> object:
    """A data block's value, or None where its language cannot read it (or it is
    not YAML, TOML or JSON)."""
    try:
        if lang.startswith("json"):
            return json.loads(text)
        if lang == "toml":
            return tomllib.loads(text)
        if lang in ("yaml", "yml", "frontmatter"):
            return [d for d in yaml.safe_load_all(text) if d is not None] or None
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    return None


def _scalars(value: object) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every scalar in parsed data, as text, with its key path (list places
    aside); each list or mapping visited once (YAML aliases)."""
    seen: set[int] = set()
    stack: list[tuple[tuple[str, ...], object]] = [((), value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            if id(item) not in seen:
                seen.add(id(item))
                stack.extend(((*path, str(k)), v) for k, v in item.items())
        elif isinstance(item, list):
            if id(item) not in seen:
                seen.add(id(item))
                stack.extend((path, v) for v in item)
        elif isinstance(item, bool):
            yield path, str(item).lower()
        elif isinstance(item, dt.date | dt.time):
            yield path, item.isoformat()
        elif item is not None:
            yield path, str(item)
