"""The forms of a name worth looking for: what the audience filter's check and the
audit look for to find one person's name, however it is written.

The name, the name without its middle names, "Family, Given", the words run
together (``adaezeokafor``, as a URL or handle has them), a title or initial with
the family name, neighbouring words run together ("Maryjane Kowalski"), the same
for the name romanised (``Иван Петров`` as "Ivan Petrov", ``王小明`` as "Wang
Xiaoming", see :mod:`ivsite.romanise`), a Chinese name in Traditional and
Simplified characters (:mod:`ivsite.chinese_forms`), the given and family name by
sound in any script (:mod:`ivsite.soundkey`), the same forms of the name written
with another form of its given or middle name ("Quinlan, Rob", "Jim Quinlan":
:mod:`ivsite.names.givenforms`), the name with its family name's particles
written any other way ("Anneke v.d. Berg", "Dr v.d. Berg":
:mod:`ivsite.names.particles`), and the given or family name alone (looked for
near the person only, see ivsite.people).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ..core.sizedcache import sized_cache
from ..text.normalise import SPACELESS, compact, is_word, words
from ..text.textmatch import Confirmed
from ..text.wordpairs import WordPair
from .asidenames import other_names
from .chinese_forms import other_forms
from .drawnpairs import drawn_seqs
from .formset import Forms, union
from .gapforms import gap_forms
from .givenforms import capitals_only, everyday_variant, variant_names
from .handles import handle_form, short_handle_form, word_like
from .inflections import as_written, name_pairs
from .initialforms import compound_initials, recorded_family_initial, recorded_initial
from .labelledforms import labelled_forms
from .nameparts import HONORIFICS, PARTICLES, bounded_name, plain_name
from .nicknamed import short_form_parts
from .particles import particle_forms, titled_particles, written_particles
from .romanise import romanised, romanised_seqs, run_together, usual_spellings
from .soundkey import name_sounds
from .typoforms import backwards, typo_pairs
from .vowelspellings import vowel_seqs
from .worlddiminutives import diminutive_parts
from .worldtitles import cjk_titled, korean_titled, titled_forms

MIN_PART = 2
"""A name part shorter than this (an initial) is never looked for alone; nor is one
with digits in it (a handle, not a name)."""


def _core(ws: list[str]) -> list[str]:
    """The words of a name without leading titles ("Dr", "Professor")."""
    i = 0
    while i < len(ws) - 1 and ws[i] in HONORIFICS:
        i += 1
    return ws[i:]


MIN_ROMAN_GIVEN = 4
"""A romanised Chinese or Korean given name shorter than this ("Na", "Yu") is not
looked for alone: too many are English words or syllables of them."""
MIN_HANDLE = 5
"""A profile's last path segment shorter than this is not looked for alone."""
MIN_INITIAL_HANDLE = 6
"""An initial and family name run together ("mkowalczyk") shorter than this is
looked for only where the text shows a handle (ivsite.handles): too many are
words ("shall" for Sam Hall, "spark" for Sara Park) or abbreviations ("json" for
Jiwoo Son)."""
MIN_SHORT_HANDLE = 4
"""A run shorter than this ("jli" for Jia Li) is not looked for at all; from this
to :data:`MAX_SHORT_HANDLE` letters ("jdoe", red team 9 R9-08/09) where the text
shows a handle (ivsite.handles.short_handle_form), unless it opens as a word may:
"bash" for Bea Ash, "jira" for Jo Ira are the names of tools in every path."""
MAX_SHORT_HANDLE = 5


@sized_cache(64 << 20, lambda name: 1000 * len(name))  # a name's forms: about 900× its size
def name_forms(name: str) -> Forms:
    """The forms of ``name`` as written and as romanised (ivsite.romanise): a
    Cyrillic or German name with all its forms, a Han or Hangul name's
    romanisations as word sequences only, each also with letters drawn as a pair of
    letters (ivsite.drawnpairs); and its sound keys (ivsite.soundkey). The same
    for each name an aside in it says the person goes by ("Kevin Wang" for
    "Xiaoming (Kevin) Wang", ivsite.asidenames), its parts alone where the aside
    is surely a name. Kept by the name: the filter, the consent checks and the
    audit each ask for every person's. An overlong name's forms are those of its
    first words and last (ivsite.names.nameparts.bounded_name): never too many."""
    name = bounded_name(name)
    forms = _spelt_forms(name)
    # "Shohei Ohtani" for Shōhei Ōtani, "Min-joon Kim" for Minjun Kim (ivsite.vowelspellings).
    spelt = vowel_seqs(plain_name(name)) if not SPACELESS.search(name) else set()
    sounds = set(name_sounds(plain_name(name)))
    for other in other_names(name):
        more = _spelt_forms(other.name)
        forms = union(forms, more if other.parts else dataclasses.replace(more, parts=()))
        sounds |= set(name_sounds(other.name))
    return dataclasses.replace(  # "Rnoore" for "Moore" (ivsite.drawnpairs)
        forms, seqs=tuple(sorted({*forms.seqs, *drawn_seqs(forms.seqs), *spelt})),
        titled=tuple(sorted({*forms.titled, *drawn_seqs(forms.titled)})),
        sounds=tuple(sorted(sounds)))


def _spelt_forms(name: str) -> Forms:
    name = plain_name(name)  # no titles, suffixes or asides (ivsite.nameparts)
    forms = _written_forms(name)
    extra = romanised_seqs(name) | usual_spellings(name)  # "Park Jiwoo" for 박지우
    if extra:
        forms = dataclasses.replace(forms, seqs=tuple(sorted({*forms.seqs, *extra})))
    for other in other_forms(name):  # 王晓明 as 王曉明 (ivsite.chinese_forms)
        more = _written_forms(other)
        forms = dataclasses.replace(
            forms, substrings=tuple(sorted({*forms.substrings, *more.substrings})),
            parts=tuple(sorted({*forms.parts, *more.parts})))
    if extra:
        # The given name romanised, a part as it is in its own script (red team 7 M2).
        spelt = {run_together(g) for g in _given_syllables("".join(name.split()))}
        given = {p for p in spelt if len(p) >= MIN_ROMAN_GIVEN}
        return dataclasses.replace(forms, parts=tuple(sorted({*forms.parts, *given})))
    for latin in romanised(name):
        forms = union(forms, _written_forms(latin))
    # "Quinlan, Rob", "Jim Quinlan" (R15-03); of the name as written: a romanisation's
    # initials ("Kharris" for Харрис) are a guess, and its short forms two guesses.
    for other, word in variant_names(name):
        forms = union(forms, _written_forms(other, word))
    return forms


def _written_forms(name: str, variant: str = "") -> Forms:
    """The forms of ``name`` as written. For a given-name ``variant`` (``name`` is
    the name written with another form of its given or middle name:
    ivsite.names.givenforms) without its parts alone, which the name's own forms
    have, and without the forms that are an initial and the family name or a title
    and the family name: the name has those for its own initial, and "B. Quinlan"
    may be Bill, his brother; one that is an everyday word as
    ivsite.names.givenforms.everyday_variant has it."""
    ws = words(name)
    core = _core(ws)
    if not core:
        return Forms((), (), ())
    if SPACELESS.search(name):
        runs = {compact(ws), compact(core)}
        parts = {core[0], core[-1]} if len(core) > 1 else _given_syllables(core[0])
        # A family name and an honorific: "山田さん", "王先生", "김 선생님" (R10-24).
        return Forms(tuple(sorted(korean_titled(name))),
                     tuple(sorted(runs | set(cjk_titled(name)))),
                     tuple(sorted(p for p in parts if len(p) >= MIN_PART)))
    forms: set[tuple[str, ...]] = {tuple(ws)}
    if len(core) > 1:
        forms.add(tuple(core))
        small = PARTICLES | written_particles(name)  # "v", "d" of "Anneke v.d. Berg"
        j = len(core) - 1
        while j > 1 and core[j - 1] in small:
            j -= 1
        given, family, middle = core[0], core[j:], core[1:j]
        forms |= {(given, *family), (*family, given), (*family, given, *middle),
                  (given, core[-1]), (core[-1], given)}
        # A word and a later surname: "Ana García" for Ana García-López, "María
        # García" for Ana María García López. A surname is in the last written word
        # (or the last two words of a longer name): "Dong hyun" alone is only the
        # given name of Dong-hyun Ortega, "José María" of José María Ramírez.
        written = name.split()
        last = len(core) - len(words(written[-1])) if len(written) > 1 else len(core) - 1
        surnames = min(last, len(core) - 2) if len(core) >= 4 else last
        named = [(i, w) for i, w in enumerate(core) if w not in small]
        forms |= {(a, b) for n, (_, a) in enumerate(named) for j, b in named[n + 1:]
                  if j >= max(surnames, 1)}
    forms |= {(compact(list(f)),) for f in list(forms) if len(f) > 1}
    if len(core) > 1:
        forms |= backwards((tuple(core), (given, *family)))
    if len(core) > 1 and not variant:  # a variant's own forms are enough (R16-05)
        # "Anneke v.d. Berg", "Pieter van der Broek" for van den Broek
        forms |= particle_forms(tuple(core)) | particle_forms((given, *family))
    # Neighbouring words run together: "Maryjane Kowalski", "Siobhan Obrien".
    forms |= set(_merged(tuple(core)))
    titled: set[tuple[str, ...]] = set()
    confirmed: tuple[Confirmed, ...] = ()
    handles: tuple[Confirmed, ...] = ()
    labelled: tuple[Confirmed, ...] = ()
    pairs: tuple[WordPair, ...] = ()
    if len(core) > 1:
        # "Anny Kowalskiej", "Иваном Петровым", "Qeuntin Zabrowski" (R11-01, R11-13)
        pairs = (*name_pairs(*as_written(name, ws, core)),
                 *typo_pairs(given, compact(words(written[-1]))))
        labelled = labelled_forms(given, tuple(family))  # "Quentin, surname Zabrowski"
        hyphenated = next((tuple(words(w)) for w in written if words(w)[:1] == [given]), ())
        confirmed = (*_confirmed(given, tuple(family), hyphenated[:j]),
                     *recorded_family_initial(given, tuple(family)),
                     # 'Quentin "the Z" Zabrowski', "Anneke van Berg", "Wm. Whitlock"
                     *gap_forms(given, tuple(family), prefixes=not variant))
    if len(core) > 1 and not variant:
        titled = {(title, *family) for title in HONORIFICS} | {(given[0], *family)}
        titled |= particle_forms((given[0], *family))  # "P. v.d. Broek"
        # A handle: the initial and the family name run together ("qzabrowski"),
        # where the text shows it when it may be a word ("chance": ivsite.handles).
        handle = given[0] + compact(list(family))
        if MIN_SHORT_HANDLE <= len(handle) <= MAX_SHORT_HANDLE and not word_like(handle):
            handles = (short_handle_form(handle),)
        elif len(handle) >= MIN_INITIAL_HANDLE and word_like(handle):
            handles = (handle_form(handle),)
        elif len(handle) >= MIN_INITIAL_HANDLE:
            forms.add((handle,))
        confirmed += (_family_initial(given, tuple(family)),
                      *titled_forms(tuple(family)),  # "Señor Zabrowski" (ivsite.worldtitles)
                      *titled_particles(tuple(family)),  # "Dr v.d. Berg" (R16-05)
                      # "Quentin Zabrowski" for "Q. Zabrowski", "Jane Doe" for "Jane D."
                      *recorded_initial(given, tuple(family)),
                      *compound_initials(core[:j], tuple(family)))  # "JL Marchand"
    parts = {core[0], core[-1]} if len(core) > 1 or len(ws) > 1 else set()
    if len(core) > 1:  # "Kasia" alone in Katarzyna's own note (ivsite.worlddiminutives)
        parts |= set(diminutive_parts(core[0]))
        parts |= set(short_form_parts(core[0]))  # "Bob" in Robert's own note (R14-12)
    found = Forms(tuple(sorted(forms)), (),
                  tuple(sorted(p for p in parts if not variant
                               and len(p) >= MIN_PART and is_word(p) and p not in PARTICLES)),
                  tuple(sorted(titled)), confirmed, handles, labelled=labelled, pairs=pairs)
    return everyday_variant(found, variant) if variant and capitals_only(variant) else found



_THREE_SYLLABLES = re.compile("[\u4e00-\u9fff]{3}|[\uac00-\ud7af]{3}")
"""A Chinese or Korean name of three syllables written as one word: a family name
of one syllable and a given name of two (王小明, 김민준). A Japanese name in kanji
(山田太郎) splits where only a dictionary knows, and none is installed: its run is
looked for whole, not its parts."""


def _given_syllables(run: str) -> set[str]:
    """The given name of a three-syllable Chinese or Korean name (小明 of 王小明,
    민준 of 김민준): how friends address the person, a part like "Quentin" (red
    team 7 M2). The one-syllable family name alone is too common a word to look for."""
    return {run[1:]} if _THREE_SYLLABLES.fullmatch(run) else set()


_IN_NAME = r"""(?:[\s."'\u201c\u201d\u2018\u2019()]+|[-\u2010\u2011])"""
"""What stands between the words of a name with a middle word: spaces, dots,
quotes and brackets ("Quentin R. Zabrowski", 'Quentin "Bob" Zabrowski'), or a
hyphen with no space beside it ("Jean-Luc X. Marchand" for Jean-Luc or Jean Luc
Marchand); not the commas and list marks between two people."""


def _confirmed(given: str, family: tuple[str, ...],
               given_words: tuple[str, ...] = ()) -> tuple[Confirmed, ...]:
    """A middle name or initial, one or two words, between the given and family
    name, and the given name with the family initial (:func:`_given_and_initial`):
    only where those words are capitalised, which "Quentin met Zabrowski" and
    "Park a car" are not.

    Each pattern starts with its first word and checks what stands before it
    afterwards (a look-behind over that word): a pattern that starts with a
    literal lets the regular expression engine skip ahead to where it can match,
    about three times as fast over a page as one that starts with a look-behind."""
    family_re = r"[\W_]+".join(re.escape(w) for w in family)
    middle = (rf"{_word_start(given)}{_IN_NAME}"
              rf"(?P<capital>(?:[^\W\d_]+{_IN_NAME}){{1,2}}){family_re}(?![^\W_])")
    # In the text's words, a middle word is one or two words (more where a script
    # without spaces splits into one word per letter: textmatch.NEAR_GAP).
    return (Confirmed(family, middle, (given, family)),
            *_given_and_initial(given, family), *_given_and_initial(given_words, family))


def _family_initial(given: str, family: tuple[str, ...]) -> Confirmed:
    """The family name with the initial after it, capitalised ("Zabrowski, Q.",
    "ZABROWSKI Q")."""
    family_re = r"[\W_]+".join(re.escape(w) for w in family)
    initial = (_word_start(family[0]) + family_re[len(re.escape(family[0])):]
               + rf"[\s,]+(?P<capital>{re.escape(given[0])})(?![^\W_])")
    return Confirmed((*family, given[0]), initial)


def _given_and_initial(given: str | tuple[str, ...],
                       family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """The given name and the family initial, both capitalised, the initial with a
    dot or alone, after a space or a hyphen ("Quentin Z.", "Dana W", "Quentin-Z":
    red team 10, R10-14), which with a company beside it names the
    person as surely as the full name (red team 4, J-spelled). Its anchor is both
    words, so the pattern runs only on a text whose words hold the given name
    followed by that initial: the anchor is the literal prefilter here. ``given``
    may be the words of a hyphenated given name ("Jean-Luc M.", "Dong-hyun O."),
    written with a hyphen or a space; none when it is one word (the form above)."""
    names = (given,) if isinstance(given, str) else given
    if (len(names) == 1 and not isinstance(given, str)) or len("".join(names)) < MIN_PART:
        return ()
    surname = next((w for w in family if w not in PARTICLES), family[-1])
    if isinstance(given, str):
        return (Confirmed((given, surname[0]), rf"(?P<capital>{_word_start(given)}"
                          rf"(?:\s+|[-\u2010\u2011]){re.escape(surname[0])})(?![^\W_])"),)
    # The given name's later words may be small ("Dong-hyun"): the first word and
    # the initial must be capitals.
    rest = "".join(rf"[-\u2010\u2011\s]+{re.escape(w)}" for w in names[1:])
    return (Confirmed((*names, surname[0]), rf"(?P<capital>{_word_start(names[0])}){rest}"
                      rf"(?:\s+|[-\u2010\u2011])(?-i:{re.escape(surname[0].upper())})"
                      r"(?![^\W_])"),)


def _word_start(word: str) -> str:
    """``word`` where no letter or digit stands just before it."""
    return rf"{re.escape(word)}(?<![^\W_][\s\S]{{{len(word)}}})"


def _merged(ws: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The name with some neighbouring words joined ("mary jane kowalski" gives
    "maryjane kowalski", "mary janekowalski"); short names only (2^(n-1) ways)."""
    if not 2 < len(ws) <= 6:
        return
    for mask in range(1, 1 << (len(ws) - 1)):
        out, cur = [], ws[0]
        for i, w in enumerate(ws[1:]):
            if mask >> i & 1:
                cur += w
            else:
                out.append(cur)
                cur = w
        out.append(cur)
        if len(out) > 1:
            yield tuple(out)
