"""Ways to reach a person other than e-mail and phone, written in a withheld text:
a personal site, a profile or booking link, a handle (red team 11, R11-20).

"His personal site is https://qz-studio.example/about, his Instagram is
@qz.studio.nyc, Telegram t.me/qzstudio_nyc, Calendly calendly.com/qz-studio/30min"
in a private interview is as private as an e-mail address written there
(ivsite.contacts.bodycontacts), and was published when a public page repeated
it. An address is no contact detail by its shape alone: a private note cites
articles and companies' sites that a public page may cite too. So one counts
where it is a person's:

- an address at a site whose addresses name a person (:data:`PROFILE_HOSTS`:
  ``t.me/…``, ``instagram.com/…``, ``calendly.com/…``, ``linkedin.com/in/…``),
  looked for as that site and the handle (``calendly.com/qz-studio``: the
  booking page's event, ``30min``, names no one), and the handle as one
  ("@qzstudio_nyc" for ``t.me/qzstudio_nyc``), or at a host whose subdomain is
  a person's (``jane.substack.com``, ``jane.github.io``), or a ``/@name`` path
  (Mastodon, Medium);
- an address or a bare domain said to be someone's own site (:data:`_PERSONAL`:
  "his personal site", "her blog", "site perso") within the line, looked for as
  its host (its pages are the same person's);
- an ``@handle`` on a line that says which service it is on (:data:`SERVICES`:
  "his Instagram is @qz.studio.nyc", "@qz.studio.nyc on Instagram").

A key of a person's that ivsite does not know (``person: {instagram:
"@qz.studio.nyc", website: "qz-studio.example"}``, ignored with a warning) is the
author recording a way to reach them: its value is read with the key as its
label, and any address in it is theirs.

Each is looked for like a contact field, in every spelling (ivsite.contacts.fields),
by the filter's contact check and the audit, both through
ivsite.names.people.mentions; a handle with "@" or as an address's path, or
written without either where it has a dot, an underscore or a digit no prose has
(:func:`handle_needles`). An organisation's profile that a withheld note gives
("follow @acmecorp") may be listed in ``[privacy] public_contacts``
(ivsite.contacts.publiccontacts). An address given as no one's (an article, a
company's careers page) is not withheld: which it is, prose alone says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from ..text.normalise import compact, words
from ..text.textmatch import Confirmed, Needles


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


PROFILE_HOSTS = _listed("""
instagram.com instagr.am t.me telegram.me telegram.dog calendly.com cal.com
savvycal.com tidycal.com zcal.co youcanbook.me x.com twitter.com threads.net
tiktok.com facebook.com fb.com fb.me m.me wa.me signal.me snapchat.com github.com
gitlab.com bitbucket.org codeberg.org behance.net dribbble.com medium.com linktr.ee
bsky.app about.me youtube.com vimeo.com soundcloud.com pinterest.com reddit.com
linkedin.com xing.com vk.com ok.ru keybase.io mastodon.social flickr.com twitch.tv
patreon.com ko-fi.com buymeacoffee.com read.cv polywork.com wellfound.com
stackoverflow.com kaggle.com huggingface.co orcid.org researchgate.net
""")
"""Sites where the first part of an address's path is a person."""
BOOKING_HOSTS = frozenset({"calendly.com", "cal.com", "savvycal.com", "tidycal.com",
                           "zcal.co", "youcanbook.me"})
"""Profile sites whose deeper addresses are the person's still (a meeting type)."""
PERSONAL_SUBDOMAINS = _listed("""
substack.com github.io gitlab.io wordpress.com blogspot.com tumblr.com carrd.co
notion.site academia.edu netlify.app vercel.app webflow.io wixsite.com
""")
"""Hosts whose subdomain is a person's site ("jane.substack.com")."""
_PREFIXES = frozenset({"in", "pub", "u", "user", "users", "profile", "profiles", "c",
                       "channel", "people"})
"""A path part before the handle ("linkedin.com/in/…", "reddit.com/user/…")."""
_NOT_A_HANDLE = _listed("""
about help login signup explore search settings privacy terms jobs careers blog home
p watch status hashtag share intent events groups company school pulse feed results
topics tags trending features pricing download s r legal policies embed
""")
"""A profile site's own pages, which name no one."""
SERVICES = _listed("""
instagram insta ig telegram tg twitter tweet tweets tiktok threads mastodon bluesky
linkedin facebook behance dribbble calendly booking
bsky signal snapchat snap github gitlab handle discord youtube medium substack
wechat weixin kakao follow dm dms
""")
"""Words that say an ``@handle`` beside them is a handle on a service."""
_PERSONAL = re.compile(
    r"\b(?:personal|own|private|his|her|their|my)\s+(?:\w+\s+){0,2}?"
    r"(?:web\s*site|site|home\s*page|web\s*page|page|blog|portfolio|domain)s?\b"
    r"|\b(?:site|sitio|sito|web|webseite|homepage|p[aá]gina|blog)\s+"
    r"(?:perso|personnel|personal|personale|pessoal|privat)\b"
    r"|\bpers[oö]nliche\s+(?:website|webseite|homepage|seite)\b", re.I)
"""What says an address beside it is someone's own site."""
_WINDOW = 60
"""How far before or after an address (on its line) that is looked for."""

_URL = re.compile(
    r"(?<![\w@./-])(?:https?://)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})"
    r"(?![\w@-])(?P<path>/[^\s<>()\[\]{}\"',;]*)?", re.I)
_HANDLE = re.compile(r"(?<![\w@./])@(?P<handle>[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?)(?![\w@])",
                     re.I)


def profiles(line: str, label: str = "", *, theirs: bool = False,
             ) -> Iterator[tuple[str, str]]:
    """Each way to reach a person in one line of a withheld text (see the module's
    docstring): ("url", a profile or site address) or ("handle", "@handle").
    ``label``: the front-matter key the line is the value of, read as words
    beside it ("instagram: '@qz'"); ``theirs``: the value of a key of a person's
    (``person.website``), every address in which is their own site."""
    if "." in line:
        for m in _URL.finditer(line):
            near = _near(m, line)
            profile = _profile(m, f"{label} {near}")
            found = profile or _personal_site(m, near, theirs)
            if found:
                yield "url", found
            if "/" in profile:  # its handle, however it is given ("@qzstudio_nyc")
                yield "handle", "@" + profile.rsplit("/", 1)[1].lstrip("@")
    if "@" in line:
        for m in _HANDLE.finditer(line):
            if SERVICES.intersection(words(f"{label} {_near(m, line)}")):
                yield "handle", "@" + m.group("handle")


def _near(m: re.Match[str], line: str) -> str:
    """The words of the line around a match, without it or any address ("github"
    of github.com/acme/tool is no word saying a handle beside it is on GitHub)."""
    return _URL.sub(" ", f"{line[max(0, m.start() - _WINDOW):m.start()]} "
                         f"{line[m.end():m.end() + _WINDOW]}")


def _profile(m: re.Match[str], near: str) -> str:
    """The profile an address is at ("" when it is at no profile site). An
    address below a profile (a repository, a post, an article: "github.com/acme/
    tool") is a citation, not a way to reach someone, unless the words ``near``
    it name the service or call it someone's own ("his GitHub"); a booking page's
    event ("calendly.com/qz/30min") is the booking page."""
    host = m.group("host").lower().removeprefix("www.")
    parts = [p for p in (m.group("path") or "").split("?")[0].split("#")[0].split("/") if p]
    if any(host.endswith("." + h) for h in PERSONAL_SUBDOMAINS):
        return host
    if parts and parts[0].startswith("@") and len(parts[0]) > 1:
        keep = 1
    elif host not in PROFILE_HOSTS or not parts:
        return ""
    else:
        keep = 2 if parts[0].lower() in _PREFIXES and len(parts) > 1 else 1
    if parts[keep - 1].lower() in _NOT_A_HANDLE:
        return ""
    if len(parts) > keep and host not in BOOKING_HOSTS and not (
            SERVICES.intersection(words(near)) or _PERSONAL.search(near)):
        return ""
    return "/".join([host, *parts[:keep]])


_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?(?://)?(?P<host>(?:[^\W_](?:[\w-]*[^\W_])?\.)+"
                   r"[^\W\d_]{2,})(?=[/:]|\Z)", re.I)


def profile_handle(value: str, site: str = "") -> str:
    """The profile an address or handle is, as "site/handle" ("linkedin.com/
    janewhitlock"), however it is written: any subdomain of a profile site (a
    country's "ca.", the mobile "m.", "www."), with or without a scheme, with a
    locale or page after the handle ("/in/janewhitlock/en/"), a query, a
    trailing slash, percent-escapes, capitals or separators in the handle; ``site``:
    the profile site a value without a host is on ("janewhitlock", "in/janewhitlock"
    and "@janewhitlock" in a ``linkedin`` field). "" when it is no profile. Two
    records giving one profile are one person (ivsite.names.persons, red team 18,
    R18-01), as the body's search finds the handle under every such spelling."""
    text = re.split(r"[?#]", unquote(value.strip()), maxsplit=1)[0]
    m = _HOST.match(text)
    if m:
        host = m.group("host").casefold()
        site = next((h for h in PROFILE_HOSTS if host == h or host.endswith("." + h)), "")
        text = text[m.end():]
    parts = [p for p in text.split("/") if p.strip()]
    if parts and parts[0].casefold() in _PREFIXES and len(parts) > 1:
        parts = parts[1:]
    handle = compact(words(parts[0].lstrip("@"))) if parts else ""
    if not (site and handle) or handle in _NOT_A_HANDLE:
        return ""
    return f"{site}/{handle}"


def _personal_site(m: re.Match[str], near: str, theirs: bool) -> str:
    """An address's host when the words ``near`` it say it is someone's own site,
    or it is the value of a person's key ("")."""
    mine = theirs or _PERSONAL.search(near)
    return m.group("host").lower().removeprefix("www.") if mine else ""


MIN_HANDLE = 5
"""A handle written without "@" is looked for when it has this many letters."""


def handle_needles(handle: str) -> Needles:
    """What finds a handle: with its "@" ("@qz") or as the path of an address
    ("instagram.com/qz", "t.me/qz"), and as written without either when it is no
    word of prose (a dot, an underscore or a digit in it and at least
    :data:`MIN_HANDLE` letters: "ig: qz.studio.nyc").
    Never its words alone: "@jane.doe" is Jane Doe's handle, and her name, if she
    agreed to it, may be published."""
    name = handle.lstrip("@")
    anchor = tuple(words(name))
    if not anchor:
        return Needles([], [], [], "")
    written = re.escape(name)
    end = r"(?![\w@]|[.\-][^\W_])(?P<capital>)"
    forms = [Confirmed(anchor, rf"(?:(?<![\w@.])@\s?|(?<=/)){written}{end}")]
    if len(compact(list(anchor))) >= MIN_HANDLE and re.search(r"[._0-9]", name):
        forms.append(Confirmed(anchor, rf"(?<![\w@./\-]){written}{end}"))
    return Needles([], [], [], "", forms)
