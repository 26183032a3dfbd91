"""Helpers for tests that need a site on disk: write one from Python values, run
the command line in it, and read an output folder back byte by byte.

Not a conftest: tests import what they need from here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import html
import json
import os
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from ivsite.pipeline import Result, build
from ivsite.readers import readable as audit_readings

DEFAULT_CONFIG: dict[str, Any] = {
    "title": "Test site",
    "author": "Test Author",
    "base_url": "https://example.org/sub/",
    "language": "en",
}


# --------------------------------------------------------------------------- writing


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def toml_dumps(config: Mapping[str, Any]) -> str:
    """Enough TOML for site.toml: top-level scalars, then one level of tables."""
    lines = [f"{k} = {toml_value(v)}" for k, v in config.items() if not isinstance(v, Mapping)]
    for k, v in config.items():
        if isinstance(v, Mapping):
            lines += ["", f"[{k}]"]
            lines += [f"{kk} = {toml_value(vv)}" for kk, vv in v.items()]
    return "\n".join(lines) + "\n"


def note(front: Mapping[str, Any] | None, body: str = "") -> str:
    """A note's text: YAML front matter from a dict (None: no front matter), then body."""
    if front is None:
        return body
    head = yaml.safe_dump(dict(front), sort_keys=False, allow_unicode=True,
                          default_flow_style=False, width=1000)
    return f"---\n{head}---\n{body}"


Content = str | bytes | tuple[Mapping[str, Any] | None, str]


def write_site(
    root: Path,
    content: Mapping[str, Content],
    config: Mapping[str, Any] | str | None = None,
    *,
    extra: Mapping[str, str | bytes] | None = None,
) -> Path:
    """Write site.toml and content/ under ``root``.

    ``content`` maps paths under content/ to a note (``(front_matter_dict, body)``),
    raw text or raw bytes (written as given: BOMs, CRLF and UTF-16 survive).
    ``extra`` maps site-relative paths (outside content/) to text or bytes.
    """
    root.mkdir(parents=True, exist_ok=True)
    cfg = DEFAULT_CONFIG if config is None else config
    text = cfg if isinstance(cfg, str) else toml_dumps(cfg)
    (root / "site.toml").write_text(text, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    for rel, value in content.items():
        put(root / "content" / rel, value)
    for rel, value in (extra or {}).items():
        put(root / rel, value)
    return root


def put(path: Path, value: Content) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(value, tuple):
        value = note(*value)
    if isinstance(value, str):
        path.write_bytes(value.encode("utf-8"))
    else:
        path.write_bytes(value)


# --------------------------------------------------------------------------- running


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    def json(self) -> list[dict[str, Any]]:
        data = json.loads(self.stdout)
        assert isinstance(data, list)
        return data


def run_cli(site: Path, *args: str) -> CliResult:
    """Run ``ivsite ARGS`` with the site as working directory (restored after)."""
    from ivsite.commands.cli import cli

    with contextlib.chdir(site):
        result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    exc = result.exception if not isinstance(result.exception, SystemExit) else None
    return CliResult(result.exit_code, result.stdout, result.stderr, exc)


def assert_no_internal_error(result: CliResult) -> None:
    assert result.exception is None, f"uncaught exception: {result.exception!r}"
    assert "internal error" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)


# --------------------------------------------------------------------------- reading


def output_files(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` by POSIX relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def readable(rel: str, data: bytes) -> bytes:
    """A file's bytes, followed by its decompressed bytes where it is gzip/zlib data
    (Pagefind's .pf_fragment, .pf_index and .pf_meta files are gzip)."""
    out = [data]
    if data[:2] == b"\x1f\x8b":
        try:
            out.append(gzip.decompress(data))
        except (OSError, EOFError) as exc:  # a Pagefind file we cannot read is a failure
            raise AssertionError(f"{rel}: gzip data that does not decompress: {exc}") from exc
    elif rel.startswith("pagefind/") and rel.endswith((".pf_fragment", ".pf_index", ".pf_meta")):
        with contextlib.suppress(zlib.error):
            out.append(zlib.decompress(data))
    return b"\n".join(out)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextlib.contextmanager
def env(**values: str) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --------------------------------------------------------------------------- the leak site
#
# Every private place of a site holds a unique canary. ``PRIVATE_CANARIES`` must be
# in no byte of the public or mentor output; ``MENTOR_CANARIES`` in none of the
# public output and in the mentor output; ``PUBLIC_CONTROLS`` in both.


def canary(kind: str) -> str:
    return f"CANARY-{kind}-7f3a"


PRIVATE_KINDS = (
    # private notes: title, file name (wiki-link key), slug, body, summary, tag
    "privtitle", "privtitle2", "privstem", "privfile", "privslug", "privbody",
    "privsummary", "privtag", "privperson", "privinterview",
    # private passages inside a public note, at every nesting
    "passfirst", "passtop", "passtable", "passfootnote", "passfootdef", "passlist",
    "passquote", "passnested", "passheading", "passcode",
    # HTML comments in a public note
    "commentinline", "commentblock", "commentlist",
    # fields of a public interview
    "person", "email", "phone", "linkedin", "refemail", "referrer", "referral",
    "recname", "recbytes",
    # assets
    "privasset", "privassetbytes", "orphan", "orphanbytes",
)
MENTOR_KINDS = (
    "mentorpass", "mentortitle", "mentornote", "mentortag", "mentorasset",
    "mentorassetbytes",
)
PRIVATE_CANARIES = tuple(canary(k) for k in PRIVATE_KINDS)
MENTOR_CANARIES = tuple(canary(k) for k in MENTOR_KINDS)
PUBLIC_CONTROLS = (
    "PUBLIC-ok-home", "PUBLIC-ok-role", "PUBLIC-ok-body", "PUBLIC-ok-list",
    "PUBLIC-ok-quote", "PUBLIC-ok-comment", "PUBLIC-ok-label", "PUBLIC-ok-mdlabel",
    "PUBLIC-ok-mentorlabel", "PUBLIC-ok-named", "PUBLIC-ok-footnote", "PUBLIC-ok-after",
    "PUBLIC-ok-listafter", "PUBLIC-ok-quoteafter", "PUBLIC-ok-code",
    "Pat Publicname", "a data analyst at a bank", "publictag",
)
UNCONSENTED_NAME = f"Orla {canary('person')}"


def blob(label: str, size: int = 3000) -> bytes:
    """Deterministic binary-looking bytes that carry ``label`` in their middle."""
    seed = hashlib.sha256(label.encode()).digest()
    out = bytearray()
    while len(out) < size:
        seed = hashlib.sha256(seed).digest()
        out += seed
    half = size // 2
    return bytes(out[:half]) + label.encode() + bytes(out[half:size])


PUBLIC_ASSET = blob("PUBLIC-ok-assetbytes")
PRIVATE_ASSET = blob(canary("privassetbytes"))
MENTOR_ASSET = blob(canary("mentorassetbytes"))
ORPHAN_ASSET = blob(canary("orphanbytes"))
RECORDING = blob(canary("recbytes"))
WITHHELD_ASSETS = {  # from the public build
    "private asset": PRIVATE_ASSET, "mentor asset": MENTOR_ASSET,
    "orphan asset": ORPHAN_ASSET, "recording": RECORDING,
}

PUBLIC_INTERVIEW_FRONT: dict[str, Any] = {
    "title": "Talk with a data analyst",
    "date": day("2026-03-01"),
    "visibility": "public",
    "tags": ["analytics", "publictag"],
    "person": {
        "name": UNCONSENTED_NAME,
        "role": "Data Analyst",
        "company": "Bankco",
        "email": f"{canary('email').lower()}@example.org",
        "phone": f"+1 416 555 0100 {canary('phone')}",
        "linkedin": f"https://www.linkedin.com/in/{canary('linkedin').lower()}",
    },
    "alias": "a data analyst at a bank",
    "consent": {"publish_name": False, "recording": True},
    "referred_by": f"Sam {canary('referrer')}",
    "referrals": [{"name": f"Lee {canary('referral')}", "role": "Brand Manager",
                   "email": f"{canary('refemail').lower()}@example.org"}],
    "recording_file": f"../audio/{canary('recname').lower()}.m4a",
    "role": "analyst",
    "format": "coffee",
    "interest": 4,
}

PUBLIC_INTERVIEW_BODY = f"""\
::: private
{canary('passfirst')} Off the record, as the very first paragraph of the note: \
{UNCONSENTED_NAME} told me about the coming layoffs.
:::

PUBLIC-ok-body We talked about dashboards, SQL and stakeholder meetings. She shared
[a public handout](../files/public-ok.txt) and a footnote[^pub] and a reference to
a definition kept private[^hidden].

[^pub]: PUBLIC-ok-footnote A public footnote.

::: private
## {canary('passheading')} A private heading

{canary('passtop')} A top level private passage with
[a private handout](../files/{canary('privasset').lower()}.txt).

| Column | Value |
|---|---|
| {canary('passtable')} | 1 |

A private footnote here[^secret].

[^secret]: {canary('passfootnote')} inside a private footnote definition.

[^hidden]: {canary('passfootdef')} a definition referenced from public text.

```
{canary('passcode')} code inside a private passage
```
:::

PUBLIC-ok-after Text between passages.

- PUBLIC-ok-list first item
- second item <!-- {canary('commentlist')} -->

  ::: private
  {canary('passlist')} inside a list item.
  :::

- PUBLIC-ok-listafter third item

> PUBLIC-ok-quote a quoted line.
>
> ::: private
> {canary('passquote')} inside a block quote.
> :::
>
> PUBLIC-ok-quoteafter more quote.

:::: mentor
{canary('mentorpass')} A question for my mentor, with
[a mentor handout](../files/{canary('mentorasset').lower()}.txt).

::: private
{canary('passnested')} private inside a mentor passage.
:::
::::

PUBLIC-ok-comment before <!-- {canary('commentinline')} --> after.

<!--
{canary('commentblock')}
-->

```
PUBLIC-ok-code ::: private stays literal in code
:::
```

Links: [[reflections/{canary('privstem').lower()}]],
[[reflections/{canary('privstem').lower()}|PUBLIC-ok-label]],
[PUBLIC-ok-mdlabel](../reflections/{canary('privfile').lower()}.md),
[[{canary('privtitle')} Secret Plan]] and
[[reflections/mentor-review|PUBLIC-ok-mentorlabel]].
"""

PRIVATE_BODY = (
    f"{canary('privbody')} the body of the secret plan says that I will leave my job "
    f"in the spring.\n\nSee [the handout](../files/{canary('privasset').lower()}.txt).\n"
)


def leak_site_content() -> dict[str, Content]:
    return {
        "pages/index.md": ({"title": "Home", "visibility": "public"},
                           "PUBLIC-ok-home Welcome to my research.\n"),
        "roles/analyst.md": ({"title": "Data Analyst", "visibility": "public",
                              "status": "exploring"},
                             "PUBLIC-ok-role What a data analyst does.\n"),
        "interviews/public-alias.md": (PUBLIC_INTERVIEW_FRONT, PUBLIC_INTERVIEW_BODY),
        "interviews/public-named.md": (
            {"date": day("2026-02-01"), "visibility": "public", "role": "analyst",
             "person": {"name": "Pat Publicname", "role": "Analyst", "company": "Openco"},
             "consent": {"publish_name": True}, "tags": ["analytics"]},
            "PUBLIC-ok-named A conversation with someone who agreed to be named.\n",
        ),
        # A private interview by the collection's default (no visibility key).
        "interviews/private-default.md": (
            {"date": day("2026-01-15"), "tags": [canary("privtag").lower()],
             "person": {"name": f"Quinn {canary('privperson')}", "role": "Manager"}},
            f"{canary('privinterview')} a conversation nobody else may read about.\n",
        ),
        f"reflections/{canary('privstem').lower()}.md": (
            {"title": f"{canary('privtitle')} Secret Plan", "visibility": "private",
             "date": day("2026-03-02"), "tags": [canary("privtag").lower()],
             "summary": f"{canary('privsummary')} the summary of the secret plan"},
            PRIVATE_BODY,
        ),
        f"reflections/{canary('privfile').lower()}.md": (
            {"title": f"{canary('privtitle2')} Another Secret", "visibility": "private",
             "slug": canary("privslug").lower(), "date": day("2026-03-03"),
             "tags": [canary("privtag").lower()]},
            f"{canary('privbody')} another private body.\n",
        ),
        "reflections/mentor-review.md": (
            {"title": f"{canary('mentortitle')} Mentor Review", "visibility": "mentor",
             "date": day("2026-03-04"), "tags": [canary("mentortag").lower()]},
            f"{canary('mentornote')} please review my plan, mentor.\n",
        ),
        "reflections/flip-me.md": (
            {"title": "Flip Target Note", "visibility": "public", "date": day("2026-03-05"),
             "tags": ["fliptagq"]},
            "FLIP-7f3a this reflection is public until it is not.\n",
        ),
        "files/public-ok.txt": PUBLIC_ASSET,
        f"files/{canary('privasset').lower()}.txt": PRIVATE_ASSET,
        f"files/{canary('mentorasset').lower()}.txt": MENTOR_ASSET,
        f"files/{canary('orphan').lower()}.bin": ORPHAN_ASSET,
        f"audio/{canary('recname').lower()}.m4a": RECORDING,
    }


def leak_site(root: Path, **config: Any) -> Path:
    cfg = {**DEFAULT_CONFIG, **config}
    return write_site(root, leak_site_content(), cfg)


# ------------------------------------------------------------------- the red team's interview
#
# The red teams' reproducers name one person who gave no consent: Quentin
# Zabrowski. Each leak test writes a site around that interview and shows, with
# one build each, that the filter refuses the leak, that the audit alone refuses
# it, and that with the protection switched off the build publishes it.

RED_TEAM_NAME = "Quentin Zabrowski"
RED_TEAM_TALK = "interviews/2026-03-01-bank.md"
"""Where ``red_team_site`` writes the interview, under content/."""


def red_team_talk(body: str = "We talked about the job.\n",
                  **person: str) -> tuple[dict[str, Any], str]:
    """The interview as a public note with an alias and no consent (the default);
    ``person`` adds fields (role, email, phone) to the person's."""
    return ({"visibility": "public", "date": day("2026-03-01"),
             "person": {"name": RED_TEAM_NAME, "company": "Northfield Bank", **person},
             "alias": "an analyst at a bank", "status": "done"}, body)


def withheld_contact_site(root: Path, line: str, **person: str) -> Path:
    """A private interview with Quentin Zabrowski of Zenthor (no consent) whose
    person has ``person``'s fields (an e-mail, a phone), and a public page,
    ``content/pages/contacts.md``, holding ``line``."""
    talk = ({"visibility": "private", "date": "2026-03-01", "status": "done",
             "person": {"name": RED_TEAM_NAME, "company": "Zenthor", **person},
             "alias": "a data lead at a software firm", "consent": {"publish_name": False}},
            "Talked about dashboards.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/2026-03-01-zenthor.md": talk,
                             "pages/contacts.md": ({"title": "Contacts"}, line)})


def red_team_site(root: Path, content: Mapping[str, Content],
                  talk: tuple[dict[str, Any], str] | None = None) -> Path:
    """A home page, the interview (``talk``, else ``red_team_talk()``) and ``content``."""
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             RED_TEAM_TALK: talk or red_team_talk(), **content})


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics]


def assert_filter_refuses(site: Path, out: Path, path: str,
                          code: str = "name-without-consent", line: int | None = None) -> None:
    """The build of ``site`` fails on a ``code`` diagnostic in ``path`` (at ``line``
    where given) and writes nothing."""
    result = build(site, out=out)
    assert result.status == 1, _said(result)
    assert any(d.path == path and d.code == code and (line is None or d.line == line)
               for d in result.diagnostics), _said(result)
    assert not out.exists(), out


def assert_audit_refuses(site: Path, out: Path, source: str) -> None:
    """The build of ``site`` (with the filter switched off: the ``no_filter``
    fixture) is refused by the audit, on a secret from ``source``, and writes nothing."""
    result = build(site, out=out)
    assert result.status == 1, _said(result)
    assert any(h.secret.source == source for h in result.hits), [h.text() for h in result.hits]
    assert not out.exists(), out


def assert_filter_refuses_all(site: Path, out: Path, paths: set[str],
                              code: str = "name-without-consent") -> None:
    """The build of ``site`` fails with a ``code`` diagnostic in each of ``paths``
    (one build for many cases) and writes nothing."""
    result = build(site, out=out)
    assert result.status == 1, _said(result)
    refused = {d.path for d in result.diagnostics if d.code == code}
    assert refused >= paths, sorted(paths - refused)
    assert not out.exists(), out


def audit_refusals(site: Path, out: Path) -> set[tuple[str, str]]:
    """The (output path, secret's source) of each audit hit of the build of
    ``site`` (with the filter switched off: the ``no_filter`` fixture), which must be
    refused and write nothing."""
    result = build(site, out=out)
    assert result.status == 1, _said(result)
    assert not out.exists(), out
    return {(h.output, h.secret.source) for h in result.hits}


def assembled_pdf(objs: list[bytes], trailer: bytes = b"", version: bytes = b"1.4") -> bytes:
    """A PDF file of these objects (numbered from 1, the first the catalogue), with
    its cross-reference table; ``trailer``: more of the trailer's dictionary."""
    out = b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, trailer, xref)


def other_readings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's readings of a page as shown on screen, of what it does not draw
    (red team 12, R12-10: ``hidden-in-file``), of a file as its reader shows it
    (captions, TeX: red team 18, R18-B02) and of Pagefind's index switched off:
    they find some leaks on their own, and a test that switches one protection off
    is to show that protection's leak."""
    from ivsite.readers import hiddentext, readable

    monkeypatch.setattr(audit_readings, "on_screen", lambda page, hidden=frozenset(): "")
    monkeypatch.setattr(readable, "as_shown", lambda suffix, text: [])  # R18-B02
    monkeypatch.setattr(hiddentext, "hidden_phrases", lambda page: iter(()))
    monkeypatch.setattr(audit_readings, "cbor_strings", lambda data: None)


def audit_tool_comments_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's reading of other tools' comments (red team 11, R11-04) switched
    off: only HTML and ``%%`` comments are secrets to it."""
    from ivsite.audit import comments, secrets

    old = comments._SAID_IN_COMMENTS[:2]
    pattern = re.compile("|".join(p.pattern for _, p, _, _ in old), re.S)
    monkeypatch.setattr(comments, "_SAID_IN_COMMENTS", old)
    for module in (comments, secrets):
        monkeypatch.setattr(module, "SAID_IN_COMMENT", pattern)


def misspellings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The forms that find a name misspelt switched off: with a typo, in a case
    form, written backwards (ivsite.names.typoforms, ivsite.names.inflections,
    red team 11), and host names in IDNA read as an address bar shows them
    (ivsite.text.escapes). A reading that garbles one letter, reverses the words or
    spells a host another way leaves what these find: a test that switches such a
    reading off to show its own leak switches these off too."""
    from ivsite.names import nameforms
    from ivsite.text import escapes

    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    monkeypatch.setattr(nameforms, "name_pairs", lambda given, family: ())
    monkeypatch.setattr(nameforms, "backwards", lambda seqs: set())
    monkeypatch.setattr(escapes, "_unpunycoded", lambda m: m.group(0))


def assert_published(site: Path, out: Path, text: str) -> None:
    """The build of ``site`` succeeds and ``text`` is in its output."""
    result = build(site, out=out)
    assert result.status == 0, _said(result)
    assert OutputCorpus(out).find(text) != [], text


# --------------------------------------------------------------------------- scanning


_NOT_ALNUM = bytes(b for b in range(256) if not (48 <= b <= 57 or 97 <= b <= 122))


def _squash(text: bytes) -> bytes:
    """Letters a-z and digits only (``re.sub(rb"[^a-z0-9]", b"", text)``, at C speed:
    the output's scripts made it a third of the leak tests' time)."""
    return text.translate(None, _NOT_ALNUM)


class OutputCorpus:
    """Every byte of an output folder, ready to be searched for canaries.

    Each file is searched as raw bytes, gzip-decompressed (Pagefind's index files),
    HTML-unescaped, case-insensitively, and "squashed" (letters and digits only, so
    ``CANARY title 7f3a`` or ``canary_title_7f3a`` are found too). File paths are
    searched as well.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files = output_files(folder)
        self.text: dict[str, bytes] = {}
        self.squashed: dict[str, bytes] = {}
        for rel, data in self.files.items():
            raw = readable(rel, data)
            decoded = raw.decode("utf-8", errors="replace")
            unescaped = html.unescape(decoded)
            text = (rel + "\n" + decoded + "\n" + unescaped).lower().encode("utf-8")
            self.text[rel] = text
            self.squashed[rel] = _squash(text)
        self.hashes = {sha256(data): rel for rel, data in self.files.items()}

    def find(self, needle: str) -> list[str]:
        """Output files that hold ``needle`` in any of the forms above."""
        low = needle.lower().encode("utf-8")
        squashed = _squash(low)
        return [
            rel for rel in self.files
            if low in self.text[rel] or (len(squashed) >= 10 and squashed in self.squashed[rel])
        ]

    def find_word(self, word: str, prefix: str = "pagefind/") -> list[str]:
        low = word.lower().encode("utf-8")
        return [rel for rel in self.files if rel.startswith(prefix) and low in self.text[rel]]

    def html(self, rel: str) -> str:
        return self.files[rel].decode("utf-8")

    def page_with(self, needle: str) -> str:
        """The one HTML page (not a list) whose text holds ``needle``."""
        hits = [r for r in self.find(needle) if r.endswith(".html")]
        assert hits, f"{needle!r} is on no page"
        return min(hits, key=lambda r: (r.count("/"), r))


# --------------------------------------------------------------------------- Pagefind's files
#
# Pagefind (1.5.2) writes the values of each filter in hash-map order, so two runs
# over the very same HTML give filter files with the same entries in another
# order, hence other content hashes, file names, ``.pf_meta`` and
# ``pagefind-entry.json``. To compare two builds, these files are decoded (gzip,
# then the "pagefind_dcd" prefix, then CBOR) and put in a canonical order.

PAGEFIND_MAGIC = b"pagefind_dcd"


def cbor_loads(data: bytes) -> Any:
    value, end = _cbor(data, 0)
    if end != len(data):
        raise ValueError(f"trailing bytes after CBOR value at {end}")
    return value


def _cbor(data: bytes, i: int) -> tuple[Any, int]:
    head = data[i]
    major, info = head >> 5, head & 0x1F
    i += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        n = 1 << (info - 24)
        if major == 7 and info in (25, 26, 27):
            import struct

            fmt = {2: ">e", 4: ">f", 8: ">d"}[n]
            return struct.unpack(fmt, data[i:i + n])[0], i + n
        arg = int.from_bytes(data[i:i + n], "big")
        i += n
    else:
        raise ValueError(f"unsupported CBOR additional info {info}")
    if major == 0:
        return arg, i
    if major == 1:
        return -1 - arg, i
    if major == 2:
        return bytes(data[i:i + arg]), i + arg
    if major == 3:
        return data[i:i + arg].decode("utf-8"), i + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, i = _cbor(data, i)
            items.append(item)
        return items, i
    if major == 5:
        pairs = []
        for _ in range(arg):
            k, i = _cbor(data, i)
            v, i = _cbor(data, i)
            pairs.append((k, v))
        return dict(pairs), i
    if major == 7:
        return {20: False, 21: True, 22: None}.get(arg), i
    raise ValueError(f"unsupported CBOR major type {major}")


def pagefind_value(data: bytes) -> Any:
    raw = gzip.decompress(data)
    assert raw.startswith(PAGEFIND_MAGIC), raw[:20]
    return cbor_loads(raw[len(PAGEFIND_MAGIC):])


def _canonical(value: Any) -> Any:
    if isinstance(value, list):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, dict):
        return sorted(((repr(k), _canonical(v)) for k, v in value.items()), key=repr)
    return value


def normalise_pagefind(files: dict[str, bytes]) -> dict[str, Any]:
    """A build's files with Pagefind's order-dependent files replaced by their
    decoded, canonically ordered content (keys without the content hashes)."""
    out: dict[str, Any] = {}
    filters: dict[str, Any] = {}
    for rel, data in files.items():
        if rel.startswith("pagefind/filter/") and rel.endswith(".pf_filter"):
            filters[rel.rsplit("/", 1)[1].removesuffix(".pf_filter")] = _canonical(
                pagefind_value(data))
    for rel, data in files.items():
        if rel.startswith("pagefind/filter/"):
            name = rel.rsplit("/", 1)[1].removesuffix(".pf_filter")
            out[f"pagefind/filter/<{filters[name][0]!r}>"] = filters[name]
        elif rel.startswith("pagefind/") and rel.endswith(".pf_meta"):
            meta = pagefind_value(data)

            def swap(v: Any) -> Any:
                if isinstance(v, list):
                    return [swap(x) for x in v]
                if isinstance(v, str) and v in filters:
                    return filters[v]
                return v

            out["pagefind/<meta>"] = _canonical(swap(meta))
        elif rel == "pagefind/pagefind-entry.json":
            entry = json.loads(data)
            for lang in entry.get("languages", {}).values():
                lang.pop("hash", None)
            out[rel] = entry
        else:
            out[rel] = data
    return out


def body_errors(body: str, visibility: str = "public") -> list[tuple[str, int]]:
    """The body-privacy errors of a note's body, as (code, 1-based body line)."""
    from ivsite.core.diagnostics import Diagnostics
    from ivsite.markdown import passages
    from ivsite.parse.stage import parse_cut
    from ivsite.validate import bodyprivacy

    cut = passages.cut(body)
    tokens, _, _ = parse_cut(cut, passages.KINDS)
    diags = Diagnostics()
    bodyprivacy.body_privacy("n.md", 1, tokens, cut, visibility, diags, {})
    return [(d.code, d.line) for d in diags.errors]
