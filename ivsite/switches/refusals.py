"""A person's "no" to being named, said in a note's own words (red team 18, R18-09).

``consent.publish_name: true`` is kept from a template while the note says
"She asked me not to use her name", "Update: he withdrew his consent", "prefers
to stay anonymous", "off the record: don't name me", or is tagged ``anonymous``.
ivsite reads consent from ``publish_name`` alone, so the name was published
beside the sentence saying it must not be.

This is a small phrase grammar over normalised text (NFKC, case-folded, curly
quotes straightened, ``don't`` read as ``dont``), one sentence at a time:

* a negation, a few words, a verb of naming (name, identify, attribute, quote,
  credit, cite) and a person (me, her, him, them, a name), or a verb of using
  (use, mention, publish, share, print, include, reveal) and a name: "asked me
  not to use her name", "not to be named", "don't name me", "never quote him";
* anonymity (anonymous, anonymously, anonymised, anonymity, anon), except
  before a word that is no person (an anonymous survey, anonymous feedback);
* consent taken back: withdrew / withdrawn / revoked / rescinded / retracted
  near consent, permission or agreement, "no longer consents", "did not
  consent", "declined to be named";
* a name taken away: "take my name off", "remove her name";
* the journalist's words: not for attribution, Chatham House, no names. "Off
  the record" alone is not one: it keeps a fact out ("Off the record, she said
  her contract paid $38 an hour", in a ``::: private`` passage), not the name;
  "off the record: don't name me" is read by its negation.

A sentence that asks (ends with ``?``) or weighs (``whether``, ``if`` before the
phrase) is advice, not a statement: "Ask whether they want to stay anonymous",
"I asked if I could use her name and she said yes" build. Anything else that
matches is taken as the person's "no": the callers refuse with a hint that
says how to write it (``publish_name: false``), which is cheap to follow when
the sentence meant something else.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_NEG = r"(?:not|dont|never|no|wont|doesnt|didnt|cant|shouldnt|mustnt|without|nor)"
_NAMING = (r"(?:name|named|naming|identify|identified|identifying|attribute|attributed|"
           r"attributing|quote|quoted|quoting|credit|credited|crediting|cite|cited|citing)")
_USING = (r"(?:use|used|using|mention|mentioned|mentioning|publish|published|publishing|"
          r"share|shared|sharing|print|printed|printing|include|included|including|"
          r"reveal|revealed|revealing|disclose|disclosed|disclosing|post|posted|put|write|"
          r"written)")
_WHO = r"(?:me|her|him|them|anyone|anybody)"
_A_NAME = r"(?:(?:my|her|his|their|the|our|real|full|any|a)\s+)*(?:names?|surnames?)"
_GAP = r"(?:\S+\s+){0,4}?"

_NOT_A_PERSON = frozenset({
    "survey", "surveys", "feedback", "data", "dataset", "datasets", "questionnaire",
    "questionnaires", "form", "forms", "review", "reviews", "poll", "polls", "response",
    "responses", "analytics", "telemetry", "usability", "testing", "test", "tests", "metrics",
    "comment", "comments", "post", "posts", "account", "accounts", "browsing", "mode", "voting",
    "vote", "votes", "ballot", "ballots", "hiring", "application", "applications", "resume",
    "resumes", "cv", "cvs", "reporting", "report", "reports", "hotline", "tip", "tips",
    "donation", "donations", "function", "functions", "class", "classes", "type", "types",
    "user", "users", "visitor", "visitors", "session", "sessions", "id", "ids", "sample",
    "samples", "aggregate", "statistics", "stats", "research", "studies", "study", "results",
})
"""Words after ``anonymous`` that make it no person's (an anonymous survey)."""

_PHRASES = [re.compile(p) for p in (
    rf"\b{_NEG}\s+{_GAP}(?:be\s+|being\s+)?{_NAMING}(?:\s+{_GAP}(?:{_WHO}|{_A_NAME})\b|\s*$)",
    rf"\b{_NEG}\s+{_GAP}be\s+{_NAMING}\b",
    rf"\b{_NEG}\s+{_GAP}{_USING}\s+{_GAP}{_A_NAME}\b",
    r"\b(?:withdr\w*|revok\w*|rescind\w*|retract\w*|took\s+back|taken\s+back|take\s+back|"
    r"pulled|cancel+ed)\s+(?:\S+\s+){0,3}?(?:consent|permission|agreement|ok|okay)\b",
    r"\b(?:consent|permission|agreement)\s+(?:\S+\s+){0,3}?(?:withdr\w*|revok\w*|"
    r"rescind\w*|retract\w*|taken\s+back|pulled|cancel+ed|expired|ended|gone)\b",
    r"\b(?:no\s+longer|not|dont|doesnt|didnt|never|nor)\s+(?:\S+\s+){0,2}?"
    r"(?:consents?|consented|consenting)\b",
    rf"\b(?:declin\w*|refus\w*|objected)\s+(?:\S+\s+){{0,2}}?(?:to\s+be\s+{_NAMING}|consent|"
    rf"permission|attribution|{_A_NAME})\b",
    rf"\b(?:take|took|taken|remove|removed|delete|deleted|strip|drop|leave|left|keep|kept)"
    rf"\s+{_A_NAME}\s+(?:off|out)\b",
    rf"\b(?:remove|removed|delete|deleted|strip|redact|redacted|withhold|withheld|hide)"
    rf"\s+{_A_NAME}\b",
    r"\bnot\s+for\s+attribution\b", r"\bchatham\s+house\b",
    r"\bno\s+(?:real\s+|full\s+)?names\b", r"\bunattributed\b",
)]
_ANON = re.compile(r"\banon(?:ym\w*)?\b(?:\s+(\S+))?")
_WEIGHS = re.compile(r"\b(?:whether|if)\b")
_SENTENCE = re.compile(r"[^.!?;\n]*(?:[.!?;]+|\n|$)")
_WRAPPED = re.compile(r"[ \t]*\n[ \t]*(?![-*+#>|\s]|\d+[.)]\s)")
"""A line break inside a paragraph: the sentence goes on (a list item, a heading,
a quote, a table's row or a blank line starts a new one)."""
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def _normal(text: str) -> str:
    """Case-folded words, with ``don't`` as ``dont``, and the rest as spaces
    (a sentence's ending mark is kept)."""
    folded = unicodedata.normalize("NFKC", _WRAPPED.sub(" ", text)).casefold()
    folded = folded.translate(_APOSTROPHES)
    folded = re.sub(r"(?<=\w)'(?=\w)", "", folded)
    return re.sub(r"[^\w.!?;\n]+|_", " ", folded)


@functools.lru_cache(maxsize=8192)
def refusal(text: str) -> str | None:
    """The words of ``text`` that say a person refused, or took back, being
    named (see the module's docstring), or None."""
    for match in _SENTENCE.finditer(_normal(text)):
        sentence = match.group().strip()
        if not sentence or sentence.endswith("?"):
            continue
        words = re.sub(r"[.!?;]+$", "", sentence).strip()
        found = _found(words)
        if found is not None:
            return found
    return None


def _found(words: str) -> str | None:
    spans: list[tuple[int, str]] = []
    for phrase in _PHRASES:
        hit = phrase.search(words)
        if hit:
            spans.append((hit.start(), hit.group().strip()))
    for hit in _ANON.finditer(words):
        if hit.group(1) not in _NOT_A_PERSON:
            spans.append((hit.start(), hit.group().strip()))
    for start, said in sorted(spans):
        if not _WEIGHS.search(words, 0, start):
            return said
    return None
