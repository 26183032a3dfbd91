"""What a document holds that its program does not show on the page (red team 12,
R12-10), for ivsite.readers.hiddentext.

A CV reviewed with its comments left in, a hidden run (Word's ``w:vanish``), a
tracked deletion, speaker notes, a PDF's sticky note: a reader of the document
sees none of it at first, ivsite copies it as written, and anyone who opens the
comments pane, shows hidden text or saves the file reads it all. This module reads
the parts ivsite.readers.packed unpacks (and ivsite.readers.wordshown's views):

- Office (DOCX, XLSX, PPTX): every comment part (``comments.xml``, threaded
  comments, ``ppt/comments/``), speaker notes (``notesSlides``); in a Word part,
  the words of its *hidden shown* and *original* views (hidden text, tracked
  deletions) that its *final* view does not show;
- Excel: a hidden sheet (``state="hidden"``/``veryHidden``);
- OpenDocument: annotations (``<office:annotation>``), Impress speaker notes,
  and the words of the part that the view with hidden text out does not show;
- PDF: the ``/Contents`` of each annotation but a free-text box (which the page
  shows), a link or a form field (a description, as alt text is; a signature's
  bytes are no text), and a layer the viewer opens off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from .packed import Budget, unpacked
from .pdf.encodings import text_string
from .pdf.fonts import STRING, raw_string

_NOTE_PARTS = re.compile(r"(?:^|/)(?:comments\w*\.xml|threadedComments/[^/]+\.xml|"
                         r"comments/[^/]+\.xml|notesSlides/[^/]+\.xml)\.txt$", re.I)
"""The joined reading (``.xml.txt``) of a part the document shows in a pane only."""
_ANNOTATION = re.compile(r"<office:annotation\b.*?</office:annotation>"
                         r"|<presentation:notes\b.*?</presentation:notes>", re.S)
"""An ODF comment, and an Impress slide's speaker notes."""
_HIDDEN_SHEET = re.compile(r"<(?:\w+:)?sheet\b[^>]*?\sstate\s*=\s*[\"'](?:hidden|veryHidden)[\"']"
                           r"[^>]*>")
_SHEET_NAME = re.compile(r"""\sname\s*=\s*["']([^"']*)["']""")
_LAYER_OFF = re.compile(rb"/OFF\s*\[\s*\d+\s+\d+\s+R")
"""A PDF's optional content (a layer) that a viewer opens switched off."""
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W\d_]+")
_CONTENTS = re.compile(rb"/Contents\s*(?=[(<](?!<))")
_VIEWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (".final.txt", ("hidden", "original")), (".shown.txt", ("",)))
"""A view of what a part shows (ivsite.readers.wordshown), and the readings of the
same part that hold more: Word's hidden-shown and original views, ODF's joined one."""
_NO_NOTE = re.compile(rb"/Subtype\s*/(?:FreeText|Link|Widget)\b|/ByteRange\b|/Type\s*/Sig\b")
"""What a ``/Contents`` string of which is shown or is no note: a free-text box's
(drawn on the page), a link's or a form field's (its description, read aloud as
an image's alt text is), a signature's (bytes)."""


def document_hidden(suffix: str, data: bytes, budget: Budget) -> Iterator[str]:
    """Each thing a document hides from its reader, as a phrase."""
    parts = unpacked(PurePosixPath("file" + suffix), data, budget)
    if suffix == ".pdf":
        yield from _pdf(data, parts)
        return
    texts = {str(p): b.decode("utf-8", "replace") for p, b in parts}
    for name, text in texts.items():
        if _NOTE_PARTS.search(name) and _WORD.search(text):
            what = "speaker notes" if "notesSlides" in name else "a comment"
            yield f"holds {what} ({name.removesuffix('.txt')}: {_excerpt(text)})"
        if name.endswith(".xml") and ("<office:annotation" in text
                                      or "<presentation:notes" in text):
            for m in _ANNOTATION.finditer(text):
                if _WORD.search(said := _TAG.sub(" ", m.group(0))):
                    what = "speaker notes" if m.group(0).startswith("<p") else "a comment"
                    yield f"holds {what} ({name}: {_excerpt(said)})"
        if name.endswith("workbook.xml"):
            for m in _HIDDEN_SHEET.finditer(text):
                sheet = _SHEET_NAME.search(m.group(0))
                yield f"holds a hidden sheet ({sheet.group(1) if sheet else 'unnamed'!r})"
    for name, text in texts.items():
        for view, others in _VIEWS:
            if not name.endswith(view):
                continue
            base = name.removesuffix(view)
            seen = _words(text)
            for other in others:
                more = texts.get(f"{base}.{other}.txt" if other else f"{base}.txt", "")
                if unseen := [w for w in _WORD.findall(more) if w.casefold() not in seen]:
                    kind = "tracked deletions" if other == "original" else "hidden text"
                    yield f"holds {kind} ({base}: {_excerpt(' '.join(unseen))})"


def _pdf(data: bytes, parts: list[tuple[PurePosixPath, bytes]]) -> Iterator[str]:
    """Each annotation's ``/Contents`` but a free text's, in the file's own syntax
    and its decoded streams (an object stream holds objects too)."""
    for body in (data, *(b for p, b in parts if p.name == "stream.bin")):
        if _LAYER_OFF.search(body):
            yield "holds a layer (optional content) a viewer opens switched off"
        for m in _CONTENTS.finditer(body):
            start = body.rfind(b"obj", 0, m.start())
            end = body.find(b"endobj", m.end())
            whole = body[max(start, 0):end if end >= 0 else len(body)]
            if _NO_NOTE.search(whole):
                continue
            string = STRING.match(body, m.end())
            if string and _WORD.search(said := text_string(raw_string(string))):
                yield f"holds an annotation's note ({_excerpt(said)})"


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[:limit] + "…")
