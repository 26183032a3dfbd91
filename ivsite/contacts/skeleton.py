"""The contact skeleton of a text: what is left of an email address, a phone
number or a profile address however it is spelt, so that one substring search
finds every spelling.

People write contact details to get past spam harvesters, and those spellings
get past a search for the detail as written just as well: "jane at example dot
com", "jane [at] example [dot] com", "jane(at)example(dot)com", "JANE AT EXAMPLE
DOT COM", "j a n e @ e x a m p l e . c o m", "jane+jobs@example.com" (the same
mailbox), "linkedin dot com slash in slash janedoe", "416 • 555 • O199",
"٤١٦ ٥٥٥ ٠١٩٩" (Arabic-Indic digits), "416x555x0199". A list of patterns, one per
spelling someone thought of, misses the next one; instead the audience filter's
check and the audit (both through :class:`ivsite.text.textmatch.Matcher`) turn the
text *and* each contact detail into the same skeleton and look for the one in
the other:

1. case folded;
2. a token put in for the reader to take out ("qzabNOSPAM@", "REMOVETHIS") taken
   out (red team 16, R16-11; read before step 1, as capitals are one of its marks:
   see ivsite.contacts.munges), and the words that spell a symbol as the
   symbol ("at" "@", "dot" ".", "slash" "/", "plus" "+", "dash" "-" …, and
   their words in other languages: "arroba", "punto", "guión", "małpa",
   "собака", "ドット"; see ivsite.contacts.symbolwords), standing apart, in
   brackets or not, or joined by hyphens or underscores
   ("jane-dot-doe-at-acme-dot-example");
3. a plus-address tag taken out ("jane+jobs@" is "jane@");
4. every digit of any script as an ASCII digit (``unicodedata.digit``), and a
   digit spelt as an English word standing apart ("zero" or "oh" to "nine") as
   that digit: "four one six, five five five, zero one nine nine" is a number,
   and so are pairs and repeats ("oh-one forty-two", "triple-five"; see
   ivsite.contacts.spokendigits), and the digit words of French, German, Spanish,
   Italian and Portuguese, Chinese and Japanese numerals and Korean digit words
   ("quatre un six", "zweiundvierzig", "四一六"; see ivsite.contacts.otherdigits),
   and a number's keypad letters as their digits ("647-EVA-CARE"; see
   ivsite.contacts.keypad);
5. everything but letters, digits, "@" and "/" taken out: spaces, dots, dashes,
   underscores, brackets, bullets. Only a long run of symbols (more than
   :data:`MAX_GAP`, as in a rule of dashes) is kept, as "|": it ends a number;
6. the letters drawn like digits as those digits ("o" "0", "l" and "i" "1"),
   everywhere: done to the detail looked for as to the text, so "jd.private" is
   "jdpr1vate" in both and "O199" is "0199".

Each step reads a character alone, a whole word or a run of symbols, so a detail
has the same skeleton inside a text as alone (unless a word of it runs into the
text's words).

What is left of "Call jane at example dot com" is "ca11jane@examp1ec0m", which
holds "jane@examp1ec0m", the skeleton of "jane@example.com". Prose has skeletons
too ("meet at the cafe" is "meet@thecafe"), so a detail's skeleton is looked for
only where it is long and specific (see :data:`MIN_SKELETON`), only with an "@"
or a "/" in it (see ivsite.contacts.fields: "janed0edev", of janedoe.dev, would be
found in "Jane Doe develops"), and only where it ends a word of the text
(:func:`ends_a_word`: "I met Jane at Acme, communications lead" holds
"jane@acmec0m" inside "acmec0mmun1cat10ns", which is no mention of
jane@acme.com). A phone number is found by its last :data:`PHONE_DIGITS` digits
in a run of digits of the skeleton, its groups in either order (see
:func:`phone_windows`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..text.normalise import SPACELESS_CHARS, SPACELESS_WORD, fold_cased
from .countrycodes import SHORT_DIGITS, national_part
from .keypad import keypad_digits
from .munges import without_munges
from .otherdigits import other_digits
from .spokendigits import spoken_digits
from .symbolwords import spell_symbols

MAX_GAP = 3
"""Symbols (not spaces) that may stand between two digits of one number."""
PHONE_DIGITS = 7
"""A phone number is compared by its last seven (national) digits."""
MAX_DIGITS = 15
"""The most digits one phone number has (E.164); a longer run is two numbers."""
MIN_SKELETON = 6
"""A contact detail's skeleton shorter than this is not looked for (it would be
found inside ordinary words)."""


_MARK = "\x01"
"""Stands for a symbol taken out (see marked_skeleton): runs of more than MAX_GAP
are a break ("|"), the others nothing."""
_SPACE = "\x03"
"""Stands for a space taken out (see marked_skeleton)."""


class _Table(dict[int, str]):
    """``str.translate`` table of steps 4 to 6 (see the module's docstring): a
    letter as itself ("o", "i", "l" as digits), a digit of any script as its ASCII
    digit, "@" and "/" as themselves, a space as :data:`_SPACE`, any other
    character as :data:`_MARK`. Filled in as characters are met (building it for all of
    Unicode takes a while); text already case-folded."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        digit = unicodedata.digit(char, None)
        if digit is not None:
            value = str(digit)
        elif char.isalnum() or char in "@/":
            value = _LOOKALIKES.get(char, char)
        else:
            value = _SPACE if char.isspace() else _MARK
        self[code] = value
        return value


_LOOKALIKES = {"o": "0", "i": "1", "l": "1"}
_TABLE = _Table()
_TABLE.update((code, _TABLE[code]) for code in range(128))
_GAP = re.compile(f"{_MARK}(?:{_SPACE}*{_MARK}){{{MAX_GAP},}}")
_PLUS_TAG = re.compile(r"\+\s*(?:[^\s@+]+|(?:[^\s@+] )+)[\s\[\](){}<>]*(?=@)")
"""A plus-address tag: the part of an address's mailbox that is not its name (one
word, or one spaced out letter by letter, before an "@" in brackets or not)."""


def skeleton(cased: str, *, digit_words: bool = True) -> str:
    """The contact skeleton (see the module's docstring) of a text already decoded
    and folded (:attr:`ivsite.text.textmatch.Searchable.cased`)."""
    return unmarked(marked_skeletons(cased)[0 if digit_words else 1])


def marked_skeletons(cased: str) -> tuple[str, str]:
    """The skeleton with each space and symbol taken out still there as a mark
    (:data:`_SPACE`, :data:`_MARK`), which tells where a word ended (see
    :func:`ends_a_word`): with step 4's digit words read as digits, and without.

    Both, because a digit word is a digit in a spoken number and letters in an
    address: "four one six, five five five" is a number, "oh@aaa.com" spelt
    "o h @ a a a . c o m" is not "0@aaa.com". An address is looked for as written
    (:func:`address_skeleton`) in either skeleton; a number in the first."""
    cased = without_munges(cased)  # "qzabNOSPAM@zenthor.example" (ivsite.contacts.munges)
    spelt = spell_symbols(_casefold(cased))
    dialled = keypad_digits(cased)  # "647-EVA-CARE" (ivsite.contacts.keypad)
    digits = other_digits(spoken_digits(
        spelt if dialled is cased else spell_symbols(_casefold(dialled))))
    with_digits = _marked(digits)
    return with_digits, (with_digits if digits == spelt else _marked(spelt))


def _casefold(text: str) -> str:
    return text.lower() if text.isascii() else text.casefold()


def _marked(text: str) -> str:
    if "+" in text:
        text = _PLUS_TAG.sub("", text)
    text = text.translate(_TABLE)
    return _GAP.sub("|", text) if text.count(_MARK) > MAX_GAP else text


def unmarked(marked: str) -> str:
    """A marked skeleton without its marks: the skeleton."""
    return marked.replace(_MARK, "").replace(_SPACE, "")


def ends_a_word(needle: str, marked: str) -> bool:
    """Whether a detail's skeleton stands in a text's marked skeleton where a word
    of the text ends: "jane@acme.com," holds "jane@acmec0m", "Jane at Acme,
    communications" does not (its skeleton holds it, but inside a word)."""
    return _ending(needle).search(marked) is not None


@functools.lru_cache(maxsize=1 << 12)
def _ending(needle: str) -> re.Pattern[str]:
    marks = f"[{_MARK}{_SPACE}]*"
    # A letter of a script written without spaces after a Latin one ends the word
    # ("rquin@zenthor.exampleまで": red team 14, R14-09); after one of its own it may not.
    end = (r"(?![^\W_])" if needle and SPACELESS_WORD.match(needle[-1])
           else rf"(?![^\W_{SPACELESS_CHARS}])")
    return re.compile(marks.join(map(re.escape, needle)) + end)


def backwards_ends_a_word(reversed_needle: str, marked: str) -> bool:
    """Whether a detail's skeleton written backwards (``reversed_needle``) stands in
    a text's marked skeleton where a word of it starts: the detail ends a word of
    the text read backwards ("elpmaxe.rohtnez@niuqr", red team 15, R15-08).

    Reading the needle backwards instead of every text is the same search: each
    step that is left of the text in its skeleton (the case, digits of any script,
    look-alike letters, a symbol or space taken out or marked) reads one
    character alone, so the skeleton of a text written backwards is its skeleton
    written backwards, marks and all. The steps that read whole words ("at",
    "dot", "oh", a ``+tag``) do not carry over, and need not: their words
    written backwards ("ta", "tod") are read as such by no one. Asked only where
    the reversed needle is in the skeleton, which a page almost never holds, so
    the text's skeleton is turned round only then."""
    return ends_a_word(reversed_needle[::-1], marked[::-1])


def phone_keys(digits: str) -> tuple[str, ...]:
    """What a number's last :data:`PHONE_DIGITS` digits are looked for as among a
    text's :func:`phone_windows`: as they are, and backwards ("7310 555 614 1+",
    red team 15, R15-08). The last digits of a number turned round are the first
    of it written backwards, and every run of digits is read for windows
    wherever they start: turning the needle is the same search as turning every
    text, at no cost per text."""
    return (digits, digits[::-1])


_PHONE_RUN = re.compile(rf"[0-9](?:[/x]{{0,2}}[0-9]){{{PHONE_DIGITS - 1},}}")
"""Digits, and what is left of a number's separators in a skeleton: slashes, and
an "x" ("416x555x0199"), which is a letter and so stays in the skeleton."""
_SHORT_RUN = re.compile(rf"[0-9](?:[/x]{{0,2}}[0-9]){{{SHORT_DIGITS - 1},}}")
"""As :data:`_PHONE_RUN`, from the fewest digits a short national number has."""


def phone_windows(marked: str, short: bool = False) -> set[str]:
    """Every :data:`PHONE_DIGITS` digits in a row in a marked skeleton (see
    :func:`marked_skeletons`): the last digits of any phone number written in the
    text, with its digit groups in the order written and in reverse order;
    ``short``: every run of fewer digits too, from
    ivsite.contacts.countrycodes.SHORT_DIGITS (asked only by a search for a number
    whose national part is short, "31 45 67": red team 16, R16-10).

    Reverse, because bidi lays out numbers after right-to-left letters group by
    group from the right: "رقم الهاتف: 0142 555 416", plain Markdown, shows as
    "416 555 0142" (red team 8, N10), and so does ``<p dir="rtl">``. Reading
    every run of groups both ways needs no reading of the layout."""
    sizes = range(SHORT_DIGITS if short else PHONE_DIGITS, PHONE_DIGITS + 1)
    windows: set[str] = set()
    runs = (_SHORT_RUN if short else _PHONE_RUN).findall(unmarked(marked))
    for run in set(runs):  # pages repeat their dates
        windows.update(_windows(run.replace("/", "").replace("x", ""), sizes))
    for run in set(_GROUP_RUN.findall(marked)):
        windows.update(_windows("".join(reversed(_GROUP.findall(run))), sizes))
    return windows


def _windows(digits: str, sizes: range) -> set[str]:
    return {digits[i:i + n] for n in sizes for i in range(len(digits) - n + 1)}


_GROUP = re.compile("[0-9]+")
_GROUP_RUN = re.compile(rf"[0-9]+(?:[{_MARK}{_SPACE}/x]{{1,{MAX_GAP + 2}}}[0-9]+)+")
"""Groups of digits apart (by spaces, dots, dashes, slashes …; see :data:`_PHONE_RUN`)."""


def contact_skeleton(text: str) -> str:
    """The skeleton of a text as written (a contact field, or a text to search)."""
    return skeleton(fold_cased(text))


def address_skeleton(address: str) -> str:
    """The skeleton an email or profile address is looked for by: its digit words
    left as letters ("oh@aaa.com" is "0h@aaac0m"; see :func:`marked_skeletons`)."""
    return skeleton(fold_cased(address), digit_words=False)


def phone_key(value: str) -> str:
    """The digits a phone number is compared by ('' when it has too few): its last
    :data:`PHONE_DIGITS`, or its national part where that is shorter ("314567"
    of "+298 31 45 67", red team 16, R16-10: ivsite.contacts.countrycodes)."""
    digits = re.sub(r"[^0-9]", "", contact_skeleton(value))
    short = national_part(value, digits)
    if short:
        return short
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""
