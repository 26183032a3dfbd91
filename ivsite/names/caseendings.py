"""How other languages change a name in a sentence: case endings and clitics, as data.

A Polish, Czech, Russian or Latvian author declines both words of a name ("u
Anny Kowalskiej", "s Janou Novákovou", "с Иваном Петровым", "Jāņa Bērziņa"); a
Finnish, Hungarian, Turkish, German or English one adds an ending to the last word
alone ("Mikko Virtasen", "Nagy Péterrel", "Ahmet Yılmazla", "Jürgen Müllers");
a Hebrew or Arabic one joins "and", "to", "with" to the first ("ולדני כהן",
"ولمحمد علي"). Each table is a list of rules (the ending a name is written with
in a record, the endings that replace it in a sentence), applied by
:mod:`ivsite.names.inflections`. Latin endings are written folded (no accents:
"ą" is "a", "ové" is "ove", "ı" is "i"), as the text is compared
(ivsite.text.normalise); Cyrillic ones as written, folded with the name.

These are the common endings of the standard languages, not a grammar: a rare
case or an irregular stem is not here (see the README's non-goals on spelling).
"""

from __future__ import annotations

Rules = tuple[tuple[str, tuple[str, ...]], ...]

_MASC = ("a", "u", "owi", "ovi", "em", "om", "ie", "e", "y", "i", "ym", "ymi", "ykh", "ych",
         "ow", "owie", "ove", "ovia", "ou", "ovo", "ův", "uv")
"""After a consonant: Polish, Czech, Slovak, Croatian, Serbian and Russian
romanised (Nowaka, Novákovi, Ivanom, Petrovym, Nowakowie); Lithuanian vocative
and Latvian genitive of a name recorded without its ending."""
_FEM = ("y", "i", "ie", "e", "a", "o", "u", "ou", "oj", "oi", "ei", "ej", "iej", "s", "ai",
        "os", "oje", "ju", "yje")
"""For an "-a" (Anny, Annie, Annę, Anną, Janou, Janě; Latvian Annas, Annai; Lithuanian
Onos, Onai; Russian romanised Annoj)."""

BOTH_LATIN: Rules = (
    ("", _MASC),
    ("a", _FEM),
    ("o", ("a", "u", "om", "e", "ovi", "owi", "em")),  # Marko, Janko
    # Adjectival family names: Kowalski, Kowalska, Novotný, Nováková, Dostoevsky
    ("i", ("iego", "iemu", "im", "ich", "imi", "y", "ego", "emu")),
    ("y", ("ego", "emu", "ym", "ych", "ymi", "ogo", "omu", "im", "e", "eho", "ej")),
    ("ska", ("skiej", "ska", "skou", "ske", "skoj", "skoi", "skuju", "skaja")),
    ("cka", ("ckiej", "cka", "ckou", "cke")),
    ("ova", ("ove", "ovou", "ovej", "oveho", "ovoj", "ovoi", "ovu", "ovy")),
    # Baltic: Jānis, Bērziņš, Jonas, Kazlauskas, Vytautas, Dovydas, Jurgis, Saulius
    ("s", ("a", "am", "u", "i", "im", "", "o", "ui", "e", "ai", "os")),
    ("is", ("a", "am", "u", "i", "im", "io", "iui", "iu", "yje", "e", "ai")),
    ("as", ("o", "ui", "a", "u", "e", "ai", "ams", "us", "ais")),
    ("us", ("aus", "ui", "u", "umi", "uje", "au", "iaus", "iui", "iu")),
    ("ys", ("io", "iui", "i", "iu", "yje", "y")),
    ("e", ("es", "ei", "i", "e", "ej", "ou", "y")),  # Latvian and Lithuanian -e/-ė
)
"""Both words declined (Slavic and Baltic languages in Latin letters)."""

_FINNIC = ("n", "a", "ta", "lle", "lla", "lta", "ssa", "sta", "han", "hen", "hin", "na",
           "ksi", "t", "en", "lt", "l", "s", "st")
"""Finnish and Estonian endings on a stem ending in a vowel (Mäkelän, Mäkelälle;
Estonian Tamme, Tammele)."""
_HUNGARIAN = ("nak", "nek", "val", "vel", "rol", "ra", "re", "ba", "be", "ban", "ben", "hoz",
              "hez", "tol", "nal", "nel", "on", "en", "n", "ot", "et", "t", "ert", "ig",
              "kent", "e", "ek", "eknel", "ektol", "ekhez", "bol", "ul")
_TURKISH = ("la", "le", "yla", "yle", "in", "un", "nin", "nun", "a", "e", "ya", "ye", "i", "u",
            "yi", "yu", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "ca", "ce", "lar",
            "ler", "gil", "dir", "dur", "ndan", "nden", "na", "ne", "nda", "nde")
_GERMANIC = ("s", "es", "ens", "ses")
"""German, Dutch and Scandinavian genitives, English plurals and a dropped
apostrophe ("Jürgen Müllers Firma", "Kari Nordmanns bok", "the Zabrowskis")."""

LAST_LATIN: Rules = (
    ("", _FINNIC + _HUNGARIAN + _TURKISH + _GERMANIC
     + tuple("i" + e for e in ("n", "a", "lle", "lla", "lta", "ssa", "sta", "in", "na", "ksi"))),
    ("nen", ("sen", "sta", "selle", "sella", "selta", "sessa", "sesta", "seen", "sena",
             "seksi", "set", "sten", "sia", "siin", "sten")),
    ("e", ("een", "etta", "elle", "ella", "elta", "essa", "esta", "ena", "eksi")),  # Laine
)
"""The last word alone: Finnish (Virtasen, Peterille), Estonian, Hungarian (Péternek,
Nagyéknál), Turkish (Yılmazla, Yılmazın, Ayşe'ye) and Germanic. Assimilated and
softened endings (Péterrel, Ahmedin) are made by :mod:`ivsite.names.inflections`."""

BOTH_CYRILLIC: Rules = (
    ("", ("а", "у", "ом", "е", "ым", "ы", "ых", "ыми", "ем", "ю", "я", "ові", "ою", "ой",
          "і", "ого", "ому")),
    ("а", ("ы", "и", "е", "у", "ой", "ою", "ей", "ую", "і", "ої")),
    ("я", ("и", "е", "ю", "ей", "ею", "ї", "єю")),
    ("й", ("я", "ю", "ем", "е", "єм")),
    ("ий", ("ия", "ию", "ием", "ии", "ого", "ому", "им", "ом", "ие", "их")),
    ("ый", ("ого", "ому", "ым", "ом", "ые", "ых")),
    ("ая", ("ой", "ую", "ою")),
    ("ь", ("я", "ю", "ем", "е", "і")),
    ("о", ("а", "у", "ом", "е")),
)
"""Russian, Ukrainian and Belarusian declension of given and family names (Ивана,
Петровым, Петровой, Достоевского, Марии, Игорем)."""

HEBREW_PREFIXES = tuple(
    a + b + c for a in ("", "ו") for b in ("", "ש", "מ", "כש")
    for c in ("", "ה", "ב", "כ", "ל", "מ") if a + b + c)
""""and", "that", "from", "when" and "the", "in", "as", "to", "from" joined to a
Hebrew word: ולדני is "and to Dani"."""
ARABIC_PREFIXES = tuple(
    a + b for a in ("", "و", "ف") for b in ("", "ب", "ل", "ك", "س", "لل", "بال", "وال")
    if a + b)
""""and", "so" and "with", "to", "as" joined to an Arabic word: ولمحمد is "and to
Muhammad"."""
