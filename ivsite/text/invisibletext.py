"""Text carried by characters drawn as nothing (red team 12, R12-02).

The normaliser drops every character drawn as nothing before matching
(:data:`ivsite.text.normalise.FORMAT_CHARS`), which is right for a zero-width
joiner inside a name, but three tricks make such characters *spell* text that
a language model, a copy and paste or a script reads while a person sees nothing:

- Unicode tag characters (U+E0020–E007E), each an ASCII character plus 0xE0000
  ("ASCII smuggling");
- variation selectors used as bytes (U+FE00–FE0F for 0–15 and U+E0100–E01EF for
  16–255, one per byte of UTF-8, after an emoji: "emoji smuggling"), or as hex
  digits (U+FE00–FE0F, two per byte);
- zero-width characters used as bits (U+200B for 0 and U+200C for 1, or any two
  of the zero-width space, joiners, word joiner and BOM; or four as base-4
  digits; or a third one between the characters).

:func:`carried` finds where a text holds such a run (validate refuses it:
ivsite.validate.invisibledata), and :func:`invisible_readings` decodes each trick
as the text a reader of it would get (the audit reads those as texts of their
own: ivsite.readers.morereadings). What they let through: an emoji with its
presentation selector (❤️), a flag's tag sequence (🏴󠁧󠁢󠁳󠁣󠁴󠁿), emoji joined by
zero-width joiners (👩‍💻), a zero-width non-joiner in Persian or an Indic script,
a soft hyphen, an ideograph with its variation selector.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator

TAGS = "\U000e0000-\U000e007f"
SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
ZERO_WIDTH = ("\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
              "\u2060-\u2064\u3164\ufeff\uffa0")
"""Soft hyphen, grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian
free variation selectors and vowel separator, zero-width space, non-joiner and
joiner, the left-to-right and right-to-left marks, word joiner, the invisible
operators and the BOM (zero-width no-break space): the characters drawn as
nothing that may stand as digits (see :func:`_bits`)."""
_RUN = re.compile(f"[{TAGS}{SELECTORS}{ZERO_WIDTH}]+")
_ANY = re.compile(f"[{TAGS}{SELECTORS}{ZERO_WIDTH}]")
"""A character one of the tricks uses: texts without one are not read again."""
_FLAG_TAGS = re.compile("[\U000e0061-\U000e007a]{2}[\U000e0030-\U000e0039\U000e0061-\U000e007a]"
                        "{1,3}\U000e007f")
"""A flag's tag sequence after U+1F3F4: a region's ISO 3166-2 code in tag letters
("gbsct"), then the cancel tag."""
_BLACK_FLAG = "\U0001f3f4"
MAX_ZERO_WIDTH = 2
"""Zero-width characters that may stand together: a joiner beside a non-joiner or a
mark, never more (a byte takes eight)."""
SPREAD_ZERO_WIDTH = 8
"""Zero-width characters inside Latin words that make a text refused: one is a
slip of a copy and paste, eight are a byte spread one between each two letters."""
_IN_LATIN_WORD = re.compile(f"(?<=[A-Za-z0-9])[{ZERO_WIDTH.replace(chr(0xad), '')}]"
                            "(?=[A-Za-z0-9])")
"""A zero-width character between two Latin letters or digits (a soft hyphen there
is hyphenation, and a long word has many)."""
MIN_UNREAD = 16
"""An invisible run at least this long that no reading decodes to text is
refused by the audit (fail closed)."""


def carried(text: str) -> Iterator[tuple[int, str]]:
    """Where ``text`` holds invisible characters that carry data, and which kind:
    (offset, what), the first of each run."""
    if text.isascii():
        return
    for m in _RUN.finditer(text):
        run, start = m.group(0), m.start()
        before = text[start - 1] if start else ""
        tags = sum(1 for c in run if c >= "\U000e0000" and c <= "\U000e007f")
        selectors = [c for c in run if _is_selector(c)]
        if tags:
            if not (before == _BLACK_FLAG and _FLAG_TAGS.fullmatch(run)):
                yield start, f"{tags} Unicode tag character{'s' * (tags > 1)}"
        elif len(selectors) > 1:
            yield start, f"{len(selectors)} variation selectors after one character"
        elif selectors and not _selects(before, selectors[0]):
            yield start, f"a variation selector after '{before}', which it does not select"
        elif len(run) - len(selectors) > MAX_ZERO_WIDTH:
            yield start, f"{len(run) - len(selectors)} zero-width characters in a row"
    spread = [m.start() for m in _IN_LATIN_WORD.finditer(text)]
    if len(spread) >= SPREAD_ZERO_WIDTH:
        yield spread[0], f"{len(spread)} zero-width characters inside words"


def _is_selector(c: str) -> bool:
    return "\ufe00" <= c <= "\ufe0f" or "\U000e0100" <= c <= "\U000e01ef"


def _selects(before: str, selector: str) -> bool:
    """Whether ``selector`` may follow ``before``: the text and emoji selectors
    (VS15, VS16) follow anything; the ideographic ones (VS17–256) an ideograph;
    VS1–14 anything but a Latin letter or an emoji (standardised variants of
    digits, mathematical symbols and letters of other scripts)."""
    if selector in "\ufe0e\ufe0f":
        return bool(before)
    if selector >= "\U000e0100":
        return unicodedata.name(before, "").startswith("CJK ") if before else False
    return bool(before) and before < "\U0001f000" and not (before.isascii() and before.isalpha())


def invisible_readings(text: str) -> list[str]:
    """The texts ``text``'s invisible characters spell, each trick decoded as its
    tools decode it: per run of them, and all of a text's together (the
    characters may be spread one after each visible character). Only readings
    that are mostly printable text are given."""
    if text.isascii() or not _ANY.search(text):
        return []
    found: list[str] = []
    runs = [m.group(0) for m in _RUN.finditer(text)]
    for part in [*runs, "".join(runs)]:
        found += _decodings(part)
    return list(dict.fromkeys(r for r in found if r.strip()))


def unread_runs(text: str) -> list[str]:
    """Why a run of invisible characters (at least :data:`MIN_UNREAD`) is refused:
    none of the readings decodes it to text."""
    if text.isascii() or not _ANY.search(text):
        return []
    return [f"a run of {len(run)} invisible characters that spells no text the audit "
            "can read" for run in (m.group(0) for m in _RUN.finditer(text))
            if len(run) >= MIN_UNREAD and not _FLAG_TAGS.fullmatch(run)
            and not _decodings(run)]


def _decodings(run: str) -> list[str]:
    out = []
    tags = "".join(chr(ord(c) - 0xE0000) for c in run if "\U000e0020" <= c <= "\U000e007e")
    if len(tags) > 1:
        out.append(tags)
    selectors = [c for c in run if _is_selector(c)]
    if len(selectors) > 1:
        out += _text_of(bytes(_byte(c) for c in selectors))
        nibbles = [ord(c) - 0xFE00 for c in selectors if c < "\U000e0000"]
        out += _text_of(bytes(a << 4 | b for a, b in zip(nibbles[::2], nibbles[1::2],
                                                         strict=False)))
    out += _bits(run)
    return out


def _byte(selector: str) -> int:
    code = ord(selector)
    return code - 0xFE00 if code < 0xE0000 else code - 0xE0100 + 16


def _bits(run: str) -> list[str]:
    """A zero-width run read as binary (two kinds of character), base 4 (four), or
    binary with a third kind between characters, each assignment of the digits."""
    digits = "".join(c for c in run if not _is_selector(c) and c < "\U000e0000")
    kinds = sorted(set(digits))
    if len(digits) < 8 or len(kinds) > 4:
        return []
    out: list[str] = []
    if len(kinds) == 2:
        for zero, one in itertools.permutations(kinds):
            bits = digits.replace(zero, "0").replace(one, "1")
            out += _text_of(_packed(bits, 8))
    elif len(kinds) == 3:
        for gap in kinds:
            zero, one = (k for k in kinds if k != gap)
            for z, o in ((zero, one), (one, zero)):
                groups = digits.replace(z, "0").replace(o, "1").split(gap)
                out += _text_of(bytes(int(g, 2) & 0xFF for g in groups if g) if all(
                    len(g) <= 8 for g in groups) else b"")
                codes = [int(g, 2) for g in groups if g]
                if all(c < 0x110000 for c in codes):
                    out += _printable("".join(map(chr, codes)))
    else:
        for order in itertools.permutations(kinds):
            quads = digits.translate({ord(k): str(i) for i, k in enumerate(order)})
            out += _text_of(bytes(int(quads[i:i + 4], 4) for i in range(0, len(quads) - 3, 4)))
    return out


def _packed(bits: str, width: int) -> bytes:
    return bytes(int(bits[i:i + width], 2) for i in range(0, len(bits) - width + 1, width))


def _text_of(data: bytes) -> list[str]:
    return _printable(data.decode("utf-8", errors="replace")) if len(data) > 1 else []


def _printable(text: str) -> list[str]:
    """``text`` when nine in ten of its characters are printable, else none."""
    shown = sum(1 for c in text if c.isprintable() and c != "\ufffd")
    return [text] if text and shown >= 0.9 * len(text) else []
