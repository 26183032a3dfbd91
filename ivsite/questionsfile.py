"""The question bank (``questions.yaml``): read, checked, and its roles matched
against the site's role notes."""

from __future__ import annotations

import yaml

from .diagnostics import Diagnostics, did_you_mean
from .notes import Question, ValidSite
from .slugs import slugify

QUESTION_KEYS = ("id", "text", "aliases", "roles")


def question_roles(site: ValidSite, roles: set[str], path: str, diags: Diagnostics) -> None:
    """A bank question's ``roles`` name role notes (``ivsite new interview`` seeds
    a note with the questions of its role first)."""
    for q in site.questions:
        for slug in q.roles:
            if slug not in roles:
                diags.warning(path, 1, 1, "unknown-role",
                              f"question '{q.id}': role '{slug}' is not the slug of a note "
                              "in content/roles/", did_you_mean(slug, roles))


def read_questions(path: str, data: bytes, diags: Diagnostics) -> list[Question]:
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
