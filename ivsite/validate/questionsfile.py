"""The question bank (``questions.yaml``): read, checked, and its roles matched
against the site's role notes.

The bank is public: an entry's text is printed on the question pages whenever an
interview's heading joins it. So a privacy switch on an entry (``visibility:
private``, ``private: true``, ``draft: true``, ``hidden: true``, a misspelt or
nested one: the words of ivsite.switches.lookalike) fails closed, as in front matter: an
error, never an ignored key (red team 6, L4). The entry is kept, marked, so the
audit holds its text withheld on its own (ivsite.audit.secrets).
"""

from __future__ import annotations

import yaml

from ..core.diagnostics import Diagnostics, did_you_mean
from ..core.slugs import slugify
from ..markdown.blockcomments import block_comments
from ..markdown.notes import Question, ValidSite
from ..switches.lookalike import privacy_value, privacy_word
from ..switches.otherswitches import not_published
from .invisibledata import invisible_data
from .printedtexts import printed_text

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
    text = data.decode("utf-8-sig")
    if invisible_data(path, text, diags):  # text in invisible characters (R12-02)
        return []
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    lines = _entry_lines(node)
    if node is not None:  # a '#' line inside a '>' text is text (R11-03)
        diags.extend(block_comments(path, node, text, "comment-in-questions", 1))
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
        unknown = {str(k): v for k, v in item.items() if str(k) not in QUESTION_KEYS}
        switch = privacy_switch(unknown)
        if switch:
            refuse(path, lines[i - 1] if i <= len(lines) else 1, qid, switch, diags)
        for k in sorted(unknown):
            if not switch:
                diags.warning(path, 1, 1, "unknown-key", f"question '{qid}': unknown key '{k}'",
                              did_you_mean(k, QUESTION_KEYS))
        line = lines[i - 1] if i <= len(lines) else 1
        for n, said in enumerate((item["text"], *aliases)):  # printed as written (R10-30)
            where = f"question '{qid}'" + (f", alias {n}" if n else "")
            printed_text(path, line, where, said, "comment-in-questions", diags)
        out.append(Question(qid, item["text"].strip(), tuple(a.strip() for a in aliases),
                            tuple(r.strip() for r in roles), switch))
    return out


def privacy_switch(unknown: dict[str, object]) -> str:
    """The first privacy switch among an entry's unknown keys, as written (``visibility:
    private``), or "": a privacy word as a key (at any depth), a privacy level as a
    value, or another tool's "do not publish"."""
    seen: set[int] = set()  # YAML aliases can make cycles
    stack: list[tuple[str, object]] = list(reversed(unknown.items()))
    while stack:
        key, value = stack.pop()
        if privacy_word(key.rsplit(".", 1)[-1]) or privacy_value(value) \
                or not_published(key, value):
            return f"{key}: {str(value).lower() if isinstance(value, bool) else value}"
        if isinstance(value, dict | list) and id(value) not in seen:
            seen.add(id(value))
            if isinstance(value, dict):
                stack.extend((f"{key}.{k}", v) for k, v in value.items())
            else:
                stack.extend((key, v) for v in value)
    return ""


def refuse(path: str, line: int, qid: str, switch: str, diags: Diagnostics) -> None:
    """The error for a privacy switch on a bank entry (see the module's docstring)."""
    diags.error(path, line, 1, "question-privacy",
                f"question '{qid}' says '{switch}', but the question bank is public: its "
                "text is printed on the question pages, and ivsite has no private entries",
                "take the entry out of questions.yaml and keep the question in a private "
                "note or a '::: private' passage; or, to publish it, delete that key")


def _entry_lines(node: yaml.Node | None) -> list[int]:
    """The 1-based line each entry of the bank starts on (its nodes say where)."""
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]
