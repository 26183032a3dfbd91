"""Stage 8 — audit: read an output folder back and look for anything withheld.

Every build ends here before its output is swapped in, and ``ivsite audit DIR``
runs the same check on any folder. It looks in every file — HTML as markup and as
text, XML, JSON, JavaScript, and Pagefind's gzip-compressed index files once
decompressed — for withheld titles, slugs and passages, contact fields,
unconsented names and referrals, and compares every file's hash with the
withheld assets. Matching is by words through the one normalising matcher the
audience filter uses too (ivsite.normalise, ivsite.people), so "Jane Doe",
"jane-doe", "JANE&nbsp;DOE", "Doe, Jane", "JaneDoe" and "Jane%20D&shy;oe" are all
found, phone numbers by their digits and URLs without scheme or "www.". Every
field of a withheld note is looked for, unless the audience sees the same words
in a visible note.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import contextlib
import gzip
import hashlib
import html
import posixpath
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from .normalise import compact
from .people import PART_KIND, needle_of
from .progress import QUIET, Progress
from .secrets import ADDRESS, Secret
from .textmatch import Matcher, words

ALWAYS = ("unconsented name", "contact field", "referral", "referred_by", PART_KIND)
"""Kinds of secret reported even when the same words occur in visible text."""
_TAG = re.compile(r"<[^>]*>")
MIN_PASSAGE_WORDS = 5
CODE_SUFFIXES = (".js", ".mjs", ".css", ".wasm", ".map", ".pagefind")
"""Files made of code (the theme's and Pagefind's): one-word fields are not looked
for there (see needles)."""


@dataclass(frozen=True)
class Hit:
    output: str
    secret: Secret

    def text(self) -> str:
        s = self.secret
        return (f"{self.output}: {s.kind} from {s.source}:{s.line} is in the output: "
                f"{_short(s.text)!r}")


@dataclass(frozen=True)
class AssetSecret:
    digest: str
    source: str


@dataclass(frozen=True)
class Seen:
    """What the audience may read, as words: made once for a whole audit (folding
    a site's text is the slow part)."""

    words: list[str]
    freq: Counter[str]
    run: str

    @classmethod
    def of(cls, visible_text: str) -> Seen:
        ws = words(visible_text)
        return cls(ws, Counter(ws), compact(ws))


def needles(secrets: Iterable[Secret], visible_text: str | Seen,
            single_words: bool = True) -> Matcher[Secret]:
    """What to look for, each secret in every form the shared matcher knows (see
    ivsite.people.needle_of). Passages are cut into sentences; a sentence, title,
    tag or other field that the audience legitimately sees elsewhere is not a leak.
    Names, parts of names and contact details always are. Without
    ``single_words``, a withheld field of one word (a tag, a role) is left out:
    code files are full of common words, and content never reaches them alone."""
    seen = visible_text if isinstance(visible_text, Seen) else Seen.of(visible_text)
    always: dict[tuple[str, ...], Secret] = {}
    maybe: dict[tuple[str, ...], Secret] = {}
    runs: list[tuple[str, Secret]] = []
    phones: list[tuple[str, Secret]] = []
    for s in secrets:
        if s.kind == ADDRESS:
            continue  # looked for as a link (see links_to), not as words
        prose = s.kind.endswith(("passage", "withheld note", "HTML comment"))
        pieces = [p for p in re.split(r"(?<=[.!?;:])\s+", s.text) if p.strip()] \
            if prose else [s.text]
        for piece in pieces:
            seqs, subs, phone = needle_of(s.kind, piece, in_code=not single_words)
            runs += [(x, s) for x in subs]
            if phone:
                phones.append((phone, s))
            for w in seqs:
                if not w:
                    continue
                if s.kind.startswith(ALWAYS):
                    always.setdefault(w, s)
                elif (not prose or len(w) >= MIN_PASSAGE_WORDS) and (
                        single_words or len(w) > 1):
                    maybe.setdefault(w, s)
    # What the audience may see anyway is not a secret from it.
    shown = {w for w, _ in Matcher([(w, (w, s)) for w, s in maybe.items()], seen.freq)
             .find_words(seen.words)}
    kept = [(w, s) for w, s in maybe.items() if w not in shown]
    runs = [(x, s) for x, s in runs if s.kind.startswith(ALWAYS) or x not in seen.run]
    return Matcher([*always.items(), *kept], seen.freq, substrings=runs, phones=phones)


_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|"
    r"strong|sub|sup|time|u|var|tspan|textPath|font|wbr)\b[^>]*>", re.I)
"""Tags that sit inside a word as easily as between words: taken out without a space."""
_ATTR = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_HIDDEN = re.compile(r"<!--(.*?)(?:-->|\Z)|<!\[CDATA\[(.*?)(?:\]\]>|\Z)", re.S)
MARKUP_SUFFIXES = (".html", ".htm", ".xml", ".svg", ".xhtml")


def readable_texts(path: PurePosixPath | Path, data: bytes) -> list[str]:
    """The texts in which a file could show something. Markup files give their text
    with tags taken out (so words split only by tags meet again) and, separately,
    their attribute values; other files give their text as it is. Gzip data —
    Pagefind's index files — is read decompressed."""
    if data[:2] == b"\x1f\x8b":
        with contextlib.suppress(OSError, EOFError, zlib.error):
            data = gzip.decompress(data)
    text = _decoded(data)
    if not text:
        return []
    if "base64," in text:  # an image inside the page: read it as a file of its own
        embedded = [_decoded(_unbase64(m.group(1))) for m in _DATA_URI.finditer(text)]
        return [*readable_texts(path, _DATA_URI.sub(" ", text).encode()), *(
            t for e in embedded for t in readable_texts(PurePosixPath("x.svg"), e.encode()))]
    shown_reversed = [_TAG.sub("", m.group(1) or m.group(2))[::-1]
                      for m in _REVERSED.finditer(text)] \
        if "\u202e" in text or "<bdo" in text.lower() else []
    if path.suffix.lower() not in MARKUP_SUFFIXES:
        return [html.unescape(text) if "&" in text else text, *shown_reversed]
    # Attribute values (quoted or not), comments and CDATA: what tag-stripping hides.
    hidden = " \n ".join(a or b or c for a, b, c in _ATTR.findall(text))
    hidden += " \n " + " \n ".join(a or b for a, b in _HIDDEN.findall(text))
    body = _TAG.sub(" ", _INLINE_TAG.sub("", _HIDDEN.sub(" ", text)))
    unseen = _UNSEEN.sub("", text) if _UNSEEN.search(text) else ""  # what a reader sees
    if unseen:
        body += " \n " + _TAG.sub(" ", _INLINE_TAG.sub("", _HIDDEN.sub(" ", unseen)))
    return [html.unescape(body), html.unescape(hidden),
            *(html.unescape(r) for r in shown_reversed)]


_UNSEEN = re.compile(
    r"<(\w+)\b[^>]*(?:display\s*:\s*none|visibility\s*:\s*hidden|\shidden\b)[^>]*>.*?</\1>",
    re.I | re.S)
"""An element a browser does not show: words around it meet on the screen."""
_REVERSED = re.compile(r"<bdo\b[^>]*\brtl\b[^>]*>(.*?)</bdo>|\u202e([^\u202c\n]*)",
                       re.I | re.S)
"""Text a browser shows right to left: read backwards too ("kciwneuQ talbroZ")."""
_DATA_URI = re.compile(r"data:[^,;\"'\s]*;base64,([A-Za-z0-9+/]{16,})")


def _unbase64(text: str) -> bytes:
    try:
        return base64.b64decode(text[:len(text) // 4 * 4], validate=False)
    except binascii.Error:  # not base64 after all: nothing to read in it
        return b""


def _decoded(data: bytes) -> str:
    """A file's text whatever it was saved as: UTF-8, or UTF-16/32 (with a byte-order
    mark, or the NUL bytes every other byte that Notepad's UTF-16 leaves)."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="ignore")
    half = min(len(data), 400) // 2
    if half >= 8 and data[1:400:2].count(0) > half * 0.3:
        return data.decode("utf-16-le", errors="ignore")
    if half >= 8 and data[0:400:2].count(0) > half * 0.3:
        return data.decode("utf-16-be", errors="ignore")
    return data.decode("utf-8", errors="ignore")


class AuditInterrupted(Exception):
    """The audit was asked to stop before it was done (see ``stop``)."""


def audit_folder(
    folder: Path, secrets: list[Secret], visible_text: str,
    withheld_assets: list[AssetSecret], skip_prefixes: tuple[str, ...] = (),
    progress: Progress = QUIET, stop: Callable[[], bool] | None = None, base_url: str = "",
) -> list[Hit]:
    """Every secret found in ``folder``. ``stop`` is asked before each file; when it
    says so the audit raises :class:`AuditInterrupted` (the live preview stops an
    audit whose folder a newer save is about to change)."""
    if stop is not None and stop():
        raise AuditInterrupted  # before the needles, which take a while to make
    paths = sorted(folder.rglob("*"))
    progress.stage("Checking the output for private text", len(paths))

    def files() -> Iterator[tuple[str, bytes]]:
        for path in paths:
            if stop is not None and stop():
                raise AuditInterrupted
            progress.advance()
            if not path.is_file():
                continue
            rel = path.relative_to(folder).as_posix()
            if not (skip_prefixes and rel.startswith(skip_prefixes)):
                yield rel, path.read_bytes()

    return audit_files(files(), secrets, visible_text, withheld_assets, base_url)


def audit_files(
    files: Iterable[tuple[str, bytes]], secrets: list[Secret], visible_text: str,
    withheld_assets: list[AssetSecret], base_url: str = "",
) -> list[Hit]:
    """Every secret found in these (path, bytes): an output folder's files, or the
    pages of an encrypted view before they are encrypted. ``base_url``: the site's
    address, under which a withheld page's address written out is found too."""
    site = urlsplit(base_url)
    own = re.compile(re.escape(f"{site.netloc}{site.path.rstrip('/')}/") + r"([^\s\"'<>?#]+)",
                     re.I) if site.netloc else None
    addresses = {s.text.strip("/"): s for s in secrets if s.kind == ADDRESS}
    anywhere = [s for s in secrets if not s.scope]
    shown = Seen.of(visible_text)
    matcher = needles(anywhere, shown)
    in_code = needles(anywhere, shown, single_words=False)
    scoped = _scoped(secrets, shown)
    assets = {a.digest: a for a in withheld_assets}
    hits: list[Hit] = []
    for rel, data in files:
        path = PurePosixPath(rel)
        digest = hashlib.sha256(data).hexdigest()
        if digest in assets:
            a = assets[digest]
            hits.append(Hit(rel, Secret("withheld file", a.source, a.source, 0)))
        seen: set[int] = set()
        if addresses and path.suffix.lower() in MARKUP_SUFFIXES:
            for secret in links_to(rel, data, addresses):
                seen.add(id(secret))
                hits.append(Hit(rel, secret))
        first = in_code if rel.lower().endswith(CODE_SUFFIXES) else matcher
        here = [first] if first is in_code else \
            [first, *(m for where, m in scoped if rel.startswith(where))]
        for text in (rel, *readable_texts(path, data)):  # a file's name can tell too
            for secret in _addresses_in(text, addresses, own):
                if id(secret) not in seen:
                    seen.add(id(secret))
                    hits.append(Hit(rel, secret))
            for secret in (s for m in here for s in m.find(text)):
                if id(secret) not in seen:
                    seen.add(id(secret))
                    hits.append(Hit(rel, secret))
    return hits


_LINK = re.compile(
    r"""\s(?:href|src|srcset|poster|action|formaction|data|cite|background|xlink:href|ping)"""
    r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


def links_to(rel: str, data: bytes, addresses: dict[str, Secret]) -> list[Secret]:
    """Withheld pages a markup file links to: every address in it, read relative to
    the file (or from the root, for any base path), compared with theirs. Words
    alone miss ``../salary/``: one common word, without its section."""
    text = data.decode("utf-8", errors="ignore")
    base = posixpath.dirname(rel)
    found: dict[int, Secret] = {}
    for m in _LINK.finditer(text):
        for url in re.split(r"[\s,]+", html.unescape(m.group(1) or m.group(2) or m.group(3))):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            joined = posixpath.normpath(path if path.startswith("/") else
                                        posixpath.join(base, path)).removesuffix("index.html")
            segments = [s for s in joined.split("/") if s not in ("", ".", "..")]
            for i in range(len(segments)):
                secret = addresses.get("/".join(segments[i:]))
                if secret is not None:
                    found[id(secret)] = secret
    return list(found.values())


_SECTION_PATH = re.compile(r"(?<![\w-])(?:interviews|reflections|roles)/[^\s\"'<>?#/\\)]+")


def _addresses_in(text: str, addresses: dict[str, Secret],
                  own: re.Pattern[str] | None) -> Iterator[Secret]:
    """Withheld notes' addresses written out in a text (a sitemap's <loc>, a URL in a
    search index, a file's own path, the site's address and a page's): looked for
    as paths, not as words, since a listing can set "reflections" beside a title
    that happens to be a slug."""
    if addresses and "/" in text:
        for m in _SECTION_PATH.finditer(text):
            secret = addresses.get(m.group(0))
            if secret is not None:
                yield secret
        for m in own.finditer(text) if own is not None else ():
            path = unquote(m.group(1)).removesuffix("index.html").strip("/")
            secret = addresses.get(path)
            if secret is not None:
                yield secret


def _scoped(secrets: list[Secret], seen: Seen) -> list[tuple[str, Matcher[Secret]]]:
    """Secrets that count only under some output paths (the parts of a name, on
    the pages about the person or linking to them): a matcher per path."""
    by_path: dict[str, list[Secret]] = {}
    for s in secrets:
        for where in s.scope:
            by_path.setdefault(where, []).append(s)
    return [(where, needles(found, seen)) for where, found in sorted(by_path.items())]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
