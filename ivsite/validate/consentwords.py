"""An interview that says ``publish_name: true`` while its own words say the
person refused, or took back, being named (red team 18, R18-09).

"She asked me not to use her name", "Update: he withdrew his consent", a
``person.note: asked not to be named``, a ``summary`` that says so or ``tags:
[anonymous]``: ivsite reads consent from ``consent.publish_name`` alone, and
published the name beside the sentence saying it must not be. Each such note
is ``consent-contradiction`` (an error), whatever its visibility, since consent
is the person's and other notes may print the name. The words are read by
ivsite.switches.refusals, which the audit asks too (ivsite.audit.saidconsent).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core.diagnostics import Diagnostics
from ..core.models import InterviewMeta, NoteMeta
from ..markdown.frontmatter import FrontMatter
from ..switches.fmchecks import strings
from ..switches.refusals import refusal

HINT = ("if they do not agree to be named (or no longer do), set 'consent: {publish_name: "
        "false}'; if they do, reword or take out the sentence, since ivsite cannot tell "
        "which of the two is true and a name is published only when both agree")


def paragraphs(body: str) -> Iterator[tuple[int, str]]:
    """Each paragraph of ``body`` (blocks between blank lines), with its first
    line, 0-based."""
    line = 0
    for part in re.split(r"(\n[ \t]*\n)", body):
        if part.strip() and not part.startswith("\n"):
            yield line + len(part) - len(part.lstrip("\n")), part
        line += part.count("\n")


def consent_contradicted(path: str, fm: FrontMatter, meta: NoteMeta,
                         diags: Diagnostics) -> bool:
    """Report an interview that agrees to be named in ``publish_name`` and
    refuses in its own words (see the module's docstring); whether it does."""
    if not isinstance(meta, InterviewMeta) or not meta.consent.publish_name:
        return False
    found = False
    for keys, value in strings(fm.data):
        said = refusal(value)
        if said is not None:
            pos = fm.pos(*keys)
            found = True
            diags.error(path, pos.line, pos.col, "consent-contradiction",
                        f"'{'.'.join(keys)}' says the person did not agree to be named "
                        f"('{said}'), but 'consent.publish_name' is true", HINT)
    for line, text in paragraphs(fm.body):
        said = refusal(text)
        if said is not None:
            found = True
            diags.error(path, line + fm.body_line, 1, "consent-contradiction",
                        f"the note says the person did not agree to be named ('{said}'), "
                        "but 'consent.publish_name' is true", HINT)
    return found
