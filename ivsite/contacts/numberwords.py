"""Number words of the languages a phone number is said in, as data: a language
is a line (red team 10, R10-15; red team 11, R11-12: Dutch, Russian, Polish,
Turkish and Swedish were missing).

Written as a reader writes them, accents and all; ivsite.contacts.otherdigits
folds them as it folds the text (ivsite.text.normalise: "zéro" is "zero",
"dreißig" "dreissig", the Latin-looking letters of "четыре" Latin). English is
read by ivsite.contacts.spokendigits, Chinese, Japanese and Korean numerals by
ivsite.contacts.otherdigits. A word two languages share has one value in both
(tests/test_redteam11_contacts.py checks it).
"""

from __future__ import annotations

UNITS: dict[str, str] = {
    # 0 to 9; "/" between two words for one digit
    "French": "zéro un/une deux trois quatre cinq six sept huit neuf",
    "German": "null eins zwei/zwo drei vier fünf/fuenf sechs sieben acht neun",
    "Spanish": "cero uno/una dos tres cuatro cinco seis siete ocho nueve",
    "Italian": "zero uno due tre quattro cinque sei sette otto nove",
    "Portuguese": "zero um/uma dois/duas três quatro cinco seis/meia sete oito nove",
    "Dutch": "nul een/één twee drie vier vijf zes zeven acht negen",
    "Swedish": "noll ett/en två tre fyra fem sex sju åtta nio",
    "Danish": "nul en to tre fire fem seks syv otte ni",
    "Norwegian": "null en to tre fire fem seks sju åtte ni",
    "Finnish": "nolla yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän",
    "Polish": "zero jeden/jedna dwa trzy cztery pięć sześć siedem osiem dziewięć",
    "Czech": "nula jedna/jeden dva/dvě tři čtyři pět šest sedm osm devět",
    "Russian": "ноль/нуль один/одна два/две три четыре пять шесть семь восемь девять",
    "Ukrainian": "нуль один/одна два/дві три чотири п'ять шість сім вісім дев'ять",
    "Turkish": "sıfır bir iki üç dört beş altı yedi sekiz dokuz",
    "Hungarian": "nulla egy kettő/két három négy öt hat hét nyolc kilenc",
    "Romanian": "zero unu doi trei patru cinci șase șapte opt nouă",
    "Greek": "μηδέν ένα δύο τρία τέσσερα πέντε έξι επτά/εφτά οκτώ/οχτώ εννέα/εννιά",
}
"""Digits as words."""

TEENS: dict[str, str] = {
    # 10 to 19
    "French": "dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf",
    "German": "zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn",
    "Spanish": "diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve",
    "Italian": "dieci undici dodici tredici quattordici quindici sedici diciassette diciotto "
               "diciannove",
    "Portuguese": "dez onze doze treze catorze/quatorze quinze dezesseis/dezasseis "
                  "dezessete/dezassete dezoito dezenove/dezanove",
    "Dutch": "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien",
    "Swedish": "tio elva tolv tretton fjorton femton sexton sjutton arton nitton",
    "Danish": "ti elleve tolv tretten fjorten femten seksten sytten atten nitten",
    "Norwegian": "ti elleve tolv tretten fjorten femten seksten sytten atten nitten",
    "Polish": "dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście "
              "siedemnaście osiemnaście dziewiętnaście",
    "Czech": "deset jedenáct dvanáct třináct čtrnáct patnáct šestnáct sedmnáct osmnáct "
             "devatenáct",
    "Russian": "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать "
               "шестнадцать семнадцать восемнадцать девятнадцать",
    "Ukrainian": "десять одинадцять дванадцять тринадцять чотирнадцять п'ятнадцять "
                 "шістнадцять сімнадцять вісімнадцять дев'ятнадцять",
}
"""Ten to nineteen, each one word (a hyphenated French one too)."""

TWO_DIGITS: dict[str, str] = {
    "veintiuno": "21", "veintiún": "21", "veintidós": "22", "veintitrés": "23",
    "veinticuatro": "24", "veinticinco": "25", "veintiséis": "26", "veintisiete": "27",
    "veintiocho": "28", "veintinueve": "29",
}
"""Other numbers of two digits said as one word: the Spanish twenties."""

TENS: dict[str, str] = {
    # 20 to 90, read with the unit that follows ("trente-quatre", "сорок два")
    "French": "vingt/vingts trente quarante cinquante soixante septante "
              "huitante/octante/quatre-vingt/quatre-vingts nonante",
    "German": "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
    "Spanish": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
    "Italian": "venti trenta quaranta cinquanta sessanta settanta ottanta novanta",
    "Portuguese": "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
    "Dutch": "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
    "Swedish": "tjugo trettio fyrtio femtio sextio sjuttio åttio nittio",
    "Norwegian": "tjue tretti førti femti seksti sytti åtti nitti",
    "Finnish": "kaksikymmentä kolmekymmentä neljäkymmentä viisikymmentä kuusikymmentä "
               "seitsemänkymmentä kahdeksankymmentä yhdeksänkymmentä",
    "Polish": "dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt "
              "siedemdziesiąt osiemdziesiąt dziewięćdziesiąt",
    "Czech": "dvacet třicet čtyřicet padesát šedesát sedmdesát osmdesát devadesát",
    "Russian": "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят "
               "девяносто",
    "Ukrainian": "двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят "
                 "дев'яносто",
    "Turkish": "yirmi otuz kırk elli altmış yetmiş seksen doksan",
}
"""The tens, by their first digit ("trente" alone is 30)."""

GLUED: dict[str, tuple[bool, tuple[str, ...], str, str]] = {
    # (unit first, what joins them, the tens 20 to 90, the units 1 to 9)
    "German": (True, ("und",), "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig "
               "neunzig", "ein zwei drei vier fünf sechs sieben acht neun"),
    "Dutch": (True, ("en", "ën"), "twintig dertig veertig vijftig zestig zeventig tachtig "
              "negentig", "een twee drie vier vijf zes zeven acht negen"),
    "Italian": (False, ("a", "i", ""), "vent trent quarant cinquant sessant settant ottant "
                "novant", "uno due tre quattro cinque sei sette otto nove"),
    "Swedish": (False, ("",), "tjugo trettio fyrtio femtio sextio sjuttio åttio nittio",
                "ett/en två tre fyra fem sex sju åtta nio"),
    "Norwegian": (False, ("",), "tjue tretti førti femti seksti sytti åtti nitti",
                  "en to tre fire fem seks sju åtte ni"),
    "Finnish": (False, ("",), "kaksikymmentä kolmekymmentä neljäkymmentä viisikymmentä "
                "kuusikymmentä seitsemänkymmentä kahdeksankymmentä yhdeksänkymmentä",
                "yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän"),
}
"""Languages that write the tens and the unit as one word: "zweiundvierzig",
"tweeënveertig", "quarantadue" (the vowel dropped before a vowel: "ventotto"),
"fyrtiotvå", "førtito", "neljäkymmentäkaksi"."""
