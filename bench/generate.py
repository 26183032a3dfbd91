"""Generate a deterministic benchmark corpus of informational-interview notes.

    python bench/generate.py N OUTDIR [--seed S] [--flavour ivsite|pelican|mkdocs]

The same seed gives the same notes, byte for byte, in every flavour:

* ``ivsite``  - a complete ivsite site: site.toml, content/interviews/*.md,
  content/roles/*.md (12 role notes), content/pages/index.md, content/questions.yaml.
* ``pelican`` - a Pelican project: pelicanconf.py and content/ with the same notes as
  Markdown with Pelican metadata; ``:::`` container lines dropped, wiki-links turned
  into ``{filename}`` links.
* ``mkdocs``  - a MkDocs project: mkdocs.yml and docs/ with the same notes (YAML meta),
  plus an index page listing every note, a tag overview and one page per tag, written
  as Markdown so that MkDocs does the same amount of work as the other tools.

Pure standard library. Names, e-mail addresses and aliases are unique within a corpus
(and none is a substring of another), and the text of ``::: private`` and
``::: mentor`` passages never occurs in ordinary paragraphs, so that an output audit
that looks for withheld strings cannot hit by coincidence.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

FLAVOURS = ("ivsite", "pelican", "mkdocs")
BASE_URL = "https://bench.example.org/"
SITE_TITLE = "Career research (benchmark corpus)"

# --------------------------------------------------------------------------- pools

# (slug, title, industry, skills)
ROLES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "ux-researcher",
        "UX Researcher",
        "Technology",
        ("interviewing", "synthesis", "survey design"),
    ),
    ("product-manager", "Product Manager", "Technology", ("prioritisation", "roadmaps", "SQL")),
    ("data-analyst", "Data Analyst", "Finance", ("SQL", "statistics", "dashboards")),
    (
        "marketing-coordinator",
        "Marketing Coordinator",
        "Marketing",
        ("campaign planning", "copywriting", "analytics"),
    ),
    ("content-strategist", "Content Strategist", "Media", ("editing", "information architecture")),
    ("policy-analyst", "Policy Analyst", "Government", ("research", "briefing notes", "Stata")),
    (
        "clinical-research-coordinator",
        "Clinical Research Coordinator",
        "Healthcare",
        ("protocols", "regulatory filings", "patient recruitment"),
    ),
    (
        "sustainability-consultant",
        "Sustainability Consultant",
        "Energy",
        ("carbon accounting", "stakeholder workshops"),
    ),
    ("technical-writer", "Technical Writer", "Technology", ("docs-as-code", "API reference")),
    ("grant-writer", "Grant Writer", "Nonprofit", ("budgets", "storytelling", "deadlines")),
    ("instructional-designer", "Instructional Designer", "Education", ("curriculum", "LMS")),
    (
        "operations-associate",
        "Operations Associate",
        "Logistics",
        ("process mapping", "spreadsheets", "vendor management"),
    ),
)

TAGS: tuple[str, ...] = (
    "career-change", "networking", "remote-work", "salary", "hiring-process", "portfolio",
    "mentorship", "startups", "big-company", "nonprofit", "public-sector", "consulting",
    "research-methods", "data", "writing", "design", "management", "work-life-balance",
    "onboarding", "skills-gap", "certifications", "graduate-school", "freelance", "culture",
    "promotion", "burnout", "travel", "client-work", "teamwork", "tools", "ai", "ethics",
    "internships", "relocation", "diversity", "negotiation", "side-projects", "leadership",
    "stakeholders", "job-search",
)  # fmt: skip

# Neither list holds a name that a longer one ends with (first) or starts with (last),
# so "Ana Silva" is never a substring of another full name.
FIRST_NAMES: tuple[str, ...] = (
    "Aaliyah", "Abdul", "Adaeze", "Adrián", "Agnes", "Aiko", "Akira", "Alejandro", "Alessia",
    "Amara", "Anders", "Aneesh", "Anouk", "Arjun", "Astrid", "Ayesha", "Beatriz", "Benedikt",
    "Bilal", "Bongani", "Bruno", "Camila", "Carmen", "Chiara", "Chidi", "Clément", "Dalia",
    "Dmitri", "Dong-hyun", "Efua", "Elif", "Emeka", "Esperanza", "Fatima", "Felix", "Fernanda",
    "Freya", "Gabriel", "Gulnara", "Hamid", "Hana", "Hiroshi", "Ingrid", "Isabela", "Jamal",
    "Javier", "Jin", "Joaquín", "Jonas", "Kalani", "Kavya", "Kemal", "Kiri", "Kwame", "Lars",
    "Leilani", "Lucía", "Magnus", "Malik", "Marisol", "Mateus", "Mehmet", "Mei", "Nadia",
    "Naveen", "Niamh", "Nikolai", "Noor", "Olga", "Oluwaseun", "Omar", "Pablo", "Priya",
    "Quentin", "Rafael", "Rania", "Rohan", "Rosa", "Ruth", "Saanvi", "Samir", "Sebastián",
    "Siddharth", "Sigrid", "Sofía", "Sunil", "Tamar", "Tariq", "Thandiwe", "Tomás", "Ugo",
    "Valentina", "Wanjiru", "Xavier", "Yara", "Yusuf", "Zainab", "Zoë", "Étienne", "Björn",
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Abebe", "Adeyemi", "Alvarez", "Andersson", "Bakshi", "Balogun", "Bergström", "Castillo",
    "Chowdhury", "Cruz", "Dąbrowski", "Delacroix", "Demir", "Dlamini", "Eze", "Fagerlund",
    "Ferreira", "Fischer", "Gallagher", "Gonçalves", "Gupta", "Haddad", "Halvorsen", "Hashemi",
    "Hoang", "Ibrahim", "Iyer", "Jablonski", "Jovanović", "Kamau", "Kapoor", "Kowalczyk",
    "Kuznetsova", "Lambert", "Lindqvist", "Mahlangu", "Marchetti", "Mendoza", "Moreau",
    "Mwangi", "Nakamura", "Nascimento", "Novak", "Nwosu", "Okafor", "Oyelaran", "Papadopoulos",
    "Petrović", "Quispe", "Rahman", "Ramírez", "Rossi", "Saarinen", "Santos", "Schneider",
    "Sharma", "Sokolov", "Suzuki", "Takahashi", "Tanaka", "Tembo", "Thorsen", "Usman",
    "Valdivia", "Van Dijk", "Varga", "Wainwright", "Watanabe", "Weissberg", "Xiong", "Yamada",
    "Yilmaz", "Zapata", "Zielinski", "Zhou", "Oduya", "Brennan", "Achterberg", "Fonseca",
    "Gunawardena", "Horvath", "Ivanova", "Jaramillo", "Kristiansen", "Lefebvre", "Mbeki",
    "Nieminen", "Ortega", "Pellegrini", "Rautio", "Sandoval", "Trinh", "Uchenna", "Vidal",
    "Wojcik", "Yeboah", "Zamora", "Ekwueme", "Kovalenko", "Moana",
)  # fmt: skip
MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTVW"

COMPANIES: tuple[tuple[str, str], ...] = (
    # (company name, how an alias describes it)
    ("Northwind Analytics", "an analytics firm"), ("Bluefin Health", "a health-tech startup"),
    ("Cedar & Pine Media", "a media company"), ("Harbourline Logistics", "a logistics company"),
    ("Kestrel Energy", "an energy utility"), ("Lumen Learning Co", "an ed-tech company"),
    ("Marigold Foundation", "a foundation"), ("Oakridge Consulting", "a consultancy"),
    ("Pinecone Labs", "a software startup"), ("Quarry Bank Group", "a bank"),
    ("Riverstone Council", "a city council"), ("Saffron Studio", "a design studio"),
    ("Tidewater Insurance", "an insurer"), ("Umbra Games", "a game studio"),
    ("Vantage Retail", "a retailer"), ("Willow Clinic Network", "a hospital network"),
    ("Yarrow Policy Institute", "a think tank"), ("Zephyr Mobility", "a mobility startup"),
    ("Atlas Civic Tech", "a civic-tech nonprofit"), ("Brightwater Water", "a water utility"),
    ("Copperleaf Publishing", "a publisher"), ("Driftwood Agency", "a marketing agency"),
    ("Evergreen Pharma", "a pharmaceutical company"), ("Foxglove Fintech", "a fintech"),
    ("Granite Ministry of Works", "a government ministry"), ("Heron Research Trust", "a charity"),
    ("Ironbark Manufacturing", "a manufacturer"), ("Juniper Cloud", "a cloud provider"),
    ("Kelp Robotics", "a robotics company"), ("Larkspur University", "a university"),
)  # fmt: skip

LOCATIONS: tuple[str, ...] = (
    "Toronto", "Vancouver", "Montréal", "Lisbon", "Berlin", "Nairobi", "Lagos", "Bengaluru",
    "Singapore", "Melbourne", "Auckland", "São Paulo", "Mexico City", "Chicago", "Austin",
    "Seattle", "Dublin", "Manchester", "Stockholm", "Helsinki", "Warsaw", "Cape Town",
    "Tokyo", "Seoul", "Remote",
)  # fmt: skip

CODE_ADJECTIVES: tuple[str, ...] = (
    "Amber", "Brisk", "Calm", "Dapper", "Eager", "Fable", "Gentle", "Hazy", "Idle", "Jolly",
    "Keen", "Lucky", "Mellow", "Nimble", "Open", "Patient", "Quiet", "Rapid", "Steady", "Tidy",
    "Upbeat", "Vivid", "Warm", "Young", "Zesty", "Bold", "Clever", "Daring", "Early", "Frank",
)  # fmt: skip
CODE_COLOURS: tuple[str, ...] = (
    "Azure", "Bronze", "Cobalt", "Copper", "Coral", "Crimson", "Golden", "Indigo", "Ivory",
    "Jade", "Lilac", "Maroon", "Ochre", "Olive", "Pearl", "Russet", "Scarlet", "Silver",
    "Teal", "Umber",
)  # fmt: skip
CODE_ANIMALS: tuple[str, ...] = (
    "Badger", "Bison", "Cormorant", "Crane", "Dolphin", "Egret", "Falcon", "Gecko", "Gibbon",
    "Heron", "Ibis", "Jackal", "Kestrel", "Koala", "Lemur", "Lynx", "Marmot", "Magpie", "Newt",
    "Ocelot", "Otter", "Panda", "Pelican", "Puffin", "Quail", "Raven", "Salmon", "Sparrow",
    "Tapir", "Toucan", "Urchin", "Vole", "Walrus", "Wombat", "Yak", "Zebra", "Beaver",
    "Condor", "Dingo", "Ferret",
)  # fmt: skip

FORMATS = ("coffee", "video", "phone", "in-person", "email", "other")
FORMAT_WEIGHTS = (30, 35, 15, 12, 5, 3)
FORMAT_WORDS = {
    "coffee": "coffee chat",
    "video": "video call",
    "phone": "phone call",
    "in-person": "meeting",
    "email": "e-mail exchange",
    "other": "conversation",
}

# The question bank: (id, text, aliases). Interviews use the text or an alias as headings.
QUESTION_BANK: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("typical-day", "What does a typical day look like for you?",
     ("What is a normal day like?", "Can you walk me through a typical day?")),
    ("path", "How did you get into this field?", ("How did you end up in this role?",)),
    ("skills", "What skills matter most in your job?", ("Which skills do you use every day?",)),
    ("entry", "How would someone break into this field today?",
     ("What is the best way in for a newcomer?",)),
    ("hard-part", "What is the hardest part of the job?", ("What do you find most difficult?",)),
    ("best-part", "What do you enjoy most about your work?",
     ("What is the best part of the job?",)),
    ("career-path", "Where do people usually go after this role?",
     ("What does the career path look like?",)),
    ("hiring", "What do hiring managers look for?", ("What makes a candidate stand out?",)),
    ("advice", "What advice would you give your younger self?", ()),
    ("trends", "How is the field changing?", ("What trends are you watching?",)),
    ("culture", "How would you describe the culture on your team?", ()),
    ("pay", "What is a realistic salary range for a first role?", ("How does pay progress?",)),
    ("portfolio", "What should a portfolio show?",
     ("What would you want to see in my portfolio?",)),
    ("people", "Who else should I talk to?", ("Is there anyone else I should speak with?",)),
    ("balance", "How do you manage work-life balance?", ("What are the hours really like?",)),
)  # fmt: skip
OTHER_QUESTIONS: tuple[str, ...] = (
    "What surprised you most in your first year?",
    "How much of the work is remote?",
    "Which tools could you not live without?",
    "How do you measure success in this role?",
    "What does a bad week look like?",
    "How big is your team, and who do you report to?",
    "Did graduate school help you?",
    "How do you keep your skills current?",
    "What would you do differently if you started again?",
    "How do you handle disagreement with stakeholders?",
    "What is overrated about this career?",
    "Which professional communities are worth joining?",
    "How did the pandemic change the work?",
    "What does the interview process involve?",
    "Are certifications worth the money?",
    "How much travel is involved?",
)

OPENERS: tuple[str, ...] = (
    "They said that", "In their experience,", "According to them,", "They pointed out that",
    "What surprised me was that", "They were candid that", "Early on, they learned that",
    "They explained that", "Looking back, they felt that", "They stressed that",
    "They mentioned that", "Their view is that", "It sounds like", "They admitted that",
    "From what I heard,", "They were clear that", "I learned that", "They joked that",
)  # fmt: skip
SUBJECTS: tuple[str, ...] = (
    "the first ninety days", "stakeholder management", "the hiring process", "most of the week",
    "cross-functional work", "a strong portfolio", "a good manager", "the team",
    "remote work", "budget season", "the onboarding plan", "client feedback",
    "the junior role", "a mentor", "networking", "the interview loop", "quarterly planning",
    "the tooling", "documentation", "writing skill", "the busy season", "the day-to-day work",
    "the job title", "domain knowledge", "a side project", "volunteering",
    "the certification track", "an internal transfer", "informational interviews",
    "public speaking", "the reporting line", "the performance review", "travel",
    "the learning curve", "a generalist background", "the research budget",
)  # fmt: skip
PREDICATES: tuple[str, ...] = (
    "matters more than any certification", "takes longer than people expect",
    "is mostly about listening", "depends heavily on the size of the company",
    "changes every quarter", "rewards curiosity more than polish",
    "can be learned on the job", "is where most newcomers struggle",
    "shapes the whole career path", "gets easier after the first year",
    "is less glamorous than it looks from outside", "decides who gets promoted",
    "is underrated by career guides", "is the part they would change first",
    "needs a thick skin", "opens doors that applications do not",
    "is handled very differently at each employer", "was the reason they stayed",
    "is what they look for in new hires", "eats more time than expected",
    "is negotiable if you ask early", "works best with clear written notes",
    "is more collaborative than I assumed", "can make or break the first job",
)  # fmt: skip
TAILS: tuple[str, ...] = (
    "", "", "", "", " in their current team", ", especially at smaller firms",
    ", which I had not considered", " if you ask the right questions",
    ", at least in their sector", " for someone switching careers", " in the long run",
    ", and they gave two examples", " once you have a track record",
    ", though it varies by manager",
)  # fmt: skip
STANDALONE: tuple[str, ...] = (
    "I should follow up on this in a week or two.",
    "This matches what I read before the call.",
    "That was not what I expected to hear.",
    "We spent a good ten minutes on this point.",
    "They laughed when I asked about it.",
    "I want to compare this with the other conversations.",
    "It is worth writing down exactly how they phrased it.",
    "This came up again near the end of the conversation.",
)
LINK_TEXTS: tuple[tuple[str, str], ...] = (
    ("a salary survey", "https://example.org/surveys/salary-2025"),
    ("this reading list", "https://example.org/reading/career-change"),
    ("the professional association", "https://example.org/association"),
    ("a public job description", "https://example.org/jobs/sample"),
    ("their conference talk", "https://example.org/talks/lessons-learned"),
)
CODE_WORDS = ("SQL", "Figma", "Excel", "Python", "Jira", "Tableau", "R", "Airtable", "Notion")

BULLET_VERBS = (
    "Ask about",
    "Read up on",
    "Practise",
    "Look into",
    "Compare notes on",
    "Write a short piece on",
    "Find someone who knows about",
    "Update my CV to mention",
    "Prepare an example of",
)
TABLE_ASPECTS = (
    "Hours",
    "Pay",
    "Remote work",
    "Travel",
    "Team size",
    "Tools",
    "Hiring bar",
    "Growth",
    "Stress",
    "Learning curve",
)
TABLE_VALUES = (
    "better than I thought",
    "about what I expected",
    "varies a lot",
    "worse at agencies",
    "mostly flexible",
    "depends on the manager",
    "high in the first year",
    "negotiable",
    "rarely discussed",
    "steady",
)

# Passages: their own vocabulary so that they never repeat ordinary paragraph text.
PRIVATE_OPENERS = (
    "Off the record,",
    "Strictly between us,",
    "Not for sharing:",
    "They asked me to keep quiet that",
)
PRIVATE_FACTS = (
    "a reorganisation is planned for the spring",
    "their own salary band is well below market",
    "there is tension with the new product lead",
    "they are interviewing elsewhere",
    "the team may lose its budget next year",
    "two senior people left after the merger",
    "the hiring freeze is not public yet",
    "their manager is going on extended leave",
    "a large client is about to walk away",
    "the office is moving to another city",
)
PRIVATE_COLOURS = (
    "I promised not to repeat this",
    "I must not quote this anywhere",
    "this stays in my own notes",
    "this is confidential",
)
MENTOR_OPENERS = (
    "Question for my mentor:",
    "To discuss with my mentor:",
    "Mentor, what do you think:",
)
MENTOR_ASKS = (
    "should I apply now or build more experience first",
    "is it worth taking a pay cut to switch fields",
    "how do I ask for a referral politely",
    "which of these two roles fits my strengths better",
    "how should I present my gap year",
    "would a short course help or is it a distraction",
    "how soon should I send the follow-up",
    "is my portfolio too broad",
)
MENTOR_CONTEXT = (
    "given what they said about hiring",
    "after hearing about the learning curve",
    "considering my current contract",
    "based on this conversation",
)

SENIORITY = ("", "", "", "Senior ", "Junior ", "Lead ", "Associate ")


# --------------------------------------------------------------------------- model


@dataclass
class Person:
    name: str
    role: str
    company: str
    company_kind: str
    industry: str
    location: str
    email: str


@dataclass
class Note:
    """One interview, in a form every flavour can write."""

    stem: str
    date: dt.date
    person: Person
    alias: str
    publish_name: bool
    recording: bool
    fmt: str
    status: str
    role_slug: str
    interest: int
    visibility: str | None  # None: not stated, the site default applies
    tags: list[str]
    summary: str
    body: str  # ivsite Markdown: ::: containers and [[roles/slug]] wiki-links
    referred_by: str | None = None
    follow_up: dict[str, object] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return self.person.name if self.publish_name else self.alias

    @property
    def title(self) -> str:
        """The title the peers get (ivsite builds its own from the display name)."""
        return f"Interview with {self.display_name}"


@dataclass
class RoleNote:
    slug: str
    title: str
    status: str
    skills: list[str]
    tags: list[str]
    summary: str
    body: str


@dataclass
class Corpus:
    notes: list[Note]
    roles: list[RoleNote]
    home_body: str


# --------------------------------------------------------------------------- text


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c.isascii())


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")


def _article(phrase: str) -> str:
    if phrase[:2].upper() == "UX" or phrase[:3].lower() in ("uni", "use"):
        return "a"
    return "an" if phrase[:1].lower() in "aeiou" else "a"


def _lower(title: str) -> str:
    """Lower-case a job title for running text, keeping acronyms ("UX") as they are."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in title.split())


class TextMaker:
    """Builds sentences, paragraphs, lists and tables from a pre-made sentence pool.

    The pool is made once from the seed; notes draw whole sentences from it, which
    keeps generation of 10k notes to a couple of seconds.
    """

    def __init__(self, rng: random.Random, pool_size: int = 4000) -> None:
        self.rng = rng
        self._random = rng.random
        self.pool = [self._sentence() for _ in range(pool_size)]

    def pick(self, seq: Sequence[str]) -> str:
        """rng.choice, three times faster (what matters for 10k notes)."""
        return seq[int(self._random() * len(seq))]

    def _sentence(self) -> str:
        rng = self.rng
        opener = rng.choice(OPENERS)
        subject = rng.choice(SUBJECTS)
        roll = rng.random()
        if roll < 0.08:
            subject = f"**{subject}**"
        elif roll < 0.14:
            subject = f"*{subject}*"
        sentence = f"{opener} {subject} {rng.choice(PREDICATES)}{rng.choice(TAILS)}."
        roll = rng.random()
        if roll < 0.05:
            text, url = rng.choice(LINK_TEXTS)
            sentence += f" They recommended [{text}]({url})."
        elif roll < 0.09:
            sentence += f" Most of it happens in `{rng.choice(CODE_WORDS)}`."
        elif roll < 0.15:
            sentence += " " + rng.choice(STANDALONE)
        return sentence[0].upper() + sentence[1:]

    def paragraph(self, lo: int = 3, hi: int = 6) -> str:
        k = lo + int(self._random() * (hi - lo + 1))
        pool = self.pool
        return " ".join([self.pick(pool) for _ in range(k)])

    def bullets(self, lo: int = 3, hi: int = 6) -> str:
        pick = self.pick
        items = []
        for _ in range(lo + int(self._random() * (hi - lo + 1))):
            if self._random() < 0.5:
                items.append(f"- {pick(BULLET_VERBS)} {pick(SUBJECTS)}")
            else:
                items.append(f"- {pick(SUBJECTS).capitalize()} {pick(PREDICATES)}")
        return "\n".join(items)

    def table(self) -> str:
        rng = self.rng
        rows = ["| Aspect | What they said | My take |", "| --- | --- | --- |"]
        for aspect in rng.sample(TABLE_ASPECTS, rng.randint(3, 6)):
            rows.append(f"| {aspect} | {rng.choice(TABLE_VALUES)} | {rng.choice(TABLE_VALUES)} |")
        return "\n".join(rows)

    def private_passage(self) -> str:
        rng = self.rng
        lines = [
            f"{rng.choice(PRIVATE_OPENERS)} {rng.choice(PRIVATE_FACTS)}; "
            f"{rng.choice(PRIVATE_COLOURS)}."
            for _ in range(rng.randint(1, 2))
        ]
        return "::: private\n" + " ".join(lines) + "\n:::"

    def mentor_passage(self) -> str:
        rng = self.rng
        ask = rng.choice(MENTOR_ASKS)
        return f"::: mentor\n{rng.choice(MENTOR_OPENERS)} {ask}, {rng.choice(MENTOR_CONTEXT)}?\n:::"


def _words(block: str) -> int:
    return len(block.split())


def _unique_names(rng: random.Random, count: int) -> list[str]:
    """`count` distinct full names; middle initials only once the plain pairs run low."""
    plain = len(FIRST_NAMES) * len(LAST_NAMES)
    space = plain * (1 + len(MIDDLE_INITIALS)) if count > plain // 2 else plain
    names = []
    for index in rng.sample(range(space), count):
        middle, rest = divmod(index, plain)
        first, last = divmod(rest, len(LAST_NAMES))
        initial = f" {MIDDLE_INITIALS[middle - 1]}." if middle else ""
        names.append(f"{FIRST_NAMES[first]}{initial} {LAST_NAMES[last]}")
    return names


def _codenames(rng: random.Random, count: int) -> list[str]:
    sizes = (len(CODE_ADJECTIVES), len(CODE_COLOURS), len(CODE_ANIMALS))
    space = sizes[0] * sizes[1] * sizes[2]
    if count > space:
        raise SystemExit(f"at most {space} notes are supported")
    out = []
    for index in rng.sample(range(space), count):
        a, rest = divmod(index, sizes[1] * sizes[2])
        c, n = divmod(rest, sizes[2])
        out.append(f"{CODE_ADJECTIVES[a]} {CODE_COLOURS[c]} {CODE_ANIMALS[n]}")
    return out


# Zipf-like popularity: a few tags are common, most are occasional.
_TAG_CUM_WEIGHTS = list(itertools.accumulate(1.0 / (i + 1) ** 0.8 for i in range(len(TAGS))))


def _pick_tags(rng: random.Random) -> list[str]:
    want = rng.randint(2, 4)
    chosen: list[str] = []
    while len(chosen) < want:
        tag = rng.choices(TAGS, cum_weights=_TAG_CUM_WEIGHTS)[0]
        if tag not in chosen:
            chosen.append(tag)
    return chosen


def _interview_body(
    rng: random.Random, text: TextMaker, role_slug: str, role_title: str, fmt: str
) -> str:
    target = rng.randint(600, 900)
    blocks: list[str] = []
    intro = (
        f"Notes from a {FORMAT_WORDS[fmt]} about what it is like to work as "
        f"{_article(role_title)} {_lower(role_title)}. {text.paragraph(2, 4)}"
    )
    blocks.append(intro)
    takeaways = "## Takeaways\n\n" + text.bullets(3, 5)
    link_line = f"I added this conversation to my research on [[roles/{role_slug}]]. " + rng.choice(
        STANDALONE
    )
    reserve = _words(takeaways) + _words(link_line)
    words = _words(intro)

    n_private = rng.choices((0, 1, 2), (35, 50, 15))[0]
    n_mentor = rng.choices((0, 1, 2), (45, 45, 10))[0]
    want_table = rng.random() < 0.25
    questions = [
        rng.choice((text_, *aliases)) if aliases and rng.random() < 0.3 else text_
        for _, text_, aliases in rng.sample(QUESTION_BANK, 8)
    ]
    questions += rng.sample(OTHER_QUESTIONS, 5)
    rng.shuffle(questions)
    level = "##"
    for question in questions:
        if words + reserve >= target - 40:
            break
        section = [f"{level} {question}", text.paragraph(2, 5)]
        roll = rng.random()
        if want_table and roll < 0.3:
            section.append(text.table())
            want_table = False
        elif roll < 0.45:
            section.append(text.bullets())
        elif roll < 0.55:
            section.append("> " + rng.choice(text.pool))
        if rng.random() < 0.35:
            section.append(text.paragraph(1, 3))
        if n_private and rng.random() < 0.4:
            section.append(text.private_passage())
            n_private -= 1
        if n_mentor and rng.random() < 0.4:
            section.append(text.mentor_passage())
            n_mentor -= 1
        # Trim the last paragraph if the section would overshoot the target badly.
        section_words = sum(_words(b) for b in section)
        if words + reserve + section_words > target + 20:
            section = section[:2]
            section_words = sum(_words(b) for b in section)
        blocks.extend(section)
        words += section_words
    while words + reserve < target - 40:  # pad short notes with one more paragraph
        para = text.paragraph(2, 4)
        blocks.append(para)
        words += _words(para)
    if n_private:
        blocks.append(text.private_passage())
    if n_mentor:
        blocks.append(text.mentor_passage())
    blocks.append(takeaways)
    blocks.append(link_line)
    return "\n\n".join(blocks) + "\n"


def _role_body(rng: random.Random, text: TextMaker, title: str, skills: Sequence[str]) -> str:
    blocks = [
        f"What I know so far about working as {_article(title)} {_lower(title)}. "
        + text.paragraph(3, 5),
        "## Skills\n\n" + "\n".join(f"- {s}" for s in skills),
        "## Open questions\n\n" + text.bullets(3, 5),
        text.paragraph(2, 4),
    ]
    if rng.random() < 0.5:
        blocks.append(text.private_passage())
    return "\n\n".join(blocks) + "\n"


def make_corpus(n: int, seed: int, all_public: bool = False) -> Corpus:
    """Make the notes in memory; every flavour writes this same corpus."""
    rng = random.Random(seed)
    text = TextMaker(rng)
    names = _unique_names(rng, n + n // 5 + 1)
    codenames = _codenames(rng, n)
    referrers = names[n:]
    start = dt.date(2025, 1, 1)
    notes: list[Note] = []
    for i in range(n):
        role_slug, role_title, industry, _ = rng.choice(ROLES)
        company, company_kind = rng.choice(COMPANIES)
        name = names[i]
        job = rng.choice(SENIORITY) + role_title
        person = Person(
            name=name,
            role=job,
            company=company,
            company_kind=company_kind,
            industry=industry,
            location=rng.choice(LOCATIONS),
            email=f"{slugify(name).replace('-', '.')}@{slugify(company)}.example",
        )
        date = start + dt.timedelta(days=rng.randrange(730))
        alias = f"{_article(job)} {_lower(job)} at {company_kind} ({codenames[i]})"
        fmt = rng.choices(FORMATS, FORMAT_WEIGHTS)[0]
        if all_public:
            visibility: str | None = "public"
        else:
            visibility = rng.choices(("public", "mentor", "private", None), (82, 9, 6, 3))[0]
        follow_up: dict[str, object] = {}
        if rng.random() < 0.6:
            follow_up["thank_you"] = date + dt.timedelta(days=rng.randint(0, 3))
            follow_up["keep_in_touch"] = rng.random() < 0.7
            if rng.random() < 0.4:
                follow_up["next"] = date + dt.timedelta(days=rng.randint(20, 90))
        stem = f"{date.isoformat()}-{slugify(codenames[i])}"
        tags = _pick_tags(rng)
        topic = rng.choice(SUBJECTS)
        notes.append(
            Note(
                stem=stem,
                date=date,
                person=person,
                alias=alias,
                publish_name=rng.random() < 0.3,
                recording=rng.random() < 0.5,
                fmt=fmt,
                status=rng.choices(("done", "planned", "cancelled"), (94, 4, 2))[0],
                role_slug=role_slug,
                interest=rng.randint(1, 5),
                visibility=visibility,
                tags=tags,
                summary=f"A {FORMAT_WORDS[fmt]} about {topic} and the {_lower(role_title)} path.",
                body=_interview_body(rng, text, role_slug, role_title, fmt),
                referred_by=referrers[i % len(referrers)] if rng.random() < 0.15 else None,
                follow_up=follow_up,
            )
        )
    roles = [
        RoleNote(
            slug=slug,
            title=title,
            status=rng.choice(("exploring", "exploring", "pursuing", "dropped")),
            skills=list(skills),
            tags=_pick_tags(rng)[:2],
            summary=f"What I have learned about the {_lower(title)} role.",
            body=_role_body(rng, text, title, skills),
        )
        for slug, title, _, skills in ROLES
    ]
    home = (
        "These are my notes from informational interviews: short conversations with "
        "people who do the jobs I am curious about. " + text.paragraph(2, 3) + "\n"
    )
    return Corpus(notes=notes, roles=roles, home_body=home)


# --------------------------------------------------------------------------- YAML

_PLAIN = re.compile(r"^[A-Za-z0-9À-ɏ][^?:#\[\]{},&*!|>'\"%@`\n]*$")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def yaml_str(value: str) -> str:
    """A YAML scalar for `value`: plain where safe, JSON-quoted otherwise."""
    if (
        _PLAIN.match(value)
        and value.lower() not in _YAML_WORDS
        and not re.fullmatch(r"[0-9.+\-eE:_]+", value)
        and not value.endswith(" ")
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def yaml_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(yaml_str(v) for v in values) + "]"


def _yaml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | int):
        return str(value)
    return yaml_str(str(value))


def ivsite_front_matter(note: Note) -> str:
    p = note.person
    lines = [
        "---",
        "person:",
        f"  name: {yaml_str(p.name)}",
        f"  role: {yaml_str(p.role)}",
        f"  company: {yaml_str(p.company)}",
        f"  industry: {yaml_str(p.industry)}",
        f"  location: {yaml_str(p.location)}",
        f"  email: {yaml_str(p.email)}",
        f"alias: {yaml_str(note.alias)}",
        "consent:",
        f"  publish_name: {_yaml_value(note.publish_name)}",
        f"  recording: {_yaml_value(note.recording)}",
        f"date: {note.date.isoformat()}",
        f"format: {note.fmt}",
        f"status: {note.status}",
        f"role: {note.role_slug}",
        f"interest: {note.interest}",
    ]
    if note.visibility is not None:
        lines.append(f"visibility: {note.visibility}")
    lines.append(f"tags: {yaml_list(note.tags)}")
    lines.append(f"summary: {yaml_str(note.summary)}")
    if note.referred_by:
        lines.append(f"referred_by: {yaml_str(note.referred_by)}")
    if note.follow_up:
        lines.append("follow_up:")
        lines.extend(f"  {k}: {_yaml_value(v)}" for k, v in note.follow_up.items())
    lines.append("---")
    return "\n".join(lines) + "\n\n"


# --------------------------------------------------------------------------- writers

_CONTAINER_LINE = re.compile(r"^[ \t]*:::.*\n", re.MULTILINE)
_WIKI = re.compile(r"\[\[roles/([a-z0-9-]+)\]\]")
ROLE_TITLES = {slug: title for slug, title, _, _ in ROLES}


def peer_body(body: str, role_link: str) -> str:
    """The body for Pelican/MkDocs: container lines dropped, wiki-links made links.

    `role_link` is a format string with {slug}, e.g. "../roles/{slug}.md".
    """
    body = _CONTAINER_LINE.sub("", body)
    return _WIKI.sub(
        lambda m: f"[{ROLE_TITLES[m.group(1)]}]({role_link.format(slug=m.group(1))})", body
    )


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _reset(outdir: Path, *children: str) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    for child in children:
        target = outdir / child
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def write_ivsite(corpus: Corpus, outdir: Path) -> None:
    _reset(outdir, "content", "site.toml", ".ivsite", "_site")
    interviews = outdir / "content" / "interviews"
    roles = outdir / "content" / "roles"
    pages = outdir / "content" / "pages"
    for d in (interviews, roles, pages):
        d.mkdir(parents=True)
    _write(
        outdir / "site.toml",
        f'title = "{SITE_TITLE}"\n'
        'author = "Bench Author"\n'
        f'base_url = "{BASE_URL}"\n'
        'language = "en"\n'
        "\n[visibility]\n"
        'interviews = "private"\n'
        'reflections = "private"\n'
        'roles = "public"\n'
        'pages = "public"\n',
    )
    for note in corpus.notes:
        _write(interviews / f"{note.stem}.md", ivsite_front_matter(note) + note.body)
    for role in corpus.roles:
        _write(
            roles / f"{role.slug}.md",
            "---\n"
            f"title: {yaml_str(role.title)}\n"
            f"status: {role.status}\n"
            f"skills: {yaml_list(role.skills)}\n"
            f"tags: {yaml_list(role.tags)}\n"
            f"summary: {yaml_str(role.summary)}\n"
            "---\n\n" + role.body,
        )
    _write(
        pages / "index.md",
        f"---\ntitle: {yaml_str(SITE_TITLE)}\n---\n\n" + corpus.home_body,
    )
    bank = []
    for qid, qtext, aliases in QUESTION_BANK:
        bank.append(f"- id: {qid}\n  text: {yaml_str(qtext)}")
        if aliases:
            bank.append(f"  aliases: {yaml_list(aliases)}")
    _write(outdir / "content" / "questions.yaml", "\n".join(bank) + "\n")


PELICANCONF = '''\
"""Pelican settings for the ivsite benchmark: one page per note, an index,
one page per tag and a tag overview; no feeds, no category/author/archive pages."""

AUTHOR = "Bench Author"
SITENAME = {sitename}
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

RELATIVE_URLS = True
DEFAULT_PAGINATION = False
DIRECT_TEMPLATES = ["index", "tags"]
ARTICLE_URL = "interviews/{{slug}}/"
ARTICLE_SAVE_AS = "interviews/{{slug}}/index.html"
PAGE_URL = "pages/{{slug}}/"
PAGE_SAVE_AS = "pages/{{slug}}/index.html"
TAG_URL = "tags/{{slug}}/"
TAG_SAVE_AS = "tags/{{slug}}/index.html"
TAGS_SAVE_AS = "tags/index.html"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
'''


def _pelican_meta(**fields: str) -> str:
    return "".join(f"{k}: {v}\n" for k, v in fields.items()) + "\n"


def write_pelican(corpus: Corpus, outdir: Path) -> None:
    _reset(outdir, "content", "pelicanconf.py", "output", "__pycache__")
    interviews = outdir / "content" / "interviews"
    roles = outdir / "content" / "pages" / "roles"
    interviews.mkdir(parents=True)
    roles.mkdir(parents=True)
    _write(outdir / "pelicanconf.py", PELICANCONF.format(sitename=json.dumps(SITE_TITLE)))
    link = "{{filename}}/pages/roles/{slug}.md"
    for note in corpus.notes:
        meta = _pelican_meta(
            Title=note.title,
            Date=note.date.isoformat(),
            Tags=", ".join(note.tags),
            Slug=note.stem,
            Category="interviews",  # notmyidea needs one; no category pages are written
            Summary=note.summary,
            Status="published",
        )
        _write(interviews / f"{note.stem}.md", meta + peer_body(note.body, link))
    for role in corpus.roles:
        meta = _pelican_meta(
            Title=role.title,
            Tags=", ".join(role.tags),
            Slug=role.slug,
            Summary=role.summary,
            Status="published",
        )
        _write(roles / f"{role.slug}.md", meta + peer_body(role.body, link))
    _write(
        outdir / "content" / "pages" / "home.md",
        _pelican_meta(Title="About", Slug="home", Status="published") + corpus.home_body,
    )


MKDOCS_YML = """\
site_name: {sitename}
site_url: {base_url}
docs_dir: docs
site_dir: site
use_directory_urls: true
theme:
  name: mkdocs
plugins: []
# A short nav on purpose: without one MkDocs lists every page in every page's menu,
# which makes the build quadratic (40 s and 200 KB a page at only 1k notes). Pages
# left out of the nav are still built.
nav:
  - Home: index.md
  - Roles:
{roles}
  - Tags: tags/index.md
"""


def _mkdocs_meta(title: str, **extra: str) -> str:
    lines = ["---", f"title: {yaml_str(title)}"]
    lines.extend(f"{k}: {v}" for k, v in extra.items())
    return "\n".join([*lines, "---", "", ""])


def write_mkdocs(corpus: Corpus, outdir: Path) -> None:
    _reset(outdir, "docs", "mkdocs.yml", "site")
    docs = outdir / "docs"
    interviews = docs / "interviews"
    roles = docs / "roles"
    tags_dir = docs / "tags"
    for d in (interviews, roles, tags_dir):
        d.mkdir(parents=True)
    _write(
        outdir / "mkdocs.yml",
        MKDOCS_YML.format(
            sitename=yaml_str(SITE_TITLE),
            base_url=BASE_URL,
            roles="\n".join(f"      - roles/{r.slug}.md" for r in corpus.roles),
        ),
    )
    link = "../roles/{slug}.md"
    by_tag: dict[str, list[Note]] = {}
    for note in corpus.notes:
        meta = _mkdocs_meta(
            note.title,
            date=note.date.isoformat(),
            tags=yaml_list(note.tags),
            summary=yaml_str(note.summary),
        )
        _write(
            interviews / f"{note.stem}.md",
            meta + f"# {note.title}\n\n" + peer_body(note.body, link),
        )
        for tag in note.tags:
            by_tag.setdefault(tag, []).append(note)
    for role in corpus.roles:
        meta = _mkdocs_meta(role.title, tags=yaml_list(role.tags), summary=yaml_str(role.summary))
        _write(roles / f"{role.slug}.md", meta + f"# {role.title}\n\n" + peer_body(role.body, link))
    newest = sorted(corpus.notes, key=lambda n: (n.date, n.stem), reverse=True)
    index = [
        _mkdocs_meta(SITE_TITLE),
        f"# {SITE_TITLE}\n\n",
        corpus.home_body,
        "\n## Interviews\n\n",
    ]
    index.extend(
        f"- {n.date.isoformat()} [{n.title}](interviews/{n.stem}.md): {n.summary}\n" for n in newest
    )
    index.append("\n## Roles\n\n")
    index.extend(f"- [{r.title}](roles/{r.slug}.md)\n" for r in corpus.roles)
    index.append("\n[All tags](tags/index.md)\n")
    _write(docs / "index.md", "".join(index))
    overview = [_mkdocs_meta("Tags"), "# Tags\n\n"]
    for tag in sorted(by_tag):
        overview.append(f"- [{tag}]({tag}.md) ({len(by_tag[tag])})\n")
        rank = sorted(by_tag[tag], key=lambda n: (n.date, n.stem), reverse=True)
        page = [_mkdocs_meta(f"Tag: {tag}"), f"# Tag: {tag}\n\n"]
        page.extend(
            f"- {n.date.isoformat()} [{n.title}](../interviews/{n.stem}.md): {n.summary}\n"
            for n in rank
        )
        _write(tags_dir / f"{tag}.md", "".join(page))
    _write(tags_dir / "index.md", "".join(overview))


WRITERS = {"ivsite": write_ivsite, "pelican": write_pelican, "mkdocs": write_mkdocs}


def generate(
    n: int, outdir: Path, seed: int = 1, flavour: str = "ivsite", all_public: bool = False
) -> Corpus:
    corpus = make_corpus(n, seed, all_public=all_public)
    WRITERS[flavour](corpus, outdir)
    return corpus


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of interview notes")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--flavour", choices=FLAVOURS, default="ivsite")
    parser.add_argument(
        "--all-public",
        action="store_true",
        help="make every interview public (the peers publish every note)",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    generate(args.n, args.outdir, args.seed, args.flavour, args.all_public)
    return 0


if __name__ == "__main__":
    sys.exit(main())
