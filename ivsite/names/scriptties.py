"""A record in its own script and one in Latin letters that may be one person:
"やまだ たろう" and "Taro Yamada", "박지우" and "Park Jiwoo", "محمد صلاح" and
"Mohamed Salah", "山田太郎" and "Taro Yamada" (red team 18, R18-02).

Consent belongs to a person (ivsite.names.persons). The ties by a name's words
take a romanisation of the other script (ivsite.names.identity), one spelling
each, which is seldom the one the person writes in English: "Bag Jiu" for 박지우,
"yamada tarou" for やまだ たろう, "mhmd slh" for محمد صلاح, and Chinese readings
for Japanese kanji ("Shan Tian Tai Lang" for 山田太郎). So the two records are
also compared by sound (ivsite.names.soundkey.word_key: vowels dropped, the
consonants romanisations trade made one, "w" and "y" dropped too, which
romanisations of Korean and Japanese write or leave out: "Jiwoo" and "Jiu"):
given and family name, either way round. Kanji have no reading ivsite can work
out; a kanji name that starts with a common Japanese family name of two or more
characters (:data:`JAPANESE_FAMILIES`, as their bearers write them) ties with a
Latin record of that family name, whatever the given name (fail closed).

Only across scripts: two names in Latin letters that sound alike are mostly two
people (ivsite.names.soundkey). Two different people tied so are withheld both
when either said no, with a ``consent-conflict`` warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .identity import name_words
from .nameparts import plain_name
from .romanise import romanised_seqs
from .soundkey import latin, word_key

JAPANESE_FAMILIES: dict[str, tuple[str, ...]] = {
    "佐藤": ("sato",), "鈴木": ("suzuki",), "高橋": ("takahashi",), "田中": ("tanaka",),
    "伊藤": ("ito",), "渡辺": ("watanabe",), "渡邊": ("watanabe",), "渡邉": ("watanabe",),
    "山本": ("yamamoto",), "中村": ("nakamura",), "小林": ("kobayashi",), "加藤": ("kato",),
    "吉田": ("yoshida",), "山田": ("yamada",), "佐々木": ("sasaki",), "山口": ("yamaguchi",),
    "松本": ("matsumoto",), "井上": ("inoue",), "木村": ("kimura",), "斎藤": ("saito",),
    "斉藤": ("saito",), "齋藤": ("saito",), "清水": ("shimizu",),
    "山崎": ("yamazaki", "yamasaki"), "森田": ("morita",), "池田": ("ikeda",),
    "橋本": ("hashimoto",), "阿部": ("abe",), "石川": ("ishikawa",), "山下": ("yamashita",),
    "中島": ("nakajima", "nakashima"), "石井": ("ishii",), "小川": ("ogawa",),
    "前田": ("maeda",), "岡田": ("okada",), "長谷川": ("hasegawa",), "藤田": ("fujita",),
    "後藤": ("goto",), "近藤": ("kondo",), "村上": ("murakami",), "遠藤": ("endo",),
    "青木": ("aoki",), "坂本": ("sakamoto",), "福田": ("fukuda",), "太田": ("ota", "ohta"),
    "西村": ("nishimura",), "藤井": ("fujii",), "金子": ("kaneko",), "岡本": ("okamoto",),
    "藤原": ("fujiwara",), "中野": ("nakano",), "三浦": ("miura",), "原田": ("harada",),
    "中川": ("nakagawa",), "松田": ("matsuda",), "竹内": ("takeuchi",), "小野": ("ono",),
    "田村": ("tamura",), "中山": ("nakayama",), "和田": ("wada",), "石田": ("ishida",),
    "上田": ("ueda",), "森本": ("morimoto",), "内田": ("uchida",), "柴田": ("shibata",),
    "酒井": ("sakai",), "工藤": ("kudo",), "横山": ("yokoyama",), "宮崎": ("miyazaki",),
    "宮本": ("miyamoto",), "高木": ("takagi",), "安藤": ("ando",), "野口": ("noguchi",),
    "大野": ("ono", "ohno"), "菅原": ("sugawara",), "久保": ("kubo",), "松井": ("matsui",),
    "千葉": ("chiba",), "岩崎": ("iwasaki",), "桜井": ("sakurai",), "木下": ("kinoshita",),
    "野村": ("nomura",), "松尾": ("matsuo",), "菊地": ("kikuchi",), "杉山": ("sugiyama",),
    "大塚": ("otsuka",), "平野": ("hirano",), "小島": ("kojima",), "渡部": ("watanabe",),
}
"""Common Japanese family names of two or more kanji, as their bearers write them in
English (the long vowels left out, as passports write them; the sound key reads
"Satou" and "Satoh" as "Sato" too). Single-kanji names are left out: most are
Chinese family names as well (林, 森), which ivsite romanises."""
_WY = re.compile("[wy]")


def script_ties(names: Iterable[str]) -> list[tuple[str, str]]:
    """Each pair (other script, Latin letters) of ``names`` that may be one person's
    (see the module's docstring)."""
    other: dict[str, list[str]] = {}
    plain: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        if _other_script(name):
            for key in _other_keys(name):
                other.setdefault(key, []).append(name)
        else:
            for key in _latin_keys(name):
                plain.setdefault(key, []).append(name)
    return list(dict.fromkeys((a, b) for key, written in other.items()
                              for a in written for b in plain.get(key, ())))


def _other_script(name: str) -> bool:
    return any(ch.isalpha() and not (ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
               for ch in name)


def _key(word: str) -> str:
    return word_key(_WY.sub("", word)) if word.isascii() and word.isalpha() else word


def _pair(a: str, b: str) -> str:
    return "pair:" + " ".join(sorted((_key(a), _key(b))))


def _latin_keys(name: str) -> set[str]:
    ws = name_words(name)
    if len(ws) < 2:
        return set()
    keys = {_pair(given, ws[-1]) for given in ws[:-1]} | {_pair(ws[0], ws[-1])}
    return keys | {f"family:{_key(ws[0])}", f"family:{_key(ws[-1])}"}


def _other_keys(name: str) -> set[str]:
    plain = plain_name(name)
    seqs = [seq for seq in romanised_seqs(plain) if len(seq) >= 2]
    read = name_words(latin(plain))
    if len(read) >= 2:
        seqs.append(tuple(read))
    keys = {_pair(seq[0], seq[-1]) for seq in seqs}
    run = "".join(plain.split())
    return keys | {f"family:{_key(spelt)}" for family, spelt_as in JAPANESE_FAMILIES.items()
                   if run.startswith(family) and len(run) > len(family) for spelt in spelt_as}
