"""What an audit looks for: every secret in every form the shared matcher knows,
less what the audience may read anyway (the visible text, as words: :class:`Seen`).

Made once per build (ivsite.audit keeps the last few) and inherited by the
processes an audit forks; a file's verdict is a pure function of its bytes and
of these.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from ..names.people import CONTACT_KINDS, LINK_SECRET_KIND, NAME_KINDS, PART_KIND, needle_of
from ..text.normalise import compact
from ..text.textmatch import Confirmed, Matcher, Searchable, words
from ..text.wordpairs import WordPair
from .notefiles import NOTE_FILE
from .secrets import ADDRESS, ANCHOR, WIKI_NAME, Secret
from .sentences import MIN_WORDS, chained, is_prose, sentences

ALWAYS = ("unconsented name", "contact field", "referral", "referred_by", PART_KIND,
          LINK_SECRET_KIND)
"""Kinds of secret reported even when the same words occur in visible text."""
MIN_PASSAGE_WORDS = MIN_WORDS


@dataclass(frozen=True)
class Seen:
    """What the audience may read, as words: made once for a whole audit (folding
    a site's text is the slow part). It remembers what it was asked: of all the
    visible text, only those answers decide what an audit looks for (see
    :meth:`answers`)."""

    words: str
    """Its words, each between single spaces (as Searchable.joined, no camelCase split)."""
    run: str
    _shown: dict[tuple[str, ...], bool] = field(default_factory=dict, compare=False)
    _runs: dict[str, bool] = field(default_factory=dict, compare=False)
    _stems: dict[str, bool] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, visible_text: str) -> Seen:
        ws = words(visible_text)
        return cls(" " + " ".join(ws) + " ", compact(ws))

    def shown(self, seqs: Collection[tuple[str, ...]]) -> set[tuple[str, ...]]:
        """Which of these word sequences the audience reads (each looked up once
        per audit, however many matchers ask)."""
        todo = [w for w in dict.fromkeys(seqs) if w not in self._shown]
        if todo:
            found = set(Matcher([(w, w) for w in todo]).find_in(Searchable("", self.words)))
            self._shown.update((w, w in found) for w in todo)
        return {w for w in seqs if self._shown[w]}

    def in_run(self, letters: str) -> bool:
        """Whether these letters occur in the visible text with its spaces taken out."""
        if letters not in self._runs:
            self._runs[letters] = letters in self.run
        return self._runs[letters]

    def stems_shown(self, stems: Collection[str]) -> set[str]:
        """Which of these words a search index may hold as the stem of a word the
        audience reads (red team 11, R11-05 and R11-06). Pagefind's stemmer
        (Snowball) cuts endings off ("careers", "does", "networking" give
        "career", "doe", "network") and writes a final "y" as "i" ("happy" gives
        "happi"): a stem is explained where a word the audience reads begins with
        it and is longer, or is it with "y" for its last "i"."""
        todo = [w for w in dict.fromkeys(stems) if w not in self._stems]
        if todo:
            shown = self._sorted
            for w in todo:
                at = bisect.bisect_right(shown, w)
                self._stems[w] = (at < len(shown) and shown[at].startswith(w)) or (
                    w.endswith("i") and f" {w[:-1]}y " in self.words)
        return {w for w in stems if self._stems[w]}

    @functools.cached_property
    def _sorted(self) -> list[str]:
        """The words, each once, in order: where those a stem begins are found."""
        return sorted(set(self.words.split()))

    def answers(self) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], tuple[str, ...]]:
        """Every word sequence, run of letters and stem asked about that the
        audience reads. With the secrets, these are all the visible text adds to
        what an audit looks for: an edit to visible text that changes none of them
        (most do not) leaves every file's audit key as it was."""
        return (tuple(sorted(w for w, shown in self._shown.items() if shown)),
                tuple(sorted(x for x, shown in self._runs.items() if shown)),
                tuple(sorted(x for x, shown in self._stems.items() if shown)))


def needles(secrets: Iterable[Secret], visible_text: str | Seen,
            single_words: bool = True) -> Matcher[Secret]:
    """What to look for in text (in code, without ``single_words``): see needle_pair."""
    text, code = needle_pair(secrets, visible_text)
    return text if single_words else code


def needle_pair(secrets: Iterable[Secret], visible_text: str | Seen,
                ) -> tuple[Matcher[Secret], Matcher[Secret]]:
    """What to look for in text and in code, each secret in every form the shared
    matcher knows (see ivsite.people.needle_of). Passages are cut into sentences; a
    sentence, title, tag or other field that the audience legitimately sees
    elsewhere is not a leak. Names, parts of names and contact details always are.
    In code, a withheld field of one word (a tag, a role) is left out: code files
    are full of common words, and content never reaches them alone."""
    seen = visible_text if isinstance(visible_text, Seen) else Seen.of(visible_text)
    # Every secret a form stands for, not the first alone: whether a hit is excused
    # (a consented name's: Search.excusable) is the secret's own, so a form's hit
    # is the same whichever other secrets share it (ivsite.audit keeps verdicts by
    # secret, see ivsite.auditcache.secret_ids).
    always: tuple[dict[tuple[str, ...], list[Secret]], ...] = ({}, {})  # (text, code)
    maybe: tuple[dict[tuple[str, ...], list[Secret]], ...] = ({}, {})
    runs: list[tuple[str, Secret]] = []
    skeletons: list[tuple[str, Secret]] = []
    phones: list[tuple[str, Secret]] = []
    secrets = list(secrets)
    runs_of = chained(secrets)
    confirmed: list[tuple[Confirmed, Secret]] = []
    code_confirmed: list[tuple[Confirmed, Secret]] = []  # handles (ivsite.handles)
    sounds: list[tuple[tuple[str, ...], Secret]] = []
    pairs: list[tuple[WordPair, Secret]] = []
    alone: list[tuple[WordPair, Secret]] = []  # as a maybe's seqs, excused where shown
    for s in secrets:
        if s.kind in (ADDRESS, ANCHOR, WIKI_NAME, NOTE_FILE):
            continue  # looked for as an address, a link or a file (ivsite.addresses), not as words
        prose = is_prose(s)
        pieces = [*sentences(s.text), *runs_of.get(id(s), ())] if prose else [s.text]
        for piece in pieces:
            seqs, subs, skels, phone, checked, heard, paired = needle_of(s.kind, piece)
            # Only a name has forms that are for text alone (see needle_of).
            in_code = needle_of(s.kind, piece, in_code=True) \
                if s.kind.startswith(NAME_KINDS) else None
            code_seqs = in_code.seqs if in_code is not None else seqs
            runs += [(x, s) for x in subs]
            skeletons += [(x, s) for x in skels]  # contact details: always looked for
            if s.kind.startswith(ALWAYS):  # a withheld name the audience reads is excused
                confirmed += [(c, s) for c in checked]
                code_confirmed += [(c, s) for c in in_code.confirmed] if in_code is not None else []
                sounds += [(x, s) for x in heard]  # a name by sound, in text and code
                pairs += [(x, s) for x in paired]  # inflected, mistyped: in text
            elif s.kind.startswith(NAME_KINDS):  # one everyday word, "May" (R13-08)
                alone += [(x, s) for x in paired if x.amid]
            if phone:
                phones.append((phone, s))
            for i, forms in enumerate((seqs, code_seqs)):
                for w in forms:
                    if not w:
                        continue
                    if s.kind.startswith(ALWAYS):
                        _add(always[i], w, s)
                    elif (not prose or len(w) >= MIN_PASSAGE_WORDS) and (i == 0 or len(w) > 1):
                        _add(maybe[i], w, s)
    # What the audience may see anyway is not a secret from it.
    shown = seen.shown(maybe[0].keys() | maybe[1].keys()
                       | {(w,) for x, _ in alone for w in x.anchor})
    pairs += [(x, s) for x, s in alone if not any((w,) in shown for w in x.anchor)]
    runs = [(x, s) for x, s in runs if s.kind.startswith(ALWAYS) or not seen.in_run(x)]
    found = [[*((w, s) for w, ss in always[i].items() for s in ss),
              *((w, s) for w, ss in maybe[i].items() if w not in shown for s in ss)]
             for i in (0, 1)]
    text, code = (Matcher(found[i], substrings=runs, skeletons=skeletons, phones=phones,
                          confirmed=confirmed if i == 0 else code_confirmed, sounds=sounds,
                          in_pieces=[(w, s) for w, s in found[i]
                                     if not s.kind.startswith(CONTACT_KINDS)],
                          names=[(w, s) for w, s in found[i] if s.kind.startswith(NAME_KINDS)],
                          pairs=pairs if i == 0 else ())
                  for i in (0, 1))
    return text, code


def _add(forms: dict[tuple[str, ...], list[Secret]], form: tuple[str, ...],
         secret: Secret) -> None:
    said = forms.setdefault(form, [])
    if not said or said[-1] is not secret:
        said.append(secret)
