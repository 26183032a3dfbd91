"""The one vocabulary of privacy words, and how each place a switch can be written
is matched against it.

An unknown key is normally a warning (it is ignored). But an ignored key that its
author meant as a privacy switch publishes the note: ``Visibility: private``,
``visiblity: private``, ``is_private: true``, ``off_the_record: true`` or
``visibility`` followed by a no-break space would all be dropped, and the note
would fall back to the default visibility. The same holds for a tag
(``tags: [off-the-record]``, ``#nda``), a callout type (``> [!embargo]``) and a
Dataview field. So every one of those checks asks this module, which holds the
only list of the words, and a match fails the build instead (fail closed).
"""

from __future__ import annotations

import functools
import unicodedata

from ..text import lookalike_letters
from .everydaykeys import excused
from .worldwords import LANGUAGES, SHORT


def normalise(key: str) -> str:
    """NFKC, case-folded, look-alike letters read as the Latin letter they are
    drawn like, with every character that is not a letter or digit taken out:
    spaces (no-break ones too), zero-width and format characters, ``_`` and ``-``.
    So ``Is_Private``, ``VISIBILITY\\u00a0`` and ``vis\\u200bibility`` read as
    ``isprivate``, ``visibility`` and ``visibility``, and ``prіvate`` (a Cyrillic
    ``і``) or ``ρrivate`` (a Greek rho) as ``private`` (red team 18, R18-B06: the
    names' confusables table, ivsite.text.lookalike_letters; a letter with an
    accent stays itself, see :func:`_unlike`). Every word of the lists below is
    normalised alike, so a word of another script is still found as written."""
    folded = unicodedata.normalize("NFKC", key).casefold()
    if not folded.isascii() and lookalike_letters.MAY_LOOK_LATIN.search(folded):
        folded = "".join(_unlike(ch) for ch in folded).casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKC", folded) if ch.isalnum())


def _unlike(ch: str) -> str:
    """The Latin letter ``ch`` is drawn like, or ``ch``. A letter with an accent
    (one that decomposes: ``é``, ``á``, ``й``) stays itself: the lists tell
    ``privát`` (a whole-only word of Czech) from German ``privat``, and the words
    are listed with and without their accents."""
    if unicodedata.decomposition(ch):
        return ch
    return lookalike_letters.table().get(ord(ch), ch)


FRENCH = ("privé", "privée", "prive", "privee", "brouillon", "secret", "confidentiel",
          "confidentielle", "ne pas publier", "à ne pas publier", "non publié", "non publiée",
          "non publie",
          "inédit", "inédite", "inedit", "personnelle", "interne", "ne pas diffuser",
          "ne pas partager")
SPANISH = ("privado", "privada", "borrador", "secreto", "secreta", "confidencial",
           "no publicar", "sin publicar", "inédito", "inédita", "inedito", "personal",
           "interno", "interna", "no compartir")
GERMAN = ("privat", "entwurf", "entwürfe", "entwurfe", "entwuerfe", "geheim", "vertraulich",
          "nicht veröffentlichen", "nicht veroffentlichen", "nicht veroeffentlichen",
          "unveröffentlicht", "unveroffentlicht", "unveroeffentlicht", "persönlich",
          "personlich", "persoenlich", "nicht teilen")
"""The French, Spanish and German privacy words the README claims (red team 4,
J-path; red team 8, N7: the translations of every English word, not only of
"private" and "draft"), as written, with and without accents (authors type both).
Left out: the German ``intern`` and the French ``personnel``, English words
(an intern, the personnel) a career site tags and names folders with; the English
``internal`` and ``personal`` stand for them."""

NOT_RELEASED: tuple[str, ...] = (
    "nonpublic", "nonpublished", "unpublic", "notpublished", "neverpublish",
    "unreleased", "notreleased", "nonreleased", "norelease", "donotrelease", "dontrelease",
    "notforrelease", "notshared", "noshare", "nosharing", "notforshare",
    "donotdistribute", "dontdistribute", "notfordistribution", "nodistribution",
    "donotcirculate", "dontcirculate", "notforcirculation", "donotforward", "dontforward",
)
"""Red team 18 (R18-B06): "public", "published", "released", "shared",
"distributed" negated (``non-public``, ``unreleased``, ``do-not-distribute``).
``non-public`` was a privacy word only as a callout type, which the loose reading
finds ``public`` in; as a folder, a file name or a tag it published. Decided:
``unreleased`` is a privacy word everywhere, as ``unpublished`` is. A note
tagged or filed as an unreleased product's is more likely under embargo than
not, and a wrong guess the other way publishes; such a tag fails the build with
a hint, and ``upcoming`` or ``launch`` names the topic."""

ONLY_ME: tuple[str, ...] = (
    "onlyforme", "meonly", "justme", "onlymine", "mineonly", "myeyesonly", "onlyformyeyes",
    "formyself", "formyselfonly", "justformyself", "onlyformyself", "selfonly", "onlyself",
    "authoronly", "owneronly", "privateonly", "personalonly", "personaluse",
    "personaluseonly", "forpersonaluse", "privateuse", "forprivateuse", "internaluse",
    "internaluseonly", "forinternaluse", "notesforme", "noteforme", "forpersonaluseonly",
    "forprivateuseonly", "forinternaluseonly",
)
"""Red team 18 (R18-B06): "for me only" in its other orders and words
(``only-for-me``, ``me-only``, ``for-personal-use-only``, ``internal use``); the
list had ``just-for-me``, ``for-my-eyes-only`` and ``only_me`` only."""

WITHHELD: tuple[str, ...] = (
    "private", "privat", "draft", "secret", "hidden", "unlisted", "confidential",
    "unpublished", "donotpublish", "dontpublish", "nopublish", "notpublic",
    "notforpublication", "offtherecord", "offrecord", "embargo", "embargoed", "nda",
    "internal", "internalonly", "personal", "onlyme", "formeonly", "vertraulich",
    "donotshare", "dontshare", "unshared", "wip", "workinprogress", "priv",
    "eyesonly", "formyeyesonly", "betweenus", "justbetweenus", "entrenous",
    "notforthesite", "notforthewebsite", "notforpublic", "notforthepublic", "notforsharing",
    # Red team 11 (R11-10, R11-11): words known as a key only, or in no place, now
    # known in every place (a folder, a tag, a key, a value, a callout, a label).
    "sensitive", "restricted", "classified", "localonly", "keeplocal", "formyeyesonly",
    "justforme", "nosite", "notforsite", "notforweb", "notfortheweb", "nopub",
    "unpublishable", "donotpost", "dontpost", "keepout", "excludefromsite", "donotshow",
    "dontshow", "betweenyouandme", "inconfidence", "instrictconfidence",
    "removebeforepublishing", "removebeforepublish", "donotrepeat", "dontrepeat",
    # Red team 15 (R15-05): notes to oneself, and "not for the blog".
    "notetoself", "notestoself", "memotoself", "memostoself", "selfnote", "selfnotes",
    "keeptomyself", "keeptoself", "notfortheblog", "notforblog",
    *NOT_RELEASED, *ONLY_ME,
    *(normalise(w) for w in (*FRENCH, *SPANISH, *GERMAN)),
    *(normalise(w) for words in LANGUAGES.values() for w in words),
)
"""Normalised words (see :func:`normalise`) that say "not for publication": a
privacy word wherever they are written, as a key, a value, a tag or a callout;
the other languages' words are in ivsite.switches.worldwords (red team 9, R9-21)."""

SWITCHES: tuple[str, ...] = (
    "visibility", "visible", "privacy", "public", "publish", "published", "hide",
    "access", "audience", "share", "shared", "mentor",
)
"""Normalised words that name a privacy switch (or one of its levels) without
saying "withheld": a privacy word as a key or a callout type, not as a tag
(``#public`` and ``#mentor`` are ordinary topics)."""

LEVELS = frozenset({"public", "mentor"})
"""The levels of ``visibility`` that are not withheld words: under a key ivsite
does not know, such a value too can only mean who may see the note."""

WHOLE_ONLY = frozenset(normalise(w) for w in (
    "nda", "personal", "onlyme", "formeonly", "wip", "priv", "prive", "privé", "privee",
    "interne", "interno", "interna", "inedit", "inédit", "inédite", "inedito", "inédito",
    "inédita", "personnelle", "secreta", "secreto", "eyesonly", "betweenus", "entrenous",
    "unreleased", "notreleased", "nonreleased", "norelease", "noshare", "unpublic",
    "justme", "meonly", "onlyself", "selfonly", "formyself", "authoronly", "owneronly",
    "onlymine", "mineonly", "nosharing", "notshared",
    "personaluse", "privateuse", "internaluse", *SHORT))
"""Words matched only whole (plural allowed), never inside a longer key or a typo
away: ``nda`` is inside ``agenda`` and ``standard``, ``personal`` two edits from
``person`` and inside ``personality``, ``wip`` inside ``wipe``, ``priv`` inside
``privilege``, ``prive`` one edit from ``price``, ``interne`` and ``interna``
inside ``internet`` and ``internacional``, ``inedit`` two edits from ``credit``,
``personnelle`` from ``personnel``; ``secreta`` and ``secreto`` hold ``secret``
already, and are inside ``secretary``; ``betweenus`` is two edits from ``between``
(red team 10: ``Just between us``, ``For my eyes only``, ``Entre nous`` as labels).
Red team 18's short or everyday-near words too: ``unreleased`` is two edits
from ``released`` (a key of a product's note), ``onlymine`` from ``online``,
``nosharing`` from ``sharing``, ``justme`` and ``meonly`` one from other words;
as a key they count when they are the whole key."""

PRIVACY_WORDS: tuple[str, ...] = tuple(w for w in (*SWITCHES, *WITHHELD)
                                       if w not in WHOLE_ONLY)
"""The words a key is matched against loosely: contained in it or a typo away."""

LEAVE_OUT = frozenset({"exclude", "excluded", "ignore", "ignored", "skip", "skipped", "hide",
                       "offline", "omit", "omitted"})
"""Normalised verbs that say "leave it out of the site" as a folder's name
(``exclude/``, ``ignore-me/``, ``offline/``; ivsite.switches.pathprivacy) and as a key
set to true (``exclude_from_site: true``, ``skip: true``; ivsite.switches.otherswitches),
but as a tag or a label name a topic (``#offline`` events, a ``skip-level``
meeting), so they are not withheld words (red team 11, R11-10)."""

KEEP_OUT_SUFFIXES = LEAVE_OUT | frozenset({"local", "noexport", "donotexport", "dontexport"})
"""Normalised words that say "leave this file out" as a dotted part of a file's
name before its extension (``x.local.md``, ``x.noexport.md``, ``x.ignore.md``,
``photo.hide.jpg``; ivsite.switches.pathprivacy, red team 17, R17-04): the
:data:`LEAVE_OUT` verbs, dotenv's and Vite's ``.local`` (a file never
committed) and Org mode's ``noexport`` tag. As a dotted part only: ``local``
is an ordinary word in a name (``local-events.md``) or a folder (``local/``), and
``localised`` or ``hide-and-seek`` is no such part at all."""

SHOWN = frozenset({"show", "shown", "online", "web", "website", "site", "onsite", "onweb",
                   "publishable", "listed", "live"})
"""Normalised keys that, set to false, say "not on the site" (``show: false``,
``online: false``, ``web: false``; ivsite.switches.otherswitches)."""


def _singulars(norm: str) -> set[str]:
    """``norm`` and what it is the plural of (``drafts``, ``NDAs``, ``embargoes``)."""
    out = {norm}
    if norm.endswith("s"):
        out.add(norm[:-1])
    if norm.endswith("es"):
        out.add(norm[:-2])
    return out


def _withheld(text: str) -> str | None:
    """The withheld word ``text`` is, in any case, spacing or number, or None."""
    return next((w for w in _singulars(normalise(text)) if w in WITHHELD), None)


def distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (``visibiltiy`` is one edit away)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@functools.lru_cache(maxsize=8192)
def privacy_word(key: str) -> str | None:
    """The privacy word ``key`` looks like, or None (kept per key: a site asks of
    the same few keys and attribute names in every note, and each costs an edit
    distance to every privacy word).

    Close means: the same once normalised, containing the word, or within two edits
    of it; one edit for words under seven letters, where two would already reach
    everyday keys (``access``/``accent``, ``mentor``/``vendor``, ``share``/``score``).
    A :data:`WHOLE_ONLY` word must be the whole key. A key that is an everyday word
    merely holding one (``publisher``, ``accessibility``, ``audience_size``) is not
    (ivsite.switches.everydaykeys, red team 14)."""
    word = loose_privacy_word(key)
    if word is not None and excused(key, _matches, normalise, _SWITCH_SET):
        return None
    return word


_SWITCH_SET = frozenset(SWITCHES)


def loose_privacy_word(key: str) -> str | None:
    """:func:`privacy_word` without the everyday words excused: what a key set to
    ``true`` or ``false`` is read as (``publisher: false`` may be ``published``)."""
    norm = normalise(key)
    if not norm:
        return None
    whole = next((w for w in _singulars(norm) if w in WHOLE_ONLY), None)
    if whole is not None:
        return whole
    for word in PRIVACY_WORDS:
        if word in norm:
            return word
    for word in PRIVACY_WORDS:
        allowed = 2 if len(word) >= 7 else 1
        if abs(len(norm) - len(word)) <= allowed and distance(norm, word) <= allowed:
            return word
    return None


@functools.lru_cache(maxsize=4096)
def _matches(norm: str) -> frozenset[str]:
    """Every privacy word the normalised ``norm`` looks like (whole, contained or a
    typo away), so an everyday word is excused only for what it explains."""
    if not norm:
        return frozenset()
    out = {w for w in _singulars(norm) if w in WHOLE_ONLY}
    for word in PRIVACY_WORDS:
        allowed = 2 if len(word) >= 7 else 1
        if word in norm or (abs(len(norm) - len(word)) <= allowed
                            and distance(norm, word) <= allowed):
            out.add(word)
    return frozenset(out)


def privacy_value(value: object) -> bool:
    """A value such as ``private``, ``draft`` or ``off the record`` (``level:
    private``, ``state: embargoed``): under a key ivsite does not know it can only
    have been meant as a privacy switch."""
    return isinstance(value, str) and (normalise(value) in LEVELS
                                       or _withheld(value) is not None)


def privacy_tag(tag: str) -> bool:
    """Whether a tag (or one level of a nested tag, ``private/work``) is a withheld
    word: Obsidian and Jekyll users mark drafts and private notes with tags, which
    ivsite would publish."""
    return any(_withheld(level) is not None for level in tag.split("/"))


def privacy_callout(kind: str) -> bool:
    """Whether a callout type (``> [!off-the-record]``) is a privacy word. A type
    in another script (``[!비공개]``, red team 10) must hold the word, not be a typo
    away: one edit from a word of two or three characters is a word of its own
    (``[!保存]`` save, ``[!秘書]`` secretary), and no callout mistypes it."""
    word = privacy_word(kind)
    return privacy_tag(kind) or (word is not None
                                 and (kind.isascii() or word in normalise(kind)))
