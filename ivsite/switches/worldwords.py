"""The privacy words of the languages beyond English, French, Spanish and German.

Authors name folders and tags in their own language: ``bozze/`` (Italian
"drafts"), ``非公開/`` (Japanese "not public"), ``prywatne/`` (Polish "private"),
a tag ``riservato`` (red team 9, R9-21). A word ivsite does not know publishes
the note it means to keep back, so the words for private, draft, secret,
confidential, do not publish, unpublished and personal of the world's major
written languages are privacy words too (ivsite.switches.lookalike holds the one list;
this module only its translations). Each is written as authors type it: with
and without accents, singular and plural where the plural is not the English
``-s``.

Left out on purpose, as ordinary English words a career site names folders and
tags with: ``particular`` (Portuguese "private"), ``concept``/``koncept``
(Dutch, Scandinavian "draft"), ``intern`` (Dutch, Swedish "internal"),
``personnel``. :data:`SHORT` are matched only whole (never inside a longer word
or a typo away): short words, and words that are inside ordinary ones.
"""

from __future__ import annotations

LANGUAGES: dict[str, tuple[str, ...]] = {
    "Italian": ("privato", "privata", "privati", "bozza", "bozze", "segreto", "segreta",
                "segreti", "riservato", "riservata", "riservati", "riservate",
                "confidenziale", "confidenziali", "non pubblicare", "da non pubblicare",
                "non pubblicato", "inedito", "inedita", "personale", "non condividere"),
    "Portuguese": ("privado", "privada", "rascunho", "rascunhos", "sigiloso", "sigilosa",
                   "confidencial", "não publicar", "nao publicar", "não publicado",
                   "nao publicado", "inédito", "pessoal", "não compartilhar",
                   "nao compartilhar"),
    "Dutch": ("vertrouwelijk", "geheim", "niet publiceren", "ongepubliceerd",
              "persoonlijk", "niet delen", "kladversie"),
    "Scandinavian": ("utkast", "udkast", "hemlig", "hemligt", "hemmelig", "hemmeligt",
                     "konfidentiell", "konfidentiellt", "fortrolig", "fortroligt",
                     "opublicerad", "upubliceret", "upublisert", "personlig"),
    "Finnish": ("yksityinen", "luonnos", "luonnokset", "salainen", "luottamuksellinen",
                "julkaisematon", "älä julkaise", "henkilökohtainen"),
    "Polish": ("prywatne", "prywatny", "prywatna", "szkic", "szkice", "wersja robocza",
               "robocze", "tajne", "tajny", "tajna", "poufne", "poufny", "poufna",
               "nie publikować", "nie publikowac", "nieopublikowane", "osobiste"),
    "Czech and Slovak": ("soukromé", "soukrome", "soukromý", "súkromné", "tajné",
                         "důvěrné", "duverne", "dôverné", "neveřejné", "neverejne",
                         "nezveřejňovat", "osobní"),
    "Hungarian": ("privát", "piszkozat", "titkos", "bizalmas", "nem nyilvános",
                  "személyes"),
    "Romanian": ("ciornă", "ciorna", "confidențial", "confidentiala", "nepublicat",
                 "secretă"),
    "Turkish": ("özel", "taslak", "taslaklar", "gizli", "yayınlanmamış", "yayınlama",
                "kişisel"),
    "Greek": ("ιδιωτικό", "ιδιωτικά", "ιδιωτικο", "πρόχειρο", "πρόχειρα", "μυστικό",
              "εμπιστευτικό", "απόρρητο", "προσωπικό"),
    "Russian": ("приватно", "приватный", "приватное", "личное", "личный", "черновик",
                "черновики", "секретно", "секретный", "секрет", "конфиденциально",
                "не публиковать", "неопубликованное", "неопубликовано"),
    "Ukrainian": ("приватне", "приватний", "чернетка", "чернетки", "таємно",
                  "конфіденційно", "особисте", "не публікувати"),
    "Arabic": ("خاص", "خاصة", "مسودة", "مسودات", "سري", "سرية", "لا تنشر", "شخصي"),
    "Hebrew": ("פרטי", "טיוטה", "טיוטות", "סודי", "חסוי", "אישי", "לא לפרסום"),
    "Hindi": ("निजी", "गोपनीय", "मसौदा", "गुप्त", "व्यक्तिगत"),
    "Chinese": ("私密", "私人", "草稿", "秘密", "机密", "機密", "保密", "不公开", "不公開",
                "非公开", "未发布", "未發布", "未公开"),
    "Japanese": ("非公開", "下書き", "社外秘", "未公開", "公開しない", "プライベート",
                 "ドラフト", "オフレコ", "極秘", "内緒"),
    "Korean": ("비공개", "비밀", "기밀", "대외비", "초안", "공개하지 않음", "개인적"),
    "Indonesian and Malay": ("pribadi", "peribadi", "rahasia", "rahsia", "sulit",
                             "jangan terbitkan", "draf"),
    "Vietnamese": ("riêng tư", "rieng tu", "bản nháp", "ban nhap", "bí mật", "bi mat",
                   "không công bố", "khong cong bo"),
    "Thai": ("ส่วนตัว", "ความลับ", "ฉบับร่าง", "ห้ามเผยแพร่"),
}
"""Each language's words, as an author writes them."""

SHORT = frozenset({"özel", "tajny", "tajna", "tajne", "tajné", "sulit", "draf", "gizli",
                   "szkic", "privati", "segreti", "secretă", "personale", "pessoal",
                   "robocze", "luonnos", "hemlig", "utkast", "udkast", "taslak",
                   "titkos", "osobní", "privát"})
"""Words matched only whole: short ones (one edit from many keys), and those inside
ordinary words (``privati`` in ``privatization``, ``personale`` holding
``personal``, ``sulit`` a Malay word an English key may be a typo away from)."""
