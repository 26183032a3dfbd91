"""A caption or subtitle file's text as a player shows it (red team 18, R18-B02).

Read as plain text, a caption file puts its own structure between the words a
viewer sees together: a name said across two cues has a cue number and a
timing line between its words (``Quentin`` / ``2`` / ``00:00:02,000 --> …`` /
``Zabrowski``), and inline markup splits or wraps them (YouTube's word timings
``<00:00:01.500><c> Quentin</c>``, ``<i>``, ``<font>``, an ASS override block
``{\\i1}`` or line break ``\\N``, a karaoke syllable ``{\\k20}Zab{\\k30}rowski``).
:func:`caption_readings` gives the cues' texts with all of that taken out,
each cue after the one before (in the file's order, and in the order a player
shows them where the times say otherwise), for the audit to search beside the
file as written (ivsite.readers.readable).

Formats: WebVTT, SubRip, YouTube's SBV and SubViewer (a timing line, then the
cue's lines), MicroDVD (``{frame}{frame}text``), LRC lyrics (``[mm:ss.xx]``),
ASS/SSA (``Dialogue:`` events), and the XML and HTML ones (TTML, DFXP, SAMI),
read with their tags out.
"""

from __future__ import annotations

import html
import re

LINE_CAPTIONS = (".vtt", ".webvtt", ".srt", ".sbv", ".sub")
ASS_CAPTIONS = (".ass", ".ssa")
TAGGED_CAPTIONS = (".ttml", ".dfxp", ".smi", ".sami")
CAPTION_SUFFIXES = (*LINE_CAPTIONS, *ASS_CAPTIONS, *TAGGED_CAPTIONS, ".lrc")

_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,:]\d{1,3})?"
_TIMING = re.compile(rf"^[ \t]*({_STAMP})[ \t]*(?:-->|,)[ \t]*{_STAMP}(?:[ \t].*)?$")
"""A cue's timing line: ``00:00:01.000 --> 00:00:02.000 align:start`` (WebVTT,
SubRip), ``0:00:01.000,0:00:03.000`` (SBV, SubViewer)."""
_MICRODVD = re.compile(r"^[ \t]*\{(\d+)\}\{\d*\}(.*)$")
_LRC_TIME = re.compile(r"\[(\d+:\d{1,2}(?:[.:]\d{1,3})?)\]")
_BREAK = re.compile(r"<br\b[^>]*>|\[br\]|\\[Nnh]", re.I)
"""What a player shows as a line break or a space: ``<br>``, SubViewer's
``[br]``, ASS's ``\\N``, ``\\n`` and hard space ``\\h``."""
_INLINE = re.compile(r"<[^<>\n]*>|\{\\[^{}]*\}|\{[A-Za-z]:[^{}]*\}")
"""Markup a player does not show, which sits inside a word as easily as between
words (a karaoke syllable's timing): a tag or timestamp (``<i>``,
``<c.yellow>``, ``<00:00:01.500>``, ``<v Ann>``), an ASS override block
(``{\\i1}``, ``{\\k20}``, also in SubRip) and MicroDVD's ``{y:i}``."""
_BLOCK_TAG = re.compile(r"</?(?:p|div|body|sync|tt|br)\b[^>]*>", re.I)
_UNSHOWN = re.compile(r"<(head|style|metadata)\b.*?</\1\s*>|<!--.*?(?:-->|\Z)", re.I | re.S)


def caption_readings(suffix: str, text: str) -> list[str]:
    """What a player shows of a caption file of this kind: its cues' texts, a line
    each (a line break parts no name), in the file's order and, where it differs,
    in the order of their times."""
    suffix = suffix.casefold()
    cues = _line_cues(text) if suffix in LINE_CAPTIONS else \
        _ass_cues(text) if suffix in ASS_CAPTIONS else \
        _lrc_cues(text) if suffix == ".lrc" else []
    if suffix in TAGGED_CAPTIONS:
        return [_tagged(text)]
    if not cues:
        return []
    readings = ["\n".join(_shown(t) for _, t in cues)]
    timed = sorted(cues, key=lambda cue: cue[0])
    if timed != cues:
        readings.append("\n".join(_shown(t) for _, t in timed))
    return readings


_Cue = tuple[float, str]


def _shown(cue: str) -> str:
    """A cue's text as shown: breaks as spaces, inline markup out, entities read."""
    return html.unescape(_INLINE.sub("", _BREAK.sub(" ", cue))).replace("\n", " ").strip()


def _seconds(stamp: str) -> float:
    """A cue's time (``h:mm:ss.fff``, ``mm:ss,fff``, ``mm:ss``) in seconds, to put
    cues in the order a player shows them; ValueError if it is none."""
    m = re.fullmatch(r"([\d:]+)(?:[.,](\d+))?", stamp.strip())
    if m is None:
        raise ValueError(stamp)
    seconds = 0.0
    for p in m.group(1).split(":"):
        seconds = seconds * 60 + int(p or 0)
    return seconds + (float("0." + m.group(2)) if m.group(2) else 0.0)


def _line_cues(text: str) -> list[_Cue]:
    """The cues of a format that gives each a timing line, then its text up to a
    blank line (WebVTT, SubRip, SBV, SubViewer); in a file without blank lines a
    cue's number or identifier, the line right before its timing, is not its
    predecessor's text. MicroDVD's
    ``{start}{end}text`` lines, where ``|`` breaks a line, are read too."""
    lines = text.splitlines()
    times = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _TIMING.match(line))]
    cues: list[_Cue] = []
    for k, (at, stamp) in enumerate(times):
        end = times[k + 1][0] if k + 1 < len(times) else len(lines)
        body = lines[at + 1:end]
        blank = next((i for i, line in enumerate(body) if not line.strip()), None)
        if blank is not None:  # the cue ends (a NOTE or STYLE block may follow)
            body = body[:blank]
        elif k + 1 < len(times) and body:
            body = body[:-1]  # the next cue's number or identifier, with no blank line
        cues.append((_seconds(stamp), "\n".join(body)))
    cues += [(float(m.group(1)), m.group(2).replace("|", "\n"))
             for line in lines if (m := _MICRODVD.match(line))]
    return cues


def _ass_cues(text: str) -> list[_Cue]:
    """An ASS or SSA script's ``Dialogue:`` events: the text is the last of the
    fields its ``Format:`` line names (it may hold commas), its time the ``Start``."""
    fields, start = 10, 1
    cues: list[_Cue] = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip().casefold()
        if key == "format" and "text" in value.casefold():
            names = [n.strip().casefold() for n in value.split(",")]
            fields = len(names)
            start = names.index("start") if "start" in names else 1
        elif key == "dialogue":
            parts = value.split(",", fields - 1)
            if len(parts) == fields:
                try:
                    when = _seconds(parts[start].strip())
                except ValueError:
                    when = 0.0
                cues.append((when, parts[-1]))
    return cues


def _lrc_cues(text: str) -> list[_Cue]:
    """An LRC file's timed lines (a line may carry several times: a chorus), with
    its word timings (``<mm:ss.xx>``) taken out as inline markup."""
    cues: list[_Cue] = []
    for line in text.splitlines():
        stamps = _LRC_TIME.findall(line)
        words = _LRC_TIME.sub("", line)
        cues += [(_seconds(s), words) for s in stamps]
    return cues


def _tagged(text: str) -> str:
    """A TTML, DFXP or SAMI file's shown text: its head, styles and comments out,
    a paragraph, cue or break a space, any other tag (a span) taken out."""
    body = _BLOCK_TAG.sub(" ", _UNSHOWN.sub(" ", text))
    return html.unescape(re.sub(r"<[^>]*>", "", body))
