"""Which secrets count in which file, beside what an audit looks for everywhere
(ivsite.audit.search): the parts of a name on the pages about the person, a name
that is an everyday word in a file's path, a field a search index holds as the
stem of a word the audience reads."""

from __future__ import annotations

from ..names.people import NAME_KINDS
from ..names.wordnames import everyday_words
from ..text.textmatch import Matcher, words
from .needles import ALWAYS, Seen, needles
from .secret import BESIDE
from .secrets import FIELD_KINDS, Secret


def everyday(secrets: list[Secret], seen: Seen) -> list[tuple[tuple[str, ...], Secret]]:
    """The names that are one everyday word ("Mark", "May", "Page"), as that word
    in any case: what a file's path is read for, where nothing is capitalised
    ("lunch-with-mark/", "files/may-cv.pdf"), whereas its text counts the word
    only where it reads as a name (ivsite.names.wordnames). Their secrets are not
    looked for at all in ivsite's own files (OwnScripts.files), whose ``mark``
    and ``page`` are code's (red team 13, R13-08). A name the audience may read
    elsewhere (a withheld note's person who agreed) as its other forms are: where
    the audience does not read the word."""
    found = [((w,), s) for s in secrets if s.kind.startswith(NAME_KINDS)
             for w in everyday_words(s.text)]
    shown = seen.shown([w for w, s in found if not s.kind.startswith(ALWAYS)])
    return [(w, s) for w, s in found if s.kind.startswith(ALWAYS) or w not in shown]


def stemmed(secrets: list[Secret], seen: Seen) -> frozenset[int]:
    """The withheld fields of one word (by id) that a search index holds as the
    stem of a word the audience reads (Seen.stems_shown): "career" from
    "careers", "doe" from "does". Only a field: a name is looked for in the
    index whatever the audience reads."""
    one = {id(s): ws[0] for s in secrets
           if s.kind in FIELD_KINDS and len(ws := words(s.text)) == 1}
    stems = seen.stems_shown(one.values())
    return frozenset(i for i, w in one.items() if w in stems)


def scoped(secrets: list[Secret], seen: Seen) -> dict[str, Matcher[Secret]]:
    """Secrets that count only under some output paths (the parts of a name, on
    the pages about the person): a matcher per path, a folder ("interviews/x/") or
    a file ("index.html"). Those beside a page a file links to (secret.BESIDE) are
    found by one matcher (ivsite.audit.beside)."""
    by_path: dict[str, list[Secret]] = {}
    for s in secrets:
        for where in s.scope:
            if not where.startswith(BESIDE):  # (those are ivsite.audit.beside's)
                by_path.setdefault(where, []).append(s)
    return {where: needles(found, seen) for where, found in sorted(by_path.items())}


def prefixes(rel: str) -> list[str]:
    """The output path and each folder it is in ("a/", "a/b/"): where a scoped
    secret may count (looked up, not compared with every scope: a site has a scope
    per person)."""
    return [rel, *(rel[:i + 1] for i, ch in enumerate(rel) if ch == "/")]
