"""A word-processor document read as its program shows it (red team 10, R10-37).

ivsite.readers.packed reads an Office or ODF part with its runs joined and every letter
kept: a tracked deletion, hidden text and a field's code stand in place. Word's
default view (Simple Markup, No Markup) shows none of them, so ``Zab`` + deleted
``or`` + ``rowski`` is "Zabrowski" on the reader's screen and "Zaborrowski" in
that reading. This module gives each WordprocessingML part (the body, headers,
footers, notes, comments) again in the views Word can show, each a reading of
its own, so a name is found whichever the reader picks:

- *final*: tracked deletions and moved-from text out, hidden text (``w:vanish``,
  directly or through a style) out, each field by its result; a paragraph whose
  mark is hidden or deleted runs on into the next;
- *original*: insertions and moved-to text out, deletions in;
- *hidden shown*: as final, with hidden text shown (Word's "Hidden text" option);
- *codes*: as final, with each field's code instead of its result (Alt+F9).

An OpenDocument part (LibreOffice) is read once more with its hidden text
(``text:display="none"`` styles, ``text:hidden-text``, ``text:hidden-paragraph``)
out, and once as the original (each tracked deletion put back at its mark, each
insertion out); in the joined reading its deletions stand apart from the text.

The joined reading with everything kept stays: these are readings more, never
instead.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath

Part = tuple[PurePosixPath, bytes]

_WORD_NS = ("schemas.openxmlformats.org/wordprocessingml/2006/main",
            "purl.oclc.org/ooxml/wordprocessingml/main")
_ODF_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TOKEN = re.compile(r"<(/?)(?:[\w.-]+:)?([\w.-]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>"
                    r"|<[?!][^>]*>|([^<]+)", re.S)
_VAL = re.compile(r"""(?:[\w.-]+:)?val\s*=\s*["']([^"']*)["']""")
_FLD_TYPE = re.compile(r"""fldCharType\s*=\s*["'](\w+)["']""")
_INSTR = re.compile(r"""(?:[\w.-]+:)?instr\s*=\s*"([^"]*)"|(?:[\w.-]+:)?instr\s*=\s*'([^']*)'""")
_TEXT = frozenset({"t", "delText", "instrText", "delInstrText"})
_CODE = frozenset({"instrText", "delInstrText"})
_BREAKS = {"tab": " ", "ptab": " ", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_ENDS = frozenset({"p", "tc", "tr", "txbxContent"})
_ALWAYS_SKIPPED = frozenset({"rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                             "trPrChange", "tcPrChange", "Fallback"})
"""Former formatting (its ``w:vanish`` is not the text's), and the copy of a
drawing's text Word keeps for older programs."""

_WORD_HIDING = re.compile(r"<(?:[\w.-]+:)?(?:del|ins|moveFrom|moveTo|vanish|specVanish|instrText"
                          r"|fldChar|fldSimple)\b")
"""What makes a view differ from the joined reading."""

_VIEWS = {  # name: (deleted shown, inserted shown, hidden shown, codes instead of results)
    "final": (False, True, False, False),
    "original": (True, False, False, False),
    "hidden": (False, True, True, False),
    "codes": (False, True, False, True),
}


def shown_parts(parts: list[Part]) -> list[Part]:
    """Each Word or ODF part of a ZIP's members (read whole by ivsite.readers.packed)
    again as its program shows it: one text part per view."""
    word = [(p, b.decode("utf-8", "ignore")) for p, b in parts
            if p.suffix.lower() == ".xml" and any(ns.encode() in b for ns in _WORD_NS)]
    odf = [(p, b.decode("utf-8", "ignore")) for p, b in parts
           if p.suffix.lower() == ".xml" and _ODF_NS.encode() in b]
    styles = "".join(x for p, x in [*word, *odf] if p.name.lower() == "styles.xml")
    hidden = _hidden_styles(styles + "".join(x for _, x in word))
    out: list[Part] = []
    for path, xml in word:
        if not _WORD_HIDING.search(xml) and not (hidden and "rStyle" in xml):
            continue  # every view is the joined reading: a long document is read once
        for view, flags in _VIEWS.items():
            out.append((path.with_name(f"{path.name}.{view}.txt"),
                        _word_view(xml, hidden, *flags).encode()))
    odf_hidden = _odf_hidden_styles(styles + "".join(x for _, x in odf))
    for path, xml in odf:
        if "<text:changed-region" in xml:  # the original: deletions in place, insertions out
            out.append((path.with_name(f"{path.name}.original.txt"),
                        _odf_view(_odf_original(xml), odf_hidden).encode()))
        if odf_hidden or "text:hidden-" in xml:
            out.append((path.with_name(f"{path.name}.shown.txt"),
                        _odf_view(xml, odf_hidden).encode()))
    return out


_STYLE = re.compile(r"<(?:[\w.-]+:)?style\b([^>]*)>(.*?)</(?:[\w.-]+:)?style>", re.S)
_STYLE_ID = re.compile(r"""styleId\s*=\s*["']([^"']*)["']""")
_BASED_ON = re.compile(r"""<(?:[\w.-]+:)?basedOn\b[^>]*?val\s*=\s*["']([^"']*)["']""")
_VANISH = re.compile(r"<(?:[\w.-]+:)?(?:vanish|specVanish)\b([^>]*)>")


def _hidden_styles(xml: str) -> frozenset[str]:
    """The ids of Word styles whose letters are hidden (their own ``w:vanish``, or
    that of a style they are based on)."""
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for m in _STYLE.finditer(xml):
        if not (sid := _STYLE_ID.search(m.group(1))):
            continue
        v = _VANISH.search(m.group(2))
        own[sid.group(1)] = None if v is None else _on(v.group(1))
        if b := _BASED_ON.search(m.group(2)):
            based[sid.group(1)] = b.group(1)

    def hides(sid: str, depth: int = 0) -> bool:
        value = own.get(sid)
        if value is not None or depth > 16:
            return bool(value)
        return sid in based and hides(based[sid], depth + 1)
    return frozenset(s for s in own if hides(s))


def _on(attrs: str) -> bool:
    """A Word on/off property's value: on unless ``w:val`` says false, 0 or off."""
    v = _VAL.search(attrs)
    return v is None or v.group(1).strip().lower() not in ("false", "0", "off")


def _word_view(xml: str, hidden_styles: frozenset[str], deleted: bool, inserted: bool,
               hidden: bool, codes: bool) -> str:
    """One WordprocessingML part's text in one view (see the module's docstring)."""
    out: list[str] = []
    stack: list[str] = []
    skip = -1  # the stack depth of an element whose content is not shown; -1: none
    fields: list[str] = []  # each open field's phase: "code" or "result"
    simple: list[int] = []  # the stack depths of open w:fldSimple elements
    run_hidden = mark_gone = False
    for m in _TOKEN.finditer(xml):
        closing, name, attrs, empty, text = m.groups()
        if text is not None:
            if skip < 0 and stack and stack[-1] in _TEXT and not run_hidden:
                is_code = stack[-1] in _CODE or "code" in fields
                in_result = "result" in fields or bool(simple)
                if (is_code and codes) or (not is_code and not (codes and in_result)):
                    out.append(text)
            continue
        if name is None:
            continue
        if closing:
            if stack and stack[-1] == name:
                stack.pop()
            elif name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            if skip >= len(stack):
                skip = -1
            while simple and simple[-1] >= len(stack):
                simple.pop()
            if name == "r":
                run_hidden = False
            elif name in _ENDS and skip < 0:
                if name != "p" or not mark_gone:
                    out.append("\n")
                mark_gone = False
            continue
        parent = stack[-1] if stack else ""
        if skip < 0:
            if name == "fldChar":
                kind = _FLD_TYPE.search(attrs)
                kind_name = kind.group(1) if kind else ""
                if kind_name == "begin":
                    fields.append("code")
                elif kind_name == "separate" and fields:
                    fields[-1] = "result"
                elif kind_name == "end" and fields:
                    fields.pop()
            elif name in ("vanish", "specVanish") and parent == "rPr" and not hidden:
                if stack[-2:-1] == ["pPr"]:
                    mark_gone = mark_gone or _on(attrs)
                elif stack[-2:-1] == ["r"]:
                    run_hidden = _on(attrs)
            elif name == "del" and parent == "rPr" and stack[-2:-1] == ["pPr"]:
                mark_gone = mark_gone or not deleted
            elif name == "rStyle" and stack[-2:-1] == ["r"] and not hidden and \
                    (v := _VAL.search(attrs)):
                run_hidden = v.group(1) in hidden_styles
            elif name in _BREAKS and parent == "r" and not run_hidden and not (codes and fields):
                out.append(_BREAKS[name])
        if empty:
            continue
        stack.append(name)
        if skip >= 0:
            continue
        if (name in _ALWAYS_SKIPPED or (name in ("del", "moveFrom") and not deleted)
                or (name in ("ins", "moveTo") and not inserted)):
            skip = len(stack) - 1
        elif name == "fldSimple":
            if codes:
                instr = _INSTR.search(attrs)
                out.append(" " + (instr.group(1) or instr.group(2) if instr else "") + " ")
            simple.append(len(stack) - 1)
        elif name == "p":
            mark_gone = False
    return html.unescape("".join(out))


_ODF_STYLE = re.compile(r"<style:style\b([^>]*)>(.*?)</style:style>", re.S)
_ODF_NAME = re.compile(r"""style:name\s*=\s*["']([^"']*)["']""")
_ODF_NONE = re.compile(r"""text:display\s*=\s*["']none["']""")
_ODF_HIDING = frozenset({"hidden-text", "hidden-paragraph", "tracked-changes"})
_STYLE_NAME = re.compile(r"""style-name\s*=\s*["']([^"']*)["']""")
_ODF_ENDS = frozenset({"p", "h", "line-break", "list-item", "table-cell", "table-row", "tab",
                       "s", "note"})


_REGION = re.compile(r"<text:changed-region\b[^>]*?\s(?:text:id|xml:id)\s*=\s*[\"']([^\"']*)[\"']"
                     r"[^>]*>(.*?)</text:changed-region>", re.S)
_CHANGE_ID = r"""\stext:change-id\s*=\s*["']{}["'][^>]*/>"""


def _odf_original(xml: str) -> str:
    """An ODF part as it was before its tracked changes: each deletion's text put
    back where its ``text:change`` mark stands (its paragraphs' tags taken out,
    so it joins the words around it), each insertion taken out."""
    for m in _REGION.finditer(xml):
        rid, body = re.escape(m.group(1)), m.group(2)
        if "<text:deletion" in body:
            deleted = _TAG_ONLY.sub("", body.split("</office:change-info>")[-1])
            xml = re.sub(r"<text:change\b" + _CHANGE_ID.format(rid),
                         deleted.replace("\\", "\\\\"), xml)
        elif "<text:insertion" in body:
            xml = re.sub(r"<text:change-start\b" + _CHANGE_ID.format(rid) + r".*?<text:change-end\b"
                         + _CHANGE_ID.format(rid), "", xml, flags=re.S)
    return xml


_TAG_ONLY = re.compile(r"<[^>]*>")


def _odf_hidden_styles(xml: str) -> frozenset[str]:
    """The names of ODF styles whose text is not shown (``text:display="none"``)."""
    return frozenset(n.group(1) for m in _ODF_STYLE.finditer(xml)
                     if _ODF_NONE.search(m.group(2)) and (n := _ODF_NAME.search(m.group(1))))


def _odf_view(xml: str, hidden_styles: frozenset[str]) -> str:
    """An ODF part's text with what LibreOffice does not show left out: spans of
    a hidden style, hidden text and paragraphs, and the tracked deletions."""
    out: list[str] = []
    stack: list[str] = []
    skip = -1
    for m in _TOKEN.finditer(xml):
        closing, name, attrs, empty, text = m.groups()
        if text is not None:
            if skip < 0:
                out.append(text)
            continue
        if name is None:
            continue
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            if skip >= len(stack):
                skip = -1
            if name in _ODF_ENDS and skip < 0:
                out.append(" ")
            continue
        if name in ("s", "tab", "line-break") and skip < 0:
            out.append(" ")
        if empty:
            continue
        stack.append(name)
        style = _STYLE_NAME.search(attrs)
        if skip < 0 and (name in _ODF_HIDING or (style and style.group(1) in hidden_styles)):
            skip = len(stack) - 1
    return html.unescape("".join(out))
