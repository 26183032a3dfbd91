"""``ivsite new interview``: a note to prepare a conversation in.

The note starts as ``status: planned`` and private, with the site's own question
bank (``content/questions.yaml``: the questions tied to the interview's role
first, then the general ones; those of other roles are left out) and a research
checklist inside a ``::: private`` passage, which never leaves the author's
machine. The role must be one the site has (a typo would otherwise name the file
and be an error at the next ``check``), so the site is read through the pipeline
(load and validate, as ``check`` does) before anything is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.diagnostics import Diagnostic, Diagnostics, did_you_mean
from ..core.models import FORMATS
from ..core.slugs import slugify
from ..markdown.notes import Question
from ..pipeline import Pipeline
from ..validate.consent import slug_names
from .scaffold import site_problem, write_new, yaml_str

FOLDER = "content/interviews/"
FALLBACK_QUESTIONS = ("How did you get into this field?",
                      "What does a typical day look like for you?")
"""Asked when the site has no question bank."""
CHECKLIST = (
    "Their path: past roles, studies, what they have written or said in public",
    "The company: what it does, its size, how this team fits in",
    "Recent news: about them, the company and the field",
    "Who introduced us, and what they said about them",
    "Ask at the start whether I may record or take notes (consent.recording)",
)


def seeded_questions(bank: list[Question], role: str) -> list[str]:
    """The bank's questions for ``role`` first, then the general ones (no roles)."""
    mine = [q.text for q in bank if role and role in q.roles]
    general = [q.text for q in bank if not q.roles]
    return (mine + general) or list(FALLBACK_QUESTIONS)


def file_stem(day: dt.date, name: str, *words: str) -> str:
    """The new note's file name: the date and the first of ``words`` (company,
    role) that does not name the person, else "conversation". The file name is the
    page's address, which the build refuses to let name someone who did not agree
    (``slug-names-person``): a company called after its founder must not put the
    founder's name there."""
    for word in (*words, "conversation"):
        stem = slugify(f"{day.isoformat()} {word}")
        if word.strip() and not slug_names(stem, name):
            return stem
    return day.isoformat()


def _problem(code: str, message: str, hint: str = "") -> list[Diagnostic]:
    return [Diagnostic(FOLDER, 0, 0, "error", code, message, hint)]


def new_interview(root: Path, name: str, *, role: str = "", company: str = "",
                  date: str = "", fmt: str = "coffee") -> tuple[Path | None, list[Diagnostic]]:
    """Write a planned interview note; its path, or None and the problems."""
    problem = site_problem(root, name)
    if problem:
        return None, _problem("new", problem)
    try:
        day = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        return None, _problem("new", f"'{date}' is not a date; write YYYY-MM-DD")
    if fmt not in FORMATS:
        return None, _problem("new", f"'{fmt}' is not a format: use one of "
                              f"{', '.join(FORMATS)}", did_you_mean(fmt, FORMATS))
    diags = Diagnostics()
    prep = Pipeline(root, persist_cache=False).prepare(diags)
    if prep is None:  # site.toml unusable
        return None, diags.sorted()
    if role:
        roles = sorted(n.slug for n in prep.valid.notes if n.collection == "roles")
        if role not in roles:
            return None, _problem(
                "unknown-role", f"role '{role}' is not the slug of a note in content/roles/",
                did_you_mean(role, roles) or "make it first with `ivsite new role \"Title\"`, "
                "or leave --role out")
    lines = [
        "---",
        f"date: {day.isoformat()}",
        "visibility: private        # public | mentor | private",
        "person:",
        f"  name: {yaml_str(name)}",
        f"  company: {yaml_str(company)}" if company else "  company: ",
        "  role: ",
        "alias: \"\"                  # shown instead of the name unless they consent",
        "referred_by: \"\"            # who introduced you (private)",
        "consent:",
        "  publish_name: false",
        f"{'format: ' + fmt:<27}# coffee | video | phone | in-person | email | other",
        "status: planned            # set to done after the conversation",
        *([f"role: {role}"] if role else []),
        "tags: []",
        "follow_up:",
        "  thank_you: false         # the date you sent it (due the day after)",
        "  # next: YYYY-MM-DD       # the next contact you agreed on",
        "  # keep_in_touch: true    # a reminder every [follow_up] keep_in_touch_days",
        "  # portfolio_review: requested",
        "---",
        "",
        "::: private",
        "Before we meet (this passage never leaves your machine):",
        "",
        *(f"- [ ] {item}" for item in CHECKLIST),
        ":::",
        "",
    ]
    for text in seeded_questions(prep.valid.questions, role):
        lines += [f"## {text}", "", ""]
    # A role the public may not see must not name the file (its address): red team 4, J17.
    public_roles = {n.slug for n in prep.valid.notes
                    if n.collection == "roles" and n.visibility == "public"}
    path, problem = write_new(root, "interviews", file_stem(
        day, name, company, role if role in public_roles else ""), lines)
    return (path, []) if path is not None else (None, _problem("new", problem))
