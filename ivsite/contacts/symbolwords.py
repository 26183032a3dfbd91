"""The words people spell an address's symbols with, in the languages they write
them in, read as the symbols (ivsite.contacts.skeleton, step 2).

An address is spelt out to get past harvesters, in the writer's language: "jane
punto doe arroba acme guión corp punto example", "studio.lead apenstaartje acme
punt example", "małpa … kropka", "собака … точка", "アットマーク … ドット", and
with its words joined by hyphens or underscores as one word would be:
"jane-dot-doe-at-acme-corp-dot-example" (red team 11, R11-02). Each word of
:data:`SYMBOL_WORDS` standing apart is read as its symbol, in the text and in the
detail looked for alike, so that both have one skeleton.

Standing apart: a word of a spaced script (Latin, Cyrillic, Greek, Hebrew …)
between spaces, brackets, hyphens, dashes or underscores ("jane(at)acme",
"jane_at_acme", "jane-at-acme"), not beside a letter, digit, "@" or "." (the
address "at@example.com" says no "@"); a word of a script written without spaces
(艾特, 点, ドット) beside no letter of such a script: "studio艾特acme点example".
A word of several ("guion bajo", "snabel-a") may be written with a space, a
hyphen, an underscore or nothing between.

Many of these are ordinary words ("at", "point", "punt", "tire", 点). Reading
one as a symbol refuses nothing by itself: an address is found only where the
whole of a detail's skeleton, "@" and all, stands in a text's (see
ivsite.contacts.skeleton). The list is data: a language is a line here.
"""

from __future__ import annotations

import re
import unicodedata

from ..text.normalise import SPACELESS, fold_cased
from ..text.wordtrie import trie

SYMBOL_WORDS: dict[str, tuple[str, ...]] = {
    "@": (
        "at",                                        # English
        "arroba", "arrova",                          # Spanish, Portuguese, Catalan
        "arobase", "arrobe",                         # French
        "chiocciola", "chiocciolina",                # Italian
        "klammeraffe", "affenschwanz", "affenschaukel", "affenohr",  # German
        "apenstaartje", "apenstaart", "apestaart",   # Dutch
        "małpa", "małpka",                           # Polish
        "собака", "собачка", "равлик",               # Russian, Ukrainian
        "zavináč",                                   # Czech, Slovak
        "kukac",                                     # Hungarian
        "snabel a", "snabela", "alfakrøll",          # Swedish, Danish, Norwegian
        "miukumauku", "ät",                          # Finnish
        "papaki", "παπάκι",                          # Greek
        "שטרודל",                                    # Hebrew
        "アットマーク", "アット",                     # Japanese
        "艾特", "圈a", "小老鼠",                      # Chinese
        "골뱅이", "앳",                               # Korean
    ),
    ".": (
        "dot", "period", "point",                    # English, French
        "punto", "ponto", "punt", "punct",           # Spanish, Italian, Portuguese, Dutch, Romanian
        "punkt", "punktum",                          # German, Swedish, Polish, Danish, Norwegian
        "kropka", "kropką",                          # Polish
        "точка", "крапка",                           # Russian, Ukrainian
        "tečka", "bodka",                            # Czech, Slovak
        "pont",                                      # Hungarian
        "piste",                                     # Finnish
        "nokta",                                     # Turkish
        "τελεία",                                    # Greek
        "נקודה",                                     # Hebrew
        "ドット",                                     # Japanese
        "点", "點",                                   # Chinese
        "닷", "점",                                   # Korean
    ),
    "-": (
        "dash", "hyphen", "minus",                   # English
        "guion", "guión", "menos",                   # Spanish
        "tiret", "trait d union", "moins",           # French
        "bindestrich", "strich",                     # German
        "trattino", "meno",                          # Italian
        "hífen", "hifen", "traço", "traco",          # Portuguese
        "streepje", "koppelteken", "minteken",       # Dutch
        "myślnik", "łącznik", "minus",               # Polish
        "дефис", "тире", "минус", "дефіс",           # Russian, Ukrainian
        "pomlčka", "spojovník",                      # Czech
        "kötőjel",                                   # Hungarian
        "bindestreck", "streck",                     # Swedish
        "tavuviiva", "viiva",                        # Finnish
        "tire", "kısa çizgi",                        # Turkish
        "παύλα",                                     # Greek
        "ハイフン", "マイナス",                        # Japanese
        "连字符", "連字符", "横杠", "橫槓", "减号",       # Chinese
        "하이픈",                                     # Korean
    ),
    "_": (
        "underscore", "underline", "low line",       # English
        "guion bajo", "barra baja",                  # Spanish
        "tiret bas",                                 # French
        "unterstrich",                               # German
        "trattino basso",                            # Italian
        "sublinhado",                                # Portuguese
        "laag streepje", "liggend streepje",         # Dutch
        "podkreślnik", "podkreślenie",               # Polish
        "подчёркивание", "нижнее подчёркивание",     # Russian
        "podtržítko",                                # Czech
        "alulvonás",                                 # Hungarian
        "understreck",                               # Swedish
        "alaviiva",                                  # Finnish
        "alt çizgi",                                 # Turkish
        "アンダースコア", "アンダーバー",              # Japanese
        "下划线", "下劃線",                           # Chinese
        "언더바", "언더스코어",                        # Korean
    ),
    "/": (
        "slash", "forward slash",                    # English
        "barra", "barre oblique",                    # Spanish, Portuguese, Italian, French
        "schrägstrich",                              # German
        "schuine streep",                            # Dutch
        "ukośnik",                                   # Polish
        "слэш", "слеш", "косая черта",               # Russian
        "lomítko",                                   # Czech
        "snedstreck",                                # Swedish
        "kauttaviiva",                               # Finnish
        "スラッシュ",                                 # Japanese
        "斜杠", "斜線",                               # Chinese
    ),
    "+": ("plus", "плюс"),
}
"""Words for the symbols of an e-mail or web address, by symbol (one word may be
two languages'). Written as a reader writes them, accents and all: each is read
both as written and folded (ivsite.text.normalise: "zavináč" is "zavinac", the
Latin-looking letters of "собака" Latin)."""

_APART = r"\s\[\](){}<>_\-\u2010-\u2015\u2212"
"""What stands between a spaced script's symbol word and the rest of an address."""
_JOINED = r"[\s_\-\u2010-\u2015\u2212]*"
"""What stands between the words of one symbol word of several ("snabel-a")."""


def _forms(word: str) -> set[str]:
    """``word`` as the readings compare it: case-folded as written (ivsite.contacts.
    shape reads text so) and folded (the skeleton reads text so)."""
    return {unicodedata.normalize("NFKC", word).casefold(), fold_cased(word).casefold()}


_SYMBOL_OF = {re.sub(_JOINED, "", form): symbol for symbol, ws in SYMBOL_WORDS.items()
              for w in ws for form in _forms(w)}
"""Each word without its spaces, as its symbol."""


def words_for(*symbols: str) -> list[str]:
    """The words of ``symbols``, longest first, in every form read (see :func:`_forms`)."""
    return sorted({f for s in symbols for w in SYMBOL_WORDS[s] for f in _forms(w)},
                  key=len, reverse=True)


def _readers(words: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two patterns for ``words`` standing apart (see the module's docstring). A
    word of a spaced script with what stands before it (group ``apart``), so that
    the engine stops only at spaces and brackets, not at every letter that starts
    a word (most letters do); a word of a spaceless script after no letter of one
    (a look-behind after its first letter: the engine stops at those letters).
    Two patterns, not one alternation: the engine skips ahead only for one."""
    spaceless = [w for w in words if SPACELESS.search(w)]
    spaced = [w for w in words if not SPACELESS.search(w)]
    other = SPACELESS.pattern
    return (re.compile(f"(?P<apart>[{_APART}]){trie(spaced, space=_JOINED)}(?![^{_APART}])"),
            re.compile(f"{trie(spaceless, first=lambda c: f'(?<!{other}{re.escape(c)})')}"
                       f"(?!{other})"))


SPACED, SPACELESS_WORDS = _readers(words_for(*SYMBOL_WORDS))
"""Every symbol word standing apart: of spaced scripts, of spaceless ones."""


def spell_symbols(cased: str) -> str:
    """Each word that spells a symbol, standing apart, as the symbol with a space
    either side ("jane at example dot com" is "jane @ example . com"); ``cased``:
    case-folded. (A space put first stands for the text's start.)"""
    spelt = SPACED.sub(_spoken, " " + cased)[1:]
    return spelt if spelt.isascii() else SPACELESS_WORDS.sub(_spoken, spelt)


def _spoken(m: re.Match[str]) -> str:
    apart = m.groupdict("").get("apart", "")
    word = m.group(0)[len(apart):]
    return f"{apart} {_SYMBOL_OF[re.sub(_JOINED, '', word)]} "
