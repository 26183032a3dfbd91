"""Any incremental engine must build what a cold build builds.

A hypothesis state machine makes random edits to a small site (bodies, answers,
passages, titles, tags, summaries, dates, statuses, visibility, consent, roles,
links, renames, deletions, new notes, the question bank, an answer's heading,
files, site.toml, theme files, and edits that make the site invalid and valid
again), more than 30 of them in a run, and after each one compares, file by file
and diagnostic by diagnostic, two incremental sides with their cold references:
``ivsite build`` run again on the same folder (a new process each time, with the
cache the last build left) against a build of a fresh copy, and one long-lived
preview per audience (told which files changed, as its watcher would) against a
fresh preview of a fresh copy. Only the adapters at the top know the engine.

Deliberate bugs tried against the engine of issue 10 (one content-addressed
store, keys made of all a piece of work reads), each on a copy of the code:

- a page key without the page's context: caught in 16 steps;
- the last-build record ignoring the theme: caught in 16 steps (build side);
- a view key without the site's shape: not caught in 16 steps, caught by a run
  of 40 steps and 3 examples at step 56, a link to a note made private still
  shown on a kept page (``IVSITE_EXAMPLES=3``; the default is one example of
  36 steps, up to 10 saves of bodies in a row, to keep CI within its budget);
- a view note's digest without its card: not caught in 16 steps.

The bugs the test was first written against (the old engine's body-only
patching, its order check and its periodic full pass) no longer exist.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, Phase, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)
from sites import normalise_pagefind, output_files

from ivsite.core.diagnostics import Diagnostic
from ivsite.emit.theme import builtin_theme_dir
from ivsite.mentor import share
from ivsite.pipeline import build
from ivsite.preview import Preview, ReloadHub

T = TypeVar("T")

# =========================================================================== the two sides
#
# When the engine is rewritten, only this part should need to change: each side
# takes the site folder (and, for the incremental ones, the paths that changed since
# the last step) and returns, for each view it builds, an Outcome.

BUILD_AUDIENCES = ("public", "mentor")
"""``ivsite build`` (with [share] enabled, the mentor copy under share/<token>/ too)
and ``ivsite build --audience mentor``."""
PREVIEW_AUDIENCES = ("private", "public", "mentor")
"""``ivsite serve --audience ...``; private is serve's default."""


@dataclass
class Outcome:
    """What one side made of the site in one view."""

    status: int
    """0: built. Otherwise the build's exit status (a failed preview rebuild: 1)."""
    diagnostics: list[tuple[object, ...]]
    """Every diagnostic as (path, line, col, severity, code, message, hint), sorted."""
    files: dict[str, Any]
    """The output folder: every file's bytes by relative path, with Pagefind's
    order-dependent files decoded into a canonical order (see tree)."""
    share_url: str = ""


def diagnostics(items: list[Diagnostic]) -> list[tuple[object, ...]]:
    return sorted(dataclasses.astuple(d) for d in items)


def tree(folder: Path) -> dict[str, Any]:
    """An output folder, file by file. Pagefind writes its filter values in hash-map
    order, so two runs over the very same pages differ in a few files' bytes and
    names (see sites.normalise_pagefind): those are compared decoded and sorted, in
    each layer (the root and share/<token>/) on its own. Every other byte counts."""
    layers: dict[str, dict[str, bytes]] = {}
    for rel, data in (output_files(folder) if folder.is_dir() else {}).items():
        m = re.match(r"(share/[^/]+/)(.+)$", rel)
        prefix, inner = (m.group(1), m.group(2)) if m else ("", rel)
        layers.setdefault(prefix, {})[inner] = data
    out: dict[str, Any] = {}
    for prefix, files in sorted(layers.items()):
        for rel, value in normalise_pagefind(files).items():
            out[prefix + rel] = value
    return out


def copy_site(root: Path, work: Path) -> Path:
    """The site's sources (site.toml, content/, themes/) copied into a new folder under
    ``work``, without .ivsite/ except the share token and salt (so the mentor copy
    lands under the same share/<token>/). A new path and new file times each time:
    nothing kept in this process under a path can answer for the copy."""
    dest = Path(tempfile.mkdtemp(prefix="cold-", dir=work)) / "site"
    dest.mkdir()
    shutil.copy(root / "site.toml", dest / "site.toml")
    for folder in ("content", "themes"):
        if (root / folder).is_dir():
            shutil.copytree(root / folder, dest / folder, copy_function=shutil.copy)
    token = root / share.STATE_DIR / share.SHARE_FILE
    if token.is_file():
        (dest / share.STATE_DIR).mkdir()
        shutil.copy(token, dest / share.STATE_DIR / share.SHARE_FILE)
    return dest


def _build(root: Path, audience: str, out: Path) -> Outcome:
    result = build(root, audience=audience, out=out)  # type: ignore[arg-type]
    return Outcome(result.status, diagnostics(result.diagnostics.items), tree(out),
                   result.share_url)


class BuildAgain:
    """Incremental side (a): ``ivsite build`` run again and again on the same site
    folder, into the same output folders, with a new Pipeline each time (as a new
    process has). Whatever a build keeps between runs (today the parse cache in
    .ivsite/cache/) is kept."""

    def __init__(self, root: Path, work: Path) -> None:
        self.root = root
        self.outs = {a: work / f"build-{a}" for a in BUILD_AUDIENCES}

    def run(self, changed: set[str] | None) -> dict[str, Outcome]:
        return {f"build {a}": _build(self.root, a, out) for a, out in self.outs.items()}

    def close(self) -> None:
        pass


class ColdBuild:
    """Reference for (a): ``ivsite build`` of a fresh copy of the site (no cache)."""

    def run(self, root: Path, work: Path) -> dict[str, Outcome]:
        site = copy_site(root, work)
        try:
            return {f"build {a}": _build(site, a, site.parent / f"out-{a}")
                    for a in BUILD_AUDIENCES}
        finally:
            shutil.rmtree(site.parent, ignore_errors=True)


def _rebuild(preview: Preview, changed: set[str] | None) -> Outcome:
    made = preview.rebuild(changed)
    return Outcome(0 if made.ok else 1, diagnostics(made.errors + made.warnings),
                   tree(preview.folder))


class PreviewAgain:
    """Incremental side (b): the live preview, one long-lived ``serve.Preview`` per
    audience for the whole run, told after each step which site-relative paths
    changed (as its file watcher tells it). Its folder is what it serves (the reload
    script is put in at request time, not in the folder)."""

    def __init__(self, root: Path, work: Path) -> None:
        self.previews = {a: Preview(root, a, ReloadHub())  # type: ignore[arg-type]
                         for a in PREVIEW_AUDIENCES}

    def run(self, changed: set[str] | None) -> dict[str, Outcome]:
        return {f"preview {a}": _rebuild(p, changed) for a, p in self.previews.items()}

    def kept(self) -> int:
        """How much work the previews keep from one save to the next (the entries
        of their stores). It must follow the size of the site, not the number of
        saves."""
        return sum(len(p.pipe.store) for p in self.previews.values())

    def close(self) -> None:
        for p in self.previews.values():
            p.close()


class ColdPreview:
    """Reference for (b): a fresh ``serve.Preview`` of a fresh copy of the site, built
    once (the preview's own output, banner included, so not ``build``'s)."""

    def run(self, root: Path, work: Path) -> dict[str, Outcome]:
        site = copy_site(root, work)
        try:
            out = {}
            for a in PREVIEW_AUDIENCES:
                preview = Preview(site, a, ReloadHub())  # type: ignore[arg-type]
                try:
                    out[f"preview {a}"] = _rebuild(preview, None)
                finally:
                    preview.close()
            return out
        finally:
            shutil.rmtree(site.parent, ignore_errors=True)


SIDES: dict[str, tuple[Callable[[Path, Path], BuildAgain | PreviewAgain],
                       Callable[[], ColdBuild | ColdPreview]]] = {
    "build": (BuildAgain, ColdBuild),
    "preview": (PreviewAgain, ColdPreview),
}


# =========================================================================== the site model
#
# The site lives as Python values; after each edit it is written out again and only
# the files whose bytes changed are touched (a rename is one file gone, one new).

PEOPLE = (  # (name, role, company, alias): no word of these is used anywhere else
    ("Zelda Quorn", "Lab Analyst", "Lumenfold", "an analyst at a lab"),
    ("Yusuf Marwick", "Studio Designer", "Harbourix", "a designer at a studio"),
    ("Ines Dovetail", "Charity Researcher", "Quaysmith", "a researcher at a charity"),
    ("Otto Brackwater", "Council Planner", "Fernhollow", "a planner at a council"),
)
WORDS = ("dashboards", "synthesis", "budgets", "mentoring", "workshops", "spreadsheets",
         "deadlines", "prototypes", "surveys", "roadmaps", "hiring", "onboarding")
TAGS = ("kestrel", "lantern", "meadow", "quartz", "saffron", "tundra", "Meadow")
"""("Meadow" and "meadow" are one tag, written two ways.)"""
TITLE_WORDS = (("Amber", "Birch", "Cobalt", "Dune", "Ember", "Fjord", "Garnet", "Heron"),
               ("notes", "plan", "review", "thoughts"))
DATES = ("2026-01-05", "2026-01-10", "2026-01-20", "2026-02-01", "2026-02-14",
         "2026-03-01", "2026-03-15", "2026-04-01")
VISIBILITIES = ("public", "mentor", "private", None)  # None: the collection's default
QUESTIONS = (  # (text, alias)
    ("How did you get into this field?", "What was your path to this job?"),
    ("What does a typical day look like for you?", "What is a normal day like?"),
    ("What is the most satisfying part of your work?", "What do you enjoy most?"),
    ("What skills matter most for someone starting out?", "What should I learn first?"),
    ("How is the field changing?", "Where is the field heading?"),
    ("What advice would you give me?", "What would you tell your younger self?"),
)
LINK_FORMS = ("path", "title", "label", "md")
BREAKAGES = ("visibility", "dead-link", "unclosed", "name", "toml", "template")
"""Edits that make the site invalid until they are taken back."""
COLLECTIONS = ("interviews", "reflections", "roles", "pages")
CONFIG_CHOICES: dict[str, tuple[Any, ...]] = {
    "title": ("Incremental site", "Career notes", "Research log"),
    "author": ("Tess Author", "T. Author"),
    "base_url": ("https://example.org/sub/", "https://example.org/", "/"),
    "theme": ("mine", "default"),
    "interviews": ("private", "mentor", "public"),
    "reflections": ("private", "mentor", "public"),
    "share": (True, False),
    "feedback": ("tess@example.org", "mentor-notes@example.org"),
}
THEME_EDITS = ("static/style.css", "templates/base.html", "templates/interview.html")
EDIT_WEIGHTS = {
    "body_text": 3, "answer_text": 2, "passage_text": 2, "many_body_edits": 1,
    "title": 1, "tags": 1, "summary": 1, "date": 3, "visibility": 2, "consent": 1,
    "interview_role": 1, "interest": 1, "status": 1,
    "add_passage": 1, "remove_passage": 1, "add_link": 1, "remove_link": 1,
    "rename": 1, "delete": 1, "add_note": 1, "question_bank": 1, "answer_heading": 1,
    "asset": 1, "site_toml": 2, "theme_file": 1, "make_invalid": 1, "make_valid": 12,
}
"""How often each kind of edit is drawn (among those that can be made)."""
EDIT_ORDER = [kind for kind, weight in EDIT_WEIGHTS.items() for _ in range(weight)]
random.Random(5).shuffle(EDIT_ORDER)
LONG_RUN = 45
"""Saves of bodies alone in test_what_the_preview_keeps_...: enough for what the
preview keeps to level off, or to be seen growing with every save."""
VERBOSE = bool(os.environ.get("IVSITE_VERBOSE"))
"""Print each step, its time and each view's (status, diagnostics) to stderr."""


@dataclass
class Passage:
    kind: str  # private | mentor
    serial: int
    nested: bool = False  # a private passage inside a mentor one
    asset: str | None = None
    question: int | None = None  # a question (index in QUESTIONS) answered inside it


@dataclass
class Answer:
    question: int  # index in QUESTIONS
    alias: bool  # the heading asks it in its alias's words
    serial: int


@dataclass
class NoteModel:
    collection: str
    stem: str
    title: str | None
    visibility: str | None
    date: str | None = None
    tags: list[str] = field(default_factory=list)
    summary: int | None = None
    """A serial: the summary in the front matter; None: ivsite takes an excerpt of the
    body as the summary, so a body edit changes the note's card too."""
    paragraphs: list[int] = field(default_factory=list)  # serials
    passages: list[Passage] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (note id, form)
    assets: list[str] = field(default_factory=list)
    # interviews
    person: int = 0
    consent: bool = False
    role: int | None = None  # note id of a role
    answers: list[Answer] = field(default_factory=list)
    recording: bool = False
    interest: int | None = None
    """How much the conversation drew the author to the path (the role page's chart)."""
    status: str | None = None  # interviews and roles; None: done, exploring
    # reflections
    roles: list[int] = field(default_factory=list)
    breakage: str | None = None


def sentence(serial: int) -> str:
    words = [WORDS[(serial * k + k) % len(WORDS)] for k in (1, 5, 7)]
    return f"Point {serial}: we talked about {words[0]}, {words[1]} and {words[2]}."


def paragraph(serial: int) -> str:
    """A paragraph of a body: one in three has a footnote, one in four is a list."""
    text = sentence(serial)
    if serial % 3 == 0:
        text = f"{text[:-1]}[^n{serial}].\n\n[^n{serial}]: Footnote {serial}."
    if serial % 4 == 0:
        text = f"- {text}\n- and {WORDS[serial % len(WORDS)]} too"
    return text


@dataclass
class SiteModel:
    notes: dict[int, NoteModel]
    bank: list[tuple[int, bool, bool]]  # (question, alias listed, text and alias swapped)
    assets: dict[str, int]  # file name under content/files/ -> version
    config: dict[str, Any]
    theme_edits: dict[str, int]  # theme file -> version of the edit
    serial: int = 100
    breakage: str | None = None  # site-wide: toml | template

    def next(self) -> int:
        self.serial += 1
        return self.serial

    # ---- writing out -------------------------------------------------------------

    def path(self, nid: int) -> str:
        n = self.notes[nid]
        return f"content/{n.collection}/{n.stem}.md"

    def files(self, theme: dict[str, bytes]) -> dict[str, bytes]:
        out = {"site.toml": self.site_toml().encode()}
        for nid in self.notes:
            out[self.path(nid)] = self.note_text(nid).encode()
        out["content/questions.yaml"] = self.questions_yaml().encode()
        for name, version in self.assets.items():
            out[f"content/files/{name}"] = asset_bytes(name, version)
        out["content/audio/talk.m4a"] = b"\x00\x00\x00 ftypM4A recording bytes " * 40
        for rel, data in theme.items():
            text = data.decode()
            version = self.theme_edits.get(rel, 0)
            if rel.endswith("style.css") and version:
                text = text.replace("--accent: #0d6b5b;", f"--accent: #0d6b{version % 100:02d};")
            elif rel.endswith("base.html") and version:
                text = text.replace("Skip to content", f"Skip to content (edit {version})")
            elif rel.endswith("interview.html") and version:
                text = text.replace("{% block content %}",
                                    f"{{% block content %}}\n<p class=\"edit\">v{version}</p>", 1)
            if rel.endswith("base.html") and self.breakage == "template":
                text = text.replace("{% if banner %}", "{% if banner %", 1)
            out[f"themes/mine/{rel}"] = text.encode()
        return out

    def site_toml(self) -> str:
        c = self.config
        lines = [f'title = "{c["title"]}"', f'author = "{c["author"]}"',
                 f'base_url = "{c["base_url"]}"', 'language = "en"', f'theme = "{c["theme"]}"']
        if self.breakage == "toml":
            lines.append("output_dir = 5")  # a wrong type: a configuration error
        lines += ["", "[visibility]", f'interviews = "{c["interviews"]}"',
                  f'reflections = "{c["reflections"]}"', "", "[share]",
                  f'enabled = {"true" if c["share"] else "false"}',
                  f'feedback_email = "{c["feedback"]}"']
        return "\n".join(lines) + "\n"

    def questions_yaml(self) -> str:
        if not self.bank:
            return "[]\n"
        lines = ["# The questions I ask again and again."]
        for q, alias, swapped in self.bank:
            text, other = QUESTIONS[q]
            if swapped:
                text, other = other, text
            lines += [f"- id: q{q}", f"  text: {text}"]
            if alias:
                lines.append(f'  aliases: ["{other}"]')
        return "\n".join(lines) + "\n"

    def link(self, nid: int, target: int, form: str) -> str:
        here, there = self.notes[nid], self.notes[target]
        where = f"{there.collection}/{there.stem}"
        if form == "title" and there.title:
            return f"[[{there.title}]]"
        if form == "label":
            return f"[[{where}|the {there.collection} note]]"
        if form == "md":
            rel = f"{there.stem}.md" if here.collection == there.collection else f"../{where}.md"
            return f"[this note]({rel})"
        return f"[[{where}]]"

    def note_text(self, nid: int) -> str:
        n = self.notes[nid]
        front = []
        if n.title is not None:
            front.append(f"title: {n.title}")
        if n.date is not None:
            front.append(f"date: {n.date}")
        if n.breakage == "visibility":
            front.append("visibility: Public")
        elif n.visibility is not None:
            front.append(f"visibility: {n.visibility}")
        if n.tags:
            front.append(f"tags: [{', '.join(n.tags)}]")
        if n.summary is not None:
            front.append(f"summary: {sentence(n.summary).replace(':', ',')}")
        if n.collection == "interviews":
            name, role, company, alias = PEOPLE[n.person]
            front += ["person:", f"  name: {name}", f"  role: {role}", f"  company: {company}",
                      f"alias: {alias}", "consent:",
                      f"  publish_name: {'true' if n.consent else 'false'}",
                      f"status: {n.status or 'done'}", "format: video"]
            if n.role is not None and n.role in self.notes:
                front.append(f"role: {self.notes[n.role].stem}")
            if n.recording:
                front.append(f"recording_file: {RECORDING}")
            if n.interest is not None:
                front.append(f"interest: {n.interest}")
        if n.collection == "reflections" and n.roles:
            front.append(f"roles: [{', '.join(self.notes[r].stem for r in n.roles)}]")
        if n.collection == "roles":
            front.append(f"status: {n.status or 'exploring'}")
        body = [paragraph(s) for s in n.paragraphs]
        for p in n.passages:
            inner = f"Aside {p.serial}: {sentence(p.serial + 7).lower()}"
            if p.question is not None:
                inner = f"## {QUESTIONS[p.question][0]}\n\n{inner}"
            if p.asset is not None:
                inner += f" See {asset_link(p.asset)}."
            if p.nested:
                body.append(f":::: mentor\n{inner}\n\n::: private\nInner {p.serial}.\n:::\n::::")
            else:
                body.append(f"::: {p.kind}\n{inner}\n:::")
        for target, form in n.links:
            if target in self.notes:
                body.append(f"See {self.link(nid, target, form)}.")
        for name in n.assets:
            body.append(f"The file: {asset_link(name)}.")
        for a in n.answers:
            text, alias = QUESTIONS[a.question]
            body.append(f"## {alias if a.alias else text}\n\n{sentence(a.serial)}")
        if n.breakage == "dead-link":
            body.append("See [[Nowhere at all]].")
        elif n.breakage == "unclosed":
            body.append("::: private\nNever closed.")
        elif n.breakage == "name":
            body.append(f"I met {PEOPLE[0][0]} and {PEOPLE[1][0]} there.")
        return "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(body) + "\n"


def asset_bytes(name: str, version: int) -> bytes:
    if name.endswith(".svg"):
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{10 + version}" '
                f'height="10"><rect width="5" height="5"/></svg>\n').encode()
    return f"A handout, version {version}.\n".encode()


RECORDING = "../audio/talk.m4a"
"""The recording of one interview: never published, but a private passage may link it."""


def asset_link(name: str) -> str:
    if name == RECORDING:
        return f"[the recording]({RECORDING})"
    if name.endswith(".svg"):
        return f"![a chart](../files/{name})"
    return f"[the handout](../files/{name})"


def initial_site() -> SiteModel:
    notes = {
        1: NoteModel("pages", "index", "Home", None, paragraphs=[1]),
        2: NoteModel("pages", "about", "About me", "public", summary=30, paragraphs=[2]),
        3: NoteModel("roles", "analyst", "Data Analyst", None, tags=["kestrel"], summary=31,
                     paragraphs=[3]),
        4: NoteModel("roles", "designer", "Service Designer", "public", summary=32,
                     paragraphs=[4]),
        5: NoteModel("interviews", "2026-01-10-lumen", None, "public", "2026-01-10",
                     tags=["kestrel", "meadow"], summary=33, paragraphs=[5, 6], person=0,
                     consent=True, role=3, recording=True,
                     passages=[Passage("private", 7), Passage("mentor", 8, asset="notes.txt"),
                               Passage("mentor", 42, question=3)],
                     answers=[Answer(0, False, 9), Answer(1, True, 10)], links=[(3, "path")]),
        6: NoteModel("interviews", "2026-02-20-harbour", None, "mentor", "2026-02-20",
                     tags=["lantern"], summary=34, paragraphs=[11], person=1, consent=False,
                     role=4, answers=[Answer(1, False, 12), Answer(4, False, 13)],
                     links=[(5, "md"), (3, "title")], passages=[Passage("mentor", 39)]),
        7: NoteModel("interviews", "2026-03-01-quay", None, "private", "2026-03-01",
                     summary=35, paragraphs=[14], person=2, consent=False,
                     answers=[Answer(0, False, 15)], passages=[Passage("mentor", 16)],
                     links=[(3, "label")]),
        8: NoteModel("interviews", "2026-02-01-orbit", None, "public", "2026-02-01",
                     tags=["meadow"], summary=36, paragraphs=[17], person=3, consent=False,
                     role=3, answers=[Answer(2, False, 18), Answer(1, False, 19)],
                     passages=[Passage("mentor", 20, nested=True)], links=[(3, "md")]),
        9: NoteModel("reflections", "2026-01-15-first", "Amber notes", "public", "2026-01-15",
                     tags=["quartz"], paragraphs=[21], roles=[3], assets=["chart.svg"],
                     links=[(10, "title"), (5, "label"), (4, "path")],
                     passages=[Passage("mentor", 40)]),
        10: NoteModel("reflections", "2026-02-05-plan", "Birch plan", "mentor", "2026-02-05",
                      tags=["saffron"], summary=37, paragraphs=[22],
                      passages=[Passage("private", 23), Passage("mentor", 41)],
                      links=[(11, "path"), (4, "md")]),
        11: NoteModel("reflections", "2026-03-10-money", "Cobalt thoughts", "private",
                      "2026-03-10", tags=["tundra"], summary=38, paragraphs=[24],
                      assets=["notes.txt"], links=[(4, "label")]),
    }
    return SiteModel(
        notes=notes, bank=[(0, True, False), (1, True, False), (2, False, False)],
        assets={"notes.txt": 1, "chart.svg": 1, "unused.txt": 1},
        config={"title": "Incremental site", "author": "Tess Author",
                "base_url": "https://example.org/sub/", "theme": "mine",
                "interviews": "private", "reflections": "private", "share": True,
                "feedback": "tess@example.org"},
        theme_edits={},
    )


def theme_files() -> dict[str, bytes]:
    """The built-in theme, to be copied into themes/mine/."""
    top = builtin_theme_dir()
    return {p.relative_to(top).as_posix(): p.read_bytes()
            for p in sorted(top.rglob("*")) if p.is_file()}


# =========================================================================== comparing


def _show(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return repr(value)


def tree_diff(got: dict[str, Any], want: dict[str, Any], theirs: str = "cold") -> str:
    """The differences between two output trees, with the first differing file's diff
    ("" when there are none)."""
    lines = [f"only in the incremental output: {r}" for r in sorted(got.keys() - want.keys())]
    lines += [f"only in the {theirs} output: {r}" for r in sorted(want.keys() - got.keys())]
    differ = sorted(r for r in got.keys() & want.keys() if got[r] != want[r])
    lines += [f"differs: {r}" for r in differ]
    if differ:
        first = differ[0]
        lines += list(difflib.unified_diff(
            _show(want[first]).splitlines(), _show(got[first]).splitlines(),
            f"{theirs}/{first}", f"incremental/{first}", n=2, lineterm=""))[:80]
    return "\n".join(lines[:150])


# =========================================================================== the machine


class Choices:
    """Draws for one step, each list turned by the step's number: Hypothesis's first
    example draws the first of everything, which would be one edit of one note over
    and over; turned, it goes round every kind of edit and every note."""

    def __init__(self, data: st.DataObject, turn: int) -> None:
        self.data = data
        self.turn = turn

    def one(self, options: Sequence[T], label: str) -> T:
        k = self.data.draw(st.integers(0, len(options) - 1), label=label)
        self.turn += 1
        return options[(k + self.turn) % len(options)]

    def index(self, n: int, label: str) -> int:
        return self.one(range(n), label)

    def flag(self, label: str) -> bool:
        return self.one((False, True), label)

    def between(self, low: int, high: int, label: str) -> int:
        return self.one(range(low, high + 1), label)

    def some(self, options: Sequence[T], most: int, label: str) -> list[T]:
        count = self.index(most + 1, f"how many {label}")
        chosen: list[T] = []
        for _ in range(count):
            left = [o for o in options if o not in chosen]
            chosen.append(self.one(left, label))
        return chosen



class IncrementalSite(RuleBasedStateMachine):
    """Random edits to a small site; after each, every incremental side's output and
    diagnostics must be the cold side's, byte for byte."""

    sides: tuple[str, ...] = ("build", "preview")
    burst = 30
    """The most body edits in a row of one many_body_edits step."""

    def __init__(self) -> None:
        super().__init__()
        self.work = Path(tempfile.mkdtemp(prefix="ivsite-incremental-"))
        self.root = self.work / "site"
        self.root.mkdir()
        self.model = initial_site()
        self.theme = theme_files()
        self.on_disk: dict[str, bytes] = {}
        self.incremental: list[BuildAgain | PreviewAgain] = []
        self.cold: list[ColdBuild | ColdPreview] = []
        self.last_good: dict[str, dict[str, Any]] = {}
        self.steps = 0
        self.turn = 0
        self.outcomes: dict[str, tuple[int, list[str]]] = {}

    # ---- plumbing ----------------------------------------------------------------

    def write(self) -> set[str]:
        """Write the model out; returns the site-relative paths that changed, as a
        file watcher reports them (a folder made or removed is a change too)."""
        files = self.model.files(self.theme)
        changed = set()
        for rel, data in files.items():
            if self.on_disk.get(rel) != data:
                path = self.root / rel
                for parent in reversed(Path(rel).parents[:-1]):
                    if not (self.root / parent).is_dir():
                        (self.root / parent).mkdir()
                        changed.add(parent.as_posix())
                path.write_bytes(data)
                changed.add(rel)
        for rel in self.on_disk.keys() - files.keys():
            (self.root / rel).unlink()
            changed.add(rel)
            for parent in Path(rel).parents[:-2]:  # never content/ itself
                if any((self.root / parent).iterdir()):
                    break
                (self.root / parent).rmdir()
                changed.add(parent.as_posix())
        self.on_disk = files
        return changed

    def check(self, changed: set[str] | None) -> None:
        got: dict[str, Outcome] = {}
        for side in self.incremental:
            got.update(side.run(changed))
        want: dict[str, Outcome] = {}
        for cold in self.cold:
            want.update(cold.run(self.root, self.work))
        assert got.keys() == want.keys()
        for view, w in want.items():
            g = got[view]
            where = f"step {self.steps}, {view}"
            assert g.diagnostics == w.diagnostics, (
                f"{where}: the diagnostics differ\nincremental: {g.diagnostics}\n"
                f"cold: {w.diagnostics}")
            assert g.status == w.status, where
            assert g.share_url == w.share_url, where
            self.outcomes[view] = (w.status, sorted({str(d[4]) for d in w.diagnostics}))
            if w.status == 0:
                diff = tree_diff(g.files, w.files)
                assert not diff, f"{where}:\n{diff}"
                self.last_good[view] = g.files
            else:  # a failed build leaves the last good output as it was
                diff = tree_diff(g.files, self.last_good.get(view, {}), "last good")
                assert not diff, f"{where}: failed, but changed the last good output:\n{diff}"

    def edit(self, what: str, change: Callable[[], object]) -> None:
        """One step: change the model, write it out, compare every side."""
        change()
        changed = self.write()
        self.steps += 1
        note(f"step {self.steps}: {what} -> {sorted(changed)}")
        started = time.perf_counter()
        self.check(changed)
        if VERBOSE:
            odd = "" if self.broken() or not any(s or c for s, c in self.outcomes.values()) \
                else "UNEXPECTED "
            views = {v: s for v, s in self.outcomes.items() if s != (0, [])}
            print(f"{odd}step {self.steps} ({time.perf_counter() - started:.2f} s): {what}: "
                  f"{views}", file=sys.stderr)

    @initialize()
    def start(self) -> None:
        self.write()
        for name in self.sides:
            make, cold = SIDES[name]
            self.incremental.append(make(self.root, self.work))
            self.cold.append(cold())
        self.check(None)
        assert all(o == (0, []) for o in self.outcomes.values()), \
            f"the site to start from must build without a word: {self.outcomes}"

    def teardown(self) -> None:
        for side in self.incremental:
            side.close()
        shutil.rmtree(self.work, ignore_errors=True)

    # ---- choosing ----------------------------------------------------------------

    def pick(self, choose: Choices, collections: tuple[str, ...] = COLLECTIONS,
             having: Callable[[NoteModel], object] = bool) -> int:
        ids = sorted(i for i, n in self.model.notes.items()
                     if n.collection in collections and having(n))
        return choose.one(ids, "note")

    def has(self, collections: tuple[str, ...] = COLLECTIONS,
            having: Callable[[NoteModel], object] = bool) -> bool:
        return any(n.collection in collections and having(n)
                   for n in self.model.notes.values())

    def free_title(self, choose: Choices) -> str:
        """A title no other note has (two would make a link by title ambiguous)."""
        used = {n.title for n in self.model.notes.values()}
        titles = [f"{a} {b}" for a in TITLE_WORDS[0] for b in TITLE_WORDS[1]
                  if f"{a} {b}" not in used]
        return choose.one(titles, "title")

    def broken(self) -> bool:
        return self.model.breakage is not None or any(
            n.breakage for n in self.model.notes.values())

    def edits(self) -> list[str]:
        """The kinds of edit that can be made now, each as often as it should be."""
        can = {
            "answer_text": self.has(having=lambda n: n.answers),
            "passage_text": self.has(having=lambda n: n.passages),
            "remove_passage": self.has(having=lambda n: n.passages),
            "remove_link": self.has(having=lambda n: n.links),
            "delete": len(self.model.notes) > 4,
            "many_body_edits": self.has(having=lambda n: n.summary is not None),
            "add_note": len(self.model.notes) < 18,
            "make_invalid": not self.broken(),
            "make_valid": self.broken(),
            "date": self.has(("interviews", "reflections")),
            "status": self.has(("interviews", "roles")),
            **dict.fromkeys(("consent", "interview_role", "interest", "answer_heading"),
                            self.has(("interviews",))),
        }
        return [kind for kind in EDIT_ORDER if can.get(kind, True)]

    @rule(data=st.data())
    def step(self, data: st.DataObject) -> None:
        """One edit, of a kind drawn by weight (one rule rather than one per kind:
        Hypothesis's swarm testing would leave most kinds out of each run)."""
        choose = Choices(data, self.turn)
        self.turn += 1
        kind = choose.one(self.edits(), "edit")
        getattr(self, f"edit_{kind}")(choose)

    # ---- body-only edits ---------------------------------------------------------

    def edit_body_text(self, choose: Choices) -> None:
        nid = self.pick(choose)
        n = self.model.notes[nid]
        how = choose.one(("replace", "add", "remove"), "how")

        def change() -> None:
            if how == "add" or not n.paragraphs:
                n.paragraphs.append(self.model.next())
            elif how == "remove":
                n.paragraphs.pop()
            else:
                n.paragraphs[-1] = self.model.next()

        self.edit(f"{how} a paragraph of {self.model.path(nid)}", change)

    def edit_answer_text(self, choose: Choices) -> None:
        nid = self.pick(choose, having=lambda n: n.answers)
        n = self.model.notes[nid]
        k = choose.index(len(n.answers), "answer")
        self.edit(f"the text of answer {k} in {self.model.path(nid)}",
                  lambda: setattr(n.answers[k], "serial", self.model.next()))

    def edit_passage_text(self, choose: Choices) -> None:
        nid = self.pick(choose, having=lambda n: n.passages)
        n = self.model.notes[nid]
        k = choose.index(len(n.passages), "passage")
        self.edit(f"the text of passage {k} in {self.model.path(nid)}",
                  lambda: setattr(n.passages[k], "serial", self.model.next()))

    def edit_many_body_edits(self, choose: Choices) -> None:
        """Saves of bodies alone, one after the other, in notes with a summary of their
        own (so that the card stays the same): the preview patches its last graph for
        these and builds in full every so often; then whatever comes next."""
        count = choose.between(3, self.burst, "edits")
        for _ in range(count):
            nid = self.pick(choose, having=lambda n: n.summary is not None)
            n = self.model.notes[nid]
            if n.answers and choose.flag("an answer"):
                answer = n.answers[choose.index(len(n.answers), "answer")]
                self.edit(f"the text of an answer in {self.model.path(nid)}",
                          functools.partial(setattr, answer, "serial", self.model.next()))
            else:
                self.edit(f"a new last paragraph in {self.model.path(nid)}",
                          functools.partial(n.paragraphs.append, self.model.next()))

    # ---- front matter --------------------------------------------------------------

    def edit_title(self, choose: Choices) -> None:
        nid = self.pick(choose)
        n = self.model.notes[nid]
        new: str | None = self.free_title(choose)
        if n.collection == "interviews" and n.title is not None:
            new = None  # back to the title made from the person's name
        self.edit(f"title of {self.model.path(nid)}: {new}", lambda: setattr(n, "title", new))

    def edit_tags(self, choose: Choices) -> None:
        nid = self.pick(choose)
        n = self.model.notes[nid]
        tags = choose.some(TAGS, 3, "tags")
        self.edit(f"tags of {self.model.path(nid)}: {tags}", lambda: setattr(n, "tags", tags))

    def edit_summary(self, choose: Choices) -> None:
        nid = self.pick(choose)
        n = self.model.notes[nid]
        new = None if n.summary is not None and choose.flag("none") else self.model.next()
        self.edit(f"summary of {self.model.path(nid)}: {new}", lambda: setattr(n, "summary", new))

    def edit_status(self, choose: Choices) -> None:
        nid = self.pick(choose, ("interviews", "roles"))
        n = self.model.notes[nid]
        options = ("done", "planned", "cancelled") if n.collection == "interviews" \
            else ("exploring", "pursuing", "dropped")
        status = choose.one([o for o in options if o != (n.status or options[0])], "status")
        self.edit(f"status of {self.model.path(nid)}: {status}",
                  lambda: setattr(n, "status", status))

    def edit_date(self, choose: Choices) -> None:
        """A new date moves the note in every list (and in the view's own order)."""
        nid = self.pick(choose, ("interviews", "reflections"))
        n = self.model.notes[nid]
        date = choose.one([d for d in DATES if d != n.date], "date")
        self.edit(f"date of {self.model.path(nid)}: {date}", lambda: setattr(n, "date", date))

    def edit_visibility(self, choose: Choices) -> None:
        nid = self.pick(choose)
        n = self.model.notes[nid]
        visibility = choose.one([v for v in VISIBILITIES if v != n.visibility], "visibility")
        self.edit(f"visibility of {self.model.path(nid)}: {visibility}",
                  lambda: setattr(n, "visibility", visibility))

    def edit_consent(self, choose: Choices) -> None:
        nid = self.pick(choose, ("interviews",))
        n = self.model.notes[nid]
        self.edit(f"consent of {self.model.path(nid)}: {not n.consent}",
                  lambda: setattr(n, "consent", not n.consent))

    def edit_interview_role(self, choose: Choices) -> None:
        nid = self.pick(choose, ("interviews",))
        n = self.model.notes[nid]
        roles = [None, *sorted(i for i, r in self.model.notes.items() if r.collection == "roles")]
        role = choose.one(roles, "role")
        self.edit(f"role of {self.model.path(nid)}: {role}", lambda: setattr(n, "role", role))

    def edit_interest(self, choose: Choices) -> None:
        nid = self.pick(choose, ("interviews",))
        n = self.model.notes[nid]
        interest = choose.one([v for v in (None, 1, 3, 5) if v != n.interest], "interest")
        self.edit(f"interest of {self.model.path(nid)}: {interest}",
                  lambda: setattr(n, "interest", interest))

    # ---- passages and links --------------------------------------------------------

    def edit_add_passage(self, choose: Choices) -> None:
        nid = self.pick(choose)
        n = self.model.notes[nid]
        kind = choose.one(("private", "mentor", "nested"), "kind")
        asset = None
        if choose.flag("with a file"):
            files = sorted(self.model.assets) + ([RECORDING] if kind == "private" else [])
            asset = choose.one(files, "file") if files else None
        question = choose.index(len(QUESTIONS), "question") if choose.flag("answers") else None
        p = Passage("mentor" if kind == "nested" else kind, self.model.next(),
                    nested=kind == "nested", asset=asset, question=question)
        where = choose.index(len(n.passages) + 1, "place")
        self.edit(f"a {kind} passage in {self.model.path(nid)}",
                  lambda: n.passages.insert(where, p))

    def edit_remove_passage(self, choose: Choices) -> None:
        nid = self.pick(choose, having=lambda n: n.passages)
        n = self.model.notes[nid]
        k = choose.index(len(n.passages), "passage")
        self.edit(f"passage {k} out of {self.model.path(nid)}", lambda: n.passages.pop(k))

    def edit_add_link(self, choose: Choices) -> None:
        """A link to another note, which the audience may not see."""
        nid = self.pick(choose)
        target = self.pick(choose)
        form = choose.one(LINK_FORMS, "form")
        n = self.model.notes[nid]
        self.edit(f"a {form} link from {self.model.path(nid)} to {self.model.path(target)}",
                  lambda: n.links.append((target, form)))

    def edit_remove_link(self, choose: Choices) -> None:
        nid = self.pick(choose, having=lambda n: n.links)
        n = self.model.notes[nid]
        k = choose.index(len(n.links), "link")
        self.edit(f"link {k} out of {self.model.path(nid)}", lambda: n.links.pop(k))

    # ---- whole notes ---------------------------------------------------------------

    def edit_rename(self, choose: Choices) -> None:
        """A new file name (links by path follow it, as an editor's rename would)."""
        nid = self.pick(choose)
        n = self.model.notes[nid]
        word = choose.one(TITLE_WORDS[0], "word")
        stem = f"{word.lower()}-{self.model.next()}"
        if n.collection in ("interviews", "reflections") and n.date:
            stem = f"{n.date}-{stem}"
        self.edit(f"rename {self.model.path(nid)} to {stem}", lambda: setattr(n, "stem", stem))

    def edit_delete(self, choose: Choices) -> None:
        """A note deleted, and the links and roles that led to it taken out."""
        nid = self.pick(choose)

        def change() -> None:
            del self.model.notes[nid]
            for n in self.model.notes.values():
                n.links = [(t, f) for t, f in n.links if t != nid]
                n.roles = [r for r in n.roles if r != nid]
                if n.role == nid:
                    n.role = None

        self.edit(f"delete {self.model.path(nid)}", change)

    def edit_add_note(self, choose: Choices) -> None:
        collection = choose.one(COLLECTIONS, "collection")
        serial = self.model.next()
        title = self.free_title(choose)
        stem = f"{title.split()[0].lower()}-{serial}"
        dated = collection in ("interviews", "reflections")
        date = choose.one(DATES, "date") if dated else None
        n = NoteModel(collection, f"{date}-{stem}" if dated else stem,
                      None if collection == "interviews" else title,
                      choose.one(VISIBILITIES, "visibility"), date, paragraphs=[serial],
                      summary=serial if choose.flag("a summary") else None)
        if collection == "interviews":
            n.person = choose.index(len(PEOPLE), "person")
            n.consent = choose.flag("consent")
            questions = choose.some(range(len(QUESTIONS)), 3, "questions")
            n.answers = [Answer(q, choose.flag("alias"), self.model.next()) for q in questions]
        if choose.flag("a link"):
            n.links.append((self.pick(choose), choose.one(LINK_FORMS, "form")))
        nid = max(self.model.notes) + 1
        self.edit(f"new note content/{collection}/{n.stem}.md",
                  lambda: self.model.notes.__setitem__(nid, n))

    # ---- questions -----------------------------------------------------------------

    def edit_question_bank(self, choose: Choices) -> None:
        bank = self.model.bank
        how = choose.one(("add", "remove", "alias", "swap", "first"), "how")
        listed = [q for q, _, _ in bank]
        free = [q for q in range(len(QUESTIONS)) if q not in listed]
        if (how == "add" or not bank) and free:
            q = choose.one(free, "question")
            where = choose.index(len(bank) + 1, "place")
            self.edit(f"question {q} into the bank", lambda: bank.insert(where, (q, False, False)))
            return
        how = "remove" if how == "add" else how
        k = choose.index(len(bank), "entry")
        q, alias, swapped = bank[k]
        changes: dict[str, Callable[[], object]] = {
            "remove": lambda: bank.pop(k),
            "alias": lambda: bank.__setitem__(k, (q, not alias, swapped)),
            "swap": lambda: bank.__setitem__(k, (q, alias, not swapped)),
            "first": lambda: bank.insert(0, bank.pop(k)),
        }
        self.edit(f"bank entry {k} (question {q}): {how}", changes[how])

    def edit_answer_heading(self, choose: Choices) -> None:
        nid = self.pick(choose, ("interviews",))
        n = self.model.notes[nid]
        how = choose.one(("other", "alias", "add", "remove"), "how")
        if how == "add" or not n.answers:
            q = choose.index(len(QUESTIONS), "question")
            self.edit(f"an answer to question {q} in {self.model.path(nid)}",
                      lambda: n.answers.append(Answer(q, False, self.model.next())))
            return
        k = choose.index(len(n.answers), "answer")
        a = n.answers[k]
        if how == "remove":
            self.edit(f"answer {k} out of {self.model.path(nid)}", lambda: n.answers.pop(k))
        elif how == "alias":
            self.edit(f"answer {k} of {self.model.path(nid)} asked in other words",
                      lambda: setattr(a, "alias", not a.alias))
        else:
            q = choose.index(len(QUESTIONS), "question")
            self.edit(f"answer {k} of {self.model.path(nid)} now answers question {q}",
                      lambda: setattr(a, "question", q))

    # ---- files -------------------------------------------------------------------

    def edit_asset(self, choose: Choices) -> None:
        assets = self.model.assets
        how = choose.one(("new", "bytes", "link", "unlink", "delete"), "how")
        linked = sorted(i for i, n in self.model.notes.items() if n.assets)
        if how == "new" or not assets or (how == "unlink" and not linked):
            svg = choose.flag("svg")
            serial = self.model.next()
            name = f"file-{serial}.{'svg' if svg else 'txt'}"
            if choose.flag("in a new folder"):
                name = f"more-{serial}/{name}"
            nid = self.pick(choose)

            def add() -> None:
                assets[name] = 1
                self.model.notes[nid].assets.append(name)

            self.edit(f"new file {name}, linked from {self.model.path(nid)}", add)
        elif how == "unlink":
            nid = choose.one(linked, "note")
            k = choose.index(len(self.model.notes[nid].assets), "link")
            self.edit(f"file link {k} out of {self.model.path(nid)}",
                      lambda: self.model.notes[nid].assets.pop(k))
        else:
            name = choose.one(sorted(assets), "file")
            if how == "bytes":
                self.edit(f"new bytes in {name}",
                          lambda: assets.__setitem__(name, assets[name] + 1))
            elif how == "link":
                nid = self.pick(choose)
                self.edit(f"a link to {name} from {self.model.path(nid)}",
                          lambda: self.model.notes[nid].assets.append(name))
            else:
                def delete() -> None:
                    del assets[name]
                    for n in self.model.notes.values():
                        n.assets = [a for a in n.assets if a != name]
                        for p in n.passages:
                            if p.asset == name:
                                p.asset = None

                self.edit(f"delete {name} and the links to it", delete)

    # ---- site.toml and the theme -------------------------------------------------

    def edit_site_toml(self, choose: Choices) -> None:
        key = choose.one(sorted(CONFIG_CHOICES), "key")
        options = [v for v in CONFIG_CHOICES[key] if v != self.model.config[key]]
        value = choose.one(options, key)
        self.edit(f"site.toml: {key} = {value!r}",
                  lambda: self.model.config.__setitem__(key, value))

    def edit_theme_file(self, choose: Choices) -> None:
        """An edit of the site's own theme (in use while site.toml says theme = "mine")."""
        file = choose.one(THEME_EDITS, "file")
        edits = self.model.theme_edits
        self.edit(f"themes/mine/{file} edited",
                  lambda: edits.__setitem__(file, edits.get(file, 0) + 1))

    # ---- invalid states ------------------------------------------------------------

    def edit_make_invalid(self, choose: Choices) -> None:
        """An edit that makes the site invalid: both sides must fail alike, and keep
        their last good output."""
        kind = choose.one(BREAKAGES, "kind")
        if kind in ("toml", "template"):
            self.edit(f"invalid: {kind}", lambda: setattr(self.model, "breakage", kind))
            return
        nid = self.pick(choose)
        n = self.model.notes[nid]
        self.edit(f"invalid: {kind} in {self.model.path(nid)}",
                  lambda: setattr(n, "breakage", kind))

    def edit_make_valid(self, choose: Choices) -> None:
        def fix() -> None:
            self.model.breakage = None
            for n in self.model.notes.values():
                n.breakage = None

        self.edit("the invalid edit taken back", fix)


# =========================================================================== speed


SHM = "/dev/shm"


@pytest.fixture
def fast_pure_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    speed_up(monkeypatch)


def speed_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Temporary folders in memory where the machine has /dev/shm (each step writes
    thousands of small files). Speed only: if the name goes, drop the patch."""
    if os.path.isdir(SHM) and os.access(SHM, os.W_OK):
        monkeypatch.setattr(tempfile, "tempdir", SHM)


def run(machine: type[IncrementalSite], examples: int, steps: int) -> None:
    phases = [Phase.explicit, Phase.generate]
    if os.environ.get("IVSITE_SHRINK"):
        phases.append(Phase.shrink)
    run_state_machine_as_test(machine, settings=settings(
        max_examples=examples, stateful_step_count=steps, deadline=None,
        derandomize=not os.environ.get("IVSITE_RANDOM"),
        database=None, phases=phases, print_blob=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.filter_too_much]))


class PreviewSite(IncrementalSite):
    sides = ("preview",)
    burst = 10


class BuildSite(IncrementalSite):
    sides = ("build",)
    burst = 4


@pytest.mark.slow
@pytest.mark.usefixtures("fast_pure_functions")
def test_what_the_preview_keeps_follows_the_site_not_the_number_of_saves() -> None:
    """Memory follows the size of the site, not the number of edits: over a long run
    of saves of bodies alone (which an engine may patch in rather than build anew),
    what the preview keeps levels off. An engine that never forgets (never builds in
    full, never collects) passes every comparison with a cold build and fails here."""
    site = IncrementalSite()
    previews = None
    try:
        site.write()
        previews = PreviewAgain(site.root, site.work)
        previews.run(None)
        notes = sorted(i for i, n in site.model.notes.items() if n.summary is not None)
        kept = []
        for save in range(LONG_RUN):
            n = site.model.notes[notes[save % len(notes)]]
            if n.answers and save % 2:
                n.answers[save % len(n.answers)].serial = site.model.next()
            else:
                n.paragraphs.append(site.model.next())
            outcomes = previews.run(site.write())
            assert all(o.status == 0 for o in outcomes.values()), outcomes
            kept.append(previews.kept())
        settled = max(kept[:LONG_RUN // 3])
        assert max(kept) <= settled * 1.1, f"kept work grows with every save: {kept}"
    finally:
        if previews is not None:
            previews.close()
        site.teardown()


@pytest.mark.slow
@pytest.mark.usefixtures("fast_pure_functions")
def test_the_preview_builds_what_a_fresh_preview_builds() -> None:
    run(PreviewSite, examples=int(os.environ.get("IVSITE_EXAMPLES", "1")),
        steps=int(os.environ.get("IVSITE_STEPS", "36")))


@pytest.mark.slow
@pytest.mark.usefixtures("fast_pure_functions")
def test_build_again_builds_what_a_cold_build_builds() -> None:
    run(BuildSite, examples=int(os.environ.get("IVSITE_EXAMPLES", "1")),
        steps=int(os.environ.get("IVSITE_STEPS", "32")))
