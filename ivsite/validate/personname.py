"""A person's name of more words or characters than a name has (red team 18, R18-05).

A paragraph pasted into ``person.name`` (or a hostile one) made the forms of the
name that every check looks for grow with each word until the build ran out of
memory and printed a traceback. Such a value is no name: an error
(``person-name-long``) where it is written. The forms of any name are bounded
anyway (ivsite.names.nameparts.bounded_name), so the other places that read a
name (a referrer, an unread record) stay fast.
"""

from __future__ import annotations

from ..core.diagnostics import Diagnostics
from ..core.models import InterviewMeta, NoteMeta
from ..markdown.frontmatter import FrontMatter
from ..names.nameparts import MAX_NAME_CHARS, MAX_NAME_WORDS, overlong


def long_names(path: str, fm: FrontMatter, meta: NoteMeta, diags: Diagnostics) -> bool:
    """Report each name of a person or referral in ``meta`` that is overlong;
    whether there was one."""
    if not isinstance(meta, InterviewMeta):
        return False
    named = [(("person", "name"), meta.person.name),
             *((("referrals", str(i), "name"), r.name) for i, r in enumerate(meta.referrals))]
    found = False
    for keys, name in named:
        if overlong(name):
            pos = fm.pos(*keys)
            diags.error(path, pos.line, pos.col, "person-name-long",
                        f"'{'.'.join(keys)}' has {len(name.split())} words and {len(name)} "
                        f"characters: more than a name (at most {MAX_NAME_WORDS} words, "
                        f"titles and asides aside, and {MAX_NAME_CHARS} characters)",
                        "write the person's name alone; notes about them go in the body")
            found = True
    return found
