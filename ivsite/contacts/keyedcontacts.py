"""A way to reach someone recorded under a key ivsite does not know, whatever
shape its value has (red team 16, R16-01): ``person: {address: "42 Birchmount
Lane, Apt 7", signal: "qzab.77", telegram: "dashboards_q", github:
"qz-dashboards"}``, the same in a referral, or at an interview's top level.

A key of a person's that ivsite does not know is ignored with a warning, and
what it holds is withheld (ivsite.contacts.bodyprofiles reads URLs and
``@handles`` in it). A postal address and a bare user name have no such shape,
so nothing was looked for and a public page could repeat them. Here the key
says what its value is, by the words it is made of ("telegram_handle",
"homeAddress", "discord-user"), not by a list of apps alone:

- a key about where someone lives (:data:`PLACE_WORDS`: address, street,
  postcode …) holds a postal address: looked for whole, and each of its
  comma-separated parts that has a number in it and three words ("42
  Birchmount Lane", "Toronto M4C 2T6"), as word sequences (:data:`POSTAL`);
- a key that names a way to write to someone (:data:`HANDLE_WORDS`: handle,
  username, account, chat …, or a service: signal, discord, and the sites of
  ivsite.contacts.bodyprofiles) holds an account name: each word of it is
  looked for as written (:data:`ACCOUNT`, :func:`account_needles`), and a
  value of three words or more whole (:data:`DETAIL`);
- any other key of a person's (or a referral's) whose value is shaped like an
  account name and like no word of prose (a dot, underscore, "#" or ":"
  inside, or letters and digits mixed: "qzab.77", "orchard_brand88") holds
  one too, whatever the key is called.

A bare word looked for as written would refuse every page that says it
("github: dashboards", "github: acme" of a company's page), so a value of
letters alone counts with "@" before it, as an address's path, or with a word
of its key on its line ("dashboards on GitHub"); a word of the person's own
name is their name, which has rules of its own (consent).

What stays open: a key of other words than these that holds a value of
letters alone ("person.met_via: qzdash").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..text.confirmed import Confirmed
from ..text.normalise import compact, fold, words
from ..text.textmatch import Needles
from .bodyprofiles import PROFILE_HOSTS, SERVICES

ACCOUNT = "account"
"""The kind of an account name found by its key, with the key's words after a
colon ("account:telegram+handle"): a word of them on its line confirms a bare
value of letters alone (:func:`account_needles`)."""
POSTAL = "postal"
"""The kind of a postal address, or a part of one, looked for as words."""
DETAIL = "detail"
"""The kind of the whole value of a contact key, looked for as words."""
KINDS = (ACCOUNT, POSTAL, DETAIL)


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLACE_WORDS = _listed("""
address addresses addr adress street streetaddress postal postcode postalcode zip
zipcode residence home homeaddress apartment apt mailing mailingaddress house
domicile dwelling adresse direccion anschrift indirizzo endereco
""")
"""Words of a key that say its value is where someone lives or gets post."""
_GENERIC = _listed("about read medium threads follow dm dms tweet tweets booking snap cal")
"""Words that name a service in a line of prose (ivsite.contacts.bodyprofiles) but
say nothing of a key ("person.about", "person.follow_up")."""
HANDLE_WORDS = _listed("""
handle handles username usernames user userid account acct contact contacts chat
messenger messaging sms voip sip xmpp jabber matrix irc pager fax tel telephone
mobile cell whatsapp signal telegram discord skype wechat viber threema kakao
kakaotalk slack zoom keybase icq qq socials
""") | ((SERVICES | {h.split(".")[0] for h in PROFILE_HOSTS if len(h.split(".")[0]) > 2})
       - _GENERIC)
"""Words of a key that say its value is an account to write to someone at."""
MIN_ACCOUNT = 4
"""An account name shorter than this (letters and digits) is not looked for."""
MIN_SHAPED = 5
"""An account name known by its shape alone has at least this many ("UTC-5" is
a time zone, "orchard_brand88" an account)."""
_WINDOW = 60
_SPLIT = re.compile(r"[^0-9A-Za-z\u00c0-\uffff]+|(?<=[a-z])(?=[A-Z])")
_TOKEN = re.compile(r"[^\s,;()\[\]{}<>\"']+")
_SHAPED = re.compile(r"[^\W\d_][\w]*(?:[._#:\-]+[\w]+)+|(?=[\w]*[^\W\d_])(?=[\w]*\d)[\w]+", re.A)
_YEAR = re.compile(r"[^\W\d_]+(?:19|20)\d\d")


def key_words(key: str) -> set[str]:
    """The words a key is made of ("homeAddress": home, address; "tg_user": tg,
    user), and the key whole, folded."""
    parts = [p for p in _SPLIT.split(key) if p]
    return {fold(p) for p in parts} | {fold("".join(parts))}


def named_key(keys: tuple[str, ...]) -> str:
    """The last key of a key path that is no list index ("socials" of
    ``person.socials[1]``)."""
    return next((k for k in reversed(keys) if not k.isdigit()), "")


def contact_figures(data: object) -> Iterator[tuple[tuple[str, ...], str]]:
    """Each whole number in front matter under a key that says it is a way to reach
    someone (``whatsapp: 14165550199``, ``discord: 412345678901234567``: YAML reads
    them as numbers, not strings), with its key path, written as a string."""
    stack: list[tuple[tuple[str, ...], object]] = [((), data)]
    seen: set[int] = set()
    while stack:
        keys, item = stack.pop()
        if isinstance(item, int) and not isinstance(item, bool):
            if key_words(named_key(keys)) & (HANDLE_WORDS | PLACE_WORDS):
                yield keys, str(item)
        elif isinstance(item, dict | list) and id(item) not in seen:
            seen.add(id(item))
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            stack.extend(((*keys, str(k)), v) for k, v in pairs)


def keyed_contacts(keys: tuple[str, ...], value: str, *, theirs: bool,
                   name: str = "") -> list[tuple[str, str]]:
    """(kind, detail) for each way to reach someone that ``value`` holds by its key
    (``keys``: its key path; see the module's docstring). ``theirs``: the key is
    one of a person's or a referral's that ivsite does not know, where a value
    shaped like an account name is one whatever the key says; ``name``: the
    person's, whose words are no account name of theirs."""
    said = " ".join(value.split())
    meaning = key_words(named_key(keys))
    if not said or not meaning:
        return []
    if meaning & PLACE_WORDS:
        return [(POSTAL, part) for part in postal_parts(said)]
    tokens = [t.strip(".:-").lstrip("@") for t in _TOKEN.findall(said)]
    own = set(words(name))
    if meaning & HANDLE_WORDS:
        kind = f"{ACCOUNT}:{'+'.join(sorted(meaning & HANDLE_WORDS))}"
        found = [(kind, t) for t in tokens if _account(t) and
                 (len(tokens) == 1 or _shaped(t)) and not (t.isalpha() and fold(t) in own)]
        return found + ([(DETAIL, said)] if len(words(said)) >= 3 else [])
    if theirs and len(tokens) == 1 and _shaped(tokens[0]) and _account(tokens[0]) \
            and len(compact(words(tokens[0]))) >= MIN_SHAPED:
        return [(f"{ACCOUNT}:{'+'.join(sorted(meaning))}", tokens[0])]
    return []


def _account(token: str) -> bool:
    """Whether a word could be an account name: long enough, no address or path
    (read as such by ivsite.contacts.bodyprofiles)."""
    return "/" not in token and "@" not in token and \
        len(compact(words(token))) >= MIN_ACCOUNT


def _shaped(token: str) -> bool:
    """Whether a word is shaped like an account name and no word of prose (see the
    module's docstring); a word and a year ("PyCon2025") is prose's."""
    return _SHAPED.fullmatch(token) is not None and _YEAR.fullmatch(token) is None


def postal_parts(address: str) -> list[str]:
    """A postal address whole, and each comma-separated part of it with a number
    and three words; an address of fewer than three words and no number, none
    (a town alone, as ``person.location`` says, is no secret)."""
    whole = words(address)
    if len(whole) < 3 and not any(ch.isdigit() for ch in address):
        return []
    parts = [p.strip() for p in re.split(r"[,;\n]", address) if p.strip()]
    return list(dict.fromkeys([address, *(p for p in parts if len(words(p)) >= 3
                                           and any(ch.isdigit() for ch in p))]))


def keyed_needles(kind: str, value: str) -> Needles:
    """What finds one detail of :func:`keyed_contacts` (its ``kind`` as given there)."""
    if kind.startswith(ACCOUNT):
        return account_needles(value, kind.partition(":")[2].split("+"))
    return Needles([tuple(words(value))], [], [], "")


def account_needles(name: str, labels: list[str]) -> Needles:
    """An account name: with "@" or as an address's path; as written, standing
    apart, when it holds more than letters ("qzab.77", "qz-dashboards"); and a
    word of letters alone only with a word of its key (``labels``) on its line
    ("dashboards on GitHub")."""
    anchor = tuple(words(name))
    if not anchor:
        return Needles([], [], [], "")
    written = re.escape(name)
    end = r"(?![\w@]|[.\-][^\W_])"
    forms = [Confirmed(anchor, rf"(?:(?<![\w@.])@\s?|(?<=/)){written}{end}(?P<capital>)")]
    bare = rf"(?<![\w@./\-]){written}{end}"
    if re.fullmatch(r"[^\W\d_]+", name) is None:
        forms.append(Confirmed(anchor, bare + "(?P<capital>)"))
    elif labels := [w for w in labels if w]:
        said = "|".join(map(re.escape, labels))
        near = rf"[^\n]{{0,{_WINDOW}}}?"
        forms.append(Confirmed(anchor, rf"(?:\b(?:{said}){near}{bare}|{bare}{near}"
                                       rf"\b(?:{said})\b)(?P<capital>)",
                               gate=frozenset(labels)))
    return Needles([], [], [], "", forms)
