"""An email address without its top-level domain, and a numbered mailbox alone
(red team 9, R9-12): "write to jane@acme", "her handle is jd1982"; and the other
addresses of the same mailbox, and one at a webmail provider said without its
top-level domain ("qz.design at g mail"; red team 10, R10-12).

Anyone guesses ".com" or ".example" back, so an address whose last label is
dropped is still the address. Its contact skeleton cannot find it: the skeleton
reads a bare "at" as "@" (ivsite.contacts.skeleton), and "I met Jane at Acme" would
then be "jane@acme". So the mailbox and the rest of the host are a form the text
must confirm (ivsite.text.textmatch.Confirmed) with an "@" written as one (or
bracketed: "jane (at) acme"), found only where the text's words hold them.

A mailbox with digits in it ("jd1982") is a handle no prose says, and is looked
for alone as a word, as a profile's numbered handle is (ivsite.contacts.fields).
"""

from __future__ import annotations

import re

from ..text.normalise import SPACELESS_CHARS, words
from ..text.textmatch import Confirmed
from .skeleton import MIN_SKELETON, address_skeleton
from .symbolwords import words_for

MIN_MAILBOX = 5
"""A numbered mailbox shorter than this ("jd82") is not looked for alone."""
_AT = (r"\s*(?:[@\uff20\ufe6b]|[\[({<]\s*(?:"
       + "|".join(map(re.escape, words_for("@"))) + r")\s*[\])}>])\s*")
"""An "@" written as one, or as a word in brackets of any language ("(arroba)")."""


def mailbox_forms(address: str) -> tuple[list[tuple[str, ...]], list[Confirmed]]:
    """The word sequences and confirmed forms that find ``address`` (one email
    address) without its top-level domain (see the module's docstring)."""
    local, at, host = address.strip().rpartition("@")
    labels = host.split(".")
    if not at or not local or len(labels) < 2:
        return [], []
    seqs: list[tuple[str, ...]] = []
    box = words(local)
    if (len(box) == 1 and len(box[0]) >= MIN_MAILBOX
            and any(c.isdigit() for c in box[0]) and any(c.isalpha() for c in box[0])):
        seqs.append((box[0],))
    stem = ".".join(labels[:-1])
    anchor = (*box, *words(stem))
    if not box or len(anchor) == len(box):
        return seqs, []
    # A letter of a script written without spaces beside it ends the address as a
    # space would ("連絡先はrquin@zenthorまで": red team 14, R14-09).
    # The letters of those scripts have no case: matched as cased, a class of them
    # compiles in a quarter of the time (one is compiled per address and page).
    pattern = (rf"(?-i:(?<![^\W{SPACELESS_CHARS}]))(?<![.+-]){re.escape(local)}{_AT}"
               rf"{re.escape(stem)}(?-i:(?![^\W{SPACELESS_CHARS}]))(?!-)(?P<capital>)")
    return seqs, [Confirmed(anchor, pattern)]


ALIAS_DOMAINS = (("gmail.com", "googlemail.com"),
                 ("protonmail.com", "proton.me", "protonmail.ch", "pm.me"),
                 ("icloud.com", "me.com", "mac.com"),
                 ("yandex.ru", "yandex.com", "ya.ru", "yandex.by", "yandex.kz", "yandex.ua"))
"""Domains of one provider that deliver to the same mailbox: "qz.design@gmail.com"
reads "qzdesign@googlemail.com" too (red team 10, R10-12)."""
DOTLESS = {"gmail.com", "googlemail.com"}
"""Providers whose mailbox names ignore dots ("qz.design" is "qzdesign")."""
DOT_IS_DASH = {"yandex.ru", "yandex.com", "ya.ru", "yandex.by", "yandex.kz", "yandex.ua"}
"""Providers whose mailbox names read a dot as a dash ("qz.design" is "qz-design")."""
_TAG = re.compile(r"\+[^@]*(?=@)")


def alias_addresses(address: str) -> list[str]:
    """The other ways to write one address's mailbox: without its plus-address tag
    ("jane+jobs@x" is "jane@x" on every provider that has tags), without the dots
    a provider ignores, and at the provider's other domains. Each is looked for
    as the address is (ivsite.contacts.fields.contact_pieces), so its words, its
    skeleton and its form without the top-level domain are found too."""
    local, at, host = _TAG.sub("", address.strip()).rpartition("@")
    if not at or not local:
        return []
    host = host.casefold()
    hosts = next((group for group in ALIAS_DOMAINS if host in group), (host,))
    boxes = [local, local.replace(".", "")] if host in DOTLESS else \
        [local, local.replace(".", "-"), local.replace("-", ".")] if host in DOT_IS_DASH \
        else [local]
    out = [f"{box}@{other}" for box in dict.fromkeys(boxes) for other in hosts]
    return [a for a in dict.fromkeys(out) if a.casefold() != address.strip().casefold()]


WEBMAIL = frozenset({"gmail", "googlemail", "ymail", "hotmail", "icloud", "protonmail",
                     "gmx", "hanmail"})
"""Webmail providers whose name is no employer: "qz.design at gmail", "Q Z dot
design at g mail" is the address (red team 10, R10-12), where "Jane at Acme" is
not (nor "Jane Doe at Yahoo": Yahoo, AOL, Naver and Yandex employ people)."""


def webmail_skeleton(address: str) -> str:
    """The skeleton (ivsite.contacts.skeleton) of an address at a :data:`WEBMAIL`
    provider without its top-level domain, when its mailbox is no plain word
    (a dot, dash, underscore or digit in it: "qz.design", not "quentin", whom a
    text may say works at Gmail); "" otherwise."""
    local, at, host = address.strip().rpartition("@")
    labels = host.casefold().split(".")
    if not at or len(labels) < 2 or labels[-2] not in WEBMAIL or local.isalpha():
        return ""
    skel = address_skeleton(f"{local}@{labels[-2]}")
    return skel if skel.count("@") == 1 and len(skel) >= MIN_SKELETON + 4 else ""
