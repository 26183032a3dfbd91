"""Stage 3, second half: what each note refers to, checked against the others.

Links (wiki, Markdown, images), ``role:`` and ``roles:``. A link to a note not
written yet is a warning with a did-you-mean (see ivsite.validate.linkhints); a reference
that fails only because its target has an error of its own follows from that
error (see ivsite.validate.causes), so one mistake is reported once.
"""

from __future__ import annotations

from collections.abc import Iterable

from markdown_it.token import Token

from ..contacts.fields import is_web_address
from ..core.diagnostics import Diagnostic, Diagnostics, did_you_mean
from ..core.models import InterviewMeta, ReflectionMeta
from ..markdown.notes import AssetTarget, BrokenTarget, Note, ValidSite, resolve_href, resolve_wiki
from ..switches.pathprivacy import described, path_privacy
from .causes import follows
from .embedding import resolve_embed
from .linkhints import suggest
from .namingfiles import LEVEL
from .nearprivate import near_private_link
from .recordings import recording_path


def reference_problems(site: ValidSite, note: Note, roles: set[str]) -> list[Diagnostic]:
    scratch = Diagnostics()
    _check_references(site, [note], roles, scratch)
    return list(scratch)



def _tokens_with_lines(note: Note) -> Iterable[tuple[Token, int]]:
    for tok in note.tokens:
        line = note.line_of(tok)
        yield tok, line
        for child in tok.children or ():
            yield child, line


def _check_references(site: ValidSite, notes: Iterable[Note], roles: set[str],
                      diags: Diagnostics) -> None:
    for note in notes:
        private = {line.src + note.body_line for line in note.cut.lines
                   if "private" in line.kinds}
        for tok, line in _tokens_with_lines(note):
            target = None
            if tok.type == "wikilink":
                target = resolve_wiki(site, str(tok.meta["target"]))
            elif tok.type in ("embed", "embed_block"):
                target = resolve_embed(site, str(tok.meta["target"]))
            elif tok.type in ("link_open", "image"):
                attr = "href" if tok.type == "link_open" else "src"
                href = str(tok.attrs.get(attr, ""))
                target = resolve_href(site, note.source, href)
            if isinstance(target, AssetTarget) and note.visibility != "private" \
                    and line not in private:
                _private_file(note, line, target.asset.rel, diags)
                _naming_file(site, note, line, target.asset.rel, diags)
            root = _rejected_target(site, target) if isinstance(target, BrokenTarget) else ""
            if isinstance(target, BrokenTarget) and root:
                diags.add(follows(note.source, line, 1,
                                  f"{target.reason}, because {root} has an error", root))
            elif isinstance(target, BrokenTarget) and target.code == "missing-note" \
                    and not tok.meta.get("label") \
                    and (near := near_private_link(site, note, line, target.shown)):
                diags.add(near)  # shown as a slip for a withheld note's name (R18-07)
            elif isinstance(target, BrokenTarget) and target.code == "missing-note":
                diags.warning(note.source, line, 1, target.code, target.reason,
                              suggest(site, note, target.shown))
            elif isinstance(target, BrokenTarget) and not (
                    target.code in ("recording-link", "recording-sibling")
                    and (note.visibility == "private" or line in private)):
                # (A private note or passage may link its recording: the private view
                # alone sees it, and even there the file is not copied.)
                diags.error(note.source, line, 1, target.code, target.reason, target.hint)
        meta = note.meta
        if isinstance(meta, InterviewMeta):
            role_root = site.rejected.get(("role", meta.role or ""), "")
            if meta.role and meta.role not in roles and role_root:
                pos = note.fm.pos("role")
                diags.add(follows(note.source, pos.line, pos.col,
                                  f"role '{meta.role}' is {role_root}, which has an error",
                                  role_root))
            elif meta.role and meta.role not in roles:
                pos = note.fm.pos("role")
                diags.error(note.source, pos.line, pos.col, "unknown-role",
                            f"role '{meta.role}' is not the slug of a note in content/roles/",
                            did_you_mean(meta.role, roles))
            if meta.recording_file:
                joined = recording_path(note.source, meta.recording_file)
                pos = note.fm.pos("recording_file")
                if is_web_address(meta.recording_file):  # R15-04
                    diags.warning(note.source, pos.line, pos.col, "recording-address",
                                  "recording_file is a web address (a share link plays the "
                                  "conversation to anyone who has it); it is withheld like a "
                                  "contact detail, and a page that gives it is an error",
                                  "keep the recording as a file inside the site, or keep the "
                                  "link in this field and in no page")
                elif joined.startswith("../") or not joined.startswith(site.base):
                    where = site.base or "the site folder"
                    diags.error(note.source, pos.line, pos.col, "outside-site",
                                f"recording_file points outside {where}",
                                f"keep recordings inside {where} (they are never published)")
        if isinstance(meta, ReflectionMeta):
            for i, slug in enumerate(meta.roles):
                role_root = site.rejected.get(("role", slug), "")
                if slug not in roles and role_root:
                    pos = note.fm.pos("roles", str(i))
                    diags.add(follows(note.source, pos.line, pos.col,
                                      f"role '{slug}' is {role_root}, which has an error",
                                      role_root))
                elif slug not in roles:
                    pos = note.fm.pos("roles", str(i))
                    diags.error(note.source, pos.line, pos.col, "unknown-role",
                                f"role '{slug}' is not the slug of a note in content/roles/",
                                did_you_mean(slug, roles))


def _private_file(note: Note, line: int, rel: str, diags: Diagnostics) -> None:
    """A file whose path says private (see ivsite.switches.pathprivacy), linked where an
    audience other than the author's own would follow the link: an error, as a
    note there is private (and the audit holds the file withheld on its own)."""
    said = path_privacy(rel)
    if said:
        diags.error(note.source, line, 1, "private-file",
                    f"'{rel}' is private, as {described(said)} says; it is never published",
                    "to publish it, move it out of that folder or rename it; a private note "
                    "or passage may link it")


def _naming_file(site: ValidSite, note: Note, line: int, rel: str, diags: Diagnostics) -> None:
    """A file that names a note by its file (ivsite.validate.namingfiles), linked
    where an audience that may not read that note would follow the link: an
    error, as it would publish the note's file name, its slug (R16-12)."""
    named = site.naming_files.get(rel)
    if not named:
        return
    kinds = {k for ln in note.cut.lines if ln.src + note.body_line == line for k in ln.kinds}
    at = max([LEVEL[note.visibility], *(LEVEL[k] for k in kinds if k in LEVEL)])
    hidden = [(source, seen) for source, seen in named if LEVEL[seen] > at]
    if hidden:
        source, seen = hidden[0]
        more = f" and {len(hidden) - 1} more" if len(hidden) > 1 else ""
        diags.error(note.source, line, 1, "file-names-note",
                    f"'{rel}' names the {seen} note {source}{more} by its file (its path or "
                    "file name, which is its slug); linked here it would publish that name",
                    "take the note's path out of the file (an Obsidian canvas: remove its "
                    "node), or link the file from a note or passage as private as the note")


def _rejected_target(site: ValidSite, target: BrokenTarget) -> str:
    """The rejected note a broken link would have reached, or ""."""
    if not target.shown:
        return ""
    name = target.shown.casefold()
    if target.code == "broken-link":
        return site.rejected.get(("key", name), "")
    if target.code == "missing-note":
        return site.rejected.get(("note", name), "") or \
            site.rejected.get(("note", name.rsplit("/", 1)[-1]), "")
    return ""
