"""The everyday short forms of given names of languages beyond English: "Kasia"
for Katarzyna, "Sasha" for Aleksandr, "Pepe" for José, "Beppe" for Giuseppe (red
team 10, R10-06).

The ``nicknames`` package (ivsite.nicknamed) is English only, and no installed
package carries other languages' diminutives. This table is written by hand,
from common usage, not copied from a published list (nor yet checked entry by
entry against one: Wiktionary's categories of diminutives of given names, per
language, are the source to check it against): the common diminutive of each
name as the language's speakers use it (Polish, Russian and Ukrainian
romanised, Czech, South Slavic, German, Spanish, Portuguese, Italian, French).
It is short on purpose: the forms everyone knows, not every pet
name; a form that is an English word is left out of the part-alone search (see
:func:`diminutive_parts`). Each line: full names (spellings separated by "/"),
a colon, their diminutives.

Beside them, the usual English spellings of one Arabic given name ("Mohamed" for
Muhammad, "Youssef" for Yusuf: red team 10, R10-20), which the romanisation
standards do not fix and each bearer chooses: fixed variants of one name, not
sound-alikes (ivsite.soundkey), written as one line of spellings each.
"""

from __future__ import annotations

import functools

from ..text.normalise import words

_TABLE = """
katarzyna/katerina/ekaterina/yekaterina/katharina: kasia kaska katya katka kathi
aleksandr/aleksander/alexander/oleksandr/aleksandar/alexandr: sasha sanya shura sasa olek
aleksandra/alexandra/oleksandra: sasha shura ola
malgorzata: gosia malgosia
agnieszka: aga agusia
joanna: asia
magdalena: magda
anna: ania anka anya
elzbieta: ela
barbara: basia
zofia: zosia
jozef/josef: jozek pepa sepp
jan: janek honza
piotr/pyotr/petr: piotrek petya
tomasz: tomek
krzysztof: krzys krzysiek
wojciech: wojtek
stanislaw: stasiek stas
jakub: kuba
andrzej: jedrek
grzegorz: grzesiek
jadwiga: jadzia
kazimierz: kazik
wladyslaw: wladek
zbigniew: zbyszek
bartlomiej: bartek
maciej: maciek
mikhail/michal: misha michalek
dmitri/dmitry/dmitriy/dmitrij: dima mitya
ivan: vanya
nikolai/nikolay/mykola: kolya
sergei/sergey/sergiy: seryozha
vladimir/volodymyr: volodya vova
yelena/elena/olena: lena
tatiana/tatyana/tetiana: tanya
natalia/natalya/nataliya: natasha
maria/mariya: masha
anastasia/anastasiya: nastya
olga: olya
yevgeny/evgeny/evgeniy/yevgenia/evgenia: zhenya
pavel/pawel: pasha pawelek
alexei/aleksei/alexey/aleksey/oleksiy: alyosha lyosha
konstantin: kostya
svetlana: sveta
lyudmila/ludmila: lyuda
irina/iryna: ira
yulia/yuliya: yulya
anatoly/anatoliy: tolya
grigory/grigoriy: grisha
yakov: yasha
fyodor/fedor: fedya
vasily/vasiliy: vasya
nadezhda: nadya
jiri: jirka
johannes/johann: hans hannes
friedrich: fritz
heinrich: heinz
wilhelm: willi
franziska: franzi
nikolaus: klaus
margarete: grete gretchen
jose: pepe pepito ze
francisco: paco pancho curro chico
francisca: paca paquita
ignacio: nacho
guillermo: memo
enrique: quique
manuel: manolo manu
jesus: chucho chuy
dolores: lola
concepcion: concha conchita
mercedes: merche
guadalupe: lupe
rosario: charo
eduardo: lalo
consuelo: chelo
rafael: rafa
fernando: nando
giuseppe: beppe peppe pino
giovanni: gianni
salvatore: toto turi
domenico: mimmo
alessandro: sandro
vincenzo: enzo
lorenzo: renzo
giuseppina: pina
luigi: gino
francois: fanfan
marguerite: margot
"""
_SPELLINGS = """
muhammad mohammed mohammad mohamed mohamad muhammed mohammed mohamud
ahmad ahmed
mahmoud mahmud mahmood
mustafa mustapha moustafa mostafa
yusuf youssef yousef yousuf yusef youssouf
hussein hussain husain husayn hossein
hassan hasan
abdullah abdallah abdulla
omar umar
othman uthman osman
ibrahim ebrahim
khaled khalid
walid waleed
saeed saied
fatima fatimah fatma
aisha ayesha aishah aicha
khadija khadijah
zainab zaynab zeynep
mariam maryam meryem
"""
MIN_PART = 5
"""A diminutive shorter than this ("Ola", "Asia", "Pepe") is looked for only with
the family name, never alone in the person's own note: too many are words."""
NOT_ALONE = frozenset({"chico", "concha", "nacho", "nando", "memo", "pasha", "curro",
                       "charo", "gretchen", "fritz", "klaus", "hannes", "pancho"})
"""Diminutives that are words or famous names besides ("nacho", "chico")."""


@functools.cache
def _forms() -> dict[str, frozenset[str]]:
    """Each folded name and diminutive: the other forms of its line."""
    out: dict[str, set[str]] = {}
    for line in _TABLE.strip().splitlines():
        full, _, small = line.partition(":")
        fulls = ["".join(words(f)) for f in full.split("/")]
        smalls = ["".join(words(s)) for s in small.split()]
        for f in fulls:
            out.setdefault(f, set()).update(smalls)
        for s in smalls:
            out.setdefault(s, set()).update(fulls)
    for line in _SPELLINGS.strip().splitlines():
        spellings = line.split()
        for one in spellings:
            out.setdefault(one, set()).update(spellings)
    return {k: frozenset(v - {k}) for k, v in out.items()}


def diminutives(given: str) -> list[str]:
    """The other forms of the folded given name ``given``: its diminutives, or the
    full names of a diminutive."""
    return sorted(_forms().get(given, ()))


def diminutive_parts(given: str) -> list[str]:
    """The diminutives of ``given`` looked for alone near the person (see MIN_PART
    and NOT_ALONE)."""
    return [d for d in diminutives(given) if len(d) >= MIN_PART and d not in NOT_ALONE]
