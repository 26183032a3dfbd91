"""A referrer that is a channel, an office or a role, not a person (red team 11,
R11-16).

``referred_by`` and a referral's ``name`` say who made an introduction, and
authors often write how instead: ``referred_by: LinkedIn``, ``alumni office``,
``{name: Career Services}``, ``{name: the hiring manager, role: Design
Manager}``, ``her boss``. Read as an unconsented person's name, each made every
public "LinkedIn", "the alumni office" or "the hiring manager" an error, on every
page. Such a text names no one: the consent rules (ivsite.names.people) skip it.

Decided by the text's words, not by its capitals: a text names no one when every
word of it is a channel, an office, a role or a small word (:data:`NO_ONE`),
asides included, so that "LinkedIn (Sam Lee)", "Sam from Career Services" and
"my manager sam lee" still name someone. Words that are also given names
("Dean", "Will", "Hunter", "Chase", "Grace") are not in the list: "Dean" alone
is a person.
"""

from __future__ import annotations

from ..text.normalise import words

_CHANNELS = """
linkedin xing indeed glassdoor handshake wellfound angellist twitter facebook
instagram tiktok reddit slack discord meetup eventbrite github gitlab youtube
whatsapp telegram email e mail mail inmail dm newsletter website site web online
internet google search job jobs board boards posting post advert listing
application portal cold outreach message referral referrals network networking
platform app forum community group groups list mailing cold call calls
"""
"""Where an introduction comes from when no one made it."""
_OFFICES = """
alumni alumnae alumnus alumna alum office offices services service career careers
centre center department dept hr human resources talent acquisition recruiting
recruitment agency agencies university college school uni campus faculty library
association society club chapter program programme fair fairs event events
conference conferences night mixer workshop webinar panel hackathon bootcamp course
class cohort mentorship mentoring scheme council union guild team company firm
employer internal external desk hotline help helpdesk portal
"""
"""Offices and occasions."""
_ROLES = """
hiring manager managers boss supervisor lead head director ceo cto cfo coo vp chief
officer founder cofounder co interviewer interviewers recruiter recruiters
headhunter colleague colleagues coworker coworkers peer peers friend friends
classmate classmates roommate flatmate neighbour neighbor mentor advisor adviser
tutor teacher lecturer instructor counsellor counselor sponsor contact contacts
acquaintance family mum mom dad mother father parent parents sister brother
sibling cousin aunt uncle partner wife husband spouse relative someone somebody
person people staff member members employee employees engineering product design
designer sales marketing research researcher data analyst developer senior junior
principal assistant associate intern coordinator specialist consultant admin
administrator secretary committee former old ex previous current new
"""
"""Roles and relations, and what is said of them."""
_SMALL = """
the a an my his her their our your its of at from via through on in by and or
for to with who that this
"""
"""Small words around the others."""
NO_ONE = frozenset((_CHANNELS + _OFFICES + _ROLES + _SMALL).split())
"""Every word a text that names no one is made of."""


def names_no_one(text: str) -> bool:
    """Whether a referrer's text is a channel, an office or a role and names no
    one (see the module's docstring): "LinkedIn", "the alumni office", "Career
    Services", "the hiring manager"; not "Sam Lee", "Dean", "LinkedIn (Sam Lee)"."""
    ws = words(text)
    return bool(ws) and all(w in NO_ONE for w in ws)
